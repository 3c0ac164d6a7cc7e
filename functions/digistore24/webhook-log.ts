import { eq } from 'drizzle-orm';
import { digistore24WebhookLogs } from '../../db/schema/shop.ts';
import type { Database } from '../env.ts';
import { customerEmailHash, type IpnFields } from './sales.ts';
import { SIGNATURE_FIELDS } from './signature.ts';

/** event_type of a call whose body was refused unread (too large, wrong content type). */
export const UNREAD_EVENT = '(unread)';
/** event_type of a form without an `event` field. */
export const MISSING_EVENT = '(none)';

export interface WebhookLogEntry {
  fields: IpnFields;
  /** The body was refused before it was read, so there are no fields. */
  unread?: boolean;
  /** Null when the signature was never checked because the body was refused first. */
  signatureValid: boolean | null;
  processed?: boolean;
  errorMessage?: string | null;
}

/** Writes the log row of one call and returns its id; the fields are stored redacted. */
export async function insertWebhookLog(db: Database, entry: WebhookLogEntry): Promise<string> {
  const [row] = await db
    .insert(digistore24WebhookLogs)
    .values({
      event_type: truncate(entry.fields.event || (entry.unread ? UNREAD_EVENT : MISSING_EVENT), 50),
      order_id: entry.fields.order_id ? truncate(entry.fields.order_id, 255) : null,
      product_id: entry.fields.product_id ? truncate(entry.fields.product_id, 255) : null,
      request_data: await loggableIpnFields(entry.fields),
      signature_valid: entry.signatureValid,
      processed: entry.processed ?? false,
      error_message: entry.errorMessage ?? null,
    })
    .returning({ id: digistore24WebhookLogs.id });
  return row.id;
}

export async function settleWebhookLog(
  db: Database,
  id: string,
  outcome: { processed: boolean; errorMessage?: string | null },
): Promise<void> {
  await db
    .update(digistore24WebhookLogs)
    .set({ processed: outcome.processed, error_message: outcome.errorMessage ?? null })
    .where(eq(digistore24WebhookLogs.id, id));
}

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
    else if (name.includes('email')) loggable[key] = `sha256:${await customerEmailHash(value)}`;
    else if (PERSONAL_FIELD.test(name) || SECRET_FIELD.test(name)) loggable[key] = REDACTED;
    else loggable[key] = withoutNul(value);
  }
  return loggable;
}

/** jsonb and text refuse U+0000; the log must take whatever was sent. */
function withoutNul(text: string): string {
  return text.replaceAll('\u0000', '\uFFFD');
}

function truncate(text: string, characters: number): string {
  const clean = withoutNul(text);
  return clean.length <= characters ? clean : Array.from(clean).slice(0, characters).join('');
}
