import type { ApiUser, TestApi } from '../../../test/support/app.ts';
import { describe, expect, test } from '../../../test/support/fixtures.ts';
import { expectProblem, fieldsOf, tableDigest } from '../../../test/support/problem-assertions.ts';
import { MAX_BODY_BYTES } from '../../app.ts';

const service = { maintenance_type: 'oil_change', service_date: '2026-04-01' };

/** One of `owner`'s vehicles with one service logged: the paths of its log and of that record. */
async function serviceLog(api: TestApi, owner: ApiUser) {
  const vehicle = await api.request('/api/v1/vehicles', {
    method: 'POST',
    token: owner.token,
    json: { make: 'Renault', model: 'Trafic', year: 2020 },
  });
  expect(vehicle.status).toBe(201);
  const logPath = `/api/v1/vehicles/${(await vehicle.json()).id}/maintenance`;
  const record = await api.request(logPath, { method: 'POST', token: owner.token, json: service });
  expect(record.status).toBe(201);
  return { logPath, recordPath: `${logPath}/${(await record.json()).id}` };
}

describe('bad input to the maintenance routes', () => {
  test('answers 400 with one error per bad field and writes nothing', async ({ api, alice }) => {
    const { logPath } = await serviceLog(api, alice);
    const before = await tableDigest(api, 'vehicle_maintenance');
    const response = await api.request(logPath, {
      method: 'POST',
      token: alice.token,
      json: {
        maintenance_type: '',
        cost: -5,
        mileage: -1,
        service_date: 'yesterday',
        next_service_date: '2026-02-30',
        next_service_mileage: 1.5,
        receipt_url: 'javascript:alert(1)',
      },
    });
    const problem = await expectProblem(response, 400);
    expect(fieldsOf(problem)).toEqual([
      'cost',
      'maintenance_type',
      'mileage',
      'next_service_date',
      'next_service_mileage',
      'receipt_url',
      'service_date',
    ]);
    expect(await tableDigest(api, 'vehicle_maintenance')).toBe(before);
  });

  test('refuses bad values on update too, and changes nothing', async ({ api, alice }) => {
    const { recordPath } = await serviceLog(api, alice);
    const before = await tableDigest(api, 'vehicle_maintenance');
    for (const body of [{ cost: '-0.01' }, { cost: 'ten' }, { cost: 12.345 }, { service_date: '01/04/2026' }, { service_date: null }, { mileage: '100' }]) {
      const response = await api.request(recordPath, { method: 'PATCH', token: alice.token, json: body });
      expect(fieldsOf(await expectProblem(response, 400)), JSON.stringify(body)).toEqual(Object.keys(body));
    }
    expect(await tableDigest(api, 'vehicle_maintenance')).toBe(before);
  });

  test('answers 400, not 500, to a cost the column cannot hold', async ({ api, alice }) => {
    const { logPath } = await serviceLog(api, alice);
    const before = await tableDigest(api, 'vehicle_maintenance');
    await expectProblem(await api.request(logPath, { method: 'POST', token: alice.token, json: { ...service, cost: '9999999999.99' } }), 400);
    expect(await tableDigest(api, 'vehicle_maintenance')).toBe(before);
  });

  test('rejects a missing type and service date', async ({ api, alice }) => {
    const { logPath } = await serviceLog(api, alice);
    const problem = await expectProblem(await api.request(logPath, { method: 'POST', token: alice.token, json: {} }), 400);
    expect(fieldsOf(problem)).toEqual(['maintenance_type', 'service_date']);
  });

  test('answers 413 to a body over the limit and 415 to one that is not JSON, writing nothing', async ({ api, alice }) => {
    const { logPath, recordPath } = await serviceLog(api, alice);
    const before = await tableDigest(api, 'vehicle_maintenance');
    const huge = { ...service, notes: 'x'.repeat(MAX_BODY_BYTES) };
    await expectProblem(await api.request(logPath, { method: 'POST', token: alice.token, json: huge }), 413);
    await expectProblem(await api.request(recordPath, { method: 'PATCH', token: alice.token, json: huge }), 413);
    const form = await api.request(logPath, {
      method: 'POST',
      token: alice.token,
      headers: { 'content-type': 'text/plain' },
      body: 'oil change',
    });
    await expectProblem(form, 415);
    expect(await tableDigest(api, 'vehicle_maintenance')).toBe(before);
  });

  test('answers 404 to ids that are not UUIDs', async ({ api, alice }) => {
    for (const [method, path] of [
      ['GET', '/api/v1/vehicles/nope/maintenance'],
      ['POST', '/api/v1/vehicles/nope/maintenance'],
      ['PATCH', `/api/v1/vehicles/${'0'.repeat(36)}/maintenance/also-bad`],
      ['DELETE', `/api/v1/vehicles/${crypto.randomUUID()}/maintenance/42`],
    ]) {
      const json = method === 'POST' ? service : method === 'PATCH' ? { notes: 'x' } : undefined;
      await expectProblem(await api.request(path, { method, token: alice.token, json }), 404);
    }
  });

  test("answers 404 for another user's vehicle and record, and changes nothing", async ({ api, alice, bob }) => {
    const { logPath, recordPath } = await serviceLog(api, alice);
    const before = await tableDigest(api, 'vehicle_maintenance');
    await expectProblem(await api.request(logPath, { token: bob.token }), 404);
    await expectProblem(await api.request(logPath, { method: 'POST', token: bob.token, json: service }), 404);
    await expectProblem(await api.request(recordPath, { method: 'PATCH', token: bob.token, json: { cost: '1' } }), 404);
    await expectProblem(await api.request(recordPath, { method: 'DELETE', token: bob.token }), 404);
    expect(await tableDigest(api, 'vehicle_maintenance')).toBe(before);
  });

  test('answers 400 to bad query values on both lists', async ({ api, alice }) => {
    const { logPath } = await serviceLog(api, alice);
    for (const query of ['days=0', 'days=3651', 'days=-1', 'days=soon', 'days=1.5', 'limit=0', 'cursor=garbage']) {
      await expectProblem(await api.request(`/api/v1/maintenance/upcoming?${query}`, { token: alice.token }), 400);
    }
    for (const query of ['limit=101', 'cursor=garbage', `cursor=${btoa(JSON.stringify(['2026-01-01', 'x', 'y']))}`]) {
      await expectProblem(await api.request(`${logPath}?${query}`, { token: alice.token }), 400);
    }
    expect((await api.request('/api/v1/maintenance/upcoming?days=3650&colour=red', { token: alice.token })).status).toBe(200);
  });

  test('never answers 500 to hostile strings', async ({ api, alice }) => {
    const { logPath } = await serviceLog(api, alice);
    for (const maintenance_type of ["'); drop table vehicle_maintenance; --", '\u0000', '𝓟𝓐𝓜']) {
      const response = await api.request(logPath, { method: 'POST', token: alice.token, json: { ...service, maintenance_type } });
      expect(response.status, JSON.stringify(maintenance_type)).toBeLessThan(500);
    }
  });
});
