import { eq, inArray, sql } from 'drizzle-orm';
import { type Digistore24SyncLog, digistore24SyncLogs, shopProducts } from '../../db/schema/index.ts';
import { withServiceRole, withSharedConnection } from '../database/transactions.ts';
import type { ConnectDatabase, Database } from '../database/types.ts';
import type { Env } from '../env.ts';
import { reasonOf } from '../errors.ts';
import { Digistore24Client, Digistore24Error } from './api-client.ts';

/**
 * The Digistore24 product sync: the marketplace listing (`listMarketplaceEntries`) becomes
 * `shop_products`, keyed by `digistore24_id` (the entry's main product id, the id IPNs and
 * checkout links use).
 *
 * - Batches: one listing page of PAGE_SIZE entries is written in one transaction of its
 *   own (three statements), which also adds that page's counts to the run's
 *   `digistore24_sync_logs` row. A failure part-way leaves every earlier page committed
 *   and every product row either as it was or fully updated, and the log row says which
 *   call or page failed. Nothing is deactivated unless the whole listing was read.
 * - Limits: a Worker invocation may make 50 subrequests on the free plan (1000 on paid
 *   ones). A run reads at most MAX_PAGES pages (2,000 products) and makes at most
 *   MAX_API_REQUESTS calls to Digistore24, retries included, over one database
 *   connection. A catalogue longer than that is synced up to the limit and nothing is
 *   deactivated; raise the limits on a paid plan. Measured in bench/product-sync.ts.
 * - Columns listed in `metadata.manual_fields` (set by the admin product routes) are
 *   never written. Other metadata keys are kept; the sync owns `metadata.digistore24`.
 * - A product that left the listing is deactivated, never deleted (wishlists and sales
 *   point at it), and only if the sync wrote it (it carries `metadata.digistore24`): a
 *   product an administrator added by hand is theirs. It is reactivated if it returns.
 * - An unchanged product is not written at all (no audit row, no `updated_at` churn), so
 *   `last_synced_at` is when the sync last changed it, and a second run reports 0/0/0.
 * - Runs that overlap (the cron and an administrator) are harmless: rows are locked
 *   while a page is compared and written, and inserts skip ids inserted meanwhile.
 */

export const PAGE_SIZE = 100;
export const MAX_PAGES = 20;
export const MAX_API_REQUESTS = 40;

export interface ProductSyncOptions {
  connect: ConnectDatabase;
  env: Env;
  fetch?: typeof fetch;
  pageSize?: number;
  maxPages?: number;
  maxApiRequests?: number;
  /** Per Digistore24 request. */
  timeoutMs?: number;
  maxRetryDelayMs?: number;
  now?: () => Date;
}

/** Runs the sync and returns its log row, which also records a failure. */
export async function syncProducts(options: ProductSyncOptions): Promise<Digistore24SyncLog> {
  return (await runProductSync(options)).log;
}

/**
 * The sync's log row, and what went wrong if the run did not read and write the whole
 * listing (skipped entries alone are noted in the log but are no failure). Throws only
 * when the database cannot be reached to write the log.
 */
export async function runProductSync(options: ProductSyncOptions): Promise<{ log: Digistore24SyncLog; failure: string | null }> {
  const { env } = options;
  const now = options.now ?? (() => new Date());
  const startedAt = now();
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const maxPages = options.maxPages ?? MAX_PAGES;

  return withSharedConnection(options.connect, env, async (connect) => {
    const [{ id: logId }] = await withServiceRole(connect, env, (db) =>
      db
        .insert(digistore24SyncLogs)
        .values({ sync_started_at: startedAt.toISOString() })
        .returning({ id: digistore24SyncLogs.id }),
    );

    const listed = new Set<string>();
    const categories = new Set<string>();
    const skipped: string[] = [];
    let failure: string | null = null;
    let stage = 'configuration';
    try {
      if (!env.DIGISTORE24_API_KEY) throw new Error('DIGISTORE24_API_KEY is not set; nothing was synced');
      stage = 'listMarketplaceEntries page 1';
      const client = new Digistore24Client({
        apiKey: env.DIGISTORE24_API_KEY,
        baseUrl: env.DIGISTORE24_API_URL,
        fetch: options.fetch,
        timeoutMs: options.timeoutMs,
        maxRetryDelayMs: options.maxRetryDelayMs,
        maxRequests: options.maxApiRequests ?? MAX_API_REQUESTS,
      });
      let complete = false;
      for await (const page of client.listPages('listMarketplaceEntries', {}, { pageSize, maxPages })) {
        stage = `writing page ${page.pageNo}`;
        const products: SyncedProduct[] = [];
        for (const entry of page.items) {
          const reading = productFromMarketplaceEntry(entry);
          if ('skipped' in reading) {
            skipped.push(reading.skipped);
            if (reading.digistore24Id) listed.add(reading.digistore24Id);
            continue;
          }
          if (listed.has(reading.product.digistore24_id)) continue;
          listed.add(reading.product.digistore24_id);
          categories.add(reading.product.values.category);
          products.push(reading.product);
        }
        const syncedAt = now().toISOString();
        await withServiceRole(connect, env, (db) => writePage(db, logId, products, syncedAt));
        complete = page.last;
        stage = `listMarketplaceEntries page ${page.pageNo + 1}`;
      }
      if (!complete) {
        failure = `stopped after ${maxPages} pages of ${pageSize}: the listing goes on, so no product was deactivated`;
      } else if (listed.size === 0) {
        // More likely an answer in a shape this code does not read than an empty marketplace.
        failure = 'the listing held no readable entry, so no product was deactivated';
      } else {
        stage = 'deactivating products that left the listing';
        const syncedAt = now().toISOString();
        await withServiceRole(connect, env, (db) => deactivateUnlisted(db, logId, listed, syncedAt));
      }
    } catch (error) {
      failure = `${stage}: ${describe(error)}`;
    }

    const finishedAt = now();
    const notes = [failure, skippedNote(skipped)].filter(Boolean).join('; ');
    const [log] = await withServiceRole(connect, env, (db) =>
      db
        .update(digistore24SyncLogs)
        .set({
          sync_completed_at: finishedAt.toISOString(),
          sync_duration_seconds: ((finishedAt.getTime() - startedAt.getTime()) / 1000).toFixed(2),
          categories_synced: [...categories].sort(),
          error_message: notes || null,
        })
        .where(eq(digistore24SyncLogs.id, logId))
        .returning(),
    );
    return { log, failure };
  });
}

const SYNCED_COLUMNS = [
  'name',
  'description',
  'price',
  'currency',
  'category',
  'marketplace_category',
  'image_url',
  'thumbnail_url',
  'vendor_name',
  'commission_percentage',
  'product_url',
] as const;
type SyncedColumn = (typeof SYNCED_COLUMNS)[number];

export interface SyncedProduct {
  digistore24_id: string;
  values: Record<SyncedColumn, string | null> & { name: string; price: string; currency: string; category: string };
  /** What `metadata.digistore24` holds: the entry's own ids and the fields PAM has no column for. */
  digistore24: Record<string, unknown>;
}

type Entry = Record<string, unknown>;

/**
 * Reads one marketplace entry (the fields getMarketplaceEntry documents: `id`,
 * `main_product_id`, `headline`, `description` as HTML, `price`, `currency`,
 * `product_category`, `affiliate_share`, ...). Image, vendor and sales page fields are
 * not documented and are taken when present under their likely names. An entry without
 * a product id, a name or a usable price is skipped.
 */
export function productFromMarketplaceEntry(entry: Entry): { product: SyncedProduct } | { skipped: string; digistore24Id: string | null } {
  const digistore24Id = text(entry.main_product_id ?? entry.product_id, 255);
  const entryId = text(entry.id ?? entry.entry_id, 255);
  const label = `entry ${entryId ?? '?'}`;
  if (!digistore24Id) return { skipped: `${label} has no product id`, digistore24Id: null };
  const name = text(entry.headline ?? entry.name ?? entry.title, 500);
  if (!name) return { skipped: `${label} has no name`, digistore24Id };
  const price = decimalString(entry.price, 8);
  if (price === null) return { skipped: `${label} has no usable price`, digistore24Id };

  const marketplaceCategory = text(entry.product_category ?? entry.category, 100);
  const share = decimalString(entry.affiliate_share, 3);
  const image = httpUrl(entry.image_url ?? entry.image ?? entry.product_image_url);
  const description = typeof entry.description === 'string' ? plainText(entry.description).slice(0, 20_000) : null;
  const currency = text(entry.currency, 3)?.toUpperCase();
  return {
    product: {
      digistore24_id: digistore24Id,
      values: {
        name,
        description: description || null,
        price,
        // Digistore24's own currency when an entry names none.
        currency: currency && /^[A-Z]{3}$/.test(currency) ? currency : 'EUR',
        category: categorySlug(marketplaceCategory),
        marketplace_category: marketplaceCategory,
        image_url: image,
        thumbnail_url: httpUrl(entry.thumbnail_url ?? entry.thumbnail) ?? image,
        vendor_name: text(entry.vendor_name ?? entry.vendor ?? entry.merchant_name, 255),
        commission_percentage: share !== null && Number(share) <= 100 ? share : null,
        product_url: httpUrl(entry.salespage_url ?? entry.product_url ?? entry.url),
      },
      digistore24: rawFields(entry, entryId),
    },
  };
}

const RAW_KEYS = [
  'all_product_ids',
  'language',
  'approval_status',
  'product_category_id',
  'is_price_msg_overriden',
  'product_created_at',
];

function rawFields(entry: Entry, entryId: string | null): Record<string, unknown> {
  const raw: Record<string, unknown> = { entry_id: entryId };
  for (const [key, value] of Object.entries(entry)) {
    if ((RAW_KEYS.includes(key) || key.startsWith('stats_')) && value !== undefined) raw[key] = value;
  }
  return raw;
}

interface StoredProduct extends Record<SyncedColumn, string | null> {
  id: string;
  digistore24_id: string | null;
  is_active: boolean;
  metadata: Record<string, unknown>;
}

async function writePage(db: Database, logId: string, products: SyncedProduct[], syncedAt: string): Promise<void> {
  if (products.length === 0) return;
  const stored = await db
    .select({
      id: shopProducts.id,
      digistore24_id: shopProducts.digistore24_id,
      is_active: shopProducts.is_active,
      metadata: shopProducts.metadata,
      ...Object.fromEntries(SYNCED_COLUMNS.map((column) => [column, shopProducts[column]])),
    })
    .from(shopProducts)
    .where(inArray(shopProducts.digistore24_id, products.map((p) => p.digistore24_id)))
    // In one order, so that overlapping runs queue for the rows instead of deadlocking.
    .orderBy(shopProducts.digistore24_id)
    .for('update');
  const byId = new Map((stored as unknown as StoredProduct[]).map((row) => [row.digistore24_id, row]));

  const fresh = products.filter((p) => !byId.has(p.digistore24_id));
  const changes = products.flatMap((p) => {
    const row = byId.get(p.digistore24_id);
    const change = row && plannedChange(row, p);
    return change ? [change] : [];
  });

  // Rows travel as one JSON parameter: building a hundred-row VALUES list costs far more CPU.
  let inserted = 0;
  if (fresh.length) {
    const rows = fresh.map((p) => ({ ...p.values, digistore24_id: p.digistore24_id, metadata: { digistore24: p.digistore24 } }));
    const result = await db.execute(sql`
      insert into public.shop_products (digistore24_id, name, description, price, currency, category,
                                        marketplace_category, image_url, thumbnail_url, vendor_name,
                                        commission_percentage, product_url, metadata, last_synced_at)
      select x.digistore24_id, x.name, x.description, x.price, x.currency, x.category,
             x.marketplace_category, x.image_url, x.thumbnail_url, x.vendor_name,
             x.commission_percentage, x.product_url, x.metadata, ${syncedAt}::timestamptz
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(
             digistore24_id text, name text, description text, price numeric, currency text, category text,
             marketplace_category text, image_url text, thumbnail_url text, vendor_name text,
             commission_percentage numeric, product_url text, metadata jsonb)
      on conflict (digistore24_id) do nothing
      returning id`);
    inserted = (result as unknown as { rows: unknown[] }).rows.length;
  }
  if (changes.length) {
    await db.execute(sql`
      update public.shop_products p
         set name = x.name, description = x.description, price = x.price, currency = x.currency,
             category = x.category, marketplace_category = x.marketplace_category,
             image_url = x.image_url, thumbnail_url = x.thumbnail_url, vendor_name = x.vendor_name,
             commission_percentage = x.commission_percentage, product_url = x.product_url,
             is_active = x.is_active, metadata = x.metadata, last_synced_at = ${syncedAt}::timestamptz
        from jsonb_to_recordset(${JSON.stringify(changes)}::jsonb) as x(
             id uuid, name text, description text, price numeric, currency text, category text,
             marketplace_category text, image_url text, thumbnail_url text, vendor_name text,
             commission_percentage numeric, product_url text, is_active boolean, metadata jsonb)
       where p.id = x.id`);
  }
  await db
    .update(digistore24SyncLogs)
    .set({
      products_added: sql`${digistore24SyncLogs.products_added} + ${inserted}`,
      products_updated: sql`${digistore24SyncLogs.products_updated} + ${changes.length}`,
    })
    .where(eq(digistore24SyncLogs.id, logId));
}

/** The row as the sync would leave it, or null when that is how it already is. */
function plannedChange(row: StoredProduct, product: SyncedProduct): Record<string, unknown> | null {
  const manual = new Set(manualFields(row.metadata));
  const next: Record<string, unknown> = { id: row.id };
  let changed = false;
  for (const column of SYNCED_COLUMNS) {
    next[column] = manual.has(column) ? row[column] : product.values[column];
    if (next[column] !== row[column]) changed = true;
  }
  next.is_active = manual.has('is_active') ? row.is_active : true;
  if (next.is_active !== row.is_active) changed = true;
  if (stableJson(row.metadata.digistore24) !== stableJson(product.digistore24)) changed = true;
  next.metadata = { ...row.metadata, digistore24: product.digistore24 };
  return changed ? next : null;
}

async function deactivateUnlisted(db: Database, logId: string, listed: Set<string>, syncedAt: string): Promise<void> {
  const result = await db.execute(sql`
    update public.shop_products
       set is_active = false, last_synced_at = ${syncedAt}::timestamptz
     where digistore24_id is not null
       and is_active
       and metadata -> 'digistore24' is not null
       and not coalesce(metadata -> 'manual_fields' @> '["is_active"]'::jsonb, false)
       and digistore24_id not in (select jsonb_array_elements_text(${JSON.stringify([...listed])}::jsonb))
    returning id`);
  const removed = (result as unknown as { rows: unknown[] }).rows.length;
  await db.update(digistore24SyncLogs).set({ products_removed: removed }).where(eq(digistore24SyncLogs.id, logId));
}

function manualFields(metadata: Record<string, unknown>): string[] {
  const fields = metadata.manual_fields;
  return Array.isArray(fields) ? fields.filter((field): field is string => typeof field === 'string') : [];
}

function skippedNote(skipped: string[]): string {
  if (skipped.length === 0) return '';
  const shown = skipped.slice(0, 5).join(', ');
  return `${skipped.length} entries skipped (${shown}${skipped.length > 5 ? ', ...' : ''})`;
}

/** Digistore24's own errors already say what failed; anything else is told without the SQL a driver error repeats. */
function describe(error: unknown): string {
  return error instanceof Digistore24Error ? error.message : reasonOf(error, 500);
}

function text(value: unknown, maxLength: number): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const trimmed = String(value).trim();
  return trimmed ? trimmed.slice(0, maxLength) : null;
}

/**
 * A non-negative decimal (`19.99`, `19,99`, `19.5` or the number 19.5) as a string with
 * two places, rounded half up on the digits themselves: money never goes through a float.
 */
export function decimalString(value: unknown, maxIntegerDigits: number): string | null {
  const raw = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : typeof value === 'string' ? value.trim() : '';
  const match = /^(\d+)(?:[.,](\d+))?$/.exec(raw);
  if (!match) return null;
  const fraction = (match[2] ?? '').padEnd(3, '0');
  let cents = BigInt(match[1]) * 100n + BigInt(fraction.slice(0, 2));
  if (Number(fraction[2]) >= 5) cents += 1n;
  const whole = (cents / 100n).toString();
  if (whole.length > maxIntegerDigits) return null;
  return `${whole}.${(cents % 100n).toString().padStart(2, '0')}`;
}

function httpUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 2000) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : null;
  } catch {
    return null;
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Entry descriptions are vendor HTML; the catalogue holds plain text, which clients escape like any other. */
export function plainText(html: string): string {
  return html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\s*\/?>|<\/(p|div|li|h[1-6])\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** `Health & Fitness` → `health-fitness`: the catalogue's category, filterable in URLs. */
export function categorySlug(category: string | null): string {
  const slug = (category ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
  return slug || 'uncategorized';
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  ) ?? 'undefined';
}
