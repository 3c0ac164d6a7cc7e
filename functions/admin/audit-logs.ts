import { z } from '@hono/zod-openapi';
import { eq, type SQL } from 'drizzle-orm';
import { auditLogs } from '../../db/schema/index.ts';
import { listPage, PageQuery } from '../database/pagination.ts';
import type { Database } from '../database/types.ts';
import { JsonObject, Timestamp, Uuid } from '../shapes.ts';

/** The audit trail the database writes on every change to audited tables; administrators read it. */

export const AuditAction = z.enum(['INSERT', 'UPDATE', 'DELETE']);

export const AuditLog = z
  .object({
    id: Uuid,
    user_id: Uuid.nullable().openapi({ description: 'Who made the change; null for server work or a since-deleted account' }),
    action: z.string().openapi({ description: 'INSERT, UPDATE or DELETE', example: 'UPDATE' }),
    table_name: z.string().nullable(),
    record_id: Uuid.nullable(),
    old_values: JsonObject.nullable().openapi({ description: 'The row before an UPDATE or DELETE' }),
    new_values: JsonObject.nullable().openapi({ description: 'The row after an INSERT or UPDATE' }),
    ip_address: z.string().nullable(),
    user_agent: z.string().nullable(),
    created_at: Timestamp,
  })
  .openapi('AuditLog');

export const AuditLogFilters = PageQuery.extend({
  table_name: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a table name')
    .optional()
    .openapi({ example: 'profiles' }),
  user_id: Uuid.optional(),
  record_id: Uuid.optional(),
  action: AuditAction.optional(),
});
export type AuditLogFilters = z.infer<typeof AuditLogFilters>;

function auditLogConditions(filters: AuditLogFilters): (SQL | undefined)[] {
  return [
    filters.table_name ? eq(auditLogs.table_name, filters.table_name) : undefined,
    filters.user_id ? eq(auditLogs.user_id, filters.user_id) : undefined,
    filters.record_id ? eq(auditLogs.record_id, filters.record_id) : undefined,
    filters.action ? eq(auditLogs.action, filters.action) : undefined,
  ];
}

/** Newest first, a page at a time. */
export const listAuditLogs = (db: Database, filters: AuditLogFilters) => listPage(db, auditLogs, auditLogConditions(filters), filters);
