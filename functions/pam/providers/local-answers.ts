import { describeDate, describeMoment, describeMonth, type UserClock } from '../dates.ts';
import { isObject } from './transport.ts';

/**
 * The offline provider's replies once the loop has run its tool calls: each tool result
 * (the JSON text of a tool message) read for the few fields a person wants to hear
 * back. Results are read loosely, since a tool may answer with the row itself, the row
 * under a key, or a list under `data`; whatever is not recognised still gets a short
 * acknowledgement rather than silence.
 *
 * Every composer yields its reply piece by piece as it builds it.
 */

type Item = Record<string, unknown>;

export interface ToolOutcome {
  name: string;
  /** The arguments the call was made with (already parsed). */
  arguments: Item;
  /** The tool message's content. */
  content: string;
}

const LIST_LIMIT = 8;


export function* answerFromOutcomes(outcomes: ToolOutcome[], clock: UserClock): Generator<string> {
  for (const [i, outcome] of outcomes.entries()) {
    if (i > 0) yield '\n\n';
    yield* answerFromOutcome(outcome, clock);
  }
}

function* answerFromOutcome({ name, arguments: args, content }: ToolOutcome, clock: UserClock): Generator<string> {
  const result = parseResult(content);
  const failure = failureOf(result, content);
  if (failure !== null) {
    yield `That didn't work${failure ? `: ${failure}` : '.'}`;
    return;
  }
  const composer = COMPOSERS[name];
  if (composer) yield* composer(result, args, clock);
  else yield 'Done.';
}

function parseResult(content: string): unknown {
  try {
    return JSON.parse(content);
  } catch {
    return content;
  }
}

/** The message of a failed tool run, '' when it failed without one, null when it did not fail. */
function failureOf(result: unknown, content: string): string | null {
  if (typeof result === 'string') return /^(?:error|failed)\b/i.test(result.trim()) ? result.trim() : null;
  if (!isObject(result)) return null;
  if (result.ok === false || result.error !== undefined) {
    const error = result.error;
    if (typeof error === 'string') return error;
    if (isObject(error)) return text(error.message) ?? text(error.detail) ?? text(error.title) ?? '';
    return text(result.message) ?? '';
  }
  if (typeof result.status === 'number' && result.status >= 400 && (result.title !== undefined || result.detail !== undefined)) {
    return text(result.detail) ?? text(result.title) ?? content.slice(0, 200);
  }
  return null;
}

// ---------------------------------------------------------------------------------------
// Reading loose results

function text(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function field(item: Item, ...keys: string[]): unknown {
  for (const key of keys) if (item[key] !== undefined && item[key] !== null) return item[key];
  return undefined;
}

function textField(item: Item, ...keys: string[]): string | undefined {
  return text(field(item, ...keys));
}

/** The one object a result is about: the result itself, or the object under a telling key. */
function single(result: unknown, ...keys: string[]): Item {
  if (!isObject(result)) return {};
  for (const key of keys) if (isObject(result[key])) return result[key] as Item;
  return result;
}

/** The list in a result: the result when it is one, else the first array under a telling key, else any array. */
function itemsOf(result: unknown, ...keys: string[]): Item[] | null {
  const objects = (values: unknown[]) => values.filter(isObject);
  if (Array.isArray(result)) return objects(result);
  if (!isObject(result)) return null;
  for (const key of [...keys, 'data', 'items', 'results']) if (Array.isArray(result[key])) return objects(result[key] as unknown[]);
  const anyList = Object.values(result).find(Array.isArray);
  return anyList ? objects(anyList) : null;
}

/** Money as the user reads it: "$64.50", "12.00 EUR". Amounts arrive as decimal strings (or numbers). */
export function money(value: unknown, currency?: unknown): string | undefined {
  const cents = toCents(value);
  if (cents === null) return undefined;
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const amount = `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  const code = typeof currency === 'string' ? currency.toUpperCase() : '';
  return code && !['USD', 'AUD', 'CAD', 'NZD'].includes(code) ? `${sign}${amount} ${code}` : `${sign}$${amount}`;
}

function toCents(value: unknown): number | null {
  const raw = typeof value === 'number' ? value.toFixed(2) : typeof value === 'string' ? value.trim() : null;
  if (raw === null || !/^-?\d+(\.\d+)?$/.test(raw)) return null;
  const negative = raw.startsWith('-');
  const [whole, fraction = ''] = raw.replace('-', '').split('.');
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
  return negative ? -cents : cents;
}

function moment(value: unknown, clock: UserClock): string | undefined {
  const raw = text(value);
  return raw ? describeMoment(raw, clock) : undefined;
}

function quoted(title: string | undefined): string {
  return title ? `“${title}”` : 'that';
}

function* bulleted(items: Item[], line: (item: Item) => string): Generator<string> {
  for (const item of items.slice(0, LIST_LIMIT)) yield `\n- ${line(item)}`;
  if (items.length > LIST_LIMIT) yield `\n…and ${items.length - LIST_LIMIT} more.`;
}

function humanise(value: string): string {
  const spaced = value.replace(/_/g, ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

// ---------------------------------------------------------------------------------------
// One composer per tool

type Composer = (result: unknown, args: Item, clock: UserClock) => Generator<string>;

const COMPOSERS: Record<string, Composer> = {
  *create_todo(result, args, clock) {
    const todo = single(result, 'todo', 'data');
    yield `Added ${quoted(textField(todo, 'title') ?? text(args.title))} to your todos`;
    const reminder = moment(field(todo, 'reminder_at') ?? args.reminder_at, clock);
    const due = moment(field(todo, 'due_date') ?? args.due_date, clock);
    if (reminder) yield `. I'll remind you on ${reminder}.`;
    else if (due) yield `, due ${due}.`;
    else yield '.';
  },

  *list_todos(result, args, clock) {
    const todos = itemsOf(result, 'todos') ?? [];
    const status = typeof args.status === 'string' ? args.status.replace('_', ' ') : '';
    if (todos.length === 0) {
      yield status ? `You have no ${status} todos.` : 'Your todo list is empty.';
      return;
    }
    yield `You have ${todos.length} ${status ? `${status} ` : ''}todo${todos.length === 1 ? '' : 's'}:`;
    yield* bulleted(todos, (todo) => {
      const due = moment(field(todo, 'due_date'), clock);
      const priority = textField(todo, 'priority');
      const notes = [due ? `due ${due}` : '', priority === 'urgent' || priority === 'high' ? priority : ''].filter(Boolean);
      return `${textField(todo, 'title') ?? 'Untitled'}${notes.length ? ` (${notes.join(', ')})` : ''}`;
    });
    if (isObject(result) && result.more === true && todos.length <= LIST_LIMIT) yield '\n…and more.';
  },

  *complete_todo(result, args) {
    const todo = single(result, 'todo', 'data');
    yield `Marked ${quoted(textField(todo, 'title') ?? text(args.title))} as done.`;
    const next = single(todo, 'next_occurrence');
    if (next !== todo && textField(next, 'due_date')) yield ' The next one is on your list.';
  },

  *log_expense(result, args) {
    const expense = single(result, 'expense', 'data');
    const amount = money(field(expense, 'amount') ?? args.amount, field(expense, 'currency'));
    const description = textField(expense, 'description') ?? text(args.description);
    const category = textField(expense, 'category') ?? text(args.category);
    yield `Logged ${amount ?? 'that expense'}${description ? ` for ${description.toLowerCase()}` : ''}`;
    yield category ? ` under ${category}.` : '.';
    const budget = isObject(result) && isObject(result.budget_category) ? result.budget_category : null;
    const budgetName = budget && textField(budget, 'name', 'category_name');
    if (budgetName) yield ` It counts towards ${budgetName} in your budget.`;
    const remaining = budget && money(field(budget, 'remaining', 'remaining_amount'));
    if (remaining) yield ` ${remaining} left there.`;
  },

  *budget_status(result, args) {
    const wanted = text(args.category)?.toLowerCase();
    const rows = itemsOf(result, 'categories', 'budget_categories', 'budgets') ?? [];
    const nameOf = (row: Item) => textField(row, 'name', 'category', 'category_name') ?? 'Budget';
    const line = (row: Item) => {
      const allocated = field(row, 'allocated_amount', 'allocated', 'budgeted', 'total_amount', 'amount', 'limit');
      const spent = field(row, 'spent_amount', 'spent', 'total_spent');
      let remaining = field(row, 'remaining', 'remaining_amount', 'remaining_budget', 'left');
      if (remaining === undefined && toCents(allocated) !== null && toCents(spent) !== null) {
        remaining = ((toCents(allocated) as number) - (toCents(spent) as number)) / 100;
      }
      const currency = field(row, 'currency');
      const [left, of, used] = [remaining, allocated, spent].map((amount) => money(amount, currency));
      return `${nameOf(row)}: ${left ?? 'nothing known'} left${of ? ` of ${of}` : ''}${used ? `, spent ${used}` : ''}`;
    };

    if (wanted) {
      const row =
        rows.find((r) => nameOf(r).toLowerCase() === wanted) ??
        rows.find((r) => nameOf(r).toLowerCase().includes(wanted) || wanted.includes(nameOf(r).toLowerCase())) ??
        (rows.length === 0 && isObject(result) ? result : undefined);
      if (!row) {
        yield `I couldn't find a ${wanted} budget.`;
        if (rows.length) yield ` Your budget has: ${rows.map(nameOf).join(', ')}.`;
        return;
      }
      yield `${line(row)}.`;
      return;
    }
    const overall = single(result, 'summary', 'budget');
    const hasTotals = field(overall, 'remaining', 'remaining_amount', 'remaining_budget', 'total_amount') !== undefined;
    if (hasTotals) yield `${line(overall)}.`;
    else if (rows.length === 0) yield "You don't have a budget yet.";
    else yield rows.length === 1 ? 'Your budget:' : 'Your budgets:';
    yield* bulleted(rows, line);
  },

  *expense_summary(result, args, clock) {
    const summary = single(result, 'summary', 'data');
    const currency = field(summary, 'currency');
    const total = money(field(summary, 'total', 'total_amount', 'sum', 'total_spent'), currency);
    const from = text(args.from);
    const to = text(args.to);
    const period = from && to ? (from === to ? ` on ${describeDate(from, clock)}` : ` from ${describeDate(from, clock)} to ${describeDate(to, clock)}`) : '';
    const groups = itemsOf(result, 'groups', 'by', 'breakdown', 'by_category', 'by_month', 'categories', 'months') ?? [];
    const nothing = total === undefined ? groups.length === 0 : toCents(field(summary, 'total', 'total_amount', 'sum', 'total_spent')) === 0;
    if (nothing) {
      yield `No spending recorded${period}.`;
      return;
    }
    yield total ? `You spent ${total}${period}.` : `Your spending${period}:`;
    yield* bulleted(groups, (group) => {
      const key = textField(group, 'category', 'month', 'name', 'key', 'period') ?? 'Other';
      const label = /^\d{4}-\d{2}$/.test(key) ? describeMonth(key) : humanise(key);
      return `${label}: ${money(field(group, 'total', 'amount', 'sum', 'total_amount'), currency) ?? '?'}`;
    });
  },

  *upcoming_maintenance(result, args, clock) {
    const items = itemsOf(result, 'due', 'maintenance', 'upcoming') ?? [];
    const days = typeof args.days === 'number' ? ` in the next ${args.days} days` : '';
    if (items.length === 0) {
      yield `No maintenance is due${days}.`;
      return;
    }
    yield `Coming up${days}:`;
    yield* bulleted(items, (item) => {
      const what = humanise(textField(item, 'maintenance_type', 'type', 'title', 'name', 'description') ?? 'Service');
      const due = moment(field(item, 'next_service_date', 'due_date', 'due', 'date'), clock);
      const mileage = textField(item, 'next_service_mileage', 'due_mileage');
      const vehicle = isObject(item.vehicle)
        ? [textField(item.vehicle, 'name'), textField(item.vehicle, 'make'), textField(item.vehicle, 'model')].filter(Boolean).join(' ')
        : textField(item, 'vehicle_name', 'vehicle');
      const overdue = field(item, 'overdue') === true;
      const when = [due ? `${overdue ? 'overdue since' : 'due'} ${due}` : overdue ? 'overdue' : '', mileage ? `or at ${mileage}` : '']
        .filter(Boolean)
        .join(' ');
      return `${what}${when ? `: ${when}` : ''}${vehicle ? ` (${vehicle})` : ''}`;
    });
  },

  *list_trips(result, _args, clock) {
    const trips = itemsOf(result, 'trips') ?? [];
    if (trips.length === 0) {
      yield 'You have no trips yet. Try "plan a trip to Broome".';
      return;
    }
    yield `You have ${trips.length} trip${trips.length === 1 ? '' : 's'}:`;
    yield* bulleted(trips, (trip) => {
      const start = moment(field(trip, 'start_date'), clock);
      const status = textField(trip, 'status');
      const notes = [start ? `from ${start}` : '', status ?? ''].filter(Boolean);
      return `${textField(trip, 'name') ?? 'Unnamed trip'}${notes.length ? ` (${notes.join(', ')})` : ''}`;
    });
  },

  *create_trip(result, args, clock) {
    const trip = single(result, 'trip', 'data');
    yield `Created the trip ${quoted(textField(trip, 'name') ?? text(args.name))}`;
    const start = moment(field(trip, 'start_date') ?? args.start_date, clock);
    yield start ? `, starting ${start}.` : '.';
  },

  *search_products(result, args) {
    const products = itemsOf(result, 'products') ?? [];
    const q = text(args.q);
    if (products.length === 0) {
      yield `The shop has nothing for ${quoted(q)} right now.`;
      return;
    }
    yield `From the shop, for ${quoted(q)}:`;
    yield* bulleted(products, (product) => {
      const price = money(field(product, 'price', 'amount'), field(product, 'currency'));
      return `${textField(product, 'name', 'title', 'headline') ?? 'A product'}${price ? `, ${price}` : ''}`;
    });
  },

  *search_knowledge(result, args) {
    const matches = itemsOf(result, 'matches', 'documents') ?? [];
    const q = text(args.q);
    if (matches.length === 0) {
      yield `Your notes don't mention ${quoted(q)}.`;
      return;
    }
    yield `From your notes about ${quoted(q)}:`;
    yield* bulleted(matches, (match) => {
      const title = textField(match, 'title', 'name') ?? 'A note';
      const body = textField(match, 'snippet', 'excerpt', 'highlight', 'content', 'text');
      const short = body && body.length > 200 ? `${body.slice(0, 197).trimEnd()}…` : body;
      return short ? `${title}: ${short.replace(/\s+/g, ' ')}` : title;
    });
  },
};
