import { z } from '@hono/zod-openapi';
import { type TestApi, testEnv } from '../../../test/support/app.ts';
import { bodyOf, describe, expect, withEnv } from '../../../test/support/fixtures.ts';
import { Product } from '../../shop/catalogue.ts';
import { attributedUserId } from '../../shop/checkout-link.ts';

const AFFILIATE = 'pam_affiliate';
const ProductPage = z.object({ data: z.array(Product), next_cursor: z.string().nullable() });

interface ProductFields {
  name: string;
  description?: string | null;
  category?: string;
  tags?: string[] | null;
  is_active?: boolean;
  is_featured?: boolean;
  digistore24_id?: string | null;
  price?: string;
  created_at?: string;
}

/** Products come from the Digistore24 sync or the admin routes; here they are arranged directly. */
async function addProduct(api: TestApi, fields: ProductFields): Promise<string> {
  const { rows } = await api.database.owner.query<{ id: string }>(
    `insert into public.shop_products
       (name, description, category, tags, is_active, is_featured, digistore24_id, price, commission_percentage, metadata, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, 50, '{"sync": "internal"}', coalesce($9::timestamptz, now())) returning id`,
    [
      fields.name,
      fields.description ?? null,
      fields.category ?? 'gear',
      fields.tags ?? null,
      fields.is_active ?? true,
      fields.is_featured ?? false,
      fields.digistore24_id === undefined ? null : fields.digistore24_id,
      fields.price ?? '19.99',
      fields.created_at ?? null,
    ],
  );
  return rows[0].id;
}

/** One catalogue for the whole file, in a server that has PAM's affiliate id configured. */
const test = withEnv({ ...testEnv, DIGISTORE24_AFFILIATE_ID: AFFILIATE }).extend<{ catalogue: Record<'panel' | 'guide' | 'kettle' | 'withdrawn', string> }>({
    catalogue: [
      async ({ api }, use) =>
        use({
          panel: await addProduct(api, {
            name: 'Folding solar panel 200W',
            description: 'Solar power for campers: charges a leisure battery in a day.',
            category: 'power',
            tags: ['solar', 'off-grid'],
            is_featured: true,
            digistore24_id: '424242',
          }),
          guide: await addProduct(api, {
            name: 'Van life guide',
            description: 'An e-book about living on the road, with a chapter on solar setups.',
            category: 'books',
            digistore24_id: '515151',
          }),
          kettle: await addProduct(api, { name: 'Camping kettle', description: null, category: 'kitchen', tags: ['stove', 'coffee'] }),
          withdrawn: await addProduct(api, {
            name: 'Old solar charger',
            description: 'Solar solar solar: would top every search if it were listed.',
            category: 'power',
            is_active: false,
            is_featured: true,
            digistore24_id: '999',
          }),
        }),
      { scope: 'file' },
    ],
  });

const idsOf = (page: { data: { id: string }[] }) => page.data.map((product) => product.id);

async function list(api: TestApi, query = '', token?: string) {
  return bodyOf(await api.request(`/api/v1/products${query ? `?${query}` : ''}`, { token }), ProductPage, 200);
}

describe('the public catalogue', () => {
  test('lists active products to anyone, newest first, without a token and without internal columns', async ({ api, catalogue }) => {
    const response = await api.request('/api/v1/products');
    const raw = (await response.clone().json()) as { data: Record<string, unknown>[] };
    const page = await bodyOf(response, ProductPage, 200);
    expect(idsOf(page)).toEqual([catalogue.kettle, catalogue.guide, catalogue.panel]);
    expect(page.data[2]).toMatchObject({
      name: 'Folding solar panel 200W',
      price: '19.99',
      currency: 'USD',
      category: 'power',
      tags: ['solar', 'off-grid'],
      is_featured: true,
      digistore24_id: '424242',
      checkout_url: null,
    });
    for (const internal of ['commission_percentage', 'metadata', 'auto_approve', 'is_active', 'last_synced_at']) {
      expect(raw.data[2]).not.toHaveProperty(internal);
    }
  });

  test('never shows a withdrawn product, not even to an administrator', async ({ api, catalogue, alice, admin }) => {
    for (const token of [undefined, alice.token, admin.token]) {
      const everything = JSON.stringify(await list(api, 'limit=100', token));
      expect(everything).not.toContain(catalogue.withdrawn);
      expect(JSON.stringify(await list(api, 'q=solar', token))).not.toContain(catalogue.withdrawn);
      expect(JSON.stringify(await list(api, 'featured=true', token))).not.toContain(catalogue.withdrawn);
      const single = await api.request(`/api/v1/products/${catalogue.withdrawn}`, { token });
      expect(single.status).toBe(404);
    }
  });

  test('filters by category and featured', async ({ api, catalogue }) => {
    expect(idsOf(await list(api, 'category=power'))).toEqual([catalogue.panel]);
    expect(idsOf(await list(api, 'category=Power'))).toEqual([]);
    expect(idsOf(await list(api, 'featured=true'))).toEqual([catalogue.panel]);
    expect(idsOf(await list(api, 'featured=false'))).toEqual([catalogue.kettle, catalogue.guide]);
    expect(idsOf(await list(api, 'featured=false&category=books'))).toEqual([catalogue.guide]);
  });

  test('pages through the catalogue', async ({ api, catalogue }) => {
    const first = await list(api, 'limit=2');
    expect(first.data).toHaveLength(2);
    const second = await list(api, `limit=2&cursor=${first.next_cursor}`);
    expect(second.next_cursor).toBeNull();
    expect([...idsOf(first), ...idsOf(second)]).toEqual([catalogue.kettle, catalogue.guide, catalogue.panel]);
  });

  test('returns one active product to anyone', async ({ api, catalogue }) => {
    const product = await bodyOf(await api.request(`/api/v1/products/${catalogue.guide}`), Product, 200);
    expect(product).toMatchObject({ id: catalogue.guide, name: 'Van life guide', checkout_url: null });
  });

  test('answers HEAD like GET, without a token: the status and headers, no body', async ({ api, catalogue }) => {
    for (const path of ['/api/v1/products', '/api/v1/products?category=power', `/api/v1/products/${catalogue.panel}`]) {
      const head = await api.request(path, { method: 'HEAD' });
      expect(head.status, path).toBe(200);
      expect(head.headers.get('content-type'), path).toMatch(/^application\/json/);
      expect(await head.text(), path).toBe('');
    }
    // A withdrawn product is as absent for HEAD as for GET.
    expect((await api.request(`/api/v1/products/${catalogue.withdrawn}`, { method: 'HEAD' })).status).toBe(404);
  });
});

describe('text search', () => {
  test('searches name, description and tags with English stemming', async ({ api, catalogue }) => {
    expect(idsOf(await list(api, 'q=kettle'))).toEqual([catalogue.kettle]);
    expect(idsOf(await list(api, 'q=coffee'))).toEqual([catalogue.kettle]);
    expect(idsOf(await list(api, 'q=leisure batteries'))).toEqual([catalogue.panel]);
    expect(idsOf(await list(api, 'q=camper'))).toEqual([catalogue.panel]);
    expect(idsOf(await list(api, 'q=off-grid'))).toEqual([catalogue.panel]);
  });

  test('finds a product by what it says after an administrator changes it, and no longer by what it said', async ({ api, admin }) => {
    const created = await api.request('/api/v1/admin/products', {
      method: 'POST',
      token: admin.token,
      json: { name: 'Folding grinder', description: 'Grinds beans by hand', price: '24.00', category: 'kitchen' },
    });
    expect(created.status).toBe(201);
    const { id } = await created.json();
    expect(idsOf(await list(api, 'q=grinder'))).toEqual([id]);
    const changed = await api.request(`/api/v1/admin/products/${id}`, {
      method: 'PATCH',
      token: admin.token,
      json: { name: 'Folding spice mill', description: 'Crushes pepper and cumin', tags: ['spices'] },
    });
    expect(changed.status).toBe(200);
    expect(idsOf(await list(api, 'q=mill'))).toEqual([id]);
    expect(idsOf(await list(api, 'q=grinder'))).toEqual([]);
    expect(idsOf(await list(api, 'q=beans'))).toEqual([]);
    // The catalogue the other searches here expect, as it was.
    expect((await api.request(`/api/v1/admin/products/${id}`, { method: 'DELETE', token: admin.token })).status).toBeLessThan(300);
  });

  test('ranks by relevance, and understands quoted phrases, or and exclusions', async ({ api, catalogue }) => {
    // The panel names solar, describes it and tags it; the guide mentions it once.
    expect(idsOf(await list(api, 'q=solar'))).toEqual([catalogue.panel, catalogue.guide]);
    expect(idsOf(await list(api, `q=${encodeURIComponent('solar -campers')}`))).toEqual([catalogue.guide]);
    expect(idsOf(await list(api, `q=${encodeURIComponent('"on the road"')}`))).toEqual([catalogue.guide]);
    expect(idsOf(await list(api, `q=${encodeURIComponent('kettle or e-book')}`)).sort()).toEqual(
      [catalogue.kettle, catalogue.guide].sort(),
    );
  });

  test('combines search with the filters and pages through ranked results', async ({ api, catalogue }) => {
    expect(idsOf(await list(api, 'q=solar&category=books'))).toEqual([catalogue.guide]);
    expect(idsOf(await list(api, 'q=solar&featured=true'))).toEqual([catalogue.panel]);
    const first = await list(api, 'q=solar&limit=1');
    const second = await list(api, `q=solar&limit=1&cursor=${first.next_cursor}`);
    expect([...idsOf(first), ...idsOf(second)]).toEqual([catalogue.panel, catalogue.guide]);
    expect(second.next_cursor).toBeNull();
  });

  test('orders equally relevant matches newest first, to the microsecond, then by id, and pages through them', async ({ api }) => {
    // The same words make the same rank; two share a creation time and a third is one
    // microsecond older, so only the exact timestamp and the id can order them.
    const twin = { name: 'Anchor windlass spare', category: 'deck' };
    const ids = {
      best: await addProduct(api, {
        name: 'Windlass winch',
        description: 'A windlass for heavy anchors',
        tags: ['windlass'],
        created_at: '2024-01-01T00:00:00Z',
      }),
      twinA: await addProduct(api, { ...twin, created_at: '2025-06-01T12:00:00.123456Z' }),
      twinB: await addProduct(api, { ...twin, created_at: '2025-06-01T12:00:00.123456Z' }),
      older: await addProduct(api, { ...twin, created_at: '2025-06-01T12:00:00.123455Z' }),
      withdrawn: await addProduct(api, { name: 'Windlass windlass windlass', is_active: false, created_at: '2026-01-01T00:00:00Z' }),
    };
    try {
      const [higherId, lowerId] = [ids.twinA, ids.twinB].sort().reverse();
      const expected = [ids.best, higherId, lowerId, ids.older];
      expect(idsOf(await list(api, 'q=windlass'))).toEqual(expected);
      for (const limit of [1, 2, 3]) {
        const seen: string[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const page: z.infer<typeof ProductPage> = await list(api, `q=windlass&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
          seen.push(...idsOf(page));
          cursor = page.next_cursor;
          pages += 1;
        } while (cursor && pages < 10);
        expect(seen, `pages of ${limit}`).toEqual(expected);
        expect(pages, `pages of ${limit}`).toBe(Math.ceil(expected.length / limit));
      }
      // The filters hold on every page, not only the first.
      const first = await list(api, 'q=windlass&category=deck&limit=2');
      const second = await list(api, `q=windlass&category=deck&limit=2&cursor=${first.next_cursor}`);
      expect([...idsOf(first), ...idsOf(second)]).toEqual([higherId, lowerId, ids.older]);
      expect(second.next_cursor).toBeNull();
    } finally {
      // The catalogue the other tests here expect, as it was.
      await api.database.owner.query('delete from public.shop_products where id = any($1::uuid[])', [Object.values(ids)]);
    }
  });

  test('treats a blank search as none and a search of stop words as matching nothing', async ({ api, catalogue }) => {
    expect(idsOf(await list(api, 'q=%20%20'))).toEqual([catalogue.kettle, catalogue.guide, catalogue.panel]);
    expect(idsOf(await list(api, 'q=the'))).toEqual([]);
  });

  test('runs on the GIN index for the roles the API uses', async ({ api, catalogue }) => {
    // A catalogue large enough for the planner to prefer the index; rolled back afterwards.
    // The new entries are merged into the index as autovacuum would have done by then: a
    // planner that knows the search text otherwise rightly reads the table rather than an
    // index whose unmerged entries it would have to read all of anyway.
    const db = api.database.owner;
    await db.exec('begin');
    try {
      await db.exec(`insert into public.shop_products (name, description, price, category)
                     select 'Accessory ' || n, 'Spare part number ' || n, 1, 'parts' from generate_series(1, 3000) n;
                     select gin_clean_pending_list('private.idx_product_search_documents');
                     analyze public.shop_products; analyze private.product_search_documents`);
      await db.query(`select set_config('request.jwt.claims', '', true), set_config('role', 'anon', true)`);
      const { rows: found } = await db.query<{ product_id: string }>(`select product_id from private.search_active_products('kettle')`);
      expect(found.map((row) => row.product_id)).toEqual([catalogue.kettle]);
      const { rows } = await db.query<{ scans: number }>(
        `select pg_stat_get_xact_numscans('private.idx_product_search_documents'::regclass)::int as scans`,
      );
      expect(rows[0].scans).toBeGreaterThan(0);
    } finally {
      await db.exec('rollback');
    }
  });
});

describe('checkout links', () => {
  test('gives a signed-in caller a Digistore24 link carrying their user id', async ({ api, catalogue, alice, admin }) => {
    const page = await list(api, '', alice.token);
    const byId = new Map(page.data.map((product) => [product.id, product.checkout_url]));
    expect(byId.get(catalogue.panel)).toBe(`https://www.digistore24.com/redir/424242/${AFFILIATE}/?custom=m%3A${alice.id}`);
    expect(byId.get(catalogue.guide)).toBe(`https://www.digistore24.com/redir/515151/${AFFILIATE}/?custom=m%3A${alice.id}`);
    // Not sold through Digistore24: nothing to check out there.
    expect(byId.get(catalogue.kettle)).toBeNull();

    const single = await bodyOf(await api.request(`/api/v1/products/${catalogue.panel}`, { token: admin.token }), Product, 200);
    expect(single.checkout_url).toBe(`https://www.digistore24.com/redir/424242/${AFFILIATE}/?custom=m%3A${admin.id}`);
  });

  test('carries a custom value the webhook attributes back to the caller', async ({ api, catalogue, alice }) => {
    const { checkout_url } = await bodyOf(await api.request(`/api/v1/products/${catalogue.panel}`, { token: alice.token }), Product, 200);
    expect(attributedUserId(new URL(checkout_url!).searchParams.get('custom')!)).toBe(alice.id);
  });
});
