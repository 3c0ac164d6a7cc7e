import { createRoute, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { incomeSources } from '../../db/schema/index.ts';
import { notFound } from '../errors.ts';
import { problems } from './problems.ts';
import { bearerAuth, jsonContent, newRouter } from '../openapi.ts';
import { listOf, listPage, PageQuery } from '../database/pagination.ts';
import { DateOnly, IdParam, JsonObject, Money, PositiveMoneyInput, Timestamp, Uuid } from '../shapes.ts';

const Frequency = z.enum(['one-time', 'weekly', 'bi-weekly', 'monthly', 'quarterly', 'yearly']);

export const IncomeSource = z
  .object({
    id: Uuid,
    user_id: Uuid,
    name: z.string(),
    description: z.string().nullable(),
    amount: Money,
    frequency: Frequency,
    next_payment_date: DateOnly.nullable(),
    is_active: z.boolean(),
    tax_category: z.string().nullable(),
    employer_info: JsonObject.nullable(),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .openapi('IncomeSource');

/** What a client may write; the owner, ids and timestamps are the server's and are ignored. */
const IncomeSourceInput = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().max(10_000).nullable().optional(),
  amount: PositiveMoneyInput,
  frequency: Frequency,
  next_payment_date: DateOnly.nullable().optional(),
  is_active: z.boolean().optional(),
  tax_category: z.string().trim().max(100).nullable().optional(),
  employer_info: JsonObject.nullable().optional(),
});
const IncomeSourceCreate = IncomeSourceInput.openapi('IncomeSourceCreate');
const IncomeSourceUpdate = IncomeSourceInput.partial().openapi('IncomeSourceUpdate');

const tags = ['Income'];
const security = bearerAuth;

const listIncomeSources = createRoute({
  method: 'get',
  path: '/income-sources',
  tags,
  security,
  summary: 'List your income sources, newest first',
  request: { query: PageQuery },
  responses: {
    200: { description: 'A page of income sources', content: jsonContent(listOf(IncomeSource, 'IncomeSourceList')) },
    ...problems(400, 401),
  },
});

const createIncomeSource = createRoute({
  method: 'post',
  path: '/income-sources',
  tags,
  security,
  summary: 'Add an income source',
  request: { body: { content: jsonContent(IncomeSourceCreate), required: true } },
  responses: { 201: { description: 'Created', content: jsonContent(IncomeSource) }, ...problems(400, 401, 413, 415) },
});

const getIncomeSource = createRoute({
  method: 'get',
  path: '/income-sources/{id}',
  tags,
  security,
  summary: 'Get an income source',
  request: { params: IdParam },
  responses: { 200: { description: 'The income source', content: jsonContent(IncomeSource) }, ...problems(401, 404) },
});

const updateIncomeSource = createRoute({
  method: 'patch',
  path: '/income-sources/{id}',
  tags,
  security,
  summary: 'Update an income source',
  request: { params: IdParam, body: { content: jsonContent(IncomeSourceUpdate), required: true } },
  responses: {
    200: { description: 'The updated income source', content: jsonContent(IncomeSource) },
    ...problems(400, 401, 404, 413, 415),
  },
});

const deleteIncomeSource = createRoute({
  method: 'delete',
  path: '/income-sources/{id}',
  tags,
  security,
  summary: 'Delete an income source',
  description: 'Income entries recorded against it are kept and unlinked.',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...problems(401, 404) },
});

export const incomeSourcesRouter = newRouter()
  .openapi(listIncomeSources, async (c) => {
    return c.json(await listPage(c.var.db, incomeSources, [], c.req.valid('query')), 200);
  })
  .openapi(createIncomeSource, async (c) => {
    const [source] = await c.var.db.insert(incomeSources).values(c.req.valid('json')).returning();
    c.header('location', `/api/v1/income-sources/${source.id}`);
    return c.json(source, 201);
  })
  .openapi(getIncomeSource, async (c) => {
    const [source] = await c.var.db.select().from(incomeSources).where(eq(incomeSources.id, c.req.valid('param').id));
    if (!source) throw notFound('income source');
    return c.json(source, 200);
  })
  .openapi(updateIncomeSource, async (c) => {
    const changes = c.req.valid('json');
    const { id } = c.req.valid('param');
    const [source] =
      Object.keys(changes).length > 0
        ? await c.var.db.update(incomeSources).set(changes).where(eq(incomeSources.id, id)).returning()
        : await c.var.db.select().from(incomeSources).where(eq(incomeSources.id, id));
    if (!source) throw notFound('income source');
    return c.json(source, 200);
  })
  .openapi(deleteIncomeSource, async (c) => {
    const deleted = await c.var.db
      .delete(incomeSources)
      .where(eq(incomeSources.id, c.req.valid('param').id))
      .returning({ id: incomeSources.id });
    if (deleted.length === 0) throw notFound('income source');
    return c.body(null, 204);
  });
