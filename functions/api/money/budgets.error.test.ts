import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiUser, createTestApi, type TestApi } from '../../../test/support/app.ts';
import { MAX_BODY_BYTES } from '../../app.ts';
import { expectProblem, fieldsOf } from '../../../test/support/problem-assertions.ts';

let api: TestApi;
let user: ApiUser;
let other: ApiUser;

beforeAll(async () => {
  api = await createTestApi();
  user = await api.signIn();
  other = await api.signIn();
});
afterAll(() => api.close());

const validBudget = { name: 'Groceries', total_amount: '400.00', start_date: '2026-01-01' };
const validCategory = { name: 'Veg', allocated_amount: '50.00' };

/** Every budget and category as stored: a refused request must leave them as they were. */
async function budgetState() {
  const budgets = await api.database.owner.query('select * from public.budgets order by id');
  const categories = await api.database.owner.query('select * from public.budget_categories order by id');
  return { budgets: budgets.rows, categories: categories.rows };
}

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

describe('bad budget input', () => {
  it('answers 400 with one error per bad field and writes nothing', async () => {
    const before = await budgetState();
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
    expect(await budgetState()).toEqual(before);
  });

  it.each([['-0.01'], [-100], ['abc'], ['12.345'], [1e20], ['1e20'], [null], [{}]])(
    'rejects total_amount %j and writes nothing',
    async (total_amount) => {
      const before = await budgetState();
      const problem = await expectProblem(await request('POST', '/api/v1/budgets', { ...validBudget, total_amount }), 400);
      expect(fieldsOf(problem)).toEqual(['total_amount']);
      expect(await budgetState()).toEqual(before);
    },
  );

  it('accepts a zero budget', async () => {
    expect((await createdBudget({ total_amount: 0 })).total_amount).toBe('0.00');
  });

  it('refuses an end date before the start date on create and on update, changing nothing', async () => {
    const budget = await createdBudget({ start_date: '2026-06-01' });
    const before = await budgetState();
    await expectProblem(await request('POST', '/api/v1/budgets', { ...validBudget, start_date: '2026-06-01', end_date: '2026-05-31' }), 400);
    await expectProblem(await request('PATCH', `/api/v1/budgets/${budget.id}`, { end_date: '2026-05-31' }), 400);
    await expectProblem(await request('PATCH', `/api/v1/budgets/${budget.id}`, { start_date: '2027-01-01', end_date: '2026-12-31' }), 400);
    expect(await budgetState()).toEqual(before);
    const sameDay = await request('PATCH', `/api/v1/budgets/${budget.id}`, { end_date: '2026-06-01' });
    expect(sameDay.status).toBe(200);
  });

  it('refuses a start date moved past the existing end date', async () => {
    const budget = await createdBudget({ start_date: '2026-01-01', end_date: '2026-01-31' });
    const before = await budgetState();
    await expectProblem(await request('PATCH', `/api/v1/budgets/${budget.id}`, { start_date: '2026-02-01' }), 400);
    expect(await budgetState()).toEqual(before);
  });

  it('ignores server-owned fields', async () => {
    const budget = await createdBudget({ user_id: other.id, id: crypto.randomUUID(), created_at: '2001-01-01T00:00:00Z' });
    expect(budget.user_id).toBe(user.id);
    expect(budget.created_at.startsWith('2001')).toBe(false);
    const patched = await request('PATCH', `/api/v1/budgets/${budget.id}`, { user_id: other.id });
    expect((await patched.json()).user_id).toBe(user.id);
  });

  it('answers 400 to bad list queries', async () => {
    for (const query of ['limit=0', 'limit=1000', 'cursor=zzz']) {
      await expectProblem(await request('GET', `/api/v1/budgets?${query}`), 400);
    }
  });
});

describe('bad category input', () => {
  it('answers 400 with one error per bad field and writes nothing', async () => {
    const budget = await createdBudget();
    const before = await budgetState();
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
    expect(await budgetState()).toEqual(before);
  });

  it('refuses a parent from another budget, from another user, or itself, changing nothing', async () => {
    const budget = await createdBudget();
    const category = await createdCategory(budget.id);
    const otherBudgetCategory = await createdCategory((await createdBudget()).id);
    const theirs = await createdCategory((await createdBudget({}, other)).id, {}, other);
    const base = `/api/v1/budgets/${budget.id}/categories`;
    const before = await budgetState();

    const refused = await expectProblem(await request('POST', base, { ...validCategory, parent_category_id: theirs.id }), 400);
    expect(refused.type).toBe('/problems/invalid_reference');
    const missing = await request('POST', base, { ...validCategory, parent_category_id: crypto.randomUUID() });
    expect(await expectProblem(missing, 400)).toEqual({ ...refused, request_id: missing.headers.get('x-request-id') });
    await expectProblem(await request('POST', base, { ...validCategory, parent_category_id: otherBudgetCategory.id }), 400);
    await expectProblem(await request('PATCH', `${base}/${category.id}`, { parent_category_id: theirs.id }), 400);
    await expectProblem(await request('PATCH', `${base}/${category.id}`, { parent_category_id: otherBudgetCategory.id }), 400);
    const self = await expectProblem(await request('PATCH', `${base}/${category.id}`, { parent_category_id: category.id }), 400);
    expect(fieldsOf(self)).toEqual(['parent_category_id']);
    expect(await budgetState()).toEqual(before);
  });

  it('answers 404 to a category addressed through a budget it does not belong to', async () => {
    const first = await createdBudget();
    const second = await createdBudget();
    const category = await createdCategory(first.id);
    const before = await budgetState();
    await expectProblem(await request('PATCH', `/api/v1/budgets/${second.id}/categories/${category.id}`, { name: 'moved' }), 404);
    await expectProblem(await request('DELETE', `/api/v1/budgets/${second.id}/categories/${category.id}`), 404);
    expect(await budgetState()).toEqual(before);
  });

  it("answers 404 to adding a category to someone else's budget, writing nothing", async () => {
    const theirs = await createdBudget({}, other);
    const before = await budgetState();
    await expectProblem(await request('POST', `/api/v1/budgets/${theirs.id}/categories`, validCategory), 404);
    expect(await budgetState()).toEqual(before);
  });
});

describe('every budget route', () => {
  it('answers 404 to ids that are not UUIDs and changes nothing', async () => {
    const budget = await createdBudget();
    await createdCategory(budget.id);
    const before = await budgetState();
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
    expect(await budgetState()).toEqual(before);
  });

  it('answers 413 to bodies over the limit, writing nothing', async () => {
    const budget = await createdBudget();
    const category = await createdCategory(budget.id);
    const before = await budgetState();
    const padding = 'x'.repeat(MAX_BODY_BYTES + 1);
    for (const [method, path] of [
      ['POST', '/api/v1/budgets'],
      ['PATCH', `/api/v1/budgets/${budget.id}`],
      ['POST', `/api/v1/budgets/${budget.id}/categories`],
      ['PATCH', `/api/v1/budgets/${budget.id}/categories/${category.id}`],
    ]) {
      await expectProblem(await request(method, path, { ...validBudget, ...validCategory, description: padding }), 413);
    }
    expect(await budgetState()).toEqual(before);
  });

  it('answers 400, not 500, to a body of the wrong JSON type', async () => {
    const budget = await createdBudget();
    const category = await createdCategory(budget.id);
    const before = await budgetState();
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
    expect(await budgetState()).toEqual(before);
  });
});
