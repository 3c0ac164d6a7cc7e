import { describe, expect, it } from 'vitest';
import { collect } from '../../../test/support/fake-llm.ts';
import { formatTodayLine } from '../dates.ts';
import { HELP_TEXT, LocalCommandProvider } from './local.ts';
import type { ChatMessage, ProviderEvent, ToolCall, ToolDefinition } from './types.ts';

const TOOL_NAMES = [
  'create_todo',
  'list_todos',
  'complete_todo',
  'log_expense',
  'budget_status',
  'expense_summary',
  'upcoming_maintenance',
  'list_trips',
  'create_trip',
  'search_products',
  'search_knowledge',
];
const TOOLS: ToolDefinition[] = TOOL_NAMES.map((name) => ({ name, description: name, parameters: { type: 'object' } }));

const SYSTEM: ChatMessage = {
  role: 'system',
  content: `You are PAM.\n${formatTodayLine(new Date('2026-12-02T06:05:00Z'), 'Australia/Perth')}`,
};

const provider = new LocalCommandProvider();

const textOf = (events: ProviderEvent[]) => events.flatMap((e) => (e.type === 'text' ? [e.delta] : [])).join('');

/**
 * One whole turn as the chat loop runs it: the user's sentence, the provider's tool call,
 * the tool's result (given here) sent back, and the provider's answer.
 */
async function turn(sentence: string, toolResult: unknown) {
  const messages: ChatMessage[] = [SYSTEM, { role: 'user', content: sentence }];
  const first = await collect(provider.stream({ messages, tools: TOOLS }));
  const calls = first.flatMap((e) => (e.type === 'tool_call' ? [e.call] : []));
  expect(calls).toHaveLength(1);
  expect(first.at(-1)).toEqual({ type: 'finish', reason: 'tool_calls' });
  const [call] = calls;
  const answer = await collect(
    provider.stream({
      messages: [
        ...messages,
        { role: 'assistant', content: textOf(first), tool_calls: [call] },
        { role: 'tool', tool_call_id: call.id, name: call.name, content: JSON.stringify(toolResult) },
      ],
      tools: TOOLS,
    }),
  );
  expect(answer.at(-1)).toEqual({ type: 'finish', reason: 'stop' });
  return { call: { name: call.name, arguments: JSON.parse(call.arguments) }, answer: textOf(answer), deltas: answer.filter((e) => e.type === 'text') };
}

describe('the offline provider, a whole turn at a time', () => {
  it('logs an expense and says what it logged', async () => {
    const { call, answer, deltas } = await turn('I spent $64.50 on diesel in Broken Hill', {
      id: 'e1',
      amount: '64.50',
      description: 'Diesel',
      category: 'fuel',
      expense_date: '2026-12-02',
      budget_category: { name: 'Fuel', budget: 'Life on the road' },
    });
    expect(call).toEqual({
      name: 'log_expense',
      arguments: { amount: '64.50', description: 'Diesel', category: 'fuel', location: 'Broken Hill', expense_date: '2026-12-02' },
    });
    expect(answer).toBe('Logged $64.50 for diesel under fuel. It counts towards Fuel in your budget.');
    expect(deltas.length).toBeGreaterThan(3);
  });

  it('adds a todo', async () => {
    const { call, answer } = await turn('add a todo: buy 20 litres of water', {
      id: 't1',
      title: 'buy 20 litres of water',
      due_date: null,
      reminder_at: null,
    });
    expect(call).toEqual({ name: 'create_todo', arguments: { title: 'buy 20 litres of water' } });
    expect(answer).toBe('Added “buy 20 litres of water” to your todos.');
  });

  it('sets a reminder for 09:00 in the user’s timezone and says when, as the user reads it', async () => {
    const { call, answer } = await turn('remind me to rotate the tyres next Friday', {
      id: 't2',
      title: 'rotate the tyres',
      due_date: '2026-12-11T01:00:00.000Z',
      reminder_at: '2026-12-11T01:00:00.000Z',
    });
    expect(call).toEqual({
      name: 'create_todo',
      arguments: { title: 'rotate the tyres', due_date: '2026-12-11T09:00:00+08:00', reminder_at: '2026-12-11T09:00:00+08:00' },
    });
    expect(answer).toBe("Added “rotate the tyres” to your todos. I'll remind you on Friday 11 December at 9:00 am.");
  });

  it('says what is left in the budget asked about', async () => {
    const { call, answer } = await turn('how much is left in my fuel budget?', {
      category_id: 'c1',
      category_name: 'Fuel',
      budget_id: 'b1',
      budget_name: 'Life on the road',
      currency: 'USD',
      allocated_amount: '600.00',
      spent_amount: '168.45',
      remaining_amount: '431.55',
    });
    expect(call).toEqual({ name: 'budget_status', arguments: { category: 'fuel' } });
    expect(answer).toBe('Fuel: $431.55 left of $600.00, spent $168.45.');
  });

  it('finds the category asked about in a budget’s list, working out what is left', async () => {
    const { answer } = await turn('how much is left in my fuel budget?', {
      name: 'Life on the road',
      categories: [
        { name: 'Groceries', allocated_amount: '700.00', spent_amount: '126.34' },
        { name: 'Fuel', allocated_amount: '600.00', spent_amount: '168.45' },
      ],
    });
    expect(answer).toBe('Fuel: $431.55 left of $600.00, spent $168.45.');
  });

  it('sums up every budget when none is named', async () => {
    const { call, answer } = await turn("how's my budget", {
      budgets: [
        { id: 'b1', name: 'Life on the road', currency: 'USD', total_amount: '3200.00', total_allocated: '2900.00', total_spent: '527.47', remaining_budget: '2672.53' },
      ],
    });
    expect(call).toEqual({ name: 'budget_status', arguments: {} });
    expect(answer).toBe('Your budget:\n- Life on the road: $2672.53 left of $3200.00, spent $527.47');
  });

  it('lists the maintenance coming due', async () => {
    const { call, answer } = await turn('what maintenance is due?', {
      due: [
        { vehicle: 'Ford Transit', maintenance_type: 'inspection', next_service_date: '2026-11-20', days_until_due: -12, overdue: true },
        { vehicle: 'Ford Transit', maintenance_type: 'oil_change', next_service_date: '2026-12-14', days_until_due: 12, overdue: false },
      ],
    });
    expect(call).toEqual({ name: 'upcoming_maintenance', arguments: {} });
    expect(answer).toBe(
      'Coming up:\n- Inspection: overdue since Friday 20 November (Ford Transit)\n- Oil change: due Monday 14 December (Ford Transit)',
    );
    const loose = await turn('what maintenance is due in the next 60 days', {
      data: [{ maintenance_type: 'tire_rotation', next_service_date: '2027-01-21', next_service_mileage: 56030, vehicle: { make: 'Ford', model: 'Transit' } }],
    });
    expect(loose.answer).toBe('Coming up in the next 60 days:\n- Tire rotation: due Thursday 21 January 2027 or at 56030 (Ford Transit)');
    expect((await turn("what's due", { due: [] })).answer).toBe('No maintenance is due.');
  });

  it('searches the notes and quotes what it found', async () => {
    const { call, answer } = await turn('what did my notes say about the Nullarbor water stops?', {
      data: [{ title: 'Crossing the Nullarbor', snippet: 'Water at Border Village and Nullarbor Roadhouse; carry 40 L.', score: 0.82 }],
    });
    expect(call).toEqual({ name: 'search_knowledge', arguments: { q: 'Nullarbor water stops' } });
    expect(answer).toBe(
      'From your notes about “Nullarbor water stops”:\n- Crossing the Nullarbor: Water at Border Village and Nullarbor Roadhouse; carry 40 L.',
    );
  });

  it('lists todos, and says so when there are none', async () => {
    const listed = await turn('what are my todos', {
      todos: [
        { id: 't1', title: 'buy water', status: 'pending', due_date: '2026-12-03T01:00:00Z', reminder_at: null, priority: 'high' },
        { id: 't2', title: 'wash the van', status: 'pending', due_date: null, reminder_at: null },
      ],
      more: true,
    });
    expect(listed.answer).toBe('You have 2 todos:\n- buy water (due Thursday 3 December at 9:00 am, high)\n- wash the van\n…and more.');
    expect((await turn('show my todos', { todos: [], more: false })).answer).toBe('Your todo list is empty.');
    expect((await turn('show my completed todos', { data: [], next_cursor: null })).answer).toBe('You have no completed todos.');
  });

  it('completes a todo, plans a trip, summarises spending and searches the shop', async () => {
    expect((await turn('done: buy water', { title: 'buy water', status: 'completed' })).answer).toBe('Marked “buy water” as done.');
    expect((await turn('plan a trip to Broome next month', { name: 'Trip to Broome', start_date: '2027-01-01' })).answer).toBe(
      'Created the trip “Trip to Broome”, starting Friday 1 January 2027.',
    );
    const summary = {
      group_by: 'category',
      from: '2026-12-01',
      to: '2026-12-02',
      total: '412.30',
      count: 5,
      groups: [
        { key: 'food', total: '243.85', count: 3 },
        { key: 'fuel', total: '168.45', count: 2 },
      ],
    };
    expect((await turn('how much did I spend this month', summary)).answer).toBe(
      'You spent $412.30 from Tuesday 1 December to Wednesday 2 December.\n- Food: $243.85\n- Fuel: $168.45',
    );
    expect(
      (await turn('show my spending by month', { group_by: 'month', from: null, to: null, total: '412.30', count: 5, groups: [{ key: '2026-11', total: '100.00', count: 1 }, { key: '2026-12', total: '312.30', count: 4 }] }))
        .answer,
    ).toBe('You spent $412.30.\n- November 2026: $100.00\n- December 2026: $312.30');
    expect((await turn('how much did I spend last week', { total: '0.00', count: 0, groups: [] })).answer).toBe(
      'No spending recorded from Monday 23 November to Sunday 29 November.',
    );
    expect(
      (await turn('find a water filter in the shop', { products: [{ id: 'p1', name: 'Inline water filter', price: '49.95', currency: 'AUD', checkout_url: null }] }))
        .answer,
    ).toBe('From the shop, for “water filter”:\n- Inline water filter, $49.95');
    expect((await turn('my trips', { trips: [{ id: 'r1', name: 'Moab to Yellowstone', status: 'planned', start_date: '2026-12-20', end_date: null }] })).answer).toBe(
      'You have 1 trip:\n- Moab to Yellowstone (from Sunday 20 December, planned)',
    );
  });

  it('says what went wrong when a tool failed', async () => {
    const { answer } = await turn('done: buy milk', { error: 'open todo matching "buy milk" not found' });
    expect(answer).toBe('That didn\'t work: open todo matching "buy milk" not found');
    expect((await turn('done: buy milk', { error: { message: 'No todo called “buy milk”' } })).answer).toBe("That didn't work: No todo called “buy milk”");
  });

  it('answers every result of a turn with several tool calls', async () => {
    const calls: ToolCall[] = [
      { id: 'a', name: 'create_todo', arguments: '{"title":"buy water"}' },
      { id: 'b', name: 'log_expense', arguments: '{"amount":"12.00","description":"Coffee"}' },
    ];
    const events = await collect(
      provider.stream({
        messages: [
          SYSTEM,
          { role: 'user', content: 'several things' },
          { role: 'assistant', content: '', tool_calls: calls },
          { role: 'tool', tool_call_id: 'a', name: 'create_todo', content: '{"title":"buy water"}' },
          { role: 'tool', tool_call_id: 'b', name: 'log_expense', content: '{"amount":"12.00","description":"Coffee","category":"food"}' },
        ],
        tools: TOOLS,
      }),
    );
    expect(textOf(events)).toBe('Added “buy water” to your todos.\n\nLogged $12.00 for coffee under food.');
  });
});

describe('the offline provider, without a tool', () => {
  const say = async (content: string, tools = TOOLS) => collect(provider.stream({ messages: [SYSTEM, { role: 'user', content }], tools }));

  it('answers "help" with its grammar, streamed word by word without pauses', async () => {
    const started = performance.now();
    const events = await say('help');
    expect(performance.now() - started).toBeLessThan(100);
    expect(textOf(events)).toBe(HELP_TEXT);
    expect(events.filter((e) => e.type === 'text').length).toBeGreaterThan(50);
    expect(events.at(-1)).toEqual({ type: 'finish', reason: 'stop' });
  });

  it('says what it understands when it does not understand', async () => {
    const text = textOf(await say('what is the meaning of life'));
    expect(text).toContain("didn't catch that");
    expect(text).toContain('"help"');
  });

  it('asks when something is missing', async () => {
    expect(textOf(await say('remind me tomorrow'))).toBe('What should I remind you about?');
  });

  it('does not call a tool the loop did not offer', async () => {
    const events = await say('find a water filter in the shop', TOOLS.filter((t) => t.name !== 'search_products'));
    expect(events.some((e) => e.type === 'tool_call')).toBe(false);
    expect(textOf(events)).toBe("I can't search the shop here: that tool isn't available.");
  });

  it('reads "today" from its own clock when the prompt has no Today line', async () => {
    const clocked = new LocalCommandProvider({ now: () => new Date('2026-06-30T23:30:00Z') });
    const events = await collect(clocked.stream({ messages: [{ role: 'user', content: 'spent $10 on coffee yesterday' }], tools: TOOLS }));
    const call = events.find((e) => e.type === 'tool_call');
    expect(call?.type === 'tool_call' && JSON.parse(call.call.arguments).expense_date).toBe('2026-06-29');
  });

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    const run = (async () => {
      for await (const event of provider.stream({ messages: [SYSTEM, { role: 'user', content: 'help' }], tools: TOOLS, signal: controller.signal })) {
        if (event.type === 'text') controller.abort();
      }
    })();
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });
});
