import type { ApiUser, TestApi } from '../../../test/support/app.ts';
import { describe, expect, test } from '../../../test/support/fixtures.ts';
import { expectProblem, fieldsOf, tableDigest } from '../../../test/support/problem-assertions.ts';
import { MAX_BODY_BYTES } from '../../app.ts';

const trip = { name: 'North Cape', origin: { address: 'Oslo' }, destination: { address: 'Nordkapp' } };

async function planTrip(api: TestApi, owner: ApiUser, body: Record<string, unknown> = {}): Promise<{ id: string } & Record<string, unknown>> {
  const response = await api.request('/api/v1/trips', { method: 'POST', token: owner.token, json: { ...trip, ...body } });
  expect(response.status).toBe(201);
  return response.json();
}

async function addVehicle(api: TestApi, owner: ApiUser): Promise<string> {
  const response = await api.request('/api/v1/vehicles', { method: 'POST', token: owner.token, json: { make: 'Iveco', model: 'Daily', year: 2015 } });
  return (await response.json()).id;
}

describe('bad input to the trips routes', () => {
  test('answers 400 with one error per bad field and writes nothing', async ({ api, alice }) => {
    const before = await tableDigest(api, 'trips');
    const response = await api.request('/api/v1/trips', {
      method: 'POST',
      token: alice.token,
      json: {
        name: '',
        origin: 'Oslo',
        status: 'someday',
        start_date: '2026-13-01',
        estimated_cost: -1,
        estimated_distance: 'far',
        estimated_duration: 1.5,
        vehicle_id: 'my-van',
        waypoints: 'via Stockholm',
      },
    });
    const problem = await expectProblem(response, 400);
    expect(fieldsOf(problem)).toEqual([
      'destination',
      'estimated_cost',
      'estimated_distance',
      'estimated_duration',
      'name',
      'origin',
      'start_date',
      'status',
      'vehicle_id',
      'waypoints',
    ]);
    expect(await tableDigest(api, 'trips')).toBe(before);
  });

  test('refuses an end date before the start date, whether sent together or one at a time', async ({ api, alice }) => {
    const planned = await planTrip(api, alice, { start_date: '2026-07-10' });
    const before = await tableDigest(api, 'trips');
    const together = await api.request('/api/v1/trips', {
      method: 'POST',
      token: alice.token,
      json: { ...trip, start_date: '2026-07-10', end_date: '2026-07-09' },
    });
    expect(fieldsOf(await expectProblem(together, 400))).toEqual(['end_date']);
    const patched = await api.request(`/api/v1/trips/${planned.id}`, { method: 'PATCH', token: alice.token, json: { end_date: '2026-07-01' } });
    await expectProblem(patched, 400);
    expect(await tableDigest(api, 'trips')).toBe(before);
  });

  test("answers 400 to a vehicle the caller cannot see, exactly as to one that does not exist", async ({ api, alice, bob }) => {
    const theirVehicle = await addVehicle(api, bob);
    const mine = await planTrip(api, alice);
    const before = await tableDigest(api, 'trips');

    const foreign = await expectProblem(
      await api.request('/api/v1/trips', { method: 'POST', token: alice.token, json: { ...trip, vehicle_id: theirVehicle } }),
      400,
    );
    const missing = await expectProblem(
      await api.request('/api/v1/trips', { method: 'POST', token: alice.token, json: { ...trip, vehicle_id: crypto.randomUUID() } }),
      400,
    );
    expect(foreign.type).toBe('/problems/invalid_reference');
    expect({ ...missing, request_id: '' }).toEqual({ ...foreign, request_id: '' });

    const relinked = await api.request(`/api/v1/trips/${mine.id}`, { method: 'PATCH', token: alice.token, json: { vehicle_id: theirVehicle } });
    expect((await expectProblem(relinked, 400)).type).toBe('/problems/invalid_reference');
    expect(await tableDigest(api, 'trips')).toBe(before);
  });

  test('answers 409 to a forbidden status change and changes nothing, not even the other fields sent', async ({ api, alice }) => {
    const completed = await planTrip(api, alice, { status: 'completed' });
    const cancelled = await planTrip(api, alice, { status: 'cancelled' });
    const before = await tableDigest(api, 'trips');
    for (const [id, status, reopen] of [
      [completed.id, 'planned', undefined],
      [completed.id, 'in_progress', false],
      [cancelled.id, 'planned', undefined],
      [cancelled.id, 'in_progress', undefined],
      [completed.id, 'cancelled', true],
      [cancelled.id, 'completed', true],
    ] as const) {
      const response = await api.request(`/api/v1/trips/${id}`, {
        method: 'PATCH',
        token: alice.token,
        json: { status, reopen, name: 'renamed on the way' },
      });
      const problem = await expectProblem(response, 409);
      expect(problem.type).toBe('/problems/conflict');
    }
    expect(await tableDigest(api, 'trips')).toBe(before);
  });

  test('rejects reopen that is not a boolean', async ({ api, alice }) => {
    const completed = await planTrip(api, alice, { status: 'completed' });
    const response = await api.request(`/api/v1/trips/${completed.id}`, {
      method: 'PATCH',
      token: alice.token,
      json: { status: 'planned', reopen: 'yes' },
    });
    expect(fieldsOf(await expectProblem(response, 400))).toEqual(['reopen']);
  });

  test('answers 413 to a body over the limit and 415 to one that is not JSON, writing nothing', async ({ api, alice }) => {
    const planned = await planTrip(api, alice);
    const before = await tableDigest(api, 'trips');
    const huge = { ...trip, route_data: { polyline: 'x'.repeat(MAX_BODY_BYTES) } };
    await expectProblem(await api.request('/api/v1/trips', { method: 'POST', token: alice.token, json: huge }), 413);
    await expectProblem(await api.request(`/api/v1/trips/${planned.id}`, { method: 'PATCH', token: alice.token, json: huge }), 413);
    const form = await api.request('/api/v1/trips', {
      method: 'POST',
      token: alice.token,
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nTrip\r\n--x--',
    });
    await expectProblem(form, 415);
    expect(await tableDigest(api, 'trips')).toBe(before);
  });

  test("answers 404 to ids that are not UUIDs and to another user's trip, changing nothing", async ({ api, alice, bob }) => {
    const theirs = await planTrip(api, bob);
    const before = await tableDigest(api, 'trips');
    for (const id of ['nope', '12', theirs.id]) {
      const path = `/api/v1/trips/${id}`;
      await expectProblem(await api.request(path, { token: alice.token }), 404);
      await expectProblem(await api.request(path, { method: 'PATCH', token: alice.token, json: { status: 'cancelled' } }), 404);
      await expectProblem(await api.request(path, { method: 'DELETE', token: alice.token }), 404);
    }
    expect(await tableDigest(api, 'trips')).toBe(before);
  });

  test('answers 400 to bad query values and ignores unknown parameters', async ({ api, alice }) => {
    for (const query of [
      'status=someday',
      'from=yesterday',
      'to=2026-02-30',
      'from=2026-07-02&to=2026-07-01',
      'vehicle_id=my-van',
      'limit=0',
      'cursor=garbage',
    ]) {
      await expectProblem(await api.request(`/api/v1/trips?${query}`, { token: alice.token }), 400);
    }
    expect((await api.request('/api/v1/trips?colour=blue', { token: alice.token })).status).toBe(200);
  });

  test('never answers 500 to hostile strings', async ({ api, alice }) => {
    for (const name of ["'); drop table trips; --", '\u0000', '𝓟𝓐𝓜']) {
      const response = await api.request('/api/v1/trips', { method: 'POST', token: alice.token, json: { ...trip, name } });
      expect(response.status, JSON.stringify(name)).toBeLessThan(500);
    }
    const nested = await api.request('/api/v1/trips', {
      method: 'POST',
      token: alice.token,
      json: { ...trip, origin: { address: '\u0000' } },
    });
    expect(nested.status).toBeLessThan(500);
  });
});
