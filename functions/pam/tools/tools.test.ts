import { type ApiUser, connectorFor, type TestApi } from '../../../test/support/app.ts';
import { describe, expect, test } from '../../../test/support/fixtures.ts';
import { callerOf } from '../../../test/support/pam.ts';
import { withCaller } from '../../database/transactions.ts';
import { ExpenseFilters, ExpenseInput, getExpense, listExpenses, logExpense } from '../../money/expenses.ts';
import { localEmbedder } from '../../knowledge/local-embedder.ts';
import { pamTools } from './index.ts';
import { parseToolArguments, type ToolContext, type ToolFailure, toolFailureOf } from './tool.ts';

/**
 * Each of PAM's tools as the turn runs it: the model's argument text parsed by the tool's
 * schema, then the tool in a transaction of its own under the user's claims, a domain
 * error coming back as something the model can read. One describe per registered tool;
 * the last describe fails when a registered tool has none. Between them, the list of
 * tools the API publishes, and the domain layer acting for a user without HTTP.
 */

type Outcome = { ok: true; result: any } | { ok: false; error: ToolFailure }; // eslint-disable-line @typescript-eslint/no-explicit-any

async function runTool(api: TestApi, user: ApiUser, name: string, args: unknown, context: Partial<ToolContext> = {}): Promise<Outcome> {
  const tool = pamTools.find((candidate) => candidate.name === name);
  if (!tool) throw new Error(`no tool named ${name}`);
  const parsed = parseToolArguments(tool, typeof args === 'string' ? args : JSON.stringify(args));
  if (!parsed.ok) return { ok: false, error: parsed.failure };
  const toolContext: ToolContext = {
    timezone: 'UTC',
    now: new Date(),
    shopper: { userId: user.id, affiliateId: undefined },
    embedder: localEmbedder,
    ...context,
  };
  try {
    const result = await withCaller(connectorFor(api.database), {}, await callerOf(user), (db) => tool.run(db, parsed.args, toolContext));
    return { ok: true, result };
  } catch (error) {
    const failure = toolFailureOf(error);
    if (!failure) throw error;
    return { ok: false, error: failure };
  }
}

async function post(api: TestApi, user: ApiUser, path: string, json: unknown) {
  const response = await api.request(path, { method: 'POST', token: user.token, json });
  expect(response.status, await response.clone().text()).toBe(201);
  return response.json();
}

/** Rows as the owner sees them; tests read them rather than type them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const rows = async (api: TestApi, sql: string, params: unknown[] = []): Promise<Record<string, any>[]> => (await api.database.owner.query(sql, params)).rows;

const described = new Set<string>();

/** The tests of one registered tool. */
function describeTool(name: string, tests: () => void) {
  described.add(name);
  describe(`the ${name} tool`, tests);
}

describeTool('create_todo', () => {
  test('adds a todo of the caller’s with its reminder; nobody else sees it', async ({ api, alice, bob }) => {
    const outcome = await runTool(api, alice, 'create_todo', {
      title: 'Rotate the tyres',
      due_date: '2026-12-11T09:00:00+08:00',
      reminder_at: '2026-12-11T09:00:00+08:00',
      priority: 'high',
    });

    expect(outcome).toMatchObject({ ok: true, result: { title: 'Rotate the tyres', status: 'pending', priority: 'high' } });
    if (!outcome.ok) return;
    const [row] = await rows(api, 'select user_id, priority, due_date, reminder_at from public.todos where id = $1', [outcome.result.id]);
    expect(row.user_id).toBe(alice.id);
    expect(row.priority).toBe('high');
    expect(new Date(row.reminder_at).toISOString()).toBe('2026-12-11T01:00:00.000Z');
    expect((await api.request(`/api/v1/todos/${outcome.result.id}`, { token: bob.token })).status).toBe(404);
  });

  test('a date that is not one comes back as a field error, and nothing is added', async ({ api, alice }) => {
    const outcome = await runTool(api, alice, 'create_todo', { title: 'Rotate the tyres', due_date: 'next Friday-ish' });

    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.fields?.map((f) => f.path)).toEqual(['due_date']);
    expect(await rows(api, 'select id from public.todos where user_id = $1', [alice.id])).toEqual([]);
  });
});

describeTool('list_todos', () => {
  test('lists the caller’s todos newest first, by status, and says when there are more', async ({ api, alice, bob }) => {
    await post(api, alice, '/api/v1/todos', { title: 'Empty the grey water' });
    await post(api, alice, '/api/v1/todos', { title: 'Book the ferry', status: 'completed' });
    await post(api, alice, '/api/v1/todos', { title: 'Check the tyre pressures' });
    await post(api, bob, '/api/v1/todos', { title: "Bob's todo" });

    const all = await runTool(api, alice, 'list_todos', {});
    expect(all).toMatchObject({ ok: true, result: { more: false } });
    expect(all.ok && all.result.todos.map((t: { title: string }) => t.title)).toEqual([
      'Check the tyre pressures',
      'Book the ferry',
      'Empty the grey water',
    ]);
    const done = await runTool(api, alice, 'list_todos', { status: 'completed' });
    expect(done.ok && done.result.todos.map((t: { title: string }) => t.title)).toEqual(['Book the ferry']);
    const first = await runTool(api, alice, 'list_todos', { limit: 1 });
    expect(first).toMatchObject({ ok: true, result: { todos: [{ title: 'Check the tyre pressures' }], more: true } });
  });

  test('an unknown status is refused with the field named', async ({ api, alice }) => {
    const outcome = await runTool(api, alice, 'list_todos', { status: 'someday' });
    expect(outcome).toMatchObject({ ok: false, error: { error: 'The arguments do not fit the tool.', fields: [{ path: 'status' }] } });
  });
});

describeTool('complete_todo', () => {
  test('completes an open todo by words of its title, or by id', async ({ api, alice }) => {
    const water = await post(api, alice, '/api/v1/todos', { title: 'Buy 20 litres of water' });
    const gas = await post(api, alice, '/api/v1/todos', { title: 'Swap the gas bottle' });

    expect(await runTool(api, alice, 'complete_todo', { title: 'LITRES of water' })).toMatchObject({
      ok: true,
      result: { id: water.id, status: 'completed' },
    });
    expect(await runTool(api, alice, 'complete_todo', { id: gas.id })).toMatchObject({ ok: true, result: { id: gas.id, status: 'completed' } });
    expect(await rows(api, 'select status from public.todos where user_id = $1', [alice.id])).toEqual([{ status: 'completed' }, { status: 'completed' }]);
  });

  test('another user’s todo is not found, by id or by title, and stays as it was', async ({ api, alice, bob }) => {
    const todo = await post(api, alice, '/api/v1/todos', { title: 'Renew the insurance' });

    expect(await runTool(api, bob, 'complete_todo', { id: todo.id })).toEqual({ ok: false, error: { error: 'No such todo.' } });
    expect(await runTool(api, bob, 'complete_todo', { title: 'insurance' })).toEqual({
      ok: false,
      error: { error: 'No such open todo matching "insurance".' },
    });
    expect(await rows(api, 'select status, completed_at from public.todos where id = $1', [todo.id])).toEqual([{ status: 'pending', completed_at: null }]);
  });

  test('neither an id nor a title is refused', async ({ api, alice }) => {
    const outcome = await runTool(api, alice, 'complete_todo', {});
    expect(outcome).toMatchObject({ ok: false, error: { error: 'The arguments do not fit the tool.', fields: [{ message: 'give the id or the title' }] } });
  });
});

describeTool('log_expense', () => {
  test('records the expense under the caller’s budget category of that name, dated today where the user is', async ({ api, alice, bob }) => {
    const budget = await post(api, alice, '/api/v1/budgets', { name: 'Outback', total_amount: '1500.00', currency: 'AUD', start_date: '2001-01-01' });
    const fuel = await post(api, alice, `/api/v1/budgets/${budget.id}/categories`, { name: 'Fuel', allocated_amount: '300.00' });

    // 20:00 UTC on 1 March is already 2 March in Sydney.
    const outcome = await runTool(
      api,
      alice,
      'log_expense',
      { amount: '64.50', description: 'Diesel', category: ' Fuel ', vendor: 'Shell', location: 'Broken Hill' },
      { timezone: 'Australia/Sydney', now: new Date('2026-03-01T20:00:00Z') },
    );

    expect(outcome).toEqual({
      ok: true,
      result: {
        id: expect.any(String),
        amount: '64.50',
        description: 'Diesel',
        category: 'fuel',
        expense_date: '2026-03-02',
        budget_category: { name: 'Fuel', budget: 'Outback' },
      },
    });
    if (!outcome.ok) return;
    expect(
      await rows(api, 'select user_id, vendor, location, budget_category_id from public.expenses where id = $1', [outcome.result.id]),
    ).toEqual([{ user_id: alice.id, vendor: 'Shell', location: { name: 'Broken Hill' }, budget_category_id: fuel.id }]);
    expect(await rows(api, 'select spent_amount::text from public.budget_categories where id = $1', [fuel.id])).toEqual([{ spent_amount: '64.50' }]);
    expect((await api.request(`/api/v1/expenses/${outcome.result.id}`, { token: bob.token })).status).toBe(404);
  });

  test('another user’s budget category of that name is not the caller’s: the expense goes unlinked', async ({ api, alice, bob }) => {
    const budget = await post(api, bob, '/api/v1/budgets', { name: 'Bob', total_amount: '100.00', currency: 'AUD', start_date: '2001-01-01' });
    await post(api, bob, `/api/v1/budgets/${budget.id}/categories`, { name: 'Fuel', allocated_amount: '100.00' });

    const outcome = await runTool(api, alice, 'log_expense', { amount: '10', description: 'Unleaded', category: 'fuel', expense_date: '2026-04-01' });

    expect(outcome).toMatchObject({ ok: true, result: { amount: '10.00', expense_date: '2026-04-01', budget_category: null } });
  });

  test('is counted against a category only of that name, or one starting with the word, never one that merely contains it', async ({ api, alice }) => {
    const budget = await post(api, alice, '/api/v1/budgets', { name: 'Family', total_amount: '900.00', currency: 'AUD', start_date: '2001-01-01' });
    await post(api, alice, `/api/v1/budgets/${budget.id}/categories`, { name: "Mother's day", allocated_amount: '100.00' });
    const fuel = await post(api, alice, `/api/v1/budgets/${budget.id}/categories`, { name: 'Fuel & gas', allocated_amount: '300.00' });
    await post(api, alice, `/api/v1/budgets/${budget.id}/categories`, { name: 'Seafood', allocated_amount: '100.00' });

    const other = await runTool(api, alice, 'log_expense', { amount: '9.00', description: 'Batteries' });
    const food = await runTool(api, alice, 'log_expense', { amount: '15.00', description: 'Pies', category: 'food' });
    const diesel = await runTool(api, alice, 'log_expense', { amount: '80.00', description: 'Diesel', category: 'fuel' });

    expect(other).toMatchObject({ ok: true, result: { category: 'other', budget_category: null } });
    expect(food).toMatchObject({ ok: true, result: { category: 'food', budget_category: null } });
    expect(diesel).toMatchObject({ ok: true, result: { budget_category: { name: 'Fuel & gas', budget: 'Family' } } });
    expect(await rows(api, 'select id, spent_amount::text from public.budget_categories where budget_id = $1 and spent_amount > 0', [budget.id])).toEqual([
      { id: fuel.id, spent_amount: '80.00' },
    ]);
  });

  test('without a category it is "other"; an amount with three decimals is refused', async ({ api, alice }) => {
    expect(await runTool(api, alice, 'log_expense', { amount: '3.20', description: 'Ice' })).toMatchObject({ ok: true, result: { category: 'other' } });
    const refused = await runTool(api, alice, 'log_expense', { amount: '3.205', description: 'Ice' });
    expect(refused).toMatchObject({ ok: false, error: { fields: [{ path: 'amount' }] } });
    expect(await rows(api, 'select amount::text from public.expenses where user_id = $1', [alice.id])).toEqual([{ amount: '3.20' }]);
  });
});

describeTool('budget_status', () => {
  test('answers one category by a word, or every active budget', async ({ api, alice, bob }) => {
    const outback = await post(api, alice, '/api/v1/budgets', { name: 'Outback', total_amount: '1500.00', currency: 'AUD', start_date: '2001-01-01' });
    const fuel = await post(api, alice, `/api/v1/budgets/${outback.id}/categories`, { name: 'Fuel', allocated_amount: '300.00' });
    await post(api, alice, '/api/v1/expenses', { amount: '100.00', description: 'Diesel', category: 'fuel', expense_date: '2026-05-01', budget_category_id: fuel.id });
    const old = await post(api, alice, '/api/v1/budgets', { name: 'Last year', total_amount: '900.00', currency: 'AUD', start_date: '2000-01-01' });
    expect((await api.request(`/api/v1/budgets/${old.id}`, { method: 'PATCH', token: alice.token, json: { is_active: false } })).status).toBe(200);
    await post(api, bob, '/api/v1/budgets', { name: 'Bob', total_amount: '100.00', currency: 'AUD', start_date: '2001-01-01' });

    expect(await runTool(api, alice, 'budget_status', { category: 'fuel' })).toMatchObject({
      ok: true,
      result: { category_name: 'Fuel', budget_name: 'Outback', allocated_amount: '300.00', spent_amount: '100.00', remaining_amount: '200.00' },
    });
    const all = await runTool(api, alice, 'budget_status', {});
    expect(all.ok && all.result.budgets.map((b: { id: string }) => b.id)).toEqual([outback.id]);
  });

  test('a word no category of the caller’s matches is not found', async ({ api, alice }) => {
    expect(await runTool(api, alice, 'budget_status', { category: 'snacks' })).toEqual({
      ok: false,
      error: { error: 'No such budget category matching "snacks".' },
    });
  });
});

describeTool('expense_summary', () => {
  test('totals the caller’s spending in the period, per category or per month', async ({ api, alice, bob }) => {
    const spend = (user: ApiUser, amount: string, category: string, date: string) =>
      post(api, user, '/api/v1/expenses', { amount, description: category, category, expense_date: date });
    await spend(alice, '60.00', 'fuel', '2026-03-03');
    await spend(alice, '20.50', 'food', '2026-03-10');
    await spend(alice, '40.00', 'fuel', '2026-04-02');
    await spend(alice, '5.00', 'fuel', '2026-02-27');
    await spend(bob, '999.00', 'fuel', '2026-03-05');

    expect(await runTool(api, alice, 'expense_summary', { from: '2026-03-01', to: '2026-04-30' })).toEqual({
      ok: true,
      result: {
        group_by: 'category',
        from: '2026-03-01',
        to: '2026-04-30',
        total: '120.50',
        count: 3,
        groups: [
          { key: 'fuel', total: '100.00', count: 2 },
          { key: 'food', total: '20.50', count: 1 },
        ],
      },
    });
    const monthly = await runTool(api, alice, 'expense_summary', { group_by: 'month' });
    expect(monthly.ok && monthly.result.groups.map((g: { key: string; total: string }) => [g.key, g.total])).toEqual([
      ['2026-02', '5.00'],
      ['2026-03', '80.50'],
      ['2026-04', '40.00'],
    ]);
  });

  test('a date that is not YYYY-MM-DD, or a period that ends before it starts, is refused', async ({ api, alice }) => {
    expect(await runTool(api, alice, 'expense_summary', { from: 'March' })).toMatchObject({ ok: false, error: { fields: [{ path: 'from' }] } });
    expect(await runTool(api, alice, 'expense_summary', { from: '2026-04-01', to: '2026-03-01' })).toMatchObject({
      ok: false,
      error: { fields: [{ path: 'to', message: 'must not be before `from`' }] },
    });
  });
});

describeTool('upcoming_maintenance', () => {
  const dayFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

  test('lists the caller’s services due within the days asked, overdue ones first', async ({ api, alice, bob }) => {
    const van = await post(api, alice, '/api/v1/vehicles', { make: 'Toyota', model: 'HiLux', year: 2019 });
    const log = (user: ApiUser, vehicleId: string, type: string, next: string) =>
      post(api, user, `/api/v1/vehicles/${vehicleId}/maintenance`, { maintenance_type: type, service_date: '2025-01-10', next_service_date: next });
    await log(alice, van.id, 'oil_change', dayFromToday(10));
    await log(alice, van.id, 'brakes', dayFromToday(-3));
    await log(alice, van.id, 'timing_belt', dayFromToday(200));
    const bobsVan = await post(api, bob, '/api/v1/vehicles', { make: 'Ford', model: 'Transit', year: 2015 });
    await log(bob, bobsVan.id, 'tyres', dayFromToday(2));

    expect(await runTool(api, alice, 'upcoming_maintenance', {})).toEqual({
      ok: true,
      result: {
        due: [
          { vehicle: 'Toyota HiLux', maintenance_type: 'brakes', next_service_date: dayFromToday(-3), days_until_due: -3, overdue: true },
          { vehicle: 'Toyota HiLux', maintenance_type: 'oil_change', next_service_date: dayFromToday(10), days_until_due: 10, overdue: false },
        ],
      },
    });
    const week = await runTool(api, alice, 'upcoming_maintenance', { days: 7 });
    expect(week.ok && week.result.due.map((d: { maintenance_type: string }) => d.maintenance_type)).toEqual(['brakes']);
  });

  test('days must be a whole number from 1', async ({ api, alice }) => {
    expect(await runTool(api, alice, 'upcoming_maintenance', { days: 0 })).toMatchObject({ ok: false, error: { fields: [{ path: 'days' }] } });
    expect(await runTool(api, alice, 'upcoming_maintenance', { days: 'soon' })).toMatchObject({ ok: false, error: { fields: [{ path: 'days' }] } });
  });
});

describeTool('list_trips', () => {
  test('lists the caller’s trips newest first, by status', async ({ api, alice, bob }) => {
    await post(api, alice, '/api/v1/trips', { name: 'Gibb River Road', origin: {}, destination: {} });
    await post(api, alice, '/api/v1/trips', { name: 'Nullarbor', origin: {}, destination: {}, status: 'in_progress' });
    await post(api, bob, '/api/v1/trips', { name: "Bob's trip", origin: {}, destination: {} });

    const all = await runTool(api, alice, 'list_trips', {});
    expect(all.ok && all.result.trips.map((t: { name: string }) => t.name)).toEqual(['Nullarbor', 'Gibb River Road']);
    expect(await runTool(api, alice, 'list_trips', { status: 'in_progress' })).toMatchObject({
      ok: true,
      result: { trips: [{ name: 'Nullarbor', status: 'in_progress' }] },
    });
  });
});

describeTool('create_trip', () => {
  test('plans a trip of the caller’s with where from and where to', async ({ api, alice, bob }) => {
    const outcome = await runTool(api, alice, 'create_trip', {
      name: 'Adelaide to Perth',
      origin: 'Adelaide',
      destination: 'Perth',
      start_date: '2026-09-01',
      end_date: '2026-09-20',
    });

    expect(outcome).toMatchObject({ ok: true, result: { name: 'Adelaide to Perth', status: 'planned', start_date: '2026-09-01', end_date: '2026-09-20' } });
    if (!outcome.ok) return;
    expect(await rows(api, 'select user_id, origin, destination from public.trips where id = $1', [outcome.result.id])).toEqual([
      { user_id: alice.id, origin: { address: 'Adelaide' }, destination: { address: 'Perth' } },
    ]);
    expect((await api.request(`/api/v1/trips/${outcome.result.id}`, { token: bob.token })).status).toBe(404);
  });

  test('an end before the start is refused, naming end_date, and nothing is planned', async ({ api, alice }) => {
    const outcome = await runTool(api, alice, 'create_trip', { name: 'Backwards', start_date: '2026-09-20', end_date: '2026-09-01' });

    expect(outcome).toMatchObject({ ok: false, error: { fields: [{ path: 'end_date' }] } });
    expect(await rows(api, 'select id from public.trips where user_id = $1', [alice.id])).toEqual([]);
  });
});

describeTool('search_products', () => {
  test('finds active products, with a checkout link that credits the caller', async ({ api, alice }) => {
    const [product] = await rows(
      api,
      `insert into public.shop_products (name, description, price, currency, category, digistore24_id, is_active)
       values ('Solar shower bag', 'Twenty litres of warm water', '34.00', 'AUD', 'camping', '555001', true),
              ('Old solar shower', 'Withdrawn', '10.00', 'AUD', 'camping', '555002', false)
       returning id`,
    );

    const outcome = await runTool(api, alice, 'search_products', { q: 'solar shower' }, { shopper: { userId: alice.id, affiliateId: 'pamaffiliate' } });

    expect(outcome).toEqual({
      ok: true,
      result: {
        products: [
          {
            id: product.id,
            name: 'Solar shower bag',
            price: '34.00',
            currency: 'AUD',
            category: 'camping',
            checkout_url: `https://www.digistore24.com/redir/555001/pamaffiliate/?custom=${encodeURIComponent(`m:${alice.id}`)}`,
          },
        ],
      },
    });
  });

  test('an empty query is refused', async ({ api, alice }) => {
    expect(await runTool(api, alice, 'search_products', { q: '' })).toMatchObject({ ok: false, error: { fields: [{ path: 'q' }] } });
  });
});

describeTool('search_knowledge', () => {
  test('finds what the caller’s own notes say, never another user’s', async ({ api, alice, bob }) => {
    const note = (user: ApiUser, title: string, content: string) => post(api, user, '/api/v1/knowledge', { title, content });
    const mine = await note(alice, 'Nullarbor crossing', 'Water stops on the Nullarbor: Balladonia roadhouse sells drinking water by the litre.');
    await note(alice, 'Van maintenance', 'Tyre pressure 4.5 bar front and 4.8 bar rear when loaded.');
    await note(bob, "Bob's Nullarbor notes", 'Secret water stops on the Nullarbor only Bob knows about.');

    const outcome = await runTool(api, alice, 'search_knowledge', { q: 'where to get water on the Nullarbor' });

    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const titles = outcome.result.results.map((r: { title: string }) => r.title);
    expect(titles[0]).toBe('Nullarbor crossing');
    expect(titles).not.toContain("Bob's Nullarbor notes");
    expect(outcome.result.results[0]).toMatchObject({ document_id: mine.id, excerpt: expect.stringContaining('Balladonia') });
  });

  test('an empty question is refused', async ({ api, alice }) => {
    expect(await runTool(api, alice, 'search_knowledge', { q: '' })).toMatchObject({ ok: false, error: { fields: [{ path: 'q' }] } });
  });
});

describe('GET /api/v1/pam/tools', () => {
  interface ListedTool {
    name: string;
    description: string;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    parameters: Record<string, any>;
    asks_first: boolean;
  }

  test('lists exactly the registered tools, each with the JSON Schema of its arguments', async ({ api, alice }) => {
    const response = await api.request('/api/v1/pam/tools', { token: alice.token });
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as { data: ListedTool[] };

    expect(data.map((tool) => tool.name)).toEqual(pamTools.map((tool) => tool.name));
    for (const tool of data) {
      expect(tool.description.length, tool.name).toBeGreaterThan(10);
      expect(tool.parameters, tool.name).toMatchObject({ type: 'object', properties: expect.any(Object) });
      expect(tool.parameters, tool.name).not.toHaveProperty('$schema');
      expect(tool.asks_first, tool.name).toBe(false);
    }
    const logExpense = data.find((tool) => tool.name === 'log_expense')!;
    expect(logExpense.parameters.required).toEqual(['amount', 'description']);
    expect(logExpense.parameters.properties.amount).toMatchObject({ type: 'string', pattern: expect.any(String) });
    expect(new RegExp(logExpense.parameters.properties.amount.pattern).test('64.50')).toBe(true);
    expect(new RegExp(logExpense.parameters.properties.amount.pattern).test('64.505')).toBe(false);
    expect(logExpense.parameters.properties.expense_date).toMatchObject({ type: 'string', format: 'date' });
    const listTodos = data.find((tool) => tool.name === 'list_todos')!;
    expect(listTodos.parameters.properties.status.enum).toEqual(['pending', 'in_progress', 'completed', 'cancelled']);
    expect(listTodos.parameters.properties.limit).toMatchObject({ type: 'integer', minimum: 1, maximum: 50 });
  });

  test('needs a signed-in caller', async ({ api }) => {
    expect((await api.request('/api/v1/pam/tools')).status).toBe(401);
  });
});

/**
 * What every tool does underneath, without HTTP: a domain function with validated input,
 * in a transaction under the user's own claims, where row-level security applies exactly
 * as on the routes.
 */
describe('a domain function run under a user’s claims', () => {
  const firewood = () => ExpenseInput.parse({ amount: '42', description: 'Firewood', category: 'supplies', expense_date: '2026-06-01' });

  test('logExpense writes a row of the user’s that another user’s claims cannot see', async ({ api, alice, bob }) => {
    const connect = connectorFor(api.database);

    const expense = await withCaller(connect, {}, await callerOf(alice), (db) => logExpense(db, firewood()));

    expect(expense).toMatchObject({ user_id: alice.id, amount: '42.00', description: 'Firewood' });
    expect(await rows(api, 'select user_id from public.expenses where id = $1', [expense.id])).toEqual([{ user_id: alice.id }]);
    expect(await withCaller(connect, {}, await callerOf(alice), (db) => getExpense(db, expense.id))).toMatchObject({ id: expense.id });
    const bobs = await callerOf(bob);
    expect((await withCaller(connect, {}, bobs, (db) => listExpenses(db, ExpenseFilters.parse({})))).data).toEqual([]);
    await expect(withCaller(connect, {}, bobs, (db) => getExpense(db, expense.id))).rejects.toMatchObject({ kind: 'not_found' });
  });

  test('work that fails part-way leaves nothing behind', async ({ api, alice }) => {
    const attempt = withCaller(connectorFor(api.database), {}, await callerOf(alice), async (db) => {
      await logExpense(db, firewood());
      throw new Error('the tool failed after writing');
    });

    await expect(attempt).rejects.toThrow('the tool failed after writing');
    expect(await rows(api, 'select id from public.expenses where user_id = $1', [alice.id])).toEqual([]);
  });

  test('a session the user ended cannot be acted for any more', async ({ api, alice }) => {
    const caller = await callerOf(alice);
    const sessions = await (await api.request('/api/v1/sessions', { token: alice.token })).json();
    const current = sessions.data.find((session: { current: boolean }) => session.current);
    expect((await api.request(`/api/v1/sessions/${current.id}`, { method: 'DELETE', token: alice.token })).status).toBe(204);

    await expect(withCaller(connectorFor(api.database), {}, caller, (db) => logExpense(db, firewood()))).rejects.toMatchObject({ kind: 'unauthorized' });
    expect(await rows(api, 'select id from public.expenses where user_id = $1', [alice.id])).toEqual([]);
  });
});

describe('the tools as a whole', () => {
  test('every registered tool has tests of its own in this file', () => {
    expect(pamTools.map((tool) => tool.name).filter((name) => !described.has(name))).toEqual([]);
  });

  test('every tool described here is registered, and no name is registered twice', () => {
    const names = pamTools.map((tool) => tool.name);
    expect([...described].filter((name) => !names.includes(name))).toEqual([]);
    expect(new Set(names).size).toBe(names.length);
  });

  test('argument text that is not JSON never reaches a tool', async ({ api, alice }) => {
    expect(await runTool(api, alice, 'create_todo', '{"title": "half')).toEqual({ ok: false, error: { error: 'The arguments are not valid JSON.' } });
  });
});
