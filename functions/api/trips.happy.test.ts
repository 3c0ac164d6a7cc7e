import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiUser, createTestApi, type TestApi } from '../../test/support/app.ts';
import { ApiError } from '../errors.ts';
import { assertTripStatusChange, type TripStatus } from './trips.ts';

let api: TestApi;
let alice: ApiUser;

beforeAll(async () => {
  api = await createTestApi();
  alice = await api.signIn();
});
afterAll(() => api.close());

const route = { origin: { address: 'Hamburg' }, destination: { address: 'Lisbon' } };

async function planTrip(body: Record<string, unknown>, user = alice) {
  const response = await api.request('/api/v1/trips', { method: 'POST', token: user.token, json: { name: 'Trip', ...route, ...body } });
  expect(response.status, await response.clone().text()).toBe(201);
  return response;
}

const patchTrip = (id: string, json: unknown, user = alice) =>
  api.request(`/api/v1/trips/${id}`, { method: 'PATCH', token: user.token, json });

describe('trips', () => {
  it('plans a trip: 201, the object, Location, owner and defaults set by the server', async () => {
    const vehicle = await (
      await api.request('/api/v1/vehicles', { method: 'POST', token: alice.token, json: { make: 'VW', model: 'T6', year: 2020 } })
    ).json();
    const response = await planTrip({
      name: 'Atlantic coast',
      vehicle_id: vehicle.id,
      waypoints: [{ address: 'Bordeaux' }, { address: 'Porto' }],
      start_date: '2026-06-01',
      end_date: '2026-06-21',
      estimated_distance: 2850.5,
      estimated_cost: '1200',
      estimated_duration: 1980,
    });
    const trip = await response.json();
    expect(response.headers.get('location')).toBe(`/api/v1/trips/${trip.id}`);
    expect(trip).toMatchObject({
      user_id: alice.id,
      vehicle_id: vehicle.id,
      name: 'Atlantic coast',
      ...route,
      waypoints: [{ address: 'Bordeaux' }, { address: 'Porto' }],
      start_date: '2026-06-01',
      end_date: '2026-06-21',
      estimated_distance: '2850.50',
      estimated_cost: '1200.00',
      estimated_duration: 1980,
      actual_cost: null,
      status: 'planned',
    });
    const minimal = await (await planTrip({})).json();
    expect(minimal).toMatchObject({ waypoints: [], status: 'planned', vehicle_id: null, start_date: null });
  });

  it('ignores server-owned fields in the body', async () => {
    const someoneElse = crypto.randomUUID();
    const trip = await (await planTrip({ id: someoneElse, user_id: someoneElse, updated_at: '2001-01-01T00:00:00Z' })).json();
    expect(trip.user_id).toBe(alice.id);
    expect(trip.id).not.toBe(someoneElse);
    expect(trip.updated_at.startsWith('2001')).toBe(false);
  });

  it('shows the total of linked expenses and the number of linked todos on a single trip', async () => {
    const user = await api.signIn();
    const trip = await (await planTrip({}, user)).json();
    const empty = await (await api.request(`/api/v1/trips/${trip.id}`, { token: user.token })).json();
    expect(empty).toMatchObject({ ...trip, expense_total: '0.00', todo_count: 0 });

    for (const amount of ['12.10', '0.20', '100.05']) {
      await api.database.owner.query(
        `insert into public.expenses (user_id, amount, description, category, expense_date, trip_id)
         values ($1, $2, 'fuel', 'fuel', '2026-06-02', $3)`,
        [user.id, amount, trip.id],
      );
    }
    for (const title of ['Book ferry', 'Pack snorkel']) {
      const todo = await api.request('/api/v1/todos', { method: 'POST', token: user.token, json: { title, trip_id: trip.id } });
      expect(todo.status).toBe(201);
    }
    await api.request('/api/v1/todos', { method: 'POST', token: user.token, json: { title: 'unrelated' } });

    const detail = await (await api.request(`/api/v1/trips/${trip.id}`, { token: user.token })).json();
    expect(detail.expense_total).toBe('112.35');
    expect(detail.todo_count).toBe(2);
  });

  it('filters by status and vehicle', async () => {
    const user = await api.signIn();
    const vehicle = await (
      await api.request('/api/v1/vehicles', { method: 'POST', token: user.token, json: { make: 'Ford', model: 'Nugget', year: 2022 } })
    ).json();
    const withVan = await (await planTrip({ vehicle_id: vehicle.id }, user)).json();
    const done = await (await planTrip({ status: 'completed' }, user)).json();
    const list = async (query: string) =>
      (await (await api.request(`/api/v1/trips?${query}`, { token: user.token })).json()).data.map((t: { id: string }) => t.id);
    expect(await list(`vehicle_id=${vehicle.id}`)).toEqual([withVan.id]);
    expect(await list('status=completed')).toEqual([done.id]);
    expect(await list('status=planned')).toEqual([withVan.id]);
  });

  it('selects trips whose dates intersect [from, to]', async () => {
    const user = await api.signIn();
    const make = async (name: string, dates: Record<string, string>) => ({ name, id: (await (await planTrip({ name, ...dates }, user)).json()).id });
    const trips = [
      await make('early June', { start_date: '2026-06-01', end_date: '2026-06-10' }),
      await make('late June', { start_date: '2026-06-10', end_date: '2026-06-20' }),
      await make('starts in July', { start_date: '2026-07-01' }),
      await make('undated', {}),
      await make('ends in May', { end_date: '2026-05-30' }),
    ];
    const named = async (query: string) => {
      const response = await api.request(`/api/v1/trips?${query}`, { token: user.token });
      expect(response.status).toBe(200);
      const ids: string[] = (await response.json()).data.map((t: { id: string }) => t.id);
      return trips.filter((t) => ids.includes(t.id)).map((t) => t.name);
    };
    expect(await named('from=2026-06-10&to=2026-06-10')).toEqual(['early June', 'late June']);
    expect(await named('from=2026-06-11')).toEqual(['late June', 'starts in July']);
    expect(await named('to=2026-06-01')).toEqual(['early June', 'ends in May']);
    expect(await named('from=2026-06-21&to=2026-06-30')).toEqual([]);
    expect(await named('from=2026-05-01&to=2026-12-31')).toEqual(['early June', 'late June', 'starts in July', 'ends in May']);
    expect(await named('')).toEqual(trips.map((t) => t.name));
  });

  it('updates fields and moves updated_at', async () => {
    const trip = await (await planTrip({ start_date: '2026-08-01' })).json();
    const response = await patchTrip(trip.id, { end_date: '2026-08-09', actual_cost: 1530.4, weather_data: { forecast: 'sunny' } });
    expect(response.status).toBe(200);
    const updated = await response.json();
    expect(updated).toMatchObject({ start_date: '2026-08-01', end_date: '2026-08-09', actual_cost: '1530.40', weather_data: { forecast: 'sunny' } });
    expect(Date.parse(updated.updated_at)).toBeGreaterThan(Date.parse(trip.updated_at));
  });

  it('moves through its life: planned, in progress, completed; and reopens only when asked', async () => {
    const trip = await (await planTrip({})).json();
    for (const status of ['in_progress', 'completed'] as const) {
      const response = await patchTrip(trip.id, { status });
      expect(response.status).toBe(200);
      expect((await response.json()).status).toBe(status);
    }
    const reopened = await patchTrip(trip.id, { status: 'planned', reopen: true, name: 'Second attempt' });
    expect(reopened.status).toBe(200);
    const body = await reopened.json();
    expect(body).toMatchObject({ status: 'planned', name: 'Second attempt' });
    expect(body).not.toHaveProperty('reopen');

    const cancelled = await (await patchTrip(trip.id, { status: 'cancelled' })).json();
    expect(cancelled.status).toBe('cancelled');
    const restarted = await patchTrip(trip.id, { status: 'in_progress', reopen: true });
    expect((await restarted.json()).status).toBe('in_progress');
  });

  it('lets a finished trip be edited without touching its status', async () => {
    const trip = await (await planTrip({ status: 'completed' })).json();
    const response = await patchTrip(trip.id, { actual_distance: '2911.70', status: 'completed' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'completed', actual_distance: '2911.70' });
  });

  it('deletes a trip and keeps its todos without it', async () => {
    const trip = await (await planTrip({})).json();
    const todo = await (
      await api.request('/api/v1/todos', { method: 'POST', token: alice.token, json: { title: 'Pack', trip_id: trip.id } })
    ).json();
    const deleted = await api.request(`/api/v1/trips/${trip.id}`, { method: 'DELETE', token: alice.token });
    expect(deleted.status).toBe(204);
    expect((await api.request(`/api/v1/trips/${trip.id}`, { token: alice.token })).status).toBe(404);
    const kept = await (await api.request(`/api/v1/todos/${todo.id}`, { token: alice.token })).json();
    expect(kept.trip_id).toBeNull();
  });
});

describe('the trip status rule', () => {
  // Written out by hand from the documented life of a trip, not derived from the code.
  const allowedWithoutReopen: [TripStatus, TripStatus][] = [
    ['planned', 'planned'],
    ['planned', 'in_progress'],
    ['planned', 'completed'],
    ['planned', 'cancelled'],
    ['in_progress', 'in_progress'],
    ['in_progress', 'planned'],
    ['in_progress', 'completed'],
    ['in_progress', 'cancelled'],
    ['completed', 'completed'],
    ['cancelled', 'cancelled'],
  ];
  const allowedOnlyWithReopen: [TripStatus, TripStatus][] = [
    ['completed', 'planned'],
    ['completed', 'in_progress'],
    ['cancelled', 'planned'],
    ['cancelled', 'in_progress'],
  ];
  const neverAllowed: [TripStatus, TripStatus][] = [
    ['completed', 'cancelled'],
    ['cancelled', 'completed'],
  ];
  const refusal = (from: TripStatus, to: TripStatus, reopen: boolean) => {
    try {
      assertTripStatusChange(from, to, reopen);
      return null;
    } catch (error) {
      return error instanceof ApiError ? error.status : error;
    }
  };

  it('covers every pair of statuses', () => {
    expect(allowedWithoutReopen.length + allowedOnlyWithReopen.length + neverAllowed.length).toBe(16);
  });

  it.each(allowedWithoutReopen)('allows %s -> %s', (from, to) => {
    expect(refusal(from, to, false)).toBeNull();
    expect(refusal(from, to, true)).toBeNull();
  });

  it.each(allowedOnlyWithReopen)('allows %s -> %s only with reopen', (from, to) => {
    expect(refusal(from, to, false)).toBe(409);
    expect(refusal(from, to, true)).toBeNull();
  });

  it.each(neverAllowed)('refuses %s -> %s even with reopen', (from, to) => {
    expect(refusal(from, to, false)).toBe(409);
    expect(refusal(from, to, true)).toBe(409);
  });
});
