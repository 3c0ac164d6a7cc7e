import { auditLogsRouter } from './audit-logs.ts';
import { digistore24LogsRouter } from './digistore24-logs.ts';
import { digistore24SyncRouter } from './digistore24-sync.ts';
import { moderationRouter } from './moderation.ts';
import { adminProductsRouter } from './products.ts';
import { settingsRouter } from './settings.ts';

/** Administration: only active administrators, inside the admin scope. */
export const adminRouters = [
  settingsRouter,
  auditLogsRouter,
  digistore24LogsRouter,
  digistore24SyncRouter,
  adminProductsRouter,
  moderationRouter,
];
