import { createRoute, z } from '@hono/zod-openapi';
import { eq, type SQL } from 'drizzle-orm';
import { digistore24SyncLogs, digistore24WebhookLogs } from '../../../db/schema/index.ts';
import { problems } from '../problems.ts';
import { bearerAuth, jsonContent, newRouter } from '../../openapi.ts';
import { listOf, listPage, PageQuery } from '../../database/pagination.ts';
import { JsonObject, QueryBoolean, Timestamp, Uuid } from '../../shapes.ts';

export const Digistore24SyncLog = z
  .object({
    id: Uuid,
    sync_started_at: Timestamp,
    sync_completed_at: Timestamp.nullable(),
    products_added: z.number().int(),
    products_updated: z.number().int(),
    products_removed: z.number().int(),
    categories_synced: z.array(z.string()).nullable(),
    error_message: z.string().nullable(),
    sync_duration_seconds: z.string().nullable().openapi({ example: '12.40' }),
    created_at: Timestamp,
  })
  .openapi('Digistore24SyncLog');

export const Digistore24WebhookLog = z
  .object({
    id: Uuid,
    event_type: z.string(),
    order_id: z.string().nullable(),
    product_id: z.string().nullable().openapi({ description: "Digistore24's product id, not a PAM product id" }),
    request_data: JsonObject.openapi({ description: 'The IPN fields as received, secrets already redacted when stored' }),
    signature_valid: z.boolean().nullable(),
    processed: z.boolean(),
    error_message: z.string().nullable(),
    created_at: Timestamp,
  })
  .openapi('Digistore24WebhookLog');

const WebhookLogFilters = PageQuery.extend({
  event_type: z.string().max(50).optional().openapi({ example: 'on_payment' }),
  order_id: z.string().max(255).optional(),
  signature_valid: QueryBoolean.optional(),
  processed: QueryBoolean.optional(),
});

const tags = ['Administration'];
const security = bearerAuth;

const listSyncLogs = createRoute({
  method: 'get',
  path: '/admin/digistore24/sync-logs',
  tags,
  security,
  summary: 'Digistore24 product sync runs, newest first',
  request: { query: PageQuery },
  responses: {
    200: { description: 'A page of sync runs', content: jsonContent(listOf(Digistore24SyncLog, 'Digistore24SyncLogList')) },
    ...problems(400, 401, 403),
  },
});

const listWebhookLogs = createRoute({
  method: 'get',
  path: '/admin/digistore24/webhook-logs',
  tags,
  security,
  summary: 'Digistore24 webhook calls, newest first',
  request: { query: WebhookLogFilters },
  responses: {
    200: {
      description: 'A page of webhook calls',
      content: jsonContent(listOf(Digistore24WebhookLog, 'Digistore24WebhookLogList')),
    },
    ...problems(400, 401, 403),
  },
});

function webhookLogFilters(query: z.infer<typeof WebhookLogFilters>): (SQL | undefined)[] {
  return [
    query.event_type ? eq(digistore24WebhookLogs.event_type, query.event_type) : undefined,
    query.order_id ? eq(digistore24WebhookLogs.order_id, query.order_id) : undefined,
    query.signature_valid !== undefined ? eq(digistore24WebhookLogs.signature_valid, query.signature_valid) : undefined,
    query.processed !== undefined ? eq(digistore24WebhookLogs.processed, query.processed) : undefined,
  ];
}

export const digistore24LogsRouter = newRouter()
  .openapi(listSyncLogs, async (c) => {
    return c.json(await listPage(c.var.db, digistore24SyncLogs, [], c.req.valid('query')), 200);
  })
  .openapi(listWebhookLogs, async (c) => {
    const query = c.req.valid('query');
    return c.json(await listPage(c.var.db, digistore24WebhookLogs, webhookLogFilters(query), query), 200);
  });
