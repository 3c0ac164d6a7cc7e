import { Profile } from '../../account/profile.ts';
import { signTestToken } from '../../../test/support/app.ts';
import { bodyOf, describe, expect, test } from '../../../test/support/fixtures.ts';
import { expectProblem, fieldsOf } from '../../../test/support/problem-assertions.ts';

describe('PATCH /api/v1/me with bad input', () => {
  test('rejects bad values with 400, naming the field, and changes nothing', async ({ api, alice }) => {
    const before = await bodyOf(await api.request('/api/v1/me', { token: alice.token }), Profile, 200);
    const bad: Record<string, unknown>[] = [
      { date_of_birth: '1800-01-01' },
      { avatar_url: 'javascript:alert(1)' },
      { preferences: 'dark' },
      { phone: 'call me maybe' },
    ];
    for (const body of bad) {
      const response = await api.request('/api/v1/me', { method: 'PATCH', token: alice.token, json: body });
      const problem = await expectProblem(response, 400);
      expect(fieldsOf(problem), JSON.stringify(body)).toEqual(Object.keys(body));
    }
    expect(await bodyOf(await api.request('/api/v1/me', { token: alice.token }), Profile, 200)).toEqual(before);
  });
});

describe('after DELETE /api/v1/me', () => {
  test('refuses tokens issued before the deletion instead of recreating the account', async ({ api, alice }) => {
    expect((await api.request('/api/v1/me', { method: 'DELETE', token: alice.token })).status).toBe(204);
    const sameSession = await api.request('/api/v1/me', { token: alice.token });
    await expectProblem(sameSession, 401);
    const otherSession = await signTestToken({ sub: alice.id, email: alice.email, session_id: crypto.randomUUID() });
    await expectProblem(await api.request('/api/v1/todos', { token: otherSession }), 401);
    const { rows } = await api.database.owner.query(
      `select (select count(*)::int from auth.users where id = $1) + (select count(*)::int from public.profiles where id = $1) as n`,
      [alice.id],
    );
    expect(rows[0].n).toBe(0);
  });
});
