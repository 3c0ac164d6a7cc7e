import { budgetCategoriesRouter } from '../budget-categories.ts';
import { budgetsRouter } from '../budgets.ts';
import { expensesRouter } from '../expenses.ts';
import { incomeEntriesRouter } from '../income-entries.ts';
import { incomeSourcesRouter } from '../income-sources.ts';
import { legacyRouter } from '../legacy-router.ts';

/** Budgets, expenses and income. */
export const moneyRouters = [
  legacyRouter(budgetsRouter, 'user'),
  legacyRouter(budgetCategoriesRouter, 'user'),
  legacyRouter(expensesRouter, 'user'),
  legacyRouter(incomeSourcesRouter, 'user'),
  legacyRouter(incomeEntriesRouter, 'user'),
];
