import { z } from '@hono/zod-openapi';
import { AccountExport } from '../../account/export.ts';
import { Profile } from '../../account/profile.ts';
import { Todo } from '../../todos/todos.ts';
import { signTestToken } from '../../../test/support/app.ts';
import { bodyOf, describe, expect, test } from '../../../test/support/fixtures.ts';

const Titled = z.object({ title: z.string() });

describe('GET /api/v1/me', () => {
  test('creates the identity, profile and session on the first request, once', async ({ api }) => {
    const sub = crypto.randomUUID();
    const token = await signTestToken({ sub, email: 'first@example.com', role: 'authenticated', session_id: crypto.randomUUID() });
    const headers = { 'cf-connecting-ip': '203.0.113.9', 'user-agent': 'PAM-iOS/3.2' };
    const first = await bodyOf(await api.request('/api/v1/me', { token, headers }), Profile, 200);
    expect(first).toMatchObject({ id: sub, email: 'first@example.com', is_admin: false, subscription_tier: 'free' });
    const second = await bodyOf(await api.request('/api/v1/me', { token, headers }), Profile, 200);
    expect(second).toEqual(first);

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

  test('ties a token without session_id to a session of its own that ends with the token', async ({ api }) => {
    const sub = crypto.randomUUID();
    const token = await signTestToken({ sub, email: 'nosession@example.com' });
    await bodyOf(await api.request('/api/v1/me', { token }), Profile, 200);
    const { rows } = await api.database.owner.query(
      'select expires_at is not null as has_expiry, session_token ~ $2 as hashed from public.user_sessions where user_id = $1',
      [sub, '^[0-9a-f]{64}$'],
    );
    expect(rows).toEqual([{ has_expiry: true, hashed: true }]);
    const stored = await api.database.owner.query('select count(*)::int as n from public.user_sessions where session_token = $1', [token]);
    expect(stored.rows[0].n).toBe(0);
  });

  test("an administrator gets their own profile here, not anyone else's", async ({ api, alice, admin }) => {
    const profile = await bodyOf(await api.request('/api/v1/me', { token: admin.token }), Profile, 200);
    expect(profile).toMatchObject({ id: admin.id, email: admin.email, is_admin: true });
    expect(JSON.stringify(profile)).not.toContain(alice.id);
  });
});

describe('PATCH /api/v1/me', () => {
  test('updates self-service fields and ignores server-owned ones', async ({ api, alice }) => {
    const response = await api.request('/api/v1/me', {
      method: 'PATCH',
      token: alice.token,
      json: { full_name: 'Rosa Road', preferences: { units: 'km' }, is_admin: true, subscription_tier: 'enterprise', email: 'x@y.z' },
    });
    const profile = await bodyOf(response, Profile, 200);
    expect(profile).toMatchObject({
      full_name: 'Rosa Road',
      preferences: { units: 'km' },
      is_admin: false,
      subscription_tier: 'free',
      email: alice.email,
    });
    expect(await bodyOf(await api.request('/api/v1/me', { token: alice.token }), Profile, 200)).toEqual(profile);
    const { rows } = await api.database.owner.query(
      `select count(*)::int as n from public.audit_logs where table_name = 'profiles' and action = 'UPDATE' and record_id = $1 and user_id = $1`,
      [alice.id],
    );
    expect(rows[0].n).toBe(1);
  });

  test('changes only the caller’s profile, even when the caller is an administrator', async ({ api, alice, admin }) => {
    await bodyOf(await api.request('/api/v1/me', { method: 'PATCH', token: admin.token, json: { bio: 'Keeps the lights on' } }), Profile, 200);
    const { rows } = await api.database.owner.query('select id, bio from public.profiles where id = any ($1::uuid[])', [
      [alice.id, admin.id],
    ]);
    expect(Object.fromEntries(rows.map((row) => [row.id, row.bio]))).toEqual({ [alice.id]: null, [admin.id]: 'Keeps the lights on' });
  });

  test('an empty change returns the profile as it is', async ({ api, alice }) => {
    const before = await bodyOf(await api.request('/api/v1/me', { token: alice.token }), Profile, 200);
    const after = await bodyOf(await api.request('/api/v1/me', { method: 'PATCH', token: alice.token, json: {} }), Profile, 200);
    expect(after).toEqual(before);
  });
});

describe('GET /api/v1/me/export and DELETE /api/v1/me', () => {
  test('exports what the user owns, then deletes all of it', async ({ api, alice, bob }) => {
    const created = await api.request('/api/v1/todos', { method: 'POST', token: alice.token, json: { title: 'mine' } });
    const todo = await bodyOf(created, Todo, 201);
    await api.request(`/api/v1/todos/${todo.id}/subtasks`, { method: 'POST', token: alice.token, json: { title: 'step' } });
    await api.request('/api/v1/todos', { method: 'POST', token: bob.token, json: { title: 'not mine' } });

    const exported = await api.request('/api/v1/me/export', { token: alice.token });
    const document = await bodyOf(exported, AccountExport, 200);
    expect(exported.headers.get('content-disposition')).toBe('attachment; filename="pam-export.json"');
    // One array of rows per table, checked against the schema by bodyOf; the schema cannot name them for the compiler.
    const tables = document as unknown as Record<string, unknown[]>;
    expect(document.profile.id).toBe(alice.id);
    expect(z.array(Titled).parse(tables.todos).map((t) => t.title)).toEqual(['mine']);
    expect(tables.todo_subtasks).toHaveLength(1);
    expect(tables.user_sessions).toHaveLength(1);
    expect(JSON.stringify(document)).not.toContain(bob.id);

    const deleted = await api.request('/api/v1/me', { method: 'DELETE', token: alice.token });
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe('');
    const left = await api.database.owner.query(
      `select (select count(*)::int from auth.users where id = $1) + (select count(*)::int from public.profiles where id = $1)
            + (select count(*)::int from public.todos where user_id = $1) + (select count(*)::int from public.user_sessions where user_id = $1) as n,
              (select count(*)::int from public.todos where user_id = $2) as others`,
      [alice.id, bob.id],
    );
    expect(left.rows[0]).toEqual({ n: 0, others: 1 });
  });
});
