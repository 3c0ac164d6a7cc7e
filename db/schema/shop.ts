import { boolean, integer, jsonb, pgTable, text, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import { profiles } from './accounts.ts';
import { currentUserId, decimal, jsonObject, now, timestamptz } from './column-types.ts';

/** The Digistore24 affiliate catalogue; everyone reads active products, admins write. */
export const shopProducts = pgTable('shop_products', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  description: text(),
  price: decimal(10, 2).notNull(),
  currency: text().notNull().default('USD'),
  category: text().notNull(),
  subcategory: text(),
  tags: text().array(),
  image_url: text(),
  thumbnail_url: text(),
  product_url: text(),
  is_featured: boolean().notNull().default(false),
  is_active: boolean().notNull().default(true),
  stock_quantity: integer(),
  digistore24_id: varchar({ length: 255 }).unique(),
  commission_percentage: decimal(5, 2),
  vendor_name: varchar({ length: 255 }),
  vendor_rating: decimal(3, 2),
  auto_approve: boolean().notNull().default(false),
  marketplace_category: varchar({ length: 100 }),
  last_synced_at: timestamptz(),
  metadata: jsonObject().notNull().default({}),
  created_at: timestamptz().notNull().default(now),
  updated_at: timestamptz().notNull().default(now),
});

/**
 * One row per platform, order and order item, written by the Digistore24 webhook.
 * order_item_id is '' for an order reported without items.
 */
export const affiliateSales = pgTable(
  'affiliate_sales',
  {
    id: uuid().primaryKey().defaultRandom(),
    user_id: uuid().references(() => profiles.id, { onDelete: 'cascade' }),
    product_id: uuid().references(() => shopProducts.id, { onDelete: 'set null' }),
    order_id: varchar({ length: 255 }).notNull(),
    order_item_id: varchar({ length: 255 }).notNull().default(''),
    transaction_id: varchar({ length: 255 }),
    external_product_id: varchar({ length: 255 }),
    sale_amount: decimal(10, 2).notNull(),
    commission_amount: decimal(10, 2).notNull(),
    commission_percentage: decimal(5, 2),
    currency: text().notNull().default('USD'),
    status: text({ enum: ['pending', 'confirmed', 'paid', 'refunded', 'chargeback', 'cancelled'] })
      .notNull()
      .default('pending'),
    platform: varchar({ length: 50 }).notNull().default('digistore24'),
    vendor_id: varchar({ length: 255 }),
    /** SHA-256 hex digest of the buyer's email, never the address. */
    customer_email: varchar({ length: 255 }),
    is_test: boolean().notNull().default(false),
    refunded_at: timestamptz(),
    chargeback_at: timestamptz(),
    tracking_id: text(),
    referrer_url: text(),
    metadata: jsonObject().notNull().default({}),
    confirmed_at: timestamptz(),
    paid_at: timestamptz(),
    created_at: timestamptz().notNull().default(now),
    updated_at: timestamptz().notNull().default(now),
  },
  (t) => [unique('affiliate_sales_order_item_key').on(t.platform, t.order_id, t.order_item_id)],
);

export const userWishlists = pgTable(
  'user_wishlists',
  {
    id: uuid().primaryKey().defaultRandom(),
    user_id: uuid()
      .notNull()
      .default(currentUserId)
      .references(() => profiles.id, { onDelete: 'cascade' }),
    product_id: uuid()
      .notNull()
      .references(() => shopProducts.id, { onDelete: 'cascade' }),
    notes: text(),
    priority: integer().notNull().default(0),
    created_at: timestamptz().notNull().default(now),
  },
  (t) => [unique('user_wishlists_user_id_product_id_key').on(t.user_id, t.product_id)],
);

export const systemSettings = pgTable('system_settings', {
  id: uuid().primaryKey().defaultRandom(),
  setting_key: text().notNull().unique(),
  setting_value: jsonb().notNull(),
  description: text(),
  updated_by: uuid().references(() => profiles.id, { onDelete: 'set null' }),
  created_at: timestamptz().notNull().default(now),
  updated_at: timestamptz().notNull().default(now),
});

export const digistore24SyncLogs = pgTable('digistore24_sync_logs', {
  id: uuid().primaryKey().defaultRandom(),
  sync_started_at: timestamptz().notNull(),
  sync_completed_at: timestamptz(),
  products_added: integer().notNull().default(0),
  products_updated: integer().notNull().default(0),
  products_removed: integer().notNull().default(0),
  categories_synced: text().array(),
  error_message: text(),
  sync_duration_seconds: decimal(10, 2),
  created_at: timestamptz().notNull().default(now),
});

export const digistore24WebhookLogs = pgTable('digistore24_webhook_logs', {
  id: uuid().primaryKey().defaultRandom(),
  event_type: varchar({ length: 50 }).notNull(),
  order_id: varchar({ length: 255 }),
  product_id: varchar({ length: 255 }),
  request_data: jsonObject().notNull(),
  signature_valid: boolean(),
  processed: boolean().notNull().default(false),
  error_message: text(),
  created_at: timestamptz().notNull().default(now),
});

export type ShopProduct = typeof shopProducts.$inferSelect;
export type NewShopProduct = typeof shopProducts.$inferInsert;
export type AffiliateSale = typeof affiliateSales.$inferSelect;
export type NewAffiliateSale = typeof affiliateSales.$inferInsert;
export type UserWishlist = typeof userWishlists.$inferSelect;
export type NewUserWishlist = typeof userWishlists.$inferInsert;
export type SystemSetting = typeof systemSettings.$inferSelect;
export type NewSystemSetting = typeof systemSettings.$inferInsert;
export type Digistore24SyncLog = typeof digistore24SyncLogs.$inferSelect;
export type NewDigistore24SyncLog = typeof digistore24SyncLogs.$inferInsert;
export type Digistore24WebhookLog = typeof digistore24WebhookLogs.$inferSelect;
export type NewDigistore24WebhookLog = typeof digistore24WebhookLogs.$inferInsert;
