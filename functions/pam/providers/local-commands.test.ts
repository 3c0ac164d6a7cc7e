import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { UserClock } from '../dates.ts';
import { HELP_TEXT } from './local.ts';
import { categoryOf, decimalAmount, interpretCommand } from './local-commands.ts';

/** Wednesday 2 December 2026, 14:05 in Perth (UTC+8). */
const clock: UserClock = { today: '2026-12-02', time: '14:05', timeZone: 'Australia/Perth' };
const interpret = (text: string) => interpretCommand(text, clock);

describe('the offline grammar', () => {
  describe('todos', () => {
    it.each([
      ['add a todo: buy 20 litres of water', { title: 'buy 20 litres of water' }],
      ['Add todo buy 20 litres of water', { title: 'buy 20 litres of water' }],
      ['todo: buy 20 litres of water.', { title: 'buy 20 litres of water' }],
      ['new task: check the awning', { title: 'check the awning' }],
      ['add check the awning to my todo list', { title: 'check the awning' }],
      ['add an urgent todo: fix the water pump', { title: 'fix the water pump', priority: 'urgent' }],
      ['add a todo: fix the water pump (high priority)', { title: 'fix the water pump', priority: 'high' }],
      ['add a todo: “clean the filters”', { title: 'clean the filters' }],
      ['add a todo: pay the rego by Friday', { title: 'pay the rego', due_date: '2026-12-04T09:00:00+08:00' }],
    ])('"%s" creates a todo', (text, args) => {
      expect(interpret(text)).toEqual({ kind: 'tool', name: 'create_todo', arguments: args });
    });

    it.each([
      ['remind me to rotate the tyres next Friday', 'rotate the tyres', '2026-12-11T09:00:00+08:00'],
      ['Remind me to rotate the tyres tomorrow at 5pm', 'rotate the tyres', '2026-12-03T17:00:00+08:00'],
      ['remind me on 12 March to renew the insurance', 'renew the insurance', '2027-03-12T09:00:00+08:00'],
      ['remind me about the gas bottle in 3 days', 'the gas bottle', '2026-12-05T09:00:00+08:00'],
      ['set a reminder to call Mum at 6pm', 'call Mum', '2026-12-02T18:00:00+08:00'],
      ['remind me to check the oil', 'check the oil', '2026-12-03T09:00:00+08:00'],
    ])('"%s" sets a reminder', (text, title, at) => {
      expect(interpret(text)).toEqual({ kind: 'tool', name: 'create_todo', arguments: { title, due_date: at, reminder_at: at } });
    });

    it('asks what to note down when the todo says nothing', () => {
      expect(interpret('add a todo')).toEqual({ kind: 'clarify', question: 'What should the todo say?' });
      expect(interpret('remind me tomorrow')).toEqual({ kind: 'clarify', question: 'What should I remind you about?' });
    });

    it.each([
      ['what are my todos', {}],
      ['show my todos', {}],
      ['my todos', {}],
      ['todo list', {}],
      ["what's on my list?", {}],
      ['show my completed todos', { status: 'completed' }],
      ['what tasks are still open', { status: 'pending' }],
    ])('"%s" lists todos', (text, args) => {
      expect(interpret(text)).toEqual({ kind: 'tool', name: 'list_todos', arguments: args });
    });

    it.each([
      ['done: buy water', 'buy water'],
      ['I finished buy water', 'buy water'],
      ["I've finished the buy water todo", 'buy water'],
      ['mark buy water as done', 'buy water'],
      ['mark "buy water" as complete', 'buy water'],
      ['tick off buy water', 'buy water'],
      ['complete buy water', 'buy water'],
      ['buy water is done', 'buy water'],
    ])('"%s" completes "%s"', (text, title) => {
      expect(interpret(text)).toEqual({ kind: 'tool', name: 'complete_todo', arguments: { title } });
    });
  });

  describe('money', () => {
    it.each([
      [
        'I spent $64.50 on diesel in Broken Hill',
        { amount: '64.50', description: 'Diesel', category: 'fuel', location: 'Broken Hill', expense_date: '2026-12-02' },
      ],
      ['spent 12 on coffee', { amount: '12.00', description: 'Coffee', category: 'food', expense_date: '2026-12-02' }],
      [
        'paid $30 for camping at Mundi Mundi',
        { amount: '30.00', description: 'Camping', category: 'camping', vendor: 'Mundi Mundi', expense_date: '2026-12-02' },
      ],
      [
        'I paid $1,234.5 for new tyres at Bob Jane in Port Augusta yesterday',
        { amount: '1234.50', description: 'New tyres', category: 'vehicle', vendor: 'Bob Jane', location: 'Port Augusta', expense_date: '2026-12-01' },
      ],
      ['we spent about 85 dollars on groceries on Monday', { amount: '85.00', description: 'Groceries', category: 'food', expense_date: '2026-11-30' }],
      ['bought a gas bottle for $32', { amount: '32.00', description: 'Gas bottle', category: 'supplies', expense_date: '2026-12-02' }],
      ['$18 on a caravan park shower', { amount: '18.00', description: 'Caravan park shower', category: 'camping', expense_date: '2026-12-02' }],
      ['spent $20 on a souvenir', { amount: '20.00', description: 'Souvenir', expense_date: '2026-12-02' }],
      ['spent $5 on laundry in cash', { amount: '5.00', description: 'Laundry in cash', category: 'personal', expense_date: '2026-12-02' }],
    ])('"%s" logs an expense', (text, args) => {
      expect(interpret(text)).toEqual({ kind: 'tool', name: 'log_expense', arguments: args });
    });

    it('never dates an expense in the future', () => {
      expect(interpret('spent $20 on fuel tomorrow')).toMatchObject({ arguments: { expense_date: '2026-12-02' } });
    });

    it('asks for an amount that is zero', () => {
      expect(interpret('spent $0 on fuel')).toEqual({ kind: 'clarify', question: 'How much did you spend?' });
    });

    it.each([
      ['how much is left in my fuel budget?', { category: 'fuel' }],
      ['how much is left in the food budget', { category: 'food' }],
      ['how much have I got left for groceries', { category: 'groceries' }],
      ['how much is left in my camping budget', { category: 'camping' }],
      ['what’s left in my fun budget?', { category: 'fun' }],
      ['budget left', {}],
      ["how's my budget", {}],
      ['how much is left in my budget?', {}],
    ])('"%s" asks for the budget', (text, args) => {
      expect(interpret(text)).toEqual({ kind: 'tool', name: 'budget_status', arguments: args });
    });

    it.each([
      ['how much did I spend this month', { from: '2026-12-01', to: '2026-12-02' }],
      ['how much did I spend last week?', { from: '2026-11-23', to: '2026-11-29' }],
      ['what did I spend on fuel this month', { from: '2026-12-01', to: '2026-12-02', group_by: 'category' }],
      ['spending by category this year', { from: '2026-01-01', to: '2026-12-02', group_by: 'category' }],
      ['show my spending by month', { group_by: 'month' }],
      ['how much have I spent', {}],
    ])('"%s" summarises spending', (text, args) => {
      expect(interpret(text)).toEqual({ kind: 'tool', name: 'expense_summary', arguments: args });
    });
  });

  describe('the van, trips, the shop and notes', () => {
    it.each([
      ['what maintenance is due?', {}],
      ["what's due", {}],
      ['anything due?', {}],
      ['when is my next service', {}],
      ['what maintenance is due in the next 30 days', { days: 30 }],
      ['any maintenance coming up this month?', { days: 30 }],
    ])('"%s" asks for maintenance', (text, args) => {
      expect(interpret(text)).toEqual({ kind: 'tool', name: 'upcoming_maintenance', arguments: args });
    });

    it.each([
      ['plan a trip to Broome', { name: 'Trip to Broome', destination: 'Broome' }],
      [
        'plan a trip from Adelaide to Perth next month',
        { name: 'Adelaide to Perth', origin: 'Adelaide', destination: 'Perth', start_date: '2027-01-01' },
      ],
      ['new trip: Gibb River Road', { name: 'Gibb River Road' }],
    ])('"%s" creates a trip', (text, args) => {
      expect(interpret(text)).toEqual({ kind: 'tool', name: 'create_trip', arguments: args });
    });

    it.each(['my trips', 'show my trips', 'what trips do I have', 'list my upcoming trips'])('"%s" lists trips', (text) => {
      expect(interpret(text)).toEqual({ kind: 'tool', name: 'list_trips', arguments: {} });
    });

    it.each([
      ['find a water filter in the shop', 'water filter'],
      ['search the shop for solar panels', 'solar panels'],
      ['do you sell recovery boards?', 'recovery boards'],
      ['shop: tyre deflators', 'tyre deflators'],
    ])('"%s" searches the shop for "%s"', (text, q) => {
      expect(interpret(text)).toEqual({ kind: 'tool', name: 'search_products', arguments: { q } });
    });

    it.each([
      ['what did my notes say about the Nullarbor water stops?', 'Nullarbor water stops'],
      ['search my notes for free camps', 'free camps'],
      ['look up tyre pressures in my notes', 'tyre pressures'],
      ['notes about Cape York', 'Cape York'],
    ])('"%s" searches notes for "%s"', (text, q) => {
      expect(interpret(text)).toEqual({ kind: 'tool', name: 'search_knowledge', arguments: { q } });
    });
  });

  describe('everything else', () => {
    it.each(['help', 'Help!', '?', 'what can you do?'])('"%s" asks for help', (text) => {
      expect(interpret(text)).toEqual({ kind: 'help' });
    });

    it('greets and thanks', () => {
      expect(interpret("G'day")).toEqual({ kind: 'greeting' });
      expect(interpret('thanks mate')).toEqual({ kind: 'thanks' });
    });

    it.each(['what is the meaning of life', 'tell me a joke', '', 'spent on fuel'])('"%s" is not understood', (text) => {
      expect(interpret(text)).toEqual({ kind: 'unknown' });
    });
  });
});

describe('decimalAmount', () => {
  it.each([
    ['64.5', '64.50'],
    ['64.50', '64.50'],
    ['12', '12.00'],
    ['1,234', '1234.00'],
    ['.5', '0.50'],
    ['007', '7.00'],
  ])('%s is %s', (text, amount) => {
    expect(decimalAmount(text)).toBe(amount);
  });
});

describe('categoryOf', () => {
  it.each([
    ['diesel', 'fuel'],
    ['Unleaded at the servo', 'fuel'],
    ['a gas bottle refill', 'supplies'],
    ['caravan park', 'camping'],
    ['powered site', 'camping'],
    ['weekly groceries', 'food'],
    ['oil change', 'vehicle'],
    ['a souvenir', undefined],
  ])('%s is %s', (text, category) => {
    expect(categoryOf(text)).toBe(category);
  });
});

describe('the documented examples', () => {
  /** The first column of every "say" table. */
  const documented: string[] = [];
  let inSayTable = false;
  for (const line of readFileSync(new URL('./LOCAL_COMMANDS.md', import.meta.url), 'utf8').split('\n')) {
    if (line.startsWith('| say |')) inSayTable = true;
    else if (!line.startsWith('|')) inSayTable = false;
    else if (inSayTable && line.startsWith('| `')) {
      for (const [, example] of line.split(' | ')[0].matchAll(/`([^`]+)`/g)) if (!example.includes('…')) documented.push(example);
    }
  }
  const inHelp = [...HELP_TEXT.matchAll(/"([^"]+)"/g)].map((m) => m[1]).filter((example) => !example.includes('...') && example !== 'help');

  it('are many', () => {
    expect(documented.length).toBeGreaterThan(30);
    expect(inHelp.length).toBeGreaterThan(10);
  });

  it.each([...documented, ...inHelp])('"%s" is understood', (example) => {
    expect(interpret(example).kind).toBe('tool');
  });
});
