import { z } from '@hono/zod-openapi';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { affiliateSales, type AffiliateSale as AffiliateSaleRow } from '../../db/schema/index.ts';
import { listPage, PageQuery } from '../database/pagination.ts';
import type { Database } from '../database/types.ts';
import { Money, Timestamp, Uuid } from '../shapes.ts';

/**
 * Purchases made through PAM's checkout links and the commission each earned, as the
 * Digistore24 webhook recorded them. Read-only here; the policies show each user their
 * own sales (administrators see everyone's only inside the admin scope).
 */

export const SaleStatus = z.enum(['pending', 'confirmed', 'paid', 'refunded', 'chargeback', 'cancelled']);

/** Statuses whose commission still stands; refunds, chargebacks and cancellations reverse it. */
const standingStatuses = ['pending', 'confirmed', 'paid'] as const;

export const AffiliateSale = z
  .object({
    id: Uuid,
    product_id: Uuid.nullable(),
    order_id: z.string(),
    order_item_id: z.string(),
    transaction_id: z.string().nullable(),
    external_product_id: z.string().nullable(),
    sale_amount: Money,
    commission_amount: Money,
    commission_percentage: z.string().nullable(),
    currency: z.string(),
    status: SaleStatus,
    platform: z.string(),
    is_test: z.boolean(),
    confirmed_at: Timestamp.nullable(),
    paid_at: Timestamp.nullable(),
    refunded_at: Timestamp.nullable(),
    chargeback_at: Timestamp.nullable(),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .openapi('AffiliateSale');
export type AffiliateSale = z.infer<typeof AffiliateSale>;

export const AffiliateSaleTotals = z
  .object({
    currency: z.string(),
    sale_count: z.number().int(),
    sale_amount: Money,
    commission_amount: Money.openapi({ description: 'Commission of pending, confirmed and paid sales' }),
    commission_paid: Money.openapi({ description: 'Commission of paid sales' }),
  })
  .openapi('AffiliateSaleTotals');

export const AffiliateSaleList = z
  .object({
    data: z.array(AffiliateSale),
    next_cursor: z.string().nullable(),
    totals: z.array(AffiliateSaleTotals).openapi({
      description:
        'Per currency, over all your sales (not just this page, and regardless of `status`): sales that still stand ' +
        '(pending, confirmed or paid); test-mode sales are left out.',
    }),
  })
  .openapi('AffiliateSaleList');
export type AffiliateSaleList = z.infer<typeof AffiliateSaleList>;

export const AffiliateSaleFilters = PageQuery.extend({ status: SaleStatus.optional() });
export type AffiliateSaleFilters = z.infer<typeof AffiliateSaleFilters>;

/** The caller's sales, newest first, with totals per currency over all of them. */
export async function listAffiliateSales(db: Database, filters: AffiliateSaleFilters): Promise<AffiliateSaleList> {
  const page = await listPage(db, affiliateSales, [filters.status ? eq(affiliateSales.status, filters.status) : undefined], filters);
  return { data: page.data.map(saleView), next_cursor: page.next_cursor, totals: await saleTotals(db) };
}

/** What a user sees of a sale: not the raw IPN metadata, buyer digest or tracking fields. */
function saleView(sale: AffiliateSaleRow): AffiliateSale {
  return {
    id: sale.id,
    product_id: sale.product_id,
    order_id: sale.order_id,
    order_item_id: sale.order_item_id,
    transaction_id: sale.transaction_id,
    external_product_id: sale.external_product_id,
    sale_amount: sale.sale_amount,
    commission_amount: sale.commission_amount,
    commission_percentage: sale.commission_percentage,
    currency: sale.currency,
    status: sale.status,
    platform: sale.platform,
    is_test: sale.is_test,
    confirmed_at: sale.confirmed_at,
    paid_at: sale.paid_at,
    refunded_at: sale.refunded_at,
    chargeback_at: sale.chargeback_at,
    created_at: sale.created_at,
    updated_at: sale.updated_at,
  };
}

function saleTotals(db: Database) {
  return db
    .select({
      currency: affiliateSales.currency,
      sale_count: sql<number>`count(*)::int`,
      sale_amount: sql<string>`sum(${affiliateSales.sale_amount})::numeric(14, 2)::text`,
      commission_amount: sql<string>`sum(${affiliateSales.commission_amount})::numeric(14, 2)::text`,
      commission_paid: sql<string>`(coalesce(sum(${affiliateSales.commission_amount})
                                     filter (where ${affiliateSales.status} = 'paid'), 0))::numeric(14, 2)::text`,
    })
    .from(affiliateSales)
    .where(and(eq(affiliateSales.is_test, false), inArray(affiliateSales.status, [...standingStatuses])))
    .groupBy(affiliateSales.currency)
    .orderBy(affiliateSales.currency);
}
