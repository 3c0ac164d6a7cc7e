import { z } from '@hono/zod-openapi';
import type { ApiUser, TestApi } from '../../../test/support/app.ts';
import { bodyOf, describe, expect, test } from '../../../test/support/fixtures.ts';
import { MaintenanceRecord } from '../../travel/maintenance.ts';
import { Trip, TripDetail } from '../../travel/trips.ts';
import { Vehicle } from '../../travel/vehicles.ts';

const VehiclePage = z.object({ data: z.array(Vehicle), next_cursor: z.string().nullable() });

async function addVehicle(api: TestApi, user: ApiUser, body: Record<string, unknown>) {
  const response = await api.request('/api/v1/vehicles', { method: 'POST', token: user.token, json: body });
  return { response, vehicle: await bodyOf(response, Vehicle, 201) };
}

async function vehicleOf(api: TestApi, user: ApiUser, id: string) {
  return bodyOf(await api.request(`/api/v1/vehicles/${id}`, { token: user.token }), Vehicle, 200);
}

async function listed(api: TestApi, user: ApiUser, query = '') {
  return bodyOf(await api.request(`/api/v1/vehicles${query}`, { token: user.token }), VehiclePage, 200);
}

const ids = (page: { data: { id: string }[] }) => page.data.map((v) => v.id);

const van = { make: 'Volkswagen', model: 'California', year: 2019 };

describe('vehicles', () => {
  test('adds a vehicle: 201, the object, Location, owner and defaults set by the server', async ({ api, alice }) => {
    const { response, vehicle } = await addVehicle(api, alice, {
      ...van,
      license_plate: 'B-PA 123',
      fuel_efficiency: { combined: 8.9, unit: 'l/100km' },
    });
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
    expect(await vehicleOf(api, alice, vehicle.id)).toEqual(vehicle);
  });

  test('accepts the first and last model years the schema allows', async ({ api, alice }) => {
    for (const year of [1900, 2100]) {
      const { vehicle } = await addVehicle(api, alice, { ...van, year });
      expect(vehicle.year).toBe(year);
    }
  });

  test('ignores server-owned fields in the body', async ({ api, alice }) => {
    const someoneElse = crypto.randomUUID();
    const { vehicle } = await addVehicle(api, alice, { ...van, id: someoneElse, user_id: someoneElse, created_at: '2001-01-01T00:00:00Z' });
    expect(vehicle.user_id).toBe(alice.id);
    expect(vehicle.id).not.toBe(someoneElse);
    expect(vehicle.created_at.startsWith('2001')).toBe(false);
  });

  test('lists own vehicles newest first, page by page, and filters by is_active', async ({ api, alice }) => {
    const created: string[] = [];
    for (const model of ['one', 'two', 'three']) created.push((await addVehicle(api, alice, { ...van, model })).vehicle.id);
    const { vehicle: retired } = await addVehicle(api, alice, { ...van, model: 'old', is_active: false });

    const first = await listed(api, alice, '?limit=2');
    expect(ids(first)).toEqual([retired.id, created[2]]);
    const second = await listed(api, alice, `?limit=2&cursor=${first.next_cursor}`);
    expect(ids(second)).toEqual([created[1], created[0]]);
    expect(second.next_cursor).toBeNull();

    expect(ids(await listed(api, alice, '?is_active=true')).sort()).toEqual([...created].sort());
    expect(ids(await listed(api, alice, '?is_active=false'))).toEqual([retired.id]);
  });

  test('updates a vehicle and moves updated_at; an empty body changes nothing', async ({ api, alice }) => {
    const { vehicle } = await addVehicle(api, alice, van);
    const response = await api.request(`/api/v1/vehicles/${vehicle.id}`, {
      method: 'PATCH',
      token: alice.token,
      json: { color: 'white', fuel_type: 'diesel', vin: 'WV2ZZZ7HZKH000001' },
    });
    const updated = await bodyOf(response, Vehicle, 200);
    expect(updated).toMatchObject({ ...van, color: 'white', fuel_type: 'diesel', vin: 'WV2ZZZ7HZKH000001' });
    expect(Date.parse(updated.updated_at)).toBeGreaterThan(Date.parse(vehicle.updated_at));

    const unchanged = await api.request(`/api/v1/vehicles/${vehicle.id}`, { method: 'PATCH', token: alice.token, json: {} });
    expect(await bodyOf(unchanged, Vehicle, 200)).toEqual(updated);
  });

  test('keeps one primary vehicle per user, leaving other users alone', async ({ api, alice, bob, admin }) => {
    const { vehicle: bobs } = await addVehicle(api, bob, { ...van, is_primary: true });
    const { vehicle: first } = await addVehicle(api, alice, { ...van, model: 'first', is_primary: true });
    const { vehicle: second } = await addVehicle(api, alice, { ...van, model: 'second' });

    const promoted = await api.request(`/api/v1/vehicles/${second.id}`, { method: 'PATCH', token: alice.token, json: { is_primary: true } });
    expect((await bodyOf(promoted, Vehicle, 200)).is_primary).toBe(true);
    expect((await vehicleOf(api, alice, first.id)).is_primary).toBe(false);

    const { vehicle: third } = await addVehicle(api, alice, { ...van, model: 'third', is_primary: true });
    const list = await listed(api, alice);
    expect(list.data.filter((v) => v.is_primary).map((v) => v.id)).toEqual([third.id]);
    expect((await vehicleOf(api, bob, bobs.id)).is_primary).toBe(true);

    // Outside the admin scope an administrator is an ordinary user here too.
    await addVehicle(api, admin, { ...van, model: 'admin', is_primary: true });
    expect((await vehicleOf(api, alice, third.id)).is_primary).toBe(true);
    expect((await vehicleOf(api, bob, bobs.id)).is_primary).toBe(true);
  });

  test('deletes a vehicle with its maintenance log and keeps its trips without it', async ({ api, alice }) => {
    const { vehicle } = await addVehicle(api, alice, van);
    const record = await api.request(`/api/v1/vehicles/${vehicle.id}/maintenance`, {
      method: 'POST',
      token: alice.token,
      json: { maintenance_type: 'oil_change', service_date: '2026-01-10' },
    });
    await bodyOf(record, MaintenanceRecord, 201);
    const trip = await bodyOf(
      await api.request('/api/v1/trips', {
        method: 'POST',
        token: alice.token,
        json: { name: 'Alps', origin: { address: 'Munich' }, destination: { address: 'Bolzano' }, vehicle_id: vehicle.id },
      }),
      Trip,
      201,
    );

    const deleted = await api.request(`/api/v1/vehicles/${vehicle.id}`, { method: 'DELETE', token: alice.token });
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe('');
    expect((await api.request(`/api/v1/vehicles/${vehicle.id}`, { token: alice.token })).status).toBe(404);
    const { rows } = await api.database.owner.query<{ n: number }>(
      'select count(*)::int as n from public.vehicle_maintenance where vehicle_id = $1',
      [vehicle.id],
    );
    expect(rows[0].n).toBe(0);
    const keptTrip = await bodyOf(await api.request(`/api/v1/trips/${trip.id}`, { token: alice.token }), TripDetail, 200);
    expect(keptTrip).toMatchObject({ id: trip.id, vehicle_id: null });
  });
});
