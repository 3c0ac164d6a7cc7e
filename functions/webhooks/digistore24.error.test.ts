import { afterEach, vi } from 'vitest';
import { connectorFor, testEnv, type TestApi } from '../../test/support/app.ts';
import { formRequest, IPN_PATH, ipnEnv, paymentFields, signed } from '../../test/support/digistore24.ts';
import { describe, expect, withEnv } from '../../test/support/fixtures.ts';
import { newApp } from '../app.ts';
import type { Env } from '../env.ts';
import { MAX_IPN_BYTES } from './digistore24.ts';
import { REFUSED_CALL_WINDOW_MS, REFUSED_CALLS_LOGGED_PER_WINDOW } from './refused-calls.ts';

/** The shared fixture, on an app with the IPN passphrase configured. */
const test = withEnv(ipnEnv);

async function count(api: TestApi, table: string, where = 'true', params: unknown[] = []): Promise<number> {
  const { rows } = await api.database.owner.query<{ n: number }>(
    `select count(*)::int as n from public.${table} where ${where}`,
    params,
  );
  return rows[0].n;
}

async function logsOf(api: TestApi, orderId: string) {
  const { rows } = await api.database.owner.query<Record<string, any>>(
    `select * from public.digistore24_webhook_logs where order_id = $1 order by created_at, id`,
    [orderId],
  );
  return rows;
}

/** The ids of the log rows there are now, to tell the rows a test writes from those the file's other tests wrote. */
async function logIds(api: TestApi): Promise<string[]> {
  const { rows } = await api.database.owner.query<{ id: string }>('select id from public.digistore24_webhook_logs');
  return rows.map((row) => row.id);
}

/**
 * The log rows written since `before` was taken, oldest first: for calls whose body was never
 * read and so name no order. Not simply the newest rows: a test that sets the clock ahead
 * leaves rows dated later than any written after it.
 */
async function logsSince(api: TestApi, before: string[], where = 'true') {
  const { rows } = await api.database.owner.query<Record<string, any>>(
    `select * from public.digistore24_webhook_logs where id <> all($1::uuid[]) and ${where} order by created_at, id`,
    [before],
  );
  return rows;
}

async function expectNotOk(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect((await response.text()).startsWith('OK')).toBe(false);
}

describe('a request Digistore24 did not sign', () => {
  test('without sha_sign is logged as invalid, refused with 403 and changes nothing else', async ({ api }) => {
    const fields = paymentFields();
    const salesBefore = await count(api, 'affiliate_sales');
    await expectNotOk(await api.request(IPN_PATH, formRequest(fields)), 403);
    expect(await count(api, 'affiliate_sales')).toBe(salesBefore);
    expect(await logsOf(api, fields.order_id)).toMatchObject([
      { event_type: 'on_payment', signature_valid: false, processed: false, error_message: 'The request carries no sha_sign.' },
    ]);
  });

  test('signed with another passphrase is refused', async ({ api }) => {
    const fields = paymentFields();
    await expectNotOk(await api.request(IPN_PATH, formRequest(await signed(fields, 'not-the-passphrase'))), 403);
    expect(await count(api, 'affiliate_sales', 'order_id = $1', [fields.order_id])).toBe(0);
    expect(await logsOf(api, fields.order_id)).toMatchObject([
      { signature_valid: false, processed: false, error_message: 'The sha_sign does not match.' },
    ]);
  });

  test('with a tampered amount, commission or attribution is refused', async ({ api, alice }) => {
    const changes: Record<string, string>[] = [{ amount: '4700.00' }, { amount_affiliate: '47.00' }, { custom: `m:${alice.id}` }];
    for (const change of changes) {
      const fields = paymentFields();
      const tampered = { ...(await signed(fields)), ...change };
      await expectNotOk(await api.request(IPN_PATH, formRequest(tampered)), 403);
      expect(await count(api, 'affiliate_sales', 'order_id = $1', [fields.order_id])).toBe(0);
      expect(await logsOf(api, fields.order_id)).toMatchObject([{ signature_valid: false, processed: false }]);
    }
  });

  test('with a signature of the right length but wrong digits is refused', async ({ api }) => {
    const fields = await signed(paymentFields());
    const flipped = fields.sha_sign.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    await expectNotOk(await api.request(IPN_PATH, formRequest({ ...fields, sha_sign: flipped })), 403);
    expect(await count(api, 'affiliate_sales', 'order_id = $1', [fields.order_id])).toBe(0);
  });

  test('is refused when no passphrase is configured, whatever it carries', async ({ api }) => {
    const app = newApp({ connectDatabase: connectorFor(api.database) });
    for (const env of [testEnv, { ...testEnv, DIGISTORE24_IPN_PASSPHRASE: '' }] as Env[]) {
      const fields = paymentFields();
      const response = await app.request(IPN_PATH, formRequest(await signed(fields)), env);
      await expectNotOk(response, 403);
      expect(await count(api, 'affiliate_sales', 'order_id = $1', [fields.order_id])).toBe(0);
      const [log] = await logsOf(api, fields.order_id);
      expect(log).toMatchObject({ signature_valid: false, processed: false });
      expect(log.error_message).toMatch(/No IPN passphrase is configured/);
    }
  });

  test('never has its signature or the buyer email in the log', async ({ api }) => {
    const fields = await signed(paymentFields(), 'not-the-passphrase');
    await api.request(IPN_PATH, formRequest(fields));
    const [log] = await logsOf(api, fields.order_id);
    const text = JSON.stringify(log.request_data);
    expect(text).not.toContain(fields.sha_sign);
    expect(text).not.toMatch(/sha_sign|@/i);
  });
});

describe('a body the webhook will not read', () => {
  test('over the size limit is refused with 413 and logged', async ({ api }) => {
    const fields = paymentFields({ product_name: 'x'.repeat(MAX_IPN_BYTES) });
    const salesBefore = await count(api, 'affiliate_sales');
    const logsBefore = await count(api, 'digistore24_webhook_logs');
    const idsBefore = await logIds(api);
    await expectNotOk(await api.request(IPN_PATH, formRequest(await signed(fields))), 413);
    expect(await count(api, 'affiliate_sales')).toBe(salesBefore);
    expect(await count(api, 'digistore24_webhook_logs')).toBe(logsBefore + 1);
    expect((await logsSince(api, idsBefore))[0]).toMatchObject({
      event_type: '(unread)',
      signature_valid: null,
      processed: false,
      request_data: {},
    });
  });

  test('over the size limit is refused even when it does not declare its length', async ({ api }) => {
    const chunk = new TextEncoder().encode(`product_name=${'x'.repeat(16 * 1024)}&`);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 8) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const response = await api.request(IPN_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    await expectNotOk(response, 413);
    expect(sent).toBeLessThan(8);
  });

  test('declared over the size limit is refused before it is read', async ({ api }) => {
    const response = await api.request(IPN_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(MAX_IPN_BYTES + 1) },
      body: 'event=on_payment',
    });
    await expectNotOk(response, 413);
  });

  test('that is not a form is refused with 415 and logged', async ({ api }) => {
    const fields = await signed(paymentFields());
    for (const contentType of ['application/json', 'text/plain', 'application/x-www-form-urlencodedx']) {
      const logsBefore = await count(api, 'digistore24_webhook_logs');
      const idsBefore = await logIds(api);
      const response = await api.request(IPN_PATH, {
        method: 'POST',
        headers: { 'content-type': contentType },
        body: contentType === 'application/json' ? JSON.stringify(fields) : new URLSearchParams(fields).toString(),
      });
      await expectNotOk(response, 415);
      expect(await count(api, 'digistore24_webhook_logs')).toBe(logsBefore + 1);
      const [log] = await logsSince(api, idsBefore);
      expect(log).toMatchObject({ event_type: '(unread)', signature_valid: null, processed: false });
      expect(log.error_message).toContain(contentType);
    }
    expect(await count(api, 'affiliate_sales', 'order_id = $1', [fields.order_id])).toBe(0);
  });

  test('without a content type is refused with 415', async ({ api }) => {
    await expectNotOk(await api.request(IPN_PATH, { method: 'POST', body: new Blob(['event=on_payment']) }), 415);
  });
});

describe('a flood of calls it refuses', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** The app as one Worker isolate runs it, counting the connections it opens. */
  function countingApp(api: TestApi) {
    const connect = connectorFor(api.database);
    const app = newApp({
      connectDatabase: (env) => {
        counter.connections++;
        return connect(env);
      },
    });
    const counter = { connections: 0 };
    return { counter, send: (init: RequestInit) => app.request(IPN_PATH, init, ipnEnv) };
  }

  /** Unsigned, wrongly signed and not a form: the refusals anyone can send. */
  const refusedCalls = [
    { status: 403, init: () => formRequest(paymentFields()) },
    { status: 403, init: async () => formRequest(await signed(paymentFields(), 'not-the-passphrase')) },
    { status: 415, init: () => ({ method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'event=on_payment' }) },
  ];

  test('logs the first ones of a window in full, counts the rest without a connection, and writes the count when the window ends', async ({ api }) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const windowStart = Math.ceil(Date.now() / REFUSED_CALL_WINDOW_MS) * REFUSED_CALL_WINDOW_MS;
    vi.setSystemTime(windowStart);
    const { counter, send } = countingApp(api);
    const logsBefore = await count(api, 'digistore24_webhook_logs');
    const idsBefore = await logIds(api);
    const extra = 30;

    const statuses: number[] = [];
    for (let i = 0; i < REFUSED_CALLS_LOGGED_PER_WINDOW + extra; i++) {
      const call = refusedCalls[i % refusedCalls.length];
      const response = await send(await call.init());
      await expectNotOk(response, call.status);
      statuses.push(response.status);
    }
    expect(counter.connections).toBe(REFUSED_CALLS_LOGGED_PER_WINDOW);
    expect(await count(api, 'digistore24_webhook_logs')).toBe(logsBefore + REFUSED_CALLS_LOGGED_PER_WINDOW);

    // Digistore24's own calls are never held back.
    const payment = paymentFields();
    expect((await send(formRequest(await signed(payment)))).status).toBe(200);
    expect(await count(api, 'affiliate_sales', 'order_id = $1', [payment.order_id])).toBe(1);
    expect(counter.connections).toBe(REFUSED_CALLS_LOGGED_PER_WINDOW + 1);

    // The next window: the first refusal is logged again, with the count of the last window beside it.
    vi.setSystemTime(windowStart + REFUSED_CALL_WINDOW_MS);
    const fields = paymentFields();
    await expectNotOk(await send(formRequest(fields)), 403);
    expect(counter.connections).toBe(REFUSED_CALLS_LOGGED_PER_WINDOW + 2);
    expect(await logsOf(api, fields.order_id)).toMatchObject([{ signature_valid: false }]);
    const summaries = await logsSince(api, idsBefore, `event_type = '(suppressed)'`);
    const suppressedStatuses = statuses.slice(REFUSED_CALLS_LOGGED_PER_WINDOW);
    expect(summaries).toMatchObject([
      {
        signature_valid: null,
        processed: false,
        request_data: {
          suppressed: extra,
          by_status: {
            403: suppressedStatuses.filter((status) => status === 403).length,
            415: suppressedStatuses.filter((status) => status === 415).length,
          },
          window_start: new Date(windowStart).toISOString(),
          window_end: new Date(windowStart + REFUSED_CALL_WINDOW_MS).toISOString(),
        },
      },
    ]);
    expect(summaries[0].error_message).toMatch(/30 refused calls .* counted, not logged/);
    expect(await count(api, 'digistore24_webhook_logs')).toBe(logsBefore + REFUSED_CALLS_LOGGED_PER_WINDOW + 1 + 2);
  });

  test('writes the count of a quiet window with the next verified IPN, once', async ({ api }) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const windowStart = Math.ceil(Date.now() / REFUSED_CALL_WINDOW_MS) * REFUSED_CALL_WINDOW_MS + 5 * REFUSED_CALL_WINDOW_MS;
    vi.setSystemTime(windowStart);
    const { counter, send } = countingApp(api);
    for (let i = 0; i < REFUSED_CALLS_LOGGED_PER_WINDOW + 3; i++) await send(formRequest(paymentFields()));
    expect(counter.connections).toBe(REFUSED_CALLS_LOGGED_PER_WINDOW);

    vi.setSystemTime(windowStart + 3 * REFUSED_CALL_WINDOW_MS);
    const summaryCount = () => count(api, 'digistore24_webhook_logs', `event_type = '(suppressed)' and request_data ->> 'window_start' = $1`, [new Date(windowStart).toISOString()]);
    expect(await summaryCount()).toBe(0);
    expect((await send(formRequest(await signed(paymentFields())))).status).toBe(200);
    expect(await summaryCount()).toBe(1);
    expect((await send(formRequest(await signed(paymentFields())))).status).toBe(200);
    await send(formRequest(paymentFields()));
    expect(await summaryCount()).toBe(1);
  });
});

describe('a signed IPN that cannot be stored', () => {
  test.for<[string, Record<string, string>, RegExp]>([
    ['an amount that is not one', { amount: '47,00' }, /amount is not an amount/],
    ['no amount', { amount: '' }, /amount is not an amount/],
    ['no currency', { currency: '' }, /currency/],
    ['an amount too large for the column', { amount: '123456789.00' }, /amount is not an amount/],
    ['a commission that is not one', { amount_affiliate: 'lots' }, /amount_affiliate is not an amount/],
  ])('is not answered OK when it has %s, and the log says why', async ([, change, reason], { api }) => {
    const fields = paymentFields(change);
    const response = await api.request(IPN_PATH, formRequest(await signed(fields)));
    await expectNotOk(response, 400);
    expect(await count(api, 'affiliate_sales', 'order_id = $1', [fields.order_id])).toBe(0);
    const [log] = await logsOf(api, fields.order_id);
    expect(log).toMatchObject({ signature_valid: true, processed: false });
    expect(log.error_message).toMatch(reason);
  });

  test('is not answered OK without an order id', async ({ api }) => {
    const fields = paymentFields({ order_id: '', product_id: `p-${crypto.randomUUID()}` });
    await expectNotOk(await api.request(IPN_PATH, formRequest(await signed(fields))), 400);
    const { rows } = await api.database.owner.query<Record<string, any>>(
      'select * from public.digistore24_webhook_logs where product_id = $1',
      [fields.product_id],
    );
    expect(rows).toMatchObject([{ signature_valid: true, processed: false, error_message: 'The IPN has no order_id.' }]);
  });

  test('is not answered OK when the database cannot be reached', async () => {
    const app = newApp();
    const env = { ...ipnEnv, DATABASE_URL: 'postgres://postgres@127.0.0.1:9/pam' };
    const response = await app.request(IPN_PATH, formRequest(await signed(paymentFields())), env);
    await expectNotOk(response, 503);
    expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  test('is refused, not acknowledged, when the database is down and the signature is wrong', async () => {
    const app = newApp();
    const env = { ...ipnEnv, DATABASE_URL: 'postgres://postgres@127.0.0.1:9/pam' };
    const response = await app.request(IPN_PATH, formRequest(paymentFields()), env);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect((await response.text()).startsWith('OK')).toBe(false);
  });
});

describe('deliveries of one order at the same moment', () => {
  test('end refunded when payments and refunds of one order race', async ({ api }) => {
    const payment = paymentFields();
    const refund = { ...payment, event: 'on_refund', transaction_id: `${payment.transaction_id}9` };
    const deliveries = [await signed(payment), await signed(refund)];
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => api.request(IPN_PATH, formRequest(deliveries[i % 2]))),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));
    const { rows } = await api.database.owner.query<Record<string, any>>(
      'select status, confirmed_at, refunded_at from public.affiliate_sales where order_id = $1',
      [payment.order_id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].status).toBe('refunded');
    expect(rows[0].confirmed_at).not.toBeNull();
    expect(rows[0].refunded_at).not.toBeNull();
  });
});

describe.skipIf(!process.env.DATABASE_URL)('duplicate deliveries on separate connections (PostgreSQL server)', () => {
  test('20 at once leave exactly one sale and 20 log rows', async ({ api }) => {
    const connect = connectorFor(api.database);
    let connections = 0;
    // Each request on its own connection, as in production.
    const app = newApp({
      connectDatabase: (env) => {
        connections++;
        return connect(env);
      },
    });
    const fields = await signed(paymentFields());
    const responses = await Promise.all(Array.from({ length: 20 }, () => app.request(IPN_PATH, formRequest(fields), ipnEnv)));
    const bodies = await Promise.all(responses.map((r) => r.text()));
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(bodies).toEqual(Array(20).fill('OK'));
    expect(connections).toBe(20);
    expect(await count(api, 'affiliate_sales', 'order_id = $1', [fields.order_id])).toBe(1);
    expect(await count(api, 'digistore24_webhook_logs', 'order_id = $1 and processed and signature_valid', [fields.order_id])).toBe(20);
  });
});
