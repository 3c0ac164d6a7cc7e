import { describe, expect, test } from '../../../test/support/fixtures.ts';

describe('bad requests to the audit trail', () => {
  test('answers 400 naming the filter for values it cannot mean', async ({ api, admin }) => {
    const cases: [query: string, path: string][] = [
      ['action=insert', 'action'],
      ['action=TRUNCATE', 'action'],
      ['user_id=not-a-uuid', 'user_id'],
      ['record_id=42', 'record_id'],
      ['table_name=profiles;drop', 'table_name'],
      ['table_name=' + 'x'.repeat(64), 'table_name'],
      ['cursor=forged', 'cursor'],
      ['limit=1000', 'limit'],
    ];
    for (const [query, path] of cases) {
      const response = await api.request(`/api/v1/admin/audit-logs?${query}`, { token: admin.token });
      expect(response.status, query).toBe(400);
      expect(response.headers.get('content-type'), query).toMatch(/^application\/problem\+json/);
      expect((await response.json()).errors.map((e: { path: string }) => e.path), query).toEqual([path]);
    }
  });

  test('ignores unknown query parameters and answers an empty page for a table with no entries', async ({ api, admin }) => {
    const response = await api.request('/api/v1/admin/audit-logs?table_name=no_such_table&colour=blue', { token: admin.token });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: [], next_cursor: null });
  });

  test('answers 403 to an ordinary user', async ({ api, alice }) => {
    const response = await api.request('/api/v1/admin/audit-logs', { token: alice.token });
    expect(response.status).toBe(403);
    expect((await response.json()).type).toBe('/problems/forbidden');
  });
});
