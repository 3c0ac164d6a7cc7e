import { jsonContent, newRouter } from '../../openapi.ts';
import { AffiliateSaleFilters, AffiliateSaleList, listAffiliateSales } from '../../shop/affiliate-sales.ts';
import { operationsOf } from '../operation.ts';

const operation = operationsOf('Shop');

const list = operation({
  method: 'get',
  path: '/affiliate-sales',
  operationId: 'listAffiliateSales',
  summary: 'Your purchases through PAM and the commissions they earned, newest first',
  description: 'Read-only: sales are recorded by the Digistore24 webhook. Test-mode sales are listed with `is_test: true`.',
  request: { query: AffiliateSaleFilters },
  responses: { 200: { description: 'A page of sales with totals', content: jsonContent(AffiliateSaleList) } },
});

export const affiliateSalesRouter = newRouter().openapi(list, async (c) =>
  c.json(await listAffiliateSales(c.var.db, c.req.valid('query')), 200),
);
