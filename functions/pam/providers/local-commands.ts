import { addDays, extractDateRange, extractWhen, type UserClock, zonedIso } from '../dates.ts';

/**
 * The plain sentences the offline provider understands, each turned into one tool call
 * (or help). The grammar is documented for users in LOCAL_COMMANDS.md; keep the two
 * together.
 */

export type Command =
  | { kind: 'tool'; name: string; arguments: Record<string, unknown> }
  | { kind: 'help' }
  | { kind: 'greeting' }
  | { kind: 'thanks' }
  /** Understood, but something is missing; `question` says what. */
  | { kind: 'clarify'; question: string }
  | { kind: 'unknown' };

/** The time reminders and dated todos get when the sentence named a day but no time. */
export const DEFAULT_REMINDER_TIME = '09:00';

const TODO_WORD = '(?:todos?|to-dos?|to dos?|tasks?)';

/** Spending words to expense categories, first match wins ("gas bottle" before "gas"). */
const CATEGORY_WORDS: [RegExp, string][] = [
  [/\b(gas bottles?|lpg bottles?|gas refill|water|ice|firewood|hardware|supplies|bunnings)\b/i, 'supplies'],
  [/\b(diesel|petrol|fuel|unleaded|gas(?:oline)?|lpg|adblue|servo|fill[- ]?up)\b/i, 'fuel'],
  [/\b(camp(?:ing|site|sites|ground|grounds)?|caravan parks?|holiday parks?|powered sites?|unpowered sites?|site fees?)\b/i, 'camping'],
  [/\b(groceries|grocery|food|supermarket|coffee|lunch|dinner|breakfast|takeaway|take-away|meals?|snacks?|restaurant|cafe|bakery|pies?|drinks?)\b/i, 'food'],
  [/\b(tyres?|tires?|service|servicing|mechanic|repairs?|oil change|parts|rego|registration|windscreen|battery|car wash)\b/i, 'vehicle'],
  [/\b(motel|hotel|hostel|cabin|airbnb|accommodation|lodging)\b/i, 'lodging'],
  [/\b(tours?|museum|tickets?|entry|entrance|park pass|cinema|movies?|attractions?)\b/i, 'entertainment'],
  [/\b(phone|mobile data|data|sim|internet|wi-?fi|starlink)\b/i, 'communication'],
  [/\b(pharmacy|chemist|doctor|medicine|medical|dentist)\b/i, 'health'],
  [/\b(laundry|laundromat|haircut|toiletries)\b/i, 'personal'],
];

export function categoryOf(text: string): string | undefined {
  return CATEGORY_WORDS.find(([pattern]) => pattern.test(text))?.[1];
}

/** Curly quotes to straight ones, runs of spaces to one, closing punctuation off. */
function tidy(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s.!?]+$/, '');
}

/** A title or query without quotes around it, a leading article or a trailing "todo". */
function cleanPhrase(text: string, { dropArticle = false } = {}): string {
  let phrase = tidy(text).replace(/^["'](.*)["']$/, '$1').trim();
  if (dropArticle) phrase = phrase.replace(/^(?:the|a|an|some|any|my)\s+/i, '');
  return phrase.replace(new RegExp(`\\s+${TODO_WORD}$`, 'i'), '').replace(/^["'](.*)["']$/, '$1').trim();
}

export function interpretCommand(input: string, clock: UserClock): Command {
  if (/^\s*\?+\s*$/.test(input)) return { kind: 'help' };
  const text = tidy(input);
  if (text === '') return { kind: 'unknown' };
  for (const rule of RULES) {
    const command = rule(text, clock);
    if (command) return command;
  }
  return { kind: 'unknown' };
}

type Rule = (text: string, clock: UserClock) => Command | null;

const tool = (name: string, args: Record<string, unknown>): Command => ({ kind: 'tool', name, arguments: args });

const help: Rule = (text) =>
  /^(?:help|commands|what can you do|what do you (?:understand|know)|how does this work|how do i use (?:this|you))\b/i.test(text)
    ? { kind: 'help' }
    : null;

const greeting: Rule = (text) =>
  /^(?:hi|hello|hey|g'?day|howdy|good (?:morning|afternoon|evening))(?:\s+(?:there|pam|mate))?$/i.test(text) ? { kind: 'greeting' } : null;

const thanks: Rule = (text) => (/^(?:thanks|thank you|cheers|ta)\b/i.test(text) ? { kind: 'thanks' } : null);

/** Priority words anywhere in a todo ("urgent", "high priority", ...), taken out of its title. */
function priorityOf(text: string): { priority?: string; rest: string } {
  const rules: [RegExp, string][] = [
    [/\b(?:urgent(?:ly)?|asap|a\.s\.a\.p\.?)\b/i, 'urgent'],
    [/\(?\bhigh[- ]priority\)?|\bimportant\b/i, 'high'],
    [/\(?\blow[- ]priority\)?/i, 'low'],
    [/\(?\bmedium[- ]priority\)?/i, 'medium'],
  ];
  for (const [pattern, priority] of rules) {
    if (pattern.test(text)) {
      return { priority, rest: text.replace(pattern, ' ').replace(/\s{2,}/g, ' ').replace(/[\s,;:-]+$/, '').trim() };
    }
  }
  return { rest: text };
}

function todoCommand(body: string, clock: UserClock, reminder: boolean, leadingPriority?: string): Command {
  const when = extractWhen(body, clock, 'future');
  const withoutWhen = (when ? when.rest : body).replace(/^(?:to|about|that|i need to|i have to|i must)\s+/i, '');
  const { priority, rest } = priorityOf(withoutWhen);
  const title = cleanPhrase(rest);
  if (title === '') return { kind: 'clarify', question: reminder ? 'What should I remind you about?' : 'What should the todo say?' };

  const args: Record<string, unknown> = { title };
  const chosenPriority = leadingPriority ?? priority;
  if (chosenPriority) args.priority = chosenPriority;
  if (reminder) {
    // A reminder needs a moment; without one it is tomorrow morning.
    const date = when?.date ?? addDays(clock.today, 1);
    const at = zonedIso(date, when?.time ?? DEFAULT_REMINDER_TIME, clock.timeZone);
    args.due_date = at;
    args.reminder_at = at;
  } else if (when) {
    args.due_date = zonedIso(when.date, when.time ?? DEFAULT_REMINDER_TIME, clock.timeZone);
  }
  return tool('create_todo', args);
}

const createTodo: Rule = (text, clock) => {
  const reminder =
    /^(?:please\s+)?(?:can you\s+)?(?:remind me|set (?:a|me a) reminder|reminder|don't let me forget|dont let me forget)\b[\s:,-]*(.*)$/i.exec(text);
  if (reminder) return todoCommand(reminder[1], clock, true);

  const added = new RegExp(
    `^(?:please\\s+)?(?:add|create|make|new|put(?: down)?)\\s+(?:an?\\s+)?(?:new\\s+)?(?:(urgent|high[- ]priority|important|low[- ]priority)\\s+)?${TODO_WORD}(?:\\s+item)?\\b\\s*(?::|-|to|that says|saying|called)?\\s*(.*)$`,
    'i',
  ).exec(text);
  if (added) return todoCommand(added[2], clock, false, added[1] ? priorityOf(added[1]).priority : undefined);

  const labelled = new RegExp(`^${TODO_WORD}\\s*:\\s*(.+)$`, 'i').exec(text);
  if (labelled) return todoCommand(labelled[1], clock, false);

  const toList = new RegExp(`^(?:please\\s+)?(?:add|put)\\s+(.+?)\\s+(?:to|on)\\s+(?:my\\s+|the\\s+)?${TODO_WORD}(?:\\s+list)?$`, 'i').exec(text);
  if (toList) return todoCommand(toList[1], clock, false);
  return null;
};

function todoStatusOf(text: string): string | undefined {
  if (/\b(?:completed|done|finished|ticked off)\b/i.test(text)) return 'completed';
  if (/\bin progress\b/i.test(text)) return 'in_progress';
  if (/\b(?:pending|open|outstanding|left|remaining|to do|unfinished)\b/i.test(text)) return 'pending';
  return undefined;
}

const listTodos: Rule = (text) => {
  const asks =
    new RegExp(`^(?:what(?:'s| is| are)?|which|show|list|see|view|display|give me|read|get|check|any|do i have any)\\b.*\\b${TODO_WORD}\\b`, 'i').test(text) ||
    new RegExp(`^(?:my\\s+|all\\s+(?:my\\s+)?)?(?:(?:open|pending|completed|done|finished|outstanding)\\s+)?${TODO_WORD}(?:\\s+list)?$`, 'i').test(text) ||
    /^what(?:'s| is) on my (?:list|plate)$/i.test(text) ||
    /^what do i (?:have|need) to do\b/i.test(text);
  if (!asks) return null;
  const status = todoStatusOf(text.replace(new RegExp(`\\b${TODO_WORD}\\b`, 'gi'), ''));
  return tool('list_todos', status ? { status } : {});
};

const completeTodo: Rule = (text) => {
  const patterns = [
    /^(?:done|finished|completed)\s*(?::|-|with)\s*(.+)$/i,
    /^(?:please\s+)?(?:mark|set)\s+(.+?)\s+(?:as\s+)?(?:done|complete|completed|finished)$/i,
    /^(?:please\s+)?(?:tick|check|cross)\s+off\s+(.+)$/i,
    /^(?:please\s+)?(?:tick|check|cross)\s+(.+?)\s+off$/i,
    new RegExp(`^(?:please\\s+)?complete\\s+(?:the\\s+)?(?:${TODO_WORD}\\s*:?\\s*)?(.+)$`, 'i'),
    /^(?:i(?:'ve| have)?\s+)?(?:just\s+)?(?:finished|completed|done)\s+(.+)$/i,
    /^(.+?)\s+is\s+(?:done|finished|complete|completed)$/i,
  ];
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (!match) continue;
    const title = cleanPhrase(match[1].replace(new RegExp(`^(?:the|my)\\s+(?=.*\\b${TODO_WORD}$)`, 'i'), ''));
    if (title === '') return { kind: 'clarify', question: 'Which todo did you finish?' };
    return tool('complete_todo', { title });
  }
  return null;
};

const AMOUNT = String.raw`(?:aud|usd|us)?\s*\$?\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?|\.\d{1,2})\s*(?:dollars|bucks|aud|usd)?`;

/** "64.5" → "64.50", "1,234" → "1234.00": money stays a decimal string. */
export function decimalAmount(text: string): string {
  const [whole, fraction = ''] = text.replace(/,/g, '').split('.');
  return `${whole === '' ? '0' : String(Number(whole))}.${fraction.padEnd(2, '0')}`;
}

/** Words after "in" that are not a place ("in cash", "in total"). */
const NOT_A_PLACE = /^(?:cash|total|coins|change|advance|full|the (?:morning|afternoon|evening|end))\b/i;

function expenseCommand(amountText: string, what: string, clock: UserClock): Command {
  const amount = decimalAmount(amountText);
  if (Number(amount) <= 0) return { kind: 'clarify', question: 'How much did you spend?' };
  const when = extractWhen(what, clock, 'past');
  let rest = when ? when.rest : what;
  const args: Record<string, unknown> = { amount };

  // Trailing "at <vendor>", "from <vendor>" and "in <place>", in either order, last one first.
  for (let clauses = 0; clauses < 2; clauses++) {
    const clause = /^(.+)\s+(at|from|in)\s+(.+)$/i.exec(rest);
    if (!clause) break;
    const [, before, word, value] = clause;
    const place = cleanPhrase(value);
    const field = word.toLowerCase() === 'in' ? 'location' : 'vendor';
    if ((field === 'location' && NOT_A_PLACE.test(place)) || args[field] !== undefined) break;
    args[field] = place;
    rest = before;
  }

  const description = cleanPhrase(rest, { dropArticle: true });
  if (description === '') return { kind: 'clarify', question: 'What was the money spent on?' };
  args.description = description.charAt(0).toUpperCase() + description.slice(1);
  const category = categoryOf(`${description} ${String(args.vendor ?? '')}`);
  if (category) args.category = category;
  args.expense_date = when?.date && when.date <= clock.today ? when.date : clock.today;
  return tool('log_expense', args);
}

const logExpense: Rule = (text, clock) => {
  const spent = new RegExp(
    `^(?:i\\s+|we\\s+)?(?:just\\s+|also\\s+)?(?:spent|paid|dropped|forked out)\\s+(?:about\\s+|around\\s+|roughly\\s+)?${AMOUNT}\\s+(?:on|for)\\s+(.+)$`,
    'i',
  ).exec(text);
  if (spent) return expenseCommand(spent[1], spent[2], clock);

  const bought = new RegExp(`^(?:i\\s+|we\\s+)?(?:just\\s+)?(?:bought|got|purchased)\\s+(.+?)\\s+for\\s+${AMOUNT}(.*)$`, 'i').exec(text);
  if (bought) return expenseCommand(bought[2], `${bought[1]}${bought[3]}`, clock);

  const bare = new RegExp(`^\\$\\s*((?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d{1,2})?)\\s+(?:on|for)\\s+(.+)$`, 'i').exec(text);
  if (bare) return expenseCommand(bare[1], bare[2], clock);
  return null;
};

const BUDGET_NOT_CATEGORY = /^(?:my|the|our|whole|total|overall|monthly|weekly|yearly|a|in|this|entire|current)$/i;

const budgetStatus: Rule = (text) => {
  const mentionsBudget = /\bbudgets?\b/i.test(text);
  const asksLeft = /\b(?:left|remaining|remain)\b/i.test(text) && /^(?:how much|what(?:'s| is)|have i got|do i have|how's|how is)\b/i.test(text);
  if (!mentionsBudget && !asksLeft) return null;
  if (!mentionsBudget && /\bspen[dt]\b/i.test(text)) return null;
  const named = /\b([a-z][a-z-]*)\s+budget\b/i.exec(text);
  const forWord = /\b(?:left|remaining)\s+(?:for|on|in)\s+(?:my\s+|the\s+)?([a-z][a-z-]*)\b/i.exec(text);
  const word = [named?.[1], forWord?.[1]].find((w) => w && !BUDGET_NOT_CATEGORY.test(w) && !/^budgets?$/i.test(w));
  // The user's own word: budget categories are named by the user ("Groceries"), not by expense category.
  return tool('budget_status', word ? { category: word.toLowerCase() } : {});
};

const expenseSummary: Rule = (text, clock) => {
  const asks =
    /^how much (?:did|have|do) (?:i|we) (?:spend|spent)\b/i.test(text) ||
    /^what (?:did|have) (?:i|we) (?:spend|spent)\b/i.test(text) ||
    /\b(?:spending|expenses?)\s+(?:summary|report|breakdown|so far)\b/i.test(text) ||
    /^(?:show|summari[sz]e|list)\s+(?:me\s+)?(?:my\s+)?(?:spending|expenses)\b/i.test(text) ||
    /^(?:my\s+)?(?:spending|expenses)\b/i.test(text);
  if (!asks) return null;
  const args: Record<string, unknown> = {};
  const range = extractDateRange(text, clock);
  if (range) {
    args.from = range.from;
    args.to = range.to;
  }
  if (/\b(?:by|per)\s+month\b|\bmonthly\b|\bmonth by month\b/i.test(text)) args.group_by = 'month';
  else if (/\b(?:by|per)\s+category\b|\bbreakdown\b|\bon what\b/i.test(text) || categoryOf(range ? range.rest : text)) {
    args.group_by = 'category';
  }
  return tool('expense_summary', args);
};

const upcomingMaintenance: Rule = (text) => {
  const asks =
    /\b(?:maintenance|servic(?:e|ing)|oil change|tyre rotation|tire rotation|inspection)\b/i.test(text) &&
      /^(?:what|when|is|are|any|anything|show|list|check|upcoming|do i|does|how long)\b/i.test(text) ||
    /^(?:what(?:'s| is)|anything|is anything|what needs to be)\s+(?:coming\s+)?(?:due|up)\b(?!.*\b(?:todos?|tasks?)\b)/i.test(text) ||
    /^upcoming maintenance$/i.test(text);
  if (!asks) return null;
  const days = /\b(?:next|coming)\s+(\d{1,3})\s+days?\b/i.exec(text);
  if (days) return tool('upcoming_maintenance', { days: Number(days[1]) });
  if (/\b(?:this|next|coming)\s+week\b/i.test(text)) return tool('upcoming_maintenance', { days: 7 });
  if (/\b(?:this|next|coming)\s+month\b/i.test(text)) return tool('upcoming_maintenance', { days: 30 });
  return tool('upcoming_maintenance', {});
};

const createTrip: Rule = (text, clock) => {
  const match = /^(?:please\s+)?(?:let's\s+)?(?:plan|create|start|make|add|new|book)\s+(?:me\s+)?(?:a\s+|an\s+|new\s+|my\s+)?(?:road\s+)?trip\b\s*(?::\s*)?(.*)$/i.exec(text);
  if (!match) return null;
  const when = extractWhen(match[1], clock, 'future');
  const rest = when ? when.rest : match[1];
  const route = /^(?:from\s+(.+?)\s+)?to\s+(.+)$/i.exec(rest);
  const args: Record<string, unknown> = {};
  if (route) {
    const destination = cleanPhrase(route[2]);
    const origin = route[1] ? cleanPhrase(route[1]) : undefined;
    args.name = origin ? `${origin} to ${destination}` : `Trip to ${destination}`;
    if (origin) args.origin = origin;
    args.destination = destination;
  } else if (cleanPhrase(rest.replace(/^(?:called|named)\s+/i, '')) !== '') {
    args.name = cleanPhrase(rest.replace(/^(?:called|named)\s+/i, ''));
  } else {
    return { kind: 'clarify', question: 'Where to? Say, for example, "plan a trip to Broome".' };
  }
  if (when) args.start_date = when.date;
  return tool('create_trip', args);
};

const listTrips: Rule = (text) =>
  /^(?:show|list|see|view|what are|what's|what is|which are|get)?\s*(?:me\s+)?(?:all\s+)?(?:my|our)\s+(?:upcoming\s+|planned\s+)?trips\b/i.test(text) ||
  /^(?:what|which|any)\s+trips\b/i.test(text) ||
  /^trips$/i.test(text)
    ? tool('list_trips', {})
    : null;

const searchProducts: Rule = (text) => {
  const patterns = [
    /^(?:please\s+)?(?:find|search for|look for|show me|get me|is there|are there|i need|buy)\s+(.+?)\s+(?:in|from|at|on)\s+the\s+(?:shop|store)$/i,
    /^(?:search|browse|check)\s+the\s+(?:shop|store)\s+for\s+(.+)$/i,
    /^(?:shop|store)\s*(?::|for)\s*(.+)$/i,
    /^(?:do you|does the shop|does the store)\s+(?:sell|have|stock)\s+(.+)$/i,
  ];
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match) {
      const q = cleanPhrase(match[1], { dropArticle: true });
      return q ? tool('search_products', { q }) : { kind: 'clarify', question: 'What should I look for in the shop?' };
    }
  }
  return null;
};

const searchKnowledge: Rule = (text) => {
  const patterns = [
    /^what (?:did|do|does) (?:my|the) notes? (?:say|said|mention|tell me) (?:about|on|regarding)\s+(.+)$/i,
    /^(?:search|check|look through) (?:my|the) notes? (?:for|about)\s+(.+)$/i,
    /^(?:look up|find|check)\s+(.+?)\s+in (?:my|the) notes?$/i,
    /^(?:my\s+)?notes? (?:about|on)\s+(.+)$/i,
    /^what do i know about\s+(.+)$/i,
  ];
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match) {
      const q = cleanPhrase(match[1], { dropArticle: true });
      return q ? tool('search_knowledge', { q }) : { kind: 'clarify', question: 'What should I look for in your notes?' };
    }
  }
  return null;
};

/** In this order: the more specific a sentence's opening, the earlier its rule. */
const RULES: Rule[] = [
  help,
  greeting,
  thanks,
  createTodo,
  logExpense,
  searchKnowledge,
  searchProducts,
  createTrip,
  listTrips,
  listTodos,
  completeTodo,
  budgetStatus,
  expenseSummary,
  upcomingMaintenance,
];
