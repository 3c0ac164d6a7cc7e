import { z } from '@hono/zod-openapi';
import { Session } from '../../account/sessions.ts';
import type { ApiUser, TestApi } from '../../../test/support/app.ts';
import { signTestToken } from '../../../test/support/app.ts';
import { bodyOf, describe, expect, test } from '../../../test/support/fixtures.ts';

const SessionPage = z.object({ data: z.array(Session), next_cursor: z.string().nullable() });

const sessionsOf = async (api: TestApi, user: ApiUser, query = '') =>
  bodyOf(await api.request(`/api/v1/sessions${query}`, { token: user.token }), SessionPage, 200);

/** Signs the user in on another device: a token with a session of its own. */
async function anotherDevice(api: TestApi, user: ApiUser): Promise<string> {
  const token = await signTestToken({ sub: user.id, email: user.email, session_id: crypto.randomUUID() });
  expect((await api.request('/api/v1/me', { token })).status).toBe(200);
  return token;
}

describe('sessions', () => {
  test('lists own sessions, marks the current one, and never shows the token hash', async ({ api, alice, bob }) => {
    await anotherDevice(api, alice);
    const response = await api.request('/api/v1/sessions', { token: alice.token });
    const text = await response.clone().text();
    const { data, next_cursor } = await bodyOf(response, SessionPage, 200);
    expect(data).toHaveLength(2);
    expect(next_cursor).toBeNull();
    expect(data.filter((s) => s.current)).toHaveLength(1);
    expect(text).not.toMatch(/session_token|user_id|[0-9a-f]{64}/);
    expect(text).not.toContain(bob.id);
  });

  test('marks as current the session the request was made with, newest first, a page at a time', async ({ api, alice }) => {
    const laptop = await anotherDevice(api, alice);
    const fromLaptop = await bodyOf(await api.request('/api/v1/sessions', { token: laptop }), SessionPage, 200);
    const fromPhone = await sessionsOf(api, alice);
    expect(fromLaptop.data.map((s) => s.id)).toEqual(fromPhone.data.map((s) => s.id));
    // alice's first session came with signing in; the laptop's is newer.
    expect(fromLaptop.data.map((s) => s.current)).toEqual([true, false]);
    expect(fromPhone.data.map((s) => s.current)).toEqual([false, true]);

    const first = await sessionsOf(api, alice, '?limit=1');
    expect(first.data.map((s) => s.id)).toEqual([fromPhone.data[0].id]);
    const second = await sessionsOf(api, alice, `?limit=1&cursor=${encodeURIComponent(first.next_cursor!)}`);
    expect(second.data.map((s) => s.id)).toEqual([fromPhone.data[1].id]);
    expect(second.next_cursor).toBeNull();
  });

  test('revokes a session: its tokens get 401, other sessions keep working', async ({ api, alice }) => {
    const phone = await anotherDevice(api, alice);
    const { data } = await sessionsOf(api, alice);
    const phoneSession = data.find((s) => !s.current)!;

    const revoked = await api.request(`/api/v1/sessions/${phoneSession.id}`, { method: 'DELETE', token: alice.token });
    expect(revoked.status).toBe(204);
    expect(await revoked.text()).toBe('');
    const refused = await api.request('/api/v1/me', { token: phone });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    // Signing in again starts a new session; the untouched session keeps working.
    await anotherDevice(api, alice);
    expect((await api.request('/api/v1/me', { token: alice.token })).status).toBe(200);

    const listed = await sessionsOf(api, alice);
    expect(listed.data.find((s) => s.id === phoneSession.id)).toMatchObject({ is_active: false, ended_at: expect.any(String), current: false });

    // Revoking again is a no-op; the row stays ended.
    expect((await api.request(`/api/v1/sessions/${phoneSession.id}`, { method: 'DELETE', token: alice.token })).status).toBe(204);
    const { rows } = await api.database.owner.query('select is_active, ended_at is not null as ended from public.user_sessions where id = $1', [phoneSession.id]);
    expect(rows).toEqual([{ is_active: false, ended: true }]);
  });
});
