import { listOf, PageQuery } from '../../database/pagination.ts';
import {
  addIncomeSource,
  deleteIncomeSource,
  getIncomeSource,
  IncomeSource,
  IncomeSourceChanges,
  IncomeSourceInput,
  listIncomeSources,
  updateIncomeSource,
} from '../../money/income.ts';
import { jsonContent, newRouter } from '../../openapi.ts';
import { IdParam } from '../../shapes.ts';
import { operationsOf } from '../operation.ts';

const operation = operationsOf('Income');

const list = operation({
  method: 'get',
  path: '/income-sources',
  operationId: 'listIncomeSources',
  oneStatement: true,
  summary: 'List your income sources, newest first',
  request: { query: PageQuery },
  responses: { 200: { description: 'A page of income sources', content: jsonContent(listOf(IncomeSource, 'IncomeSourceList')) } },
});

const create = operation({
  method: 'post',
  path: '/income-sources',
  operationId: 'addIncomeSource',
  oneStatement: true,
  summary: 'Add an income source',
  request: { body: { content: jsonContent(IncomeSourceInput), required: true } },
  responses: { 201: { description: 'Created', content: jsonContent(IncomeSource) } },
});

const get = operation({
  method: 'get',
  path: '/income-sources/{id}',
  operationId: 'getIncomeSource',
  oneStatement: true,
  summary: 'Get an income source',
  request: { params: IdParam },
  responses: { 200: { description: 'The income source', content: jsonContent(IncomeSource) } },
});

const update = operation({
  method: 'patch',
  path: '/income-sources/{id}',
  operationId: 'updateIncomeSource',
  oneStatement: true,
  summary: 'Update an income source',
  request: { params: IdParam, body: { content: jsonContent(IncomeSourceChanges), required: true } },
  responses: { 200: { description: 'The updated income source', content: jsonContent(IncomeSource) } },
});

const remove = operation({
  method: 'delete',
  path: '/income-sources/{id}',
  operationId: 'deleteIncomeSource',
  oneStatement: true,
  summary: 'Delete an income source',
  description: 'Income entries recorded against it are kept and unlinked.',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' } },
});

export const incomeSourcesRouter = newRouter()
  .openapi(list, async (c) => c.json(await listIncomeSources(c.var.db, c.req.valid('query')), 200))
  .openapi(create, async (c) => {
    const source = await addIncomeSource(c.var.db, c.req.valid('json'));
    c.header('location', `/api/v1/income-sources/${source.id}`);
    return c.json(source, 201);
  })
  .openapi(get, async (c) => c.json(await getIncomeSource(c.var.db, c.req.valid('param').id), 200))
  .openapi(update, async (c) => c.json(await updateIncomeSource(c.var.db, c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(remove, async (c) => {
    await deleteIncomeSource(c.var.db, c.req.valid('param').id);
    return c.body(null, 204);
  });
