import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiUser, createTestApi, type TestApi } from '../../test/support/app.ts';

let api: TestApi;
let alice: ApiUser;

beforeAll(async () => {
  api = await createTestApi();
  alice = await api.signIn();
});
afterAll(() => api.close());

/** A date `days` from today (UTC), as the API writes dates. */
function daysFromToday(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

async function addVehicle(user: ApiUser, body: Record<string, unknown> = {}) {
  const response = await api.request('/api/v1/vehicles', {
    method: 'POST',
    token: user.token,
    json: { make: 'Mercedes', model: 'Sprinter', year: 2018, license_plate: 'HH-PM 42', ...body },
  });
  expect(response.status).toBe(201);
  return response.json();
}

async function logService(user: ApiUser, vehicleId: string, body: Record<string, unknown>) {
  const response = await api.request(`/api/v1/vehicles/${vehicleId}/maintenance`, { method: 'POST', token: user.token, json: body });
  expect(response.status, await response.clone().text()).toBe(201);
  return response;
}

const ids = (page: { data: { id: string }[] }) => page.data.map((item) => item.id);

describe('the maintenance log', () => {
  it('logs a service: 201, the record, Location, money as a decimal string', async () => {
    const vehicle = await addVehicle(alice);
    const response = await logService(alice, vehicle.id, {
      maintenance_type: 'oil_change',
      cost: 89.9,
      mileage: 120_500,
      service_date: '2026-03-14',
      next_service_date: '2026-09-14',
      next_service_mileage: 135_500,
      vendor: 'Garage Nord',
      receipt_url: 'https://receipts.example.com/1.pdf',
    });
    const record = await response.json();
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

  it('lists the log by service date, most recent first, page by page', async () => {
    const vehicle = await addVehicle(alice);
    const logged: Record<string, string> = {};
    for (const date of ['2025-05-01', '2026-01-20', '2024-11-30', '2026-01-20']) {
      const record = await (await logService(alice, vehicle.id, { maintenance_type: 'inspection', service_date: date })).json();
      logged[record.id] = date;
    }
    const first = await (await api.request(`/api/v1/vehicles/${vehicle.id}/maintenance?limit=3`, { token: alice.token })).json();
    const second = await (
      await api.request(`/api/v1/vehicles/${vehicle.id}/maintenance?limit=3&cursor=${first.next_cursor}`, { token: alice.token })
    ).json();
    expect(second.next_cursor).toBeNull();
    const dates = [...ids(first), ...ids(second)].map((id) => logged[id]);
    expect(dates).toEqual(['2026-01-20', '2026-01-20', '2025-05-01', '2024-11-30']);
    expect(new Set([...ids(first), ...ids(second)]).size).toBe(4);
  });

  it('updates and deletes a record, only under its own vehicle', async () => {
    const vehicle = await addVehicle(alice);
    const otherVehicle = await addVehicle(alice);
    const record = await (await logService(alice, vehicle.id, { maintenance_type: 'tires', service_date: '2026-02-01' })).json();
    const path = `/api/v1/vehicles/${vehicle.id}/maintenance/${record.id}`;

    const updated = await api.request(path, { method: 'PATCH', token: alice.token, json: { cost: '420', notes: 'winter set' } });
    expect(updated.status).toBe(200);
    expect(await updated.json()).toMatchObject({ id: record.id, cost: '420.00', notes: 'winter set', maintenance_type: 'tires' });

    const wrongParent = `/api/v1/vehicles/${otherVehicle.id}/maintenance/${record.id}`;
    expect((await api.request(wrongParent, { method: 'PATCH', token: alice.token, json: { notes: 'moved?' } })).status).toBe(404);
    expect((await api.request(wrongParent, { method: 'DELETE', token: alice.token })).status).toBe(404);

    const deleted = await api.request(path, { method: 'DELETE', token: alice.token });
    expect(deleted.status).toBe(204);
    expect((await api.request(path, { method: 'PATCH', token: alice.token, json: { notes: 'x' } })).status).toBe(404);
  });
});

describe('upcoming maintenance', () => {
  it('lists services due within the window, overdue ones first and flagged, with the vehicle', async () => {
    const user = await api.signIn();
    const van = await addVehicle(user, { license_plate: 'M-VAN 1' });
    const car = await addVehicle(user, { make: 'Toyota', model: 'Hilux', license_plate: null });
    const sold = await addVehicle(user, { is_active: false });

    const overdue = await (
      await logService(user, van.id, { maintenance_type: 'inspection', service_date: daysFromToday(-400), next_service_date: daysFromToday(-3) })
    ).json();
    const soon = await (
      await logService(user, car.id, { maintenance_type: 'oil_change', service_date: daysFromToday(-170), next_service_date: daysFromToday(5) })
    ).json();
    const today = await (
      await logService(user, car.id, { maintenance_type: 'brakes', service_date: daysFromToday(-30), next_service_date: daysFromToday(0) })
    ).json();
    const lastDay = await (
      await logService(user, van.id, { maintenance_type: 'tires', service_date: daysFromToday(-300), next_service_date: daysFromToday(30) })
    ).json();
    const later = await (
      await logService(user, van.id, { maintenance_type: 'timing_belt', service_date: daysFromToday(-1000), next_service_date: daysFromToday(40) })
    ).json();
    await logService(user, van.id, { maintenance_type: 'wipers', service_date: daysFromToday(-10) });
    await logService(user, sold.id, { maintenance_type: 'oil_change', service_date: daysFromToday(-200), next_service_date: daysFromToday(1) });

    const response = await api.request('/api/v1/maintenance/upcoming', { token: user.token });
    expect(response.status).toBe(200);
    const page = await response.json();
    expect(ids(page)).toEqual([overdue.id, today.id, soon.id, lastDay.id]);
    expect(page.next_cursor).toBeNull();
    expect(page.data.map((item: { overdue: boolean }) => item.overdue)).toEqual([true, false, false, false]);
    expect(page.data.map((item: { days_until_due: number }) => item.days_until_due)).toEqual([-3, 0, 5, 30]);
    expect(page.data[0]).toMatchObject({
      maintenance_type: 'inspection',
      next_service_date: daysFromToday(-3),
      vehicle: { id: van.id, make: 'Mercedes', model: 'Sprinter', license_plate: 'M-VAN 1' },
    });
    expect(page.data[2].vehicle).toEqual({ id: car.id, make: 'Toyota', model: 'Hilux', license_plate: null });

    const wider = await (await api.request('/api/v1/maintenance/upcoming?days=45', { token: user.token })).json();
    expect(ids(wider)).toEqual([overdue.id, today.id, soon.id, lastDay.id, later.id]);
    const narrow = await (await api.request('/api/v1/maintenance/upcoming?days=1', { token: user.token })).json();
    expect(ids(narrow)).toEqual([overdue.id, today.id]);
  });

  it('forgets a due date once the same service has been logged again', async () => {
    const user = await api.signIn();
    const vehicle = await addVehicle(user);
    await logService(user, vehicle.id, { maintenance_type: 'oil_change', service_date: daysFromToday(-200), next_service_date: daysFromToday(-20) });
    const redone = await (
      await logService(user, vehicle.id, { maintenance_type: 'Oil_Change', service_date: daysFromToday(-15), next_service_date: daysFromToday(20) })
    ).json();
    const page = await (await api.request('/api/v1/maintenance/upcoming', { token: user.token })).json();
    expect(ids(page)).toEqual([redone.id]);
    expect(page.data[0].overdue).toBe(false);
  });

  it('pages through due services in order', async () => {
    const user = await api.signIn();
    const vehicle = await addVehicle(user);
    const expected: string[] = [];
    for (const [type, due] of [['a', 2], ['b', 1], ['c', 3], ['d', 1]] as const) {
      const record = await (
        await logService(user, vehicle.id, { maintenance_type: type, service_date: daysFromToday(-1), next_service_date: daysFromToday(due) })
      ).json();
      expected.push(record.id);
    }
    const seen: { id: string; days_until_due: number }[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `limit=1&cursor=${cursor}` : 'limit=1';
      const page = await (await api.request(`/api/v1/maintenance/upcoming?${query}`, { token: user.token })).json();
      seen.push(...page.data);
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen.map((item) => item.days_until_due)).toEqual([1, 1, 2, 3]);
    expect(new Set(seen.map((item) => item.id))).toEqual(new Set(expected));
  });
});
