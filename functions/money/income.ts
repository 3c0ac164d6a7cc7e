import { z } from '@hono/zod-openapi';
import { eq, gte, lte, type SQL } from 'drizzle-orm';
import { incomeEntries, incomeSources } from '../../db/schema/index.ts';
import { listPage, PageQuery } from '../database/pagination.ts';
import { deleteOr404, findOr404, insertOne, updateOr404 } from '../database/rows.ts';
import type { Database } from '../database/types.ts';
import { DateOnly, JsonObject, Money, NonNegativeMoneyInput, PositiveMoneyInput, Timestamp, Uuid } from '../shapes.ts';

/** A user's income: where it comes from (sources) and what was received (entries). */

export const IncomeFrequency = z.enum(['one-time', 'weekly', 'bi-weekly', 'monthly', 'quarterly', 'yearly']);

export const IncomeSource = z
  .object({
    id: Uuid,
    user_id: Uuid,
    name: z.string(),
    description: z.string().nullable(),
    amount: Money,
    frequency: IncomeFrequency,
    next_payment_date: DateOnly.nullable(),
    is_active: z.boolean(),
    tax_category: z.string().nullable(),
    employer_info: JsonObject.nullable(),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .openapi('IncomeSource');

/** What a caller may write; the owner, ids and timestamps are the server's and are ignored. */
export const IncomeSourceInput = z
  .object({
    name: z.string().trim().min(1).max(200),
    description: z.string().max(10_000).nullable().optional(),
    amount: PositiveMoneyInput,
    frequency: IncomeFrequency,
    next_payment_date: DateOnly.nullable().optional(),
    is_active: z.boolean().optional(),
    tax_category: z.string().trim().max(100).nullable().optional(),
    employer_info: JsonObject.nullable().optional(),
  })
  .openapi('IncomeSourceCreate');
export type IncomeSourceInput = z.infer<typeof IncomeSourceInput>;

export const IncomeSourceChanges = IncomeSourceInput.partial().openapi('IncomeSourceUpdate');
export type IncomeSourceChanges = z.infer<typeof IncomeSourceChanges>;

export const IncomeEntry = z
  .object({
    id: Uuid,
    user_id: Uuid,
    income_source_id: Uuid.nullable(),
    amount: Money,
    description: z.string().nullable(),
    income_date: DateOnly,
    tax_withheld: Money,
    notes: z.string().nullable(),
    created_at: Timestamp,
  })
  .openapi('IncomeEntry');

/** What a caller may write; the owner, ids and timestamps are the server's and are ignored. */
export const IncomeEntryInput = z
  .object({
    income_source_id: Uuid.nullable().optional().openapi({ description: 'One of your income sources' }),
    amount: PositiveMoneyInput,
    description: z.string().max(1000).nullable().optional(),
    income_date: DateOnly,
    tax_withheld: NonNegativeMoneyInput.optional(),
    notes: z.string().max(10_000).nullable().optional(),
  })
  .openapi('IncomeEntryCreate');
export type IncomeEntryInput = z.infer<typeof IncomeEntryInput>;

export const IncomeEntryChanges = IncomeEntryInput.partial().openapi('IncomeEntryUpdate');
export type IncomeEntryChanges = z.infer<typeof IncomeEntryChanges>;

export const IncomeEntryFilters = PageQuery.extend({
  from: DateOnly.optional().openapi({ description: 'Earliest `income_date`, inclusive' }),
  to: DateOnly.optional().openapi({ description: 'Latest `income_date`, inclusive' }),
  income_source_id: Uuid.optional(),
}).refine((range) => !range.from || !range.to || range.from <= range.to, {
  message: 'must not be before `from`',
  path: ['to'],
});
export type IncomeEntryFilters = z.infer<typeof IncomeEntryFilters>;

/** Newest first, a page at a time. */
export const listIncomeSources = (db: Database, page: PageQuery) => listPage(db, incomeSources, [], page);

export const addIncomeSource = (db: Database, input: IncomeSourceInput) => insertOne(db, incomeSources, input);

export const getIncomeSource = (db: Database, id: string) => findOr404(db, incomeSources, id, 'income source');

export const updateIncomeSource = (db: Database, id: string, changes: IncomeSourceChanges) =>
  updateOr404(db, incomeSources, id, changes, 'income source');

/** Income entries recorded against the source are kept and unlinked. */
export const deleteIncomeSource = (db: Database, id: string) => deleteOr404(db, incomeSources, id, 'income source');

function incomeEntryConditions(filters: IncomeEntryFilters): (SQL | undefined)[] {
  return [
    filters.from ? gte(incomeEntries.income_date, filters.from) : undefined,
    filters.to ? lte(incomeEntries.income_date, filters.to) : undefined,
    filters.income_source_id ? eq(incomeEntries.income_source_id, filters.income_source_id) : undefined,
  ];
}

/** Newest first, a page at a time. */
export const listIncomeEntries = (db: Database, filters: IncomeEntryFilters) =>
  listPage(db, incomeEntries, incomeEntryConditions(filters), filters);

/** Records income received; a source the caller cannot see is refused like a missing one (400). */
export const recordIncome = (db: Database, input: IncomeEntryInput) => insertOne(db, incomeEntries, input);

export const getIncomeEntry = (db: Database, id: string) => findOr404(db, incomeEntries, id, 'income entry');

export const updateIncomeEntry = (db: Database, id: string, changes: IncomeEntryChanges) =>
  updateOr404(db, incomeEntries, id, changes, 'income entry');

export const deleteIncomeEntry = (db: Database, id: string) => deleteOr404(db, incomeEntries, id, 'income entry');
