import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi, testEnv } from '../../../test/support/app.ts';
import {
  errorEnvelope,
  FAKE_API_KEY,
  type FakeDigistore24,
  marketplaceEntry,
  startFakeDigistore24,
} from '../../../test/support/fake-digistore24.ts';

let api: TestApi;
let fake: FakeDigistore24;

beforeAll(async () => {
  fake = await startFakeDigistore24([marketplaceEntry(1), marketplaceEntry(2)]);
  api = await createTestApi({ ...testEnv, DIGISTORE24_API_KEY: FAKE_API_KEY, DIGISTORE24_API_URL: fake.url });
});
afterAll(async () => {
  await api?.close();
  await fake?.close();
});
beforeEach(() => fake.reset());

const SYNC = '/api/v1/admin/digistore24/sync';

async function syncLogCount(): Promise<number> {
  const { rows } = await api.database.owner.query<{ n: number }>('select count(*)::int as n from public.digistore24_sync_logs');
  return rows[0].n;
}

describe('POST /api/v1/admin/digistore24/sync refuses', () => {
  it('an ordinary user with 403, and nothing is synced', async () => {
    const user = await api.signIn();
    const response = await api.request(SYNC, { method: 'POST', token: user.token });
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(fake.requests).toEqual([]);
    expect(await syncLogCount()).toBe(0);
  });

  it('a caller without a token with 401', async () => {
    expect((await api.request(SYNC, { method: 'POST' })).status).toBe(401);
    expect(fake.requests).toEqual([]);
  });
});

describe('POST /api/v1/admin/digistore24/sync reports a failed run', () => {
  it('in the log row it answers with, 200, when Digistore24 answers an error', async () => {
    const admin = await api.signIn({ admin: true });
    fake.script({ functionName: 'listMarketplaceEntries' }, { body: errorEnvelope('API key has no read access', 'forbidden') });

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
