import { z } from '@hono/zod-openapi';
import type { ApiUser, TestApi } from '../../../test/support/app.ts';
import { bodyOf, describe, expect, test } from '../../../test/support/fixtures.ts';
import { BudgetCategory } from '../../money/budget-categories.ts';
import { Budget, BudgetSummary } from '../../money/budgets.ts';
import { Expense } from '../../money/expenses.ts';

const BudgetPage = z.object({ data: z.array(Budget), next_cursor: z.string().nullable() });
const CategoryList = z.object({ data: z.array(BudgetCategory), next_cursor: z.null() });

/** The routes as one user calls them, each answer checked against its documented schema. */
function budgetsOf(api: TestApi, user: ApiUser) {
  const call = (method: string, path: string, json?: unknown) => api.request(path, { method, token: user.token, json });
  return {
    call,
    create: async (fields: Record<string, unknown> = {}) =>
      bodyOf(
        await call('POST', '/api/v1/budgets', { name: 'Household', total_amount: '1000.00', start_date: '2026-01-01', ...fields }),
        Budget,
        201,
      ),
    get: async (id: string) => bodyOf(await call('GET', `/api/v1/budgets/${id}`), Budget, 200),
    update: async (id: string, changes: Record<string, unknown>) => bodyOf(await call('PATCH', `/api/v1/budgets/${id}`, changes), Budget, 200),
    summary: async (id: string) => bodyOf(await call('GET', `/api/v1/budgets/${id}/summary`), BudgetSummary, 200),
    addCategory: async (budgetId: string, body: Record<string, unknown>) =>
      bodyOf(await call('POST', `/api/v1/budgets/${budgetId}/categories`, body), BudgetCategory, 201),
    updateCategory: async (budgetId: string, id: string, changes: Record<string, unknown>) =>
      bodyOf(await call('PATCH', `/api/v1/budgets/${budgetId}/categories/${id}`, changes), BudgetCategory, 200),
    categories: async (budgetId: string) => bodyOf(await call('GET', `/api/v1/budgets/${budgetId}/categories`), CategoryList, 200),
    logExpense: async (body: Record<string, unknown>) => bodyOf(await call('POST', '/api/v1/expenses', body), Expense, 201),
  };
}

const names = (rows: { name: string }[]) => rows.map((row) => row.name);

describe('budgets', () => {
  test('creates a budget: 201, Location, defaults, money as a two-place string', async ({ api, alice }) => {
    const winter = { name: 'Winter in Spain', total_amount: 2500, start_date: '2026-11-01', end_date: '2027-02-28' };
    const response = await budgetsOf(api, alice).call('POST', '/api/v1/budgets', winter);
    const budget = await bodyOf(response, Budget, 201);
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
    expect(await budgetsOf(api, alice).get(budget.id)).toEqual(budget);
  });

  test('updates a budget and leaves unsent fields alone', async ({ api, alice }) => {
    const budgets = budgetsOf(api, alice);
    const budget = await budgets.create({ currency: 'EUR', budget_period: 'yearly' });
    const updated = await budgets.update(budget.id, { total_amount: '1200.5', end_date: '2026-12-31', description: 'all in' });
    expect(updated).toMatchObject({
      total_amount: '1200.50',
      end_date: '2026-12-31',
      description: 'all in',
      currency: 'EUR',
      budget_period: 'yearly',
      name: 'Household',
    });
    expect(await budgets.update(budget.id, {})).toEqual(updated);
    expect((await budgets.update(budget.id, { end_date: null })).end_date).toBeNull();
  });

  test('deletes a budget with its categories: 204, then 404', async ({ api, alice }) => {
    const budgets = budgetsOf(api, alice);
    const budget = await budgets.create();
    const category = await budgets.addCategory(budget.id, { name: 'Rent', allocated_amount: '500' });
    expect((await budgets.call('DELETE', `/api/v1/budgets/${budget.id}`)).status).toBe(204);
    expect((await budgets.call('GET', `/api/v1/budgets/${budget.id}`)).status).toBe(404);
    expect((await budgets.call('GET', `/api/v1/budgets/${budget.id}/categories`)).status).toBe(404);
    const { rows } = await api.database.owner.query('select 1 from public.budget_categories where id = $1', [category.id]);
    expect(rows).toEqual([]);
  });

  test('lists own budgets newest first, page by page', async ({ api, alice, bob }) => {
    await budgetsOf(api, alice).create({ name: 'not bob’s' });
    const budgets = budgetsOf(api, bob);
    const created = ['one', 'two', 'three', 'four', 'five'];
    for (const name of created) await budgets.create({ name });
    const seen: string[] = [];
    let cursor: string | null = null as string | null;
    do {
      const page = await bodyOf(await budgets.call('GET', `/api/v1/budgets?limit=2${cursor ? `&cursor=${cursor}` : ''}`), BudgetPage, 200);
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...names(page.data));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual([...created].reverse());
  });
});

describe('budget summary', () => {
  test('has the whole amount remaining for a budget without categories', async ({ api, alice }) => {
    const budgets = budgetsOf(api, alice);
    const budget = await budgets.create({ name: 'Empty', total_amount: '750.25', currency: 'GBP' });
    expect(await budgets.summary(budget.id)).toEqual({
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

  test('adds up the active categories only', async ({ api, alice }) => {
    const budgets = budgetsOf(api, alice);
    const budget = await budgets.create({ total_amount: '900.00' });
    const groceries = await budgets.addCategory(budget.id, { name: 'Groceries', allocated_amount: '300.10' });
    const fuel = await budgets.addCategory(budget.id, { name: 'Fuel', allocated_amount: '200.20' });
    await budgets.logExpense({
      amount: '45.67',
      description: 'Market',
      category: 'food',
      expense_date: '2026-01-03',
      budget_category_id: groceries.id,
    });
    await budgets.logExpense({
      amount: '60.00',
      description: 'Diesel',
      category: 'fuel',
      expense_date: '2026-01-04',
      budget_category_id: fuel.id,
    });
    expect(await budgets.summary(budget.id)).toMatchObject({
      total_allocated: '500.30',
      total_spent: '105.67',
      remaining_budget: '794.33',
    });

    await budgets.updateCategory(budget.id, fuel.id, { is_active: false });
    expect(await budgets.summary(budget.id)).toMatchObject({
      total_allocated: '300.10',
      total_spent: '45.67',
      remaining_budget: '854.33',
    });
  });

  test('follows a change of the total amount', async ({ api, alice }) => {
    const budgets = budgetsOf(api, alice);
    const budget = await budgets.create({ total_amount: '100.00' });
    await budgets.update(budget.id, { total_amount: '150.00' });
    expect(await budgets.summary(budget.id)).toMatchObject({ total_amount: '150.00', remaining_budget: '150.00' });
  });

  test('is 404 for an inactive budget, which has no summary', async ({ api, alice }) => {
    const budgets = budgetsOf(api, alice);
    const budget = await budgets.create({ is_active: false });
    expect((await budgets.call('GET', `/api/v1/budgets/${budget.id}/summary`)).status).toBe(404);
    await budgets.update(budget.id, { is_active: true });
    expect((await budgets.summary(budget.id)).remaining_budget).toBe('1000.00');
  });
});

describe('budget categories', () => {
  test('adds categories, lists them by sort_order, updates and deletes them', async ({ api, alice }) => {
    const budgets = budgetsOf(api, alice);
    const budget = await budgets.create();
    const base = `/api/v1/budgets/${budget.id}/categories`;
    const savingsBody = { name: 'Savings', allocated_amount: 100, category_type: 'savings', sort_order: 2, color: '#1a2B3c' };
    const response = await budgets.call('POST', base, savingsBody);
    const savings = await bodyOf(response, BudgetCategory, 201);
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
    const rent = await budgets.addCategory(budget.id, { name: 'Rent', allocated_amount: '600.00', sort_order: 1 });
    const utilities = await budgets.addCategory(budget.id, {
      name: 'Utilities',
      allocated_amount: '80.00',
      sort_order: 1,
      parent_category_id: rent.id,
    });
    expect(utilities.parent_category_id).toBe(rent.id);
    expect(utilities.category_type).toBe('expense');

    const listed = await budgets.categories(budget.id);
    expect(names(listed.data)).toEqual(['Rent', 'Utilities', 'Savings']);
    expect(listed.next_cursor).toBeNull();

    const moved = await budgets.updateCategory(budget.id, savings.id, { sort_order: 0, allocated_amount: '150.5', parent_category_id: null });
    expect(moved).toMatchObject({ sort_order: 0, allocated_amount: '150.50' });
    expect(names((await budgets.categories(budget.id)).data)).toEqual(['Savings', 'Rent', 'Utilities']);

    expect((await budgets.call('DELETE', `${base}/${rent.id}`)).status).toBe(204);
    const remaining = (await budgets.categories(budget.id)).data;
    expect(names(remaining)).toEqual(['Savings', 'Utilities']);
    expect(remaining.find((c) => c.name === 'Utilities')?.parent_category_id).toBeNull();
    expect((await budgets.call('DELETE', `${base}/${rent.id}`)).status).toBe(404);
  });

  test('never takes spent_amount from a body', async ({ api, alice }) => {
    const budgets = budgetsOf(api, alice);
    const budget = await budgets.create();
    const category = await budgets.addCategory(budget.id, {
      name: 'Fun',
      allocated_amount: '50.00',
      spent_amount: '49.00',
      budget_id: crypto.randomUUID(),
    });
    expect(category).toMatchObject({ spent_amount: '0.00', budget_id: budget.id });
    const patched = await budgets.updateCategory(budget.id, category.id, { spent_amount: '10.00', name: 'More fun' });
    expect(patched).toMatchObject({ spent_amount: '0.00', name: 'More fun' });
    expect((await budgets.summary(budget.id)).total_spent).toBe('0.00');
  });
});
