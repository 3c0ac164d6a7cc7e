import { listOf } from '../../database/pagination.ts';
import {
  deleteExpense,
  Expense,
  ExpenseChanges,
  ExpenseFilters,
  ExpenseInput,
  ExpenseSummary,
  expenseSummary,
  ExpenseSummaryQuery,
  getExpense,
  listExpenses,
  logExpense,
  updateExpense,
} from '../../money/expenses.ts';
import { jsonContent, newRouter } from '../../openapi.ts';
import { IdParam } from '../../shapes.ts';
import { operationsOf } from '../operation.ts';

const operation = operationsOf('Expenses');

const list = operation({
  method: 'get',
  path: '/expenses',
  operationId: 'listExpenses',
  oneStatement: true,
  summary: 'List your expenses, newest first',
  request: { query: ExpenseFilters },
  responses: { 200: { description: 'A page of expenses', content: jsonContent(listOf(Expense, 'ExpenseList')) } },
});

const create = operation({
  method: 'post',
  path: '/expenses',
  operationId: 'logExpense',
  oneStatement: true,
  summary: 'Record an expense',
  request: { body: { content: jsonContent(ExpenseInput), required: true } },
  responses: { 201: { description: 'Created', content: jsonContent(Expense) } },
});

const summary = operation({
  method: 'get',
  path: '/expenses/summary',
  operationId: 'expenseSummary',
  oneStatement: true,
  summary: 'Expense totals per category or per month',
  description:
    'Takes the same filters as the list. Categories come largest total first, months in calendar order. Expenses carry no currency: totals add up the amounts as they were entered.',
  request: { query: ExpenseSummaryQuery },
  responses: { 200: { description: 'Totals', content: jsonContent(ExpenseSummary) } },
});

const get = operation({
  method: 'get',
  path: '/expenses/{id}',
  operationId: 'getExpense',
  oneStatement: true,
  summary: 'Get an expense',
  request: { params: IdParam },
  responses: { 200: { description: 'The expense', content: jsonContent(Expense) } },
});

const update = operation({
  method: 'patch',
  path: '/expenses/{id}',
  operationId: 'updateExpense',
  oneStatement: true,
  summary: 'Update an expense',
  description: "Changing the amount or `budget_category_id` moves the linked categories' `spent_amount`.",
  request: { params: IdParam, body: { content: jsonContent(ExpenseChanges), required: true } },
  responses: { 200: { description: 'The updated expense', content: jsonContent(Expense) } },
});

const remove = operation({
  method: 'delete',
  path: '/expenses/{id}',
  operationId: 'deleteExpense',
  oneStatement: true,
  summary: 'Delete an expense',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' } },
});

export const expensesRouter = newRouter()
  .openapi(list, async (c) => c.json(await listExpenses(c.var.db, c.req.valid('query')), 200))
  .openapi(create, async (c) => {
    const expense = await logExpense(c.var.db, c.req.valid('json'));
    c.header('location', `/api/v1/expenses/${expense.id}`);
    return c.json(expense, 201);
  })
  // Registered before /expenses/{id}, which would otherwise take "summary" for an id.
  .openapi(summary, async (c) => c.json(await expenseSummary(c.var.db, c.req.valid('query')), 200))
  .openapi(get, async (c) => c.json(await getExpense(c.var.db, c.req.valid('param').id), 200))
  .openapi(update, async (c) => c.json(await updateExpense(c.var.db, c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(remove, async (c) => {
    await deleteExpense(c.var.db, c.req.valid('param').id);
    return c.body(null, 204);
  });
