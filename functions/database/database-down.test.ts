import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, signTestToken, testEnv, type TestApi } from '../../test/support/app.ts';
import { newApp } from '../app.ts';
import type { Database } from '../env.ts';

const unreachable = { ...testEnv, DATABASE_URL: 'postgres://postgres@127.0.0.1:9/pam' };

describe('the database cannot be reached', () => {
  const app = newApp();

  it('reports it on /health with 503', async () => {
    const response = await app.request('/health', {}, unreachable);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await response.json()).toEqual({ status: 'degraded', database: 'unavailable' });
  });

  it('answers routes with a 503 problem and Retry-After', async () => {
    const token = await signTestToken({ sub: crypto.randomUUID(), email: 'x@example.com' });
    const response = await app.request('/api/v1/todos', { headers: { authorization: `Bearer ${token}` } }, unreachable);
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    const problem = await response.json();
    expect(problem).toMatchObject({ status: 503, type: '/problems/database_unavailable' });
    expect(JSON.stringify(problem)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|postgres/);
  });

  it('still serves what needs no database', async () => {
    expect((await app.request('/openapi.json', {}, unreachable)).status).toBe(200);
  });
});

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

describe.skipIf(!process.env.DATABASE_URL)('the connection dies in the middle of a request (PostgreSQL server)', () => {
  it('answers 503 and leaves nothing half-written', async () => {
    const user = await api.signIn();
    const url = api.database.connectionString!;
    // The request's own backend is terminated right after its INSERT, before COMMIT.
    const dyingApp = newApp({
      connectDatabase: async () => {
        const client = new pg.Client({ connectionString: url });
        client.on('error', () => {});
        await client.connect();
        const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
        const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
        (client as unknown as { query: typeof query }).query = async (...args: unknown[]) => {
          const result = await query(...args);
          const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string }).text ?? '';
          if (/^insert into "todos"/.test(text)) {
            await api.database.owner.query('select pg_terminate_backend($1)', [rows[0].pid]);
          }
          return result;
        };
        return { db: drizzle({ client }) as unknown as Database, close: () => client.end().catch(() => {}) };
      },
    });
    const before = await api.database.owner.query('select count(*)::int as n from public.todos');
    const response = await dyingApp.request(
      '/api/v1/todos',
      { method: 'POST', headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ title: 'lost' }) },
      testEnv,
    );
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    const after = await api.database.owner.query('select count(*)::int as n from public.todos');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });
});
