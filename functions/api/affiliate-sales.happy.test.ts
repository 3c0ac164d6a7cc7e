import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiUser, createTestApi, type TestApi } from '../../test/support/app.ts';

let api: TestApi;
let alice: ApiUser;
let bob: ApiUser;

interface SaleFields {
  order_id: string;
  sale_amount: string;
  commission_amount: string;
  status?: string;
  currency?: string;
  is_test?: boolean;
}

/** Sales are written by the Digistore24 webhook; here they are arranged directly. */
async function recordSale(owner: ApiUser, fields: SaleFields): Promise<string> {
  const { rows } = await api.database.owner.query<{ id: string }>(
    `insert into public.affiliate_sales
       (user_id, order_id, sale_amount, commission_amount, status, currency, is_test, customer_email, metadata, tracking_id)
     values ($1, $2, $3, $4, $5, $6, $7, repeat('a', 64), '{"ipn": "raw"}', 'trk') returning id`,
    [owner.id, fields.order_id, fields.sale_amount, fields.commission_amount, fields.status ?? 'confirmed', fields.currency ?? 'USD', fields.is_test ?? false],
  );
  return rows[0].id;
}

const sales: Record<string, string> = {};

beforeAll(async () => {
  api = await createTestApi();
  alice = await api.signIn();
  bob = await api.signIn();
  sales.confirmed = await recordSale(alice, { order_id: 'A1', sale_amount: '100.00', commission_amount: '30.00' });
  sales.paid = await recordSale(alice, { order_id: 'A2', sale_amount: '50.50', commission_amount: '15.15', status: 'paid' });
  sales.refunded = await recordSale(alice, { order_id: 'A3', sale_amount: '80.00', commission_amount: '24.00', status: 'refunded' });
  sales.euro = await recordSale(alice, { order_id: 'A4', sale_amount: '20.00', commission_amount: '5.00', status: 'pending', currency: 'EUR' });
  sales.test = await recordSale(alice, { order_id: 'A5', sale_amount: '999.00', commission_amount: '99.00', is_test: true });
  sales.bobs = await recordSale(bob, { order_id: 'B1', sale_amount: '70.00', commission_amount: '21.00' });
});
afterAll(() => api.close());

const listFor = async (user: ApiUser, query = '') => {
  const response = await api.request(`/api/v1/affiliate-sales${query ? `?${query}` : ''}`, { token: user.token });
  expect(response.status).toBe(200);
  return response.json();
};

describe('affiliate sales', () => {
  it("lists the caller's own sales, newest first, without the webhook's internals", async () => {
    const page = await listFor(alice);
    expect(page.data.map((sale: { id: string }) => sale.id)).toEqual([
      sales.test,
      sales.euro,
      sales.refunded,
      sales.paid,
      sales.confirmed,
    ]);
    expect(page.data[3]).toMatchObject({
      order_id: 'A2',
      sale_amount: '50.50',
      commission_amount: '15.15',
      status: 'paid',
      currency: 'USD',
      platform: 'digistore24',
      is_test: false,
    });
    for (const internal of ['customer_email', 'metadata', 'tracking_id', 'referrer_url', 'vendor_id', 'user_id']) {
      expect(page.data[3]).not.toHaveProperty(internal);
    }
  });

  it('totals standing commissions per currency over all sales, leaving out reversed and test sales', async () => {
    const page = await listFor(alice, 'limit=1');
    expect(page.data).toHaveLength(1);
    expect(page.totals).toEqual([
      { currency: 'EUR', sale_count: 1, sale_amount: '20.00', commission_amount: '5.00', commission_paid: '0.00' },
      { currency: 'USD', sale_count: 2, sale_amount: '150.50', commission_amount: '45.15', commission_paid: '15.15' },
    ]);
  });

  it('filters by status and pages', async () => {
    const refunded = await listFor(alice, 'status=refunded');
    expect(refunded.data.map((sale: { id: string }) => sale.id)).toEqual([sales.refunded]);
    const first = await listFor(alice, 'limit=3');
    const second = await listFor(alice, `limit=3&cursor=${first.next_cursor}`);
    expect([...first.data, ...second.data]).toHaveLength(5);
    expect(second.next_cursor).toBeNull();
  });

  it('shows an administrator only their own sales here, and a newcomer none', async () => {
    const admin = await api.signIn({ admin: true });
    expect(await listFor(admin, 'limit=100')).toEqual({ data: [], next_cursor: null, totals: [] });
    const bobs = await listFor(bob);
    expect(bobs.data.map((sale: { id: string }) => sale.id)).toEqual([sales.bobs]);
  });
});
