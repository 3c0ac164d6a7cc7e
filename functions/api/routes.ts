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
import { subtasksRouter } from './subtasks.ts';
import { todosRouter } from './todos.ts';
import { tripsRouter } from './trips.ts';
import { vehicleMaintenanceRouter } from './vehicle-maintenance.ts';
import { vehiclesRouter } from './vehicles.ts';
import { wishlistRouter } from './wishlist.ts';

/** Every resource served under /api/v1, one router per resource module. */
export const apiRouters = [
  meRouter,
  sessionsRouter,
  todosRouter,
  subtasksRouter,
  vehiclesRouter,
  vehicleMaintenanceRouter,
  tripsRouter,
  productsRouter,
  wishlistRouter,
  affiliateSalesRouter,
  budgetsRouter,
  budgetCategoriesRouter,
  expensesRouter,
  incomeSourcesRouter,
  incomeEntriesRouter,
  settingsRouter,
  auditLogsRouter,
  digistore24LogsRouter,
  digistore24SyncRouter,
  adminProductsRouter,
];
