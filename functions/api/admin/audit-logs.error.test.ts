import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiUser, createTestApi, type TestApi } from '../../../test/support/app.ts';

let api: TestApi;
let admin: ApiUser;

beforeAll(async () => {
  api = await createTestApi();
  admin = await api.signIn({ admin: true });
});
afterAll(() => api.close());

describe('bad requests to the audit trail', () => {
  it('answers 400 naming the filter for values it cannot mean', async () => {
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

  it('ignores unknown query parameters and answers an empty page for a table with no entries', async () => {
    const response = await api.request('/api/v1/admin/audit-logs?table_name=no_such_table&colour=blue', { token: admin.token });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: [], next_cursor: null });
  });

  it('answers 403 to an ordinary user', async () => {
    const user = await api.signIn();
    const response = await api.request('/api/v1/admin/audit-logs', { token: user.token });
    expect(response.status).toBe(403);
    expect((await response.json()).type).toBe('/problems/forbidden');
  });
});
