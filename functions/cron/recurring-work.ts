import type { ConnectDatabase } from '../database/types.ts';
import { withServiceRole } from '../database/transactions.ts';
import type { Env } from '../env.ts';
import { createDueRecurringExpenses } from '../money/recurring-expenses.ts';
import { createNextTodoOccurrences } from '../todos/recurrence.ts';

/**
 * The hourly recurring-work job: the next occurrences of completed recurring todos
 * (functions/todos/recurrence.ts) and the due entries of recurring expenses
 * (functions/money/recurring-expenses.ts). Each batch commits in a transaction of its own
 * and records what it did on the source rows in that same transaction, so the job can run
 * any number of times, concurrently too, with the same result.
 */

export const TODO_BATCH_SIZE = 500;
export const EXPENSE_BATCH_SIZE = 500;
/** Per run, so a backlog is worked off over several runs rather than in one long one. */
export const MAX_BATCHES_PER_RUN = 20;

export interface RecurringWorkSummary {
  todos_created: number;
  subtasks_copied: number;
  expenses_created: number;
  recurring_expenses_advanced: number;
  recurring_expenses_with_invalid_pattern: number;
}

export async function runRecurringWork(options: { connect: ConnectDatabase; env: Env; now?: () => Date }): Promise<RecurringWorkSummary> {
  const today = (options.now?.() ?? new Date()).toISOString().slice(0, 10);
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
      createDueRecurringExpenses(db, { today, afterId, limit: EXPENSE_BATCH_SIZE }),
    );
    summary.expenses_created += result.created;
    summary.recurring_expenses_advanced += result.advanced;
    summary.recurring_expenses_with_invalid_pattern += result.invalid;
    if (!result.lastId) break;
    afterId = result.lastId;
  }
  return summary;
}
