import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../retry-after.ts';
import {
  errorEnvelope,
  FAKE_API_KEY,
  type FakeDigistore24,
  marketplaceEntry,
  startFakeDigistore24,
} from '../../test/support/fake-digistore24.ts';
import {
  Digistore24ApiError,
  Digistore24Client,
  type Digistore24ClientOptions,
  Digistore24HttpError,
  Digistore24NetworkError,
  Digistore24RateLimitError,
  Digistore24RequestBudgetError,
  Digistore24ResponseError,
  Digistore24TimeoutError,
  listItems,
} from './api-client.ts';

let fake: FakeDigistore24;
let pauses: number[];

beforeAll(async () => {
  fake = await startFakeDigistore24();
});
afterAll(() => fake?.close());
beforeEach(() => {
  fake.reset();
  fake.entries = Array.from({ length: 5 }, (_, i) => marketplaceEntry(i + 1));
  pauses = [];
});

/** Pauses are recorded, not waited out, except where a test wants the real clock. */
const client = (options: Partial<Digistore24ClientOptions> = {}) =>
  new Digistore24Client({
    apiKey: FAKE_API_KEY,
    baseUrl: fake.url,
    sleep: async (ms) => {
      pauses.push(ms);
    },
    ...options,
  });

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail');
}

describe('the Digistore24 client', () => {
  it('posts form-encoded parameters with the key in X-DS-API-KEY and returns data', async () => {
    const data = await client().getMarketplaceEntry('700003');
    expect(data).toMatchObject({ id: '700003', headline: 'Road product 3' });
    expect(fake.requests).toEqual([
      {
        method: 'POST',
        path: '/api/call/getMarketplaceEntry/format/json',
        functionName: 'getMarketplaceEntry',
        apiKey: FAKE_API_KEY,
        contentType: 'application/x-www-form-urlencoded',
        params: { entry_id: '700003' },
      },
    ]);
  });

  it('sends booleans as Y and N and leaves out absent parameters', async () => {
    await client().call('listMarketplaceEntries', { is_active: true, has_stats: false, category: undefined, page_no: 2 });
    expect(fake.requests[0].params).toEqual({ is_active: 'Y', has_stats: 'N', page_no: '2' });
  });

  it('reads an error envelope sent with HTTP 200 as an error, with its code', async () => {
    fake.script({}, { status: 200, body: errorEnvelope('Marketplace entry not found', 404) });
    const error = await failure(client().getMarketplaceEntry('1'));
    expect(error).toBeInstanceOf(Digistore24ApiError);
    expect(error).toMatchObject({ code: '404', apiMessage: 'Marketplace entry not found', httpStatus: 200, functionName: 'getMarketplaceEntry' });
    expect(fake.requests).toHaveLength(1);
  });

  it('reads an error envelope sent with an error status the same way', async () => {
    fake.script({}, { status: 403, body: errorEnvelope('Permission denied', 'access_denied') });
    expect(await failure(client().getProduct(1))).toMatchObject({ code: 'access_denied', httpStatus: 403 });
  });

  it('waits as long as Retry-After says after a 429, then succeeds', async () => {
    fake.script({}, { status: 429, headers: { 'retry-after': '1' }, body: 'Too Many Requests' });
    const realClock = client({ sleep: undefined });
    const started = Date.now();
    const data = await realClock.getMarketplaceEntry('700001');
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(data).toMatchObject({ id: '700001' });
    expect(fake.requests).toHaveLength(2);
    expect(realClock.requestsMade).toBe(2);
  });

  it('backs off on the "too many requests" error envelope, doubling the pause when none is named', async () => {
    fake.script({ times: 2 }, { status: 200, body: errorEnvelope('Too many requests - please slow down', 429) });
    const data = await client().getMarketplaceEntry('700002');
    expect(data).toMatchObject({ id: '700002' });
    expect(pauses).toEqual([1000, 2000]);
  });

  it('gives up after the allowed retries', async () => {
    fake.script({ times: 10 }, { status: 429, headers: { 'retry-after': '2' } });
    const error = await failure(client({ maxRetries: 2 }).getProduct(1));
    expect(error).toBeInstanceOf(Digistore24RateLimitError);
    expect(error).toMatchObject({ attempts: 3, retryAfterMs: 2000 });
    expect(pauses).toEqual([2000, 2000]);
    expect(fake.requests).toHaveLength(3);
  });

  it('does not stall a run on a Retry-After longer than it may wait', async () => {
    fake.script({}, { status: 429, headers: { 'retry-after': '3600' } });
    const error = await failure(client({ maxRetryDelayMs: 30_000 }).getProduct(1));
    expect(error).toBeInstanceOf(Digistore24RateLimitError);
    expect(pauses).toEqual([]);
    expect(fake.requests).toHaveLength(1);
  });

  it('times out a request that hangs', async () => {
    fake.script({}, { delayMs: 2_000, body: { result: 'success', data: [] } });
    const error = await failure(client({ timeoutMs: 200 }).getProduct(1));
    expect(error).toBeInstanceOf(Digistore24TimeoutError);
    expect(error.message).toBe('Digistore24 getProduct did not answer within 200 ms');
  });

  it('tells an HTTP failure without an envelope from a success that is not JSON', async () => {
    fake.script({}, { status: 502, body: '<html>Bad gateway</html>' });
    expect(await failure(client().getProduct(1))).toBeInstanceOf(Digistore24HttpError);
    fake.script({}, { status: 200, body: '<html>Maintenance</html>' });
    expect(await failure(client().getProduct(1))).toBeInstanceOf(Digistore24ResponseError);
  });

  it('reports an unreachable API as a network error', async () => {
    const error = await failure(client({ baseUrl: 'http://127.0.0.1:9/api/call' }).getProduct(1));
    expect(error).toBeInstanceOf(Digistore24NetworkError);
  });

  it('stops before exceeding its request budget, retries included', async () => {
    fake.script({ times: 10 }, { status: 429, headers: { 'retry-after': '0' } });
    const limited = client({ maxRequests: 2 });
    const error = await failure(limited.getProduct(1));
    expect(error).toBeInstanceOf(Digistore24RequestBudgetError);
    expect(fake.requests).toHaveLength(2);
    expect(limited.requestsMade).toBe(2);
  });

  it('never puts the API key into an error', async () => {
    const errors = [
      await failure(client({ apiKey: 'secret-key-123' }).getProduct(1)),
      await failure(client({ apiKey: 'secret-key-123', timeoutMs: 1, baseUrl: 'http://127.0.0.1:9/api/call' }).getProduct(1)),
    ];
    for (const error of errors) {
      expect(JSON.stringify({ ...error, text: error.message })).not.toContain('secret-key-123');
    }
  });

  it('walks pages until a short one', async () => {
    fake.entries = Array.from({ length: 7 }, (_, i) => marketplaceEntry(i + 1));
    const pages = [];
    for await (const page of client().listPages('listMarketplaceEntries', {}, { pageSize: 3, maxPages: 10 })) {
      pages.push({ pageNo: page.pageNo, count: page.items.length, last: page.last });
    }
    expect(pages).toEqual([
      { pageNo: 1, count: 3, last: false },
      { pageNo: 2, count: 3, last: false },
      { pageNo: 3, count: 1, last: true },
    ]);
  });

  it('follows the paging fields of an answer when there are any', async () => {
    fake.script({ pageNo: 1 }, { body: { result: 'success', data: { entries: [{ id: 1 }, { id: 2 }], page_no: 1, number_of_pages: 2 } } });
    fake.script({ pageNo: 2 }, { body: { result: 'success', data: { entries: [{ id: 3 }, { id: 4 }], page_no: 2, number_of_pages: 2 } } });
    const pages = [];
    for await (const page of client().listPages('listMarketplaceEntries', {}, { pageSize: 2, maxPages: 10 })) pages.push(page);
    expect(pages.map((p) => [p.pageNo, p.items.map((i) => i.id), p.last])).toEqual([
      [1, [1, 2], false],
      [2, [3, 4], true],
    ]);
    expect(fake.requests).toHaveLength(2);
  });

  it('ends the walk at maxPages with the final page marked as not the last', async () => {
    fake.entries = Array.from({ length: 10 }, (_, i) => marketplaceEntry(i + 1));
    const pages = [];
    for await (const page of client().listPages('listMarketplaceEntries', {}, { pageSize: 2, maxPages: 2 })) pages.push(page);
    expect(pages.map((p) => p.last)).toEqual([false, false]);
  });
});

describe('reading answers', () => {
  it('finds the list in data, whatever it is called', () => {
    expect(listItems([{ id: 1 }, 'junk'])).toEqual([{ id: 1 }]);
    expect(listItems({ entries: [{ id: 1 }], total: 1 })).toEqual([{ id: 1 }]);
    expect(listItems({ something_else: [{ id: 2 }] })).toEqual([{ id: 2 }]);
    expect(listItems('nothing')).toEqual([]);
  });

  it('reads Retry-After as seconds or as a date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('5', now)).toBe(5000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
