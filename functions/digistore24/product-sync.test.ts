import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connectorFor } from '../../test/support/app.ts';
import { createTestDatabase, createUser, type TestDatabase } from '../../test/support/database.ts';
import {
  errorEnvelope,
  FAKE_API_KEY,
  type FakeDigistore24,
  marketplaceEntry,
  startFakeDigistore24,
} from '../../test/support/fake-digistore24.ts';
import type { ConnectDatabase } from '../database/connect.ts';
import type { Env } from '../env.ts';
import { categorySlug, decimalString, plainText, type ProductSyncOptions, syncProducts } from './product-sync.ts';

let database: TestDatabase;
let connect: ConnectDatabase;
let fake: FakeDigistore24;
let env: Env;

beforeAll(async () => {
  database = await createTestDatabase();
  connect = connectorFor(database);
  fake = await startFakeDigistore24();
  env = { DIGISTORE24_API_KEY: FAKE_API_KEY, DIGISTORE24_API_URL: fake.url };
});
afterAll(async () => {
  await fake?.close();
  await database?.close();
});
beforeEach(async () => {
  fake.reset();
  await database.owner.exec('truncate public.shop_products, public.digistore24_sync_logs cascade');
});

const entries = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => marketplaceEntry(from + i));

const sync = (options: Partial<ProductSyncOptions> = {}) => syncProducts({ connect, env, pageSize: 100, ...options });

interface StoredProduct {
  id: string;
  digistore24_id: string;
  name: string;
  description: string | null;
  price: string;
  currency: string;
  category: string;
  marketplace_category: string | null;
  image_url: string | null;
  thumbnail_url: string | null;
  vendor_name: string | null;
  commission_percentage: string | null;
  product_url: string | null;
  is_active: boolean;
  metadata: Record<string, unknown>;
  last_synced_at: string | null;
  updated_at: string;
}

async function stored(): Promise<Map<string, StoredProduct>> {
  const { rows } = await database.owner.query<StoredProduct>(
    `select id, digistore24_id, name, description, price::text as price, currency, category, marketplace_category,
            image_url, thumbnail_url, vendor_name, commission_percentage::text as commission_percentage,
            product_url, is_active, metadata, last_synced_at::text as last_synced_at, updated_at::text as updated_at
       from public.shop_products`,
  );
  return new Map(rows.map((row) => [row.digistore24_id, row]));
}

const productId = (n: number) => String(400_000 + n);

async function activeIds(): Promise<string[]> {
  return [...(await stored()).values()].filter((p) => p.is_active).map((p) => p.digistore24_id).sort();
}

describe('the product sync', () => {
  it('adds every product of a paged listing, read through the real wire format', async () => {
    fake.entries = entries(1, 250);
    const log = await sync();

    expect(log).toMatchObject({ products_added: 250, products_updated: 0, products_removed: 0, error_message: null });
    expect(log.categories_synced).toEqual(['business-investment', 'health-fitness', 'travel']);
    expect(log.sync_completed_at).not.toBeNull();
    expect(Number(log.sync_duration_seconds)).toBeGreaterThanOrEqual(0);
    const { rows: logs } = await database.owner.query<{ id: string; products_added: number }>(
      'select id, products_added from public.digistore24_sync_logs',
    );
    expect(logs).toEqual([{ id: log.id, products_added: 250 }]);

    expect(fake.requests.map((r) => [r.method, r.path, r.params.page_no, r.params.page_size])).toEqual([
      ['POST', '/api/call/listMarketplaceEntries/format/json', '1', '100'],
      ['POST', '/api/call/listMarketplaceEntries/format/json', '2', '100'],
      ['POST', '/api/call/listMarketplaceEntries/format/json', '3', '100'],
    ]);
    for (const request of fake.requests) {
      expect(request.apiKey).toBe(FAKE_API_KEY);
      expect(request.contentType).toMatch(/^application\/x-www-form-urlencoded/);
    }

    const products = await stored();
    expect(products.size).toBe(250);
    expect(products.get(productId(1))).toMatchObject({
      name: 'Road product 1',
      description: 'Useful on the road & at camp, number 1.',
      price: '20.99',
      currency: 'EUR',
      category: 'travel',
      marketplace_category: 'Travel',
      image_url: 'https://cdn.example.com/products/1.jpg',
      thumbnail_url: 'https://cdn.example.com/products/1.jpg',
      vendor_name: 'Vendor 1',
      commission_percentage: '50.00',
      product_url: 'https://vendor-1.example.com/offer-1',
      is_active: true,
      metadata: {
        digistore24: expect.objectContaining({ entry_id: '700001', all_product_ids: ['400001'], language: 'en' }),
      },
    });
    expect(products.get(productId(2))).toMatchObject({ price: '21.50', commission_percentage: '37.50', category: 'business-investment' });
    expect(products.get(productId(1))?.last_synced_at).not.toBeNull();
  });

  it('changes nothing when run again over the same listing', async () => {
    fake.entries = entries(1, 120);
    await sync();
    const before = await stored();
    const audit = await database.owner.query<{ n: number }>(
      `select count(*)::int as n from public.audit_logs where table_name = 'shop_products'`,
    );

    const again = await sync();

    expect(again).toMatchObject({ products_added: 0, products_updated: 0, products_removed: 0, error_message: null });
    expect(await stored()).toEqual(before);
    const auditAfter = await database.owner.query<{ n: number }>(
      `select count(*)::int as n from public.audit_logs where table_name = 'shop_products'`,
    );
    expect(auditAfter.rows[0].n).toBe(audit.rows[0].n);
  });

  it('updates what changed, deactivates what left the listing without deleting it, and reactivates it on return', async () => {
    fake.entries = entries(1, 30);
    await sync();
    const shopper = await createUser(database.owner);
    const leaving = (await stored()).get(productId(7))!;
    await database.owner.query('insert into public.user_wishlists (user_id, product_id) values ($1, $2)', [shopper.id, leaving.id]);

    fake.entries = entries(1, 30)
      .filter((e) => e.main_product_id !== productId(7))
      .map((e) => (e.main_product_id === productId(5) ? { ...e, price: '99.00', headline: 'Renamed 5' } : e));
    const changed = await sync();

    expect(changed).toMatchObject({ products_added: 0, products_updated: 1, products_removed: 1, error_message: null });
    const afterChange = await stored();
    expect(afterChange.get(productId(5))).toMatchObject({ price: '99.00', name: 'Renamed 5', is_active: true });
    expect(afterChange.get(productId(7))).toMatchObject({ id: leaving.id, is_active: false });
    const wishlist = await database.owner.query('select 1 from public.user_wishlists where product_id = $1', [leaving.id]);
    expect(wishlist.rows).toHaveLength(1);

    fake.entries = entries(1, 30);
    const returned = await sync();
    expect(returned).toMatchObject({ products_added: 0, products_updated: 2, products_removed: 0 });
    expect((await stored()).get(productId(7))).toMatchObject({ id: leaving.id, is_active: true });
  });

  it('never overwrites the columns an administrator set by hand, and updates the rest', async () => {
    fake.entries = entries(1, 10);
    await sync();
    await database.owner.query(
      `update public.shop_products
          set name = 'Curated name', price = 5, is_active = false,
              metadata = metadata || '{"manual_fields": ["is_active", "name", "price"], "note": "kept"}'
        where digistore24_id = $1`,
      [productId(3)],
    );
    await database.owner.query(
      `update public.shop_products set metadata = metadata || '{"manual_fields": ["is_active"]}' where digistore24_id = $1`,
      [productId(4)],
    );

    fake.entries = entries(1, 10)
      .filter((e) => e.main_product_id !== productId(4))
      .map((e) =>
        e.main_product_id === productId(3)
          ? { ...e, headline: 'Upstream name', price: '77.00', description: 'Upstream description', language: 'de' }
          : e,
      );
    const log = await sync();

    expect(log).toMatchObject({ products_updated: 1, products_removed: 0, error_message: null });
    const products = await stored();
    expect(products.get(productId(3))).toMatchObject({
      name: 'Curated name',
      price: '5.00',
      is_active: false,
      description: 'Upstream description',
      metadata: {
        manual_fields: ['is_active', 'name', 'price'],
        note: 'kept',
        digistore24: expect.objectContaining({ language: 'de' }),
      },
    });
    expect(products.get(productId(4))?.is_active).toBe(true);
  });

  it('adds each product once when two runs overlap (the schedule and an administrator)', async () => {
    fake.entries = entries(1, 230);
    const logs = await Promise.all([sync(), sync()]);
    expect(logs.map((log) => log.error_message)).toEqual([null, null]);
    expect(logs[0].products_added + logs[1].products_added).toBe(230);
    expect(logs[0].products_updated + logs[1].products_updated).toBe(0);
    expect(await activeIds()).toHaveLength(230);
  });

  it('leaves products an administrator added by hand alone, even with a Digistore24 id', async () => {
    await database.owner.query(
      `insert into public.shop_products (name, price, category, digistore24_id) values ('Hand-picked', 12, 'gear', 'HAND-1')`,
    );
    fake.entries = entries(1, 5);
    const log = await sync();
    expect(log).toMatchObject({ products_added: 5, products_removed: 0 });
    expect((await stored()).get('HAND-1')?.is_active).toBe(true);
  });

  it('keeps pages 1 and 2 when page 3 answers an error envelope with HTTP 200, deactivates nothing, and says what failed', async () => {
    fake.entries = entries(1, 50);
    await sync();
    fake.entries = entries(101, 350);
    fake.script(
      { functionName: 'listMarketplaceEntries', pageNo: 3 },
      { status: 200, body: errorEnvelope('Internal problem while reading the marketplace', 17) },
    );

    const log = await sync();

    expect(log.products_added).toBe(200);
    expect(log.products_removed).toBe(0);
    expect(log.sync_completed_at).not.toBeNull();
    expect(log.error_message).toContain('listMarketplaceEntries page 3');
    expect(log.error_message).toContain('code 17');
    expect(log.error_message).toContain('Internal problem while reading the marketplace');
    const active = await activeIds();
    expect(active).toHaveLength(250);
    expect(active).toContain(productId(1));
    expect(active).toContain(productId(300));
    expect(active).not.toContain(productId(301));
  });

  it('waits out a 429 with Retry-After and carries on', async () => {
    fake.entries = entries(1, 150);
    fake.script(
      { functionName: 'listMarketplaceEntries', pageNo: 2 },
      { status: 429, headers: { 'retry-after': '1' }, body: 'Too Many Requests' },
    );
    const log = await sync();
    expect(log).toMatchObject({ products_added: 150, error_message: null });
    expect(fake.requests.map((r) => r.params.page_no)).toEqual(['1', '2', '2']);
  });

  it('records a timeout part-way and deactivates nothing', async () => {
    fake.entries = entries(1, 20);
    await sync();
    fake.entries = entries(21, 220);
    fake.script({ functionName: 'listMarketplaceEntries', pageNo: 2 }, { delayMs: 3_000, body: errorEnvelope('late') });

    const log = await sync({ timeoutMs: 300 });

    expect(log.error_message).toContain('listMarketplaceEntries page 2');
    expect(log.error_message).toContain('did not answer within 300 ms');
    expect(log).toMatchObject({ products_added: 100, products_removed: 0 });
    expect(await activeIds()).toHaveLength(120);
  });

  it('copes with an API that ignores page_no and page_size', async () => {
    fake.paging = 'ignored';
    fake.entries = entries(1, 250);
    const oneAnswer = await sync();
    expect(oneAnswer).toMatchObject({ products_added: 250, error_message: null });
    expect(fake.requests).toHaveLength(1);

    // Exactly one page's worth: only the repeated second answer shows paging is ignored.
    fake.reset();
    fake.paging = 'ignored';
    fake.listShape = 'array';
    fake.entries = entries(1, 100);
    const repeated = await sync();
    expect(repeated).toMatchObject({ products_added: 0, products_removed: 150, error_message: null });
    expect(fake.requests).toHaveLength(2);
    expect(await activeIds()).toHaveLength(100);
  });

  it('stops at the page limit without deactivating what it did not reach', async () => {
    fake.entries = entries(1, 250);
    await sync();
    fake.entries = entries(1, 250).reverse();
    fake.requests.length = 0;
    const log = await sync({ maxPages: 2 });
    expect(log.error_message).toContain('stopped after 2 pages of 100');
    expect(log.products_removed).toBe(0);
    expect(fake.requests).toHaveLength(2);
    expect(await activeIds()).toHaveLength(250);
  });

  it('stops when the request budget is spent', async () => {
    fake.entries = entries(1, 250);
    const log = await sync({ maxApiRequests: 2 });
    expect(log.error_message).toContain('listMarketplaceEntries page 3');
    expect(log.error_message).toContain('budget of 2 requests');
    expect(log.products_added).toBe(200);
    expect(fake.requests).toHaveLength(2);
  });

  it('skips unreadable entries, says so, and does not deactivate their products', async () => {
    fake.entries = entries(1, 5);
    await sync();
    fake.entries = [
      ...entries(1, 4),
      marketplaceEntry(5, { price: 'on request' }),
      marketplaceEntry(6, { main_product_id: undefined, product_id: undefined }),
    ];
    const log = await sync();
    expect(log.products_removed).toBe(0);
    expect(log.error_message).toBe('2 entries skipped (entry 700005 has no usable price, entry 700006 has no product id)');
    expect(await activeIds()).toHaveLength(5);
  });

  it('logs a missing API key or a refused one, and changes no product', async () => {
    fake.entries = entries(1, 5);
    const unconfigured = await syncProducts({ connect, env: { DIGISTORE24_API_URL: fake.url } });
    expect(unconfigured.error_message).toBe('configuration: DIGISTORE24_API_KEY is not set; nothing was synced');
    expect(fake.requests).toHaveLength(0);

    const refused = await syncProducts({ connect, env: { ...env, DIGISTORE24_API_KEY: 'wrong-key' } });
    expect(refused.error_message).toContain('Invalid API key');
    expect(refused.products_added).toBe(0);
    expect((await stored()).size).toBe(0);
  });

  it('refuses to read an empty listing as "everything left"', async () => {
    fake.entries = entries(1, 5);
    await sync();
    fake.entries = [];
    const log = await sync();
    expect(log.products_removed).toBe(0);
    expect(log.error_message).toContain('no readable entry');
    expect(await activeIds()).toHaveLength(5);
  });
});

describe('reading marketplace entries', () => {
  it('turns prices into two-place decimal strings without floats', () => {
    expect(decimalString('19.99', 8)).toBe('19.99');
    expect(decimalString('19,5', 8)).toBe('19.50');
    expect(decimalString(0.1 + 0.2, 8)).toBe('0.30');
    expect(decimalString('2.005', 8)).toBe('2.01');
    expect(decimalString(7, 8)).toBe('7.00');
    expect(decimalString('123456789.00', 8)).toBeNull();
    expect(decimalString('-1', 8)).toBeNull();
    expect(decimalString('on request', 8)).toBeNull();
    expect(decimalString(Number.NaN, 8)).toBeNull();
  });

  it('keeps the text of vendor HTML and none of its markup', () => {
    expect(plainText('<p>Fast&nbsp;&amp; light</p><script>alert(1)</script><p>Second &#8364; &lt;b&gt;</p>')).toBe(
      'Fast & light\nSecond € <b>',
    );
  });

  it('makes a category slug', () => {
    expect(categorySlug('Health & Fitness')).toBe('health-fitness');
    expect(categorySlug('Ernährung')).toBe('ernahrung');
    expect(categorySlug(null)).toBe('uncategorized');
  });
});
