import type { ApiUser, TestApi } from '../../../test/support/app.ts';
import { describe, expect, test } from '../../../test/support/fixtures.ts';
import { expectProblem, fieldsOf, tableDigest } from '../../../test/support/problem-assertions.ts';
import { MAX_BODY_BYTES } from '../../app.ts';

const van = { make: 'Fiat', model: 'Ducato', year: 2021 };

/** `owner`'s van, by id. */
async function addVan(api: TestApi, owner: ApiUser): Promise<string> {
  const response = await api.request('/api/v1/vehicles', { method: 'POST', token: owner.token, json: van });
  expect(response.status).toBe(201);
  return (await response.json()).id;
}

describe('bad input to the vehicles routes', () => {
  test('answers 400 with one error per bad field and writes nothing', async ({ api, alice }) => {
    const before = await tableDigest(api, 'vehicles');
    const response = await api.request('/api/v1/vehicles', {
      method: 'POST',
      token: alice.token,
      json: { make: 7, model: '', year: '2020', fuel_type: 'steam', is_primary: 'yes', fuel_efficiency: [1, 2] },
    });
    const problem = await expectProblem(response, 400);
    expect(fieldsOf(problem)).toEqual(['fuel_efficiency', 'fuel_type', 'is_primary', 'make', 'model', 'year']);
    expect(await tableDigest(api, 'vehicles')).toBe(before);
  });

  test('refuses model years outside 1900-2100 on create and update, and changes nothing', async ({ api, alice }) => {
    const vehicleId = await addVan(api, alice);
    const before = await tableDigest(api, 'vehicles');
    for (const year of [1800, 1899, 2101, 2020.5, -1]) {
      const created = await api.request('/api/v1/vehicles', { method: 'POST', token: alice.token, json: { ...van, year } });
      expect(fieldsOf(await expectProblem(created, 400)), String(year)).toEqual(['year']);
      const updated = await api.request(`/api/v1/vehicles/${vehicleId}`, { method: 'PATCH', token: alice.token, json: { year } });
      expect(fieldsOf(await expectProblem(updated, 400)), String(year)).toEqual(['year']);
    }
    expect(await tableDigest(api, 'vehicles')).toBe(before);
  });

  test('is backed by the database, which refuses year 1800 from any writer', async ({ api, alice }) => {
    const refused = await api.database.owner
      .query(`insert into public.vehicles (user_id, make, model, year) values ($1, 'Ford', 'T', 1800)`, [alice.id])
      .then(() => null, (error: { code?: string }) => error.code);
    expect(refused).toBe('23514');
  });

  test('rejects a missing make, model or year', async ({ api, alice }) => {
    const problem = await expectProblem(await api.request('/api/v1/vehicles', { method: 'POST', token: alice.token, json: {} }), 400);
    expect(fieldsOf(problem)).toEqual(['make', 'model', 'year']);
  });

  test('answers 400 to broken JSON and 415 to a body that is not JSON', async ({ api, alice }) => {
    const broken = await api.request('/api/v1/vehicles', {
      method: 'POST',
      token: alice.token,
      headers: { 'content-type': 'application/json' },
      body: '{"make": "Fi',
    });
    await expectProblem(broken, 400);
    const form = await api.request('/api/v1/vehicles', {
      method: 'POST',
      token: alice.token,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'make=Fiat&model=Ducato&year=2021',
    });
    await expectProblem(form, 415);
  });

  test('answers 413 to a body over the limit and writes nothing', async ({ api, alice }) => {
    const vehicleId = await addVan(api, alice);
    const before = await tableDigest(api, 'vehicles');
    const huge = { ...van, insurance_info: { notes: 'x'.repeat(MAX_BODY_BYTES) } };
    await expectProblem(await api.request('/api/v1/vehicles', { method: 'POST', token: alice.token, json: huge }), 413);
    await expectProblem(
      await api.request(`/api/v1/vehicles/${vehicleId}`, { method: 'PATCH', token: alice.token, json: huge }),
      413,
    );
    expect(await tableDigest(api, 'vehicles')).toBe(before);
  });

  test('answers 404 to ids that are not UUIDs and to unknown ids', async ({ api, alice }) => {
    for (const id of ['not-a-uuid', '123', "1' or '1'='1", crypto.randomUUID()]) {
      const path = `/api/v1/vehicles/${encodeURIComponent(id)}`;
      await expectProblem(await api.request(path, { token: alice.token }), 404);
      await expectProblem(await api.request(path, { method: 'PATCH', token: alice.token, json: { color: 'red' } }), 404);
      await expectProblem(await api.request(path, { method: 'DELETE', token: alice.token }), 404);
    }
  });

  test("answers 404 to another user's vehicle and changes nothing", async ({ api, alice, bob }) => {
    const vehicleId = await addVan(api, alice);
    const before = await tableDigest(api, 'vehicles');
    const path = `/api/v1/vehicles/${vehicleId}`;
    await expectProblem(await api.request(path, { token: bob.token }), 404);
    await expectProblem(await api.request(path, { method: 'PATCH', token: bob.token, json: { is_primary: true } }), 404);
    await expectProblem(await api.request(path, { method: 'DELETE', token: bob.token }), 404);
    expect(await tableDigest(api, 'vehicles')).toBe(before);
  });

  test('answers 400 to bad query values and ignores unknown parameters', async ({ api, alice }) => {
    for (const query of ['limit=0', 'limit=101', 'limit=ten', 'is_active=maybe', 'cursor=garbage']) {
      await expectProblem(await api.request(`/api/v1/vehicles?${query}`, { token: alice.token }), 400);
    }
    expect((await api.request('/api/v1/vehicles?colour=blue', { token: alice.token })).status).toBe(200);
  });

  test('never answers 500 to hostile strings', async ({ api, alice }) => {
    for (const make of ["'); drop table vehicles; --", '\u0000', 'ü'.repeat(100), '𝓟𝓐𝓜']) {
      const response = await api.request('/api/v1/vehicles', { method: 'POST', token: alice.token, json: { ...van, make } });
      expect(response.status, JSON.stringify(make)).toBeLessThan(500);
    }
  });
});
