import { describe, expect, test } from '../../../test/support/fixtures.ts';

describe('bad requests to the Digistore24 logs', () => {
  test('answers 400 naming the filter for values it cannot mean', async ({ api, admin }) => {
    const cases: [path: string, field: string][] = [
      ['/api/v1/admin/digistore24/webhook-logs?signature_valid=yes', 'signature_valid'],
      ['/api/v1/admin/digistore24/webhook-logs?processed=1', 'processed'],
      ['/api/v1/admin/digistore24/webhook-logs?processed=', 'processed'],
      ['/api/v1/admin/digistore24/webhook-logs?event_type=' + 'e'.repeat(51), 'event_type'],
      ['/api/v1/admin/digistore24/webhook-logs?order_id=' + 'o'.repeat(256), 'order_id'],
      ['/api/v1/admin/digistore24/webhook-logs?cursor=eyJub3QiOiJhIGN1cnNvciJ9', 'cursor'],
      ['/api/v1/admin/digistore24/sync-logs?cursor=%00', 'cursor'],
      ['/api/v1/admin/digistore24/sync-logs?limit=-1', 'limit'],
    ];
    for (const [path, field] of cases) {
      const response = await api.request(path, { token: admin.token });
      expect(response.status, path).toBe(400);
      expect(response.headers.get('content-type'), path).toMatch(/^application\/problem\+json/);
      expect((await response.json()).errors.map((e: { path: string }) => e.path), path).toEqual([field]);
    }
  });

  test('answers 403 to an ordinary user even when a log exists, and 404 to an administrator on an unknown admin path', async ({ api, alice, admin }) => {
    await api.database.owner.query(
      `insert into public.digistore24_webhook_logs (event_type, request_data) values ('on_payment', '{}')`,
    );
    for (const path of ['/api/v1/admin/digistore24/webhook-logs', '/api/v1/admin/digistore24/sync-logs']) {
      const response = await api.request(path, { token: alice.token });
      expect(response.status, path).toBe(403);
      expect(JSON.stringify(await response.json()), path).not.toContain('on_payment');
    }
    expect((await api.request('/api/v1/admin/digistore24/nothing-here', { token: admin.token })).status).toBe(404);
  });
});
