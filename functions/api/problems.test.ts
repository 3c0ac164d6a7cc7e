import { request as httpRequest } from 'node:http';
import { connect as tcpConnect, createServer, type Server, type Socket } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { DrizzleQueryError, sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newApp } from '../app.ts';
import { problemKinds } from '../errors.ts';
import { problemResponses, toApiError } from './problems.ts';

/** What a statement rejects with when its error is thrown: the error itself. */
async function rejectionOf(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/**
 * A PGlite served over the Postgres wire protocol, reached through a TCP relay whose
 * sockets the test can cut: real pg connections that die the ways a network drops them.
 */
let pglite: PGlite;
let socketServer: PGLiteSocketServer;
let relay: Server;
let relayPort: number;
const relayedSockets: Socket[] = [];

beforeAll(async () => {
  pglite = await PGlite.create();
  socketServer = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port: 0, maxConnections: 10 });
  await socketServer.start();
  const databasePort = Number(socketServer.getServerConn().split(':').pop());
  relay = createServer((socket) => {
    const upstream = tcpConnect(databasePort, '127.0.0.1');
    socket.on('error', () => {}).on('close', () => upstream.destroy());
    upstream.on('error', () => {}).on('close', () => socket.destroy());
    socket.pipe(upstream).pipe(socket);
    relayedSockets.push(socket);
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  relayPort = (relay.address() as { port: number }).port;
});

afterAll(async () => {
  for (const socket of relayedSockets) socket.destroy();
  await new Promise((resolve) => relay?.close(resolve));
  await socketServer?.stop();
  await pglite?.close();
});

/** A pg connection through the relay, cut (`end`: FIN, `reset`: RST) while a statement runs. */
async function lostPgConnection(cut: 'end' | 'reset') {
  const client = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${relayPort}/postgres` });
  client.on('error', () => {});
  await client.connect();
  const db = drizzlePg({ client });
  await db.execute(sql`select 1`);
  const socket = relayedSockets.at(-1)!;
  const running = rejectionOf(() => db.execute(sql`select pg_sleep(1)`));
  await new Promise((resolve) => setTimeout(resolve, 50));
  if (cut === 'end') socket.destroy();
  else socket.resetAndDestroy();
  const duringStatement = await running;
  const afterwards = await rejectionOf(() => db.execute(sql`select 1`));
  await client.end().catch(() => {});
  return { duringStatement, afterwards };
}

/** Node's own "socket hang up": an HTTP server that closes the connection without answering. */
async function socketHangUp(): Promise<unknown> {
  const server = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  try {
    return await new Promise((resolve) => {
      httpRequest({ host: '127.0.0.1', port, path: '/' }, () => resolve(new Error('answered'))).on('error', resolve).end();
    });
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

function expectDatabaseUnavailable(error: unknown) {
  const apiError = toApiError(error);
  expect(apiError.status).toBe(503);
  expect(apiError.kind).toBe('database_unavailable');
  expect(apiError.options.headers?.['retry-after']).toMatch(/^\d+$/);
}

/** How driver failures reach clients: a lost database is a 503 to retry, never a 500. */
describe('toApiError for lost connections', () => {
  it('maps a pg connection closed under a running statement, and every statement after it, to 503', async () => {
    const { duringStatement, afterwards } = await lostPgConnection('end');
    expect(String((duringStatement as Error).cause)).toMatch(/Connection terminated unexpectedly/);
    expectDatabaseUnavailable(duringStatement);
    expectDatabaseUnavailable(afterwards);
  });

  it('maps a pg connection reset under a running statement to 503', async () => {
    const { duringStatement, afterwards } = await lostPgConnection('reset');
    expect((duringStatement as { cause?: { code?: string } }).cause?.code).toBe('ECONNRESET');
    expectDatabaseUnavailable(duringStatement);
    expectDatabaseUnavailable(afterwards);
  });

  it('maps a statement on a closed PGlite to 503', async () => {
    const closed = await PGlite.create();
    await closed.close();
    expectDatabaseUnavailable(await rejectionOf(() => drizzlePglite({ client: closed }).execute(sql`select 1`)));
  });

  it.each([
    ['ECONNRESET', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET', syscall: 'read' })],
    ['ECONNREFUSED', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['pg: not queryable', new Error('Client has encountered a connection error and is not queryable')],
    ['pg: terminated', new Error('Connection terminated unexpectedly')],
    ['workerd: socket lost', new Error('Network connection lost.')],
    ["Neon: the WebSocket's error event", new Event('error')],
    ['server shutdown (57P01)', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
  ])('maps %s, as drizzle reports it from the driver, to 503 with Retry-After', (_name, driverError) => {
    // drizzle types the cause as an Error; Neon's client rejects with an Event all the same.
    expectDatabaseUnavailable(new DrizzleQueryError('commit', [], driverError as Error));
  });

  it('keeps other failures a 500', () => {
    expect(toApiError(new Error('undefined is not a function')).status).toBe(500);
  });
});

describe('toApiError for errors that only sound like a lost connection', () => {
  it.each([
    ['a TypeError "socket hang up"', new TypeError('socket hang up')],
    ['a provider that lost its network connection', new Error('The network connection to the provider was lost')],
    ['a WebSocket closed by a chat client', new Error('websocket closed before the reply')],
    ['a fetch that failed on a reset socket', new TypeError('fetch failed', { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) })],
    ['a driver message raised by other code', new Error('Connection terminated unexpectedly')],
    ['a value the driver cannot send', new DrizzleQueryError('insert', [], new TypeError('Do not know how to serialize a BigInt'))],
  ])('answers %s with 500, not 503', (_name, error) => {
    const apiError = toApiError(error);
    expect(apiError.status).toBe(500);
    expect(apiError.options.headers?.['retry-after']).toBeUndefined();
  });

  it('answers Node\'s own "socket hang up" from an HTTP call with 500', async () => {
    const hangUp = await socketHangUp();
    expect(hangUp).toMatchObject({ message: 'socket hang up', code: 'ECONNRESET' });
    expect(toApiError(hangUp).status).toBe(500);
  });

  it('keeps a statement error on a live connection what it is', async () => {
    const error = await rejectionOf(() => drizzlePglite({ client: pglite }).execute(sql`select 1/0`));
    expect(toApiError(error)).toMatchObject({ status: 400, kind: 'validation_failed' });
  });
});

describe('the documented problems', () => {
  it('cover every kind of problem a client can be answered with (500 aside, which any operation can meet)', () => {
    const documented = new Set(Object.keys(problemResponses).map(Number));
    const undocumented = Object.entries(problemKinds)
      .filter(([, { status }]) => status !== 500 && !documented.has(status))
      .map(([kind, { status }]) => `${kind} (${status})`);
    expect(undocumented).toEqual([]);
  });

  it('include 502 (token keys or a provider down) and 503 (database down) on every /api/v1 operation', async () => {
    const document = (await (await newApp().request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    const operations = Object.entries(document.paths)
      .filter(([path]) => path.startsWith('/api/v1/'))
      .flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, operation })));
    expect(operations.length).toBeGreaterThan(50);
    const missing = operations
      .filter(({ operation }) => !operation.responses['502'] || !operation.responses['503'])
      .map(({ name }) => name);
    expect(missing).toEqual([]);
  });
});
