import { z } from '@hono/zod-openapi';
import type { ApiUser, TestApi } from '../../../test/support/app.ts';
import { bodyOf, describe, expect, test } from '../../../test/support/fixtures.ts';
import { MaintenanceRecord, UpcomingMaintenance } from '../../travel/maintenance.ts';
import { Vehicle } from '../../travel/vehicles.ts';

const RecordPage = z.object({ data: z.array(MaintenanceRecord), next_cursor: z.string().nullable() });
const UpcomingPage = z.object({ data: z.array(UpcomingMaintenance), next_cursor: z.string().nullable() });

/** A date `days` from today (UTC), as the API writes dates. */
function daysFromToday(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

async function addVehicle(api: TestApi, user: ApiUser, body: Record<string, unknown> = {}) {
  const response = await api.request('/api/v1/vehicles', {
    method: 'POST',
    token: user.token,
    json: { make: 'Mercedes', model: 'Sprinter', year: 2018, license_plate: 'HH-PM 42', ...body },
  });
  return bodyOf(response, Vehicle, 201);
}

async function logService(api: TestApi, user: ApiUser, vehicleId: string, body: Record<string, unknown>) {
  const response = await api.request(`/api/v1/vehicles/${vehicleId}/maintenance`, { method: 'POST', token: user.token, json: body });
  return { response, record: await bodyOf(response, MaintenanceRecord, 201) };
}

async function upcoming(api: TestApi, user: ApiUser, query = '') {
  return bodyOf(await api.request(`/api/v1/maintenance/upcoming${query}`, { token: user.token }), UpcomingPage, 200);
}

const ids = (page: { data: { id: string }[] }) => page.data.map((item) => item.id);

describe('the maintenance log', () => {
  test('logs a service: 201, the record, Location, money as a decimal string', async ({ api, alice }) => {
    const vehicle = await addVehicle(api, alice);
    const { response, record } = await logService(api, alice, vehicle.id, {
      maintenance_type: 'oil_change',
      cost: 89.9,
      mileage: 120_500,
      service_date: '2026-03-14',
      next_service_date: '2026-09-14',
      next_service_mileage: 135_500,
      vendor: 'Garage Nord',
      receipt_url: 'https://receipts.example.com/1.pdf',
    });
    expect(response.headers.get('location')).toBe(`/api/v1/vehicles/${vehicle.id}/maintenance/${record.id}`);
    expect(record).toMatchObject({
      vehicle_id: vehicle.id,
      maintenance_type: 'oil_change',
      cost: '89.90',
      mileage: 120_500,
      service_date: '2026-03-14',
      next_service_date: '2026-09-14',
      next_service_mileage: 135_500,
      vendor: 'Garage Nord',
      description: null,
    });
    expect(record).not.toHaveProperty('updated_at');
  });

  test('lists the log by service date, most recent first, page by page', async ({ api, alice }) => {
    const vehicle = await addVehicle(api, alice);
    const logged: Record<string, string> = {};
    for (const date of ['2025-05-01', '2026-01-20', '2024-11-30', '2026-01-20']) {
      const { record } = await logService(api, alice, vehicle.id, { maintenance_type: 'inspection', service_date: date });
      logged[record.id] = date;
    }
    const log = `/api/v1/vehicles/${vehicle.id}/maintenance`;
    const first = await bodyOf(await api.request(`${log}?limit=3`, { token: alice.token }), RecordPage, 200);
    const second = await bodyOf(await api.request(`${log}?limit=3&cursor=${first.next_cursor}`, { token: alice.token }), RecordPage, 200);
    expect(second.next_cursor).toBeNull();
    const dates = [...ids(first), ...ids(second)].map((id) => logged[id]);
    expect(dates).toEqual(['2026-01-20', '2026-01-20', '2025-05-01', '2024-11-30']);
    expect(new Set([...ids(first), ...ids(second)]).size).toBe(4);
  });

  test('updates and deletes a record, only under its own vehicle', async ({ api, alice }) => {
    const vehicle = await addVehicle(api, alice);
    const otherVehicle = await addVehicle(api, alice);
    const { record } = await logService(api, alice, vehicle.id, { maintenance_type: 'tires', service_date: '2026-02-01' });
    const path = `/api/v1/vehicles/${vehicle.id}/maintenance/${record.id}`;

    const updated = await api.request(path, { method: 'PATCH', token: alice.token, json: { cost: '420', notes: 'winter set' } });
    expect(await bodyOf(updated, MaintenanceRecord, 200)).toMatchObject({
      id: record.id,
      cost: '420.00',
      notes: 'winter set',
      maintenance_type: 'tires',
    });

    const wrongParent = `/api/v1/vehicles/${otherVehicle.id}/maintenance/${record.id}`;
    expect((await api.request(wrongParent, { method: 'PATCH', token: alice.token, json: { notes: 'moved?' } })).status).toBe(404);
    expect((await api.request(wrongParent, { method: 'DELETE', token: alice.token })).status).toBe(404);

    const deleted = await api.request(path, { method: 'DELETE', token: alice.token });
    expect(deleted.status).toBe(204);
    expect((await api.request(path, { method: 'PATCH', token: alice.token, json: { notes: 'x' } })).status).toBe(404);
  });
});

describe('upcoming maintenance', () => {
  test('lists services due within the window, overdue ones first and flagged, with the vehicle', async ({ api, alice }) => {
    const van = await addVehicle(api, alice, { license_plate: 'M-VAN 1' });
    const car = await addVehicle(api, alice, { make: 'Toyota', model: 'Hilux', license_plate: null });
    const sold = await addVehicle(api, alice, { is_active: false });
    const log = async (vehicleId: string, body: Record<string, unknown>) => (await logService(api, alice, vehicleId, body)).record;

    const overdue = await log(van.id, { maintenance_type: 'inspection', service_date: daysFromToday(-400), next_service_date: daysFromToday(-3) });
    const soon = await log(car.id, { maintenance_type: 'oil_change', service_date: daysFromToday(-170), next_service_date: daysFromToday(5) });
    const today = await log(car.id, { maintenance_type: 'brakes', service_date: daysFromToday(-30), next_service_date: daysFromToday(0) });
    const lastDay = await log(van.id, { maintenance_type: 'tires', service_date: daysFromToday(-300), next_service_date: daysFromToday(30) });
    const later = await log(van.id, { maintenance_type: 'timing_belt', service_date: daysFromToday(-1000), next_service_date: daysFromToday(40) });
    await log(van.id, { maintenance_type: 'wipers', service_date: daysFromToday(-10) });
    await log(sold.id, { maintenance_type: 'oil_change', service_date: daysFromToday(-200), next_service_date: daysFromToday(1) });

    const page = await upcoming(api, alice);
    expect(ids(page)).toEqual([overdue.id, today.id, soon.id, lastDay.id]);
    expect(page.next_cursor).toBeNull();
    expect(page.data.map((item) => item.overdue)).toEqual([true, false, false, false]);
    expect(page.data.map((item) => item.days_until_due)).toEqual([-3, 0, 5, 30]);
    expect(page.data[0]).toMatchObject({
      maintenance_type: 'inspection',
      next_service_date: daysFromToday(-3),
      vehicle: { id: van.id, make: 'Mercedes', model: 'Sprinter', license_plate: 'M-VAN 1' },
    });
    expect(page.data[2].vehicle).toEqual({ id: car.id, make: 'Toyota', model: 'Hilux', license_plate: null });

    expect(ids(await upcoming(api, alice, '?days=45'))).toEqual([overdue.id, today.id, soon.id, lastDay.id, later.id]);
    expect(ids(await upcoming(api, alice, '?days=1'))).toEqual([overdue.id, today.id]);
  });

  test('forgets a due date once the same service has been logged again', async ({ api, alice }) => {
    const vehicle = await addVehicle(api, alice);
    await logService(api, alice, vehicle.id, { maintenance_type: 'oil_change', service_date: daysFromToday(-200), next_service_date: daysFromToday(-20) });
    const { record: redone } = await logService(api, alice, vehicle.id, {
      maintenance_type: 'Oil_Change',
      service_date: daysFromToday(-15),
      next_service_date: daysFromToday(20),
    });
    const page = await upcoming(api, alice);
    expect(ids(page)).toEqual([redone.id]);
    expect(page.data[0].overdue).toBe(false);
  });

  test('pages through due services in order', async ({ api, alice }) => {
    const vehicle = await addVehicle(api, alice);
    const expected: string[] = [];
    for (const [type, due] of [['a', 2], ['b', 1], ['c', 3], ['d', 1]] as const) {
      const { record } = await logService(api, alice, vehicle.id, {
        maintenance_type: type,
        service_date: daysFromToday(-1),
        next_service_date: daysFromToday(due),
      });
      expected.push(record.id);
    }
    const seen: { id: string; days_until_due: number }[] = [];
    let cursor: string | null = null as string | null;
    do {
      const page = await upcoming(api, alice, cursor ? `?limit=1&cursor=${cursor}` : '?limit=1');
      seen.push(...page.data);
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen.map((item) => item.days_until_due)).toEqual([1, 1, 2, 3]);
    expect(new Set(seen.map((item) => item.id))).toEqual(new Set(expected));
  });
});
