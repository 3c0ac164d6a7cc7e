import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiUser, createTestApi, type TestApi } from '../../test/support/app.ts';

let api: TestApi;
let alice: ApiUser;

beforeAll(async () => {
  api = await createTestApi();
  alice = await api.signIn();
});
afterAll(() => api.close());

async function post(path: string, body: unknown, user = alice) {
  const response = await api.request(path, { method: 'POST', token: user.token, json: body });
  expect(response.status, await response.clone().text()).toBe(201);
  return response.json();
}

async function get(path: string, user = alice) {
  const response = await api.request(path, { token: user.token });
  expect(response.status, await response.clone().text()).toBe(200);
  return response.json();
}

async function patch(path: string, body: unknown, user = alice) {
  const response = await api.request(path, { method: 'PATCH', token: user.token, json: body });
  expect(response.status, await response.clone().text()).toBe(200);
  return response.json();
}

const expense = (fields: Record<string, unknown>, user = alice) =>
  post('/api/v1/expenses', { description: 'something', category: 'misc', expense_date: '2026-03-01', amount: '1.00', ...fields }, user);

/** A budget with two categories, as the user sets one up. */
async function budgetWithCategories(user = alice) {
  const budget = await post('/api/v1/budgets', { name: 'Road trip', total_amount: '500.00', start_date: '2026-03-01' }, user);
  const base = `/api/v1/budgets/${budget.id}/categories`;
  const fuel = await post(base, { name: 'Fuel', allocated_amount: '200.00' }, user);
  const food = await post(base, { name: 'Food', allocated_amount: '100.00' }, user);
  return { budget, fuel, food };
}

async function spentByCategory(budgetId: string, user = alice): Promise<Record<string, string>> {
  const { data } = await get(`/api/v1/budgets/${budgetId}/categories`, user);
  return Object.fromEntries(data.map((c: { name: string; spent_amount: string }) => [c.name, c.spent_amount]));
}

describe('expenses', () => {
  it('records an expense: 201, Location, money and dates as strings, the caller as owner', async () => {
    const response = await api.request('/api/v1/expenses', {
      method: 'POST',
      token: alice.token,
      json: {
        amount: 12.5,
        description: 'Diesel',
        category: 'fuel',
        expense_date: '2026-03-02',
        tags: ['van'],
        location: { city: 'Lyon' },
        receipt_url: 'https://example.com/r/1.jpg',
        user_id: crypto.randomUUID(),
      },
    });
    expect(response.status).toBe(201);
    const created = await response.json();
    expect(response.headers.get('location')).toBe(`/api/v1/expenses/${created.id}`);
    expect(created).toMatchObject({
      amount: '12.50',
      description: 'Diesel',
      category: 'fuel',
      expense_date: '2026-03-02',
      tags: ['van'],
      location: { city: 'Lyon' },
      user_id: alice.id,
      budget_category_id: null,
      is_recurring: false,
    });
    expect(await get(`/api/v1/expenses/${created.id}`)).toEqual(created);
  });

  it('updates and deletes an expense', async () => {
    const created = await expense({ description: 'Campsite', amount: '30' });
    const updated = await patch(`/api/v1/expenses/${created.id}`, { amount: '32.40', vendor: 'Camping du Lac' });
    expect(updated).toMatchObject({ amount: '32.40', vendor: 'Camping du Lac', description: 'Campsite' });
    expect(await patch(`/api/v1/expenses/${created.id}`, {})).toEqual(updated);

    const deleted = await api.request(`/api/v1/expenses/${created.id}`, { method: 'DELETE', token: alice.token });
    expect(deleted.status).toBe(204);
    expect((await api.request(`/api/v1/expenses/${created.id}`, { token: alice.token })).status).toBe(404);
  });

  it("moves the linked categories' spent_amount on create, amount change, category change and delete", async () => {
    const { budget, fuel, food } = await budgetWithCategories();
    const summaryPath = `/api/v1/budgets/${budget.id}/summary`;

    const fill = await expense({ amount: '40.00', budget_category_id: fuel.id });
    expect(await spentByCategory(budget.id)).toEqual({ Fuel: '40.00', Food: '0.00' });
    expect(await get(summaryPath)).toMatchObject({
      total_amount: '500.00',
      total_allocated: '300.00',
      total_spent: '40.00',
      remaining_budget: '460.00',
    });

    await patch(`/api/v1/expenses/${fill.id}`, { amount: '55.25' });
    expect(await spentByCategory(budget.id)).toEqual({ Fuel: '55.25', Food: '0.00' });

    await patch(`/api/v1/expenses/${fill.id}`, { budget_category_id: food.id });
    expect(await spentByCategory(budget.id)).toEqual({ Fuel: '0.00', Food: '55.25' });

    await patch(`/api/v1/expenses/${fill.id}`, { amount: '10.10', budget_category_id: fuel.id });
    expect(await spentByCategory(budget.id)).toEqual({ Fuel: '10.10', Food: '0.00' });
    expect(await get(summaryPath)).toMatchObject({ total_spent: '10.10', remaining_budget: '489.90' });

    const lunch = await expense({ amount: '5.00', budget_category_id: food.id });
    expect(await spentByCategory(budget.id)).toEqual({ Fuel: '10.10', Food: '5.00' });

    expect((await api.request(`/api/v1/expenses/${fill.id}`, { method: 'DELETE', token: alice.token })).status).toBe(204);
    expect(await spentByCategory(budget.id)).toEqual({ Fuel: '0.00', Food: '5.00' });

    await patch(`/api/v1/expenses/${lunch.id}`, { budget_category_id: null });
    expect(await spentByCategory(budget.id)).toEqual({ Fuel: '0.00', Food: '0.00' });
    expect(await get(summaryPath)).toMatchObject({ total_spent: '0.00', remaining_budget: '500.00' });
  });

  it('reports an overspent budget with a negative remaining amount', async () => {
    const { budget, fuel } = await budgetWithCategories();
    await expense({ amount: '480.00', budget_category_id: fuel.id });
    await expense({ amount: '20.01', budget_category_id: fuel.id });
    expect(await get(`/api/v1/budgets/${budget.id}/summary`)).toMatchObject({ total_spent: '500.01', remaining_budget: '-0.01' });
  });

  it('keeps an expense when its category or budget is deleted, unlinked', async () => {
    const { budget, fuel, food } = await budgetWithCategories();
    const onFuel = await expense({ amount: '7.00', budget_category_id: fuel.id });
    const onFood = await expense({ amount: '8.00', budget_category_id: food.id });

    const dropCategory = await api.request(`/api/v1/budgets/${budget.id}/categories/${fuel.id}`, { method: 'DELETE', token: alice.token });
    expect(dropCategory.status).toBe(204);
    expect(await get(`/api/v1/expenses/${onFuel.id}`)).toMatchObject({ amount: '7.00', budget_category_id: null });
    expect(await get(`/api/v1/budgets/${budget.id}/summary`)).toMatchObject({ total_spent: '8.00', remaining_budget: '492.00' });

    expect((await api.request(`/api/v1/budgets/${budget.id}`, { method: 'DELETE', token: alice.token })).status).toBe(204);
    expect(await get(`/api/v1/expenses/${onFood.id}`)).toMatchObject({ amount: '8.00', budget_category_id: null });
  });

  it('keeps money decimal: 0.1 + 0.2 is exactly 0.30, sent as numbers or as strings', async () => {
    const { budget, fuel } = await budgetWithCategories();
    const asNumbers = [await expense({ amount: 0.1, category: 'decimal-numbers' }), await expense({ amount: 0.2, category: 'decimal-numbers' })];
    expect(asNumbers.map((e) => e.amount)).toEqual(['0.10', '0.20']);
    await expense({ amount: '0.1', category: 'decimal-strings', budget_category_id: fuel.id });
    await expense({ amount: '0.2', category: 'decimal-strings', budget_category_id: fuel.id });

    for (const category of ['decimal-numbers', 'decimal-strings']) {
      const summary = await get(`/api/v1/expenses/summary?category=${category}`);
      expect(summary.total).toBe('0.30');
      expect(summary.groups).toEqual([{ key: category, total: '0.30', count: 2 }]);
    }
    expect((await spentByCategory(budget.id)).Fuel).toBe('0.30');
  });

  it('lists newest first and filters by date range, category, trip, budget category and tag', async () => {
    const bob = await api.signIn();
    const { rows } = await api.database.owner.query<{ id: string }>(
      `insert into public.trips (user_id, name, origin, destination) values ($1, 'Alps', '{}', '{}') returning id`,
      [bob.id],
    );
    const tripId = rows[0].id;
    const { fuel } = await budgetWithCategories(bob);
    const made = [
      await expense({ description: 'jan fuel', category: 'fuel', expense_date: '2026-01-31', budget_category_id: fuel.id }, bob),
      await expense({ description: 'feb food', category: 'food', expense_date: '2026-02-01', tags: ['alps'], trip_id: tripId }, bob),
      await expense({ description: 'feb fuel', category: 'fuel', expense_date: '2026-02-28', trip_id: tripId }, bob),
      await expense({ description: 'mar food', category: 'food', expense_date: '2026-03-01', tags: ['alps', 'treat'] }, bob),
    ];

    const descriptions = async (query: string) =>
      (await get(`/api/v1/expenses?${query}`, bob)).data.map((e: { description: string }) => e.description);

    expect(await descriptions('limit=100')).toEqual(made.map((e) => e.description).reverse());
    expect(await descriptions('from=2026-02-01&to=2026-02-28')).toEqual(['feb fuel', 'feb food']);
    expect(await descriptions('category=fuel')).toEqual(['feb fuel', 'jan fuel']);
    expect(await descriptions(`trip_id=${tripId}`)).toEqual(['feb fuel', 'feb food']);
    expect(await descriptions(`budget_category_id=${fuel.id}`)).toEqual(['jan fuel']);
    expect(await descriptions('tag=alps&from=2026-02-15')).toEqual(['mar food']);

    const firstPage = await get('/api/v1/expenses?limit=3', bob);
    expect(firstPage.data).toHaveLength(3);
    const secondPage = await get(`/api/v1/expenses?limit=3&cursor=${firstPage.next_cursor}`, bob);
    expect(secondPage.data.map((e: { description: string }) => e.description)).toEqual(['jan fuel']);
    expect(secondPage.next_cursor).toBeNull();
  });
});

describe('expense summary', () => {
  let carol: ApiUser;
  beforeAll(async () => {
    carol = await api.signIn();
    for (const [category, expense_date, amount] of [
      ['fuel', '2026-01-05', '60.00'],
      ['fuel', '2026-02-10', '45.50'],
      ['food', '2026-01-20', '12.25'],
      ['food', '2026-02-11', '8.75'],
      ['food', '2026-02-12', '100.00'],
      ['camping', '2026-03-01', '25.00'],
    ]) {
      await expense({ category, expense_date, amount }, carol);
    }
  });

  it('is served at /expenses/summary, not taken for an expense id', async () => {
    const response = await api.request('/api/v1/expenses/summary', { token: carol.token });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ group_by: 'category', from: null, to: null, count: 6 });
  });

  it('totals per category, largest first, with counts and a grand total', async () => {
    expect(await get('/api/v1/expenses/summary?group_by=category', carol)).toEqual({
      group_by: 'category',
      from: null,
      to: null,
      total: '251.50',
      count: 6,
      groups: [
        { key: 'food', total: '121.00', count: 3 },
        { key: 'fuel', total: '105.50', count: 2 },
        { key: 'camping', total: '25.00', count: 1 },
      ],
    });
  });

  it('totals per month in calendar order, within an inclusive date range', async () => {
    expect(await get('/api/v1/expenses/summary?group_by=month&from=2026-01-20&to=2026-02-11', carol)).toEqual({
      group_by: 'month',
      from: '2026-01-20',
      to: '2026-02-11',
      total: '66.50',
      count: 3,
      groups: [
        { key: '2026-01', total: '12.25', count: 1 },
        { key: '2026-02', total: '54.25', count: 2 },
      ],
    });
  });

  it('answers zero for a range without expenses, and counts only the caller’s own', async () => {
    expect(await get('/api/v1/expenses/summary?from=2030-01-01', carol)).toEqual({
      group_by: 'category',
      from: '2030-01-01',
      to: null,
      total: '0.00',
      count: 0,
      groups: [],
    });
    const newcomer = await api.signIn();
    expect(await get('/api/v1/expenses/summary?group_by=month', newcomer)).toMatchObject({ total: '0.00', count: 0, groups: [] });
  });
});
