import { adminProductsRouter } from './admin/products.ts';
import { auditLogsRouter } from './admin/audit-logs.ts';
import { digistore24LogsRouter } from './admin/digistore24-logs.ts';
import { digistore24SyncRouter } from './admin/digistore24-sync.ts';
import { settingsRouter } from './admin/settings.ts';
import { affiliateSalesRouter } from './affiliate-sales.ts';
import { budgetCategoriesRouter } from './budget-categories.ts';
import { budgetsRouter } from './budgets.ts';
import { expensesRouter } from './expenses.ts';
import { incomeEntriesRouter } from './income-entries.ts';
import { incomeSourcesRouter } from './income-sources.ts';
import { meRouter } from './me.ts';
import { productsRouter } from './products.ts';
import { sessionsRouter } from './sessions.ts';
import { subtasksRouter } from './todos/subtasks.ts';
import { todosRouter } from './todos/todos.ts';
import { tripsRouter } from './trips.ts';
import { vehicleMaintenanceRouter } from './vehicle-maintenance.ts';
import { vehiclesRouter } from './vehicles.ts';
import { wishlistRouter } from './wishlist.ts';
import { legacyRouter } from './legacy-router.ts';

/** Every resource served under /api/v1, one router per resource module. */
export const apiRouters = [
  legacyRouter(meRouter, 'user'),
  legacyRouter(sessionsRouter, 'user'),
  todosRouter,
  subtasksRouter,
  legacyRouter(vehiclesRouter, 'user'),
  legacyRouter(vehicleMaintenanceRouter, 'user'),
  legacyRouter(tripsRouter, 'user'),
  legacyRouter(productsRouter, 'user', [/^\/api\/v1\/products(\/[^/]+)?$/]),
  legacyRouter(wishlistRouter, 'user'),
  legacyRouter(affiliateSalesRouter, 'user'),
  legacyRouter(budgetsRouter, 'user'),
  legacyRouter(budgetCategoriesRouter, 'user'),
  legacyRouter(expensesRouter, 'user'),
  legacyRouter(incomeSourcesRouter, 'user'),
  legacyRouter(incomeEntriesRouter, 'user'),
  legacyRouter(settingsRouter, 'admin'),
  legacyRouter(auditLogsRouter, 'admin'),
  legacyRouter(digistore24LogsRouter, 'admin'),
  legacyRouter(digistore24SyncRouter, 'admin'),
  legacyRouter(adminProductsRouter, 'admin'),
];
