import { listOf } from '../../database/pagination.ts';
import { jsonContent, newRouter } from '../../openapi.ts';
import { IdParam } from '../../shapes.ts';
import { getProduct, Product, ProductSearch, searchProducts } from '../../shop/catalogue.ts';
import { operationsOf } from '../operation.ts';
import { shopperOf } from './shopper.ts';

/** Public: a token is optional and only adds `checkout_url`. */
const operation = operationsOf('Shop', 'public');

const search = operation({
  method: 'get',
  path: '/products',
  operationId: 'searchProducts',
  oneStatement: true,
  summary: 'The catalogue: active products, newest first (by relevance when searching)',
  description: 'No token needed. Withdrawn (inactive) products are never listed, whoever asks.',
  request: { query: ProductSearch },
  responses: { 200: { description: 'A page of products', content: jsonContent(listOf(Product, 'ProductList')) } },
});

const get = operation({
  method: 'get',
  path: '/products/{id}',
  operationId: 'getProduct',
  oneStatement: true,
  summary: 'One active product',
  description: 'No token needed. A withdrawn (inactive) product is 404, whoever asks.',
  request: { params: IdParam },
  responses: { 200: { description: 'The product', content: jsonContent(Product) } },
});

export const productsRouter = newRouter()
  .openapi(search, async (c) => c.json(await searchProducts(c.var.db, c.req.valid('query'), shopperOf(c)), 200))
  .openapi(get, async (c) => c.json(await getProduct(c.var.db, c.req.valid('param').id, shopperOf(c)), 200));
