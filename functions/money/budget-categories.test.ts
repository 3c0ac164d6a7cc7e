import { type ApiUser, connectorFor, type TestApi, testEnv } from '../../test/support/app.ts';
import { describe, expect, test } from '../../test/support/fixtures.ts';
import { accessTokenConfig, sessionKeyHash, verifyAccessToken } from '../auth/verify-access-token.ts';
import { withCaller } from '../database/transactions.ts';
import type { Caller } from '../env.ts';
import { budgetCategoryStatus } from './budget-categories.ts';

/** The caller a verified token makes, as PAM acts for a signed-in user. */
async function callerOf(user: ApiUser): Promise<Caller> {
  const claims = await verifyAccessToken(user.token, accessTokenConfig(testEnv));
  return { userId: claims.sub, claims, sessionKeyHash: await sessionKeyHash(user.token, claims) };
}

/** "How much is left in my <word> budget?", answered the way PAM's tool will: under the user's own claims. */
async function askWhatIsLeft(api: TestApi, user: ApiUser, word: string) {
  return withCaller(connectorFor(api.database), {}, await callerOf(user), (db) => budgetCategoryStatus(db, { category: word }));
}

/** Sets money up through the routes, as the user would. */
function moneyOf(api: TestApi, user: ApiUser) {
  async function post(path: string, json: unknown) {
    const response = await api.request(path, { method: 'POST', token: user.token, json });
    expect(response.status, await response.clone().text()).toBe(201);
    return (await response.json()) as { id: string };
  }
  return {
    budget: (fields: Record<string, unknown>) =>
      post('/api/v1/budgets', { name: 'Outback', total_amount: '2000.00', currency: 'AUD', start_date: '2001-01-01', ...fields }),
    category: (budgetId: string, fields: Record<string, unknown>) =>
      post(`/api/v1/budgets/${budgetId}/categories`, { allocated_amount: '300.00', ...fields }),
    expense: (budgetCategoryId: string, amount: string) =>
      post('/api/v1/expenses', { amount, description: 'spent', category: 'fuel', expense_date: '2026-05-01', budget_category_id: budgetCategoryId }),
    deactivate: async (path: string) => {
      const response = await api.request(path, { method: 'PATCH', token: user.token, json: { is_active: false } });
      expect(response.status).toBe(200);
    },
  };
}

describe('budgetCategoryStatus: what is left in the category a word names', () => {
  test('answers allocated, spent and remaining of the matching category, in its budget’s currency', async ({ api, alice }) => {
    const money = moneyOf(api, alice);
    const budget = await money.budget({ name: 'Outback' });
    const fuel = await money.category(budget.id, { name: 'Fuel', allocated_amount: '300.00' });
    await money.category(budget.id, { name: 'Food', allocated_amount: '250.00' });
    await money.expense(fuel.id, '64.50');
    await money.expense(fuel.id, '0.10');

    expect(await askWhatIsLeft(api, alice, '  FUEL ')).toEqual({
      category_id: fuel.id,
      category_name: 'Fuel',
      budget_id: budget.id,
      budget_name: 'Outback',
      currency: 'AUD',
      allocated_amount: '300.00',
      spent_amount: '64.60',
      remaining_amount: '235.40',
    });
  });

  test('is negative when the category is overspent', async ({ api, alice }) => {
    const money = moneyOf(api, alice);
    const budget = await money.budget({});
    const fuel = await money.category(budget.id, { name: 'Fuel', allocated_amount: '50.00' });
    await money.expense(fuel.id, '64.50');
    expect((await askWhatIsLeft(api, alice, 'fuel')).remaining_amount).toBe('-14.50');
  });

  test('prefers the name itself, then a name starting with the word, then one containing it', async ({ api, alice }) => {
    const money = moneyOf(api, alice);
    const budget = await money.budget({});
    const containing = await money.category(budget.id, { name: 'Boat fuel', sort_order: 0 });
    const starting = await money.category(budget.id, { name: 'Fuel cards', sort_order: 1 });
    const exact = await money.category(budget.id, { name: 'fuel', sort_order: 2 });

    expect((await askWhatIsLeft(api, alice, 'Fuel')).category_id).toBe(exact.id);
    expect((await askWhatIsLeft(api, alice, 'fuel c')).category_id).toBe(starting.id);
    expect((await askWhatIsLeft(api, alice, 'boat')).category_id).toBe(containing.id);
    expect((await askWhatIsLeft(api, alice, 'at fu')).category_id).toBe(containing.id);
  });

  test('takes the budget running today over ended and future ones, and skips inactive categories and budgets', async ({ api, alice }) => {
    const money = moneyOf(api, alice);
    const ended = await money.budget({ name: 'Last year', start_date: '2000-01-01', end_date: '2000-12-31' });
    const future = await money.budget({ name: 'Next trip', start_date: '2999-01-01' });
    const running = await money.budget({ name: 'This year', start_date: '2001-01-01' });
    for (const budget of [ended, future, running]) await money.category(budget.id, { name: 'Fuel' });
    const runningFuel = await money.category(running.id, { name: 'Fuel', sort_order: -1 });

    expect(await askWhatIsLeft(api, alice, 'fuel')).toMatchObject({ budget_name: 'This year', category_id: runningFuel.id });

    await money.deactivate(`/api/v1/budgets/${running.id}/categories/${runningFuel.id}`);
    expect(await askWhatIsLeft(api, alice, 'fuel')).toMatchObject({ budget_name: 'This year' });
    expect((await askWhatIsLeft(api, alice, 'fuel')).category_id).not.toBe(runningFuel.id);

    await money.deactivate(`/api/v1/budgets/${running.id}`);
    expect((await askWhatIsLeft(api, alice, 'fuel')).budget_name).toBe('Next trip');
  });

  test('never finds another user’s category, not even for an administrator, and answers not found when nothing matches', async ({
    api,
    alice,
    bob,
    admin,
  }) => {
    const theirs = moneyOf(api, bob);
    await theirs.category((await theirs.budget({})).id, { name: 'Fuel' });
    const mine = moneyOf(api, alice);
    await mine.category((await mine.budget({})).id, { name: 'Groceries' });

    await expect(askWhatIsLeft(api, alice, 'fuel')).rejects.toMatchObject({ kind: 'not_found', status: 404 });
    expect((await askWhatIsLeft(api, bob, 'fuel')).category_name).toBe('Fuel');
    expect((await askWhatIsLeft(api, alice, 'groc')).category_name).toBe('Groceries');
    await expect(askWhatIsLeft(api, admin, 'groc')).rejects.toMatchObject({ kind: 'not_found' });
  });
});
