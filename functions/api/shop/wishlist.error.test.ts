import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiUser, createTestApi, type TestApi } from '../../../test/support/app.ts';
import { expectProblem, fieldsOf, tableDigest } from '../../../test/support/problem-assertions.ts';
import { MAX_BODY_BYTES } from '../../app.ts';

let api: TestApi;
let user: ApiUser;
let productId: string;
let withdrawnId: string;

async function addProduct(name: string, active = true): Promise<string> {
  const { rows } = await api.database.owner.query<{ id: string }>(
    `insert into public.shop_products (name, price, category, is_active) values ($1, '10.00', 'gear', $2) returning id`,
    [name, active],
  );
  return rows[0].id;
}

beforeAll(async () => {
  api = await createTestApi();
  user = await api.signIn();
  productId = await addProduct('Solar shower');
  withdrawnId = await addProduct('Withdrawn lantern', false);
});
afterAll(() => api.close());

const wish = (who: ApiUser, json: unknown) => api.request('/api/v1/wishlist', { method: 'POST', token: who.token, json });

describe('bad input to the wishlist routes', () => {
  it('answers 409 to a product already on the list, and changes nothing', async () => {
    expect((await wish(user, { product_id: productId, notes: 'first' })).status).toBe(201);
    const before = await tableDigest(api, 'user_wishlists');
    const again = await wish(user, { product_id: productId, notes: 'second' });
    expect((await expectProblem(again, 409)).type).toBe('/problems/conflict');
    expect(await tableDigest(api, 'user_wishlists')).toBe(before);
  });

  it('answers 400 to a product that does not exist or is withdrawn, alike, for users and administrators', async () => {
    const admin = await api.signIn({ admin: true });
    const before = await tableDigest(api, 'user_wishlists');
    for (const who of [user, admin]) {
      const missing = await expectProblem(await wish(who, { product_id: crypto.randomUUID() }), 400);
      const withdrawn = await expectProblem(await wish(who, { product_id: withdrawnId }), 400);
      expect(missing.type).toBe('/problems/invalid_reference');
      expect({ ...withdrawn, request_id: '' }).toEqual({ ...missing, request_id: '' });
      expect(fieldsOf(missing)).toEqual(['product_id']);
    }
    expect(await tableDigest(api, 'user_wishlists')).toBe(before);
  });

  it('answers 400 with one error per bad field and writes nothing', async () => {
    const before = await tableDigest(api, 'user_wishlists');
    const problem = await expectProblem(await wish(user, { product_id: 'lantern', notes: 42, priority: 'high' }), 400);
    expect(fieldsOf(problem)).toEqual(['notes', 'priority', 'product_id']);
    for (const priority of [-1, 101, 2.5]) {
      const other = await addProduct(`Item ${priority}`);
      expect(fieldsOf(await expectProblem(await wish(user, { product_id: other, priority }), 400))).toEqual(['priority']);
    }
    expect(fieldsOf(await expectProblem(await wish(user, {}), 400))).toEqual(['product_id']);
    expect(await tableDigest(api, 'user_wishlists')).toBe(before);
  });

  it('answers 413 to a body over the limit and 415 to one that is not JSON', async () => {
    const before = await tableDigest(api, 'user_wishlists');
    await expectProblem(await wish(user, { product_id: await addProduct('Big'), notes: 'x'.repeat(MAX_BODY_BYTES) }), 413);
    const form = await api.request('/api/v1/wishlist', {
      method: 'POST',
      token: user.token,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `product_id=${productId}`,
    });
    await expectProblem(form, 415);
    expect(await tableDigest(api, 'user_wishlists')).toBe(before);
  });

  it("answers 404 when removing a product that is not on the caller's list, and changes nothing", async () => {
    const neighbour = await api.signIn();
    const theirs = await addProduct('Their kayak');
    expect((await wish(neighbour, { product_id: theirs })).status).toBe(201);
    const before = await tableDigest(api, 'user_wishlists');
    for (const id of ['kayak', '7', theirs, crypto.randomUUID(), withdrawnId]) {
      await expectProblem(await api.request(`/api/v1/wishlist/${id}`, { method: 'DELETE', token: user.token }), 404);
    }
    expect(await tableDigest(api, 'user_wishlists')).toBe(before);
  });

  it('answers 401 without a token to HEAD as to GET: only the catalogue is public', async () => {
    for (const method of ['GET', 'HEAD']) {
      const response = await api.request('/api/v1/wishlist', { method });
      expect(response.status, method).toBe(401);
      expect(response.headers.get('www-authenticate'), method).toBe('Bearer error="invalid_token"');
    }
  });

  it('answers 400 to bad query values', async () => {
    for (const query of ['limit=0', 'limit=lots', 'cursor=garbage']) {
      await expectProblem(await api.request(`/api/v1/wishlist?${query}`, { token: user.token }), 400);
    }
  });
});
