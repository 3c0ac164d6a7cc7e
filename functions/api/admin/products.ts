import { createRoute, z } from '@hono/zod-openapi';
import { eq, type SQL, sql } from 'drizzle-orm';
import { shopProducts, type ShopProduct } from '../../../db/schema/index.ts';
import type { Database } from '../../env.ts';
import { notFound } from '../../errors.ts';
import { problems } from '../problems.ts';
import { bearerAuth, jsonContent, newRouter } from '../../openapi.ts';
import { listOf, listPage, PageQuery } from '../../database/pagination.ts';
import { IdParam, JsonObject, Money, MoneyInput, NonNegativeMoneyInput, QueryBoolean, Tags, Timestamp, Uuid } from '../../shapes.ts';

export const AdminProduct = z
  .object({
    id: Uuid,
    name: z.string(),
    description: z.string().nullable(),
    price: Money,
    currency: z.string(),
    category: z.string(),
    subcategory: z.string().nullable(),
    tags: z.array(z.string()).nullable(),
    image_url: z.string().nullable(),
    thumbnail_url: z.string().nullable(),
    product_url: z.string().nullable(),
    is_featured: z.boolean(),
    is_active: z.boolean(),
    stock_quantity: z.number().int().nullable(),
    digistore24_id: z.string().nullable(),
    commission_percentage: z.string().nullable().openapi({ example: '50.00' }),
    vendor_name: z.string().nullable(),
    vendor_rating: z.string().nullable().openapi({ example: '4.50' }),
    auto_approve: z.boolean(),
    marketplace_category: z.string().nullable(),
    last_synced_at: Timestamp.nullable(),
    metadata: JsonObject,
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .openapi('AdminProduct');

const Url = z.url({ protocol: /^https?$/ }).max(2000);
const Percentage = MoneyInput.refine((v) => !v.startsWith('-') && Number(v) <= 100, 'must be between 0 and 100');
/** The column is DECIMAL(3,2). */
const Rating = MoneyInput.refine((v) => !v.startsWith('-') && Number(v) < 10, 'must be at least 0 and below 10');

/** Columns an administrator writes; ids, timestamps and last_synced_at stay server-owned. */
const productFields = {
  name: z.string().trim().min(1).max(500),
  description: z.string().max(20_000).nullable().optional(),
  price: NonNegativeMoneyInput,
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code').optional(),
  category: z.string().trim().min(1).max(100),
  subcategory: z.string().trim().max(100).nullable().optional(),
  tags: Tags.nullable().optional(),
  image_url: Url.nullable().optional(),
  thumbnail_url: Url.nullable().optional(),
  product_url: Url.nullable().optional(),
  is_featured: z.boolean().optional(),
  is_active: z.boolean().optional(),
  stock_quantity: z.number().int().min(0).max(2_147_483_647).nullable().optional(),
  digistore24_id: z.string().trim().min(1).max(255).nullable().optional(),
  commission_percentage: Percentage.nullable().optional(),
  vendor_name: z.string().max(255).nullable().optional(),
  vendor_rating: Rating.nullable().optional(),
  auto_approve: z.boolean().optional(),
  marketplace_category: z.string().max(100).nullable().optional(),
};

type TrackedField = keyof typeof productFields;
const trackedFields = Object.keys(productFields) as TrackedField[];

/** metadata.manual_fields, when a client sends it, must name product columns. */
const ProductMetadata = JsonObject.refine(
  (metadata) =>
    metadata.manual_fields === undefined ||
    (Array.isArray(metadata.manual_fields) &&
      metadata.manual_fields.every((field) => trackedFields.includes(field as TrackedField))),
  { message: 'manual_fields must be an array of product column names', path: ['manual_fields'] },
);

const AdminProductCreate = z.object({ ...productFields, metadata: ProductMetadata.optional() }).openapi('AdminProductCreate');
const AdminProductUpdate = AdminProductCreate.partial().openapi('AdminProductUpdate');
type ProductChanges = z.infer<typeof AdminProductUpdate>;

const AdminProductFilters = PageQuery.extend({
  category: z.string().max(100).optional(),
  is_active: QueryBoolean.optional(),
  is_featured: QueryBoolean.optional(),
  digistore24_id: z.string().max(255).optional(),
});

const tags = ['Administration'];
const security = bearerAuth;

const listProducts = createRoute({
  method: 'get',
  path: '/admin/products',
  tags,
  security,
  summary: 'The whole catalogue, inactive products included, newest first',
  request: { query: AdminProductFilters },
  responses: {
    200: { description: 'A page of products', content: jsonContent(listOf(AdminProduct, 'AdminProductList')) },
    ...problems(400, 401, 403),
  },
});

const createProduct = createRoute({
  method: 'post',
  path: '/admin/products',
  tags,
  security,
  summary: 'Add a product by hand',
  description: '`digistore24_id` is unique: a second product with the same one is `409`.',
  request: { body: { content: jsonContent(AdminProductCreate), required: true } },
  responses: {
    201: { description: 'Created', content: jsonContent(AdminProduct) },
    ...problems(400, 401, 403, 409, 413, 415),
  },
});

const getProduct = createRoute({
  method: 'get',
  path: '/admin/products/{id}',
  tags,
  security,
  summary: 'Get any product, active or not',
  request: { params: IdParam },
  responses: { 200: { description: 'The product', content: jsonContent(AdminProduct) }, ...problems(401, 403, 404) },
});

const updateProduct = createRoute({
  method: 'patch',
  path: '/admin/products/{id}',
  tags,
  security,
  summary: 'Change a product by hand',
  description:
    'On a product with a `digistore24_id`, every column named in the request is added to `metadata.manual_fields` ' +
    '(a JSON array of column names, kept sorted and merged with what it held before). The Digistore24 product sync ' +
    'never overwrites those columns. Sending `metadata` replaces it, except that `manual_fields` is carried over ' +
    'unless the request sends its own list: send `{"metadata": {"manual_fields": []}}` to hand every column back to the sync.',
  request: { params: IdParam, body: { content: jsonContent(AdminProductUpdate), required: true } },
  responses: {
    200: { description: 'The updated product', content: jsonContent(AdminProduct) },
    ...problems(400, 401, 403, 404, 409, 413, 415),
  },
});

const deleteProduct = createRoute({
  method: 'delete',
  path: '/admin/products/{id}',
  tags,
  security,
  summary: 'Delete a product, or deactivate it if it is still referenced',
  description:
    'A product that affiliate sales or users\' wishlists refer to is not deleted: deleting would unlink the sales ' +
    'history and silently empty those wishlists. It is deactivated instead (hidden from the shop, as a `PATCH` of ' +
    '`is_active: false` would) and returned with `200`. Any other product is deleted: `204`.',
  request: { params: IdParam },
  responses: {
    200: { description: 'Still referenced, so deactivated instead', content: jsonContent(AdminProduct) },
    204: { description: 'Deleted' },
    ...problems(401, 403, 404),
  },
});

function productFilters(query: z.infer<typeof AdminProductFilters>): (SQL | undefined)[] {
  return [
    query.category ? eq(shopProducts.category, query.category) : undefined,
    query.is_active !== undefined ? eq(shopProducts.is_active, query.is_active) : undefined,
    query.is_featured !== undefined ? eq(shopProducts.is_featured, query.is_featured) : undefined,
    query.digistore24_id ? eq(shopProducts.digistore24_id, query.digistore24_id) : undefined,
  ];
}

function manualFieldsOf(metadata: Record<string, unknown> | undefined): string[] {
  const fields = metadata?.manual_fields;
  return Array.isArray(fields) ? fields.filter((field): field is string => typeof field === 'string') : [];
}

/**
 * The metadata a change leaves on a product: for a product the sync maintains, the
 * columns set here join metadata.manual_fields so the next sync leaves them alone.
 */
function metadataAfter(current: ShopProduct, changes: ProductChanges): Record<string, unknown> | undefined {
  const digistore24Id = changes.digistore24_id !== undefined ? changes.digistore24_id : current.digistore24_id;
  if (!digistore24Id) return changes.metadata;
  const metadata = changes.metadata ?? current.metadata;
  const kept = changes.metadata?.manual_fields !== undefined ? manualFieldsOf(changes.metadata) : manualFieldsOf(current.metadata);
  const setNow = Object.keys(changes).filter((field) => field !== 'metadata');
  return { ...metadata, manual_fields: [...new Set([...kept, ...setNow])].sort() };
}

async function changeProduct(db: Database, id: string, changes: ProductChanges): Promise<ShopProduct> {
  const [current] = await db.select().from(shopProducts).where(eq(shopProducts.id, id)).for('update');
  if (!current) throw notFound('product');
  if (Object.keys(changes).length === 0) return current;
  const [updated] = await db
    .update(shopProducts)
    .set({ ...changes, metadata: metadataAfter(current, changes) })
    .where(eq(shopProducts.id, id))
    .returning();
  return updated;
}

export const adminProductsRouter = newRouter()
  .openapi(listProducts, async (c) => {
    const query = c.req.valid('query');
    return c.json(await listPage(c.var.db, shopProducts, productFilters(query), query), 200);
  })
  .openapi(createProduct, async (c) => {
    const [product] = await c.var.db.insert(shopProducts).values(c.req.valid('json')).returning();
    c.header('location', `/api/v1/admin/products/${product.id}`);
    return c.json(product, 201);
  })
  .openapi(getProduct, async (c) => {
    const [product] = await c.var.db.select().from(shopProducts).where(eq(shopProducts.id, c.req.valid('param').id));
    if (!product) throw notFound('product');
    return c.json(product, 200);
  })
  .openapi(updateProduct, async (c) => {
    return c.json(await changeProduct(c.var.db, c.req.valid('param').id, c.req.valid('json')), 200);
  })
  .openapi(deleteProduct, async (c) => {
    const { id } = c.req.valid('param');
    const [product] = await c.var.db
      .select({ in_use: sql<boolean>`private.product_in_use(${shopProducts.id})` })
      .from(shopProducts)
      .where(eq(shopProducts.id, id));
    if (!product) throw notFound('product');
    if (product.in_use) return c.json(await changeProduct(c.var.db, id, { is_active: false }), 200);
    await c.var.db.delete(shopProducts).where(eq(shopProducts.id, id));
    return c.body(null, 204);
  });
