import { createRoute, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { budgets, budgetSummaries } from '../../db/schema/index.ts';
import { notFound } from '../errors.ts';
import { problems } from './problems.ts';
import { bearerAuth, jsonContent, newRouter } from '../openapi.ts';
import { listOf, listPage, PageQuery } from '../database/pagination.ts';
import { DateOnly, IdParam, Money, NonNegativeMoneyInput, Timestamp, Uuid } from '../shapes.ts';

const BudgetPeriod = z.enum(['weekly', 'monthly', 'yearly']);
const Currency = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD').openapi({ example: 'EUR' });

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

/** What a client may write; the owner, ids and timestamps are the server's and are ignored. */
const BudgetInput = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().max(10_000).nullable().optional(),
  total_amount: NonNegativeMoneyInput,
  currency: Currency.optional(),
  budget_period: BudgetPeriod.optional(),
  start_date: DateOnly,
  end_date: DateOnly.nullable().optional().openapi({ description: 'On or after `start_date`' }),
  is_active: z.boolean().optional(),
});
const BudgetCreate = BudgetInput.openapi('BudgetCreate');
const BudgetUpdate = BudgetInput.partial().openapi('BudgetUpdate');

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

const tags = ['Budgets'];
const security = bearerAuth;

const listBudgets = createRoute({
  method: 'get',
  path: '/budgets',
  tags,
  security,
  summary: 'List your budgets, newest first',
  request: { query: PageQuery },
  responses: {
    200: { description: 'A page of budgets', content: jsonContent(listOf(Budget, 'BudgetList')) },
    ...problems(400, 401),
  },
});

const createBudget = createRoute({
  method: 'post',
  path: '/budgets',
  tags,
  security,
  summary: 'Create a budget',
  request: { body: { content: jsonContent(BudgetCreate), required: true } },
  responses: { 201: { description: 'Created', content: jsonContent(Budget) }, ...problems(400, 401, 413, 415) },
});

const getBudget = createRoute({
  method: 'get',
  path: '/budgets/{id}',
  tags,
  security,
  summary: 'Get a budget',
  request: { params: IdParam },
  responses: { 200: { description: 'The budget', content: jsonContent(Budget) }, ...problems(401, 404) },
});

const updateBudget = createRoute({
  method: 'patch',
  path: '/budgets/{id}',
  tags,
  security,
  summary: 'Update a budget',
  request: { params: IdParam, body: { content: jsonContent(BudgetUpdate), required: true } },
  responses: { 200: { description: 'The updated budget', content: jsonContent(Budget) }, ...problems(400, 401, 404, 413, 415) },
});

const deleteBudget = createRoute({
  method: 'delete',
  path: '/budgets/{id}',
  tags,
  security,
  summary: 'Delete a budget and its categories',
  description: 'Expenses linked to its categories are kept and unlinked.',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...problems(401, 404) },
});

const getBudgetSummary = createRoute({
  method: 'get',
  path: '/budgets/{id}/summary',
  tags,
  security,
  summary: 'Allocated, spent and remaining amounts of an active budget',
  description:
    'Computed from the active categories of the budget. A budget without categories has its whole amount remaining. Inactive budgets have no summary (404).',
  request: { params: IdParam },
  responses: { 200: { description: 'The summary', content: jsonContent(BudgetSummary) }, ...problems(401, 404) },
});

export const budgetsRouter = newRouter()
  .openapi(listBudgets, async (c) => {
    return c.json(await listPage(c.var.db, budgets, [], c.req.valid('query')), 200);
  })
  .openapi(createBudget, async (c) => {
    const [budget] = await c.var.db.insert(budgets).values(c.req.valid('json')).returning();
    c.header('location', `/api/v1/budgets/${budget.id}`);
    return c.json(budget, 201);
  })
  .openapi(getBudget, async (c) => {
    const [budget] = await c.var.db.select().from(budgets).where(eq(budgets.id, c.req.valid('param').id));
    if (!budget) throw notFound('budget');
    return c.json(budget, 200);
  })
  .openapi(updateBudget, async (c) => {
    const changes = c.req.valid('json');
    const { id } = c.req.valid('param');
    const [budget] =
      Object.keys(changes).length > 0
        ? await c.var.db.update(budgets).set(changes).where(eq(budgets.id, id)).returning()
        : await c.var.db.select().from(budgets).where(eq(budgets.id, id));
    if (!budget) throw notFound('budget');
    return c.json(budget, 200);
  })
  .openapi(deleteBudget, async (c) => {
    const deleted = await c.var.db
      .delete(budgets)
      .where(eq(budgets.id, c.req.valid('param').id))
      .returning({ id: budgets.id });
    if (deleted.length === 0) throw notFound('budget');
    return c.body(null, 204);
  })
  .openapi(getBudgetSummary, async (c) => {
    const [summary] = await c.var.db
      .select()
      .from(budgetSummaries)
      .where(eq(budgetSummaries.id, c.req.valid('param').id));
    if (!summary) throw notFound('active budget');
    return c.json(summary, 200);
  });
