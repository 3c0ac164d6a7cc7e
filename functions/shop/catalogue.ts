import { z } from '@hono/zod-openapi';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { shopProducts } from '../../db/schema/index.ts';
import { decodeKeysetCursor, exactTimestamp, keyPart } from '../database/keyset-cursor.ts';
import { keysetPage, type Page, PageQuery, pageOf } from '../database/pagination.ts';
import { selectRows, whereClause } from '../database/table-rows.ts';
import type { Database } from '../database/types.ts';
import { notFound } from '../errors.ts';
import { Money, Timestamp, Uuid } from '../shapes.ts';
import { type Shopper, withCheckoutUrl } from './checkout-link.ts';

/**
 * The catalogue as shoppers see it: active products only, whoever asks. Withdrawn
 * products stay on the administrators' side (admin-products.ts), as do the internal
 * columns (commission, sync bookkeeping, metadata, auto-approval).
 */

const publicProductColumns = {
  id: shopProducts.id,
  name: shopProducts.name,
  description: shopProducts.description,
  price: shopProducts.price,
  currency: shopProducts.currency,
  category: shopProducts.category,
  subcategory: shopProducts.subcategory,
  tags: shopProducts.tags,
  image_url: shopProducts.image_url,
  thumbnail_url: shopProducts.thumbnail_url,
  product_url: shopProducts.product_url,
  is_featured: shopProducts.is_featured,
  stock_quantity: shopProducts.stock_quantity,
  digistore24_id: shopProducts.digistore24_id,
  vendor_name: shopProducts.vendor_name,
  vendor_rating: shopProducts.vendor_rating,
  created_at: shopProducts.created_at,
  updated_at: shopProducts.updated_at,
};
type PublicProduct = Pick<typeof shopProducts.$inferSelect, keyof typeof publicProductColumns>;

const CheckoutUrl = z
  .string()
  .nullable()
  .openapi({
    description:
      'Digistore24 checkout link that attributes the purchase to you. Null for anonymous callers, for products ' +
      'not sold through Digistore24, and while the server has no affiliate id configured.',
    example: 'https://www.digistore24.com/redir/12345/pamaffiliate/?custom=m%3A3f1c9a4e-8a63-4c1b-9f0e-2b7d6c5a4e10',
  });

export const Product = z
  .object({
    id: Uuid,
    name: z.string(),
    description: z.string().nullable(),
    price: Money,
    currency: z.string().openapi({ example: 'USD' }),
    category: z.string(),
    subcategory: z.string().nullable(),
    tags: z.array(z.string()).nullable(),
    image_url: z.string().nullable(),
    thumbnail_url: z.string().nullable(),
    product_url: z.string().nullable(),
    is_featured: z.boolean(),
    stock_quantity: z.number().int().nullable(),
    digistore24_id: z.string().nullable(),
    vendor_name: z.string().nullable(),
    vendor_rating: z.string().nullable(),
    created_at: Timestamp,
    updated_at: Timestamp,
    checkout_url: CheckoutUrl,
  })
  .openapi('Product');
export type Product = z.infer<typeof Product>;

export const ProductSearch = PageQuery.extend({
  category: z.string().max(100).optional().openapi({ description: 'Exact category' }),
  featured: z.enum(['true', 'false']).optional(),
  q: z
    .string()
    .max(200)
    .optional()
    .openapi({
      description:
        'Text search over name, description and tags (English stemming; "quoted phrases", `or` and `-excluded` ' +
        'words work as in web search engines). Results are ranked by relevance, then newest first. Blank means no search.',
    }),
});
export type ProductSearch = z.infer<typeof ProductSearch>;

/**
 * A page of active products, newest first; with a search text, by relevance and then
 * newest first. A cursor from one ordering is refused in the other.
 */
export async function searchProducts(db: Database, search: ProductSearch, shopper: Shopper): Promise<Page<Product>> {
  const text = search.q?.trim() || null;
  const page = text ? await rankedPage(db, text, search) : await newestPage(db, search);
  return { data: page.data.map((product) => withCheckoutUrl(product, shopper)), next_cursor: page.next_cursor };
}

/** One active product; a withdrawn one is as unknown as one that never existed. */
export async function getProduct(db: Database, id: string, shopper: Shopper): Promise<Product> {
  const [found] = await selectRows<PublicProduct>(db, shopProducts, {
    columns: publicProductColumns,
    rest: sql`where ${and(eq(shopProducts.id, id), eq(shopProducts.is_active, true))}`,
  });
  if (!found) throw notFound('product');
  return withCheckoutUrl(found.row, shopper);
}

/**
 * Stated here as well as by the policy, which shows an administrator withdrawn
 * products inside the admin scope: the catalogue never does, in any scope.
 */
function catalogueFilters(search: ProductSearch): (SQL | undefined)[] {
  return [
    eq(shopProducts.is_active, true),
    search.category ? eq(shopProducts.category, search.category) : undefined,
    search.featured ? eq(shopProducts.is_featured, search.featured === 'true') : undefined,
  ];
}

function newestPage(db: Database, search: ProductSearch) {
  const { cursor, limit } = search;
  const { created_at: time, id: key } = shopProducts;
  return keysetPage<PublicProduct>(db, shopProducts, {
    columns: publicProductColumns,
    where: catalogueFilters(search),
    time,
    key,
    direction: 'desc',
    cursor,
    limit,
  });
}

/**
 * The match runs with the owner's rights so that it can use the search index (see
 * migration 0010); it returns active products only, as the policy would. The matches are
 * put in page order before they meet the catalogue (migration 0021): ordered by the
 * function's own columns, the planner fetches just the page's products by primary key
 * instead of joining every match.
 */
async function rankedPage(db: Database, text: string, search: ProductSearch) {
  const filters = catalogueFilters(search);
  const after = search.cursor ? decodeKeysetCursor(search.cursor, [keyPart.real, keyPart.timestamp, keyPart.uuid]) : null;
  if (after) {
    filters.push(
      sql`(match.rank, match.created_at, match.product_id) < (${after[0]}::real, ${after[1]}::timestamptz, ${after[2]}::uuid)`,
    );
  }
  const matches = sql`(select found.product_id, found.rank, found.created_at
                         from private.search_active_products(${text}) as found
                        order by found.rank desc, found.created_at desc, found.product_id desc) as match`;
  const rows = await selectRows<PublicProduct>(db, shopProducts, {
    columns: publicProductColumns,
    extra: sql`${exactTimestamp(shopProducts.created_at)} as "page position", match.rank::text as "match rank"`,
    rest: sql`join ${matches} on match.product_id = ${shopProducts.id}
      ${whereClause(filters)}
      order by match.rank desc, match.created_at desc, match.product_id desc
      limit ${search.limit + 1}`,
  });
  return pageOf(rows, search.limit, ({ row }) => row, ({ row, raw }) => [raw['match rank'] as string, raw['page position'] as string, row.id]);
}
