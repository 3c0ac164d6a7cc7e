import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiUser, createTestApi, type TestApi, testEnv } from '../../test/support/app.ts';
import { attributedUserId } from '../shop/checkout-link.ts';

const AFFILIATE = 'pam_affiliate';

let api: TestApi;
let alice: ApiUser;
let admin: ApiUser;

interface ProductFields {
  name: string;
  description?: string | null;
  category?: string;
  tags?: string[] | null;
  is_active?: boolean;
  is_featured?: boolean;
  digistore24_id?: string | null;
  price?: string;
}

/** Products come from the Digistore24 sync or the admin routes; here they are arranged directly. */
async function addProduct(fields: ProductFields): Promise<string> {
  const { rows } = await api.database.owner.query<{ id: string }>(
    `insert into public.shop_products
       (name, description, category, tags, is_active, is_featured, digistore24_id, price, commission_percentage, metadata)
     values ($1, $2, $3, $4, $5, $6, $7, $8, 50, '{"sync": "internal"}') returning id`,
    [
      fields.name,
      fields.description ?? null,
      fields.category ?? 'gear',
      fields.tags ?? null,
      fields.is_active ?? true,
      fields.is_featured ?? false,
      fields.digistore24_id === undefined ? null : fields.digistore24_id,
      fields.price ?? '19.99',
    ],
  );
  return rows[0].id;
}

const catalogue: Record<string, string> = {};

beforeAll(async () => {
  api = await createTestApi({ ...testEnv, DIGISTORE24_AFFILIATE_ID: AFFILIATE });
  alice = await api.signIn();
  admin = await api.signIn({ admin: true });
  catalogue.panel = await addProduct({
    name: 'Folding solar panel 200W',
    description: 'Solar power for campers: charges a leisure battery in a day.',
    category: 'power',
    tags: ['solar', 'off-grid'],
    is_featured: true,
    digistore24_id: '424242',
  });
  catalogue.guide = await addProduct({
    name: 'Van life guide',
    description: 'An e-book about living on the road, with a chapter on solar setups.',
    category: 'books',
    digistore24_id: '515151',
  });
  catalogue.kettle = await addProduct({ name: 'Camping kettle', description: null, category: 'kitchen', tags: ['stove', 'coffee'] });
  catalogue.withdrawn = await addProduct({
    name: 'Old solar charger',
    description: 'Solar solar solar: would top every search if it were listed.',
    category: 'power',
    is_active: false,
    is_featured: true,
    digistore24_id: '999',
  });
});
afterAll(() => api.close());

const idsOf = (page: { data: { id: string }[] }) => page.data.map((product) => product.id);
const list = async (query = '', token?: string) => {
  const response = await api.request(`/api/v1/products${query ? `?${query}` : ''}`, { token });
  expect(response.status).toBe(200);
  return response.json();
};

describe('the public catalogue', () => {
  it('lists active products to anyone, newest first, without a token and without internal columns', async () => {
    const page = await list();
    expect(idsOf(page)).toEqual([catalogue.kettle, catalogue.guide, catalogue.panel]);
    const panel = page.data[2];
    expect(panel).toMatchObject({
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
      expect(panel).not.toHaveProperty(internal);
    }
  });

  it('never shows a withdrawn product, not even to an administrator', async () => {
    for (const token of [undefined, alice.token, admin.token]) {
      const everything = JSON.stringify(await list('limit=100', token));
      expect(everything).not.toContain(catalogue.withdrawn);
      expect(JSON.stringify(await list('q=solar', token))).not.toContain(catalogue.withdrawn);
      expect(JSON.stringify(await list('featured=true', token))).not.toContain(catalogue.withdrawn);
      const single = await api.request(`/api/v1/products/${catalogue.withdrawn}`, { token });
      expect(single.status).toBe(404);
    }
  });

  it('filters by category and featured', async () => {
    expect(idsOf(await list('category=power'))).toEqual([catalogue.panel]);
    expect(idsOf(await list('category=Power'))).toEqual([]);
    expect(idsOf(await list('featured=true'))).toEqual([catalogue.panel]);
    expect(idsOf(await list('featured=false'))).toEqual([catalogue.kettle, catalogue.guide]);
    expect(idsOf(await list('featured=false&category=books'))).toEqual([catalogue.guide]);
  });

  it('pages through the catalogue', async () => {
    const first = await list('limit=2');
    expect(first.data).toHaveLength(2);
    const second = await list(`limit=2&cursor=${first.next_cursor}`);
    expect(second.next_cursor).toBeNull();
    expect([...idsOf(first), ...idsOf(second)]).toEqual([catalogue.kettle, catalogue.guide, catalogue.panel]);
  });

  it('returns one active product to anyone', async () => {
    const response = await api.request(`/api/v1/products/${catalogue.guide}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: catalogue.guide, name: 'Van life guide', checkout_url: null });
  });
});

describe('text search', () => {
  it('searches name, description and tags with English stemming', async () => {
    expect(idsOf(await list('q=kettle'))).toEqual([catalogue.kettle]);
    expect(idsOf(await list('q=coffee'))).toEqual([catalogue.kettle]);
    expect(idsOf(await list('q=leisure batteries'))).toEqual([catalogue.panel]);
    expect(idsOf(await list('q=camper'))).toEqual([catalogue.panel]);
    expect(idsOf(await list('q=off-grid'))).toEqual([catalogue.panel]);
  });

  it('ranks by relevance, and understands quoted phrases, or and exclusions', async () => {
    // The panel names solar, describes it and tags it; the guide mentions it once.
    expect(idsOf(await list('q=solar'))).toEqual([catalogue.panel, catalogue.guide]);
    expect(idsOf(await list(`q=${encodeURIComponent('solar -campers')}`))).toEqual([catalogue.guide]);
    expect(idsOf(await list(`q=${encodeURIComponent('"on the road"')}`))).toEqual([catalogue.guide]);
    expect(idsOf(await list(`q=${encodeURIComponent('kettle or e-book')}`)).sort()).toEqual([catalogue.kettle, catalogue.guide].sort());
  });

  it('combines search with the filters and pages through ranked results', async () => {
    expect(idsOf(await list('q=solar&category=books'))).toEqual([catalogue.guide]);
    expect(idsOf(await list('q=solar&featured=true'))).toEqual([catalogue.panel]);
    const first = await list('q=solar&limit=1');
    const second = await list(`q=solar&limit=1&cursor=${first.next_cursor}`);
    expect([...idsOf(first), ...idsOf(second)]).toEqual([catalogue.panel, catalogue.guide]);
    expect(second.next_cursor).toBeNull();
  });

  it('treats a blank search as none and a search of stop words as matching nothing', async () => {
    expect(idsOf(await list('q=%20%20'))).toEqual(idsOf(await list()));
    expect(idsOf(await list('q=the'))).toEqual([]);
  });

  it('runs on the GIN index for the roles the API uses', async () => {
    // A catalogue large enough for the planner to prefer the index; rolled back afterwards.
    const db = api.database.owner;
    await db.exec('begin');
    try {
      await db.exec(`insert into public.shop_products (name, description, price, category)
                     select 'Accessory ' || n, 'Spare part number ' || n, 1, 'parts' from generate_series(1, 3000) n;
                     analyze public.shop_products`);
      await db.query(`select set_config('request.jwt.claims', '', true), set_config('role', 'anon', true)`);
      const { rows: found } = await db.query<{ product_id: string }>(`select product_id from private.search_active_products('kettle')`);
      expect(found.map((row) => row.product_id)).toEqual([catalogue.kettle]);
      const { rows } = await db.query<{ scans: number }>(
        `select pg_stat_get_xact_numscans('public.idx_shop_products_search'::regclass)::int as scans`,
      );
      expect(rows[0].scans).toBeGreaterThan(0);
    } finally {
      await db.exec('rollback');
    }
  });
});

describe('checkout links', () => {
  it('gives a signed-in caller a Digistore24 link carrying their user id', async () => {
    const page = await list('', alice.token);
    const byId = new Map(page.data.map((product: { id: string; checkout_url: string | null }) => [product.id, product.checkout_url]));
    expect(byId.get(catalogue.panel)).toBe(`https://www.digistore24.com/redir/424242/${AFFILIATE}/?custom=m%3A${alice.id}`);
    expect(byId.get(catalogue.guide)).toBe(`https://www.digistore24.com/redir/515151/${AFFILIATE}/?custom=m%3A${alice.id}`);
    // Not sold through Digistore24: nothing to check out there.
    expect(byId.get(catalogue.kettle)).toBeNull();

    const single = await (await api.request(`/api/v1/products/${catalogue.panel}`, { token: admin.token })).json();
    expect(single.checkout_url).toBe(`https://www.digistore24.com/redir/424242/${AFFILIATE}/?custom=m%3A${admin.id}`);
  });

  it('carries a custom value the webhook attributes back to the caller', async () => {
    const { checkout_url } = await (await api.request(`/api/v1/products/${catalogue.panel}`, { token: alice.token })).json();
    expect(attributedUserId(new URL(checkout_url).searchParams.get('custom')!)).toBe(alice.id);
  });
});
