import { createRoute, z } from '@hono/zod-openapi';
import { eq, type SQL } from 'drizzle-orm';
import { auditLogs } from '../../../db/schema/index.ts';
import { problems } from '../problems.ts';
import { bearerAuth, jsonContent, newRouter } from '../../openapi.ts';
import { listOf, listPage, PageQuery } from '../../database/pagination.ts';
import { JsonObject, Timestamp, Uuid } from '../../shapes.ts';

const AuditAction = z.enum(['INSERT', 'UPDATE', 'DELETE']);

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

const AuditLogFilters = PageQuery.extend({
  table_name: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a table name')
    .optional()
    .openapi({ example: 'profiles' }),
  user_id: Uuid.optional(),
  record_id: Uuid.optional(),
  action: AuditAction.optional(),
});

const listAuditLogs = createRoute({
  method: 'get',
  path: '/admin/audit-logs',
  tags: ['Administration'],
  security: bearerAuth,
  summary: 'The audit trail, newest first',
  description: 'Written by the database on every change to audited tables (profiles, products, settings, moderation).',
  request: { query: AuditLogFilters },
  responses: {
    200: { description: 'A page of audit entries', content: jsonContent(listOf(AuditLog, 'AuditLogList')) },
    ...problems(400, 401, 403),
  },
});

function auditLogFilters(query: z.infer<typeof AuditLogFilters>): (SQL | undefined)[] {
  return [
    query.table_name ? eq(auditLogs.table_name, query.table_name) : undefined,
    query.user_id ? eq(auditLogs.user_id, query.user_id) : undefined,
    query.record_id ? eq(auditLogs.record_id, query.record_id) : undefined,
    query.action ? eq(auditLogs.action, query.action) : undefined,
  ];
}

export const auditLogsRouter = newRouter().openapi(listAuditLogs, async (c) => {
  const query = c.req.valid('query');
  return c.json(await listPage(c.var.db, auditLogs, auditLogFilters(query), query), 200);
});
