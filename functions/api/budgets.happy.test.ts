import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiUser, createTestApi, type TestApi } from '../../test/support/app.ts';

let api: TestApi;
let alice: ApiUser;

beforeAll(async () => {
  api = await createTestApi();
  alice = await api.signIn();
});
afterAll(() => api.close());

async function send(method: string, path: string, body: unknown, expected: number, user = alice) {
  const response = await api.request(path, { method, token: user.token, json: body });
  expect(response.status, await response.clone().text()).toBe(expected);
  return response;
}

const post = async (path: string, body: unknown, user = alice) => (await send('POST', path, body, 201, user)).json();
const patch = async (path: string, body: unknown, user = alice) => (await send('PATCH', path, body, 200, user)).json();
const get = async (path: string, user = alice) => (await send('GET', path, undefined, 200, user)).json();

const newBudget = (fields: Record<string, unknown> = {}, user = alice) =>
  post('/api/v1/budgets', { name: 'Household', total_amount: '1000.00', start_date: '2026-01-01', ...fields }, user);

describe('budgets', () => {
  it('creates a budget: 201, Location, defaults, money as a two-place string', async () => {
    const winter = { name: 'Winter in Spain', total_amount: 2500, start_date: '2026-11-01', end_date: '2027-02-28' };
    const response = await send('POST', '/api/v1/budgets', winter, 201);
    const budget = await response.json();
    expect(response.headers.get('location')).toBe(`/api/v1/budgets/${budget.id}`);
    expect(budget).toMatchObject({
      name: 'Winter in Spain',
      user_id: alice.id,
      total_amount: '2500.00',
      currency: 'USD',
      budget_period: 'monthly',
      start_date: '2026-11-01',
      end_date: '2027-02-28',
      is_active: true,
      description: null,
    });
    expect(await get(`/api/v1/budgets/${budget.id}`)).toEqual(budget);
  });

  it('updates a budget and leaves unsent fields alone', async () => {
    const budget = await newBudget({ currency: 'EUR', budget_period: 'yearly' });
    const updated = await patch(`/api/v1/budgets/${budget.id}`, { total_amount: '1200.5', end_date: '2026-12-31', description: 'all in' });
    expect(updated).toMatchObject({
      total_amount: '1200.50',
      end_date: '2026-12-31',
      description: 'all in',
      currency: 'EUR',
      budget_period: 'yearly',
      name: 'Household',
    });
    expect(await patch(`/api/v1/budgets/${budget.id}`, {})).toEqual(updated);
    expect((await patch(`/api/v1/budgets/${budget.id}`, { end_date: null })).end_date).toBeNull();
  });

  it('deletes a budget with its categories: 204, then 404', async () => {
    const budget = await newBudget();
    const category = await post(`/api/v1/budgets/${budget.id}/categories`, { name: 'Rent', allocated_amount: '500' });
    expect((await api.request(`/api/v1/budgets/${budget.id}`, { method: 'DELETE', token: alice.token })).status).toBe(204);
    expect((await api.request(`/api/v1/budgets/${budget.id}`, { token: alice.token })).status).toBe(404);
    expect((await api.request(`/api/v1/budgets/${budget.id}/categories`, { token: alice.token })).status).toBe(404);
    const { rows } = await api.database.owner.query('select 1 from public.budget_categories where id = $1', [category.id]);
    expect(rows).toEqual([]);
  });

  it('lists own budgets newest first, page by page', async () => {
    const bob = await api.signIn();
    const names = ['one', 'two', 'three', 'four', 'five'];
    for (const name of names) await newBudget({ name }, bob);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: { name: string }[]; next_cursor: string | null } = await get(
        `/api/v1/budgets?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        bob,
      );
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((b) => b.name));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual([...names].reverse());
  });
});

describe('budget summary', () => {
  it('has the whole amount remaining for a budget without categories', async () => {
    const budget = await newBudget({ name: 'Empty', total_amount: '750.25', currency: 'GBP' });
    expect(await get(`/api/v1/budgets/${budget.id}/summary`)).toEqual({
      id: budget.id,
      user_id: alice.id,
      name: 'Empty',
      currency: 'GBP',
      total_amount: '750.25',
      total_allocated: '0.00',
      total_spent: '0.00',
      remaining_budget: '750.25',
    });
  });

  it('adds up the active categories only', async () => {
    const budget = await newBudget({ total_amount: '900.00' });
    const base = `/api/v1/budgets/${budget.id}/categories`;
    const groceries = await post(base, { name: 'Groceries', allocated_amount: '300.10' });
    const fuel = await post(base, { name: 'Fuel', allocated_amount: '200.20' });
    await post('/api/v1/expenses', {
      amount: '45.67',
      description: 'Market',
      category: 'food',
      expense_date: '2026-01-03',
      budget_category_id: groceries.id,
    });
    await post('/api/v1/expenses', {
      amount: '60.00',
      description: 'Diesel',
      category: 'fuel',
      expense_date: '2026-01-04',
      budget_category_id: fuel.id,
    });
    expect(await get(`/api/v1/budgets/${budget.id}/summary`)).toMatchObject({
      total_allocated: '500.30',
      total_spent: '105.67',
      remaining_budget: '794.33',
    });

    await patch(`${base}/${fuel.id}`, { is_active: false });
    expect(await get(`/api/v1/budgets/${budget.id}/summary`)).toMatchObject({
      total_allocated: '300.10',
      total_spent: '45.67',
      remaining_budget: '854.33',
    });
  });

  it('follows a change of the total amount', async () => {
    const budget = await newBudget({ total_amount: '100.00' });
    await patch(`/api/v1/budgets/${budget.id}`, { total_amount: '150.00' });
    expect(await get(`/api/v1/budgets/${budget.id}/summary`)).toMatchObject({ total_amount: '150.00', remaining_budget: '150.00' });
  });

  it('is 404 for an inactive budget, which has no summary', async () => {
    const budget = await newBudget({ is_active: false });
    expect((await api.request(`/api/v1/budgets/${budget.id}/summary`, { token: alice.token })).status).toBe(404);
    await patch(`/api/v1/budgets/${budget.id}`, { is_active: true });
    expect((await get(`/api/v1/budgets/${budget.id}/summary`)).remaining_budget).toBe('1000.00');
  });
});

describe('budget categories', () => {
  it('adds categories, lists them by sort_order, updates and deletes them', async () => {
    const budget = await newBudget();
    const base = `/api/v1/budgets/${budget.id}/categories`;
    const savingsBody = { name: 'Savings', allocated_amount: 100, category_type: 'savings', sort_order: 2, color: '#1a2B3c' };
    const response = await send('POST', base, savingsBody, 201);
    const savings = await response.json();
    expect(response.headers.get('location')).toBe(`${base}/${savings.id}`);
    expect(savings).toMatchObject({
      budget_id: budget.id,
      name: 'Savings',
      allocated_amount: '100.00',
      spent_amount: '0.00',
      category_type: 'savings',
      color: '#1a2B3c',
      sort_order: 2,
      is_active: true,
      parent_category_id: null,
    });
    const rent = await post(base, { name: 'Rent', allocated_amount: '600.00', sort_order: 1 });
    const utilities = await post(base, { name: 'Utilities', allocated_amount: '80.00', sort_order: 1, parent_category_id: rent.id });
    expect(utilities.parent_category_id).toBe(rent.id);
    expect(utilities.category_type).toBe('expense');

    const listed = await get(base);
    expect(listed.data.map((c: { name: string }) => c.name)).toEqual(['Rent', 'Utilities', 'Savings']);
    expect(listed.next_cursor).toBeNull();

    const moved = await patch(`${base}/${savings.id}`, { sort_order: 0, allocated_amount: '150.5', parent_category_id: null });
    expect(moved).toMatchObject({ sort_order: 0, allocated_amount: '150.50' });
    expect((await get(base)).data.map((c: { name: string }) => c.name)).toEqual(['Savings', 'Rent', 'Utilities']);

    expect((await api.request(`${base}/${rent.id}`, { method: 'DELETE', token: alice.token })).status).toBe(204);
    const remaining = (await get(base)).data;
    expect(remaining.map((c: { name: string }) => c.name)).toEqual(['Savings', 'Utilities']);
    expect(remaining.find((c: { name: string }) => c.name === 'Utilities').parent_category_id).toBeNull();
    expect((await api.request(`${base}/${rent.id}`, { method: 'DELETE', token: alice.token })).status).toBe(404);
  });

  it('never takes spent_amount from a body', async () => {
    const budget = await newBudget();
    const base = `/api/v1/budgets/${budget.id}/categories`;
    const category = await post(base, { name: 'Fun', allocated_amount: '50.00', spent_amount: '49.00', budget_id: crypto.randomUUID() });
    expect(category).toMatchObject({ spent_amount: '0.00', budget_id: budget.id });
    const patched = await patch(`${base}/${category.id}`, { spent_amount: '10.00', name: 'More fun' });
    expect(patched).toMatchObject({ spent_amount: '0.00', name: 'More fun' });
    expect((await get(`/api/v1/budgets/${budget.id}/summary`)).total_spent).toBe('0.00');
  });
});
