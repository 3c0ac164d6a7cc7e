import { z } from '@hono/zod-openapi';
import {
  addBudgetCategory,
  BudgetCategory,
  BudgetCategoryChanges,
  BudgetCategoryInput,
  deleteBudgetCategory,
  listBudgetCategories,
  updateBudgetCategory,
} from '../../money/budget-categories.ts';
import { jsonContent, newRouter } from '../../openapi.ts';
import { Uuid } from '../../shapes.ts';
import { operationsOf } from '../operation.ts';

const BudgetCategoryList = z.object({ data: z.array(BudgetCategory), next_cursor: z.null() }).openapi('BudgetCategoryList');
const BudgetParam = z.object({ id: Uuid.openapi({ param: { name: 'id', in: 'path' } }) });
const CategoryParams = BudgetParam.extend({ category_id: Uuid.openapi({ param: { name: 'category_id', in: 'path' } }) });

const operation = operationsOf('Budgets');

const list = operation({
  method: 'get',
  path: '/budgets/{id}/categories',
  operationId: 'listBudgetCategories',
  oneStatement: true,
  summary: "A budget's categories, ordered by sort_order",
  request: { params: BudgetParam },
  responses: { 200: { description: 'All categories', content: jsonContent(BudgetCategoryList) } },
});

const create = operation({
  method: 'post',
  path: '/budgets/{id}/categories',
  operationId: 'addBudgetCategory',
  summary: 'Add a category to a budget',
  request: { params: BudgetParam, body: { content: jsonContent(BudgetCategoryInput), required: true } },
  responses: { 201: { description: 'Created', content: jsonContent(BudgetCategory) } },
});

const update = operation({
  method: 'patch',
  path: '/budgets/{id}/categories/{category_id}',
  operationId: 'updateBudgetCategory',
  oneStatement: true,
  summary: 'Update a budget category',
  request: { params: CategoryParams, body: { content: jsonContent(BudgetCategoryChanges), required: true } },
  responses: { 200: { description: 'Updated', content: jsonContent(BudgetCategory) } },
});

const remove = operation({
  method: 'delete',
  path: '/budgets/{id}/categories/{category_id}',
  operationId: 'deleteBudgetCategory',
  oneStatement: true,
  summary: 'Delete a budget category',
  description: 'Expenses linked to it are kept and unlinked; its child categories lose their parent.',
  request: { params: CategoryParams },
  responses: { 204: { description: 'Deleted' } },
});

export const budgetCategoriesRouter = newRouter()
  .openapi(list, async (c) =>
    c.json({ data: await listBudgetCategories(c.var.db, c.req.valid('param').id), next_cursor: null }, 200),
  )
  .openapi(create, async (c) => {
    const { id } = c.req.valid('param');
    const category = await addBudgetCategory(c.var.db, id, c.req.valid('json'));
    c.header('location', `/api/v1/budgets/${id}/categories/${category.id}`);
    return c.json(category, 201);
  })
  .openapi(update, async (c) => {
    const { id, category_id } = c.req.valid('param');
    return c.json(await updateBudgetCategory(c.var.db, id, category_id, c.req.valid('json')), 200);
  })
  .openapi(remove, async (c) => {
    const { id, category_id } = c.req.valid('param');
    await deleteBudgetCategory(c.var.db, id, category_id);
    return c.body(null, 204);
  });
