import { budgetCategoriesRouter } from './budget-categories.ts';
import { budgetsRouter } from './budgets.ts';
import { expensesRouter } from './expenses.ts';
import { incomeEntriesRouter } from './income-entries.ts';
import { incomeSourcesRouter } from './income-sources.ts';

/** Budgets, expenses and income. */
export const moneyRouters = [budgetsRouter, budgetCategoriesRouter, expensesRouter, incomeSourcesRouter, incomeEntriesRouter];
