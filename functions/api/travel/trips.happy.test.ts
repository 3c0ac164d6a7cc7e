import { z } from '@hono/zod-openapi';
import type { ApiUser, TestApi } from '../../../test/support/app.ts';
import { bodyOf, describe, expect, test } from '../../../test/support/fixtures.ts';
import { Todo } from '../../todos/todos.ts';
import { Trip, TripDetail } from '../../travel/trips.ts';
import { Vehicle } from '../../travel/vehicles.ts';

const TripPage = z.object({ data: z.array(Trip), next_cursor: z.string().nullable() });

const route = { origin: { address: 'Hamburg' }, destination: { address: 'Lisbon' } };

async function planTrip(api: TestApi, user: ApiUser, body: Record<string, unknown> = {}) {
  const response = await api.request('/api/v1/trips', { method: 'POST', token: user.token, json: { name: 'Trip', ...route, ...body } });
  return { response, trip: await bodyOf(response, Trip, 201) };
}

const patchTrip = (api: TestApi, user: ApiUser, id: string, json: unknown) =>
  api.request(`/api/v1/trips/${id}`, { method: 'PATCH', token: user.token, json });

const tripOf = async (api: TestApi, user: ApiUser, id: string) =>
  bodyOf(await api.request(`/api/v1/trips/${id}`, { token: user.token }), TripDetail, 200);

async function addVehicle(api: TestApi, user: ApiUser, body: Record<string, unknown>) {
  return bodyOf(await api.request('/api/v1/vehicles', { method: 'POST', token: user.token, json: body }), Vehicle, 201);
}

async function addTodo(api: TestApi, user: ApiUser, body: Record<string, unknown>) {
  return bodyOf(await api.request('/api/v1/todos', { method: 'POST', token: user.token, json: body }), Todo, 201);
}

describe('trips', () => {
  test('plans a trip: 201, the object, Location, owner and defaults set by the server', async ({ api, alice }) => {
    const vehicle = await addVehicle(api, alice, { make: 'VW', model: 'T6', year: 2020 });
    const { response, trip } = await planTrip(api, alice, {
      name: 'Atlantic coast',
      vehicle_id: vehicle.id,
      waypoints: [{ address: 'Bordeaux' }, { address: 'Porto' }],
      start_date: '2026-06-01',
      end_date: '2026-06-21',
      estimated_distance: 2850.5,
      estimated_cost: '1200',
      estimated_duration: 1980,
    });
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
    const { trip: minimal } = await planTrip(api, alice);
    expect(minimal).toMatchObject({ waypoints: [], status: 'planned', vehicle_id: null, start_date: null });
  });

  test('ignores server-owned fields in the body', async ({ api, alice }) => {
    const someoneElse = crypto.randomUUID();
    const { trip } = await planTrip(api, alice, { id: someoneElse, user_id: someoneElse, updated_at: '2001-01-01T00:00:00Z' });
    expect(trip.user_id).toBe(alice.id);
    expect(trip.id).not.toBe(someoneElse);
    expect(trip.updated_at.startsWith('2001')).toBe(false);
  });

  test('shows the total of linked expenses and the number of linked todos on a single trip', async ({ api, alice }) => {
    const { trip } = await planTrip(api, alice);
    expect(await tripOf(api, alice, trip.id)).toMatchObject({ ...trip, expense_total: '0.00', todo_count: 0 });

    for (const amount of ['12.10', '0.20', '100.05']) {
      await api.database.owner.query(
        `insert into public.expenses (user_id, amount, description, category, expense_date, trip_id)
         values ($1, $2, 'fuel', 'fuel', '2026-06-02', $3)`,
        [alice.id, amount, trip.id],
      );
    }
    for (const title of ['Book ferry', 'Pack snorkel']) await addTodo(api, alice, { title, trip_id: trip.id });
    await addTodo(api, alice, { title: 'unrelated' });

    const detail = await tripOf(api, alice, trip.id);
    expect(detail.expense_total).toBe('112.35');
    expect(detail.todo_count).toBe(2);
  });

  test('filters by status and vehicle', async ({ api, alice }) => {
    const vehicle = await addVehicle(api, alice, { make: 'Ford', model: 'Nugget', year: 2022 });
    const { trip: withVan } = await planTrip(api, alice, { vehicle_id: vehicle.id });
    const { trip: done } = await planTrip(api, alice, { status: 'completed' });
    const list = async (query: string) =>
      (await bodyOf(await api.request(`/api/v1/trips?${query}`, { token: alice.token }), TripPage, 200)).data.map((t) => t.id);
    expect(await list(`vehicle_id=${vehicle.id}`)).toEqual([withVan.id]);
    expect(await list('status=completed')).toEqual([done.id]);
    expect(await list('status=planned')).toEqual([withVan.id]);
  });

  test('selects trips whose dates intersect [from, to]', async ({ api, alice }) => {
    const make = async (name: string, dates: Record<string, string>) => ({ name, id: (await planTrip(api, alice, { name, ...dates })).trip.id });
    const trips = [
      await make('early June', { start_date: '2026-06-01', end_date: '2026-06-10' }),
      await make('late June', { start_date: '2026-06-10', end_date: '2026-06-20' }),
      await make('starts in July', { start_date: '2026-07-01' }),
      await make('undated', {}),
      await make('ends in May', { end_date: '2026-05-30' }),
    ];
    const named = async (query: string) => {
      const page = await bodyOf(await api.request(`/api/v1/trips?${query}`, { token: alice.token }), TripPage, 200);
      const ids = page.data.map((t) => t.id);
      return trips.filter((t) => ids.includes(t.id)).map((t) => t.name);
    };
    expect(await named('from=2026-06-10&to=2026-06-10')).toEqual(['early June', 'late June']);
    expect(await named('from=2026-06-11')).toEqual(['late June', 'starts in July']);
    expect(await named('to=2026-06-01')).toEqual(['early June', 'ends in May']);
    expect(await named('from=2026-06-21&to=2026-06-30')).toEqual([]);
    expect(await named('from=2026-05-01&to=2026-12-31')).toEqual(['early June', 'late June', 'starts in July', 'ends in May']);
    expect(await named('')).toEqual(trips.map((t) => t.name));
  });

  test('updates fields and moves updated_at', async ({ api, alice }) => {
    const { trip } = await planTrip(api, alice, { start_date: '2026-08-01' });
    const response = await patchTrip(api, alice, trip.id, { end_date: '2026-08-09', actual_cost: 1530.4, weather_data: { forecast: 'sunny' } });
    const updated = await bodyOf(response, Trip, 200);
    expect(updated).toMatchObject({ start_date: '2026-08-01', end_date: '2026-08-09', actual_cost: '1530.40', weather_data: { forecast: 'sunny' } });
    expect(Date.parse(updated.updated_at)).toBeGreaterThan(Date.parse(trip.updated_at));
  });

  test('moves through its life: planned, in progress, completed; and reopens only when asked', async ({ api, alice }) => {
    const { trip } = await planTrip(api, alice);
    for (const status of ['in_progress', 'completed'] as const) {
      expect((await bodyOf(await patchTrip(api, alice, trip.id, { status }), Trip, 200)).status).toBe(status);
    }
    const reopened = await bodyOf(await patchTrip(api, alice, trip.id, { status: 'planned', reopen: true, name: 'Second attempt' }), Trip, 200);
    expect(reopened).toMatchObject({ status: 'planned', name: 'Second attempt' });
    expect(reopened).not.toHaveProperty('reopen');

    const cancelled = await bodyOf(await patchTrip(api, alice, trip.id, { status: 'cancelled' }), Trip, 200);
    expect(cancelled.status).toBe('cancelled');
    const restarted = await bodyOf(await patchTrip(api, alice, trip.id, { status: 'in_progress', reopen: true }), Trip, 200);
    expect(restarted.status).toBe('in_progress');
  });

  test('lets a finished trip be edited without touching its status', async ({ api, alice }) => {
    const { trip } = await planTrip(api, alice, { status: 'completed' });
    const response = await patchTrip(api, alice, trip.id, { actual_distance: '2911.70', status: 'completed' });
    expect(await bodyOf(response, Trip, 200)).toMatchObject({ status: 'completed', actual_distance: '2911.70' });
  });

  test('deletes a trip and keeps its todos without it', async ({ api, alice }) => {
    const { trip } = await planTrip(api, alice);
    const todo = await addTodo(api, alice, { title: 'Pack', trip_id: trip.id });
    const deleted = await api.request(`/api/v1/trips/${trip.id}`, { method: 'DELETE', token: alice.token });
    expect(deleted.status).toBe(204);
    expect((await api.request(`/api/v1/trips/${trip.id}`, { token: alice.token })).status).toBe(404);
    const kept = await bodyOf(await api.request(`/api/v1/todos/${todo.id}`, { token: alice.token }), Todo, 200);
    expect(kept.trip_id).toBeNull();
  });
});
