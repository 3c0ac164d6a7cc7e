import { createRoute, z } from '@hono/zod-openapi';
import { eq, gte, lte, type SQL } from 'drizzle-orm';
import { incomeEntries } from '../../db/schema/index.ts';
import { notFound } from '../errors.ts';
import { problems } from './problems.ts';
import { bearerAuth, jsonContent, newRouter } from '../openapi.ts';
import { listOf, listPage, PageQuery } from '../database/pagination.ts';
import { DateOnly, IdParam, Money, NonNegativeMoneyInput, PositiveMoneyInput, Timestamp, Uuid } from '../shapes.ts';

export const IncomeEntry = z
  .object({
    id: Uuid,
    user_id: Uuid,
    income_source_id: Uuid.nullable(),
    amount: Money,
    description: z.string().nullable(),
    income_date: DateOnly,
    tax_withheld: Money,
    notes: z.string().nullable(),
    created_at: Timestamp,
  })
  .openapi('IncomeEntry');

/** What a client may write; the owner, ids and timestamps are the server's and are ignored. */
const IncomeEntryInput = z.object({
  income_source_id: Uuid.nullable().optional().openapi({ description: 'One of your income sources' }),
  amount: PositiveMoneyInput,
  description: z.string().max(1000).nullable().optional(),
  income_date: DateOnly,
  tax_withheld: NonNegativeMoneyInput.optional(),
  notes: z.string().max(10_000).nullable().optional(),
});
const IncomeEntryCreate = IncomeEntryInput.openapi('IncomeEntryCreate');
const IncomeEntryUpdate = IncomeEntryInput.partial().openapi('IncomeEntryUpdate');

const IncomeEntryFilters = PageQuery.extend({
  from: DateOnly.optional().openapi({ description: 'Earliest `income_date`, inclusive' }),
  to: DateOnly.optional().openapi({ description: 'Latest `income_date`, inclusive' }),
  income_source_id: Uuid.optional(),
}).refine((range) => !range.from || !range.to || range.from <= range.to, {
  message: 'must not be before `from`',
  path: ['to'],
});

const tags = ['Income'];
const security = bearerAuth;

const listIncomeEntries = createRoute({
  method: 'get',
  path: '/income-entries',
  tags,
  security,
  summary: 'List your income entries, newest first',
  request: { query: IncomeEntryFilters },
  responses: {
    200: { description: 'A page of income entries', content: jsonContent(listOf(IncomeEntry, 'IncomeEntryList')) },
    ...problems(400, 401),
  },
});

const createIncomeEntry = createRoute({
  method: 'post',
  path: '/income-entries',
  tags,
  security,
  summary: 'Record income received',
  request: { body: { content: jsonContent(IncomeEntryCreate), required: true } },
  responses: { 201: { description: 'Created', content: jsonContent(IncomeEntry) }, ...problems(400, 401, 413, 415) },
});

const getIncomeEntry = createRoute({
  method: 'get',
  path: '/income-entries/{id}',
  tags,
  security,
  summary: 'Get an income entry',
  request: { params: IdParam },
  responses: { 200: { description: 'The income entry', content: jsonContent(IncomeEntry) }, ...problems(401, 404) },
});

const updateIncomeEntry = createRoute({
  method: 'patch',
  path: '/income-entries/{id}',
  tags,
  security,
  summary: 'Update an income entry',
  request: { params: IdParam, body: { content: jsonContent(IncomeEntryUpdate), required: true } },
  responses: {
    200: { description: 'The updated income entry', content: jsonContent(IncomeEntry) },
    ...problems(400, 401, 404, 413, 415),
  },
});

const deleteIncomeEntry = createRoute({
  method: 'delete',
  path: '/income-entries/{id}',
  tags,
  security,
  summary: 'Delete an income entry',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...problems(401, 404) },
});

function incomeEntryFilters(query: z.infer<typeof IncomeEntryFilters>): (SQL | undefined)[] {
  return [
    query.from ? gte(incomeEntries.income_date, query.from) : undefined,
    query.to ? lte(incomeEntries.income_date, query.to) : undefined,
    query.income_source_id ? eq(incomeEntries.income_source_id, query.income_source_id) : undefined,
  ];
}

export const incomeEntriesRouter = newRouter()
  .openapi(listIncomeEntries, async (c) => {
    const query = c.req.valid('query');
    return c.json(await listPage(c.var.db, incomeEntries, incomeEntryFilters(query), query), 200);
  })
  .openapi(createIncomeEntry, async (c) => {
    const [entry] = await c.var.db.insert(incomeEntries).values(c.req.valid('json')).returning();
    c.header('location', `/api/v1/income-entries/${entry.id}`);
    return c.json(entry, 201);
  })
  .openapi(getIncomeEntry, async (c) => {
    const [entry] = await c.var.db.select().from(incomeEntries).where(eq(incomeEntries.id, c.req.valid('param').id));
    if (!entry) throw notFound('income entry');
    return c.json(entry, 200);
  })
  .openapi(updateIncomeEntry, async (c) => {
    const changes = c.req.valid('json');
    const { id } = c.req.valid('param');
    const [entry] =
      Object.keys(changes).length > 0
        ? await c.var.db.update(incomeEntries).set(changes).where(eq(incomeEntries.id, id)).returning()
        : await c.var.db.select().from(incomeEntries).where(eq(incomeEntries.id, id));
    if (!entry) throw notFound('income entry');
    return c.json(entry, 200);
  })
  .openapi(deleteIncomeEntry, async (c) => {
    const deleted = await c.var.db
      .delete(incomeEntries)
      .where(eq(incomeEntries.id, c.req.valid('param').id))
      .returning({ id: incomeEntries.id });
    if (deleted.length === 0) throw notFound('income entry');
    return c.body(null, 204);
  });
