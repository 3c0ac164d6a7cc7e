import { z } from '@hono/zod-openapi';
import type { ApiUser, TestApi } from '../../../test/support/app.ts';
import { bodyOf, describe, expect, test } from '../../../test/support/fixtures.ts';
import { WishlistItem } from '../../shop/wishlist.ts';

// The default test environment has no DIGISTORE24_AFFILIATE_ID.

const WishlistPage = z.object({ data: z.array(WishlistItem), next_cursor: z.string().nullable() });

async function addProduct(api: TestApi, name: string, digistore24Id: string | null = null): Promise<string> {
  const { rows } = await api.database.owner.query<{ id: string }>(
    `insert into public.shop_products (name, price, category, digistore24_id, image_url)
     values ($1, '49.00', 'gear', $2, 'https://img.example.com/p.png') returning id`,
    [name, digistore24Id],
  );
  return rows[0].id;
}

const wish = (api: TestApi, user: ApiUser, json: unknown) => api.request('/api/v1/wishlist', { method: 'POST', token: user.token, json });

async function wishlistOf(api: TestApi, user: ApiUser, query = '') {
  return bodyOf(await api.request(`/api/v1/wishlist${query ? `?${query}` : ''}`, { token: user.token }), WishlistPage, 200);
}

describe('the wishlist', () => {
  test('adds a product: 201, the item with its product, Location', async ({ api, alice }) => {
    const productId = await addProduct(api, 'Awning', '777');
    const response = await wish(api, alice, { product_id: productId, notes: 'for the summer', priority: 3 });
    const item = await bodyOf(response, WishlistItem, 201);
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
    const defaults = await bodyOf(await wish(api, alice, { product_id: await addProduct(api, 'Levelling blocks') }), WishlistItem, 201);
    expect(defaults).toMatchObject({ notes: null, priority: 0 });
  });

  test('lists own items, most recently added first, page by page, each with its product', async ({ api, alice, bob }) => {
    const products = [await addProduct(api, 'Cooler'), await addProduct(api, 'Chairs'), await addProduct(api, 'Table')];
    for (const productId of products) expect((await wish(api, alice, { product_id: productId })).status).toBe(201);
    expect((await wish(api, bob, { product_id: products[0] })).status).toBe(201);

    const first = await wishlistOf(api, alice, 'limit=2');
    const second = await wishlistOf(api, alice, `limit=2&cursor=${first.next_cursor}`);
    const items = [...first.data, ...second.data];
    expect(second.next_cursor).toBeNull();
    expect(items.map((item) => item.product_id)).toEqual([...products].reverse());
    expect(items.map((item) => item.product?.name)).toEqual(['Table', 'Chairs', 'Cooler']);
    expect(items.every((item) => item.user_id === alice.id)).toBe(true);
  });

  test('keeps an item whose product was withdrawn, without the product, and lets it be removed', async ({ api, alice }) => {
    const productId = await addProduct(api, 'Discontinued heater');
    expect((await wish(api, alice, { product_id: productId })).status).toBe(201);
    await api.database.owner.query('update public.shop_products set is_active = false where id = $1', [productId]);

    const page = await wishlistOf(api, alice);
    expect(page.data).toHaveLength(1);
    expect(page.data[0]).toMatchObject({ product_id: productId, product: null });

    const removed = await api.request(`/api/v1/wishlist/${productId}`, { method: 'DELETE', token: alice.token });
    expect(removed.status).toBe(204);
    expect((await wishlistOf(api, alice)).data).toEqual([]);
  });

  test('removes a product: 204, then 404', async ({ api, alice }) => {
    const productId = await addProduct(api, 'Hammock');
    expect((await wish(api, alice, { product_id: productId })).status).toBe(201);
    const removed = await api.request(`/api/v1/wishlist/${productId}`, { method: 'DELETE', token: alice.token });
    expect(removed.status).toBe(204);
    expect(await removed.text()).toBe('');
    expect((await api.request(`/api/v1/wishlist/${productId}`, { method: 'DELETE', token: alice.token })).status).toBe(404);
    // And it can be added again.
    expect((await wish(api, alice, { product_id: productId })).status).toBe(201);
  });

  test('shows an administrator only their own wishlist', async ({ api, alice, admin }) => {
    const theirs = await addProduct(api, 'Admin lantern');
    const alices = await addProduct(api, 'Alice lantern');
    expect((await wish(api, admin, { product_id: theirs })).status).toBe(201);
    expect((await wish(api, alice, { product_id: alices })).status).toBe(201);
    const page = await wishlistOf(api, admin, 'limit=100');
    expect(page.data.map((item) => item.product_id)).toEqual([theirs]);
  });
});

describe('changing a wishlist item', () => {
  test('updates notes and priority, keeps the rest, and answers 404 for a product not on the list', async ({ api, alice }) => {
    const productId = await addProduct(api, 'Solar panel');
    await wish(api, alice, { product_id: productId, notes: 'maybe', priority: 1 });
    const response = await api.request(`/api/v1/wishlist/${productId}`, {
      method: 'PATCH',
      token: alice.token,
      json: { priority: 10, user_id: crypto.randomUUID(), product_id: crypto.randomUUID() },
    });
    expect(await bodyOf(response, WishlistItem, 200)).toMatchObject({
      product_id: productId,
      user_id: alice.id,
      notes: 'maybe',
      priority: 10,
      product: { id: productId },
    });

    const bad = await api.request(`/api/v1/wishlist/${productId}`, { method: 'PATCH', token: alice.token, json: { priority: 101 } });
    expect(bad.status).toBe(400);
    const notListed = await api.request(`/api/v1/wishlist/${await addProduct(api, 'Kayak')}`, {
      method: 'PATCH',
      token: alice.token,
      json: { notes: 'x' },
    });
    expect(notListed.status).toBe(404);
    const { rows } = await api.database.owner.query('select notes, priority from public.user_wishlists where user_id = $1', [alice.id]);
    expect(rows).toEqual([{ notes: 'maybe', priority: 10 }]);
  });

  test('an empty change answers the item as it is', async ({ api, alice }) => {
    const productId = await addProduct(api, 'Roof box');
    const added = await bodyOf(await wish(api, alice, { product_id: productId, notes: 'later' }), WishlistItem, 201);
    const response = await api.request(`/api/v1/wishlist/${productId}`, { method: 'PATCH', token: alice.token, json: {} });
    expect(await bodyOf(response, WishlistItem, 200)).toEqual(added);
  });
});
