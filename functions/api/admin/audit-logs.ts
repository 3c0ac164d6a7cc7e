import { AuditLog, AuditLogFilters, listAuditLogs } from '../../admin/audit-logs.ts';
import { listOf } from '../../database/pagination.ts';
import { jsonContent, newRouter } from '../../openapi.ts';
import { operationsOf } from '../operation.ts';

const operation = operationsOf('Administration', 'admin');

const list = operation({
  method: 'get',
  path: '/admin/audit-logs',
  operationId: 'listAuditLogs',
  summary: 'The audit trail, newest first',
  description: 'Written by the database on every change to audited tables (profiles, products, settings, moderation).',
  request: { query: AuditLogFilters },
  responses: { 200: { description: 'A page of audit entries', content: jsonContent(listOf(AuditLog, 'AuditLogList')) } },
});

export const auditLogsRouter = newRouter().openapi(list, async (c) => c.json(await listAuditLogs(c.var.db, c.req.valid('query')), 200));
