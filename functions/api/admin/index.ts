import { legacyRouter } from '../legacy-router.ts';
import { auditLogsRouter } from './audit-logs.ts';
import { digistore24LogsRouter } from './digistore24-logs.ts';
import { digistore24SyncRouter } from './digistore24-sync.ts';
import { adminProductsRouter } from './products.ts';
import { settingsRouter } from './settings.ts';

/** Administration: only active administrators, inside the admin scope. */
export const adminRouters = [
  legacyRouter(settingsRouter, 'admin'),
  legacyRouter(auditLogsRouter, 'admin'),
  legacyRouter(digistore24LogsRouter, 'admin'),
  legacyRouter(digistore24SyncRouter, 'admin'),
  legacyRouter(adminProductsRouter, 'admin'),
];
