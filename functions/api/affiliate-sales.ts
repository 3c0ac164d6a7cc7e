import { createRoute, z } from '@hono/zod-openapi';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { affiliateSales } from '../../db/schema/index.ts';
import type { AffiliateSale } from '../../db/schema/index.ts';
import type { Database } from '../env.ts';
import { problems } from './problems.ts';
import { bearerAuth, jsonContent, newRouter } from '../openapi.ts';
import { listPage, PageQuery } from '../database/pagination.ts';
import { Money, Timestamp, Uuid } from '../shapes.ts';

const SaleStatus = z.enum(['pending', 'confirmed', 'paid', 'refunded', 'chargeback', 'cancelled']);

/** Statuses whose commission still stands; refunds, chargebacks and cancellations reverse it. */
const standingStatuses = ['pending', 'confirmed', 'paid'] as const;

export const AffiliateSaleView = z
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

const SaleTotals = z
  .object({
    currency: z.string(),
    sale_count: z.number().int(),
    sale_amount: Money,
    commission_amount: Money.openapi({ description: 'Commission of pending, confirmed and paid sales' }),
    commission_paid: Money.openapi({ description: 'Commission of paid sales' }),
  })
  .openapi('AffiliateSaleTotals');

const AffiliateSaleList = z
  .object({
    data: z.array(AffiliateSaleView),
    next_cursor: z.string().nullable(),
    totals: z.array(SaleTotals).openapi({
      description:
        'Per currency, over all your sales (not just this page, and regardless of `status`): sales that still stand ' +
        '(pending, confirmed or paid); test-mode sales are left out.',
    }),
  })
  .openapi('AffiliateSaleList');

const SaleFilters = PageQuery.extend({ status: SaleStatus.optional() });

const listSales = createRoute({
  method: 'get',
  path: '/affiliate-sales',
  tags: ['Shop'],
  security: bearerAuth,
  summary: 'Your purchases through PAM and the commissions they earned, newest first',
  description: 'Read-only: sales are recorded by the Digistore24 webhook. Test-mode sales are listed with `is_test: true`.',
  request: { query: SaleFilters },
  responses: { 200: { description: 'A page of sales with totals', content: jsonContent(AffiliateSaleList) }, ...problems(400, 401) },
});

/** What a user sees of a sale: not the raw IPN metadata, buyer digest or tracking fields. */
function saleView(sale: AffiliateSale): z.infer<typeof AffiliateSaleView> {
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

function saleTotals(db: Database, ownSales: SQL) {
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
    .where(and(ownSales, eq(affiliateSales.is_test, false), inArray(affiliateSales.status, [...standingStatuses])))
    .groupBy(affiliateSales.currency)
    .orderBy(affiliateSales.currency);
}

export const affiliateSalesRouter = newRouter().openapi(listSales, async (c) => {
  const query = c.req.valid('query');
  // Administrators may read every sale (their policy); this list is the caller's own.
  const ownSales = eq(affiliateSales.user_id, c.get('caller')!.userId);
  const page = await listPage(c.var.db, affiliateSales, [ownSales, query.status ? eq(affiliateSales.status, query.status) : undefined], query);
  return c.json({ data: page.data.map(saleView), next_cursor: page.next_cursor, totals: await saleTotals(c.var.db, ownSales) }, 200);
});
