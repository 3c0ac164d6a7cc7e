import { z } from '@hono/zod-openapi';
import { eq, sql } from 'drizzle-orm';
import { budgets, budgetSummaries } from '../../db/schema/index.ts';
import { listPage, PageQuery } from '../database/pagination.ts';
import { deleteOr404, findOr404, insertOne, updateOr404 } from '../database/rows.ts';
import { selectRows } from '../database/table-rows.ts';
import type { Database } from '../database/types.ts';
import { notFound } from '../errors.ts';
import { DateOnly, Money, NonNegativeMoneyInput, Timestamp, Uuid } from '../shapes.ts';

/** A user's budgets. Every function runs under the caller's claims: the policies decide whose rows these are. */

export const BudgetPeriod = z.enum(['weekly', 'monthly', 'yearly']);
export const Currency = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD').openapi({ example: 'EUR' });

export const Budget = z
  .object({
    id: Uuid,
    user_id: Uuid,
    name: z.string(),
    description: z.string().nullable(),
    total_amount: Money,
    currency: Currency,
    budget_period: BudgetPeriod,
    start_date: DateOnly,
    end_date: DateOnly.nullable(),
    is_active: z.boolean(),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .openapi('Budget');

/** What a caller may write; the owner, ids and timestamps are the server's and are ignored. */
export const BudgetInput = z
  .object({
    name: z.string().trim().min(1).max(200),
    description: z.string().max(10_000).nullable().optional(),
    total_amount: NonNegativeMoneyInput,
    currency: Currency.optional(),
    budget_period: BudgetPeriod.optional(),
    start_date: DateOnly,
    end_date: DateOnly.nullable().optional().openapi({ description: 'On or after `start_date`' }),
    is_active: z.boolean().optional(),
  })
  .openapi('BudgetCreate');
export type BudgetInput = z.infer<typeof BudgetInput>;

export const BudgetChanges = BudgetInput.partial().openapi('BudgetUpdate');
export type BudgetChanges = z.infer<typeof BudgetChanges>;

export const BudgetSummary = z
  .object({
    id: Uuid,
    user_id: Uuid,
    name: z.string(),
    currency: Currency,
    total_amount: Money,
    total_allocated: Money.openapi({ description: 'Sum of the active categories’ allocations' }),
    total_spent: Money.openapi({ description: 'Sum of the active categories’ spending' }),
    remaining_budget: Money.openapi({ description: '`total_amount` minus `total_spent`; negative when overspent' }),
  })
  .openapi('BudgetSummary');

/** Newest first, a page at a time. */
export const listBudgets = (db: Database, page: PageQuery) => listPage(db, budgets, [], page);

/** An end date before the start date is refused by the database (400). */
export const createBudget = (db: Database, input: BudgetInput) => insertOne(db, budgets, input);

export const getBudget = (db: Database, id: string) => findOr404(db, budgets, id, 'budget');

export const updateBudget = (db: Database, id: string, changes: BudgetChanges) => updateOr404(db, budgets, id, changes, 'budget');

/** Deletes the budget and its categories; expenses linked to them are kept and unlinked. */
export const deleteBudget = (db: Database, id: string) => deleteOr404(db, budgets, id, 'budget');

/**
 * How much of an active budget is allocated, spent and left, from its active categories;
 * without categories the whole amount is left. An inactive budget has no status (404).
 */
export async function budgetStatus(db: Database, id: string) {
  const [summary] = await selectRows<typeof budgetSummaries.$inferSelect>(db, budgetSummaries, {
    rest: sql`where ${eq(budgetSummaries.id, id)}`,
  });
  if (!summary) throw notFound('active budget');
  return summary.row;
}
