import { MAX_BODY_BYTES } from '../../app.ts';
import type { ApiUser, TestApi } from '../../../test/support/app.ts';
import { describe, expect, test } from '../../../test/support/fixtures.ts';
import { expectProblem } from '../../../test/support/problem-assertions.ts';

async function settingsDigest(api: TestApi): Promise<string> {
  const { rows } = await api.database.owner.query<{ digest: string }>(
    `select md5(string_agg(t::text, '|' order by t.setting_key)) as digest from public.system_settings t`,
  );
  return rows[0].digest;
}

/** PUT /api/v1/admin/settings/{key} as `admin`. */
const putAs =
  (api: TestApi, admin: ApiUser) =>
  (key: string, init: Parameters<TestApi['request']>[1] = {}) =>
    api.request(`/api/v1/admin/settings/${key}`, { method: 'PUT', token: admin.token, ...init });

describe('bad requests to the settings routes', () => {
  test('answers 400 naming the key for keys outside the pattern, and writes nothing', async ({ api, admin }) => {
    const put = putAs(api, admin);
    const before = await settingsDigest(api);
    for (const key of ['Upper', '9lives', '_hidden', 'with%20space', 'semi%3Bcolon', 'a'.repeat(101), 'caf%C3%A9']) {
      const problem = await expectProblem(await put(key, { json: { setting_value: 1 } }), 400);
      expect(problem.errors.map((e: { path: string }) => e.path), key).toEqual(['key']);
    }
    expect(await settingsDigest(api)).toBe(before);
  });

  test('answers 400 to a missing or null setting_value and to a description that is not text', async ({ api, admin }) => {
    const put = putAs(api, admin);
    for (const json of [{}, { setting_value: null }, { description: 'only this' }]) {
      const problem = await expectProblem(await put('some.key', { json }), 400);
      expect(problem.errors.map((e: { path: string }) => e.path)).toEqual(['setting_value']);
    }
    const problem = await expectProblem(await put('some.key', { json: { setting_value: 1, description: 42 } }), 400);
    expect(problem.errors.map((e: { path: string }) => e.path)).toEqual(['description']);
    expect((await api.request('/api/v1/admin/settings/some.key', { token: admin.token })).status).toBe(404);
  });

  test('answers 400 to broken JSON, 415 to a form body and 413 to an oversized one, writing nothing', async ({ api, admin }) => {
    const put = putAs(api, admin);
    const before = await settingsDigest(api);
    await expectProblem(await put('broken', { headers: { 'content-type': 'application/json' }, body: '{"setting_value": ' }), 400);
    await expectProblem(await put('form', { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'setting_value=1' }), 415);
    await expectProblem(await put('huge', { json: { setting_value: 'x'.repeat(MAX_BODY_BYTES + 1) } }), 413);
    expect(await settingsDigest(api)).toBe(before);
  });

  test('answers 404 to an unknown key and 400 to a forged cursor or limit', async ({ api, admin }) => {
    await expectProblem(await api.request('/api/v1/admin/settings/no.such.setting', { token: admin.token }), 404);
    const cursor = await expectProblem(await api.request('/api/v1/admin/settings?cursor=not-a-cursor', { token: admin.token }), 400);
    expect(cursor.errors.map((e: { path: string }) => e.path)).toEqual(['cursor']);
    await expectProblem(await api.request('/api/v1/admin/settings?limit=0', { token: admin.token }), 400);
    await expectProblem(await api.request('/api/v1/admin/settings?limit=101', { token: admin.token }), 400);
  });

  test('answers 403 to a user who is no longer an administrator, and writes nothing', async ({ api, admin: former }) => {
    await api.database.owner.query('update public.profiles set is_admin = false where id = $1', [former.id]);
    const before = await settingsDigest(api);
    const problem = await expectProblem(
      await api.request('/api/v1/admin/settings/audit_log_retention_days', { method: 'PUT', token: former.token, json: { setting_value: 1 } }),
      403,
    );
    expect(problem.type).toBe('/problems/forbidden');
    expect(await settingsDigest(api)).toBe(before);
  });
});
