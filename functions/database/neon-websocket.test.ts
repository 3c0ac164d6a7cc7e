// pg on NeonWebSocket (connectNeon), against a WebSocket-to-TCP pipe standing in for
// Neon's proxy in front of the real test database (a server or the embedded one behind a
// socket). The pipe records what each WebSocket message carried, so the pipelining that
// saves round trips is checked where it matters: on the wire.
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.ts';
import { closedPort, type DatabaseEndpoint, serveTestDatabase } from '../../test/worker/database-endpoint.ts';
import { type NeonWebSocketPipe, startNeonWebSocketPipe } from '../../test/worker/neon-websocket-pipe.ts';
import { ApiError } from '../errors.ts';
import { connectNeon, type NeonOptions } from './connect.ts';
import type { WebSocketClass } from './neon-websocket.ts';
import type { Database } from './types.ts';

// Node 20 has no global WebSocket; workerd and Node 22 do.
const WebSocketImpl = WebSocket as unknown as WebSocketClass;

let database: TestDatabase;
let postgres: DatabaseEndpoint;
let pipe: NeonWebSocketPipe;

beforeAll(async () => {
  database = await createTestDatabase();
  postgres = await serveTestDatabase(database);
  pipe = await startNeonWebSocketPipe(postgres);
  await database.owner.query('create table public.neon_ws_items (id integer primary key, label text not null)');
});
afterAll(async () => {
  await pipe?.close();
  await postgres?.close();
  await database?.close();
});

function connect(options: NeonOptions = {}, url = postgres.url) {
  return connectNeon(url, { proxy: pipe.proxyAddress, WebSocket: WebSocketImpl, ...options });
}

/** The newest connection's WebSocket messages at the pipe, each as the statements it carried. */
function lastConnectionMessages(through = pipe): string[][] {
  return through.messagesByConnection().at(-1) ?? [];
}

/** The rows of a query through drizzle, as pg returns them. */
async function rowsOf<T>(db: Database, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

async function labels(): Promise<string[]> {
  const { rows } = await database.owner.query<{ label: string }>('select label from public.neon_ws_items order by id');
  return rows.map((row) => row.label);
}

describe('pg over a WebSocket to Neon', () => {
  it('connects through the proxy and answers a query', async () => {
    const before = pipe.connectionCount();
    const connection = await connect();
    try {
      expect(await rowsOf(connection.db, sql`select ${20}::int + 22 as sum`)).toEqual([{ sum: 42 }]);
      expect(pipe.connectionCount()).toBe(before + 1);
    } finally {
      await connection.close();
    }
  });

  it('runs a transaction of several statements, BEGIN and the claims travelling with the first', async () => {
    await database.owner.query('delete from public.neon_ws_items');
    const connection = await connect();
    try {
      const seen = await connection.db.transaction(async (tx) => {
        // As the request's claims go (request-transaction.ts): held, to travel with what comes next.
        connection.sendWithNextStatement?.({ text: `select set_config('pam.neon_ws_test', $1, true)`, values: ['claimed'] });
        await tx.execute(sql`insert into public.neon_ws_items values (1, 'water')`);
        await tx.execute(sql`insert into public.neon_ws_items values (2, ${'diesel'})`);
        const [{ setting }] = await rowsOf<{ setting: string }>(tx, sql`select current_setting('pam.neon_ws_test') as setting`);
        return setting;
      });
      expect(seen).toBe('claimed');
    } finally {
      await connection.close();
    }
    expect(await labels()).toEqual(['water', 'diesel']);
    const messages = lastConnectionMessages().filter((carried) => carried[0] !== '<startup>');
    expect(messages.slice(0, 4)).toEqual([
      ['begin', `select set_config('pam.neon_ws_test', $1, true)`, `insert into public.neon_ws_items values (1, 'water')`],
      ['insert into public.neon_ws_items values (2, $1)'],
      [`select current_setting('pam.neon_ws_test') as setting`],
      ['commit'],
    ]);
  });

  it('rolls a transaction back when a statement in it fails, and the session goes on', async () => {
    await database.owner.query('delete from public.neon_ws_items');
    await database.owner.query(`insert into public.neon_ws_items values (1, 'kept')`);
    const connection = await connect();
    try {
      const failed = connection.db.transaction(async (tx) => {
        await tx.execute(sql`insert into public.neon_ws_items values (2, 'never stored')`);
        await tx.execute(sql`insert into public.neon_ws_items values (1, 'a duplicate')`);
      });
      await expect(failed).rejects.toMatchObject({ cause: { code: '23505' } });
      expect(await rowsOf(connection.db, sql`select count(*)::int as n from public.neon_ws_items`)).toEqual([{ n: 1 }]);
    } finally {
      await connection.close();
    }
    expect(await labels()).toEqual(['kept']);
  });

  it('ends the WebSocket on close()', async () => {
    const connection = await connect();
    await connection.db.execute(sql`select 1`);
    expect(pipe.openConnections()).toBe(1);
    await connection.close();
    await vi.waitFor(() => expect(pipe.openConnections()).toBe(0));
    expect(lastConnectionMessages().at(-1)).toEqual(['<terminate>']);
  });
});

describe('pg over a WebSocket when the database cannot be reached', () => {
  async function expectUnavailable(connecting: Promise<unknown>, withinMs: number) {
    const started = Date.now();
    const error = await connecting.then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: 'database_unavailable', status: 503, options: { headers: { 'retry-after': '5' } } });
    expect(Date.now() - started).toBeLessThan(withinMs);
  }

  it('fails at once when the proxy cannot reach Postgres and hangs up', async () => {
    const port = await closedPort();
    const downstream = await startNeonWebSocketPipe({ host: '127.0.0.1', port });
    try {
      // Well inside the connect timeout: the hang-up itself ends the attempt.
      await expectUnavailable(connect({ proxy: downstream.proxyAddress }, `postgres://postgres@127.0.0.1:${port}/postgres`), 2_000);
      expect(downstream.connectionCount()).toBe(1);
    } finally {
      await downstream.close();
    }
  });

  it('fails at once when the proxy itself cannot be reached', async () => {
    await expectUnavailable(connect({ proxy: `127.0.0.1:${await closedPort()}/v2` }), 2_000);
  });

  it('gives up after the connect timeout on a proxy that never answers', async () => {
    const silent = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise((resolve) => silent.once('listening', resolve));
    let opened = 0;
    silent.on('connection', () => (opened += 1));
    try {
      const { port } = silent.address() as { port: number };
      await expectUnavailable(connect({ proxy: `127.0.0.1:${port}/v2` }), 8_000);
      expect(opened).toBe(1);
    } finally {
      for (const client of silent.clients) client.terminate();
      await new Promise((resolve) => silent.close(resolve));
    }
  }, 15_000);
});

describe("pg over a WebSocket to a proxy that asks for a cleartext password, as Neon's does", () => {
  const PASSWORD = 'correct horse';
  let guarded: NeonWebSocketPipe;
  const withPassword = (password: string) => {
    const url = new URL(postgres.url);
    url.password = password;
    return url.toString();
  };

  beforeAll(async () => {
    guarded = await startNeonWebSocketPipe(postgres, { password: PASSWORD });
  });
  afterAll(() => guarded?.close());

  async function connectAndQuery(options: NeonOptions, password = PASSWORD) {
    const connection = await connect({ proxy: guarded.proxyAddress, ...options }, withPassword(password));
    try {
      expect(await rowsOf(connection.db, sql`select 42 as answer`)).toEqual([{ answer: 42 }]);
    } finally {
      await connection.close();
    }
    return lastConnectionMessages(guarded);
  }

  it('answers the password request when it comes: a round trip before the session starts', async () => {
    const messages = await connectAndQuery({ passwordWithStartup: false });
    expect(messages.slice(0, 2)).toEqual([['<startup>'], ['<password>']]);
  });

  it('sends the password with the startup message, and only there', async () => {
    const messages = await connectAndQuery({ passwordWithStartup: true });
    expect(messages[0]).toEqual(['<startup>', '<password>']);
    expect(messages.slice(1).flat()).not.toContain('<password>');
  });

  it('is refused with a wrong password, at once', async () => {
    const started = Date.now();
    await expect(connectAndQuery({ passwordWithStartup: true }, 'wrong')).rejects.toMatchObject({
      kind: 'database_unavailable',
      cause: { code: '28P01' },
    });
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
