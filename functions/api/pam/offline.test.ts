import type { ApiUser, TestApi } from '../../../test/support/app.ts';
import { describe, expect, test } from '../../../test/support/fixtures.ts';
import { HELP_TEXT, LOCAL_MODEL } from '../../pam/providers/local.ts';

/**
 * PAM with no language model configured (the app's env has no PAM_PROVIDER): every plain
 * command of LOCAL_COMMANDS.md through the routes, answered by the offline provider
 * through the same tools. Each says what it did, and the database shows it.
 */

const PERTH = 'Australia/Perth'; // UTC+8 all year

/** Today's date in Perth, and the weekday (Monday 0 ... Sunday 6). */
function perthToday(): { date: string; weekday: number } {
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: PERTH, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  return { date, weekday: (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7 };
}

const plusDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function post(api: TestApi, user: ApiUser, path: string, json: unknown) {
  const response = await api.request(path, { method: 'POST', token: user.token, json });
  expect(response.status, await response.clone().text()).toBe(201);
  return response.json();
}

/** One sentence to PAM in a new conversation; the stored reply and the tools it called. */
async function ask(api: TestApi, user: ApiUser, content: string) {
  const conversation = await post(api, user, '/api/v1/pam/conversations', {});
  const response = await api.request(`/api/v1/pam/conversations/${conversation.id}/messages`, {
    method: 'POST',
    token: user.token,
    json: { content },
  });
  expect(response.status, await response.clone().text()).toBe(200);
  const { assistant_message: reply } = await response.json();
  expect(reply).toMatchObject({ status: 'complete', metadata: { provider: 'local', model: LOCAL_MODEL } });
  return { text: reply.content as string, toolCalls: reply.metadata.tool_calls as { name: string; arguments: Record<string, unknown>; ok: boolean }[] };
}

/** Rows as the owner sees them; tests read them rather than type them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function rows(api: TestApi, sql: string, params: unknown[]): Promise<Record<string, any>[]> {
  return (await api.database.owner.query(sql, params)).rows;
}

async function inPerth(api: TestApi, user: ApiUser) {
  const response = await api.request('/api/v1/me', { method: 'PATCH', token: user.token, json: { preferences: { timezone: PERTH } } });
  expect(response.status).toBe(200);
}

describe('PAM offline: the commands it understands, through the routes', () => {
  test('"add a todo: ..." adds the todo', async ({ api, alice }) => {
    const { text, toolCalls } = await ask(api, alice, 'add a todo: buy 20 litres of water');

    expect(text).toBe('Added “buy 20 litres of water” to your todos.');
    expect(toolCalls).toMatchObject([{ name: 'create_todo', ok: true }]);
    expect(await rows(api, 'select title, status, due_date from public.todos where user_id = $1', [alice.id])).toEqual([
      { title: 'buy 20 litres of water', status: 'pending', due_date: null },
    ]);
  });

  test('"remind me to ... next Friday" sets the due date and the reminder at 9:00 on that Friday in the user\'s timezone', async ({ api, alice }) => {
    await inPerth(api, alice);
    const today = perthToday();
    // Next week's Friday: the Monday after this week's, plus four days.
    const friday = plusDays(today.date, 7 - today.weekday + 4);

    const { text } = await ask(api, alice, 'remind me to rotate the tyres next Friday');

    const [todo] = await rows(api, 'select title, due_date, reminder_at from public.todos where user_id = $1', [alice.id]);
    expect(todo.title).toBe('rotate the tyres');
    const nineInPerth = Date.parse(`${friday}T09:00:00+08:00`);
    expect(new Date(todo.due_date).getTime()).toBe(nineInPerth);
    expect(new Date(todo.reminder_at).getTime()).toBe(nineInPerth);
    expect(text).toMatch(/^Added “rotate the tyres” to your todos\. I'll remind you on Friday \d{1,2} [A-Z][a-z]+( \d{4})? at 9:00 am\.$/);
    expect(text).toContain(`Friday ${Number(friday.slice(8))} `);
  });

  test('"I spent $64.50 on diesel in Broken Hill" logs the expense under the user\'s Fuel budget category', async ({ api, alice }) => {
    await inPerth(api, alice);
    const budget = await post(api, alice, '/api/v1/budgets', { name: 'Outback', total_amount: '1500.00', currency: 'AUD', start_date: '2001-01-01' });
    const fuel = await post(api, alice, `/api/v1/budgets/${budget.id}/categories`, { name: 'Fuel', allocated_amount: '300.00' });

    const { text } = await ask(api, alice, 'I spent $64.50 on diesel in Broken Hill');

    expect(text).toMatch(/^Logged \$64\.50 for diesel under fuel\./);
    expect(
      await rows(api, 'select amount::text, description, category, location, expense_date::text, budget_category_id from public.expenses where user_id = $1', [
        alice.id,
      ]),
    ).toEqual([
      {
        amount: '64.50',
        description: 'Diesel',
        category: 'fuel',
        location: { name: 'Broken Hill' },
        expense_date: perthToday().date,
        budget_category_id: fuel.id,
      },
    ]);
    expect(await rows(api, 'select spent_amount::text from public.budget_categories where id = $1', [fuel.id])).toEqual([{ spent_amount: '64.50' }]);
  });

  test('without a matching budget category the expense is logged unlinked', async ({ api, alice }) => {
    const { text } = await ask(api, alice, 'spent 12 on coffee');

    expect(text).toBe('Logged $12.00 for coffee under food.');
    expect(await rows(api, 'select amount::text, category, budget_category_id from public.expenses where user_id = $1', [alice.id])).toEqual([
      { amount: '12.00', category: 'food', budget_category_id: null },
    ]);
  });

  test('"how much is left in my fuel budget?" answers from the category', async ({ api, alice }) => {
    const budget = await post(api, alice, '/api/v1/budgets', { name: 'Outback', total_amount: '1500.00', currency: 'AUD', start_date: '2001-01-01' });
    const fuel = await post(api, alice, `/api/v1/budgets/${budget.id}/categories`, { name: 'Fuel', allocated_amount: '300.00' });
    await post(api, alice, '/api/v1/expenses', { amount: '64.50', description: 'Diesel', category: 'fuel', expense_date: '2026-05-01', budget_category_id: fuel.id });

    const { text, toolCalls } = await ask(api, alice, 'how much is left in my fuel budget?');

    expect(toolCalls).toMatchObject([{ name: 'budget_status', arguments: { category: 'fuel' }, ok: true }]);
    expect(text).toBe('Fuel: $235.50 left of $300.00, spent $64.50.');
  });

  test('"what maintenance is due?" lists the service coming up on the user\'s vehicle', async ({ api, alice, bob }) => {
    const van = await post(api, alice, '/api/v1/vehicles', { make: 'Toyota', model: 'HiLux', year: 2019 });
    const inFiveDays = plusDays(new Date().toISOString().slice(0, 10), 5);
    await post(api, alice, `/api/v1/vehicles/${van.id}/maintenance`, { maintenance_type: 'oil_change', service_date: '2026-01-10', next_service_date: inFiveDays });
    const bobsVan = await post(api, bob, '/api/v1/vehicles', { make: 'Ford', model: 'Transit', year: 2015 });
    await post(api, bob, `/api/v1/vehicles/${bobsVan.id}/maintenance`, { maintenance_type: 'brakes', service_date: '2026-01-10', next_service_date: inFiveDays });

    const { text } = await ask(api, alice, 'what maintenance is due?');

    expect(text).toMatch(/^Coming up:\n- Oil change: due [A-Z][a-z]+day \d{1,2} [A-Z][a-z]+( \d{4})? \(Toyota HiLux\)$/);
  });

  test('"list my todos" lists the user\'s todos, and only theirs', async ({ api, alice, bob }) => {
    await post(api, alice, '/api/v1/todos', { title: 'Fill the water tank' });
    await post(api, alice, '/api/v1/todos', { title: 'Fix the awning', priority: 'urgent' });
    await post(api, bob, '/api/v1/todos', { title: "Bob's secret errand" });

    const { text } = await ask(api, alice, 'list my todos');

    expect(text).toBe('You have 2 todos:\n- Fix the awning (urgent)\n- Fill the water tank');
  });

  test('"done: ..." completes the open todo whose title has those words', async ({ api, alice }) => {
    const todo = await post(api, alice, '/api/v1/todos', { title: 'Buy 20 litres of water' });

    const { text } = await ask(api, alice, 'done: 20 litres of water');

    expect(text).toBe('Marked “Buy 20 litres of water” as done.');
    const [row] = await rows(api, 'select status, completed_at from public.todos where id = $1', [todo.id]);
    expect(row.status).toBe('completed');
    expect(row.completed_at).not.toBeNull();
  });

  test('"done: ..." with no such open todo says so and changes nothing', async ({ api, alice, bob }) => {
    const bobs = await post(api, bob, '/api/v1/todos', { title: 'Grease the hitch' });

    const { text } = await ask(api, alice, 'done: grease the hitch');

    expect(text).toBe('That didn\'t work: No such open todo matching "grease the hitch".');
    expect(await rows(api, 'select status from public.todos where id = $1', [bobs.id])).toEqual([{ status: 'pending' }]);
  });

  test('"plan a trip to Broome" creates the trip', async ({ api, alice }) => {
    const { text } = await ask(api, alice, 'plan a trip to Broome');

    expect(text).toBe('Created the trip “Trip to Broome”.');
    expect(await rows(api, 'select name, destination, status from public.trips where user_id = $1', [alice.id])).toEqual([
      { name: 'Trip to Broome', destination: { address: 'Broome' }, status: 'planned' },
    ]);
  });

  test('"find a water filter in the shop" searches the catalogue', async ({ api, alice }) => {
    await api.database.owner.query(
      `insert into public.shop_products (name, description, price, currency, category, is_active)
       values ('Ceramic water filter', 'Gravity filter for tank water', '49.95', 'AUD', 'water', true),
              ('Withdrawn water filter', 'No longer sold', '19.95', 'AUD', 'water', false)`,
    );

    const { text } = await ask(api, alice, 'find a water filter in the shop');

    expect(text).toBe('From the shop, for “water filter”:\n- Ceramic water filter, $49.95');
  });

  test('"help" lists the commands', async ({ api, alice }) => {
    const { text, toolCalls } = await ask(api, alice, 'help');

    expect(text).toBe(HELP_TEXT);
    expect(toolCalls).toEqual([]);
  });

  test('a sentence it does not understand gets a pointer to help, and nothing changes', async ({ api, alice }) => {
    const { text, toolCalls } = await ask(api, alice, 'the quick brown fox jumps over the lazy dog');

    expect(text).toMatch(/^Sorry, I didn't catch that\..*Say "help" to see them all\.$/);
    expect(toolCalls).toEqual([]);
    expect(
      await rows(
        api,
        `select (select count(*) from public.todos where user_id = $1)::int + (select count(*) from public.expenses where user_id = $1)::int
              + (select count(*) from public.trips where user_id = $1)::int as written`,
        [alice.id],
      ),
    ).toEqual([{ written: 0 }]);
  });
});
