import type { ApiUser, TestApi } from '../../support/app.ts';
import { created, type RouteSecurityCase } from '../route-cases.ts';

const budgetBody = { name: 'x', total_amount: '100.00', start_date: '2026-01-01' };
const categoryBody = { name: 'x', allocated_amount: '10.00' };
const expenseBody = { amount: '1.00', description: 'x', category: 'x', expense_date: '2026-01-01' };
const incomeSourceBody = { name: 'x', amount: '1.00', frequency: 'monthly' };
const incomeEntryBody = { amount: '1.00', income_date: '2026-01-01' };

const ownerBudget = (api: TestApi, owner: ApiUser) =>
  created(api, owner, '/api/v1/budgets', { ...budgetBody, name: 'owner budget' });

async function ownerCategory(api: TestApi, owner: ApiUser) {
  const budget = await ownerBudget(api, owner);
  const category = await created(api, owner, `/api/v1/budgets/${budget.id}/categories`, { ...categoryBody, name: 'owner category' });
  return { budget, category };
}

/** Linked to a category, so a refused change would also show in the category's spent_amount. */
async function ownerExpense(api: TestApi, owner: ApiUser, category = 'owner expense') {
  const { category: budgetCategory } = await ownerCategory(api, owner);
  return created(api, owner, '/api/v1/expenses', { ...expenseBody, category, budget_category_id: budgetCategory.id });
}

const ownerIncomeSource = (api: TestApi, owner: ApiUser) =>
  created(api, owner, '/api/v1/income-sources', { ...incomeSourceBody, name: 'owner source' });

async function ownerIncomeEntry(api: TestApi, owner: ApiUser) {
  const source = await ownerIncomeSource(api, owner);
  return created(api, owner, '/api/v1/income-entries', { ...incomeEntryBody, income_source_id: source.id });
}

const rowOf = (make: (api: TestApi, owner: ApiUser) => Promise<{ id: string }>, body?: unknown): RouteSecurityCase['foreignRow'] =>
  async (api, owner) => ({ params: { id: (await make(api, owner)).id }, body });

export const cases: Record<string, RouteSecurityCase> = {
  'GET /api/v1/budgets': { foreignList: async (api, owner) => [(await ownerBudget(api, owner)).id] },
  'POST /api/v1/budgets': { body: budgetBody },
  'GET /api/v1/budgets/{id}': { foreignRow: rowOf(ownerBudget) },
  'PATCH /api/v1/budgets/{id}': {
    body: { name: 'x' },
    foreignRow: rowOf(ownerBudget, { name: 'taken over', total_amount: '0.00', is_active: false }),
  },
  'DELETE /api/v1/budgets/{id}': { foreignRow: rowOf(ownerBudget) },
  'GET /api/v1/budgets/{id}/summary': { foreignRow: rowOf(ownerBudget) },

  'GET /api/v1/budgets/{id}/categories': {
    foreignRow: async (api, owner) => ({ params: { id: (await ownerCategory(api, owner)).budget.id } }),
  },
  'POST /api/v1/budgets/{id}/categories': {
    body: categoryBody,
    foreignRow: rowOf(ownerBudget, { ...categoryBody, name: 'planted' }),
  },
  'PATCH /api/v1/budgets/{id}/categories/{category_id}': {
    body: { name: 'x' },
    foreignRow: async (api, owner) => {
      const { budget, category } = await ownerCategory(api, owner);
      return { params: { id: budget.id, category_id: category.id }, body: { name: 'taken over', allocated_amount: '0.00' } };
    },
  },
  'DELETE /api/v1/budgets/{id}/categories/{category_id}': {
    foreignRow: async (api, owner) => {
      const { budget, category } = await ownerCategory(api, owner);
      return { params: { id: budget.id, category_id: category.id } };
    },
  },

  'GET /api/v1/expenses': { foreignList: async (api, owner) => [(await ownerExpense(api, owner)).id] },
  'POST /api/v1/expenses': { body: expenseBody },
  // The summary names no ids; the owner's category name stands in for them.
  'GET /api/v1/expenses/summary': {
    foreignList: async (api, owner) => [(await ownerExpense(api, owner, `private-${crypto.randomUUID()}`)).category as string],
  },
  'GET /api/v1/expenses/{id}': { foreignRow: rowOf(ownerExpense) },
  'PATCH /api/v1/expenses/{id}': {
    body: { amount: '2.00' },
    foreignRow: rowOf(ownerExpense, { amount: '999.00', budget_category_id: null }),
  },
  'DELETE /api/v1/expenses/{id}': { foreignRow: rowOf(ownerExpense) },

  'GET /api/v1/income-sources': { foreignList: async (api, owner) => [(await ownerIncomeSource(api, owner)).id] },
  'POST /api/v1/income-sources': { body: incomeSourceBody },
  'GET /api/v1/income-sources/{id}': { foreignRow: rowOf(ownerIncomeSource) },
  'PATCH /api/v1/income-sources/{id}': { body: { name: 'x' }, foreignRow: rowOf(ownerIncomeSource, { name: 'taken over' }) },
  'DELETE /api/v1/income-sources/{id}': { foreignRow: rowOf(ownerIncomeSource) },

  'GET /api/v1/income-entries': { foreignList: async (api, owner) => [(await ownerIncomeEntry(api, owner)).id] },
  'POST /api/v1/income-entries': { body: incomeEntryBody },
  'GET /api/v1/income-entries/{id}': { foreignRow: rowOf(ownerIncomeEntry) },
  'PATCH /api/v1/income-entries/{id}': {
    body: { amount: '2.00' },
    foreignRow: rowOf(ownerIncomeEntry, { amount: '999.00', income_source_id: null }),
  },
  'DELETE /api/v1/income-entries/{id}': { foreignRow: rowOf(ownerIncomeEntry) },
};
