import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, signTestToken, type TestApi } from '../../../test/support/app.ts';
import { expectProblem } from '../../../test/support/problem-assertions.ts';

let api: TestApi;
let productId: string;

beforeAll(async () => {
  api = await createTestApi();
  const { rows } = await api.database.owner.query<{ id: string }>(
    `insert into public.shop_products (name, price, category) values ('Tow strap', '25.00', 'recovery') returning id`,
  );
  productId = rows[0].id;
});
afterAll(() => api.close());

describe('bad input to the catalogue', () => {
  it('answers 400 to bad query values and ignores unknown parameters', async () => {
    for (const query of ['featured=yes', 'featured=1', 'limit=0', 'limit=101', 'cursor=garbage', `q=${'a'.repeat(201)}`, `category=${'c'.repeat(101)}`]) {
      await expectProblem(await api.request(`/api/v1/products?${query}`), 400);
    }
    expect((await api.request('/api/v1/products?colour=blue')).status).toBe(200);
  });

  it('refuses a cursor from one ordering in the other', async () => {
    await api.database.owner.query(`insert into public.shop_products (name, price, category) values ('Tow rope', '15.00', 'recovery')`);
    const plain = await (await api.request('/api/v1/products?limit=1')).json();
    const searched = await (await api.request('/api/v1/products?limit=1&q=tow')).json();
    expect(plain.next_cursor).not.toBeNull();
    expect(searched.next_cursor).not.toBeNull();
    await expectProblem(await api.request(`/api/v1/products?q=tow&cursor=${plain.next_cursor}`), 400);
    await expectProblem(await api.request(`/api/v1/products?cursor=${searched.next_cursor}`), 400);
  });

  it('never answers 500 to search syntax, however broken', async () => {
    for (const q of ['"unterminated', '-', '& | ! :*', "'); drop table shop_products; --", 'or or or', '(((', '𝓟𝓐𝓜']) {
      const response = await api.request(`/api/v1/products?q=${encodeURIComponent(q)}`);
      expect(response.status, JSON.stringify(q)).toBe(200);
    }
    // Postgres text cannot hold NUL: a bad value, not a server fault.
    await expectProblem(await api.request(`/api/v1/products?q=${encodeURIComponent('solar\u0000')}`), 400);
  });

  it('answers 404 to ids that are not UUIDs and to unknown products', async () => {
    for (const id of ['not-a-uuid', '42', crypto.randomUUID()]) {
      await expectProblem(await api.request(`/api/v1/products/${id}`), 404);
    }
    expect((await api.request(`/api/v1/products/${productId}`)).status).toBe(200);
  });

  it('answers 401 to a token that is sent but bad, even though the route is public', async () => {
    const forged = await signTestToken({ sub: crypto.randomUUID(), role: 'authenticated' }, 'some-other-secret-that-is-long-enough');
    for (const path of ['/api/v1/products', `/api/v1/products/${productId}`]) {
      await expectProblem(await api.request(path, { token: forged }), 401);
      await expectProblem(await api.request(path, { headers: { authorization: 'Basic dXNlcjpwYXNz' } }), 401);
    }
  });

  it('offers no way to write to the catalogue', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const path = method === 'POST' ? '/api/v1/products' : `/api/v1/products/${productId}`;
      const response = await api.request(path, { method, json: { name: 'free stuff', price: 0, category: 'x' } });
      expect(response.status, method).toBeGreaterThanOrEqual(400);
      expect(response.status, method).toBeLessThan(500);
    }
    const { rows } = await api.database.owner.query<{ n: number }>(`select count(*)::int as n from public.shop_products where name = 'free stuff'`);
    expect(rows[0].n).toBe(0);
  });
});
