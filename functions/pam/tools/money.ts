import { z } from '@hono/zod-openapi';
import { ApiError } from '../../errors.ts';
import { budgetCategoryStatus } from '../../money/budget-categories.ts';
import { budgetStatus, listBudgets } from '../../money/budgets.ts';
import { ExpenseGrouping, ExpenseInput, expenseSummary, ExpenseSummaryQuery, logExpense } from '../../money/expenses.ts';
import { clockAt } from '../dates.ts';
import { defineTool } from './tool.ts';

const Decimal = z.string().regex(/^\d{1,10}(\.\d{1,2})?$/, 'a decimal amount with at most two places');
const Day = z.iso.date();

export const logExpenseTool = defineTool({
  name: 'log_expense',
  description:
    'Record money the user spent. Links it to their budget category of the same name (or whose name starts with that word) when there is one.',
  args: z.object({
    amount: Decimal.describe('e.g. "64.50"'),
    description: z.string().min(1).describe('What it was, in a few words'),
    category: z.string().optional().describe('One word: fuel, food, camping, repairs, ... (default other)'),
    vendor: z.string().optional(),
    location: z.string().optional().describe('Where, as the user said it'),
    expense_date: Day.optional().describe('YYYY-MM-DD; today when not said'),
  }),
  run: async (db, args, context) => {
    const category = (args.category?.trim() || 'other').toLowerCase();
    const closest = await budgetCategoryStatus(db, { category }).catch((error: unknown) => {
      if (error instanceof ApiError && error.kind === 'not_found') return null;
      throw error;
    });
    // The closest match may merely contain the word ("other" in "Mother's day"): an
    // expense is counted against a category only when the name is that word, or starts with it.
    const budgetCategory = closest && namesCategory(closest.category_name, category) ? closest : null;
    const expense = await logExpense(
      db,
      ExpenseInput.parse({
        amount: args.amount,
        description: args.description,
        category,
        vendor: args.vendor ?? null,
        location: args.location ? { name: args.location } : null,
        expense_date: args.expense_date ?? clockAt(context.now, context.timezone).today,
        budget_category_id: budgetCategory?.category_id ?? null,
      }),
    );
    return {
      id: expense.id,
      amount: expense.amount,
      description: expense.description,
      category: expense.category,
      expense_date: expense.expense_date,
      budget_category: budgetCategory ? { name: budgetCategory.category_name, budget: budgetCategory.budget_name } : null,
    };
  },
});

function namesCategory(name: string, word: string): boolean {
  const lower = name.trim().toLowerCase();
  return lower === word || (lower.startsWith(word) && !/[\p{L}\p{N}]/u.test(lower.charAt(word.length)));
}

export const budgetStatusTool = defineTool({
  name: 'budget_status',
  description: "How much is allocated, spent and left: in one budget category (by a word such as 'fuel'), or in each active budget.",
  args: z.object({ category: z.string().min(1).optional() }),
  run: async (db, args) => {
    if (args.category) return budgetCategoryStatus(db, { category: args.category });
    const page = await listBudgets(db, { limit: 10 });
    const active = page.data.filter((budget) => budget.is_active);
    return { budgets: await Promise.all(active.map((budget) => budgetStatus(db, budget.id))) };
  },
});

export const expenseSummaryTool = defineTool({
  name: 'expense_summary',
  description: 'Totals of what the user spent in a period, per category or per month.',
  args: z.object({
    from: Day.optional().describe('YYYY-MM-DD, inclusive'),
    to: Day.optional().describe('YYYY-MM-DD, inclusive'),
    group_by: ExpenseGrouping.optional(),
  }),
  // The summary's own schema checks what the tool's cannot say in JSON Schema: `to` not before `from`.
  run: (db, args) => expenseSummary(db, ExpenseSummaryQuery.parse(args)),
});
