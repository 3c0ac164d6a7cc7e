import { sql } from 'drizzle-orm';
import type { ConnectDatabase } from '../database/connect.ts';
import { withServiceRole } from '../database/transactions.ts';
import type { Database, Env } from '../env.ts';
import { RecurringExpensePattern } from '../money/recurring-pattern.ts';

/**
 * The hourly recurring-work job. Every step commits in batches of its own and can run
 * any number of times, concurrently too, with the same result: what it has done is
 * recorded on the source rows (columns users cannot write, migration 0011) in the same
 * transaction that does it, and rows being handled are locked (`for update skip locked`).
 *
 * Todos: a completed todo with a `recurrence_pattern` gets one next occurrence, a new
 * pending todo due one step (day, week, month, year) after the completed one's due date
 * (or after its completion, when it had none). Title, description, priority, category,
 * tags, trip, budget, reminder (moved by the same step), pattern and metadata are copied,
 * and its subtasks are copied unticked. `todos.next_occurrence_id` on the completed todo
 * records it: deleting that occurrence does not bring it back, reopening and completing
 * the todo again does not make a second one, and a cancelled todo ends its series. A monthly todo due on the 31st moves to the 30th or 28th and stays there.
 *
 * Expenses: a recurring expense (`is_recurring`, `recurring_pattern` as in
 * RecurringExpensePattern) is the first of its series. Each later date of the series up
 * to today (UTC) and up to `until` gets one entry: a copy of it on that date, not itself
 * recurring. `expenses.recurring_generated_through` records the last date done, so an
 * entry the user deletes stays deleted; months count from the first date, so a series
 * starting on the 31st lands on the last day of shorter months and returns to the 31st.
 * An expense whose pattern does not match the shape is left alone and counted.
 */


export const TODO_BATCH_SIZE = 500;
export const EXPENSE_BATCH_SIZE = 500;
/** Per run, so a backlog is worked off over several runs rather than in one long one. */
export const MAX_BATCHES_PER_RUN = 20;
/** Entries one expense may produce in one run (a year of a daily series); the rest follow on the next runs. */
export const MAX_ENTRIES_PER_EXPENSE_PER_RUN = 366;

export interface RecurringWorkSummary {
  todos_created: number;
  subtasks_copied: number;
  expenses_created: number;
  recurring_expenses_advanced: number;
  recurring_expenses_with_invalid_pattern: number;
}

export async function runRecurringWork(options: { connect: ConnectDatabase; env: Env; now?: () => Date }): Promise<RecurringWorkSummary> {
  const today = utcDate(options.now?.() ?? new Date());
  const summary: RecurringWorkSummary = {
    todos_created: 0,
    subtasks_copied: 0,
    expenses_created: 0,
    recurring_expenses_advanced: 0,
    recurring_expenses_with_invalid_pattern: 0,
  };

  for (let batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
    const created = await withServiceRole(options.connect, options.env, (db) => createNextTodoOccurrences(db, TODO_BATCH_SIZE));
    summary.todos_created += created.todos;
    summary.subtasks_copied += created.subtasks;
    if (created.todos < TODO_BATCH_SIZE) break;
  }

  let afterId = '00000000-0000-0000-0000-000000000000';
  for (let batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
    const result = await withServiceRole(options.connect, options.env, (db) =>
      generateRecurringExpenses(db, today, afterId, EXPENSE_BATCH_SIZE),
    );
    summary.expenses_created += result.created;
    summary.recurring_expenses_advanced += result.advanced;
    summary.recurring_expenses_with_invalid_pattern += result.invalid;
    if (!result.lastId) break;
    afterId = result.lastId;
  }
  return summary;
}

/** One statement: the occurrences, their subtasks and the marks on the completed todos. */
async function createNextTodoOccurrences(db: Database, limit: number): Promise<{ todos: number; subtasks: number }> {
  const result = await db.execute(sql`
    with source as (
      select t.*, gen_random_uuid() as next_id,
             case t.recurrence_pattern
               when 'daily' then interval '1 day'
               when 'weekly' then interval '7 days'
               when 'monthly' then interval '1 month'
               when 'yearly' then interval '1 year'
             end as step
        from public.todos t
       where t.status = 'completed' and t.recurrence_pattern is not null and t.next_occurrence_id is null
       order by t.completed_at, t.id
       limit ${limit}
       for update of t skip locked
    ), created as (
      insert into public.todos (id, user_id, title, description, priority, category, due_date, reminder_at,
                                trip_id, budget_id, tags, recurrence_pattern, metadata)
      select s.next_id, s.user_id, s.title, s.description, s.priority, s.category,
             coalesce(s.due_date, s.completed_at, now()) + s.step, s.reminder_at + s.step,
             s.trip_id, s.budget_id, s.tags, s.recurrence_pattern,
             s.metadata || jsonb_build_object('recurrence_source_id', s.id)
        from source s
      returning id
    ), subtasks as (
      insert into public.todo_subtasks (todo_id, title, position)
      select s.next_id, st.title, st.position
        from source s join public.todo_subtasks st on st.todo_id = s.id
      returning id
    ), marked as (
      update public.todos t set next_occurrence_id = s.next_id from source s where t.id = s.id
      returning t.id
    )
    select (select count(*) from created)::int as todos, (select count(*) from subtasks)::int as subtasks`);
  const [row] = (result as unknown as { rows: { todos: number; subtasks: number }[] }).rows;
  return row;
}

interface RecurringExpense {
  id: string;
  expense_date: string;
  recurring_pattern: unknown;
  recurring_generated_through: string | null;
}

/**
 * One batch of recurring expenses in id order after `afterId`. Returns the last id
 * looked at (null when the batch was the last), the entries created, the expenses that
 * produced any, and those whose pattern is unreadable.
 */
async function generateRecurringExpenses(db: Database, today: string, afterId: string, limit: number) {
  const result = await db.execute(sql`
    select id, expense_date::text as expense_date, recurring_pattern,
           recurring_generated_through::text as recurring_generated_through
      from public.expenses
     where is_recurring and id > ${afterId}::uuid
     order by id
     limit ${limit}
     for update skip locked`);
  const sources = (result as unknown as { rows: RecurringExpense[] }).rows;

  const entries: { source_id: string; expense_date: string }[] = [];
  const advanced: { id: string; through: string }[] = [];
  let invalid = 0;
  for (const source of sources) {
    const pattern = RecurringExpensePattern.safeParse(source.recurring_pattern);
    if (!pattern.success) {
      invalid++;
      continue;
    }
    const dates = datesDue(source.expense_date, pattern.data, source.recurring_generated_through, today);
    if (dates.length === 0) continue;
    for (const date of dates) entries.push({ source_id: source.id, expense_date: date });
    advanced.push({ id: source.id, through: dates[dates.length - 1] });
  }

  if (entries.length) {
    await db.execute(sql`
      insert into public.expenses (user_id, amount, description, category, subcategory, expense_date,
                                   payment_method, vendor, location, notes, tags, budget_category_id, trip_id)
      select e.user_id, e.amount, e.description, e.category, e.subcategory, x.expense_date,
             e.payment_method, e.vendor, e.location, e.notes, e.tags, e.budget_category_id, e.trip_id
        from jsonb_to_recordset(${JSON.stringify(entries)}::jsonb) as x(source_id uuid, expense_date date)
        join public.expenses e on e.id = x.source_id`);
    await db.execute(sql`
      update public.expenses e set recurring_generated_through = x.through
        from jsonb_to_recordset(${JSON.stringify(advanced)}::jsonb) as x(id uuid, through date)
       where e.id = x.id`);
  }
  const lastId = sources.length === limit ? sources[sources.length - 1].id : null;
  return { created: entries.length, advanced: advanced.length, invalid, lastId };
}

/**
 * The dates of the series starting on `first` that fall after `doneThrough` (or after
 * `first`) and on or before both `today` and `until`, at most
 * MAX_ENTRIES_PER_EXPENSE_PER_RUN of them. Dates are `YYYY-MM-DD`.
 */
export function datesDue(first: string, pattern: RecurringExpensePattern, doneThrough: string | null, today: string): string[] {
  const after = doneThrough && doneThrough > first ? doneThrough : first;
  const last = pattern.until && pattern.until < today ? pattern.until : today;
  const dates: string[] = [];
  for (let k = 1; dates.length < MAX_ENTRIES_PER_EXPENSE_PER_RUN; k++) {
    const date = occurrence(first, pattern, k);
    if (date > last) break;
    if (date > after) dates.push(date);
  }
  return dates;
}

/** The k-th date after `first` (k = 0 is `first`), counted from `first` so month ends do not drift. */
export function occurrence(first: string, pattern: Pick<RecurringExpensePattern, 'frequency' | 'interval'>, k: number): string {
  const [year, month, day] = first.split('-').map(Number);
  const steps = k * pattern.interval;
  if (pattern.frequency === 'daily' || pattern.frequency === 'weekly') {
    const days = pattern.frequency === 'daily' ? steps : steps * 7;
    return utcDate(new Date(Date.UTC(year, month - 1, day + days)));
  }
  const months = month - 1 + (pattern.frequency === 'monthly' ? steps : steps * 12);
  const targetYear = year + Math.floor(months / 12);
  const targetMonth = months % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return utcDate(new Date(Date.UTC(targetYear, targetMonth, Math.min(day, lastDay))));
}

function utcDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
