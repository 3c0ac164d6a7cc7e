import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiUser, createTestApi, type TestApi } from '../../test/support/app.ts';

let api: TestApi;
let alice: ApiUser;

beforeAll(async () => {
  api = await createTestApi();
  alice = await api.signIn();
});
afterAll(() => api.close());

async function addVehicle(body: Record<string, unknown>, user = alice) {
  const response = await api.request('/api/v1/vehicles', { method: 'POST', token: user.token, json: body });
  expect(response.status, await response.clone().text()).toBe(201);
  return response;
}

const van = { make: 'Volkswagen', model: 'California', year: 2019 };

describe('vehicles', () => {
  it('adds a vehicle: 201, the object, Location, owner and defaults set by the server', async () => {
    const response = await addVehicle({ ...van, license_plate: 'B-PA 123', fuel_efficiency: { combined: 8.9, unit: 'l/100km' } });
    const vehicle = await response.json();
    expect(response.headers.get('location')).toBe(`/api/v1/vehicles/${vehicle.id}`);
    expect(vehicle).toMatchObject({
      ...van,
      user_id: alice.id,
      license_plate: 'B-PA 123',
      fuel_type: 'gasoline',
      fuel_efficiency: { combined: 8.9, unit: 'l/100km' },
      insurance_info: null,
      is_primary: false,
      is_active: true,
    });
    const fetched = await api.request(`/api/v1/vehicles/${vehicle.id}`, { token: alice.token });
    expect(fetched.status).toBe(200);
    expect(await fetched.json()).toEqual(vehicle);
  });

  it('accepts the first and last model years the schema allows', async () => {
    for (const year of [1900, 2100]) {
      const vehicle = await (await addVehicle({ ...van, year })).json();
      expect(vehicle.year).toBe(year);
    }
  });

  it('ignores server-owned fields in the body', async () => {
    const someoneElse = crypto.randomUUID();
    const vehicle = await (
      await addVehicle({ ...van, id: someoneElse, user_id: someoneElse, created_at: '2001-01-01T00:00:00Z' })
    ).json();
    expect(vehicle.user_id).toBe(alice.id);
    expect(vehicle.id).not.toBe(someoneElse);
    expect(vehicle.created_at.startsWith('2001')).toBe(false);
  });

  it('lists own vehicles newest first, page by page, and filters by is_active', async () => {
    const user = await api.signIn();
    const ids: string[] = [];
    for (const model of ['one', 'two', 'three']) ids.push((await (await addVehicle({ ...van, model }, user)).json()).id);
    const retired = await (await addVehicle({ ...van, model: 'old', is_active: false }, user)).json();

    const first = await (await api.request('/api/v1/vehicles?limit=2', { token: user.token })).json();
    expect(first.data.map((v: { id: string }) => v.id)).toEqual([retired.id, ids[2]]);
    const second = await (
      await api.request(`/api/v1/vehicles?limit=2&cursor=${first.next_cursor}`, { token: user.token })
    ).json();
    expect(second.data.map((v: { id: string }) => v.id)).toEqual([ids[1], ids[0]]);
    expect(second.next_cursor).toBeNull();

    const active = await (await api.request('/api/v1/vehicles?is_active=true', { token: user.token })).json();
    expect(active.data.map((v: { id: string }) => v.id).sort()).toEqual([...ids].sort());
    const inactive = await (await api.request('/api/v1/vehicles?is_active=false', { token: user.token })).json();
    expect(inactive.data.map((v: { id: string }) => v.id)).toEqual([retired.id]);
  });

  it('updates a vehicle and moves updated_at; an empty body changes nothing', async () => {
    const vehicle = await (await addVehicle(van)).json();
    const response = await api.request(`/api/v1/vehicles/${vehicle.id}`, {
      method: 'PATCH',
      token: alice.token,
      json: { color: 'white', fuel_type: 'diesel', vin: 'WV2ZZZ7HZKH000001' },
    });
    expect(response.status).toBe(200);
    const updated = await response.json();
    expect(updated).toMatchObject({ ...van, color: 'white', fuel_type: 'diesel', vin: 'WV2ZZZ7HZKH000001' });
    expect(Date.parse(updated.updated_at)).toBeGreaterThan(Date.parse(vehicle.updated_at));

    const unchanged = await api.request(`/api/v1/vehicles/${vehicle.id}`, { method: 'PATCH', token: alice.token, json: {} });
    expect(unchanged.status).toBe(200);
    expect(await unchanged.json()).toEqual(updated);
  });

  it('keeps one primary vehicle per user, leaving other users alone', async () => {
    const user = await api.signIn();
    const neighbour = await api.signIn();
    const theirs = await (await addVehicle({ ...van, is_primary: true }, neighbour)).json();
    const first = await (await addVehicle({ ...van, model: 'first', is_primary: true }, user)).json();
    const second = await (await addVehicle({ ...van, model: 'second' }, user)).json();

    const promoted = await api.request(`/api/v1/vehicles/${second.id}`, { method: 'PATCH', token: user.token, json: { is_primary: true } });
    expect((await promoted.json()).is_primary).toBe(true);
    expect((await (await api.request(`/api/v1/vehicles/${first.id}`, { token: user.token })).json()).is_primary).toBe(false);

    const third = await (await addVehicle({ ...van, model: 'third', is_primary: true }, user)).json();
    const list = await (await api.request('/api/v1/vehicles', { token: user.token })).json();
    expect(list.data.filter((v: { is_primary: boolean }) => v.is_primary).map((v: { id: string }) => v.id)).toEqual([third.id]);
    expect((await (await api.request(`/api/v1/vehicles/${theirs.id}`, { token: neighbour.token })).json()).is_primary).toBe(true);
  });

  it('deletes a vehicle with its maintenance log and keeps its trips without it', async () => {
    const vehicle = await (await addVehicle(van)).json();
    const record = await api.request(`/api/v1/vehicles/${vehicle.id}/maintenance`, {
      method: 'POST',
      token: alice.token,
      json: { maintenance_type: 'oil_change', service_date: '2026-01-10' },
    });
    expect(record.status).toBe(201);
    const trip = await (
      await api.request('/api/v1/trips', {
        method: 'POST',
        token: alice.token,
        json: { name: 'Alps', origin: { address: 'Munich' }, destination: { address: 'Bolzano' }, vehicle_id: vehicle.id },
      })
    ).json();

    const deleted = await api.request(`/api/v1/vehicles/${vehicle.id}`, { method: 'DELETE', token: alice.token });
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe('');
    expect((await api.request(`/api/v1/vehicles/${vehicle.id}`, { token: alice.token })).status).toBe(404);
    const { rows } = await api.database.owner.query<{ n: number }>(
      'select count(*)::int as n from public.vehicle_maintenance where vehicle_id = $1',
      [vehicle.id],
    );
    expect(rows[0].n).toBe(0);
    const keptTrip = await (await api.request(`/api/v1/trips/${trip.id}`, { token: alice.token })).json();
    expect(keptTrip).toMatchObject({ id: trip.id, vehicle_id: null });
  });
});
