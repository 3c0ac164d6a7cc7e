import { z } from '@hono/zod-openapi';
import { and, arrayContains, asc, desc, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import { expenses } from '../../db/schema/index.ts';
import { listPage, PageQuery } from '../database/pagination.ts';
import { deleteOr404, findOr404, insertOne, updateOr404 } from '../database/rows.ts';
import type { Database } from '../database/types.ts';
import { DateOnly, JsonObject, Money, PositiveMoneyInput, Tags, Timestamp, Uuid } from '../shapes.ts';
import { RecurringExpensePattern } from './recurring-pattern.ts';

/**
 * A user's expenses. An expense linked to a budget category counts towards that
 * category's `spent_amount`, which the database keeps in step on every write.
 */

export const Expense = z
  .object({
    id: Uuid,
    user_id: Uuid,
    amount: Money,
    description: z.string(),
    category: z.string(),
    subcategory: z.string().nullable(),
    expense_date: DateOnly,
    payment_method: z.string().nullable(),
    vendor: z.string().nullable(),
    location: JsonObject.nullable(),
    receipt_url: z.string().nullable(),
    notes: z.string().nullable(),
    tags: z.array(z.string()).nullable(),
    budget_category_id: Uuid.nullable(),
    trip_id: Uuid.nullable(),
    is_recurring: z.boolean(),
    recurring_pattern: JsonObject.nullable(),
    recurring_generated_through: DateOnly.nullable().openapi({
      description: 'Set by the server: the last date for which this recurring expense has produced an entry',
    }),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .openapi('Expense');

/** What a caller may write; the owner, ids and timestamps are the server's and are ignored. */
export const ExpenseInput = z
  .object({
    amount: PositiveMoneyInput,
    description: z.string().trim().min(1).max(1000),
    category: z.string().trim().min(1).max(100),
    subcategory: z.string().trim().max(100).nullable().optional(),
    expense_date: DateOnly,
    payment_method: z.string().trim().max(50).nullable().optional().openapi({ example: 'credit_card' }),
    vendor: z.string().max(200).nullable().optional(),
    location: JsonObject.nullable().optional(),
    receipt_url: z.url({ protocol: /^https?$/ }).max(2000).nullable().optional(),
    notes: z.string().max(10_000).nullable().optional(),
    tags: Tags.nullable().optional(),
    budget_category_id: Uuid.nullable()
      .optional()
      .openapi({ description: "A category of one of your budgets; its `spent_amount` follows this expense's amount" }),
    trip_id: Uuid.nullable().optional(),
    is_recurring: z.boolean().optional(),
    recurring_pattern: RecurringExpensePattern.nullable().optional(),
  })
  .openapi('ExpenseCreate');
export type ExpenseInput = z.infer<typeof ExpenseInput>;

export const ExpenseChanges = ExpenseInput.partial().openapi('ExpenseUpdate');
export type ExpenseChanges = z.infer<typeof ExpenseChanges>;

/** What the list and the summary both filter by. */
const ExpenseFilterFields = z.object({
  from: DateOnly.optional().openapi({ description: 'Earliest `expense_date`, inclusive' }),
  to: DateOnly.optional().openapi({ description: 'Latest `expense_date`, inclusive' }),
  category: z.string().max(100).optional(),
  trip_id: Uuid.optional(),
  budget_category_id: Uuid.optional(),
  tag: z.string().max(100).optional(),
});
type ExpenseFilterFields = z.infer<typeof ExpenseFilterFields>;

const datesInOrder = (range: { from?: string; to?: string }) => !range.from || !range.to || range.from <= range.to;
const datesOutOfOrder = { message: 'must not be before `from`', path: ['to'] };

export const ExpenseFilters = PageQuery.extend(ExpenseFilterFields.shape).refine(datesInOrder, datesOutOfOrder);
export type ExpenseFilters = z.infer<typeof ExpenseFilters>;

export const ExpenseGrouping = z.enum(['category', 'month']);

export const ExpenseSummaryQuery = ExpenseFilterFields.extend({
  group_by: ExpenseGrouping.default('category').openapi({ description: '`month` groups by `YYYY-MM` of `expense_date`' }),
}).refine(datesInOrder, datesOutOfOrder);
/** As callers write it: `group_by` may be left out. */
export type ExpenseSummaryQuery = z.input<typeof ExpenseSummaryQuery>;

const ExpenseGroup = z.object({
  key: z.string().openapi({ description: 'The category, or the month as `YYYY-MM`', example: 'fuel' }),
  total: Money,
  count: z.number().int(),
});

export const ExpenseSummary = z
  .object({
    group_by: ExpenseGrouping,
    from: DateOnly.nullable(),
    to: DateOnly.nullable(),
    total: Money,
    count: z.number().int(),
    groups: z.array(ExpenseGroup),
  })
  .openapi('ExpenseSummary');
export type ExpenseSummary = z.infer<typeof ExpenseSummary>;

function expenseConditions(filters: ExpenseFilterFields): (SQL | undefined)[] {
  return [
    filters.from ? gte(expenses.expense_date, filters.from) : undefined,
    filters.to ? lte(expenses.expense_date, filters.to) : undefined,
    filters.category ? eq(expenses.category, filters.category) : undefined,
    filters.trip_id ? eq(expenses.trip_id, filters.trip_id) : undefined,
    filters.budget_category_id ? eq(expenses.budget_category_id, filters.budget_category_id) : undefined,
    filters.tag ? arrayContains(expenses.tags, [filters.tag]) : undefined,
  ];
}

/** Newest first, a page at a time. */
export const listExpenses = (db: Database, filters: ExpenseFilters) => listPage(db, expenses, expenseConditions(filters), filters);

/**
 * Records money spent. A budget category or trip the caller cannot see is refused like a
 * missing one (400), and a linked category's `spent_amount` grows by the amount.
 */
export const logExpense = (db: Database, input: ExpenseInput) => insertOne(db, expenses, input);

export const getExpense = (db: Database, id: string) => findOr404(db, expenses, id, 'expense');

/** Changing the amount or `budget_category_id` moves the linked categories' `spent_amount`. */
export const updateExpense = (db: Database, id: string, changes: ExpenseChanges) => updateOr404(db, expenses, id, changes, 'expense');

/** The linked category's `spent_amount` drops by the amount. */
export const deleteExpense = (db: Database, id: string) => deleteOr404(db, expenses, id, 'expense');

/**
 * Totals per category (largest first) or per month (in calendar order), over the same
 * filters as the list. Expenses carry no currency: totals add up the amounts as entered.
 * Sums are numeric in SQL, never floats; the window adds the groups up in the same snapshot.
 */
export async function expenseSummary(db: Database, query: ExpenseSummaryQuery): Promise<ExpenseSummary> {
  const { group_by = 'category', ...filters } = query;
  const key =
    group_by === 'month' ? sql<string>`to_char(${expenses.expense_date}, 'YYYY-MM')` : sql<string>`${expenses.category}`;
  const rows = await db
    .select({
      key,
      total: sql<string>`sum(${expenses.amount})::text`,
      count: sql<number>`count(*)::int`,
      all_total: sql<string>`(sum(sum(${expenses.amount})) over ())::text`,
      all_count: sql<number>`(sum(count(*)) over ())::int`,
    })
    .from(expenses)
    .where(and(...expenseConditions(filters)))
    .groupBy(key)
    .orderBy(...(group_by === 'month' ? [asc(key)] : [desc(sql`sum(${expenses.amount})`), asc(key)]));
  return {
    group_by,
    from: filters.from ?? null,
    to: filters.to ?? null,
    total: rows[0]?.all_total ?? '0.00',
    count: rows[0]?.all_count ?? 0,
    groups: rows.map(({ key, total, count }) => ({ key, total, count })),
  };
}
