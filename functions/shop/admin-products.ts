import { z } from '@hono/zod-openapi';
import { eq, sql, type SQL } from 'drizzle-orm';
import { shopProducts, type ShopProduct } from '../../db/schema/index.ts';
import { listPage, PageQuery } from '../database/pagination.ts';
import { findOr404, insertOne } from '../database/rows.ts';
import type { Database } from '../database/types.ts';
import { notFound } from '../errors.ts';
import { JsonObject, Money, MoneyInput, NonNegativeMoneyInput, QueryBoolean, Tags, Timestamp, Uuid } from '../shapes.ts';

/**
 * The catalogue as administrators manage it: every product, withdrawn ones included,
 * with the internal columns. These run inside the admin scope; the policies refuse
 * writes to anyone else.
 *
 * Most products come from the Digistore24 sync (functions/cron/product-sync.ts). A column
 * an administrator sets by hand on such a product is recorded in
 * `metadata.manual_fields`, and the sync leaves it alone from then on.
 */

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
export type AdminProduct = ShopProduct;

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

export const AdminProductInput = z.object({ ...productFields, metadata: ProductMetadata.optional() }).openapi('AdminProductCreate');
export type AdminProductInput = z.infer<typeof AdminProductInput>;

export const AdminProductChanges = AdminProductInput.partial().openapi('AdminProductUpdate');
export type AdminProductChanges = z.infer<typeof AdminProductChanges>;

export const AdminProductFilters = PageQuery.extend({
  category: z.string().max(100).optional(),
  is_active: QueryBoolean.optional(),
  is_featured: QueryBoolean.optional(),
  digistore24_id: z.string().max(255).optional(),
});
export type AdminProductFilters = z.infer<typeof AdminProductFilters>;

function productConditions(filters: AdminProductFilters): (SQL | undefined)[] {
  return [
    filters.category ? eq(shopProducts.category, filters.category) : undefined,
    filters.is_active !== undefined ? eq(shopProducts.is_active, filters.is_active) : undefined,
    filters.is_featured !== undefined ? eq(shopProducts.is_featured, filters.is_featured) : undefined,
    filters.digistore24_id ? eq(shopProducts.digistore24_id, filters.digistore24_id) : undefined,
  ];
}

/** The whole catalogue, withdrawn products included, newest first. */
export const listAllProducts = (db: Database, filters: AdminProductFilters) =>
  listPage(db, shopProducts, productConditions(filters), filters);

/** A second product with the same `digistore24_id` is a conflict (the unique key). */
export const createProduct = (db: Database, input: AdminProductInput) => insertOne(db, shopProducts, input);

/** Any product, active or withdrawn. */
export const getAnyProduct = (db: Database, id: string) => findOr404(db, shopProducts, id, 'product');

/**
 * On a product the sync maintains (one with a `digistore24_id`), every column set here
 * joins `metadata.manual_fields`. New `metadata` replaces the old, except that
 * `manual_fields` is carried over unless the change brings its own list. Nothing to
 * change reads the product as it is.
 */
export async function updateProduct(db: Database, id: string, changes: AdminProductChanges): Promise<AdminProduct> {
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

export type ProductRemoval = { deleted: true } | { deleted: false; deactivated: AdminProduct };

/**
 * Deletes a product nothing refers to. One that affiliate sales or wishlists refer to is
 * deactivated instead (as `updateProduct(db, id, { is_active: false })` would): deleting
 * it would unlink the sales history and silently empty those wishlists.
 */
export async function deleteOrDeactivateProduct(db: Database, id: string): Promise<ProductRemoval> {
  const [product] = await db
    .select({ in_use: sql<boolean>`private.product_in_use(${shopProducts.id})` })
    .from(shopProducts)
    .where(eq(shopProducts.id, id));
  if (!product) throw notFound('product');
  if (product.in_use) return { deleted: false, deactivated: await updateProduct(db, id, { is_active: false }) };
  await db.delete(shopProducts).where(eq(shopProducts.id, id));
  return { deleted: true };
}

function manualFieldsOf(metadata: Record<string, unknown> | undefined): string[] {
  const fields = metadata?.manual_fields;
  return Array.isArray(fields) ? fields.filter((field): field is string => typeof field === 'string') : [];
}

/** The metadata a change leaves on a product; on one the sync does not maintain, just what the change sends. */
function metadataAfter(current: ShopProduct, changes: AdminProductChanges): Record<string, unknown> | undefined {
  const digistore24Id = changes.digistore24_id !== undefined ? changes.digistore24_id : current.digistore24_id;
  if (!digistore24Id) return changes.metadata;
  const metadata = changes.metadata ?? current.metadata;
  const kept = changes.metadata?.manual_fields !== undefined ? manualFieldsOf(changes.metadata) : manualFieldsOf(current.metadata);
  const setNow = Object.keys(changes).filter((field) => field !== 'metadata');
  return { ...metadata, manual_fields: [...new Set([...kept, ...setNow])].sort() };
}
