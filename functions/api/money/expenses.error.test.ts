import type { ApiUser, TestApi } from '../../../test/support/app.ts';
import { describe, expect, test } from '../../../test/support/fixtures.ts';
import { MAX_BODY_BYTES } from '../../app.ts';
import { expectProblem, fieldsOf } from '../../../test/support/problem-assertions.ts';

const validExpense = { amount: '9.99', description: 'Coffee', category: 'food', expense_date: '2026-03-01' };

/** Every expense and every category's spending: a refused request must leave both as they were. */
async function moneyState(api: TestApi) {
  const expenses = await api.database.owner.query('select * from public.expenses order by id');
  const categories = await api.database.owner.query('select id, spent_amount from public.budget_categories order by id');
  return { expenses: expenses.rows, categories: categories.rows };
}

/** The expense routes as `user` calls them; `as` names another caller. */
function expensesOf(api: TestApi, user: ApiUser) {
  const postExpense = (body: unknown, as = user) => api.request('/api/v1/expenses', { method: 'POST', token: as.token, json: body });

  async function createdExpense(body: Record<string, unknown> = {}, as = user) {
    const response = await postExpense({ ...validExpense, ...body }, as);
    expect(response.status).toBe(201);
    return response.json();
  }

  return { postExpense, createdExpense };
}

async function categoryOf(api: TestApi, owner: ApiUser) {
  const budget = await (
    await api.request('/api/v1/budgets', {
      method: 'POST',
      token: owner.token,
      json: { name: 'b', total_amount: '100.00', start_date: '2026-01-01' },
    })
  ).json();
  const response = await api.request(`/api/v1/budgets/${budget.id}/categories`, {
    method: 'POST',
    token: owner.token,
    json: { name: 'c', allocated_amount: '50.00' },
  });
  expect(response.status).toBe(201);
  return response.json();
}

describe('amounts', () => {
  test.for([
    ['zero', 0],
    ['zero as a string', '0.00'],
    ['negative', -5],
    ['negative as a string', '-5.00'],
    ['not a number', 'abc'],
    ['three decimals', '1.005'],
    ['three decimals as a number', 1.005],
    ['a float sum', 0.1 + 0.2],
    ['too large', 1e20],
    ['too large in exponent form', '1e20'],
    ['empty', ''],
    ['a boolean', true],
    ['null', null],
  ])('rejects an amount that is %s with 400 on amount, writing nothing', async ([, amount], { api, alice }) => {
    const { postExpense } = expensesOf(api, alice);
    const before = await moneyState(api);
    const problem = await expectProblem(await postExpense({ ...validExpense, amount }), 400);
    expect(fieldsOf(problem)).toEqual(['amount']);
    expect(await moneyState(api)).toEqual(before);
  });

  test('rejects a bad amount on update and keeps the expense and its category as they were', async ({ api, alice }) => {
    const { createdExpense } = expensesOf(api, alice);
    const category = await categoryOf(api, alice);
    const expense = await createdExpense({ amount: '20.00', budget_category_id: category.id });
    const before = await moneyState(api);
    for (const amount of [0, '-1', 'abc', '2.345', 1e20]) {
      const response = await api.request(`/api/v1/expenses/${expense.id}`, { method: 'PATCH', token: alice.token, json: { amount } });
      expect(fieldsOf(await expectProblem(response, 400))).toEqual(['amount']);
    }
    expect(await moneyState(api)).toEqual(before);
  });
});

describe('dates', () => {
  test.for(['2026-02-30', '2025-02-29', 'yesterday', '2026-3-1', '01/03/2026', '2026-03-01T10:00:00Z', 20260301])(
    'rejects expense_date %s with 400, writing nothing',
    async (expense_date, { api, alice }) => {
      const { postExpense } = expensesOf(api, alice);
      const before = await moneyState(api);
      const problem = await expectProblem(await postExpense({ ...validExpense, expense_date }), 400);
      expect(fieldsOf(problem)).toEqual(['expense_date']);
      expect(await moneyState(api)).toEqual(before);
    },
  );

  test('accepts a leap day', async ({ api, alice }) => {
    const { createdExpense } = expensesOf(api, alice);
    expect((await createdExpense({ expense_date: '2028-02-29' })).expense_date).toBe('2028-02-29');
  });
});

describe('bad input', () => {
  test('answers 400 with one error per bad field and writes nothing', async ({ api, alice }) => {
    const { postExpense } = expensesOf(api, alice);
    const before = await moneyState(api);
    const response = await postExpense({
      amount: 'ten',
      description: 42,
      category: '',
      expense_date: 'soon',
      tags: 'travel',
      location: 'Paris',
      receipt_url: 'javascript:alert(1)',
      budget_category_id: 'food',
      trip_id: 7,
      is_recurring: 'yes',
    });
    const problem = await expectProblem(response, 400);
    expect(fieldsOf(problem)).toEqual([
      'amount',
      'budget_category_id',
      'category',
      'description',
      'expense_date',
      'is_recurring',
      'location',
      'receipt_url',
      'tags',
      'trip_id',
    ]);
    expect(await moneyState(api)).toEqual(before);
  });

  test('requires amount, description, category and expense_date', async ({ api, alice }) => {
    const { postExpense } = expensesOf(api, alice);
    const problem = await expectProblem(await postExpense({}), 400);
    expect(fieldsOf(problem)).toEqual(['amount', 'category', 'description', 'expense_date']);
  });

  test('ignores server-owned fields: owner, id and timestamps', async ({ api, alice, bob }) => {
    const { createdExpense } = expensesOf(api, alice);
    const foreignId = crypto.randomUUID();
    const expense = await createdExpense({
      id: foreignId,
      user_id: bob.id,
      created_at: '2001-01-01T00:00:00Z',
      recurring_generated_through: '2030-01-01',
    });
    expect(expense.id).not.toBe(foreignId);
    expect(expense.recurring_generated_through).toBeNull();
    expect(expense.user_id).toBe(alice.id);
    expect(expense.created_at.startsWith('2001')).toBe(false);
    const patched = await api.request(`/api/v1/expenses/${expense.id}`, {
      method: 'PATCH',
      token: alice.token,
      json: { user_id: bob.id, updated_at: '2001-01-01T00:00:00Z', recurring_generated_through: '2030-01-01' },
    });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ user_id: alice.id, recurring_generated_through: null });
  });

  test('answers 413 to bodies over the limit on create and update, writing nothing', async ({ api, alice }) => {
    const { postExpense, createdExpense } = expensesOf(api, alice);
    const expense = await createdExpense();
    const before = await moneyState(api);
    const huge = { ...validExpense, notes: 'x'.repeat(MAX_BODY_BYTES + 1) };
    await expectProblem(await postExpense(huge), 413);
    await expectProblem(await api.request(`/api/v1/expenses/${expense.id}`, { method: 'PATCH', token: alice.token, json: huge }), 413);
    expect(await moneyState(api)).toEqual(before);
  });

  test('answers 400 to bad query values on the list and the summary, and ignores unknown ones', async ({ api, alice }) => {
    for (const query of [
      'from=yesterday',
      'to=2026-02-30',
      'from=2026-03-01&to=2026-02-01',
      'budget_category_id=groceries',
      'trip_id=1',
      'limit=0',
      'cursor=not-a-cursor',
    ]) {
      await expectProblem(await api.request(`/api/v1/expenses?${query}`, { token: alice.token }), 400);
    }
    for (const query of ['group_by=week', 'group_by=', 'from=last-month', 'from=2026-03-01&to=2026-02-01', 'trip_id=x']) {
      await expectProblem(await api.request(`/api/v1/expenses/summary?${query}`, { token: alice.token }), 400);
    }
    expect((await api.request('/api/v1/expenses?colour=red', { token: alice.token })).status).toBe(200);
    expect((await api.request('/api/v1/expenses/summary?colour=red', { token: alice.token })).status).toBe(200);
  });

  test('answers 404 to ids that are not UUIDs, and "summary" is no expense id for other verbs', async ({ api, alice }) => {
    const { createdExpense } = expensesOf(api, alice);
    await createdExpense();
    const before = await moneyState(api);
    for (const [method, path] of [
      ['GET', '/api/v1/expenses/not-a-uuid'],
      ['PATCH', '/api/v1/expenses/42'],
      ['DELETE', "/api/v1/expenses/1' or '1'='1"],
      ['PATCH', '/api/v1/expenses/summary'],
      ['DELETE', '/api/v1/expenses/summary'],
    ]) {
      const response = await api.request(path, { method, token: alice.token, json: method === 'PATCH' ? { amount: '1.00' } : undefined });
      await expectProblem(response, 404);
    }
    expect(await moneyState(api)).toEqual(before);
  });
});

describe('links to rows the caller cannot see', () => {
  test("refuses a category of someone else's budget exactly like a missing one, writing nothing", async ({ api, alice, bob }) => {
    const { postExpense } = expensesOf(api, alice);
    const theirs = await categoryOf(api, bob);
    const before = await moneyState(api);
    const refused = await expectProblem(await postExpense({ ...validExpense, budget_category_id: theirs.id }), 400);
    expect(refused.type).toBe('/problems/invalid_reference');
    const missing = await postExpense({ ...validExpense, budget_category_id: crypto.randomUUID() });
    expect(await expectProblem(missing, 400)).toEqual({ ...refused, request_id: missing.headers.get('x-request-id') });
    expect(await moneyState(api)).toEqual(before);
  });

  test("refuses moving an expense onto someone else's category, keeping both categories' spending", async ({ api, alice, bob }) => {
    const { createdExpense } = expensesOf(api, alice);
    const mine = await categoryOf(api, alice);
    const theirs = await categoryOf(api, bob);
    const expense = await createdExpense({ amount: '15.00', budget_category_id: mine.id });
    const before = await moneyState(api);
    const response = await api.request(`/api/v1/expenses/${expense.id}`, {
      method: 'PATCH',
      token: alice.token,
      json: { budget_category_id: theirs.id, amount: '999.00' },
    });
    expect((await expectProblem(response, 400)).type).toBe('/problems/invalid_reference');
    expect(await moneyState(api)).toEqual(before);
    const categories = await api.database.owner.query<{ id: string; spent_amount: string }>(
      'select id, spent_amount::text from public.budget_categories where id = any($1) order by id',
      [[mine.id, theirs.id]],
    );
    expect(Object.fromEntries(categories.rows.map((r) => [r.id, r.spent_amount]))).toEqual({ [mine.id]: '15.00', [theirs.id]: '0.00' });
  });

  test("refuses someone else's trip like a missing one", async ({ api, alice, bob }) => {
    const { postExpense } = expensesOf(api, alice);
    const { rows } = await api.database.owner.query<{ id: string }>(
      `insert into public.trips (user_id, name, origin, destination) values ($1, 'their trip', '{}', '{}') returning id`,
      [bob.id],
    );
    const before = await moneyState(api);
    const refused = await expectProblem(await postExpense({ ...validExpense, trip_id: rows[0].id }), 400);
    const missing = await postExpense({ ...validExpense, trip_id: crypto.randomUUID() });
    expect(await expectProblem(missing, 400)).toEqual({ ...refused, request_id: missing.headers.get('x-request-id') });
    expect(await moneyState(api)).toEqual(before);
  });

  test("leaves another user's expenses out of the summary and the filters", async ({ api, alice, bob }) => {
    const { createdExpense } = expensesOf(api, alice);
    const theirs = await categoryOf(api, bob);
    await createdExpense({ category: 'their-secret-category', amount: '77.00', budget_category_id: theirs.id }, bob);
    const summary = await (await api.request('/api/v1/expenses/summary', { token: alice.token })).json();
    expect(JSON.stringify(summary)).not.toContain('their-secret-category');
    const filtered = await (await api.request(`/api/v1/expenses?budget_category_id=${theirs.id}`, { token: alice.token })).json();
    expect(filtered.data).toEqual([]);
  });
});

describe('recurring expenses', () => {
  test('accept only the pattern the recurring job understands, and store nothing otherwise', async ({ api, alice }) => {
    const { postExpense } = expensesOf(api, alice);
    const before = await moneyState(api);
    for (const recurring_pattern of [{ frequency: 'fortnightly' }, { frequency: 'monthly', interval: 0 }, { frequency: 'weekly', until: 'soon' }, { every: 'month' }]) {
      const problem = await expectProblem(await postExpense({ ...validExpense, is_recurring: true, recurring_pattern }), 400);
      expect(fieldsOf(problem).every((path) => path.startsWith('recurring_pattern')), JSON.stringify(problem.errors)).toBe(true);
    }
    expect(await moneyState(api)).toEqual(before);
    const accepted = await postExpense({ ...validExpense, is_recurring: true, recurring_pattern: { frequency: 'monthly', until: '2027-01-01' } });
    expect(accepted.status).toBe(201);
    expect((await accepted.json()).recurring_pattern).toEqual({ frequency: 'monthly', interval: 1, until: '2027-01-01' });
  });
});
