import {
  Digistore24SyncLog,
  Digistore24WebhookLog,
  listSyncLogs,
  listWebhookLogs,
  WebhookLogFilters,
} from '../../admin/digistore24-logs.ts';
import { listOf, PageQuery } from '../../database/pagination.ts';
import { jsonContent, newRouter } from '../../openapi.ts';
import { operationsOf } from '../operation.ts';

const operation = operationsOf('Administration', 'admin');

const syncLogs = operation({
  method: 'get',
  path: '/admin/digistore24/sync-logs',
  operationId: 'listSyncLogs',
  summary: 'Digistore24 product sync runs, newest first',
  request: { query: PageQuery },
  responses: {
    200: { description: 'A page of sync runs', content: jsonContent(listOf(Digistore24SyncLog, 'Digistore24SyncLogList')) },
  },
});

const webhookLogs = operation({
  method: 'get',
  path: '/admin/digistore24/webhook-logs',
  operationId: 'listWebhookLogs',
  summary: 'Digistore24 webhook calls, newest first',
  request: { query: WebhookLogFilters },
  responses: {
    200: {
      description: 'A page of webhook calls',
      content: jsonContent(listOf(Digistore24WebhookLog, 'Digistore24WebhookLogList')),
    },
  },
});

export const digistore24LogsRouter = newRouter()
  .openapi(syncLogs, async (c) => c.json(await listSyncLogs(c.var.db, c.req.valid('query')), 200))
  .openapi(webhookLogs, async (c) => c.json(await listWebhookLogs(c.var.db, c.req.valid('query')), 200));
