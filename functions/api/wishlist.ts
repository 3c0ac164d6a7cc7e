import { createRoute, z } from '@hono/zod-openapi';
import { and, eq, inArray } from 'drizzle-orm';
import type { Context } from 'hono';
import { shopProducts, userWishlists } from '../../db/schema/index.ts';
import type { AppEnv, Database } from '../env.ts';
import { ApiError, notFound } from '../errors.ts';
import { problems } from './problems.ts';
import { bearerAuth, jsonContent, newRouter } from '../openapi.ts';
import { listOf, listPage, PageQuery } from '../database/pagination.ts';
import { withCheckoutUrl } from './products.ts';
import { Money, Timestamp, Uuid } from '../shapes.ts';

const productSummaryColumns = {
  id: shopProducts.id,
  name: shopProducts.name,
  price: shopProducts.price,
  currency: shopProducts.currency,
  category: shopProducts.category,
  image_url: shopProducts.image_url,
  thumbnail_url: shopProducts.thumbnail_url,
  is_featured: shopProducts.is_featured,
  digistore24_id: shopProducts.digistore24_id,
};

const ProductSummary = z
  .object({
    id: Uuid,
    name: z.string(),
    price: Money,
    currency: z.string(),
    category: z.string(),
    image_url: z.string().nullable(),
    thumbnail_url: z.string().nullable(),
    is_featured: z.boolean(),
    digistore24_id: z.string().nullable(),
    checkout_url: z.string().nullable(),
  })
  .openapi('ProductSummary');

const WishlistRow = z.object({
  id: Uuid,
  user_id: Uuid,
  product_id: Uuid,
  notes: z.string().nullable(),
  priority: z.number().int(),
  created_at: Timestamp,
});

export const WishlistItem = WishlistRow.extend({
  product: ProductSummary.nullable().openapi({ description: 'Null once the product has been withdrawn from the catalogue' }),
}).openapi('WishlistItem');

const WishlistAdd = z
  .object({
    product_id: Uuid,
    notes: z.string().max(2000).nullable().optional(),
    priority: z.number().int().min(0).max(100).optional().openapi({ description: '0-100, default 0' }),
  })
  .openapi('WishlistAdd');

const WishlistUpdate = WishlistAdd.omit({ product_id: true }).partial().openapi('WishlistUpdate');

const ProductParam = z.object({ product_id: Uuid.openapi({ param: { name: 'product_id', in: 'path' } }) });

const tags = ['Shop'];
const security = bearerAuth;

const listWishlist = createRoute({
  method: 'get',
  path: '/wishlist',
  tags,
  security,
  summary: 'Your wishlist, most recently added first, each item with its product',
  request: { query: PageQuery },
  responses: {
    200: { description: 'A page of wishlist items', content: jsonContent(listOf(WishlistItem, 'WishlistItemList')) },
    ...problems(400, 401),
  },
});

const addToWishlist = createRoute({
  method: 'post',
  path: '/wishlist',
  tags,
  security,
  summary: 'Add a product to your wishlist',
  description:
    'A product already on the list is `409`. A product that does not exist or is withdrawn from the catalogue ' +
    'is `400` (`invalid_reference`), like any other reference to a row you cannot use.',
  request: { body: { content: jsonContent(WishlistAdd), required: true } },
  responses: {
    201: { description: 'Added', content: jsonContent(WishlistItem) },
    ...problems(400, 401, 409, 413, 415),
  },
});

const updateWishlistItem = createRoute({
  method: 'patch',
  path: '/wishlist/{product_id}',
  tags,
  security,
  summary: 'Change the notes or priority of a wishlist item',
  description: '`404` when the product is not on your list.',
  request: { params: ProductParam, body: { content: jsonContent(WishlistUpdate), required: true } },
  responses: { 200: { description: 'The updated item', content: jsonContent(WishlistItem) }, ...problems(400, 401, 404, 413, 415) },
});

const removeFromWishlist = createRoute({
  method: 'delete',
  path: '/wishlist/{product_id}',
  tags,
  security,
  summary: 'Remove a product from your wishlist',
  description: '`404` when the product is not on your list.',
  request: { params: ProductParam },
  responses: { 204: { description: 'Removed' }, ...problems(401, 404) },
});

/** Active products by id; administrators could read withdrawn ones, which a wishlist no longer offers. */
async function activeProductSummaries(db: Database, ids: string[]) {
  if (ids.length === 0) return new Map<string, never>();
  const products = await db
    .select(productSummaryColumns)
    .from(shopProducts)
    .where(and(inArray(shopProducts.id, ids), eq(shopProducts.is_active, true)));
  return new Map(products.map((product) => [product.id, product]));
}

async function withProducts<Row extends { product_id: string }>(c: Context<AppEnv>, rows: Row[]) {
  const products = await activeProductSummaries(c.var.db, rows.map((row) => row.product_id));
  return rows.map((row) => {
    const product = products.get(row.product_id);
    return { ...row, product: product ? withCheckoutUrl(c, product) : null };
  });
}

export const wishlistRouter = newRouter()
  .openapi(listWishlist, async (c) => {
    const page = await listPage(c.var.db, userWishlists, [], c.req.valid('query'));
    return c.json({ data: await withProducts(c, page.data), next_cursor: page.next_cursor }, 200);
  })
  .openapi(addToWishlist, async (c) => {
    const body = c.req.valid('json');
    const product = (await activeProductSummaries(c.var.db, [body.product_id])).get(body.product_id);
    if (!product) {
      throw new ApiError('invalid_reference', 'No such product in the catalogue.', {
        errors: [{ path: 'product_id', message: 'not an active product' }],
      });
    }
    const [item] = await c.var.db.insert(userWishlists).values(body).returning();
    c.header('location', `/api/v1/wishlist/${item.product_id}`);
    return c.json({ ...item, product: withCheckoutUrl(c, product) }, 201);
  })
  .openapi(updateWishlistItem, async (c) => {
    const changes = c.req.valid('json');
    const onList = eq(userWishlists.product_id, c.req.valid('param').product_id);
    const [item] =
      Object.keys(changes).length > 0
        ? await c.var.db.update(userWishlists).set(changes).where(onList).returning()
        : await c.var.db.select().from(userWishlists).where(onList);
    if (!item) throw notFound('wishlist item');
    const [withProduct] = await withProducts(c, [item]);
    return c.json(withProduct, 200);
  })
  .openapi(removeFromWishlist, async (c) => {
    const deleted = await c.var.db
      .delete(userWishlists)
      .where(eq(userWishlists.product_id, c.req.valid('param').product_id))
      .returning({ id: userWishlists.id });
    if (deleted.length === 0) throw notFound('wishlist item');
    return c.body(null, 204);
  });
