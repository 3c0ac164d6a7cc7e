import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiUser, createTestApi, type TestApi } from '../../test/support/app.ts';

let api: TestApi;
let alice: ApiUser;

beforeAll(async () => {
  // The default test environment has no DIGISTORE24_AFFILIATE_ID.
  api = await createTestApi();
  alice = await api.signIn();
});
afterAll(() => api.close());

async function addProduct(name: string, digistore24Id: string | null = null): Promise<string> {
  const { rows } = await api.database.owner.query<{ id: string }>(
    `insert into public.shop_products (name, price, category, digistore24_id, image_url)
     values ($1, '49.00', 'gear', $2, 'https://img.example.com/p.png') returning id`,
    [name, digistore24Id],
  );
  return rows[0].id;
}

const wish = (user: ApiUser, json: unknown) => api.request('/api/v1/wishlist', { method: 'POST', token: user.token, json });

describe('the wishlist', () => {
  it('adds a product: 201, the item with its product, Location', async () => {
    const productId = await addProduct('Awning', '777');
    const response = await wish(alice, { product_id: productId, notes: 'for the summer', priority: 3 });
    expect(response.status).toBe(201);
    const item = await response.json();
    expect(response.headers.get('location')).toBe(`/api/v1/wishlist/${productId}`);
    expect(item).toMatchObject({
      user_id: alice.id,
      product_id: productId,
      notes: 'for the summer',
      priority: 3,
      product: {
        id: productId,
        name: 'Awning',
        price: '49.00',
        currency: 'USD',
        category: 'gear',
        image_url: 'https://img.example.com/p.png',
        digistore24_id: '777',
        // No affiliate id is configured here, so there is no link that would earn anything.
        checkout_url: null,
      },
    });
    const defaults = await (await wish(alice, { product_id: await addProduct('Levelling blocks') })).json();
    expect(defaults).toMatchObject({ notes: null, priority: 0 });
  });

  it('lists own items, most recently added first, page by page, each with its product', async () => {
    const user = await api.signIn();
    const neighbour = await api.signIn();
    const products = [await addProduct('Cooler'), await addProduct('Chairs'), await addProduct('Table')];
    for (const productId of products) expect((await wish(user, { product_id: productId })).status).toBe(201);
    expect((await wish(neighbour, { product_id: products[0] })).status).toBe(201);

    const first = await (await api.request('/api/v1/wishlist?limit=2', { token: user.token })).json();
    const second = await (await api.request(`/api/v1/wishlist?limit=2&cursor=${first.next_cursor}`, { token: user.token })).json();
    const items = [...first.data, ...second.data];
    expect(second.next_cursor).toBeNull();
    expect(items.map((item) => item.product_id)).toEqual([...products].reverse());
    expect(items.map((item) => item.product.name)).toEqual(['Table', 'Chairs', 'Cooler']);
    expect(items.every((item) => item.user_id === user.id)).toBe(true);
  });

  it('keeps an item whose product was withdrawn, without the product, and lets it be removed', async () => {
    const user = await api.signIn();
    const productId = await addProduct('Discontinued heater');
    expect((await wish(user, { product_id: productId })).status).toBe(201);
    await api.database.owner.query('update public.shop_products set is_active = false where id = $1', [productId]);

    const page = await (await api.request('/api/v1/wishlist', { token: user.token })).json();
    expect(page.data).toHaveLength(1);
    expect(page.data[0]).toMatchObject({ product_id: productId, product: null });

    const removed = await api.request(`/api/v1/wishlist/${productId}`, { method: 'DELETE', token: user.token });
    expect(removed.status).toBe(204);
    expect((await (await api.request('/api/v1/wishlist', { token: user.token })).json()).data).toEqual([]);
  });

  it('removes a product: 204, then 404', async () => {
    const productId = await addProduct('Hammock');
    expect((await wish(alice, { product_id: productId })).status).toBe(201);
    const removed = await api.request(`/api/v1/wishlist/${productId}`, { method: 'DELETE', token: alice.token });
    expect(removed.status).toBe(204);
    expect(await removed.text()).toBe('');
    expect((await api.request(`/api/v1/wishlist/${productId}`, { method: 'DELETE', token: alice.token })).status).toBe(404);
    // And it can be added again.
    expect((await wish(alice, { product_id: productId })).status).toBe(201);
  });

  it("shows an administrator only their own wishlist", async () => {
    const admin = await api.signIn({ admin: true });
    const page = await (await api.request('/api/v1/wishlist?limit=100', { token: admin.token })).json();
    expect(page.data).toEqual([]);
  });
});

describe('changing a wishlist item', () => {
  it('updates notes and priority, keeps the rest, and answers 404 for a product not on the list', async () => {
    const user = await api.signIn();
    const productId = await addProduct('Solar panel');
    await wish(user, { product_id: productId, notes: 'maybe', priority: 1 });
    const response = await api.request(`/api/v1/wishlist/${productId}`, {
      method: 'PATCH',
      token: user.token,
      json: { priority: 10, user_id: crypto.randomUUID(), product_id: crypto.randomUUID() },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ product_id: productId, user_id: user.id, notes: 'maybe', priority: 10, product: { id: productId } });

    const bad = await api.request(`/api/v1/wishlist/${productId}`, { method: 'PATCH', token: user.token, json: { priority: 101 } });
    expect(bad.status).toBe(400);
    const notListed = await api.request(`/api/v1/wishlist/${await addProduct('Kayak')}`, { method: 'PATCH', token: user.token, json: { notes: 'x' } });
    expect(notListed.status).toBe(404);
    const { rows } = await api.database.owner.query('select notes, priority from public.user_wishlists where user_id = $1', [user.id]);
    expect(rows).toEqual([{ notes: 'maybe', priority: 10 }]);
  });
});
