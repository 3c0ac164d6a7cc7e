import { listOf, PageQuery } from '../../database/pagination.ts';
import {
  Budget,
  BudgetChanges,
  BudgetInput,
  budgetStatus,
  BudgetSummary,
  createBudget,
  deleteBudget,
  getBudget,
  listBudgets,
  updateBudget,
} from '../../money/budgets.ts';
import { jsonContent, newRouter } from '../../openapi.ts';
import { IdParam } from '../../shapes.ts';
import { operationsOf } from '../operation.ts';

const operation = operationsOf('Budgets');

const list = operation({
  method: 'get',
  path: '/budgets',
  operationId: 'listBudgets',
  oneStatement: true,
  summary: 'List your budgets, newest first',
  request: { query: PageQuery },
  responses: { 200: { description: 'A page of budgets', content: jsonContent(listOf(Budget, 'BudgetList')) } },
});

const create = operation({
  method: 'post',
  path: '/budgets',
  operationId: 'createBudget',
  oneStatement: true,
  summary: 'Create a budget',
  request: { body: { content: jsonContent(BudgetInput), required: true } },
  responses: { 201: { description: 'Created', content: jsonContent(Budget) } },
});

const get = operation({
  method: 'get',
  path: '/budgets/{id}',
  operationId: 'getBudget',
  oneStatement: true,
  summary: 'Get a budget',
  request: { params: IdParam },
  responses: { 200: { description: 'The budget', content: jsonContent(Budget) } },
});

const update = operation({
  method: 'patch',
  path: '/budgets/{id}',
  operationId: 'updateBudget',
  oneStatement: true,
  summary: 'Update a budget',
  request: { params: IdParam, body: { content: jsonContent(BudgetChanges), required: true } },
  responses: { 200: { description: 'The updated budget', content: jsonContent(Budget) } },
});

const remove = operation({
  method: 'delete',
  path: '/budgets/{id}',
  operationId: 'deleteBudget',
  oneStatement: true,
  summary: 'Delete a budget and its categories',
  description: 'Expenses linked to its categories are kept and unlinked.',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' } },
});

const status = operation({
  method: 'get',
  path: '/budgets/{id}/summary',
  operationId: 'budgetStatus',
  oneStatement: true,
  summary: 'Allocated, spent and remaining amounts of an active budget',
  description:
    'Computed from the active categories of the budget. A budget without categories has its whole amount remaining. Inactive budgets have no summary (404).',
  request: { params: IdParam },
  responses: { 200: { description: 'The summary', content: jsonContent(BudgetSummary) } },
});

export const budgetsRouter = newRouter()
  .openapi(list, async (c) => c.json(await listBudgets(c.var.db, c.req.valid('query')), 200))
  .openapi(create, async (c) => {
    const budget = await createBudget(c.var.db, c.req.valid('json'));
    c.header('location', `/api/v1/budgets/${budget.id}`);
    return c.json(budget, 201);
  })
  .openapi(get, async (c) => c.json(await getBudget(c.var.db, c.req.valid('param').id), 200))
  .openapi(update, async (c) => c.json(await updateBudget(c.var.db, c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(remove, async (c) => {
    await deleteBudget(c.var.db, c.req.valid('param').id);
    return c.body(null, 204);
  })
  .openapi(status, async (c) => c.json(await budgetStatus(c.var.db, c.req.valid('param').id), 200));
