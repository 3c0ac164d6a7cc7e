import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiUser, createTestApi, type TestApi } from '../../../test/support/app.ts';

let api: TestApi;
let admin: ApiUser;

beforeAll(async () => {
  api = await createTestApi();
  admin = await api.signIn({ admin: true });
});
afterAll(() => api.close());

describe('system settings', () => {
  it('lists the seeded settings by key', async () => {
    const response = await api.request('/api/v1/admin/settings', { token: admin.token });
    expect(response.status).toBe(200);
    const { data, next_cursor } = await response.json();
    const keys = data.map((s: { setting_key: string }) => s.setting_key);
    expect(keys).toEqual([...keys].sort());
    expect(keys).toEqual(expect.arrayContaining(['audit_log_retention_days', 'webhook_log_retention_days']));
    expect(data.find((s: { setting_key: string }) => s.setting_key === 'audit_log_retention_days').setting_value).toBe(365);
    expect(next_cursor).toBeNull();
  });

  it('creates a new key with 201 and Location, then replaces it with 200, recording who wrote it', async () => {
    const staleId = '00000000-0000-4000-8000-000000000000';
    const created = await api.request('/api/v1/admin/settings/feature.pam-voice', {
      method: 'PUT',
      token: admin.token,
      json: { setting_value: { enabled: true, rollout: 0.25 }, description: 'Voice replies in the app', updated_by: staleId, id: staleId },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe('/api/v1/admin/settings/feature.pam-voice');
    const first = await created.json();
    expect(first).toMatchObject({
      setting_key: 'feature.pam-voice',
      setting_value: { enabled: true, rollout: 0.25 },
      description: 'Voice replies in the app',
      updated_by: admin.id,
    });
    expect(first.id).not.toBe(staleId);

    const otherAdmin = await api.signIn({ admin: true });
    const replaced = await api.request('/api/v1/admin/settings/feature.pam-voice', {
      method: 'PUT',
      token: otherAdmin.token,
      json: { setting_value: [1, 2, 3] },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.headers.get('location')).toBeNull();
    const second = await replaced.json();
    // Without a description the old one stays.
    expect(second).toMatchObject({ id: first.id, setting_value: [1, 2, 3], description: 'Voice replies in the app', updated_by: otherAdmin.id });

    const { rows } = await api.database.owner.query(
      `select setting_value, description, updated_by from public.system_settings where setting_key = 'feature.pam-voice'`,
    );
    expect(rows).toEqual([{ setting_value: [1, 2, 3], description: 'Voice replies in the app', updated_by: otherAdmin.id }]);

    const fetched = await api.request('/api/v1/admin/settings/feature.pam-voice', { token: admin.token });
    expect(fetched.status).toBe(200);
    expect(await fetched.json()).toEqual(second);
  });

  it('keeps every JSON type exactly as sent, including strings that look like numbers', async () => {
    const values = ['123', 'true', 'plain text', 0, 12.5, false, { nested: { list: ['a'] } }, []];
    for (const [index, value] of values.entries()) {
      const key = `typed.value-${index}`;
      const written = await api.request(`/api/v1/admin/settings/${key}`, { method: 'PUT', token: admin.token, json: { setting_value: value } });
      expect(written.status, key).toBe(201);
      expect((await written.json()).setting_value, key).toStrictEqual(value);
      const read = await api.request(`/api/v1/admin/settings/${key}`, { token: admin.token });
      expect((await read.json()).setting_value, key).toStrictEqual(value);
    }
  });

  it('clears a description with null', async () => {
    await api.request('/api/v1/admin/settings/described', { method: 'PUT', token: admin.token, json: { setting_value: 1, description: 'x' } });
    const response = await api.request('/api/v1/admin/settings/described', {
      method: 'PUT',
      token: admin.token,
      json: { setting_value: 2, description: null },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ setting_value: 2, description: null });
  });

  it('pages through settings with the cursor, without repeats or gaps', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const page = await (await api.request(`/api/v1/admin/settings${query}`, { token: admin.token })).json();
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((s: { setting_key: string }) => s.setting_key));
      cursor = page.next_cursor;
    } while (cursor);
    const { rows } = await api.database.owner.query<{ setting_key: string }>(
      'select setting_key from public.system_settings order by setting_key',
    );
    expect(seen).toEqual(rows.map((r) => r.setting_key));
    expect(seen.length).toBeGreaterThan(4);
  });
});
