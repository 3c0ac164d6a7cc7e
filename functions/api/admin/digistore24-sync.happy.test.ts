import { z } from '@hono/zod-openapi';
import { Digistore24SyncLog } from '../../admin/digistore24-logs.ts';
import type { ApiUser, TestApi } from '../../../test/support/app.ts';
import { FAKE_API_KEY, marketplaceEntry } from '../../../test/support/fake-digistore24.ts';
import { bodyOf, describe, expect, withFakeDigistore24 } from '../../../test/support/fixtures.ts';

/** The shared fixture, on an app that reaches a local Digistore24 speaking the real wire format. */
const test = withFakeDigistore24(Array.from({ length: 8 }, (_, i) => marketplaceEntry(i + 1)));

const SyncLogPage = z.object({ data: z.array(Digistore24SyncLog), next_cursor: z.string().nullable() });

async function runSync(api: TestApi, admin: ApiUser) {
  return bodyOf(await api.request('/api/v1/admin/digistore24/sync', { method: 'POST', token: admin.token }), Digistore24SyncLog, 200);
}

describe('POST /api/v1/admin/digistore24/sync', () => {
  test('runs the product sync and answers with its log row', async ({ api, admin, digistore24 }) => {
    const log = await runSync(api, admin);

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

    const listed = await bodyOf(await api.request(`/api/v1/admin/digistore24/sync-logs`, { token: admin.token }), SyncLogPage, 200);
    expect(listed.data).toContainEqual(log);
    const { rows } = await api.database.owner.query<{ n: number }>(
      'select count(*)::int as n from public.shop_products where digistore24_id is not null and is_active',
    );
    expect(rows[0].n).toBe(8);
    expect(digistore24.requests.map((r) => [r.functionName, r.apiKey])).toEqual([['listMarketplaceEntries', FAKE_API_KEY]]);
  });

  test('works as PAM rather than as the administrator who asked', async ({ api, admin, digistore24 }) => {
    digistore24.entries = [...digistore24.entries, marketplaceEntry(9)];
    expect((await runSync(api, admin)).products_added).toBe(1);
    const { rows } = await api.database.owner.query<{ user_id: string | null }>(
      `select a.user_id from public.audit_logs a join public.shop_products p on p.id = a.record_id
        where a.table_name = 'shop_products' and a.action = 'INSERT' and p.digistore24_id = $1`,
      [String(400_009)],
    );
    expect(rows).toEqual([{ user_id: null }]);
  });

  test('changes nothing when run again, and says so', async ({ api, admin, digistore24 }) => {
    const again = await runSync(api, admin);
    expect(again).toMatchObject({ products_added: 0, products_updated: 0, products_removed: 0, error_message: null });
  });
});
