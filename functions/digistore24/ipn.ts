import type { Database } from '../database/types.ts';
import { reasonOf } from '../errors.ts';
import { applyDigistore24Event, type IpnFields } from './sales.ts';
import { insertSuppressedCallsLog, insertWebhookLog, settleWebhookLog, type SuppressedCalls } from './webhook-log.ts';

/**
 * What becomes of the calls made to the IPN receiver: a verified one leaves a log row
 * (redacted, see webhook-log.ts) and changes the sales; a refused one leaves a log row,
 * or, past the first of its window, a count in one summary row (the receiver decides
 * which, see functions/webhooks/refused-calls.ts). All of it is PAM's own work, done as
 * service_role.
 */

/**
 * Logs a verified IPN and applies its event to the sales. Both commit together; the event
 * runs in a savepoint, so when it fails the log row still records why. Returns the error
 * that kept the event from being stored (the caller answers it, and Digistore24 retries),
 * or null once it is stored.
 */
export async function recordVerifiedIpn(db: Database, fields: IpnFields): Promise<unknown> {
  const logId = await insertWebhookLog(db, { fields, signatureValid: true });
  try {
    const outcome = await db.transaction((savepoint) => applyDigistore24Event(savepoint as unknown as Database, fields));
    await settleWebhookLog(db, logId, { processed: outcome.processed });
    return null;
  } catch (error) {
    // For the admin-only log; the answer to Digistore24 never carries it.
    await settleWebhookLog(db, logId, { processed: false, errorMessage: reasonOf(error) });
    return error;
  }
}

/** Logs a call refused for its signature (`reason` says why); nothing else changes. */
export async function recordRefusedIpn(db: Database, fields: IpnFields, reason: string): Promise<void> {
  await insertWebhookLog(db, { fields, signatureValid: false, errorMessage: reason });
}

/** Logs a call whose body was refused before it was read (too large, not a form). */
export async function recordUnreadIpn(db: Database, reason: string): Promise<void> {
  await insertWebhookLog(db, { fields: {}, unread: true, signatureValid: null, errorMessage: reason });
}

/** Writes one summary row per window of refused calls that were counted rather than logged. */
export async function recordSuppressedIpns(db: Database, windows: readonly SuppressedCalls[]): Promise<void> {
  for (const calls of windows) await insertSuppressedCallsLog(db, calls);
}
