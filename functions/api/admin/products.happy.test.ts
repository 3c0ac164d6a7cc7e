import { z } from '@hono/zod-openapi';
import type { ApiUser, TestApi } from '../../../test/support/app.ts';
import { bodyOf, describe, expect, test } from '../../../test/support/fixtures.ts';
import { AdminProduct } from '../../shop/admin-products.ts';

const AdminProductPage = z.object({ data: z.array(AdminProduct), next_cursor: z.string().nullable() });

async function createProduct(api: TestApi, admin: ApiUser, body: Record<string, unknown>) {
  return bodyOf(await api.request('/api/v1/admin/products', { method: 'POST', token: admin.token, json: body }), AdminProduct, 201);
}

const patch = (api: TestApi, admin: ApiUser, id: string, json: unknown) =>
  api.request(`/api/v1/admin/products/${id}`, { method: 'PATCH', token: admin.token, json });

async function storedProduct(api: TestApi, id: string) {
  const { rows } = await api.database.owner.query<Record<string, unknown>>(
    'select name, price::text, is_active, metadata from public.shop_products where id = $1',
    [id],
  );
  return rows[0];
}

describe('managing the catalogue by hand', () => {
  test('creates a product with money as decimal strings and server-owned fields ignored', async ({ api, admin }) => {
    const response = await api.request('/api/v1/admin/products', {
      method: 'POST',
      token: admin.token,
      json: {
        name: 'Solar panel 200W',
        price: 249.9,
        category: 'solar',
        commission_percentage: '40',
        vendor_rating: 4.5,
        tags: ['off-grid'],
        product_url: 'https://example.com/solar',
        id: '00000000-0000-4000-8000-000000000000',
        last_synced_at: '2020-01-01T00:00:00Z',
        created_at: '2020-01-01T00:00:00Z',
      },
    });
    const product = await bodyOf(response, AdminProduct, 201);
    expect(response.headers.get('location')).toBe(`/api/v1/admin/products/${product.id}`);
    expect(product).toMatchObject({
      name: 'Solar panel 200W',
      price: '249.90',
      currency: 'USD',
      commission_percentage: '40.00',
      vendor_rating: '4.50',
      is_active: true,
      is_featured: false,
      digistore24_id: null,
      last_synced_at: null,
      metadata: {},
    });
    expect(product.id).not.toBe('00000000-0000-4000-8000-000000000000');
    expect(product.created_at.startsWith('2020')).toBe(false);

    const fetched = await api.request(`/api/v1/admin/products/${product.id}`, { token: admin.token });
    expect(await bodyOf(fetched, AdminProduct, 200)).toEqual(product);
  });

  test('lists inactive products too, and filters them', async ({ api, admin }) => {
    const hidden = await createProduct(api, admin, { name: 'Retired kettle', price: '19.99', category: 'kitchen', is_active: false });
    const shown = await createProduct(api, admin, { name: 'Camp kettle', price: '24.00', category: 'kitchen', is_featured: true });
    const ids = async (query: string) => {
      const page = await bodyOf(await api.request(`/api/v1/admin/products?${query}`, { token: admin.token }), AdminProductPage, 200);
      return page.data.map((p) => p.id);
    };
    expect(await ids('category=kitchen')).toEqual([shown.id, hidden.id]);
    expect(await ids('category=kitchen&is_active=false')).toEqual([hidden.id]);
    expect(await ids('category=kitchen&is_featured=true')).toEqual([shown.id]);
    expect(await ids('category=kitchen&limit=1')).toEqual([shown.id]);
    expect((await api.request(`/api/v1/admin/products/${hidden.id}`, { token: admin.token })).status).toBe(200);
  });

  test('changes a hand-made product without touching its metadata', async ({ api, admin }) => {
    const product = await createProduct(api, admin, { name: 'Water filter', price: 89, category: 'water', metadata: { supplier: 'local' } });
    const response = await patch(api, admin, product.id, { price: '79.50', name: 'Water filter Pro' });
    expect(await bodyOf(response, AdminProduct, 200)).toMatchObject({
      price: '79.50',
      name: 'Water filter Pro',
      metadata: { supplier: 'local' },
    });
    expect(await storedProduct(api, product.id)).toMatchObject({ price: '79.50', metadata: { supplier: 'local' } });
  });

  test('records the columns an administrator sets on a synced product in metadata.manual_fields, merged', async ({ api, admin }) => {
    const product = await createProduct(api, admin, {
      name: 'Synced lamp',
      price: 30,
      category: 'light',
      digistore24_id: 'DS-LAMP',
      metadata: { source: 'sync' },
    });
    expect(product.metadata).toEqual({ source: 'sync' });

    expect((await patch(api, admin, product.id, { price: 25, name: 'Lamp (hand-priced)' })).status).toBe(200);
    expect((await storedProduct(api, product.id)).metadata).toEqual({ source: 'sync', manual_fields: ['name', 'price'] });

    const again = await bodyOf(await patch(api, admin, product.id, { description: 'Warm light', price: 24 }), AdminProduct, 200);
    expect(again.metadata).toEqual({ source: 'sync', manual_fields: ['description', 'name', 'price'] });

    // Replacing metadata keeps the list unless the request sends its own.
    await patch(api, admin, product.id, { metadata: { source: 'hand', note: 'checked' } });
    expect((await storedProduct(api, product.id)).metadata).toEqual({
      source: 'hand',
      note: 'checked',
      manual_fields: ['description', 'name', 'price'],
    });

    const handedBack = await bodyOf(await patch(api, admin, product.id, { metadata: { source: 'sync', manual_fields: [] } }), AdminProduct, 200);
    expect(handedBack.metadata).toEqual({ source: 'sync', manual_fields: [] });
  });

  test('answers 200 with the product unchanged for an empty change', async ({ api, admin }) => {
    const product = await createProduct(api, admin, { name: 'Unchanged', price: 1, category: 'misc', digistore24_id: 'DS-SAME' });
    expect(await bodyOf(await patch(api, admin, product.id, {}), AdminProduct, 200)).toEqual(product);
  });
});

describe('deleting products', () => {
  async function wishlistedBy(api: TestApi, productId: string) {
    const user = await api.signIn();
    await api.database.owner.query('insert into public.user_wishlists (user_id, product_id) values ($1, $2)', [user.id, productId]);
    return user;
  }

  test('deletes a product nothing refers to: 204, gone', async ({ api, admin }) => {
    const product = await createProduct(api, admin, { name: 'Typo product', price: 1, category: 'misc' });
    const response = await api.request(`/api/v1/admin/products/${product.id}`, { method: 'DELETE', token: admin.token });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    expect(await storedProduct(api, product.id)).toBeUndefined();
    expect((await api.request(`/api/v1/admin/products/${product.id}`, { token: admin.token })).status).toBe(404);
  });

  test('deactivates instead of deleting a product with affiliate sales, keeping the sale linked', async ({ api, admin, alice }) => {
    const product = await createProduct(api, admin, { name: 'Sold tent', price: 300, category: 'camping' });
    await api.database.owner.query(
      `insert into public.affiliate_sales (user_id, product_id, order_id, sale_amount, commission_amount) values ($1, $2, 'ORD-T', 300, 90)`,
      [alice.id, product.id],
    );
    const response = await api.request(`/api/v1/admin/products/${product.id}`, { method: 'DELETE', token: admin.token });
    expect(await bodyOf(response, AdminProduct, 200)).toMatchObject({ id: product.id, is_active: false });
    expect(await storedProduct(api, product.id)).toMatchObject({ is_active: false });
    const { rows } = await api.database.owner.query('select product_id from public.affiliate_sales where order_id = $1', ['ORD-T']);
    expect(rows).toEqual([{ product_id: product.id }]);
  });

  test("deactivates instead of deleting a product on someone's wishlist, keeping the wishlist", async ({ api, admin }) => {
    const product = await createProduct(api, admin, { name: 'Wished kayak', price: 800, category: 'water', digistore24_id: 'DS-KAYAK' });
    const fan = await wishlistedBy(api, product.id);
    const response = await api.request(`/api/v1/admin/products/${product.id}`, { method: 'DELETE', token: admin.token });
    // A synced product stays inactive through the next sync.
    expect((await bodyOf(response, AdminProduct, 200)).metadata).toEqual({ manual_fields: ['is_active'] });
    const { rows } = await api.database.owner.query('select count(*)::int as n from public.user_wishlists where user_id = $1', [fan.id]);
    expect(rows[0].n).toBe(1);

    // Once nothing refers to it any more, a second DELETE removes it.
    await api.database.owner.query('delete from public.user_wishlists where product_id = $1', [product.id]);
    expect((await api.request(`/api/v1/admin/products/${product.id}`, { method: 'DELETE', token: admin.token })).status).toBe(204);
    expect(await storedProduct(api, product.id)).toBeUndefined();
  });
});
