import { listOf } from '../../database/pagination.ts';
import {
  deleteIncomeEntry,
  getIncomeEntry,
  IncomeEntry,
  IncomeEntryChanges,
  IncomeEntryFilters,
  IncomeEntryInput,
  listIncomeEntries,
  recordIncome,
  updateIncomeEntry,
} from '../../money/income.ts';
import { jsonContent, newRouter } from '../../openapi.ts';
import { IdParam } from '../../shapes.ts';
import { operationsOf } from '../operation.ts';

const operation = operationsOf('Income');

const list = operation({
  method: 'get',
  path: '/income-entries',
  operationId: 'listIncomeEntries',
  oneStatement: true,
  summary: 'List your income entries, newest first',
  request: { query: IncomeEntryFilters },
  responses: { 200: { description: 'A page of income entries', content: jsonContent(listOf(IncomeEntry, 'IncomeEntryList')) } },
});

const create = operation({
  method: 'post',
  path: '/income-entries',
  operationId: 'recordIncome',
  oneStatement: true,
  summary: 'Record income received',
  request: { body: { content: jsonContent(IncomeEntryInput), required: true } },
  responses: { 201: { description: 'Created', content: jsonContent(IncomeEntry) } },
});

const get = operation({
  method: 'get',
  path: '/income-entries/{id}',
  operationId: 'getIncomeEntry',
  oneStatement: true,
  summary: 'Get an income entry',
  request: { params: IdParam },
  responses: { 200: { description: 'The income entry', content: jsonContent(IncomeEntry) } },
});

const update = operation({
  method: 'patch',
  path: '/income-entries/{id}',
  operationId: 'updateIncomeEntry',
  oneStatement: true,
  summary: 'Update an income entry',
  request: { params: IdParam, body: { content: jsonContent(IncomeEntryChanges), required: true } },
  responses: { 200: { description: 'The updated income entry', content: jsonContent(IncomeEntry) } },
});

const remove = operation({
  method: 'delete',
  path: '/income-entries/{id}',
  operationId: 'deleteIncomeEntry',
  oneStatement: true,
  summary: 'Delete an income entry',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' } },
});

export const incomeEntriesRouter = newRouter()
  .openapi(list, async (c) => c.json(await listIncomeEntries(c.var.db, c.req.valid('query')), 200))
  .openapi(create, async (c) => {
    const entry = await recordIncome(c.var.db, c.req.valid('json'));
    c.header('location', `/api/v1/income-entries/${entry.id}`);
    return c.json(entry, 201);
  })
  .openapi(get, async (c) => c.json(await getIncomeEntry(c.var.db, c.req.valid('param').id), 200))
  .openapi(update, async (c) => c.json(await updateIncomeEntry(c.var.db, c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(remove, async (c) => {
    await deleteIncomeEntry(c.var.db, c.req.valid('param').id);
    return c.body(null, 204);
  });
