import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../../test/support/app.ts';
import { actAs } from '../../test/support/database.ts';
import { formRequest, IPN_PATH, ipnEnv, paymentFields, signed } from '../../test/support/digistore24.ts';

let api: TestApi;
let productId: string;

beforeAll(async () => {
  api = await createTestApi(ipnEnv);
  const { rows } = await api.database.owner.query<{ id: string }>(
    `insert into public.shop_products (name, price, currency, category, digistore24_id, commission_percentage)
     values ('Basis Monatlich', 47, 'EUR', 'courses', '512345', 25) returning id`,
  );
  productId = rows[0].id;
});
afterAll(() => api.close());

async function deliver(fields: Record<string, string>, options: { uppercaseKeys?: boolean } = {}) {
  return api.request(IPN_PATH, formRequest(await signed(fields, undefined, options)));
}

async function expectOk(response: Awaited<ReturnType<typeof deliver>>) {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  expect((await response.text()).startsWith('OK')).toBe(true);
}

async function salesOf(orderId: string) {
  const { rows } = await api.database.owner.query<Record<string, any>>(
    `select * from public.affiliate_sales where order_id = $1 order by order_item_id`,
    [orderId],
  );
  return rows;
}

async function logsOf(orderId: string) {
  const { rows } = await api.database.owner.query<Record<string, any>>(
    `select * from public.digistore24_webhook_logs where order_id = $1 order by created_at, id`,
    [orderId],
  );
  return rows;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('GET /webhooks/digistore24', () => {
  it('answers 200 to the URL check without a token', async () => {
    const response = await api.request(IPN_PATH);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('OK');
  });
});

describe('on_payment', () => {
  it('records a confirmed sale for the PAM user named in custom, with the product and the commission', async () => {
    const user = await api.signIn();
    const fields = paymentFields({ custom: `t:newsletter;m:${user.id};p:abc` });
    await expectOk(await deliver(fields));

    const [sale, ...others] = await salesOf(fields.order_id);
    expect(others).toEqual([]);
    expect(sale).toMatchObject({
      platform: 'digistore24',
      order_item_id: '1',
      transaction_id: fields.transaction_id,
      user_id: user.id,
      product_id: productId,
      external_product_id: '512345',
      sale_amount: '47.00',
      commission_amount: '11.75',
      commission_percentage: '25.00',
      currency: 'EUR',
      status: 'confirmed',
      vendor_id: '4711',
      customer_email: sha256('kunde.mueller@example.de'),
      is_test: false,
      refunded_at: null,
      chargeback_at: null,
    });
    expect(sale.confirmed_at).not.toBeNull();
    expect(sale.metadata.payment).toMatchObject({ billing_type: 'subscription', pay_method: 'paypal' });
  });

  it('is visible to its user through RLS and to nobody else', async () => {
    const owner = await api.signIn();
    const stranger = await api.signIn();
    const fields = paymentFields({ custom: `m:${owner.id}` });
    await expectOk(await deliver(fields));
    const visibleTo = (id: string) =>
      actAs(api.database.owner, { role: 'authenticated', claims: { sub: id, role: 'authenticated' } }, async (tx) => {
        const { rows } = await tx.query('select id from public.affiliate_sales where order_id = $1', [fields.order_id]);
        return rows.length;
      });
    expect(await visibleTo(owner.id)).toBe(1);
    expect(await visibleTo(stranger.id)).toBe(0);
  });

  it('keeps a sale whose user has no profile, unattributed', async () => {
    const fields = paymentFields({ custom: `m:${randomUUID()}` });
    await expectOk(await deliver(fields));
    const [sale] = await salesOf(fields.order_id);
    expect(sale).toMatchObject({ user_id: null, status: 'confirmed', sale_amount: '47.00' });
  });

  it('keeps a sale of an unknown product without linking one', async () => {
    const fields = paymentFields({ product_id: '999999', custom: 'not-a-pam-reference' });
    await expectOk(await deliver(fields));
    const [sale] = await salesOf(fields.order_id);
    expect(sale).toMatchObject({ user_id: null, product_id: null, external_product_id: '999999' });
  });

  it('flags a test-mode payment', async () => {
    const fields = paymentFields({ api_mode: 'test' });
    await expectOk(await deliver(fields));
    expect((await salesOf(fields.order_id))[0].is_test).toBe(true);
  });

  it('leaves no commission percentage when none can be derived', async () => {
    const fields = paymentFields({ amount: '0.00', amount_affiliate: '' });
    await expectOk(await deliver(fields));
    expect((await salesOf(fields.order_id))[0]).toMatchObject({
      sale_amount: '0.00',
      commission_amount: '0.00',
      commission_percentage: null,
    });
  });

  it('changes nothing when delivered again, but logs each delivery', async () => {
    const fields = paymentFields();
    await expectOk(await deliver(fields));
    const [first] = await salesOf(fields.order_id);
    await expectOk(await deliver(fields));
    await expectOk(await deliver(fields));
    const sales = await salesOf(fields.order_id);
    expect(sales).toEqual([first]);
    const logs = await logsOf(fields.order_id);
    expect(logs).toHaveLength(3);
    expect(logs.every((log) => log.processed && log.signature_valid && log.error_message === null)).toBe(true);
  });

  it('records each rebill payment of a subscription as a sale of its own', async () => {
    const first = paymentFields();
    const second = { ...first, transaction_id: `${first.transaction_id}2`, pay_sequence_no: '2' };
    await expectOk(await deliver(first));
    await expectOk(await deliver(second));
    const sales = await salesOf(first.order_id);
    expect(sales.map((s) => [s.order_item_id, s.transaction_id, s.status])).toEqual([
      ['1', first.transaction_id, 'confirmed'],
      ['1#2', second.transaction_id, 'confirmed'],
    ]);
  });

  it('accepts a signature over upper-cased keys and a multipart form', async () => {
    const upper = paymentFields();
    await expectOk(await deliver(upper, { uppercaseKeys: true }));
    expect(await salesOf(upper.order_id)).toHaveLength(1);

    const multipart = paymentFields();
    const form = new FormData();
    for (const [key, value] of Object.entries(await signed(multipart))) form.append(key, value);
    await expectOk(await api.request(IPN_PATH, { method: 'POST', body: form }));
    expect(await salesOf(multipart.order_id)).toHaveLength(1);
  });
});

describe('fields longer than their columns', () => {
  const LONG = 1000;
  /** A 1,000-character value that still means what the field means, where it has a form. */
  function longValue(field: string, userId: string, pad = 'ü'): string {
    switch (field) {
      case 'amount':
        return '47.00'.padStart(LONG, '0');
      case 'amount_affiliate':
        return '11.75'.padStart(LONG, '0');
      case 'currency':
        return 'EUR'.padStart(LONG, ' ');
      case 'pay_sequence_no':
        return '1'.padStart(LONG, '0');
      case 'email':
      case 'buyer_email':
        return `${'k'.repeat(LONG - '@example.de'.length)}@example.de`;
      case 'custom':
        return `m:${userId};t:`.padEnd(LONG, 'x');
      default:
        return `${field}:`.padEnd(LONG, pad);
    }
  }
  /** Fields the log keeps as they came (the others are hashed or redacted, see webhook-log.ts). */
  const loggedAsSent = (field: string) => !/email|name|address|phone|_url$/.test(field) || field === 'product_name';

  async function saleAndLogOf(fullOrderId: string) {
    const { rows: logs } = await api.database.owner.query<Record<string, any>>(
      `select * from public.digistore24_webhook_logs where request_data ->> 'order_id' = $1`,
      [fullOrderId],
    );
    expect(logs).toHaveLength(1);
    const { rows: sales } = await api.database.owner.query<Record<string, any>>(
      'select * from public.affiliate_sales where order_id = $1',
      [logs[0].order_id],
    );
    return { log: logs[0], sales };
  }

  const fieldNames = Object.keys(paymentFields()).filter((field) => field !== 'event');

  it.each(fieldNames)('a 1,000-character %s still records the sale, and the log keeps the value', async (field) => {
    const user = await api.signIn();
    const fields = paymentFields({ custom: `m:${user.id}` });
    const long = longValue(field, user.id);
    fields[field] = long;
    await expectOk(await deliver(fields));

    const { log, sales } = await saleAndLogOf(fields.order_id);
    expect(log).toMatchObject({ signature_valid: true, processed: true, error_message: null });
    if (loggedAsSent(field)) expect(log.request_data[field]).toBe(long);
    expect(sales).toHaveLength(1);
    expect(sales[0]).toMatchObject({
      status: 'confirmed',
      sale_amount: '47.00',
      commission_amount: '11.75',
      currency: 'EUR',
      user_id: user.id,
    });
    for (const column of ['order_id', 'order_item_id', 'transaction_id', 'external_product_id', 'vendor_id']) {
      expect(Array.from(sales[0][column] ?? '').length, column).toBeLessThanOrEqual(255);
    }
  });

  it('records the sale when every field is 1,000 characters long at once', async () => {
    const user = await api.signIn();
    const fields = Object.fromEntries(fieldNames.map((field) => [field, longValue(field, user.id, 'x')]));
    await expectOk(await deliver({ event: 'on_payment', ...fields }));
    const { sales } = await saleAndLogOf(fields.order_id);
    expect(sales).toMatchObject([{ status: 'confirmed', sale_amount: '47.00', user_id: user.id }]);
  });

  it('keeps long order ids that differ only in their last character apart, and a redelivery on its sale', async () => {
    const base = `ORD-${crypto.randomUUID()}-`.padEnd(LONG - 1, '7');
    const first = paymentFields({ order_id: `${base}1` });
    const second = paymentFields({ order_id: `${base}2` });
    await expectOk(await deliver(first));
    await expectOk(await deliver(second));
    await expectOk(await deliver(first));
    const { rows } = await api.database.owner.query<{ order_id: string; n: number }>(
      `select order_id, count(*)::int as n from public.affiliate_sales where order_id like $1 group by order_id`,
      [`${base.slice(0, 40)}%`],
    );
    expect(rows).toHaveLength(2);
    expect(rows.map((row) => row.n)).toEqual([1, 1]);
  });

  it('acknowledges a 1,000-character event it does not know, and logs it', async () => {
    const fields = paymentFields({ event: 'on_'.padEnd(LONG, 'z') });
    await expectOk(await deliver(fields));
    const { log, sales } = await saleAndLogOf(fields.order_id);
    expect(sales).toEqual([]);
    expect(log).toMatchObject({ signature_valid: true, processed: false, error_message: null });
    expect(log.event_type.length).toBeLessThanOrEqual(50);
    expect(log.request_data.event).toBe(fields.event);
  });
});

describe('on_refund and on_chargeback', () => {
  it('mark the sale, keep its figures, and a redelivered payment does not undo them', async () => {
    const payment = paymentFields();
    await expectOk(await deliver(payment));
    const refund = {
      ...payment,
      event: 'on_refund',
      transaction_id: `${payment.transaction_id}9`,
      transaction_type: 'refund',
      parent_transaction_id: payment.transaction_id,
      amount: '-47.00',
      amount_affiliate: '-11.75',
    };
    await expectOk(await deliver(refund));
    const [refunded] = await salesOf(payment.order_id);
    expect(refunded).toMatchObject({
      status: 'refunded',
      sale_amount: '47.00',
      commission_amount: '11.75',
      transaction_id: payment.transaction_id,
    });
    expect(refunded.refunded_at).not.toBeNull();
    expect(refunded.metadata.refund).toMatchObject({ transaction_id: refund.transaction_id, amount: '-47.00' });

    await expectOk(await deliver(payment));
    await expectOk(await deliver(refund));
    expect(await salesOf(payment.order_id)).toEqual([refunded]);

    await expectOk(await deliver({ ...payment, event: 'on_chargeback' }));
    const [chargedBack] = await salesOf(payment.order_id);
    expect(chargedBack.status).toBe('chargeback');
    expect(chargedBack.chargeback_at).not.toBeNull();
    expect(chargedBack.refunded_at).toEqual(refunded.refunded_at);

    await expectOk(await deliver(refund));
    expect((await salesOf(payment.order_id))[0].status).toBe('chargeback');
  });

  it('keep a refund that arrives before its payment, which then fills in the sale but stays refunded', async () => {
    const user = await api.signIn();
    const payment = paymentFields({ custom: `m:${user.id}` });
    const refund = {
      ...payment,
      event: 'on_refund',
      transaction_id: `${payment.transaction_id}9`,
      parent_transaction_id: payment.transaction_id,
      amount: '-47.00',
      amount_affiliate: '-11.75',
      currency: 'EUR',
    };
    await expectOk(await deliver(refund));
    const [early] = await salesOf(payment.order_id);
    expect(early).toMatchObject({
      status: 'refunded',
      sale_amount: '47.00',
      commission_amount: '11.75',
      user_id: user.id,
      transaction_id: payment.transaction_id,
      confirmed_at: null,
    });
    expect(early.refunded_at).not.toBeNull();

    await expectOk(await deliver({ ...payment, amount: '49.00', amount_affiliate: '12.25' }));
    const [late] = await salesOf(payment.order_id);
    expect(late).toMatchObject({
      status: 'refunded',
      sale_amount: '49.00',
      commission_amount: '12.25',
      commission_percentage: '25.00',
      refunded_at: early.refunded_at,
    });
    expect(late.confirmed_at).not.toBeNull();
    expect(await salesOf(payment.order_id)).toHaveLength(1);
  });

  it('record a chargeback that arrives first in chargeback state', async () => {
    const payment = paymentFields();
    await expectOk(await deliver({ ...payment, event: 'on_chargeback' }));
    await expectOk(await deliver(payment));
    const [sale] = await salesOf(payment.order_id);
    expect(sale.status).toBe('chargeback');
    expect(sale.chargeback_at).not.toBeNull();
  });
});

describe('subscription notices', () => {
  it.each(['on_payment_missed', 'payment_denial', 'on_rebill_cancelled', 'on_rebill_resumed', 'last_paid_day'])(
    '%s is noted on the order item\'s sales without changing their state',
    async (event) => {
      const payment = paymentFields();
      await expectOk(await deliver(payment));
      await expectOk(await deliver({ ...payment, pay_sequence_no: '2' }));
      const notice = { ...payment, event, billing_status: 'paying', transaction_id: '', pay_sequence_no: '3' };
      await expectOk(await deliver(notice));
      await expectOk(await deliver(notice));
      const sales = await salesOf(payment.order_id);
      expect(sales).toHaveLength(2);
      for (const sale of sales) {
        expect(sale.status).toBe('confirmed');
        expect(sale.metadata.subscription).toEqual({ [event]: { billing_status: 'paying', pay_sequence_no: '3' } });
      }
      expect((await logsOf(payment.order_id)).every((log) => log.processed)).toBe(true);
    },
  );

  it('creates no sale for an order PAM has not seen paid', async () => {
    const notice = paymentFields({ event: 'on_rebill_cancelled' });
    await expectOk(await deliver(notice));
    expect(await salesOf(notice.order_id)).toEqual([]);
    expect((await logsOf(notice.order_id))[0]).toMatchObject({ processed: true, error_message: null });
  });
});

describe('events without an effect on sales', () => {
  it.each(['connection_test', 'on_affiliation', 'eticket', 'custom_form'])('%s is logged and acknowledged', async (event) => {
    const fields = paymentFields({ event });
    await expectOk(await deliver(fields));
    expect(await salesOf(fields.order_id)).toEqual([]);
    expect(await logsOf(fields.order_id)).toMatchObject([
      { event_type: event, signature_valid: true, processed: true, error_message: null },
    ]);
  });

  it('an unknown event is logged as not processed and still acknowledged', async () => {
    const fields = paymentFields({ event: 'on_something_new' });
    await expectOk(await deliver(fields));
    expect(await salesOf(fields.order_id)).toEqual([]);
    expect(await logsOf(fields.order_id)).toMatchObject([
      { event_type: 'on_something_new', signature_valid: true, processed: false, error_message: null },
    ]);
  });

  it('a form without an event is logged as (none) and acknowledged', async () => {
    const { event: _event, ...fields } = paymentFields();
    await expectOk(await deliver(fields));
    expect(await salesOf(fields.order_id)).toEqual([]);
    expect(await logsOf(fields.order_id)).toMatchObject([{ event_type: '(none)', processed: false }]);
  });
});

describe('the webhook log', () => {
  it('keeps the request without the signature and without the buyer in clear', async () => {
    const fields = paymentFields({ custom: 'm:00000000-0000-4000-8000-000000000000;t:spring' });
    await expectOk(await deliver(fields));
    const [log] = await logsOf(fields.order_id);
    expect(log).toMatchObject({ event_type: 'on_payment', product_id: '512345', signature_valid: true, processed: true });
    expect(log.request_data).toMatchObject({
      order_id: fields.order_id,
      amount: '47.00',
      amount_affiliate: '11.75',
      custom: fields.custom,
      buyer_email: `sha256:${sha256('kunde.mueller@example.de')}`,
      email: `sha256:${sha256('kunde.mueller@example.de')}`,
      buyer_first_name: '[redacted]',
      buyer_last_name: '[redacted]',
      buyer_address_street: '[redacted]',
      buyer_address_city: '[redacted]',
      buyer_phone_no: '[redacted]',
      receipt_url: '[redacted]',
    });
    expect(Object.keys(log.request_data)).not.toContain('sha_sign');
  });

  it('never holds a signature, an email address or a buyer name, whatever was delivered', async () => {
    const { rows } = await api.database.owner.query<{ text: string }>(
      'select request_data::text as text from public.digistore24_webhook_logs',
    );
    expect(rows.length).toBeGreaterThan(20);
    for (const { text } of rows) {
      expect(text).not.toMatch(/sha_sign|SHASIGN/i);
      expect(text).not.toMatch(/@|kunde|Jörg|Müller|Hauptstraße|SECRETKEY/i);
    }
  });
});
