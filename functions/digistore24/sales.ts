import { type SQL, sql } from 'drizzle-orm';
import { sha256Hex } from '../digests.ts';
import type { Database } from '../env.ts';
import { fixedStatement } from '../database/statements.ts';
import { ApiError } from '../errors.ts';
import { attributedUserId } from '../shop/checkout-link.ts';
import { columnText } from './column-text.ts';

/** An IPN's form fields after the signature check: one value per key. */
export type IpnFields = Readonly<Record<string, string>>;

/**
 * What PAM does with each Digistore24 event. PAM is the affiliate: a sale is a commission
 * it earns, so access-related events (missed payments, cancelled rebills) change no sale
 * but are noted on the order's sales for the record.
 */
export const DIGISTORE24_EVENTS = {
  /** Creates the sale, or confirms one that exists; never undoes a refund or chargeback. */
  on_payment: 'sale',
  /** Marks the sale refunded; creates it in that state if the payment has not arrived yet. */
  on_refund: 'sale',
  /** Marks the sale charged back; creates it in that state if the payment has not arrived yet. */
  on_chargeback: 'sale',
  /** Noted under metadata.subscription of the order's sales; no sale changes state. */
  on_payment_missed: 'subscription',
  payment_denial: 'subscription',
  on_rebill_cancelled: 'subscription',
  on_rebill_resumed: 'subscription',
  last_paid_day: 'subscription',
  /** Nothing of PAM's depends on these: logged and acknowledged. */
  on_affiliation: 'acknowledged',
  eticket: 'acknowledged',
  custom_form: 'acknowledged',
  connection_test: 'acknowledged',
} as const;

export type Digistore24Event = keyof typeof DIGISTORE24_EVENTS;

export function isKnownEvent(event: string): event is Digistore24Event {
  return Object.hasOwn(DIGISTORE24_EVENTS, event);
}

export interface EventOutcome {
  /** False for an event PAM has no handler for: acknowledged, nothing changed. */
  processed: boolean;
}

/** Applies one verified IPN to the sales; throws (and changes nothing) if it cannot be stored. */
export async function applyDigistore24Event(db: Database, fields: IpnFields): Promise<EventOutcome> {
  const event = fields.event ?? '';
  if (!isKnownEvent(event)) return { processed: false };
  switch (DIGISTORE24_EVENTS[event]) {
    case 'sale':
      await recordSale(db, event as SaleEvent, fields);
      break;
    case 'subscription':
      await noteSubscriptionEvent(db, event, fields);
      break;
    case 'acknowledged':
      break;
  }
  return { processed: true };
}

type SaleEvent = 'on_payment' | 'on_refund' | 'on_chargeback';

/** Later states win whatever order the events arrive in: a redelivered payment never undoes a refund. */
const STATUS_PRECEDENCE = sql`array['pending', 'confirmed', 'paid', 'cancelled', 'refunded', 'chargeback']`;

const PAYMENT_DETAIL_FIELDS = [
  'product_name',
  'billing_type',
  'pay_method',
  'pay_sequence_no',
  'number_of_installments',
  'order_date_time',
  'transaction_type',
  'affiliate_id',
  'affiliate_name',
  'campaignkey',
  'trackingkey',
] as const;

const REVERSAL_DETAIL_FIELDS = ['transaction_id', 'parent_transaction_id', 'amount', 'currency', 'order_date_time'] as const;

/** What one sale event's upsert is given; its text depends only on the event (saleUpsert). */
interface SaleValues {
  orderId: string;
  orderItemId: string;
  transactionId: string | null;
  /** As stored on the sale (column-text.ts), and as the shop's products are keyed. */
  storedProductId: string | null;
  productKey: string | null;
  userId: string | null;
  amount: string | null;
  commission: string;
  currency: string | null;
  status: string;
  vendorId: string | null;
  customerEmail: string | null;
  isTest: boolean;
  metadata: string;
}

/**
 * One upsert on affiliate_sales_order_item_key, so concurrent and repeated deliveries
 * meet in the row lock Postgres takes on conflict and leave one row. A delivery that
 * would change nothing does not touch the row (updated_at stays).
 */
function saleUpsert(event: SaleEvent) {
  const isPayment = event === 'on_payment';
  return fixedStatement<SaleValues>((p) => {
    // A reversal that arrives first stands in for the sale until the payment brings the real figures.
    const saleAmount = isPayment ? sql`${p.amount}::numeric` : sql`abs(coalesce(${p.amount}::numeric, 0))`;
    const commissionAmount = isPayment ? sql`${p.commission}::numeric` : sql`abs(${p.commission}::numeric)`;
    const updates: Record<string, SQL> = {
      status: sql`case when array_position(${STATUS_PRECEDENCE}, excluded.status)
                          > array_position(${STATUS_PRECEDENCE}, sale.status)
                       then excluded.status else sale.status end`,
      user_id: sql`coalesce(sale.user_id, excluded.user_id)`,
      product_id: sql`coalesce(sale.product_id, excluded.product_id)`,
      transaction_id: sql`coalesce(sale.transaction_id, excluded.transaction_id)`,
      external_product_id: sql`coalesce(sale.external_product_id, excluded.external_product_id)`,
      vendor_id: sql`coalesce(sale.vendor_id, excluded.vendor_id)`,
      customer_email: sql`coalesce(sale.customer_email, excluded.customer_email)`,
      metadata: sql`sale.metadata || excluded.metadata`,
      refunded_at: sql`coalesce(sale.refunded_at, excluded.refunded_at)`,
      chargeback_at: sql`coalesce(sale.chargeback_at, excluded.chargeback_at)`,
      confirmed_at: sql`coalesce(sale.confirmed_at, excluded.confirmed_at)`,
    };
    if (isPayment) {
      // The payment is the authority on what was sold and for how much.
      Object.assign(updates, {
        sale_amount: sql`excluded.sale_amount`,
        commission_amount: sql`excluded.commission_amount`,
        commission_percentage: sql`excluded.commission_percentage`,
        currency: sql`excluded.currency`,
        transaction_id: sql`coalesce(excluded.transaction_id, sale.transaction_id)`,
        is_test: sql`excluded.is_test`,
        product_id: sql`coalesce(excluded.product_id, sale.product_id)`,
      });
    }
    const columns = Object.keys(updates).map((column) => sql.identifier(column));
    const values = Object.values(updates);
    return sql`
      insert into public.affiliate_sales as sale
        (platform, order_id, order_item_id, transaction_id, external_product_id, user_id, product_id,
         sale_amount, commission_amount, commission_percentage, currency, status, vendor_id,
         customer_email, is_test, metadata, confirmed_at, refunded_at, chargeback_at)
      select 'digistore24', ${p.orderId}, ${p.orderItemId}, ${p.transactionId}, ${p.storedProductId},
             (select pr.id from public.profiles pr where pr.id = ${p.userId}::uuid),
             (select s.id from public.shop_products s where s.digistore24_id = ${p.productKey}),
             figures.sale_amount, figures.commission_amount,
             case when figures.sale_amount > 0 and figures.commission_amount between 0 and figures.sale_amount
                  then round(figures.commission_amount * 100 / figures.sale_amount, 2) end,
             coalesce(${p.currency}, 'USD'), ${p.status}, ${p.vendorId},
             ${p.customerEmail}, ${p.isTest}, ${p.metadata}::jsonb,
             ${isPayment ? sql`now()` : sql`null`}, ${event === 'on_refund' ? sql`now()` : sql`null`},
             ${event === 'on_chargeback' ? sql`now()` : sql`null`}
        from (select ${saleAmount} as sale_amount, ${commissionAmount} as commission_amount) figures
      on conflict on constraint affiliate_sales_order_item_key do update
         set (${sql.join(columns, sql`, `)}) = (${sql.join(values, sql`, `)})
       where (${sql.join(
         columns.map((column) => sql`sale.${column}`),
         sql`, `,
       )}) is distinct from (${sql.join(values, sql`, `)})`;
  });
}

const SALE_UPSERTS = { on_payment: saleUpsert('on_payment'), on_refund: saleUpsert('on_refund'), on_chargeback: saleUpsert('on_chargeback') };

async function recordSale(db: Database, event: SaleEvent, fields: IpnFields): Promise<void> {
  const isPayment = event === 'on_payment';
  const { orderId, orderItemId } = saleKey(fields);
  const externalProductId = nonEmpty(fields.product_id);
  const email = nonEmpty(fields.buyer_email) ?? nonEmpty(fields.email);
  const metadata = isPayment
    ? { payment: pick(fields, PAYMENT_DETAIL_FIELDS) }
    : { [event === 'on_refund' ? 'refund' : 'chargeback']: pick(fields, REVERSAL_DETAIL_FIELDS) };
  await SALE_UPSERTS[event](db, {
    orderId,
    orderItemId,
    // A reversal's own transaction is not the sale's; its parent is the payment it reverses.
    transactionId: columnTextOrNull(nonEmpty(isPayment ? fields.transaction_id : fields.parent_transaction_id)),
    storedProductId: columnTextOrNull(externalProductId),
    productKey: externalProductId,
    userId: attributedUserId(fields.custom ?? ''),
    amount: money(fields.amount, 'amount', isPayment),
    commission: money(fields.amount_affiliate, 'amount_affiliate', false) ?? '0',
    currency: currencyCode(fields.currency, isPayment),
    status: { on_payment: 'confirmed', on_refund: 'refunded', on_chargeback: 'chargeback' }[event],
    vendorId: columnTextOrNull(nonEmpty(fields.merchant_id) ?? nonEmpty(fields.merchant_name)),
    customerEmail: email === null ? null : customerEmailHash(email),
    isTest: fields.api_mode === 'test',
    metadata: JSON.stringify(metadata),
  });
}

/** The order and order item ids as stored (see column-text.ts), with room left in the item for a rebill's `#<n>`. */
const ORDER_ID_CHARACTERS = 255;
const ORDER_ITEM_CHARACTERS = 230;

function storedOrderKey(fields: IpnFields): { orderId: string | null; item: string } {
  const orderId = nonEmpty(fields.order_id);
  return {
    orderId: orderId === null ? null : columnText(orderId, ORDER_ID_CHARACTERS),
    item: columnText(fields.order_item_id ?? '', ORDER_ITEM_CHARACTERS),
  };
}

/**
 * Rebill payments share the order and item, so each later payment (pay_sequence_no 2, 3,
 * ...) gets a key of its own: every payment is a commission. The first payment, and the
 * reversals that carry its sequence number, use the item id unchanged.
 */
export function saleKey(fields: IpnFields): { orderId: string; orderItemId: string } {
  const { orderId, item } = storedOrderKey(fields);
  if (!orderId) throw new ApiError('bad_request', 'The IPN has no order_id.');
  const sequence = Number(fields.pay_sequence_no);
  const orderItemId = Number.isInteger(sequence) && sequence > 1 ? columnText(`${item}#${sequence}`, 255) : item;
  return { orderId, orderItemId };
}

/**
 * Kept per event under metadata.subscription, so the order the notices arrive in does not
 * matter. Sales of the order item (every payment of it) are noted; none is created.
 */
async function noteSubscriptionEvent(db: Database, event: Digistore24Event, fields: IpnFields): Promise<void> {
  const { orderId, item } = storedOrderKey(fields);
  if (!orderId) return;
  const notice = JSON.stringify({
    [event]: pick(fields, ['transaction_id', 'billing_status', 'pay_sequence_no', 'order_date_time', 'last_paid_day']),
  });
  await NOTE_SUBSCRIPTION_EVENT(db, { orderId, item, rebills: `${item}#`, notice });
}

const NOTE_SUBSCRIPTION_EVENT = fixedStatement<{ orderId: string; item: string; rebills: string; notice: string }>(
  (p) => sql`
    update public.affiliate_sales
       set metadata = jsonb_set(metadata, '{subscription}',
                                coalesce(metadata -> 'subscription', '{}') || ${p.notice}::jsonb)
     where platform = 'digistore24' and order_id = ${p.orderId}
       and (${p.item} = '' or order_item_id = ${p.item} or starts_with(order_item_id, ${p.rebills}))
       and not coalesce(metadata -> 'subscription', '{}') @> ${p.notice}::jsonb`,
);

/** SHA-256 hex of the trimmed, lower-cased address: sales of one buyer can be matched without storing who it is. */
export function customerEmailHash(email: string): string {
  return sha256Hex(email.trim().toLowerCase());
}

/** At most 8 digits before the point (decimal(10,2)), after any leading zeros. */
const MONEY = /^-?0*\d{1,8}(\.\d+)?$/;

function money(value: string | undefined, field: string, required: boolean): string | null {
  const text = value?.trim() ?? '';
  if (text === '' && !required) return null;
  if (!MONEY.test(text)) throw new ApiError('bad_request', `The IPN's ${field} is not an amount.`);
  return text;
}

function currencyCode(value: string | undefined, required: boolean): string | null {
  const code = value?.trim().toUpperCase() ?? '';
  if (/^[A-Z]{3}$/.test(code)) return code;
  if (code === '' && !required) return null;
  throw new ApiError('bad_request', "The IPN's currency is not a three-letter code.");
}

function columnTextOrNull(value: string | null, maxCharacters = 255): string | null {
  return value === null ? null : columnText(value, maxCharacters);
}

function nonEmpty(value: string | undefined): string | null {
  const text = value?.trim();
  return text ? text : null;
}

function pick(fields: IpnFields, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.filter((name) => nonEmpty(fields[name])).map((name) => [name, fields[name]]));
}
