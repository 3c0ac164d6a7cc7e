import { createRoute, z } from '@hono/zod-openapi';
import { and, arrayContains, asc, desc, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import { expenses } from '../../db/schema/index.ts';
import type { Database } from '../env.ts';
import { notFound } from '../errors.ts';
import { problems } from './problems.ts';
import { bearerAuth, jsonContent, newRouter } from '../openapi.ts';
import { listOf, listPage, PageQuery } from '../database/pagination.ts';
import { DateOnly, IdParam, JsonObject, Money, PositiveMoneyInput, Tags, Timestamp, Uuid } from '../shapes.ts';
import { RecurringExpensePattern } from '../money/recurring-pattern.ts';

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

/** What a client may write; the owner, ids and timestamps are the server's and are ignored. */
const ExpenseInput = z.object({
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
});
const ExpenseCreate = ExpenseInput.openapi('ExpenseCreate');
const ExpenseUpdate = ExpenseInput.partial().openapi('ExpenseUpdate');

const DateRange = {
  from: DateOnly.optional().openapi({ description: 'Earliest `expense_date`, inclusive' }),
  to: DateOnly.optional().openapi({ description: 'Latest `expense_date`, inclusive' }),
};
const datesInOrder = (range: { from?: string; to?: string }) => !range.from || !range.to || range.from <= range.to;
const datesOutOfOrder = { message: 'must not be before `from`', path: ['to'] };

const ExpenseFilters = {
  ...DateRange,
  category: z.string().max(100).optional(),
  trip_id: Uuid.optional(),
  budget_category_id: Uuid.optional(),
  tag: z.string().max(100).optional(),
};

const ExpenseListQuery = PageQuery.extend(ExpenseFilters).refine(datesInOrder, datesOutOfOrder);

const GroupBy = z.enum(['category', 'month']);
const ExpenseSummaryQuery = z
  .object({
    ...ExpenseFilters,
    group_by: GroupBy.default('category').openapi({ description: '`month` groups by `YYYY-MM` of `expense_date`' }),
  })
  .refine(datesInOrder, datesOutOfOrder);

const ExpenseGroup = z.object({
  key: z.string().openapi({ description: 'The category, or the month as `YYYY-MM`', example: 'fuel' }),
  total: Money,
  count: z.number().int(),
});

export const ExpenseSummary = z
  .object({
    group_by: GroupBy,
    from: DateOnly.nullable(),
    to: DateOnly.nullable(),
    total: Money,
    count: z.number().int(),
    groups: z.array(ExpenseGroup),
  })
  .openapi('ExpenseSummary');

const tags = ['Expenses'];
const security = bearerAuth;

const listExpenses = createRoute({
  method: 'get',
  path: '/expenses',
  tags,
  security,
  summary: 'List your expenses, newest first',
  request: { query: ExpenseListQuery },
  responses: {
    200: { description: 'A page of expenses', content: jsonContent(listOf(Expense, 'ExpenseList')) },
    ...problems(400, 401),
  },
});

const createExpense = createRoute({
  method: 'post',
  path: '/expenses',
  tags,
  security,
  summary: 'Record an expense',
  request: { body: { content: jsonContent(ExpenseCreate), required: true } },
  responses: { 201: { description: 'Created', content: jsonContent(Expense) }, ...problems(400, 401, 413, 415) },
});

const summarizeExpenses = createRoute({
  method: 'get',
  path: '/expenses/summary',
  tags,
  security,
  summary: 'Expense totals per category or per month',
  description:
    'Takes the same filters as the list. Categories come largest total first, months in calendar order. Expenses carry no currency: totals add up the amounts as they were entered.',
  request: { query: ExpenseSummaryQuery },
  responses: { 200: { description: 'Totals', content: jsonContent(ExpenseSummary) }, ...problems(400, 401) },
});

const getExpense = createRoute({
  method: 'get',
  path: '/expenses/{id}',
  tags,
  security,
  summary: 'Get an expense',
  request: { params: IdParam },
  responses: { 200: { description: 'The expense', content: jsonContent(Expense) }, ...problems(401, 404) },
});

const updateExpense = createRoute({
  method: 'patch',
  path: '/expenses/{id}',
  tags,
  security,
  summary: 'Update an expense',
  description: "Changing the amount or `budget_category_id` moves the linked categories' `spent_amount`.",
  request: { params: IdParam, body: { content: jsonContent(ExpenseUpdate), required: true } },
  responses: { 200: { description: 'The updated expense', content: jsonContent(Expense) }, ...problems(400, 401, 404, 413, 415) },
});

const deleteExpense = createRoute({
  method: 'delete',
  path: '/expenses/{id}',
  tags,
  security,
  summary: 'Delete an expense',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...problems(401, 404) },
});

type ExpenseFilterQuery = z.infer<z.ZodObject<typeof ExpenseFilters>>;

function expenseFilters(query: ExpenseFilterQuery): (SQL | undefined)[] {
  return [
    query.from ? gte(expenses.expense_date, query.from) : undefined,
    query.to ? lte(expenses.expense_date, query.to) : undefined,
    query.category ? eq(expenses.category, query.category) : undefined,
    query.trip_id ? eq(expenses.trip_id, query.trip_id) : undefined,
    query.budget_category_id ? eq(expenses.budget_category_id, query.budget_category_id) : undefined,
    query.tag ? arrayContains(expenses.tags, [query.tag]) : undefined,
  ];
}

/** Sums in SQL (numeric, never a float); the window adds the groups up in the same snapshot. */
async function expenseSummary(db: Database, query: z.infer<typeof ExpenseSummaryQuery>) {
  const key = query.group_by === 'month' ? sql<string>`to_char(${expenses.expense_date}, 'YYYY-MM')` : sql<string>`${expenses.category}`;
  const total = sql<string>`sum(${expenses.amount})::text`;
  const rows = await db
    .select({
      key,
      total,
      count: sql<number>`count(*)::int`,
      all_total: sql<string>`(sum(sum(${expenses.amount})) over ())::text`,
      all_count: sql<number>`(sum(count(*)) over ())::int`,
    })
    .from(expenses)
    .where(and(...expenseFilters(query)))
    .groupBy(key)
    .orderBy(...(query.group_by === 'month' ? [asc(key)] : [desc(sql`sum(${expenses.amount})`), asc(key)]));
  return {
    group_by: query.group_by,
    from: query.from ?? null,
    to: query.to ?? null,
    total: rows[0]?.all_total ?? '0.00',
    count: rows[0]?.all_count ?? 0,
    groups: rows.map(({ key, total, count }) => ({ key, total, count })),
  };
}

export const expensesRouter = newRouter()
  .openapi(listExpenses, async (c) => {
    const query = c.req.valid('query');
    return c.json(await listPage(c.var.db, expenses, expenseFilters(query), query), 200);
  })
  .openapi(createExpense, async (c) => {
    const [expense] = await c.var.db.insert(expenses).values(c.req.valid('json')).returning();
    c.header('location', `/api/v1/expenses/${expense.id}`);
    return c.json(expense, 201);
  })
  // Registered before /expenses/{id}, which would otherwise take "summary" for an id.
  .openapi(summarizeExpenses, async (c) => {
    return c.json(await expenseSummary(c.var.db, c.req.valid('query')), 200);
  })
  .openapi(getExpense, async (c) => {
    const [expense] = await c.var.db.select().from(expenses).where(eq(expenses.id, c.req.valid('param').id));
    if (!expense) throw notFound('expense');
    return c.json(expense, 200);
  })
  .openapi(updateExpense, async (c) => {
    const changes = c.req.valid('json');
    const { id } = c.req.valid('param');
    const [expense] =
      Object.keys(changes).length > 0
        ? await c.var.db.update(expenses).set(changes).where(eq(expenses.id, id)).returning()
        : await c.var.db.select().from(expenses).where(eq(expenses.id, id));
    if (!expense) throw notFound('expense');
    return c.json(expense, 200);
  })
  .openapi(deleteExpense, async (c) => {
    const deleted = await c.var.db
      .delete(expenses)
      .where(eq(expenses.id, c.req.valid('param').id))
      .returning({ id: expenses.id });
    if (deleted.length === 0) throw notFound('expense');
    return c.body(null, 204);
  });
