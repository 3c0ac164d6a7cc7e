// One server under test, in a process of its own so the load generator does not share its
// event loop. Prints its port on stdout once listening. `GET /__bench/round-trips` answers
// the statements and round trips its database driver counted, and the CPU time the process
// used, since the last time it was asked, for the load generator to divide by the requests
// it completed. CPU per request holds still when the machine is busy; requests per second do not.
//
//   node --import tsx bench/server.ts pam <database url> [app root]
//   node --import tsx bench/server.ts floor <database url>
//   node --import tsx bench/server.ts replay <database url>
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getRequestListener } from '@hono/node-server';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { ConnectDatabase, Database } from '../functions/database/types.ts';
import { floorHandler } from './floor.ts';
import { roundTripCounter } from './round-trips.ts';
import { BENCH_IPN_PASSPHRASE, BENCH_JWT_SECRET, POOL_SIZE } from './scenarios.ts';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const [kind, databaseUrl, appRoot = '.'] = process.argv.slice(2);
const counter = roundTripCounter();
// The statements' texts too, for a look at what one request sends (BENCH_RECORD=1).
counter.record(process.env.BENCH_RECORD === '1');

type Fetch = (request: Request) => Response | Promise<Response>;

/** PAM's own app as a Node server: @hono/node-server, connections from a pool. */
async function pamHandler(root: string): Promise<Handler> {
  return getRequestListener(await pamFetch(root));
}

/**
 * The most this machine and load generator can measure: a server that answers a GET from
 * memory with what PAM answered the first time the same token asked for the same path (the
 * warm-up asks once for every user), and does nothing else: no token check, no database,
 * no routing. A server can come near this number, never above it.
 */
async function replayHandler(root: string): Promise<Handler> {
  const pam = await pamFetch(root);
  const answers = new Map<string, { status: number; headers: Record<string, string>; body: Buffer }>();
  return (req, res) => {
    const key = `${req.headers.authorization ?? ''} ${req.url}`;
    const known = answers.get(key);
    if (known) {
      res.writeHead(known.status, known.headers).end(known.body);
      return;
    }
    if (req.method !== 'GET') {
      res.writeHead(405).end();
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
    void (async () => {
      const response = await pam(new Request(`http://127.0.0.1${req.url}`, { headers }));
      const answer = { status: response.status, headers: Object.fromEntries(response.headers), body: Buffer.from(await response.arrayBuffer()) };
      if (answer.status === 200) answers.set(key, answer);
      res.writeHead(answer.status, answer.headers).end(answer.body);
    })().catch(() => res.writeHead(500).end());
  };
}

async function pamFetch(root: string): Promise<Fetch> {
  const url = (path: string) => pathToFileURL(resolve(root, path)).href;
  const { newApp } = (await import(url('functions/app.ts'))) as typeof import('../functions/app.ts');
  const connectModule = (await import(url('functions/database/connect.ts'))) as Partial<typeof import('../functions/database/connect.ts')>;
  const connectDatabase: ConnectDatabase = connectModule.pgPool
    ? connectModule.pgPool(databaseUrl, { max: POOL_SIZE, Client: counter.Client }).connect
    : legacyPool();
  const app = newApp({ connectDatabase });
  const env = { JWT_SECRET: BENCH_JWT_SECRET, DATABASE_URL: databaseUrl, DIGISTORE24_IPN_PASSPHRASE: BENCH_IPN_PASSPHRASE };
  // What Workers hands every request: work to finish after the answer (closing or releasing
  // the connection, embedding a saved document) goes to waitUntil.
  const executionContext = {
    waitUntil: (work: Promise<unknown>) => void work.catch(() => {}),
    passThroughOnException: () => {},
    props: {},
  };
  return (request) => app.fetch(request, env, executionContext);
}

/** For a checkout from before PAM had a pool of its own (BENCH_BASELINE): what the benchmark used to do. */
function legacyPool(): ConnectDatabase {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: POOL_SIZE, Client: counter.Client } as pg.PoolConfig);
  return async () => {
    const client = await pool.connect();
    return { db: drizzle({ client }) as unknown as Database, close: async () => client.release() };
  };
}

const handler =
  kind === 'floor'
    ? floorHandler(databaseUrl, { max: POOL_SIZE, Client: counter.Client })
    : kind === 'replay'
      ? await replayHandler(appRoot)
      : await pamHandler(appRoot);

let cpuSince = process.cpuUsage();
const server = createServer((req, res) => {
  if (req.url === '/__bench/round-trips') {
    const { statements, roundTrips, texts } = counter.count;
    const cpu = process.cpuUsage(cpuSince);
    cpuSince = process.cpuUsage();
    const answer = JSON.stringify({ statements, roundTrips, cpuMs: (cpu.user + cpu.system) / 1000, texts });
    counter.reset();
    res.writeHead(200, { 'content-type': 'application/json' }).end(answer);
    return;
  }
  handler(req, res);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
