import { createRoute, z } from '@hono/zod-openapi';
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Context } from 'hono';
import { shopProducts } from '../../db/schema/index.ts';
import type { AppEnv, Database } from '../env.ts';
import { notFound } from '../errors.ts';
import { problems } from './problems.ts';
import { jsonContent, newRouter } from '../openapi.ts';
import { checkoutUrl } from '../shop/checkout-link.ts';
import { decodeKeysetCursor, encodeKeysetCursor, exactTimestamp, keyPart } from '../database/keyset-cursor.ts';
import { listOf, PageQuery } from '../database/pagination.ts';
import { IdParam, Money, Timestamp, Uuid } from '../shapes.ts';

/**
 * The catalogue as the public sees it. Internal columns (commission, sync bookkeeping,
 * metadata, auto-approval) stay on the admin routes.
 */
export const publicProductColumns = {
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

const ProductFilters = PageQuery.extend({
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

const tags = ['Shop'];
/** Public: a token is optional and only adds `checkout_url`. */
const security: Record<string, string[]>[] = [{}, { bearerAuth: [] }];

const listProducts = createRoute({
  method: 'get',
  path: '/products',
  tags,
  security,
  summary: 'The catalogue: active products, newest first (by relevance when searching)',
  description: 'No token needed. Withdrawn (inactive) products are never listed, whoever asks.',
  request: { query: ProductFilters },
  responses: {
    200: { description: 'A page of products', content: jsonContent(listOf(Product, 'ProductList')) },
    ...problems(400, 401),
  },
});

const getProduct = createRoute({
  method: 'get',
  path: '/products/{id}',
  tags,
  security,
  summary: 'One active product',
  description: 'No token needed. A withdrawn (inactive) product is 404, whoever asks.',
  request: { params: IdParam },
  responses: { 200: { description: 'The product', content: jsonContent(Product) }, ...problems(401, 404) },
});

/** Adds the caller's checkout link; only signed-in callers have a user id to attribute. */
export function withCheckoutUrl<T extends { digistore24_id: string | null }>(
  c: Context<AppEnv>,
  product: T,
): T & { checkout_url: string | null } {
  const caller = c.get('caller');
  return {
    ...product,
    checkout_url: caller ? checkoutUrl(product, caller.userId, c.env?.DIGISTORE24_AFFILIATE_ID) : null,
  };
}

/**
 * Active products only, stated here as well as by the policy: administrators may read
 * withdrawn products, but not through the public catalogue.
 */
async function productPage(db: Database, query: z.infer<typeof ProductFilters>) {
  const search = query.q?.trim() || null;
  const filters: (SQL | undefined)[] = [
    eq(shopProducts.is_active, true),
    query.category ? eq(shopProducts.category, query.category) : undefined,
    query.featured ? eq(shopProducts.is_featured, query.featured === 'true') : undefined,
  ];
  const position = exactTimestamp(shopProducts.created_at);

  if (!search) {
    const after = query.cursor ? decodeKeysetCursor(query.cursor, [keyPart.timestamp, keyPart.uuid]) : null;
    if (after) filters.push(sql`(${shopProducts.created_at}, ${shopProducts.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
    const rows = await db
      .select({ product: publicProductColumns, position })
      .from(shopProducts)
      .where(and(...filters))
      .orderBy(desc(shopProducts.created_at), desc(shopProducts.id))
      .limit(query.limit + 1);
    return page(rows, query.limit, (row) => [row.position, row.product.id]);
  }

  // The match runs with the owner's rights so that it can use the search index (see
  // migration 0010); it returns active products only, as the policy would.
  const after = query.cursor
    ? decodeKeysetCursor(query.cursor, [keyPart.real, keyPart.timestamp, keyPart.uuid])
    : null;
  if (after) {
    filters.push(
      sql`(match.rank, ${shopProducts.created_at}, ${shopProducts.id}) < (${after[0]}::real, ${after[1]}::timestamptz, ${after[2]}::uuid)`,
    );
  }
  const rows = await db
    .select({ product: publicProductColumns, position, rank: sql<string>`match.rank::text` })
    .from(shopProducts)
    .innerJoin(sql`private.search_active_products(${search}) as match`, sql`match.product_id = ${shopProducts.id}`)
    .where(and(...filters))
    .orderBy(sql`match.rank desc`, desc(shopProducts.created_at), desc(shopProducts.id))
    .limit(query.limit + 1);
  return page(rows, query.limit, (row) => [row.rank, row.position, row.product.id]);
}

function page<Row extends { product: object }>(
  rows: Row[],
  limit: number,
  sortKey: (row: Row) => string[],
): { data: Row['product'][]; next_cursor: string | null } {
  const pageRows = rows.slice(0, limit);
  const last = pageRows.at(-1);
  return {
    data: pageRows.map((row) => row.product),
    next_cursor: rows.length > limit && last ? encodeKeysetCursor(sortKey(last)) : null,
  };
}

export const productsRouter = newRouter()
  .openapi(listProducts, async (c) => {
    const { data, next_cursor } = await productPage(c.var.db, c.req.valid('query'));
    return c.json({ data: data.map((product) => withCheckoutUrl(c, product)), next_cursor }, 200);
  })
  .openapi(getProduct, async (c) => {
    const [product] = await c.var.db
      .select(publicProductColumns)
      .from(shopProducts)
      .where(and(eq(shopProducts.id, c.req.valid('param').id), eq(shopProducts.is_active, true)));
    if (!product) throw notFound('product');
    return c.json(withCheckoutUrl(c, product), 200);
  });
