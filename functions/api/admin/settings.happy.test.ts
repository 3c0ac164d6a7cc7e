import { SystemSetting, SystemSettingList } from '../../admin/settings.ts';
import { bodyOf, describe, expect, test } from '../../../test/support/fixtures.ts';

describe('system settings', () => {
  test('lists the seeded settings by key', async ({ api, admin }) => {
    const { data, next_cursor } = await bodyOf(await api.request('/api/v1/admin/settings', { token: admin.token }), SystemSettingList, 200);
    const keys = data.map((s) => s.setting_key);
    expect(keys).toEqual([...keys].sort());
    expect(keys).toEqual(expect.arrayContaining(['audit_log_retention_days', 'webhook_log_retention_days']));
    expect(data.find((s) => s.setting_key === 'audit_log_retention_days')?.setting_value).toBe(365);
    expect(next_cursor).toBeNull();
  });

  test('creates a new key with 201 and Location, then replaces it with 200, recording who wrote it', async ({ api, admin }) => {
    const staleId = '00000000-0000-4000-8000-000000000000';
    const created = await api.request('/api/v1/admin/settings/feature.pam-voice', {
      method: 'PUT',
      token: admin.token,
      json: { setting_value: { enabled: true, rollout: 0.25 }, description: 'Voice replies in the app', updated_by: staleId, id: staleId },
    });
    const first = await bodyOf(created, SystemSetting, 201);
    expect(created.headers.get('location')).toBe('/api/v1/admin/settings/feature.pam-voice');
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
    const second = await bodyOf(replaced, SystemSetting, 200);
    expect(replaced.headers.get('location')).toBeNull();
    // Without a description the old one stays.
    expect(second).toMatchObject({ id: first.id, setting_value: [1, 2, 3], description: 'Voice replies in the app', updated_by: otherAdmin.id });

    const { rows } = await api.database.owner.query(
      `select setting_value, description, updated_by from public.system_settings where setting_key = 'feature.pam-voice'`,
    );
    expect(rows).toEqual([{ setting_value: [1, 2, 3], description: 'Voice replies in the app', updated_by: otherAdmin.id }]);

    const fetched = await api.request('/api/v1/admin/settings/feature.pam-voice', { token: admin.token });
    expect(await bodyOf(fetched, SystemSetting, 200)).toEqual(second);
  });

  test('keeps every JSON type exactly as sent, including strings that look like numbers', async ({ api, admin }) => {
    const values = ['123', 'true', 'plain text', 0, 12.5, false, { nested: { list: ['a'] } }, []];
    for (const [index, value] of values.entries()) {
      const key = `typed.value-${index}`;
      const written = await api.request(`/api/v1/admin/settings/${key}`, { method: 'PUT', token: admin.token, json: { setting_value: value } });
      expect((await bodyOf(written, SystemSetting, 201)).setting_value, key).toStrictEqual(value);
      const read = await api.request(`/api/v1/admin/settings/${key}`, { token: admin.token });
      expect((await bodyOf(read, SystemSetting, 200)).setting_value, key).toStrictEqual(value);
    }
  });

  test('clears a description with null', async ({ api, admin }) => {
    await api.request('/api/v1/admin/settings/described', { method: 'PUT', token: admin.token, json: { setting_value: 1, description: 'x' } });
    const response = await api.request('/api/v1/admin/settings/described', {
      method: 'PUT',
      token: admin.token,
      json: { setting_value: 2, description: null },
    });
    expect(await bodyOf(response, SystemSetting, 200)).toMatchObject({ setting_value: 2, description: null });
  });

  test('pages through settings with the cursor, without repeats or gaps', async ({ api, admin }) => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const page = await bodyOf(await api.request(`/api/v1/admin/settings${query}`, { token: admin.token }), SystemSettingList, 200);
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((s) => s.setting_key));
      cursor = page.next_cursor;
    } while (cursor);
    const { rows } = await api.database.owner.query<{ setting_key: string }>(
      'select setting_key from public.system_settings order by setting_key',
    );
    expect(seen).toEqual(rows.map((r) => r.setting_key));
    expect(seen.length).toBeGreaterThan(4);
  });
});
