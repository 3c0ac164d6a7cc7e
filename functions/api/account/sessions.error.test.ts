import { Session } from '../../account/sessions.ts';
import { listOf } from '../../database/pagination.ts';
import { signTestToken } from '../../../test/support/app.ts';
import { errorAs } from '../../../test/support/database.ts';
import { bodyOf, describe, expect, test } from '../../../test/support/fixtures.ts';
import { expectProblem } from '../../../test/support/problem-assertions.ts';

describe('sessions that cannot be used or revoked', () => {
  test('refuses a new token that names a revoked session id', async ({ api, alice }) => {
    const { data } = await bodyOf(await api.request('/api/v1/sessions', { token: alice.token }), listOf(Session, 'SessionList'), 200);
    expect((await api.request(`/api/v1/sessions/${data[0].id}`, { method: 'DELETE', token: alice.token })).status).toBe(204);
    const sameSession = await signTestToken({ sub: alice.id, email: alice.email, session_id: alice.sessionId });
    await expectProblem(await api.request('/api/v1/todos', { token: sameSession }), 401);
  });

  test('keeps a revoked session as it ended: its owner can neither rewrite when nor undo it', async ({ api, alice }) => {
    const laptop = await signTestToken({ sub: alice.id, email: alice.email, session_id: crypto.randomUUID() });
    expect((await api.request('/api/v1/me', { token: laptop })).status).toBe(200);
    const { data } = await bodyOf(await api.request('/api/v1/sessions', { token: alice.token }), listOf(Session, 'SessionList'), 200);
    const laptopSession = data.find((session) => !session.current)!;
    expect((await api.request(`/api/v1/sessions/${laptopSession.id}`, { method: 'DELETE', token: alice.token })).status).toBe(204);
    const stored = () =>
      api.database.owner.query('select is_active, ended_at::text as ended_at from public.user_sessions where id = $1', [laptopSession.id]);
    const { rows: ended } = await stored();
    expect(ended).toEqual([{ is_active: false, ended_at: expect.any(String) }]);

    // What the API lets her do is what the database lets her do: the policies are the boundary.
    const asAlice = { role: 'authenticated' as const, claims: { sub: alice.id, email: alice.email, role: 'authenticated' } };
    for (const statement of [
      `update public.user_sessions set ended_at = '2000-01-01T00:00:00Z' where id = $1`,
      `update public.user_sessions set is_active = false, ended_at = now() + interval '1 year' where id = $1`,
      `update public.user_sessions set is_active = true, ended_at = null where id = $1`,
    ]) {
      const refusal = await errorAs(api.database.owner, asAlice, statement, [laptopSession.id]);
      expect(refusal?.code, statement).toBe('42501');
    }
    expect((await api.request(`/api/v1/sessions/${laptopSession.id}`, { method: 'DELETE', token: alice.token })).status).toBe(204);
    expect((await stored()).rows).toEqual(ended);
    await expectProblem(await api.request('/api/v1/me', { token: laptop }), 401);
  });

  test("answers 404 for someone else's session, for none at all and for a malformed id, and ends nothing", async ({ api, alice, bob }) => {
    const { rows } = await api.database.owner.query<{ id: string }>('select id from public.user_sessions where user_id = $1', [bob.id]);
    for (const id of [rows[0].id, crypto.randomUUID(), 'not-a-uuid']) {
      await expectProblem(await api.request(`/api/v1/sessions/${id}`, { method: 'DELETE', token: alice.token }), 404);
    }
    expect((await api.request('/api/v1/me', { token: bob.token })).status).toBe(200);
  });

  test('rejects a bad page size and a bad cursor with 400', async ({ api, alice }) => {
    await expectProblem(await api.request('/api/v1/sessions?limit=0', { token: alice.token }), 400);
    await expectProblem(await api.request('/api/v1/sessions?cursor=nonsense', { token: alice.token }), 400);
  });
});
