import { listOf } from '../../database/pagination.ts';
import { jsonContent, newRouter } from '../../openapi.ts';
import { IdParam } from '../../shapes.ts';
import {
  AdminProduct,
  AdminProductChanges,
  AdminProductFilters,
  AdminProductInput,
  createProduct,
  deleteOrDeactivateProduct,
  getAnyProduct,
  listAllProducts,
  updateProduct,
} from '../../shop/admin-products.ts';
import { operationsOf } from '../operation.ts';

const operation = operationsOf('Administration', 'admin');

const list = operation({
  method: 'get',
  path: '/admin/products',
  operationId: 'listAllProducts',
  summary: 'The whole catalogue, inactive products included, newest first',
  request: { query: AdminProductFilters },
  responses: { 200: { description: 'A page of products', content: jsonContent(listOf(AdminProduct, 'AdminProductList')) } },
});

const create = operation({
  method: 'post',
  path: '/admin/products',
  operationId: 'createProduct',
  summary: 'Add a product by hand',
  description: '`digistore24_id` is unique: a second product with the same one is `409`.',
  request: { body: { content: jsonContent(AdminProductInput), required: true } },
  problems: [409],
  responses: { 201: { description: 'Created', content: jsonContent(AdminProduct) } },
});

const get = operation({
  method: 'get',
  path: '/admin/products/{id}',
  operationId: 'getAnyProduct',
  summary: 'Get any product, active or not',
  request: { params: IdParam },
  responses: { 200: { description: 'The product', content: jsonContent(AdminProduct) } },
});

const update = operation({
  method: 'patch',
  path: '/admin/products/{id}',
  operationId: 'updateProduct',
  summary: 'Change a product by hand',
  description:
    'On a product with a `digistore24_id`, every column named in the request is added to `metadata.manual_fields` ' +
    '(a JSON array of column names, kept sorted and merged with what it held before). The Digistore24 product sync ' +
    'never overwrites those columns. Sending `metadata` replaces it, except that `manual_fields` is carried over ' +
    'unless the request sends its own list: send `{"metadata": {"manual_fields": []}}` to hand every column back to the sync.',
  request: { params: IdParam, body: { content: jsonContent(AdminProductChanges), required: true } },
  problems: [409],
  responses: { 200: { description: 'The updated product', content: jsonContent(AdminProduct) } },
});

const remove = operation({
  method: 'delete',
  path: '/admin/products/{id}',
  operationId: 'deleteOrDeactivateProduct',
  summary: 'Delete a product, or deactivate it if it is still referenced',
  description:
    'A product that affiliate sales or users\' wishlists refer to is not deleted: deleting would unlink the sales ' +
    'history and silently empty those wishlists. It is deactivated instead (hidden from the shop, as a `PATCH` of ' +
    '`is_active: false` would) and returned with `200`. Any other product is deleted: `204`.',
  request: { params: IdParam },
  responses: {
    200: { description: 'Still referenced, so deactivated instead', content: jsonContent(AdminProduct) },
    204: { description: 'Deleted' },
  },
});

export const adminProductsRouter = newRouter()
  .openapi(list, async (c) => c.json(await listAllProducts(c.var.db, c.req.valid('query')), 200))
  .openapi(create, async (c) => {
    const product = await createProduct(c.var.db, c.req.valid('json'));
    c.header('location', `/api/v1/admin/products/${product.id}`);
    return c.json(product, 201);
  })
  .openapi(get, async (c) => c.json(await getAnyProduct(c.var.db, c.req.valid('param').id), 200))
  .openapi(update, async (c) => c.json(await updateProduct(c.var.db, c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(remove, async (c) => {
    const removal = await deleteOrDeactivateProduct(c.var.db, c.req.valid('param').id);
    return removal.deleted ? c.body(null, 204) : c.json(removal.deactivated, 200);
  });
