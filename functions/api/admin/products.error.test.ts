import { MAX_BODY_BYTES } from '../../app.ts';
import type { ApiUser, TestApi } from '../../../test/support/app.ts';
import { describe, expect, test } from '../../../test/support/fixtures.ts';
import { expectProblem, fieldsOf } from '../../../test/support/problem-assertions.ts';

async function productsDigest(api: TestApi): Promise<string> {
  const { rows } = await api.database.owner.query<{ digest: string | null }>(
    `select md5(string_agg(t::text, '|' order by t.id)) as digest from public.shop_products t`,
  );
  return rows[0].digest ?? 'empty';
}

const valid = { name: 'Water filter', price: '89.00', category: 'water' };

async function createProduct(api: TestApi, admin: ApiUser, body: Record<string, unknown>) {
  const response = await api.request('/api/v1/admin/products', { method: 'POST', token: admin.token, json: body });
  expect(response.status).toBe(201);
  return response.json();
}

describe('bad product bodies', () => {
  test('answers 400 with one error per bad field, and writes nothing', async ({ api, admin }) => {
    const before = await productsDigest(api);
    const response = await api.request('/api/v1/admin/products', {
      method: 'POST',
      token: admin.token,
      json: {
        name: '  ',
        price: '12.345',
        category: 7,
        currency: 'usd',
        commission_percentage: 150,
        vendor_rating: '10',
        stock_quantity: -1,
        image_url: 'javascript:alert(1)',
        is_active: 'yes',
        metadata: { manual_fields: ['price', 'no_such_column'] },
      },
    });
    const problem = await expectProblem(response, 400);
    expect(fieldsOf(problem)).toEqual([
      'category',
      'commission_percentage',
      'currency',
      'image_url',
      'is_active',
      'metadata.manual_fields',
      'name',
      'price',
      'stock_quantity',
      'vendor_rating',
    ]);
    expect(await productsDigest(api)).toBe(before);
  });

  test('requires name, price and category on create but not on update', async ({ api, admin }) => {
    const problem = await expectProblem(await api.request('/api/v1/admin/products', { method: 'POST', token: admin.token, json: {} }), 400);
    expect(fieldsOf(problem)).toEqual(['category', 'name', 'price']);
    const negative = await expectProblem(
      await api.request('/api/v1/admin/products', { method: 'POST', token: admin.token, json: { ...valid, price: -1 } }),
      400,
    );
    expect(fieldsOf(negative)).toEqual(['price']);
    const product = await createProduct(api, admin, valid);
    const nulled = await expectProblem(
      await api.request(`/api/v1/admin/products/${product.id}`, { method: 'PATCH', token: admin.token, json: { price: null } }),
      400,
    );
    expect(fieldsOf(nulled)).toEqual(['price']);
    const renamed = await api.request(`/api/v1/admin/products/${product.id}`, { method: 'PATCH', token: admin.token, json: { name: 'Renamed' } });
    expect(renamed.status).toBe(200);
  });

  test('answers 400 to broken JSON, 415 to a form body and 413 to an oversized one', async ({ api, admin }) => {
    const before = await productsDigest(api);
    const post = (init: Parameters<TestApi['request']>[1]) => api.request('/api/v1/admin/products', { method: 'POST', token: admin.token, ...init });
    await expectProblem(await post({ headers: { 'content-type': 'application/json' }, body: '{"name": ' }), 400);
    await expectProblem(await post({ headers: { 'content-type': 'text/plain' }, body: 'name=x' }), 415);
    await expectProblem(await post({ json: { ...valid, description: 'x'.repeat(MAX_BODY_BYTES + 1) } }), 413);
    expect(await productsDigest(api)).toBe(before);
  });

  test('answers 409 to a second product with the same digistore24_id, on create and on update', async ({ api, admin }) => {
    await createProduct(api, admin, { ...valid, digistore24_id: 'DS-1' });
    const other = await createProduct(api, admin, { ...valid, digistore24_id: 'DS-2' });
    const before = await productsDigest(api);
    await expectProblem(await api.request('/api/v1/admin/products', { method: 'POST', token: admin.token, json: { ...valid, digistore24_id: 'DS-1' } }), 409);
    await expectProblem(
      await api.request(`/api/v1/admin/products/${other.id}`, { method: 'PATCH', token: admin.token, json: { digistore24_id: 'DS-1' } }),
      409,
    );
    expect(await productsDigest(api)).toBe(before);
  });
});

describe('bad product ids and filters', () => {
  test('answers 404 to ids that are not UUIDs and to unknown ones, on every verb', async ({ api, admin }) => {
    for (const id of ['not-a-uuid', '123', crypto.randomUUID()]) {
      for (const [method, json] of [['GET'], ['PATCH', { name: 'x' }], ['DELETE']] as const) {
        const response = await api.request(`/api/v1/admin/products/${id}`, { method, token: admin.token, json });
        await expectProblem(response, 404);
      }
    }
  });

  test('answers 400 to filter values it cannot mean', async ({ api, admin }) => {
    for (const [query, field] of [
      ['is_active=maybe', 'is_active'],
      ['is_featured=1', 'is_featured'],
      ['cursor=abc', 'cursor'],
      ['limit=big', 'limit'],
    ]) {
      const problem = await expectProblem(await api.request(`/api/v1/admin/products?${query}`, { token: admin.token }), 400);
      expect(fieldsOf(problem), query).toEqual([field]);
    }
  });
});

describe('ordinary users', () => {
  test('get 403 on every product route and change nothing', async ({ api, admin, alice }) => {
    const product = await createProduct(api, admin, valid);
    const before = await productsDigest(api);
    const attempts: [string, string, unknown?][] = [
      ['GET', '/api/v1/admin/products'],
      ['POST', '/api/v1/admin/products', valid],
      ['GET', `/api/v1/admin/products/${product.id}`],
      ['PATCH', `/api/v1/admin/products/${product.id}`, { price: 0 }],
      ['DELETE', `/api/v1/admin/products/${product.id}`],
    ];
    for (const [method, path, json] of attempts) {
      const problem = await expectProblem(await api.request(path, { method, token: alice.token, json }), 403);
      expect(problem.type).toBe('/problems/forbidden');
    }
    expect(await productsDigest(api)).toBe(before);
  });
});
