import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, signTestToken, type TestApi } from '../../test/support/app.ts';

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

describe('GET /api/v1/me', () => {
  it('creates the identity, profile and session on the first request, once', async () => {
    const sub = crypto.randomUUID();
    const token = await signTestToken({ sub, email: 'first@example.com', role: 'authenticated', session_id: crypto.randomUUID() });
    const headers = { 'cf-connecting-ip': '203.0.113.9', 'user-agent': 'PAM-iOS/3.2' };
    const first = await api.request('/api/v1/me', { token, headers });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ id: sub, email: 'first@example.com', is_admin: false, subscription_tier: 'free' });
    await api.request('/api/v1/me', { token, headers });

    const counts = await api.database.owner.query(
      `select (select count(*)::int from auth.users where id = $1) as users,
              (select count(*)::int from public.profiles where id = $1) as profiles,
              (select count(*)::int from public.user_sessions where user_id = $1) as sessions,
              (select host(ip_address) from public.user_sessions where user_id = $1) as ip,
              (select user_agent from public.user_sessions where user_id = $1) as user_agent`,
      [sub],
    );
    expect(counts.rows[0]).toEqual({ users: 1, profiles: 1, sessions: 1, ip: '203.0.113.9', user_agent: 'PAM-iOS/3.2' });
  });

  it('ties a token without session_id to a session of its own that ends with the token', async () => {
    const sub = crypto.randomUUID();
    const token = await signTestToken({ sub, email: 'nosession@example.com' });
    expect((await api.request('/api/v1/me', { token })).status).toBe(200);
    const { rows } = await api.database.owner.query(
      'select expires_at is not null as has_expiry, session_token ~ $2 as hashed from public.user_sessions where user_id = $1',
      [sub, '^[0-9a-f]{64}$'],
    );
    expect(rows).toEqual([{ has_expiry: true, hashed: true }]);
    const stored = await api.database.owner.query('select count(*)::int as n from public.user_sessions where session_token = $1', [token]);
    expect(stored.rows[0].n).toBe(0);
  });
});

describe('PATCH /api/v1/me', () => {
  it('updates self-service fields and ignores server-owned ones', async () => {
    const user = await api.signIn();
    const response = await api.request('/api/v1/me', {
      method: 'PATCH',
      token: user.token,
      json: { full_name: 'Rosa Road', preferences: { units: 'km' }, is_admin: true, subscription_tier: 'enterprise', email: 'x@y.z' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      full_name: 'Rosa Road',
      preferences: { units: 'km' },
      is_admin: false,
      subscription_tier: 'free',
      email: user.email,
    });
    const { rows } = await api.database.owner.query(
      `select count(*)::int as n from public.audit_logs where table_name = 'profiles' and action = 'UPDATE' and record_id = $1 and user_id = $1`,
      [user.id],
    );
    expect(rows[0].n).toBe(1);
  });

  it('rejects bad values with 400', async () => {
    const user = await api.signIn();
    for (const body of [{ date_of_birth: '1800-01-01' }, { avatar_url: 'javascript:alert(1)' }, { preferences: 'dark' }, { phone: 'call me maybe' }]) {
      const response = await api.request('/api/v1/me', { method: 'PATCH', token: user.token, json: body });
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
  });
});

describe('GET /api/v1/me/export and DELETE /api/v1/me', () => {
  it('exports what the user owns, then deletes all of it', async () => {
    const user = await api.signIn();
    const other = await api.signIn();
    const todo = await (await api.request('/api/v1/todos', { method: 'POST', token: user.token, json: { title: 'mine' } })).json();
    await api.request(`/api/v1/todos/${todo.id}/subtasks`, { method: 'POST', token: user.token, json: { title: 'step' } });
    await api.request('/api/v1/todos', { method: 'POST', token: other.token, json: { title: 'not mine' } });

    const exported = await api.request('/api/v1/me/export', { token: user.token });
    expect(exported.status).toBe(200);
    const document = await exported.json();
    expect(document.profile.id).toBe(user.id);
    expect(document.todos.map((t: { title: string }) => t.title)).toEqual(['mine']);
    expect(document.todo_subtasks).toHaveLength(1);
    expect(document.user_sessions).toHaveLength(1);
    expect(JSON.stringify(document)).not.toContain(other.id);

    expect((await api.request('/api/v1/me', { method: 'DELETE', token: user.token })).status).toBe(204);
    const left = await api.database.owner.query(
      `select (select count(*)::int from auth.users where id = $1) + (select count(*)::int from public.profiles where id = $1)
            + (select count(*)::int from public.todos where user_id = $1) + (select count(*)::int from public.user_sessions where user_id = $1) as n,
              (select count(*)::int from public.todos where user_id = $2) as others`,
      [user.id, other.id],
    );
    expect(left.rows[0]).toEqual({ n: 0, others: 1 });
  });
});

describe('after DELETE /api/v1/me', () => {
  it('refuses tokens issued before the deletion instead of recreating the account', async () => {
    const user = await api.signIn();
    expect((await api.request('/api/v1/me', { method: 'DELETE', token: user.token })).status).toBe(204);
    const sameSession = await api.request('/api/v1/me', { token: user.token });
    expect(sameSession.status).toBe(401);
    const otherSession = await signTestToken({ sub: user.id, email: user.email, session_id: crypto.randomUUID() });
    expect((await api.request('/api/v1/todos', { token: otherSession })).status).toBe(401);
    const { rows } = await api.database.owner.query(
      `select (select count(*)::int from auth.users where id = $1) + (select count(*)::int from public.profiles where id = $1) as n`,
      [user.id],
    );
    expect(rows[0].n).toBe(0);
  });
});
