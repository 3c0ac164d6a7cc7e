import type { TestApi } from '../../../test/support/app.ts';
import { errorEnvelope, FAKE_API_KEY, marketplaceEntry } from '../../../test/support/fake-digistore24.ts';
import { describe, expect, withFakeDigistore24 } from '../../../test/support/fixtures.ts';

/** The shared fixture, on an app that reaches a local Digistore24 speaking the real wire format. */
const test = withFakeDigistore24([marketplaceEntry(1), marketplaceEntry(2)]);

const SYNC = '/api/v1/admin/digistore24/sync';

async function syncLogCount(api: TestApi): Promise<number> {
  const { rows } = await api.database.owner.query<{ n: number }>('select count(*)::int as n from public.digistore24_sync_logs');
  return rows[0].n;
}

describe('POST /api/v1/admin/digistore24/sync refuses', () => {
  test('an ordinary user with 403, and nothing is synced', async ({ api, alice, digistore24 }) => {
    const logsBefore = await syncLogCount(api);
    const response = await api.request(SYNC, { method: 'POST', token: alice.token });
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(digistore24.requests).toEqual([]);
    expect(await syncLogCount(api)).toBe(logsBefore);
  });

  test('a caller without a token with 401', async ({ api, digistore24 }) => {
    expect((await api.request(SYNC, { method: 'POST' })).status).toBe(401);
    expect(digistore24.requests).toEqual([]);
  });
});

describe('POST /api/v1/admin/digistore24/sync reports a failed run', () => {
  test('in the log row it answers with, 200, when Digistore24 answers an error', async ({ api, admin, digistore24 }) => {
    digistore24.script({ functionName: 'listMarketplaceEntries' }, { body: errorEnvelope('API key has no read access', 'forbidden') });

    const response = await api.request(SYNC, { method: 'POST', token: admin.token });

    expect(response.status).toBe(200);
    const log = await response.json();
    expect(log).toMatchObject({ products_added: 0, products_removed: 0 });
    expect(log.error_message).toBe(
      'listMarketplaceEntries page 1: Digistore24 listMarketplaceEntries failed (code forbidden): API key has no read access',
    );
    expect(log.error_message).not.toContain(FAKE_API_KEY);
  });
});
