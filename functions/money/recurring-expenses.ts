import { sql } from 'drizzle-orm';
import type { Database } from '../database/types.ts';
import { RecurringExpensePattern } from './recurring-pattern.ts';

/**
 * Recurring expenses. A recurring expense (`is_recurring`, `recurring_pattern` as in
 * RecurringExpensePattern) is the first of its series. Each later date of the series up to
 * today (UTC) and up to `until` gets one entry: a copy of it on that date, not itself
 * recurring. `expenses.recurring_generated_through` records the last date done (a column
 * users cannot write, migration 0011), so an entry the user deletes stays deleted. Months
 * count from the first date, so a series starting on the 31st lands on the last day of
 * shorter months and returns to the 31st. An expense whose pattern does not match the
 * shape is left alone and counted.
 */

/** Entries one expense may produce in one call (a year of a daily series); the rest follow on the next. */
export const MAX_ENTRIES_PER_EXPENSE_PER_RUN = 366;

export interface RecurringExpenseBatch {
  /** Entries created. */
  created: number;
  /** Recurring expenses that produced at least one entry. */
  advanced: number;
  /** Recurring expenses whose pattern could not be read. */
  invalid: number;
  /** The last expense looked at, to continue after; null when this batch was the last. */
  lastId: string | null;
}

interface RecurringExpense {
  id: string;
  expense_date: string;
  recurring_pattern: unknown;
  recurring_generated_through: string | null;
}

/**
 * Creates the entries due by `today` (`YYYY-MM-DD`, UTC) for up to `limit` recurring
 * expenses, in id order after `afterId`, and records how far each series is done.
 * Expenses another run is handling are skipped. Works across users: PAM's own work, run
 * as service_role.
 */
export async function createDueRecurringExpenses(
  db: Database,
  batch: { today: string; afterId: string; limit: number },
): Promise<RecurringExpenseBatch> {
  const result = await db.execute(sql`
    select id, expense_date::text as expense_date, recurring_pattern,
           recurring_generated_through::text as recurring_generated_through
      from public.expenses
     where is_recurring and id > ${batch.afterId}::uuid
     order by id
     limit ${batch.limit}
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
    const dates = datesDue(source.expense_date, pattern.data, source.recurring_generated_through, batch.today);
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
  const lastId = sources.length === batch.limit ? sources[sources.length - 1].id : null;
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
