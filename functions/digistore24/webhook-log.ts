import { sql } from 'drizzle-orm';
import { digistore24WebhookLogs } from '../../db/schema/shop.ts';
import { fixedStatement } from '../database/statements.ts';
import type { Database } from '../env.ts';
import { columnText, withoutNul } from './column-text.ts';
import { customerEmailHash, type IpnFields } from './sales.ts';
import { SIGNATURE_FIELDS } from './signature.ts';

/** event_type of a call whose body was refused unread (too large, wrong content type). */
export const UNREAD_EVENT = '(unread)';
/** event_type of a form without an `event` field. */
export const MISSING_EVENT = '(none)';
/** event_type of the row that counts refused calls which were not logged one by one. */
export const SUPPRESSED_EVENT = '(suppressed)';

export interface WebhookLogEntry {
  fields: IpnFields;
  /** The body was refused before it was read, so there are no fields. */
  unread?: boolean;
  /** Null when the signature was never checked because the body was refused first. */
  signatureValid: boolean | null;
  processed?: boolean;
  errorMessage?: string | null;
}

/**
 * Writes the log row of one call and returns its id; the fields are stored redacted, in
 * full. The columns hold the forms the sales hold (column-text.ts), so a log row and its
 * sale share an order_id however long it was.
 */
export async function insertWebhookLog(db: Database, entry: WebhookLogEntry): Promise<string> {
  const { rows } = await INSERT_WEBHOOK_LOG(db, {
    eventType: columnText(entry.fields.event || (entry.unread ? UNREAD_EVENT : MISSING_EVENT), 50),
    orderId: entry.fields.order_id?.trim() ? columnText(entry.fields.order_id.trim(), 255) : null,
    productId: entry.fields.product_id?.trim() ? columnText(entry.fields.product_id.trim(), 255) : null,
    requestData: JSON.stringify(await loggableIpnFields(entry.fields)),
    signatureValid: entry.signatureValid,
    processed: entry.processed ?? false,
    errorMessage: entry.errorMessage ?? null,
  });
  return rows[0].id;
}

const INSERT_WEBHOOK_LOG = fixedStatement<
  {
    eventType: string;
    orderId: string | null;
    productId: string | null;
    requestData: string;
    signatureValid: boolean | null;
    processed: boolean;
    errorMessage: string | null;
  },
  { id: string }
>(
  (p) => sql`
    insert into ${digistore24WebhookLogs} (event_type, order_id, product_id, request_data, signature_valid, processed, error_message)
    values (${p.eventType}, ${p.orderId}, ${p.productId}, ${p.requestData}::jsonb, ${p.signatureValid}, ${p.processed}, ${p.errorMessage})
    returning id`,
);

/** Refused calls of one window that were counted rather than logged (see functions/webhooks/refused-calls.ts). */
export interface SuppressedCalls {
  windowStart: Date;
  windowEnd: Date;
  count: number;
  /** How many were answered with each status, e.g. `{ "403": 120, "415": 3 }`. */
  byStatus: Record<string, number>;
  /** How many of the window's refused calls were logged in full before counting began. */
  loggedInFull: number;
}

export async function insertSuppressedCallsLog(db: Database, calls: SuppressedCalls): Promise<void> {
  const from = calls.windowStart.toISOString();
  const until = calls.windowEnd.toISOString();
  await db.insert(digistore24WebhookLogs).values({
    event_type: SUPPRESSED_EVENT,
    request_data: { suppressed: calls.count, by_status: calls.byStatus, window_start: from, window_end: until },
    signature_valid: null,
    processed: false,
    error_message: `${calls.count} refused calls between ${from} and ${until} were counted, not logged (the first ${calls.loggedInFull} of the window were).`,
  });
}

export async function settleWebhookLog(
  db: Database,
  id: string,
  outcome: { processed: boolean; errorMessage?: string | null },
): Promise<void> {
  await SETTLE_WEBHOOK_LOG(db, { id, processed: outcome.processed, errorMessage: outcome.errorMessage ?? null });
}

const SETTLE_WEBHOOK_LOG = fixedStatement<{ id: string; processed: boolean; errorMessage: string | null }>(
  (p) => sql`update ${digistore24WebhookLogs} set processed = ${p.processed}, error_message = ${p.errorMessage} where id = ${p.id}`,
);

const REDACTED = '[redacted]';

/** Names, addresses, phone numbers, tax ids and IP addresses of the buyer, under any of Digistore24's prefixes. */
const PERSONAL_FIELD =
  /^(?:(?:buyer|address|delivery|billing|shipping|customer|payer)_)*(?:first_name|last_name|full_name|name|salutation|title|company|street|street2|street_name|street_number|house_number|city|zipcode|zip|postcode|state|phone|phone_no|mobile|mobile_no|fax|tax_id|vat_id|birthday|birth_date|ip|ip_address)$/;
/** Per-order links (receipt, invoice, refund request...) open the buyer's order to whoever holds them. */
const SECRET_FIELD = /(?:password|passphrase|secret|token|_key$|_url$|_link$)/;

/**
 * The request as the log keeps it: the signature dropped, email addresses replaced by
 * their SHA-256 (the same digest as affiliate_sales.customer_email, so a log row can be
 * matched to its sale), other personal data and access links replaced by a marker.
 */
export async function loggableIpnFields(fields: IpnFields): Promise<Record<string, string>> {
  const signatureFields = SIGNATURE_FIELDS.map((field) => field.toLowerCase());
  const loggable: Record<string, string> = {};
  for (const [rawKey, value] of Object.entries(fields)) {
    const key = withoutNul(rawKey);
    const name = key.toLowerCase();
    if (signatureFields.includes(name)) continue;
    if (value === '') loggable[key] = '';
    else if (name.includes('email')) loggable[key] = `sha256:${customerEmailHash(value)}`;
    else if (PERSONAL_FIELD.test(name) || SECRET_FIELD.test(name)) loggable[key] = REDACTED;
    else loggable[key] = withoutNul(value);
  }
  return loggable;
}
