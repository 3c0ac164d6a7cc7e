import { z } from '@hono/zod-openapi';
import type { ApiUser, TestApi } from '../../../test/support/app.ts';
import { bodyOf, describe, expect, test } from '../../../test/support/fixtures.ts';
import { BudgetCategory } from '../../money/budget-categories.ts';
import { Budget, BudgetSummary } from '../../money/budgets.ts';
import { Expense, ExpenseSummary } from '../../money/expenses.ts';

const ExpensePage = z.object({ data: z.array(Expense), next_cursor: z.string().nullable() });
const CategoryList = z.object({ data: z.array(BudgetCategory), next_cursor: z.null() });

/** The routes as one user calls them, each answer checked against its documented schema. */
function moneyOf(api: TestApi, user: ApiUser) {
  const call = (method: string, path: string, json?: unknown) => api.request(path, { method, token: user.token, json });
  const money = {
    call,
    log: async (fields: Record<string, unknown>) =>
      bodyOf(
        await call('POST', '/api/v1/expenses', { description: 'something', category: 'misc', expense_date: '2026-03-01', amount: '1.00', ...fields }),
        Expense,
        201,
      ),
    get: async (id: string) => bodyOf(await call('GET', `/api/v1/expenses/${id}`), Expense, 200),
    update: async (id: string, changes: Record<string, unknown>) => bodyOf(await call('PATCH', `/api/v1/expenses/${id}`, changes), Expense, 200),
    list: async (query: string) => bodyOf(await call('GET', `/api/v1/expenses?${query}`), ExpensePage, 200),
    summary: async (query = '') => bodyOf(await call('GET', `/api/v1/expenses/summary?${query}`), ExpenseSummary, 200),
    budgetSummary: async (budgetId: string) => bodyOf(await call('GET', `/api/v1/budgets/${budgetId}/summary`), BudgetSummary, 200),

    /** A budget with two categories, as the user sets one up. */
    async budgetWithCategories() {
      const budget = await bodyOf(
        await call('POST', '/api/v1/budgets', { name: 'Road trip', total_amount: '500.00', start_date: '2026-03-01' }),
        Budget,
        201,
      );
      const category = async (name: string, allocated_amount: string) =>
        bodyOf(await call('POST', `/api/v1/budgets/${budget.id}/categories`, { name, allocated_amount }), BudgetCategory, 201);
      return { budget, fuel: await category('Fuel', '200.00'), food: await category('Food', '100.00') };
    },

    async spentByCategory(budgetId: string): Promise<Record<string, string>> {
      const { data } = await bodyOf(await call('GET', `/api/v1/budgets/${budgetId}/categories`), CategoryList, 200);
      return Object.fromEntries(data.map((c) => [c.name, c.spent_amount]));
    },
  };
  return money;
}

const descriptions = (page: { data: { description: string }[] }) => page.data.map((e) => e.description);

describe('expenses', () => {
  test('records an expense: 201, Location, money and dates as strings, the caller as owner', async ({ api, alice }) => {
    const money = moneyOf(api, alice);
    const response = await money.call('POST', '/api/v1/expenses', {
      amount: 12.5,
      description: 'Diesel',
      category: 'fuel',
      expense_date: '2026-03-02',
      tags: ['van'],
      location: { city: 'Lyon' },
      receipt_url: 'https://example.com/r/1.jpg',
      user_id: crypto.randomUUID(),
    });
    const created = await bodyOf(response, Expense, 201);
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
    expect(await money.get(created.id)).toEqual(created);
  });

  test('updates and deletes an expense', async ({ api, alice }) => {
    const money = moneyOf(api, alice);
    const created = await money.log({ description: 'Campsite', amount: '30' });
    const updated = await money.update(created.id, { amount: '32.40', vendor: 'Camping du Lac' });
    expect(updated).toMatchObject({ amount: '32.40', vendor: 'Camping du Lac', description: 'Campsite' });
    expect(await money.update(created.id, {})).toEqual(updated);

    const deleted = await money.call('DELETE', `/api/v1/expenses/${created.id}`);
    expect(deleted.status).toBe(204);
    expect((await money.call('GET', `/api/v1/expenses/${created.id}`)).status).toBe(404);
  });

  test("moves the linked categories' spent_amount on create, amount change, category change and delete", async ({ api, alice }) => {
    const money = moneyOf(api, alice);
    const { budget, fuel, food } = await money.budgetWithCategories();

    const fill = await money.log({ amount: '40.00', budget_category_id: fuel.id });
    expect(await money.spentByCategory(budget.id)).toEqual({ Fuel: '40.00', Food: '0.00' });
    expect(await money.budgetSummary(budget.id)).toMatchObject({
      total_amount: '500.00',
      total_allocated: '300.00',
      total_spent: '40.00',
      remaining_budget: '460.00',
    });

    await money.update(fill.id, { amount: '55.25' });
    expect(await money.spentByCategory(budget.id)).toEqual({ Fuel: '55.25', Food: '0.00' });

    await money.update(fill.id, { budget_category_id: food.id });
    expect(await money.spentByCategory(budget.id)).toEqual({ Fuel: '0.00', Food: '55.25' });

    await money.update(fill.id, { amount: '10.10', budget_category_id: fuel.id });
    expect(await money.spentByCategory(budget.id)).toEqual({ Fuel: '10.10', Food: '0.00' });
    expect(await money.budgetSummary(budget.id)).toMatchObject({ total_spent: '10.10', remaining_budget: '489.90' });

    const lunch = await money.log({ amount: '5.00', budget_category_id: food.id });
    expect(await money.spentByCategory(budget.id)).toEqual({ Fuel: '10.10', Food: '5.00' });

    expect((await money.call('DELETE', `/api/v1/expenses/${fill.id}`)).status).toBe(204);
    expect(await money.spentByCategory(budget.id)).toEqual({ Fuel: '0.00', Food: '5.00' });

    await money.update(lunch.id, { budget_category_id: null });
    expect(await money.spentByCategory(budget.id)).toEqual({ Fuel: '0.00', Food: '0.00' });
    expect(await money.budgetSummary(budget.id)).toMatchObject({ total_spent: '0.00', remaining_budget: '500.00' });
  });

  test('reports an overspent budget with a negative remaining amount', async ({ api, alice }) => {
    const money = moneyOf(api, alice);
    const { budget, fuel } = await money.budgetWithCategories();
    await money.log({ amount: '480.00', budget_category_id: fuel.id });
    await money.log({ amount: '20.01', budget_category_id: fuel.id });
    expect(await money.budgetSummary(budget.id)).toMatchObject({ total_spent: '500.01', remaining_budget: '-0.01' });
  });

  test('keeps an expense when its category or budget is deleted, unlinked', async ({ api, alice }) => {
    const money = moneyOf(api, alice);
    const { budget, fuel, food } = await money.budgetWithCategories();
    const onFuel = await money.log({ amount: '7.00', budget_category_id: fuel.id });
    const onFood = await money.log({ amount: '8.00', budget_category_id: food.id });

    expect((await money.call('DELETE', `/api/v1/budgets/${budget.id}/categories/${fuel.id}`)).status).toBe(204);
    expect(await money.get(onFuel.id)).toMatchObject({ amount: '7.00', budget_category_id: null });
    expect(await money.budgetSummary(budget.id)).toMatchObject({ total_spent: '8.00', remaining_budget: '492.00' });

    expect((await money.call('DELETE', `/api/v1/budgets/${budget.id}`)).status).toBe(204);
    expect(await money.get(onFood.id)).toMatchObject({ amount: '8.00', budget_category_id: null });
  });

  test('keeps money decimal: 0.1 + 0.2 is exactly 0.30, sent as numbers or as strings', async ({ api, alice }) => {
    const money = moneyOf(api, alice);
    const { budget, fuel } = await money.budgetWithCategories();
    const asNumbers = [await money.log({ amount: 0.1, category: 'decimal-numbers' }), await money.log({ amount: 0.2, category: 'decimal-numbers' })];
    expect(asNumbers.map((e) => e.amount)).toEqual(['0.10', '0.20']);
    await money.log({ amount: '0.1', category: 'decimal-strings', budget_category_id: fuel.id });
    await money.log({ amount: '0.2', category: 'decimal-strings', budget_category_id: fuel.id });

    for (const category of ['decimal-numbers', 'decimal-strings']) {
      const summary = await money.summary(`category=${category}`);
      expect(summary.total).toBe('0.30');
      expect(summary.groups).toEqual([{ key: category, total: '0.30', count: 2 }]);
    }
    expect((await money.spentByCategory(budget.id)).Fuel).toBe('0.30');
  });

  test('lists newest first and filters by date range, category, trip, budget category and tag', async ({ api, alice, bob }) => {
    await moneyOf(api, alice).log({ description: 'alice fuel', category: 'fuel', expense_date: '2026-02-01' });
    const money = moneyOf(api, bob);
    const { rows } = await api.database.owner.query<{ id: string }>(
      `insert into public.trips (user_id, name, origin, destination) values ($1, 'Alps', '{}', '{}') returning id`,
      [bob.id],
    );
    const tripId = rows[0].id;
    const { fuel } = await money.budgetWithCategories();
    const made = [
      await money.log({ description: 'jan fuel', category: 'fuel', expense_date: '2026-01-31', budget_category_id: fuel.id }),
      await money.log({ description: 'feb food', category: 'food', expense_date: '2026-02-01', tags: ['alps'], trip_id: tripId }),
      await money.log({ description: 'feb fuel', category: 'fuel', expense_date: '2026-02-28', trip_id: tripId }),
      await money.log({ description: 'mar food', category: 'food', expense_date: '2026-03-01', tags: ['alps', 'treat'] }),
    ];

    expect(descriptions(await money.list('limit=100'))).toEqual(descriptions({ data: made }).reverse());
    expect(descriptions(await money.list('from=2026-02-01&to=2026-02-28'))).toEqual(['feb fuel', 'feb food']);
    expect(descriptions(await money.list('category=fuel'))).toEqual(['feb fuel', 'jan fuel']);
    expect(descriptions(await money.list(`trip_id=${tripId}`))).toEqual(['feb fuel', 'feb food']);
    expect(descriptions(await money.list(`budget_category_id=${fuel.id}`))).toEqual(['jan fuel']);
    expect(descriptions(await money.list('tag=alps&from=2026-02-15'))).toEqual(['mar food']);

    const firstPage = await money.list('limit=3');
    expect(firstPage.data).toHaveLength(3);
    const secondPage = await money.list(`limit=3&cursor=${firstPage.next_cursor}`);
    expect(descriptions(secondPage)).toEqual(['jan fuel']);
    expect(secondPage.next_cursor).toBeNull();
  });
});

describe('expense summary', () => {
  /** Six expenses over three categories and three months. */
  async function carolsExpenses(api: TestApi, user: ApiUser) {
    const money = moneyOf(api, user);
    for (const [category, expense_date, amount] of [
      ['fuel', '2026-01-05', '60.00'],
      ['fuel', '2026-02-10', '45.50'],
      ['food', '2026-01-20', '12.25'],
      ['food', '2026-02-11', '8.75'],
      ['food', '2026-02-12', '100.00'],
      ['camping', '2026-03-01', '25.00'],
    ]) {
      await money.log({ category, expense_date, amount });
    }
    return money;
  }

  test('is served at /expenses/summary, not taken for an expense id', async ({ api, alice }) => {
    const money = await carolsExpenses(api, alice);
    const summary = await bodyOf(await money.call('GET', '/api/v1/expenses/summary'), ExpenseSummary, 200);
    expect(summary).toMatchObject({ group_by: 'category', from: null, to: null, count: 6 });
  });

  test('totals per category, largest first, with counts and a grand total', async ({ api, alice }) => {
    const money = await carolsExpenses(api, alice);
    expect(await money.summary('group_by=category')).toEqual({
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

  test('totals per month in calendar order, within an inclusive date range', async ({ api, alice }) => {
    const money = await carolsExpenses(api, alice);
    expect(await money.summary('group_by=month&from=2026-01-20&to=2026-02-11')).toEqual({
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

  test('answers zero for a range without expenses, and counts only the caller’s own', async ({ api, alice, bob }) => {
    const money = await carolsExpenses(api, alice);
    expect(await money.summary('from=2030-01-01')).toEqual({
      group_by: 'category',
      from: '2030-01-01',
      to: null,
      total: '0.00',
      count: 0,
      groups: [],
    });
    expect(await moneyOf(api, bob).summary('group_by=month')).toMatchObject({ total: '0.00', count: 0, groups: [] });
  });
});
