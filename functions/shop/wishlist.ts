import { z } from '@hono/zod-openapi';
import { and, eq, inArray } from 'drizzle-orm';
import { shopProducts, userWishlists } from '../../db/schema/index.ts';
import { listPage, type Page, type PageQuery } from '../database/pagination.ts';
import type { Database } from '../database/types.ts';
import { ApiError, notFound } from '../errors.ts';
import { Money, Timestamp, Uuid } from '../shapes.ts';
import { type Shopper, withCheckoutUrl } from './checkout-link.ts';

/**
 * A user's wishlist: products they may buy later, one entry per product, addressed by
 * the product's id. The policies keep each list to its owner.
 */

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

export const ProductSummary = z
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

export const WishlistItem = z
  .object({
    id: Uuid,
    user_id: Uuid,
    product_id: Uuid,
    notes: z.string().nullable(),
    priority: z.number().int(),
    created_at: Timestamp,
    product: ProductSummary.nullable().openapi({ description: 'Null once the product has been withdrawn from the catalogue' }),
  })
  .openapi('WishlistItem');
export type WishlistItem = z.infer<typeof WishlistItem>;

export const WishlistAdd = z
  .object({
    product_id: Uuid,
    notes: z.string().max(2000).nullable().optional(),
    priority: z.number().int().min(0).max(100).optional().openapi({ description: '0-100, default 0' }),
  })
  .openapi('WishlistAdd');
export type WishlistAdd = z.infer<typeof WishlistAdd>;

export const WishlistChanges = WishlistAdd.omit({ product_id: true }).partial().openapi('WishlistUpdate');
export type WishlistChanges = z.infer<typeof WishlistChanges>;

type WishlistRow = typeof userWishlists.$inferSelect;

/** Most recently added first, each item with its product (null once withdrawn). */
export async function listWishlist(db: Database, page: PageQuery, shopper: Shopper): Promise<Page<WishlistItem>> {
  const rows = await listPage(db, userWishlists, [], page);
  return { data: await withProducts(db, rows.data, shopper), next_cursor: rows.next_cursor };
}

/**
 * A product that does not exist and one that is withdrawn are the same bad reference;
 * one already on the list is a conflict (the unique key).
 */
export async function addToWishlist(db: Database, input: WishlistAdd, shopper: Shopper): Promise<WishlistItem> {
  const product = (await activeProductSummaries(db, [input.product_id])).get(input.product_id);
  if (!product) {
    throw new ApiError('invalid_reference', 'No such product in the catalogue.', {
      errors: [{ path: 'product_id', message: 'not an active product' }],
    });
  }
  const [item] = await db.insert(userWishlists).values(input).returning();
  return { ...item, product: withCheckoutUrl(product, shopper) };
}

/** Nothing to change reads the item as it is. */
export async function updateWishlistItem(
  db: Database,
  productId: string,
  changes: WishlistChanges,
  shopper: Shopper,
): Promise<WishlistItem> {
  const onList = eq(userWishlists.product_id, productId);
  const [item] =
    Object.keys(changes).length > 0
      ? await db.update(userWishlists).set(changes).where(onList).returning()
      : await db.select().from(userWishlists).where(onList);
  if (!item) throw notFound('wishlist item');
  const [withProduct] = await withProducts(db, [item], shopper);
  return withProduct;
}

/** Works for a withdrawn product too: the item stays on the list until removed. */
export async function removeFromWishlist(db: Database, productId: string): Promise<void> {
  const removed = await db
    .delete(userWishlists)
    .where(eq(userWishlists.product_id, productId))
    .returning({ id: userWishlists.id });
  if (removed.length === 0) throw notFound('wishlist item');
}

/** Active products only: a wishlist no longer offers a withdrawn one, in any scope. */
async function activeProductSummaries(db: Database, ids: string[]) {
  if (ids.length === 0) return new Map<string, never>();
  const products = await db
    .select(productSummaryColumns)
    .from(shopProducts)
    .where(and(inArray(shopProducts.id, ids), eq(shopProducts.is_active, true)));
  return new Map(products.map((product) => [product.id, product]));
}

async function withProducts(db: Database, rows: WishlistRow[], shopper: Shopper): Promise<WishlistItem[]> {
  const products = await activeProductSummaries(db, rows.map((row) => row.product_id));
  return rows.map((row) => {
    const product = products.get(row.product_id);
    return { ...row, product: product ? withCheckoutUrl(product, shopper) : null };
  });
}
