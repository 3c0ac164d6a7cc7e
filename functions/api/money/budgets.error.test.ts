import type { ApiUser, TestApi } from '../../../test/support/app.ts';
import { describe, expect, test } from '../../../test/support/fixtures.ts';
import { MAX_BODY_BYTES } from '../../app.ts';
import { expectProblem, fieldsOf } from '../../../test/support/problem-assertions.ts';

const validBudget = { name: 'Groceries', total_amount: '400.00', start_date: '2026-01-01' };
const validCategory = { name: 'Veg', allocated_amount: '50.00' };

/** Every budget and category as stored: a refused request must leave them as they were. */
async function budgetState(api: TestApi) {
  const budgets = await api.database.owner.query('select * from public.budgets order by id');
  const categories = await api.database.owner.query('select * from public.budget_categories order by id');
  return { budgets: budgets.rows, categories: categories.rows };
}

/** The budget routes as `user` calls them; `as` names another caller. */
function budgetsOf(api: TestApi, user: ApiUser) {
  const request = (method: string, path: string, json?: unknown, as = user) => api.request(path, { method, token: as.token, json });

  async function createdBudget(fields: Record<string, unknown> = {}, as = user) {
    const response = await request('POST', '/api/v1/budgets', { ...validBudget, ...fields }, as);
    expect(response.status).toBe(201);
    return response.json();
  }

  async function createdCategory(budgetId: string, fields: Record<string, unknown> = {}, as = user) {
    const response = await request('POST', `/api/v1/budgets/${budgetId}/categories`, { ...validCategory, ...fields }, as);
    expect(response.status).toBe(201);
    return response.json();
  }

  return { request, createdBudget, createdCategory };
}

describe('bad budget input', () => {
  test('answers 400 with one error per bad field and writes nothing', async ({ api, alice }) => {
    const { request } = budgetsOf(api, alice);
    const before = await budgetState(api);
    const response = await request('POST', '/api/v1/budgets', {
      name: '',
      total_amount: 'lots',
      currency: 'usd',
      budget_period: 'daily',
      start_date: '2026-02-30',
      end_date: 'yesterday',
      is_active: 'yes',
    });
    expect(fieldsOf(await expectProblem(response, 400))).toEqual([
      'budget_period',
      'currency',
      'end_date',
      'is_active',
      'name',
      'start_date',
      'total_amount',
    ]);
    expect(await budgetState(api)).toEqual(before);
  });

  test.for([['-0.01'], [-100], ['abc'], ['12.345'], [1e20], ['1e20'], [null], [{}]])(
    'rejects total_amount %j and writes nothing',
    async ([total_amount], { api, alice }) => {
      const { request } = budgetsOf(api, alice);
      const before = await budgetState(api);
      const problem = await expectProblem(await request('POST', '/api/v1/budgets', { ...validBudget, total_amount }), 400);
      expect(fieldsOf(problem)).toEqual(['total_amount']);
      expect(await budgetState(api)).toEqual(before);
    },
  );

  test('accepts a zero budget', async ({ api, alice }) => {
    const { createdBudget } = budgetsOf(api, alice);
    expect((await createdBudget({ total_amount: 0 })).total_amount).toBe('0.00');
  });

  test('refuses an end date before the start date on create and on update, changing nothing', async ({ api, alice }) => {
    const { request, createdBudget } = budgetsOf(api, alice);
    const budget = await createdBudget({ start_date: '2026-06-01' });
    const before = await budgetState(api);
    await expectProblem(await request('POST', '/api/v1/budgets', { ...validBudget, start_date: '2026-06-01', end_date: '2026-05-31' }), 400);
    await expectProblem(await request('PATCH', `/api/v1/budgets/${budget.id}`, { end_date: '2026-05-31' }), 400);
    await expectProblem(await request('PATCH', `/api/v1/budgets/${budget.id}`, { start_date: '2027-01-01', end_date: '2026-12-31' }), 400);
    expect(await budgetState(api)).toEqual(before);
    const sameDay = await request('PATCH', `/api/v1/budgets/${budget.id}`, { end_date: '2026-06-01' });
    expect(sameDay.status).toBe(200);
  });

  test('refuses a start date moved past the existing end date', async ({ api, alice }) => {
    const { request, createdBudget } = budgetsOf(api, alice);
    const budget = await createdBudget({ start_date: '2026-01-01', end_date: '2026-01-31' });
    const before = await budgetState(api);
    await expectProblem(await request('PATCH', `/api/v1/budgets/${budget.id}`, { start_date: '2026-02-01' }), 400);
    expect(await budgetState(api)).toEqual(before);
  });

  test('ignores server-owned fields', async ({ api, alice, bob }) => {
    const { request, createdBudget } = budgetsOf(api, alice);
    const budget = await createdBudget({ user_id: bob.id, id: crypto.randomUUID(), created_at: '2001-01-01T00:00:00Z' });
    expect(budget.user_id).toBe(alice.id);
    expect(budget.created_at.startsWith('2001')).toBe(false);
    const patched = await request('PATCH', `/api/v1/budgets/${budget.id}`, { user_id: bob.id });
    expect((await patched.json()).user_id).toBe(alice.id);
  });

  test('answers 400 to bad list queries', async ({ api, alice }) => {
    const { request } = budgetsOf(api, alice);
    for (const query of ['limit=0', 'limit=1000', 'cursor=zzz']) {
      await expectProblem(await request('GET', `/api/v1/budgets?${query}`), 400);
    }
  });
});

describe('bad category input', () => {
  test('answers 400 with one error per bad field and writes nothing', async ({ api, alice }) => {
    const { request, createdBudget } = budgetsOf(api, alice);
    const budget = await createdBudget();
    const before = await budgetState(api);
    const response = await request('POST', `/api/v1/budgets/${budget.id}/categories`, {
      name: 7,
      allocated_amount: '-5',
      category_type: 'fun',
      color: 'red',
      parent_category_id: 'rent',
      sort_order: 1.5,
    });
    expect(fieldsOf(await expectProblem(response, 400))).toEqual([
      'allocated_amount',
      'category_type',
      'color',
      'name',
      'parent_category_id',
      'sort_order',
    ]);
    expect(await budgetState(api)).toEqual(before);
  });

  test('refuses a parent from another budget, from another user, or itself, changing nothing', async ({ api, alice, bob }) => {
    const { request, createdBudget, createdCategory } = budgetsOf(api, alice);
    const budget = await createdBudget();
    const category = await createdCategory(budget.id);
    const otherBudgetCategory = await createdCategory((await createdBudget()).id);
    const theirs = await createdCategory((await createdBudget({}, bob)).id, {}, bob);
    const base = `/api/v1/budgets/${budget.id}/categories`;
    const before = await budgetState(api);

    const refused = await expectProblem(await request('POST', base, { ...validCategory, parent_category_id: theirs.id }), 400);
    expect(refused.type).toBe('/problems/invalid_reference');
    const missing = await request('POST', base, { ...validCategory, parent_category_id: crypto.randomUUID() });
    expect(await expectProblem(missing, 400)).toEqual({ ...refused, request_id: missing.headers.get('x-request-id') });
    await expectProblem(await request('POST', base, { ...validCategory, parent_category_id: otherBudgetCategory.id }), 400);
    await expectProblem(await request('PATCH', `${base}/${category.id}`, { parent_category_id: theirs.id }), 400);
    await expectProblem(await request('PATCH', `${base}/${category.id}`, { parent_category_id: otherBudgetCategory.id }), 400);
    const self = await expectProblem(await request('PATCH', `${base}/${category.id}`, { parent_category_id: category.id }), 400);
    expect(fieldsOf(self)).toEqual(['parent_category_id']);
    expect(await budgetState(api)).toEqual(before);
  });

  test('answers 404 to a category addressed through a budget it does not belong to', async ({ api, alice }) => {
    const { request, createdBudget, createdCategory } = budgetsOf(api, alice);
    const first = await createdBudget();
    const second = await createdBudget();
    const category = await createdCategory(first.id);
    const before = await budgetState(api);
    await expectProblem(await request('PATCH', `/api/v1/budgets/${second.id}/categories/${category.id}`, { name: 'moved' }), 404);
    await expectProblem(await request('DELETE', `/api/v1/budgets/${second.id}/categories/${category.id}`), 404);
    expect(await budgetState(api)).toEqual(before);
  });

  test("answers 404 to adding a category to someone else's budget, writing nothing", async ({ api, alice, bob }) => {
    const { request, createdBudget } = budgetsOf(api, alice);
    const theirs = await createdBudget({}, bob);
    const before = await budgetState(api);
    await expectProblem(await request('POST', `/api/v1/budgets/${theirs.id}/categories`, validCategory), 404);
    expect(await budgetState(api)).toEqual(before);
  });
});

describe('every budget route', () => {
  test('answers 404 to ids that are not UUIDs and changes nothing', async ({ api, alice }) => {
    const { request, createdBudget, createdCategory } = budgetsOf(api, alice);
    const budget = await createdBudget();
    await createdCategory(budget.id);
    const before = await budgetState(api);
    for (const [method, path, body] of [
      ['GET', '/api/v1/budgets/not-a-uuid'],
      ['PATCH', '/api/v1/budgets/123', { name: 'x' }],
      ['DELETE', "/api/v1/budgets/1' or '1'='1"],
      ['GET', '/api/v1/budgets/nope/summary'],
      ['GET', '/api/v1/budgets/nope/categories'],
      ['POST', '/api/v1/budgets/nope/categories', validCategory],
      ['PATCH', `/api/v1/budgets/${budget.id}/categories/nope`, { name: 'x' }],
      ['DELETE', `/api/v1/budgets/${budget.id}/categories/nope`],
      ['DELETE', `/api/v1/budgets/nope/categories/${crypto.randomUUID()}`],
    ] as const) {
      await expectProblem(await request(method, path, body), 404);
    }
    expect(await budgetState(api)).toEqual(before);
  });

  test('answers 413 to bodies over the limit, writing nothing', async ({ api, alice }) => {
    const { request, createdBudget, createdCategory } = budgetsOf(api, alice);
    const budget = await createdBudget();
    const category = await createdCategory(budget.id);
    const before = await budgetState(api);
    const padding = 'x'.repeat(MAX_BODY_BYTES + 1);
    for (const [method, path] of [
      ['POST', '/api/v1/budgets'],
      ['PATCH', `/api/v1/budgets/${budget.id}`],
      ['POST', `/api/v1/budgets/${budget.id}/categories`],
      ['PATCH', `/api/v1/budgets/${budget.id}/categories/${category.id}`],
    ]) {
      await expectProblem(await request(method, path, { ...validBudget, ...validCategory, description: padding }), 413);
    }
    expect(await budgetState(api)).toEqual(before);
  });

  test('answers 400, not 500, to a body of the wrong JSON type', async ({ api, alice }) => {
    const { request, createdBudget, createdCategory } = budgetsOf(api, alice);
    const budget = await createdBudget();
    const category = await createdCategory(budget.id);
    const before = await budgetState(api);
    for (const [method, path] of [
      ['POST', '/api/v1/budgets'],
      ['PATCH', `/api/v1/budgets/${budget.id}`],
      ['POST', `/api/v1/budgets/${budget.id}/categories`],
      ['PATCH', `/api/v1/budgets/${budget.id}/categories/${category.id}`],
    ]) {
      for (const body of [[], 'budget', 42, null]) {
        await expectProblem(await request(method, path, body), 400);
      }
    }
    expect(await budgetState(api)).toEqual(before);
  });
});
