import { z } from '@hono/zod-openapi';
import { eq, type SQL } from 'drizzle-orm';
import { digistore24SyncLogs, digistore24WebhookLogs } from '../../db/schema/index.ts';
import { listPage, PageQuery } from '../database/pagination.ts';
import type { Database } from '../database/types.ts';
import { JsonObject, QueryBoolean, Timestamp, Uuid } from '../shapes.ts';

/** What the Digistore24 product sync and IPN receiver recorded of their work; administrators read it. */

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

export const WebhookLogFilters = PageQuery.extend({
  event_type: z.string().max(50).optional().openapi({ example: 'on_payment' }),
  order_id: z.string().max(255).optional(),
  signature_valid: QueryBoolean.optional(),
  processed: QueryBoolean.optional(),
});
export type WebhookLogFilters = z.infer<typeof WebhookLogFilters>;

/** Product sync runs, newest first. */
export const listSyncLogs = (db: Database, page: PageQuery) => listPage(db, digistore24SyncLogs, [], page);

function webhookLogConditions(filters: WebhookLogFilters): (SQL | undefined)[] {
  return [
    filters.event_type ? eq(digistore24WebhookLogs.event_type, filters.event_type) : undefined,
    filters.order_id ? eq(digistore24WebhookLogs.order_id, filters.order_id) : undefined,
    filters.signature_valid !== undefined ? eq(digistore24WebhookLogs.signature_valid, filters.signature_valid) : undefined,
    filters.processed !== undefined ? eq(digistore24WebhookLogs.processed, filters.processed) : undefined,
  ];
}

/** IPN calls, newest first, every one of them (refused ones too). */
export const listWebhookLogs = (db: Database, filters: WebhookLogFilters) =>
  listPage(db, digistore24WebhookLogs, webhookLogConditions(filters), filters);
