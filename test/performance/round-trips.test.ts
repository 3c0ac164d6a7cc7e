// Round trips to the database per request, counted at the pg driver, on a real server:
// each is a network crossing in production (Hyperdrive, a Node server beside its
// database), so a change that adds one fails here.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { roundTripCounter } from '../../bench/round-trips.ts';
import { newApp } from '../../functions/app.ts';
import { connectPg, type PgPool, pgPool } from '../../functions/database/connect.ts';
import { withPgClient } from '../../db/connect.ts';
import { BENCH_IPN_PASSPHRASE, benchUsers, SCENARIOS } from '../../bench/scenarios.ts';
import { signTestToken, testEnv } from '../support/app.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

const onServer = inject('testDatabase').kind === 'server';

describe.skipIf(!onServer)('database round trips per request', () => {
  const counter = roundTripCounter();
  let database: TestDatabase;
  let pool: PgPool;
  let url: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    url = database.connectionString!;
    // One connection, so every request and check below meets the same one.
    pool = pgPool(url, { max: 1, Client: counter.Client });
    counter.record(true);
  });
  afterAll(async () => {
    await pool?.end();
    await database?.close();
  });

  const pooledApp = () => newApp({ connectDatabase: pool.connect });

  async function signedInToken(app = pooledApp()): Promise<string> {
    const token = await signTestToken({ sub: crypto.randomUUID(), email: 'rt@example.com', role: 'authenticated', session_id: crypto.randomUUID() });
    expect((await app.request('/api/v1/me', { headers: { authorization: `Bearer ${token}` } }, testEnv)).status).toBe(200);
    return token;
  }

  async function counted(send: () => Response | Promise<Response>) {
    counter.reset();
    const response = await send();
    await response.arrayBuffer();
    return { status: response.status, ...counter.count, texts: [...counter.count.texts] };
  }

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it('an operation declared as one statement: BEGIN, the claims, the query and COMMIT in one write', async () => {
    const app = pooledApp();
    const token = await signedInToken(app);
    const answer = await counted(() => app.request('/api/v1/todos', { headers: bearer(token) }, testEnv));
    expect(answer.status).toBe(200);
    expect(answer.texts).toEqual(['begin', expect.stringContaining('private.begin_request('), expect.stringContaining('from "todos"'), 'commit']);
    expect(answer.roundTrips).toBe(1);
  });

  it('an anonymous request declared as one statement: the same single round trip', async () => {
    const app = pooledApp();
    const answer = await counted(() => app.request('/api/v1/products', {}, testEnv));
    expect(answer.status).toBe(200);
    expect(answer.statements).toBe(4);
    expect(answer.roundTrips).toBe(1);
  });

  it('any other operation: the claims travel with its first statement, then one round trip per statement and the COMMIT', async () => {
    const app = pooledApp();
    const token = await signedInToken(app);
    const created = await app.request('/api/v1/todos', { method: 'POST', headers: { ...bearer(token), 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Check tyres' }) }, testEnv);
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const answer = await counted(() =>
      app.request(`/api/v1/todos/${id}/subtasks`, { method: 'POST', headers: { ...bearer(token), 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Front left' }) }, testEnv),
    );
    expect(answer.status).toBe(201);
    expect(answer.texts.slice(0, 2)).toEqual(['begin', expect.stringContaining('private.begin_request(')]);
    expect(answer.texts.at(-1)).toBe('commit');
    // BEGIN and the claims ride with the first of the handler's statements.
    expect(answer.statements).toBeGreaterThan(4);
    expect(answer.roundTrips).toBe(answer.statements - 2);
  });

  it("a list under a parent (a todo's subtasks): the check that the caller sees the parent and the rows, one statement", async () => {
    const app = pooledApp();
    const token = await signedInToken(app);
    const post = (path: string, json: unknown) =>
      app.request(path, { method: 'POST', headers: { ...bearer(token), 'content-type': 'application/json' }, body: JSON.stringify(json) }, testEnv);
    const { id } = (await (await post('/api/v1/todos', { title: 'Pack' })).json()) as { id: string };
    await post(`/api/v1/todos/${id}/subtasks`, { title: 'Tent' });
    const listed = await counted(() => app.request(`/api/v1/todos/${id}/subtasks`, { headers: bearer(token) }, testEnv));
    expect(listed.status).toBe(200);
    expect(listed.statements).toBe(4);
    expect(listed.roundTrips).toBe(1);
    const missing = await counted(() => app.request(`/api/v1/todos/${crypto.randomUUID()}/subtasks`, { headers: bearer(token) }, testEnv));
    expect(missing.status).toBe(404);
    expect(missing.roundTrips).toBe(1);
    // A keyset page under a parent: a post's comments.
    const written = (await (await post('/api/v1/posts', { content: 'Water at Balladonia' })).json()) as { id: string };
    await post(`/api/v1/posts/${written.id}/comments`, { content: 'Thanks' });
    const comments = await counted(() => app.request(`/api/v1/posts/${written.id}/comments`, { headers: bearer(token) }, testEnv));
    expect(comments.status).toBe(200);
    expect(comments.roundTrips).toBe(1);
  });

  it('a connection of its own per request (Workers, Hyperdrive): the same single round trip after the handshake', async () => {
    const app = newApp({ connectDatabase: (_config, options) => connectPg(url, { Client: counter.Client }, options) });
    const token = await signedInToken(app);
    const answer = await counted(() => app.request('/api/v1/todos', { headers: bearer(token) }, testEnv));
    expect(answer.status).toBe(200);
    expect(answer.roundTrips).toBe(1);
  });

  it('an ended session: its write travels in the same round trip and never runs', async () => {
    const app = pooledApp();
    const token = await signedInToken(app);
    const { sub } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { sub: string };
    await withPgClient(url, (client) => client.query('update public.user_sessions set is_active = false, ended_at = now() where user_id = $1', [sub]));
    const answer = await counted(() =>
      app.request(
        '/api/v1/expenses',
        {
          method: 'POST',
          headers: { ...bearer(token), 'content-type': 'application/json' },
          body: JSON.stringify({ amount: '9.50', description: 'never stored', category: 'fuel', expense_date: '2026-01-01' }),
        },
        testEnv,
      ),
    );
    expect(answer.status).toBe(401);
    expect(answer.roundTrips).toBe(1);
    expect(answer.texts[2]).toContain('insert into "expenses"');
    const stored = await withPgClient(url, (client) => client.query('select count(*)::int as n from public.expenses where user_id = $1', [sub]));
    expect(stored.rows[0].n).toBe(0);
  });

  it("a signed IPN: a savepoint and its release travel with the statements after them", async () => {
    const app = pooledApp();
    const ipn = SCENARIOS.find((scenario) => scenario.name === 'ipn')!;
    const user = (await benchUsers(1))[0];
    const request = await ipn.request(user, 1);
    const answer = await counted(() =>
      app.request(request.path, { method: request.method, headers: request.headers, body: request.body }, { ...testEnv, DIGISTORE24_IPN_PASSPHRASE: BENCH_IPN_PASSPHRASE }),
    );
    expect(answer.status).toBe(200);
    expect(answer.texts.map((text) => text.trim().split(/\s+/).slice(0, 2).join(' ').toLowerCase())).toEqual([
      'begin',
      'select set_config(\'request.jwt.claims\',',
      'insert into',
      expect.stringMatching(/^savepoint /),
      'insert into',
      expect.stringMatching(/^release savepoint/),
      'update "digistore24_webhook_logs"',
      'commit',
    ]);
    // BEGIN, the role and the log entry; the savepoint and the sale; its release and the log's outcome; COMMIT.
    expect(answer.roundTrips).toBe(4);
  });

  it('a one-statement transaction refuses a second statement: the first has already committed with it', async () => {
    const connection = await pool.connect({}, { oneStatement: true });
    try {
      counter.reset();
      const outcome = connection.db.transaction(async (tx) => {
        connection.sendWithNextStatement!({ text: "select set_config('application_name', $1, true)", values: ['one-statement'] });
        const [row] = ((await tx.execute(sql`select current_setting('application_name') as name`)) as unknown as { rows: { name: string }[] }).rows;
        expect(row.name).toBe('one-statement');
        await tx.execute(sql`select 2`);
      });
      await expect(outcome).rejects.toMatchObject({ cause: { message: expect.stringMatching(/declared to run one statement/) } });
      expect(counter.count.roundTrips).toBe(1);
      const status = (await connection.db.execute(sql`select pg_current_xact_id_if_assigned() as xact`)) as unknown as { rows: { xact: string | null }[] };
      expect(status.rows[0].xact).toBeNull();
    } finally {
      await connection.close();
    }
  });

  it('pooled connections keep each query prepared, so the server plans it once per connection', async () => {
    const app = pooledApp();
    const token = await signedInToken(app);
    for (let i = 0; i < 2; i++) {
      expect((await app.request('/api/v1/todos', { headers: { authorization: `Bearer ${token}` } }, testEnv)).status).toBe(200);
    }
    const connection = await pool.connect({});
    try {
      const result = await connection.db.execute(sql`select statement from pg_prepared_statements`);
      const statements = (result as unknown as { rows: { statement: string }[] }).rows.map((row) => row.statement);
      expect(statements.some((text) => text.includes('private.begin_request('))).toBe(true);
      expect(statements.some((text) => text.includes('from "todos"'))).toBe(true);
    } finally {
      await connection.close();
    }
  });

  it('a request that fails half way leaves nothing of its caller on the pooled connection', async () => {
    const app = pooledApp();
    const token = await signedInToken(app);
    const refused = await app.request(
      '/api/v1/expenses',
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        // A budget category that is not the caller's: the insert's policy refuses it.
        body: JSON.stringify({ amount: '12.00', description: 'x', category: 'fuel', expense_date: '2026-01-01', budget_category_id: crypto.randomUUID() }),
      },
      testEnv,
    );
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    const connection = await pool.connect({});
    try {
      const result = await connection.db.execute(
        sql`select current_user as role, coalesce(current_setting('request.jwt.claims', true), '') as claims, pg_current_xact_id_if_assigned() as transaction`,
      );
      const [state] = (result as unknown as { rows: { role: string; claims: string; transaction: string | null }[] }).rows;
      expect(state).toEqual({ role: expect.not.stringMatching(/^(authenticated|anon|service_role)$/), claims: '', transaction: null });
    } finally {
      await connection.close();
    }
    expect((await app.request('/api/v1/todos', { headers: { authorization: `Bearer ${token}` } }, testEnv)).status).toBe(200);
  });

  it('a connection given back while still inside a transaction is closed, never handed to the next request', async () => {
    const abandoned = await pool.connect({});
    await abandoned.db.execute(sql`begin`);
    const opened = await abandoned.db.execute(sql`select pg_backend_pid() as pid, set_config('role', 'anon', true) as role`);
    const [{ pid }] = (opened as unknown as { rows: { pid: number }[] }).rows;
    await abandoned.close();

    const next = await pool.connect({});
    try {
      const result = await next.db.execute(sql`select pg_backend_pid() as pid, current_user as role`);
      const [state] = (result as unknown as { rows: { pid: number; role: string }[] }).rows;
      expect(state.pid).not.toBe(pid);
      expect(state.role).not.toBe('anon');
    } finally {
      await next.close();
    }
  });
});
