import { z } from '@hono/zod-openapi';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { budgetCategories, budgets } from '../../db/schema/index.ts';
import { deleteOr404, rowsUnderOr404, updateOr404 } from '../database/rows.ts';
import type { Database } from '../database/types.ts';
import { ApiError, notFound } from '../errors.ts';
import { Money, NonNegativeMoneyInput, Timestamp, Uuid } from '../shapes.ts';
import { Currency, getBudget } from './budgets.ts';

/** The categories of a budget: what is allocated to each, and what has been spent on it. */

export const CategoryType = z.enum(['income', 'expense', 'savings', 'debt']);

export const BudgetCategory = z
  .object({
    id: Uuid,
    budget_id: Uuid,
    name: z.string(),
    description: z.string().nullable(),
    allocated_amount: Money,
    spent_amount: Money.openapi({ description: 'Sum of the expenses linked to this category; kept by the server' }),
    category_type: CategoryType,
    color: z.string().nullable(),
    icon: z.string().nullable(),
    parent_category_id: Uuid.nullable(),
    sort_order: z.number().int(),
    is_active: z.boolean(),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .openapi('BudgetCategory');

/** `spent_amount` follows the linked expenses and is never taken from a body. */
export const BudgetCategoryInput = z
  .object({
    name: z.string().trim().min(1).max(200),
    description: z.string().max(10_000).nullable().optional(),
    allocated_amount: NonNegativeMoneyInput,
    category_type: CategoryType.optional(),
    color: z
      .string()
      .regex(/^#[0-9A-Fa-f]{6}$/, 'must be a colour like #1A2B3C')
      .nullable()
      .optional(),
    icon: z.string().max(100).nullable().optional(),
    parent_category_id: Uuid.nullable().optional().openapi({ description: 'Another category of the same budget' }),
    sort_order: z.number().int().min(-1_000_000).max(1_000_000).optional(),
    is_active: z.boolean().optional(),
  })
  .openapi('BudgetCategoryCreate');
export type BudgetCategoryInput = z.infer<typeof BudgetCategoryInput>;

export const BudgetCategoryChanges = BudgetCategoryInput.partial().openapi('BudgetCategoryUpdate');
export type BudgetCategoryChanges = z.infer<typeof BudgetCategoryChanges>;

/** Categories are bounded per budget, so they come in one ordered list rather than pages. */
export const MAX_CATEGORIES_PER_BUDGET = 500;

const ofBudget = (budgetId: string) => eq(budgetCategories.budget_id, budgetId);

/** A budget's categories by `sort_order`; 404 unless the caller can see the budget. */
export function listBudgetCategories(db: Database, budgetId: string) {
  return rowsUnderOr404(db, budgetCategories, { table: budgets, id: budgetId, what: 'budget' }, {
    on: ofBudget(budgetId),
    rest: sql`order by ${budgetCategories.sort_order} asc, ${budgetCategories.created_at} asc, ${budgetCategories.id} asc`,
  });
}

/** A parent must be another category of the same budget: the database refuses any other (400). */
export async function addBudgetCategory(db: Database, budgetId: string, input: BudgetCategoryInput) {
  await getBudget(db, budgetId);
  const [{ count }] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(budgetCategories)
    .where(ofBudget(budgetId));
  if (count >= MAX_CATEGORIES_PER_BUDGET) {
    throw new ApiError('validation_failed', `A budget holds at most ${MAX_CATEGORIES_PER_BUDGET} categories.`);
  }
  const [category] = await db
    .insert(budgetCategories)
    .values({ ...input, budget_id: budgetId })
    .returning();
  return category;
}

export async function updateBudgetCategory(db: Database, budgetId: string, id: string, changes: BudgetCategoryChanges) {
  if (changes.parent_category_id === id) {
    throw new ApiError('validation_failed', 'A category cannot be its own parent.', {
      errors: [{ path: 'parent_category_id', message: 'must name another category' }],
    });
  }
  return updateOr404(db, budgetCategories, id, changes, 'budget category', ofBudget(budgetId));
}

/** Expenses linked to the category are kept and unlinked; its child categories lose their parent. */
export const deleteBudgetCategory = (db: Database, budgetId: string, id: string) =>
  deleteOr404(db, budgetCategories, id, 'budget category', ofBudget(budgetId));

export const BudgetCategoryQuery = z.object({
  category: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .describe('A word naming the category, as the user says it: "fuel", "groceries"'),
});
export type BudgetCategoryQuery = z.infer<typeof BudgetCategoryQuery>;

export const BudgetCategoryStatus = z.object({
  category_id: Uuid,
  category_name: z.string(),
  budget_id: Uuid,
  budget_name: z.string(),
  currency: Currency,
  allocated_amount: Money,
  spent_amount: Money,
  remaining_amount: Money.describe('`allocated_amount` minus `spent_amount`; negative when overspent'),
});
export type BudgetCategoryStatus = z.infer<typeof BudgetCategoryStatus>;

/**
 * What is left in the caller's category named by a word ("how much is left in my fuel
 * budget?"). Only active categories of active budgets count. The best match wins: the
 * name itself (any case), then a name starting with the word, then one containing it;
 * among equals, a budget running today, then the one that started last. 404 when no
 * category matches.
 */
export async function budgetCategoryStatus(db: Database, { category }: BudgetCategoryQuery): Promise<BudgetCategoryStatus> {
  const word = category.trim().toLowerCase();
  const name = sql`lower(${budgetCategories.name})`;
  const position = sql`position(${word} in ${name})`;
  const nameRank = sql`case when ${name} = ${word} then 0 when ${position} = 1 then 1 else 2 end`;
  const runningToday = sql`${budgets.start_date} <= current_date and (${budgets.end_date} is null or ${budgets.end_date} >= current_date)`;
  const [match] = await db
    .select({
      category_id: budgetCategories.id,
      category_name: budgetCategories.name,
      budget_id: budgets.id,
      budget_name: budgets.name,
      currency: budgets.currency,
      allocated_amount: budgetCategories.allocated_amount,
      spent_amount: budgetCategories.spent_amount,
      remaining_amount: sql<string>`(${budgetCategories.allocated_amount} - ${budgetCategories.spent_amount})::text`,
    })
    .from(budgetCategories)
    .innerJoin(budgets, eq(budgets.id, budgetCategories.budget_id))
    .where(and(eq(budgetCategories.is_active, true), eq(budgets.is_active, true), sql`${position} > 0`))
    .orderBy(
      asc(nameRank),
      desc(runningToday),
      desc(budgets.start_date),
      asc(budgetCategories.sort_order),
      asc(budgetCategories.id),
    )
    .limit(1);
  if (!match) throw notFound(`budget category matching "${category.trim()}"`);
  return match;
}
