import { createRoute, z } from '@hono/zod-openapi';
import { and, asc, eq, sql } from 'drizzle-orm';
import { budgetCategories, budgets } from '../../db/schema/index.ts';
import type { Database } from '../env.ts';
import { ApiError, notFound } from '../errors.ts';
import { problems } from './problems.ts';
import { bearerAuth, jsonContent, newRouter } from '../openapi.ts';
import { Money, NonNegativeMoneyInput, Timestamp, Uuid } from '../shapes.ts';

const CategoryType = z.enum(['income', 'expense', 'savings', 'debt']);

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

const BudgetCategoryList = z
  .object({ data: z.array(BudgetCategory), next_cursor: z.null() })
  .openapi('BudgetCategoryList');

/** `spent_amount` follows the linked expenses and is never taken from a body. */
const BudgetCategoryInput = z.object({
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
});
const BudgetCategoryCreate = BudgetCategoryInput.openapi('BudgetCategoryCreate');
const BudgetCategoryUpdate = BudgetCategoryInput.partial().openapi('BudgetCategoryUpdate');

/** Categories are bounded per budget, so they come in one ordered list rather than pages. */
export const MAX_CATEGORIES_PER_BUDGET = 500;

const BudgetParam = z.object({ id: Uuid.openapi({ param: { name: 'id', in: 'path' } }) });
const CategoryParams = BudgetParam.extend({
  category_id: Uuid.openapi({ param: { name: 'category_id', in: 'path' } }),
});

const tags = ['Budgets'];
const security = bearerAuth;

const listCategories = createRoute({
  method: 'get',
  path: '/budgets/{id}/categories',
  tags,
  security,
  summary: "A budget's categories, ordered by sort_order",
  request: { params: BudgetParam },
  responses: { 200: { description: 'All categories', content: jsonContent(BudgetCategoryList) }, ...problems(401, 404) },
});

const createCategory = createRoute({
  method: 'post',
  path: '/budgets/{id}/categories',
  tags,
  security,
  summary: 'Add a category to a budget',
  request: { params: BudgetParam, body: { content: jsonContent(BudgetCategoryCreate), required: true } },
  responses: { 201: { description: 'Created', content: jsonContent(BudgetCategory) }, ...problems(400, 401, 404, 413, 415) },
});

const updateCategory = createRoute({
  method: 'patch',
  path: '/budgets/{id}/categories/{category_id}',
  tags,
  security,
  summary: 'Update a budget category',
  request: { params: CategoryParams, body: { content: jsonContent(BudgetCategoryUpdate), required: true } },
  responses: { 200: { description: 'Updated', content: jsonContent(BudgetCategory) }, ...problems(400, 401, 404, 413, 415) },
});

const deleteCategory = createRoute({
  method: 'delete',
  path: '/budgets/{id}/categories/{category_id}',
  tags,
  security,
  summary: 'Delete a budget category',
  description: 'Expenses linked to it are kept and unlinked; its child categories lose their parent.',
  request: { params: CategoryParams },
  responses: { 204: { description: 'Deleted' }, ...problems(401, 404) },
});

/** 404 unless the caller can see the budget (the policies decide). */
async function requireBudget(db: Database, budgetId: string): Promise<void> {
  const [budget] = await db.select({ id: budgets.id }).from(budgets).where(eq(budgets.id, budgetId));
  if (!budget) throw notFound('budget');
}

function rejectSelfParent(categoryId: string, parentId: string | null | undefined): void {
  if (parentId === categoryId) {
    throw new ApiError('validation_failed', 'A category cannot be its own parent.', {
      errors: [{ path: 'parent_category_id', message: 'must name another category' }],
    });
  }
}

export const budgetCategoriesRouter = newRouter()
  .openapi(listCategories, async (c) => {
    const { id } = c.req.valid('param');
    await requireBudget(c.var.db, id);
    const categories = await c.var.db
      .select()
      .from(budgetCategories)
      .where(eq(budgetCategories.budget_id, id))
      .orderBy(asc(budgetCategories.sort_order), asc(budgetCategories.created_at), asc(budgetCategories.id));
    return c.json({ data: categories, next_cursor: null }, 200);
  })
  .openapi(createCategory, async (c) => {
    const { id } = c.req.valid('param');
    await requireBudget(c.var.db, id);
    const [{ count }] = await c.var.db
      .select({ count: sql<number>`count(*)::int` })
      .from(budgetCategories)
      .where(eq(budgetCategories.budget_id, id));
    if (count >= MAX_CATEGORIES_PER_BUDGET) {
      throw new ApiError('validation_failed', `A budget holds at most ${MAX_CATEGORIES_PER_BUDGET} categories.`);
    }
    const [category] = await c.var.db
      .insert(budgetCategories)
      .values({ ...c.req.valid('json'), budget_id: id })
      .returning();
    c.header('location', `/api/v1/budgets/${id}/categories/${category.id}`);
    return c.json(category, 201);
  })
  .openapi(updateCategory, async (c) => {
    const { id, category_id } = c.req.valid('param');
    const changes = c.req.valid('json');
    rejectSelfParent(category_id, changes.parent_category_id);
    const target = and(eq(budgetCategories.id, category_id), eq(budgetCategories.budget_id, id));
    const [category] =
      Object.keys(changes).length > 0
        ? await c.var.db.update(budgetCategories).set(changes).where(target).returning()
        : await c.var.db.select().from(budgetCategories).where(target);
    if (!category) throw notFound('budget category');
    return c.json(category, 200);
  })
  .openapi(deleteCategory, async (c) => {
    const { id, category_id } = c.req.valid('param');
    const deleted = await c.var.db
      .delete(budgetCategories)
      .where(and(eq(budgetCategories.id, category_id), eq(budgetCategories.budget_id, id)))
      .returning({ id: budgetCategories.id });
    if (deleted.length === 0) throw notFound('budget category');
    return c.body(null, 204);
  });
