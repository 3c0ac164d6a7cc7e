import type { ApiUser, TestApi } from '../../../test/support/app.ts';
import { bodyOf, describe, expect, test as routeTest } from '../../../test/support/fixtures.ts';
import { AffiliateSaleList } from '../../shop/affiliate-sales.ts';

interface SaleFields {
  order_id: string;
  sale_amount: string;
  commission_amount: string;
  status?: string;
  currency?: string;
  is_test?: boolean;
}

let recorded = 0;

/**
 * Sales are written by the Digistore24 webhook; here they are arranged directly, each a
 * second after the last: the embedded database's clock can give two quick inserts the
 * same created_at, and then "newest first" would fall back to the random ids.
 */
async function recordSale(api: TestApi, owner: ApiUser, fields: SaleFields): Promise<string> {
  recorded += 1;
  const { rows } = await api.database.owner.query<{ id: string }>(
    `insert into public.affiliate_sales
       (user_id, order_id, sale_amount, commission_amount, status, currency, is_test, customer_email, metadata, tracking_id, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, repeat('a', 64), '{"ipn": "raw"}', 'trk', now() + make_interval(secs => $8)) returning id`,
    [
      owner.id,
      `${fields.order_id}-${owner.id}`,
      fields.sale_amount,
      fields.commission_amount,
      fields.status ?? 'confirmed',
      fields.currency ?? 'USD',
      fields.is_test ?? false,
      recorded,
    ],
  );
  return rows[0].id;
}

/** Alice's five sales, oldest first as recorded, and one of Bob's. */
const test = routeTest.extend<{ sales: Record<'confirmed' | 'paid' | 'refunded' | 'euro' | 'test' | 'bobs', string> }>({
  sales: async ({ api, alice, bob }, use) =>
    use({
      confirmed: await recordSale(api, alice, { order_id: 'A1', sale_amount: '100.00', commission_amount: '30.00' }),
      paid: await recordSale(api, alice, { order_id: 'A2', sale_amount: '50.50', commission_amount: '15.15', status: 'paid' }),
      refunded: await recordSale(api, alice, { order_id: 'A3', sale_amount: '80.00', commission_amount: '24.00', status: 'refunded' }),
      euro: await recordSale(api, alice, {
        order_id: 'A4',
        sale_amount: '20.00',
        commission_amount: '5.00',
        status: 'pending',
        currency: 'EUR',
      }),
      test: await recordSale(api, alice, { order_id: 'A5', sale_amount: '999.00', commission_amount: '99.00', is_test: true }),
      bobs: await recordSale(api, bob, { order_id: 'B1', sale_amount: '70.00', commission_amount: '21.00' }),
    }),
});

async function listFor(api: TestApi, user: ApiUser, query = '') {
  const response = await api.request(`/api/v1/affiliate-sales${query ? `?${query}` : ''}`, { token: user.token });
  return bodyOf(response, AffiliateSaleList, 200);
}

const idsOf = (page: { data: { id: string }[] }) => page.data.map((sale) => sale.id);

describe('affiliate sales', () => {
  test("lists the caller's own sales, newest first, without the webhook's internals", async ({ api, alice, sales }) => {
    const raw = await (await api.request('/api/v1/affiliate-sales', { token: alice.token })).json();
    const page = await listFor(api, alice);
    expect(idsOf(page)).toEqual([sales.test, sales.euro, sales.refunded, sales.paid, sales.confirmed]);
    expect(page.data[3]).toMatchObject({
      order_id: `A2-${alice.id}`,
      sale_amount: '50.50',
      commission_amount: '15.15',
      status: 'paid',
      currency: 'USD',
      platform: 'digistore24',
      is_test: false,
    });
    for (const internal of ['customer_email', 'metadata', 'tracking_id', 'referrer_url', 'vendor_id', 'user_id']) {
      expect(raw.data[3]).not.toHaveProperty(internal);
    }
  });

  test('totals standing commissions per currency over all sales, leaving out reversed and test sales', async ({ api, alice, sales }) => {
    const page = await listFor(api, alice, 'limit=1');
    expect(idsOf(page)).toEqual([sales.test]);
    expect(page.totals).toEqual([
      { currency: 'EUR', sale_count: 1, sale_amount: '20.00', commission_amount: '5.00', commission_paid: '0.00' },
      { currency: 'USD', sale_count: 2, sale_amount: '150.50', commission_amount: '45.15', commission_paid: '15.15' },
    ]);
  });

  test('filters by status and pages', async ({ api, alice, sales }) => {
    expect(idsOf(await listFor(api, alice, 'status=refunded'))).toEqual([sales.refunded]);
    const first = await listFor(api, alice, 'limit=3');
    const second = await listFor(api, alice, `limit=3&cursor=${first.next_cursor}`);
    expect([...idsOf(first), ...idsOf(second)]).toEqual([sales.test, sales.euro, sales.refunded, sales.paid, sales.confirmed]);
    expect(second.next_cursor).toBeNull();
  });

  test('shows a newcomer none, and each user only their own', async ({ api, bob, sales }) => {
    const newcomer = await api.signIn();
    expect(await listFor(api, newcomer, 'limit=100')).toEqual({ data: [], next_cursor: null, totals: [] });
    const bobs = await listFor(api, bob);
    expect(idsOf(bobs)).toEqual([sales.bobs]);
    expect(bobs.totals).toEqual([
      { currency: 'USD', sale_count: 1, sale_amount: '70.00', commission_amount: '21.00', commission_paid: '0.00' },
    ]);
  });

  test('shows an administrator only their own sales here, totals included', async ({ api, admin, sales }) => {
    // Other people's sales are there: the admin policy would show them, but only inside the admin scope.
    const { rows } = await api.database.owner.query<{ n: number }>(
      'select count(*)::int as n from public.affiliate_sales where user_id <> $1',
      [admin.id],
    );
    expect(rows[0].n).toBeGreaterThanOrEqual(Object.keys(sales).length);
    const own = await recordSale(api, admin, { order_id: 'ADM1', sale_amount: '40.00', commission_amount: '12.00', status: 'paid' });
    const page = await listFor(api, admin, 'limit=100');
    expect(idsOf(page)).toEqual([own]);
    expect(page.totals).toEqual([
      { currency: 'USD', sale_count: 1, sale_amount: '40.00', commission_amount: '12.00', commission_paid: '12.00' },
    ]);
  });
});
