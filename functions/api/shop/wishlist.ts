import { z } from '@hono/zod-openapi';
import { listOf, PageQuery } from '../../database/pagination.ts';
import { jsonContent, newRouter } from '../../openapi.ts';
import { Uuid } from '../../shapes.ts';
import {
  addToWishlist,
  listWishlist,
  removeFromWishlist,
  updateWishlistItem,
  WishlistAdd,
  WishlistChanges,
  WishlistItem,
} from '../../shop/wishlist.ts';
import { operationsOf } from '../operation.ts';
import { shopperOf } from './shopper.ts';

const ProductParam = z.object({ product_id: Uuid.openapi({ param: { name: 'product_id', in: 'path' } }) });

const operation = operationsOf('Shop');

const list = operation({
  method: 'get',
  path: '/wishlist',
  operationId: 'listWishlist',
  summary: 'Your wishlist, most recently added first, each item with its product',
  request: { query: PageQuery },
  responses: { 200: { description: 'A page of wishlist items', content: jsonContent(listOf(WishlistItem, 'WishlistItemList')) } },
});

const add = operation({
  method: 'post',
  path: '/wishlist',
  operationId: 'addToWishlist',
  summary: 'Add a product to your wishlist',
  description:
    'A product already on the list is `409`. A product that does not exist or is withdrawn from the catalogue ' +
    'is `400` (`invalid_reference`), like any other reference to a row you cannot use.',
  request: { body: { content: jsonContent(WishlistAdd), required: true } },
  problems: [409],
  responses: { 201: { description: 'Added', content: jsonContent(WishlistItem) } },
});

const update = operation({
  method: 'patch',
  path: '/wishlist/{product_id}',
  operationId: 'updateWishlistItem',
  summary: 'Change the notes or priority of a wishlist item',
  description: '`404` when the product is not on your list.',
  request: { params: ProductParam, body: { content: jsonContent(WishlistChanges), required: true } },
  responses: { 200: { description: 'The updated item', content: jsonContent(WishlistItem) } },
});

const remove = operation({
  method: 'delete',
  path: '/wishlist/{product_id}',
  operationId: 'removeFromWishlist',
  oneStatement: true,
  summary: 'Remove a product from your wishlist',
  description: '`404` when the product is not on your list.',
  request: { params: ProductParam },
  responses: { 204: { description: 'Removed' } },
});

export const wishlistRouter = newRouter()
  .openapi(list, async (c) => c.json(await listWishlist(c.var.db, c.req.valid('query'), shopperOf(c)), 200))
  .openapi(add, async (c) => {
    const item = await addToWishlist(c.var.db, c.req.valid('json'), shopperOf(c));
    c.header('location', `/api/v1/wishlist/${item.product_id}`);
    return c.json(item, 201);
  })
  .openapi(update, async (c) =>
    c.json(await updateWishlistItem(c.var.db, c.req.valid('param').product_id, c.req.valid('json'), shopperOf(c)), 200),
  )
  .openapi(remove, async (c) => {
    await removeFromWishlist(c.var.db, c.req.valid('param').product_id);
    return c.body(null, 204);
  });
