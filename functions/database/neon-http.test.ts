// NeonHttpClient as drizzle's pg client, against a stand-in of Neon's /sql endpoint in
// front of the real test database (a server or the embedded one behind a socket). The
// stand-in is held to Neon's wire format by Neon's own driver at the end.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { neon, neonConfig } from '@neondatabase/serverless';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { bigint, boolean, date, integer, jsonb, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.ts';
import { type NeonHttpEndpoint, startNeonHttpEndpoint } from '../../test/support/neon-http-endpoint.ts';
import { closedPort, type DatabaseEndpoint, serveTestDatabase } from '../../test/worker/database-endpoint.ts';
import { apiErrorFromDatabase } from './errors.ts';
import { NeonHttpClient, type NeonHttpOptions, neonHttpEndpoint, THIRD_STATEMENT_MESSAGE } from './neon-http.ts';

const items = pgTable('neon_http_items', {
  id: integer('id').primaryKey(),
  label: text('label').notNull(),
});

const samples = pgTable('neon_http_samples', {
  id: uuid('id').primaryKey(),
  at: timestamp('at', { withTimezone: true }).notNull(),
  day: date('day'),
  amount: numeric('amount'),
  big: bigint('big', { mode: 'bigint' }),
  flag: boolean('flag'),
  doc: jsonb('doc'),
  tags: text('tags').array(),
  note: text('note'),
});

// Neon's driver's own endpoint function, taken before any test points it elsewhere.
const neonDriverEndpoint = neonConfig.fetchEndpoint as (host: string, port: number | string) => string;

let database: TestDatabase;
let postgres: DatabaseEndpoint;
let stand: NeonHttpEndpoint;
let reference: pg.Client;

beforeAll(async () => {
  database = await createTestDatabase();
  postgres = await serveTestDatabase(database);
  stand = await startNeonHttpEndpoint();
  reference = new pg.Client({ connectionString: postgres.url });
  reference.on('error', () => {});
  await reference.connect();
  await reference.query(`create table public.neon_http_items (id integer primary key, label text not null)`);
  await reference.query(`create table public.neon_http_samples (
    id uuid primary key, at timestamptz not null, day date, amount numeric, big int8,
    flag boolean, doc jsonb, tags text[], note text)`);
});
afterAll(async () => {
  await reference?.end().catch(() => {});
  await stand?.close();
  await postgres?.close();
  await database?.close();
});

function overHttp(options: NeonHttpOptions = {}) {
  const client = new NeonHttpClient(postgres.url, { endpoint: stand.url, ...options });
  return { client, db: drizzle({ client: client as unknown as pg.Client }) };
}

const referenceDb = () => drizzle({ client: reference });

/** How many requests `work` made of the stand-in. */
async function requestsDuring(work: () => Promise<unknown>): Promise<number> {
  const before = stand.requests();
  await work().catch(() => {});
  return stand.requests() - before;
}

async function labelsOf(ids: number[]): Promise<string[]> {
  const { rows } = await reference.query<{ label: string }>('select label from public.neon_http_items where id = any($1) order by id', [ids]);
  return rows.map((row) => row.label);
}

/** The error a promise rejected with. */
async function rejectionOf(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('expected a rejection');
}

/**
 * Starts a statement without awaiting it (as a held claims statement is) and keeps how it
 * ends: the value, or the error it rejected with.
 */
function started<T>(query: PromiseLike<T>): Promise<T | (Error & Record<string, unknown>)> {
  return Promise.resolve(query).then(
    (value) => value,
    (error: Error & Record<string, unknown>) => error,
  );
}

/** The driver's error inside drizzle's wrapping. */
const driverErrorOf = (error: Error) => (error.cause ?? error) as Error & Record<string, unknown>;

describe('values through NeonHttpClient are what pg gives', () => {
  it('raw statements: parameters in, every kind of value out', async () => {
    const probe = sql`select ${sql.param(new Date('2024-03-01T12:34:56.789Z'))}::timestamptz as at,
                             '2024-02-29'::date as day,
                             ${sql.param('12.50')}::numeric as amount,
                             ${sql.param(9007199254740993n)}::int8 as big,
                             ${sql.param(true)}::bool as flag,
                             ${sql.param({ a: [1, 'x'], b: null })}::jsonb as doc,
                             ${sql.param(['x', 'y,z', 'q"uote', null])}::text[] as tags,
                             '{1,NULL,3}'::int4[] as ints,
                             ${sql.param('5f0c3c1e-0d5a-4c57-9b59-2a2b1c1d9e01')}::uuid as id,
                             ${sql.param(Buffer.from([0, 1, 255]))}::bytea as bytes,
                             1.5::float8 as ratio, 'infinity'::timestamptz as forever,
                             null::text as nothing`;
    const { db } = overHttp();
    const { rows } = await db.execute(probe);
    const { rows: expected } = await referenceDb().execute(probe);
    expect(rows).toEqual(expected);
    expect(rows[0]).toMatchObject({
      amount: '12.50',
      big: '9007199254740993',
      flag: true,
      doc: { a: [1, 'x'], b: null },
      tags: ['x', 'y,z', 'q"uote', null],
      ints: [1, null, 3],
      id: '5f0c3c1e-0d5a-4c57-9b59-2a2b1c1d9e01',
      bytes: Buffer.from([0, 1, 255]),
      ratio: 1.5,
      nothing: null,
    });
    // drizzle keeps timestamps as Postgres' text on raw statements, through pg as here.
    expect(new Date(rows[0].at as string).toISOString()).toBe('2024-03-01T12:34:56.789Z');
  });

  it('drizzle tables: written and read back through it, as pg reads them', async () => {
    const { db } = overHttp();
    const row = {
      id: 'a3c7e8f0-1b2c-4d5e-8f90-123456789abc',
      at: new Date('2023-12-31T23:59:59.123Z'),
      day: '2024-02-29',
      amount: '-0.000100',
      big: -9007199254740993n,
      flag: false,
      doc: { nested: { list: [1, 2, { deep: 'yes' }] }, quote: 'it\'s "ok"' },
      tags: ['plain', 'with space', 'with,comma', ''],
      note: null,
    };
    const [inserted] = await db.insert(samples).values(row).returning();
    expect(inserted).toEqual(row);
    const [throughHttp] = await db.select().from(samples);
    const [throughPg] = await referenceDb().select().from(samples);
    expect(throughHttp).toEqual(throughPg);
    expect(throughHttp).toEqual(row);
  });
});

describe('a transaction over HTTP', () => {
  it('sends the claims statement and the statement as one request, one transaction', async () => {
    const { db } = overHttp();
    const claims = JSON.stringify({ sub: 'user-1', role: 'authenticated' });
    let outcome: unknown;
    const requests = await requestsDuring(async () => {
      outcome = await db.transaction(async (tx) => {
        const set = tx
          .execute(sql`select set_config('request.jwt.claims', ${claims}, true) as claims, current_setting('transaction_isolation') as isolation`)
          .then((result) => result.rows);
        // The claims are LOCAL: the statement sees them only inside the same transaction.
        const inserted = await tx
          .insert(items)
          .values({ id: 1, label: sql`current_setting('request.jwt.claims')` })
          .returning();
        return { set: await set, inserted };
      });
    });
    expect(requests).toBe(1);
    expect(outcome).toEqual({
      set: [{ claims, isolation: 'read committed' }],
      inserted: [{ id: 1, label: claims }],
    });
    expect(await labelsOf([1])).toEqual([claims]);
    const [request] = stand.received().slice(-1);
    expect(request.headers).toMatchObject({ 'neon-batch-isolation-level': 'ReadCommitted', 'neon-batch-read-only': 'false' });
    expect((request.body as { queries: unknown[] }).queries).toHaveLength(2);
  });

  it('a failing statement leaves nothing written, and both see its error', async () => {
    const { db } = overHttp();
    let held: Promise<unknown> = Promise.resolve();
    const requests = await requestsDuring(async () => {
      await db.transaction(async (tx) => {
        held = started(tx.insert(items).values({ id: 10, label: 'held' }));
        await tx.insert(items).values([
          { id: 11, label: 'first' },
          { id: 11, label: 'again' },
        ]);
      });
    });
    expect(requests).toBe(1);
    const heldError = driverErrorOf((await held) as Error);
    expect(heldError).toMatchObject({ code: '23505', constraint: 'neon_http_items_pkey' });
    expect(await labelsOf([10, 11])).toEqual([]);
  });

  it('a failing claims statement is the error both statements reject with', async () => {
    const { db } = overHttp();
    let claims: Promise<unknown> = Promise.resolve();
    const failure = await rejectionOf(
      db.transaction(async (tx) => {
        claims = started(tx.execute(sql`select set_config('role', 'no_such_role', true)`));
        await tx.insert(items).values({ id: 20, label: 'never' });
      }),
    );
    expect(driverErrorOf(failure)).toMatchObject({ code: '22023', message: 'role "no_such_role" does not exist' });
    expect(driverErrorOf((await claims) as Error)).toMatchObject({ code: '22023' });
    expect(await labelsOf([20])).toEqual([]);
  });

  it('refuses a third statement; the first two were already committed together', async () => {
    const { db } = overHttp();
    let failure: Error | undefined;
    const requests = await requestsDuring(async () => {
      failure = await rejectionOf(
        db.transaction(async (tx) => {
          void started(tx.execute(sql`select set_config('request.jwt.claims', '{}', true)`));
          await tx.insert(items).values({ id: 30, label: 'committed' });
          await tx.select().from(items);
        }),
      );
    });
    expect(requests).toBe(1);
    expect(driverErrorOf(failure!).message).toBe(THIRD_STATEMENT_MESSAGE);
    expect(await labelsOf([30])).toEqual(['committed']);
  });

  it('commit with only the held statement sends it alone, and reports its outcome', async () => {
    const { db } = overHttp();
    let held: Promise<unknown> = Promise.resolve();
    const requests = await requestsDuring(() =>
      db.transaction(async (tx) => {
        held = started(tx.insert(items).values({ id: 40, label: 'alone' }).returning());
      }),
    );
    expect(requests).toBe(1);
    expect(await held).toEqual([{ id: 40, label: 'alone' }]);
    expect(await labelsOf([40])).toEqual(['alone']);

    let failure: Error | undefined;
    const failingRequests = await requestsDuring(async () => {
      failure = await rejectionOf(
        db.transaction(async (tx) => {
          held = started(tx.insert(items).values({ id: 40, label: 'duplicate' }));
        }),
      );
    });
    // drizzle answers the failed COMMIT with a ROLLBACK, which has nothing left to send.
    expect(failingRequests).toBe(1);
    expect(driverErrorOf(failure!)).toMatchObject({ code: '23505' });
    expect(driverErrorOf((await held) as Error)).toMatchObject({ code: '23505' });
  });

  it('rollback with only the held statement sends nothing', async () => {
    const { db } = overHttp();
    let held: Promise<unknown> = Promise.resolve();
    const requests = await requestsDuring(() =>
      db.transaction(async (tx) => {
        held = started(tx.insert(items).values({ id: 50, label: 'rolled back' }));
        tx.rollback();
      }),
    );
    expect(requests).toBe(0);
    expect(driverErrorOf((await held) as Error).message).toMatch(/rolled back before its statement was sent/);
    expect(await labelsOf([50])).toEqual([]);
  });

  it('sendWithNextStatement holds a statement whose failure becomes the next statement’s', async () => {
    const { client, db } = overHttp();
    const failure = await rejectionOf(
      db.transaction(async (tx) => {
        client.sendWithNextStatement({ text: `select set_config('role', $1, true)`, values: ['no_such_role'] });
        await tx.insert(items).values({ id: 60, label: 'never' });
      }),
    );
    expect(driverErrorOf(failure)).toMatchObject({ code: '22023' });
    expect(await labelsOf([60])).toEqual([]);

    const requests = await requestsDuring(() =>
      db.transaction(async (tx) => {
        client.sendWithNextStatement({ text: `select set_config('request.jwt.claims', $1, true)`, values: ['{"sub":"x"}'] });
        await tx.insert(items).values({ id: 61, label: sql`current_setting('request.jwt.claims')` });
      }),
    );
    expect(requests).toBe(1);
    expect(await labelsOf([61])).toEqual(['{"sub":"x"}']);
  });

  it('honours the isolation and access mode BEGIN asks for', async () => {
    const { db } = overHttp();
    const failure = await rejectionOf(
      db.transaction(
        async (tx) => {
          void started(tx.execute(sql`select 1`));
          await tx.insert(items).values({ id: 70, label: 'read only' });
        },
        { isolationLevel: 'serializable', accessMode: 'read only' },
      ),
    );
    expect(driverErrorOf(failure)).toMatchObject({ code: '25006' });
    const [request] = stand.received().slice(-1);
    expect(request.headers).toMatchObject({ 'neon-batch-isolation-level': 'Serializable', 'neon-batch-read-only': 'true' });
  });
});

describe('outside a transaction', () => {
  it('sends each statement alone', async () => {
    const { db } = overHttp();
    const requests = await requestsDuring(async () => {
      await db.insert(items).values({ id: 80, label: 'autocommit' });
      await db.select().from(items);
    });
    expect(requests).toBe(2);
    expect(await labelsOf([80])).toEqual(['autocommit']);
  });

  it('raises Postgres errors as pg does, which the error classification knows', async () => {
    const { db } = overHttp();
    await db.insert(items).values({ id: 81, label: 'first' });
    const failure = await rejectionOf(db.insert(items).values({ id: 81, label: 'second' }));
    const error = driverErrorOf(failure);
    expect(error).toBeInstanceOf(pg.DatabaseError);
    expect(error).toMatchObject({
      message: 'duplicate key value violates unique constraint "neon_http_items_pkey"',
      code: '23505',
      severity: 'ERROR',
      detail: 'Key (id)=(81) already exists.',
      schema: 'public',
      table: 'neon_http_items',
      constraint: 'neon_http_items_pkey',
    });
    expect(apiErrorFromDatabase(failure)?.kind).toBe('conflict');
  });
});

describe('the endpoint cannot be had', () => {
  let silent: Server;
  let failing: Server;
  const urlOf = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}/sql`;

  beforeAll(async () => {
    silent = createServer(() => {}); // takes the request and never answers
    failing = createServer((request, response) => {
      if (request.headers['x-answer'] === 'neon-json') {
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ message: 'Console request failed', code: '' }));
      } else {
        response.writeHead(503, { 'content-type': 'text/plain' });
        response.end('upstream connect error');
      }
    });
    await Promise.all([silent, failing].map((server) => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))));
  });
  afterAll(async () => {
    for (const server of [silent, failing]) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  async function classify(options: NeonHttpOptions, inTransaction = false) {
    const { db } = overHttp(options);
    const failure = await rejectionOf(
      inTransaction
        ? db.transaction(async (tx) => {
            void started(tx.execute(sql`select 1`));
            await tx.select().from(items);
          })
        : db.select().from(items),
    );
    return { kind: apiErrorFromDatabase(failure)?.kind, message: driverErrorOf(failure).message };
  }

  it('nothing listening: database unavailable', async () => {
    const outcome = await classify({ endpoint: `http://127.0.0.1:${await closedPort()}/sql` });
    expect(outcome).toEqual({ kind: 'database_unavailable', message: "Neon's HTTP endpoint cannot be reached" });
  });

  it('no answer in time: database unavailable', async () => {
    const outcome = await classify({ endpoint: urlOf(silent), timeoutMs: 300 }, true);
    expect(outcome).toEqual({ kind: 'database_unavailable', message: "Neon's HTTP endpoint did not answer within 300 ms" });
  });

  it('a 5xx without a Postgres error: database unavailable', async () => {
    expect((await classify({ endpoint: urlOf(failing) })).kind).toBe('database_unavailable');
    const withNeonBody: typeof fetch = (input, init) =>
      fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), 'x-answer': 'neon-json' } });
    const outcome = await classify({ endpoint: urlOf(failing), fetch: withNeonBody });
    expect(outcome).toEqual({ kind: 'database_unavailable', message: "Neon's HTTP endpoint answered HTTP 500: Console request failed" });
  });
});

describe("Neon's endpoint", () => {
  it('is computed from the host as Neon’s driver does', () => {
    const url = 'postgresql://app:secret@ep-cool-darkness-123456.us-east-2.aws.neon.tech/neondb?sslmode=require';
    expect(neonHttpEndpoint(url)).toBe('https://api.us-east-2.aws.neon.tech/sql');
    expect(neonHttpEndpoint(url)).toBe(neonDriverEndpoint('ep-cool-darkness-123456.us-east-2.aws.neon.tech', 5432));
  });
});

describe("Neon's own driver against the stand-in", () => {
  beforeAll(() => {
    neonConfig.fetchEndpoint = stand.url;
  });
  afterAll(() => {
    neonConfig.fetchEndpoint = neonDriverEndpoint;
  });

  it('answers a query', async () => {
    const query = neon(postgres.url);
    const before = stand.requests();
    expect(await query`select ${41}::int + 1 as n, ${['a', 'b,c']}::text[] as tags, ${{ x: 1 }}::jsonb as doc, null::int as nothing`).toEqual([
      { n: 42, tags: ['a', 'b,c'], doc: { x: 1 }, nothing: null },
    ]);
    expect(stand.requests() - before).toBe(1);
    const full = await query.query('select $1::int8 as big', ['9007199254740993'], { fullResults: true });
    expect(full).toMatchObject({ command: 'SELECT', rowCount: 1, rows: [{ big: '9007199254740993' }] });
    expect(full.fields[0]).toMatchObject({ name: 'big', dataTypeID: 20 });
  });

  it('runs a transaction, all or nothing, and reports errors with their fields', async () => {
    const query = neon(postgres.url);
    const [inserted, counted] = await query.transaction([
      query`insert into public.neon_http_items (id, label) values (90, 'driver') returning label`,
      query`select count(*)::int as n from public.neon_http_items where id = 90`,
    ]);
    expect(inserted).toEqual([{ label: 'driver' }]);
    expect(counted).toEqual([{ n: 1 }]);

    const failure = await rejectionOf(
      query.transaction([
        query`insert into public.neon_http_items (id, label) values (91, 'undone')`,
        query`insert into public.neon_http_items (id, label) values (90, 'duplicate')`,
      ]),
    );
    expect(failure).toMatchObject({ name: 'NeonDbError', code: '23505', constraint: 'neon_http_items_pkey', table: 'neon_http_items' });
    expect(await labelsOf([90, 91])).toEqual(['driver']);
    const [request] = stand.received().slice(-1);
    expect(request.headers).toMatchObject({ 'neon-raw-text-output': 'true', 'neon-array-mode': 'true' });
  });
});
