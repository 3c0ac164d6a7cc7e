import { z } from '@hono/zod-openapi';
import { Digistore24SyncLog, Digistore24WebhookLog } from '../../admin/digistore24-logs.ts';
import type { ApiUser, TestApi } from '../../../test/support/app.ts';
import { bodyOf, describe, expect, test as base } from '../../../test/support/fixtures.ts';

const SyncLogPage = z.object({ data: z.array(Digistore24SyncLog), next_cursor: z.string().nullable() });
const WebhookLogPage = z.object({ data: z.array(Digistore24WebhookLog), next_cursor: z.string().nullable() });

/** The file's database holds three sync runs and four webhook calls, each at a distinct time so newest-first order shows. */
const test = base.extend<{ logs: void }>({
  logs: [
    async ({ api }, use) => {
      await api.database.owner.query(
        `insert into public.digistore24_sync_logs
           (sync_started_at, sync_completed_at, products_added, products_updated, products_removed,
            categories_synced, error_message, sync_duration_seconds, created_at)
         values (now() - interval '2 days', now() - interval '2 days' + interval '12 seconds', 5, 1, 0, '{water,solar}', null, 12.40, now() - interval '2 days'),
                (now() - interval '1 day', null, 0, 0, 0, null, 'Digistore24 answered 503', null, now() - interval '1 day'),
                (now(), now() + interval '3 seconds', 0, 2, 1, '{solar}', null, 3.05, now())`,
      );
      await api.database.owner.query(
        `insert into public.digistore24_webhook_logs
           (event_type, order_id, product_id, request_data, signature_valid, processed, error_message, created_at)
         values ('on_payment', 'ORD-1', 'P-100', '{"order_id": "ORD-1", "sha_sign": "[redacted]"}', true, true, null, now() - interval '3 hours'),
                ('on_payment', 'ORD-2', 'P-100', '{"order_id": "ORD-2", "sha_sign": "[redacted]"}', false, false, 'bad signature', now() - interval '2 hours'),
                ('on_refund', 'ORD-1', 'P-100', '{"order_id": "ORD-1", "sha_sign": "[redacted]"}', true, false, null, now() - interval '1 hour'),
                ('connection_test', null, null, '{}', null, true, null, now())`,
      );
      await use();
    },
    { scope: 'file', auto: true },
  ],
});

const syncLogs = async (api: TestApi, admin: ApiUser, query = '') =>
  bodyOf(await api.request(`/api/v1/admin/digistore24/sync-logs${query}`, { token: admin.token }), SyncLogPage, 200);

const webhookLogs = async (api: TestApi, admin: ApiUser, query = '') =>
  bodyOf(await api.request(`/api/v1/admin/digistore24/webhook-logs${query}`, { token: admin.token }), WebhookLogPage, 200);

describe('Digistore24 sync logs', () => {
  test('lists every run newest first, with decimals as strings', async ({ api, admin }) => {
    const { data, next_cursor } = await syncLogs(api, admin);
    expect(next_cursor).toBeNull();
    expect(data.map((run) => run.products_updated)).toEqual([2, 0, 1]);
    expect(data[0]).toMatchObject({ products_removed: 1, categories_synced: ['solar'], sync_duration_seconds: '3.05', error_message: null });
    expect(data[1]).toMatchObject({ sync_completed_at: null, error_message: 'Digistore24 answered 503', sync_duration_seconds: null });
    expect(data[2]).toMatchObject({ products_added: 5, categories_synced: ['water', 'solar'], sync_duration_seconds: '12.40' });
    expect(data[2].sync_started_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
  });

  test('pages with the cursor', async ({ api, admin }) => {
    const first = await syncLogs(api, admin, '?limit=2');
    expect(first.data).toHaveLength(2);
    const second = await syncLogs(api, admin, `?limit=2&cursor=${first.next_cursor}`);
    expect(second).toMatchObject({ data: [{ products_added: 5 }], next_cursor: null });
  });
});

describe('Digistore24 webhook logs', () => {
  const orders = (data: { event_type: string; order_id: string | null }[]) => data.map((e) => `${e.event_type}:${e.order_id}`);

  test('lists every call newest first, with the stored request data', async ({ api, admin }) => {
    const { data } = await webhookLogs(api, admin);
    expect(orders(data)).toEqual(['connection_test:null', 'on_refund:ORD-1', 'on_payment:ORD-2', 'on_payment:ORD-1']);
    expect(data[2]).toMatchObject({
      product_id: 'P-100',
      request_data: { order_id: 'ORD-2', sha_sign: '[redacted]' },
      signature_valid: false,
      processed: false,
      error_message: 'bad signature',
    });
  });

  test('filters by event type, order, signature and processing', async ({ api, admin }) => {
    const by = async (query: string) => orders((await webhookLogs(api, admin, `?${query}`)).data);
    expect(await by('event_type=on_payment')).toEqual(['on_payment:ORD-2', 'on_payment:ORD-1']);
    expect(await by('order_id=ORD-1')).toEqual(['on_refund:ORD-1', 'on_payment:ORD-1']);
    expect(await by('signature_valid=false')).toEqual(['on_payment:ORD-2']);
    expect(await by('signature_valid=true&processed=false')).toEqual(['on_refund:ORD-1']);
    expect(await by('processed=true')).toEqual(['connection_test:null', 'on_payment:ORD-1']);
    expect(await by('event_type=on_chargeback')).toEqual([]);
  });
});
