import { z } from '@hono/zod-openapi';
import { AuditLog } from '../../admin/audit-logs.ts';
import type { ApiUser, TestApi } from '../../../test/support/app.ts';
import { bodyOf, describe, expect, test } from '../../../test/support/fixtures.ts';

const AuditLogPage = z.object({ data: z.array(AuditLog), next_cursor: z.string().nullable() });

async function auditLogs(api: TestApi, admin: ApiUser, query: string) {
  const response = await api.request(`/api/v1/admin/audit-logs?${query}`, { token: admin.token });
  return (await bodyOf(response, AuditLogPage, 200)).data;
}

describe('the audit trail', () => {
  test('shows a profile change made through PATCH /api/v1/me with the old and new values', async ({ api, admin, alice, bob }) => {
    const patched = await api.request('/api/v1/me', {
      method: 'PATCH',
      token: alice.token,
      json: { full_name: 'Rosa Road', bio: 'Slow travel' },
      headers: { 'user-agent': 'PAM-Android/2.0', 'cf-connecting-ip': '198.51.100.7' },
    });
    expect(patched.status).toBe(200);
    await api.request('/api/v1/me', { method: 'PATCH', token: bob.token, json: { full_name: 'Someone Else' } });

    const entries = await auditLogs(api, admin, `table_name=profiles&user_id=${alice.id}&action=UPDATE`);
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    expect(entry).toMatchObject({
      user_id: alice.id,
      action: 'UPDATE',
      table_name: 'profiles',
      record_id: alice.id,
      ip_address: '198.51.100.7',
      user_agent: 'PAM-Android/2.0',
    });
    expect(entry.old_values).toMatchObject({ id: alice.id, full_name: null, bio: null });
    expect(entry.new_values).toMatchObject({ id: alice.id, full_name: 'Rosa Road', bio: 'Slow travel' });
  });

  test("records the profile's creation on the first request as an INSERT by that user", async ({ api, admin, alice }) => {
    const entries = await auditLogs(api, admin, `table_name=profiles&record_id=${alice.id}&action=INSERT`);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ user_id: alice.id, old_values: null, new_values: { id: alice.id, email: alice.email } });
  });

  test('records administrators changing settings and lists entries newest first', async ({ api, admin }) => {
    for (const value of [1, 2, 3]) {
      const response = await api.request('/api/v1/admin/settings/audit.probe', { method: 'PUT', token: admin.token, json: { setting_value: value } });
      expect(response.status).toBeLessThan(300);
    }
    const entries = await auditLogs(api, admin, `table_name=system_settings&user_id=${admin.id}`);
    expect(entries.map((e) => [e.action, e.new_values?.setting_value])).toEqual([
      ['UPDATE', 3],
      ['UPDATE', 2],
      ['INSERT', 1],
    ]);
    const times = entries.map((e) => e.created_at);
    expect(times).toEqual([...times].sort().reverse());
  });

  test('pages with the cursor through exactly the filtered entries', async ({ api, admin, alice }) => {
    for (const name of ['a', 'b', 'c', 'd', 'e']) {
      await api.request('/api/v1/me', { method: 'PATCH', token: alice.token, json: { full_name: name } });
    }
    const names: unknown[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `user_id=${alice.id}&action=UPDATE&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await bodyOf(await api.request(`/api/v1/admin/audit-logs?${query}`, { token: admin.token }), AuditLogPage, 200);
      names.push(...page.data.map((e) => e.new_values?.full_name));
      cursor = page.next_cursor;
    } while (cursor);
    expect(names).toEqual(['e', 'd', 'c', 'b', 'a']);
  });
});
