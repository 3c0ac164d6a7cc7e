import { type AnyPgColumn, boolean, integer, pgTable, pgView, text, uuid } from 'drizzle-orm/pg-core';
import { profiles } from './accounts.ts';
import { calendarDate, currentUserId, decimal, jsonObject, now, timestamptz } from './column-types.ts';
import { trips } from './travel.ts';

export const budgets = pgTable('budgets', {
  id: uuid().primaryKey().defaultRandom(),
  user_id: uuid()
    .notNull()
    .default(currentUserId)
    .references(() => profiles.id, { onDelete: 'cascade' }),
  name: text().notNull(),
  description: text(),
  total_amount: decimal(12, 2).notNull(),
  /** ISO 4217 code, three capital letters. */
  currency: text().notNull().default('USD'),
  budget_period: text({ enum: ['weekly', 'monthly', 'yearly'] })
    .notNull()
    .default('monthly'),
  start_date: calendarDate().notNull(),
  end_date: calendarDate(),
  is_active: boolean().notNull().default(true),
  created_at: timestamptz().notNull().default(now),
  updated_at: timestamptz().notNull().default(now),
});

export const budgetCategories = pgTable('budget_categories', {
  id: uuid().primaryKey().defaultRandom(),
  budget_id: uuid()
    .notNull()
    .references(() => budgets.id, { onDelete: 'cascade' }),
  name: text().notNull(),
  description: text(),
  allocated_amount: decimal(12, 2).notNull(),
  /** Kept by the expenses trigger; never written by users. */
  spent_amount: decimal(12, 2).notNull().default('0'),
  category_type: text({ enum: ['income', 'expense', 'savings', 'debt'] })
    .notNull()
    .default('expense'),
  /** `#RRGGBB`. */
  color: text(),
  icon: text(),
  parent_category_id: uuid().references((): AnyPgColumn => budgetCategories.id, { onDelete: 'set null' }),
  sort_order: integer().notNull().default(0),
  is_active: boolean().notNull().default(true),
  created_at: timestamptz().notNull().default(now),
  updated_at: timestamptz().notNull().default(now),
});

export const expenses = pgTable('expenses', {
  id: uuid().primaryKey().defaultRandom(),
  user_id: uuid()
    .notNull()
    .default(currentUserId)
    .references(() => profiles.id, { onDelete: 'cascade' }),
  amount: decimal(12, 2).notNull(),
  description: text().notNull(),
  category: text().notNull(),
  subcategory: text(),
  expense_date: calendarDate().notNull(),
  payment_method: text(),
  vendor: text(),
  location: jsonObject(),
  receipt_url: text(),
  notes: text(),
  tags: text().array(),
  /** The category whose spent_amount this expense counts towards. */
  budget_category_id: uuid().references(() => budgetCategories.id, { onDelete: 'set null' }),
  trip_id: uuid().references(() => trips.id, { onDelete: 'set null' }),
  is_recurring: boolean().notNull().default(false),
  recurring_pattern: jsonObject(),
  /** Set by the recurring-work job: the date of the last entry it created from this expense. */
  recurring_generated_through: calendarDate(),
  created_at: timestamptz().notNull().default(now),
  updated_at: timestamptz().notNull().default(now),
});

/**
 * One row per active budget (read with the caller's rights). Postgres records no
 * nullability for view columns; every column here is derived from NOT NULL columns or
 * a coalesce, so none is ever null.
 */
export const budgetSummaries = pgView('budget_summaries', {
  id: uuid().notNull(),
  user_id: uuid().notNull(),
  name: text().notNull(),
  currency: text().notNull(),
  total_amount: decimal(12, 2).notNull(),
  total_allocated: decimal(12, 2).notNull(),
  total_spent: decimal(12, 2).notNull(),
  remaining_budget: decimal(12, 2).notNull(),
}).existing();

export const incomeSources = pgTable('income_sources', {
  id: uuid().primaryKey().defaultRandom(),
  user_id: uuid()
    .notNull()
    .default(currentUserId)
    .references(() => profiles.id, { onDelete: 'cascade' }),
  name: text().notNull(),
  description: text(),
  amount: decimal(12, 2).notNull(),
  frequency: text({ enum: ['one-time', 'weekly', 'bi-weekly', 'monthly', 'quarterly', 'yearly'] }).notNull(),
  next_payment_date: calendarDate(),
  is_active: boolean().notNull().default(true),
  tax_category: text(),
  employer_info: jsonObject(),
  created_at: timestamptz().notNull().default(now),
  updated_at: timestamptz().notNull().default(now),
});

export const incomeEntries = pgTable('income_entries', {
  id: uuid().primaryKey().defaultRandom(),
  user_id: uuid()
    .notNull()
    .default(currentUserId)
    .references(() => profiles.id, { onDelete: 'cascade' }),
  income_source_id: uuid().references(() => incomeSources.id, { onDelete: 'set null' }),
  amount: decimal(12, 2).notNull(),
  description: text(),
  income_date: calendarDate().notNull(),
  tax_withheld: decimal(12, 2).notNull().default('0'),
  notes: text(),
  created_at: timestamptz().notNull().default(now),
});

export type Budget = typeof budgets.$inferSelect;
export type NewBudget = typeof budgets.$inferInsert;
export type BudgetCategory = typeof budgetCategories.$inferSelect;
export type NewBudgetCategory = typeof budgetCategories.$inferInsert;
export type Expense = typeof expenses.$inferSelect;
export type NewExpense = typeof expenses.$inferInsert;
export type BudgetSummary = typeof budgetSummaries.$inferSelect;
export type IncomeSource = typeof incomeSources.$inferSelect;
export type NewIncomeSource = typeof incomeSources.$inferInsert;
export type IncomeEntry = typeof incomeEntries.$inferSelect;
export type NewIncomeEntry = typeof incomeEntries.$inferInsert;
