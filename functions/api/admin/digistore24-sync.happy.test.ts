import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ApiUser, createTestApi, type TestApi, testEnv } from '../../../test/support/app.ts';
import { FAKE_API_KEY, type FakeDigistore24, marketplaceEntry, startFakeDigistore24 } from '../../../test/support/fake-digistore24.ts';

let api: TestApi;
let fake: FakeDigistore24;
let admin: ApiUser;

beforeAll(async () => {
  fake = await startFakeDigistore24(Array.from({ length: 8 }, (_, i) => marketplaceEntry(i + 1)));
  api = await createTestApi({ ...testEnv, DIGISTORE24_API_KEY: FAKE_API_KEY, DIGISTORE24_API_URL: fake.url });
  admin = await api.signIn({ admin: true });
});
afterAll(async () => {
  await api?.close();
  await fake?.close();
});
beforeEach(() => fake.reset());

const runSync = () => api.request('/api/v1/admin/digistore24/sync', { method: 'POST', token: admin.token });

describe('POST /api/v1/admin/digistore24/sync', () => {
  it('runs the product sync and answers with its log row', async () => {
    const response = await runSync();

    expect(response.status).toBe(200);
    const log = await response.json();
    expect(log).toMatchObject({
      products_added: 8,
      products_updated: 0,
      products_removed: 0,
      error_message: null,
      categories_synced: ['business-investment', 'health-fitness', 'travel'],
    });
    expect(log.sync_started_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
    expect(log.sync_completed_at).toMatch(/Z$/);
    expect(log.sync_duration_seconds).toMatch(/^\d+\.\d{2}$/);

    const listed = await api.request(`/api/v1/admin/digistore24/sync-logs`, { token: admin.token });
    expect((await listed.json()).data).toContainEqual(log);
    const { rows } = await api.database.owner.query<{ n: number }>(
      'select count(*)::int as n from public.shop_products where digistore24_id is not null and is_active',
    );
    expect(rows[0].n).toBe(8);
    expect(fake.requests.map((r) => [r.functionName, r.apiKey])).toEqual([['listMarketplaceEntries', FAKE_API_KEY]]);
  });

  it('works as PAM rather than as the administrator who asked', async () => {
    fake.entries = [...fake.entries, marketplaceEntry(9)];
    expect((await (await runSync()).json()).products_added).toBe(1);
    const { rows } = await api.database.owner.query<{ user_id: string | null }>(
      `select a.user_id from public.audit_logs a join public.shop_products p on p.id = a.record_id
        where a.table_name = 'shop_products' and a.action = 'INSERT' and p.digistore24_id = $1`,
      [String(400_009)],
    );
    expect(rows).toEqual([{ user_id: null }]);
  });

  it('changes nothing when run again, and says so', async () => {
    const again = await (await runSync()).json();
    expect(again).toMatchObject({ products_added: 0, products_updated: 0, products_removed: 0, error_message: null });
  });
});
