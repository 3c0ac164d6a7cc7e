import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiUser, createTestApi, type TestApi } from '../../../test/support/app.ts';

let api: TestApi;
let admin: ApiUser;

beforeAll(async () => {
  api = await createTestApi();
  admin = await api.signIn({ admin: true });
});
afterAll(() => api.close());

interface AuditEntry {
  id: string;
  user_id: string | null;
  action: string;
  table_name: string;
  record_id: string;
  old_values: Record<string, unknown> | null;
  new_values: Record<string, unknown> | null;
  created_at: string;
}

async function auditLogs(query: string): Promise<AuditEntry[]> {
  const response = await api.request(`/api/v1/admin/audit-logs?${query}`, { token: admin.token });
  expect(response.status).toBe(200);
  return (await response.json()).data;
}

describe('the audit trail', () => {
  it('shows a profile change made through PATCH /api/v1/me with the old and new values', async () => {
    const user = await api.signIn();
    const patched = await api.request('/api/v1/me', {
      method: 'PATCH',
      token: user.token,
      json: { full_name: 'Rosa Road', bio: 'Slow travel' },
      headers: { 'user-agent': 'PAM-Android/2.0', 'cf-connecting-ip': '198.51.100.7' },
    });
    expect(patched.status).toBe(200);
    const bystander = await api.signIn();
    await api.request('/api/v1/me', { method: 'PATCH', token: bystander.token, json: { full_name: 'Someone Else' } });

    const entries = await auditLogs(`table_name=profiles&user_id=${user.id}&action=UPDATE`);
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    expect(entry).toMatchObject({
      user_id: user.id,
      action: 'UPDATE',
      table_name: 'profiles',
      record_id: user.id,
      ip_address: '198.51.100.7',
      user_agent: 'PAM-Android/2.0',
    });
    expect(entry.old_values).toMatchObject({ id: user.id, full_name: null, bio: null });
    expect(entry.new_values).toMatchObject({ id: user.id, full_name: 'Rosa Road', bio: 'Slow travel' });
  });

  it("records the profile's creation on the first request as an INSERT by that user", async () => {
    const user = await api.signIn();
    const entries = await auditLogs(`table_name=profiles&record_id=${user.id}&action=INSERT`);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ user_id: user.id, old_values: null, new_values: { id: user.id, email: user.email } });
  });

  it('records administrators changing settings and lists entries newest first', async () => {
    for (const value of [1, 2, 3]) {
      const response = await api.request('/api/v1/admin/settings/audit.probe', { method: 'PUT', token: admin.token, json: { setting_value: value } });
      expect(response.status).toBeLessThan(300);
    }
    const entries = await auditLogs(`table_name=system_settings&user_id=${admin.id}`);
    expect(entries.map((e) => [e.action, e.new_values?.setting_value])).toEqual([
      ['UPDATE', 3],
      ['UPDATE', 2],
      ['INSERT', 1],
    ]);
    const times = entries.map((e) => e.created_at);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('pages with the cursor through exactly the filtered entries', async () => {
    const user = await api.signIn();
    for (const name of ['a', 'b', 'c', 'd', 'e']) {
      await api.request('/api/v1/me', { method: 'PATCH', token: user.token, json: { full_name: name } });
    }
    const names: unknown[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `user_id=${user.id}&action=UPDATE&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const response = await api.request(`/api/v1/admin/audit-logs?${query}`, { token: admin.token });
      const page = await response.json();
      names.push(...page.data.map((e: AuditEntry) => e.new_values?.full_name));
      cursor = page.next_cursor;
    } while (cursor);
    expect(names).toEqual(['e', 'd', 'c', 'b', 'a']);
  });
});
