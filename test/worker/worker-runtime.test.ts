// The built Worker in workerd (what `wrangler dev` runs and what deploys), talking to a
// real database each way production reaches it: `pg` over Workers TCP sockets, and on Neon
// over SQL-over-HTTP and over a WebSocket to Neon's proxy (`pg` again, on NeonWebSocket).
// Everything else tests the app in Node.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { signTestToken, TEST_JWT_SECRET } from '../support/app.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { closedPort, type DatabaseEndpoint, serveTestDatabase } from './database-endpoint.ts';
import { type LocalWorker, startLocalWorker } from './local-worker.ts';
import { startNeonHttpEndpoint } from '../support/neon-http-endpoint.ts';
import { startNeonWebSocketPipe } from './neon-websocket-pipe.ts';

const USER_AGENT = 'pam-worker-runtime-test/1.0';

let database: TestDatabase;
let endpoint: DatabaseEndpoint;

beforeAll(async () => {
  database = await createTestDatabase();
  endpoint = await serveTestDatabase(database);
});
afterAll(async () => {
  await endpoint?.close();
  await database?.close();
});

interface MintedUser {
  id: string;
  email: string;
  token: string;
}

async function mintUser(): Promise<MintedUser> {
  const id = randomUUID();
  const email = `worker-${id.slice(0, 8)}@example.com`;
  const token = await signTestToken({ sub: id, email, role: 'authenticated', session_id: randomUUID() });
  return { id, email, token };
}

interface DriverSetup {
  worker: LocalWorker;
  /** Proof that requests took this driver's path, beyond their answers being right. */
  assertDriverUsed(): void;
  stop(): Promise<void>;
}

async function throughPg(databaseUrl: string): Promise<DriverSetup> {
  const worker = await startLocalWorker({
    DATABASE_URL: databaseUrl,
    DATABASE_DRIVER: 'pg',
    NEON_WS_PROXY: '',
    JWT_SECRET: TEST_JWT_SECRET,
  });
  return { worker, assertDriverUsed: () => {}, stop: () => worker.stop() };
}

/**
 * Neon, as the Worker reaches it: operations of one statement over Neon's SQL-over-HTTP
 * endpoint, the rest over a WebSocket. Local stand-ins take the place of both in front of
 * `postgres`: an HTTP endpoint speaking Neon's wire format, and a WebSocket-to-TCP pipe.
 */
async function throughNeon(databaseUrl: string, postgres: { host: string; port: number }): Promise<DriverSetup & { neon: NeonStandIns }> {
  const pipe = await startNeonWebSocketPipe(postgres);
  const http = await startNeonHttpEndpoint().catch(async (error) => {
    await pipe.close();
    throw error;
  });
  try {
    const worker = await startLocalWorker({
      DATABASE_URL: databaseUrl,
      DATABASE_DRIVER: 'neon',
      NEON_WS_PROXY: pipe.proxyAddress,
      NEON_HTTP_ENDPOINT: http.url,
      JWT_SECRET: TEST_JWT_SECRET,
    });
    return {
      worker,
      neon: {
        webSockets: () => pipe.connectionCount(),
        openWebSockets: () => pipe.openConnections(),
        webSocketMessages: () => pipe.messagesByConnection(),
        httpRequests: () => http.requests(),
      },
      assertDriverUsed: () => {
        expect(pipe.connectionCount()).toBeGreaterThan(0);
        expect(http.requests()).toBeGreaterThan(0);
      },
      stop: async () => {
        await worker.stop();
        await Promise.all([pipe.close(), http.close()]);
      },
    };
  } catch (error) {
    await Promise.all([pipe.close(), http.close()]);
    throw error;
  }
}

interface NeonStandIns {
  webSockets(): number;
  openWebSockets(): number;
  /** Each WebSocket's messages from the Worker, as the statements each carried (neon-websocket-pipe.ts). */
  webSocketMessages(): string[][][];
  httpRequests(): number;
}

function describeApiThrough(driver: string, start: () => Promise<DriverSetup>) {
  describe(`the Worker through ${driver}`, () => {
    let setup: DriverSetup;
    let worker: LocalWorker;

    beforeAll(async () => {
      setup = await start();
      worker = setup.worker;
    });
    afterAll(() => setup?.stop());

    it('reports itself and the database healthy', async () => {
      const response = await worker.request('/health');
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
    });

    it('creates the profile, identity and session on the first authenticated request', async () => {
      const user = await mintUser();
      const response = await worker.request('/api/v1/me', { token: user.token, headers: { 'user-agent': USER_AGENT } });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ id: user.id, email: user.email, is_admin: false, is_active: true });

      const { rows } = await database.owner.query(
        `select (select email from auth.users where id = $1) as identity_email,
                (select email from public.profiles where id = $1) as profile_email,
                (select array_agg(user_agent) from public.user_sessions where user_id = $1 and is_active) as session_agents`,
        [user.id],
      );
      expect(rows).toEqual([{ identity_email: user.email, profile_email: user.email, session_agents: [USER_AGENT] }]);
      setup.assertDriverUsed();
    });

    it('creates, reads, updates and deletes a todo', async () => {
      const user = await mintUser();
      const created = await worker.request('/api/v1/todos', {
        method: 'POST',
        token: user.token,
        json: { title: `Refill water tanks via ${driver}`, priority: 'high', tags: ['van'] },
      });
      expect(created.status).toBe(201);
      const todo = await created.json();
      expect(todo).toMatchObject({ title: `Refill water tanks via ${driver}`, priority: 'high', status: 'pending', user_id: user.id });
      expect(created.headers.get('location')).toBe(`/api/v1/todos/${todo.id}`);

      const fetched = await worker.request(`/api/v1/todos/${todo.id}`, { token: user.token });
      expect(fetched.status).toBe(200);
      expect(await fetched.json()).toEqual(todo);

      const patched = await worker.request(`/api/v1/todos/${todo.id}`, {
        method: 'PATCH',
        token: user.token,
        json: { status: 'completed' },
      });
      expect(patched.status).toBe(200);
      const completed = await patched.json();
      expect(completed.status).toBe('completed');
      expect(completed.completed_at).not.toBeNull();
      const stored = await database.owner.query('select status, user_id from public.todos where id = $1', [todo.id]);
      expect(stored.rows).toEqual([{ status: 'completed', user_id: user.id }]);

      const deleted = await worker.request(`/api/v1/todos/${todo.id}`, { method: 'DELETE', token: user.token });
      expect(deleted.status).toBe(204);
      expect((await worker.request(`/api/v1/todos/${todo.id}`, { token: user.token })).status).toBe(404);
      const gone = await database.owner.query('select 1 from public.todos where id = $1', [todo.id]);
      expect(gone.rows).toEqual([]);
    });

    it("answers 404 for another user's todo and leaves it alone", async () => {
      const owner = await mintUser();
      const stranger = await mintUser();
      const created = await worker.request('/api/v1/todos', { method: 'POST', token: owner.token, json: { title: 'Private errand' } });
      expect(created.status).toBe(201);
      const { id } = await created.json();

      expect((await worker.request(`/api/v1/todos/${id}`, { token: stranger.token })).status).toBe(404);
      const patch = await worker.request(`/api/v1/todos/${id}`, { method: 'PATCH', token: stranger.token, json: { title: 'Mine now' } });
      expect(patch.status).toBe(404);
      expect((await worker.request(`/api/v1/todos/${id}`, { method: 'DELETE', token: stranger.token })).status).toBe(404);

      const { rows } = await database.owner.query('select title, user_id from public.todos where id = $1', [id]);
      expect(rows).toEqual([{ title: 'Private errand', user_id: owner.id }]);
    });

    it('answers 401 without a token', async () => {
      const response = await worker.request('/api/v1/todos');
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    });

    it('refuses a token once its session is revoked', async () => {
      const user = await mintUser();
      const sessions = await worker.request('/api/v1/sessions', { token: user.token });
      expect(sessions.status).toBe(200);
      const { data } = await sessions.json();
      const current = data.find((session: { current: boolean }) => session.current);
      expect(current).toBeDefined();

      const revoked = await worker.request(`/api/v1/sessions/${current.id}`, { method: 'DELETE', token: user.token });
      expect(revoked.status).toBe(204);
      const { rows } = await database.owner.query('select is_active from public.user_sessions where id = $1', [current.id]);
      expect(rows).toEqual([{ is_active: false }]);

      const refused = await worker.request('/api/v1/todos', { token: user.token });
      expect(refused.status).toBe(401);
      expect(refused.headers.get('content-type')).toBe('application/problem+json');
    });
  });
}

describeApiThrough('pg over TCP', () => throughPg(endpoint.url));
describeApiThrough("Neon (HTTP for one statement, a WebSocket otherwise)", () => throughNeon(endpoint.url, endpoint));

describe('the Worker on Neon, counted at the stand-ins', () => {
  let setup: Awaited<ReturnType<typeof throughNeon>>;
  beforeAll(async () => {
    setup = await throughNeon(endpoint.url, endpoint);
  });
  afterAll(() => setup?.stop());

  async function counted(send: () => Promise<Response>) {
    const before = { http: setup.neon.httpRequests(), webSockets: setup.neon.webSockets() };
    const response = await send();
    const body = (await response.json()) as { data?: { title: string }[] };
    return { status: response.status, body, http: setup.neon.httpRequests() - before.http, webSockets: setup.neon.webSockets() - before.webSockets };
  }

  it('answers an operation of one statement in one HTTP request, claims and session check included, with no connection opened', async () => {
    const user = await mintUser();
    const first = await counted(() => setup.worker.request('/api/v1/todos', { method: 'POST', token: user.token, json: { title: 'Fill the water tank' } }));
    expect(first).toMatchObject({ status: 201, http: 1, webSockets: 0 });
    const listed = await counted(() => setup.worker.request('/api/v1/todos', { token: user.token }));
    expect(listed).toMatchObject({ status: 200, http: 1, webSockets: 0 });
    expect(listed.body.data?.map((todo) => todo.title)).toEqual(['Fill the water tank']);
  });

  it('refuses an ended session in that same request, and writes nothing', async () => {
    const user = await mintUser();
    expect((await counted(() => setup.worker.request('/api/v1/todos', { token: user.token }))).status).toBe(200);
    await database.owner.query('update public.user_sessions set is_active = false, ended_at = now() where user_id = $1', [user.id]);
    const refused = await counted(() => setup.worker.request('/api/v1/todos', { method: 'POST', token: user.token, json: { title: 'Never stored' } }));
    expect(refused).toMatchObject({ status: 401, http: 1, webSockets: 0 });
    const { rows } = await database.owner.query('select count(*)::int as n from public.todos where user_id = $1', [user.id]);
    expect(rows).toEqual([{ n: 0 }]);
  });

  it('takes a WebSocket session for an operation of several statements', async () => {
    const user = await mintUser();
    const sessions = await counted(() => setup.worker.request('/api/v1/sessions', { token: user.token }));
    expect(sessions).toMatchObject({ status: 200, http: 0, webSockets: 1 });
    // The Worker closes the session after answering, with Terminate, as on TCP.
    await vi.waitFor(() => expect(setup.neon.openWebSockets()).toBe(0));
    // BEGIN and the claims travel with the operation's first statement, as on TCP: one
    // WebSocket message, one round trip, for the three.
    expect(setup.neon.webSocketMessages().at(-1)).toEqual([
      ['<startup>'],
      ['begin', expect.stringContaining('private.begin_request('), expect.stringMatching(/^select .* from "user_sessions"/)],
      ['commit'],
      ['<terminate>'],
    ]);
  });
});

function describeDatabaseDown(driver: string, start: () => Promise<DriverSetup>) {
  describe(`the Worker through ${driver} with its database down`, () => {
    let setup: DriverSetup;
    let worker: LocalWorker;

    beforeAll(async () => {
      setup = await start();
      worker = setup.worker;
    });
    afterAll(() => setup?.stop());

    it('reports the database unavailable on /health', async () => {
      const response = await worker.request('/health');
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'degraded', database: 'unavailable' });
      expect(response.headers.get('retry-after')).toBe('5');
    });

    it('answers API requests 503 with Retry-After, as a problem', async () => {
      const user = await mintUser();
      const response = await worker.request('/api/v1/todos', { token: user.token });
      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.headers.get('retry-after')).toBe('5');
      expect(await response.json()).toMatchObject({ type: '/problems/database_unavailable', status: 503 });
      setup.assertDriverUsed();
    });
  });
}

describeDatabaseDown('pg over TCP', async () => throughPg(`postgres://postgres@127.0.0.1:${await closedPort()}/postgres`));
// The WebSocket opens, then the proxy fails to reach Postgres and hangs up.
describeDatabaseDown('Neon over a WebSocket', async () => {
  const port = await closedPort();
  return throughNeon(`postgres://postgres@127.0.0.1:${port}/postgres`, { host: '127.0.0.1', port });
});
