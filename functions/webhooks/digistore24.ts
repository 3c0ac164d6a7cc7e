import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { ProblemSchema } from '../api/problems.ts';
import { withServiceRole } from '../database/transactions.ts';
import type { ConnectDatabase, Database, DatabaseConfig } from '../database/types.ts';
import { recordRefusedIpn, recordSuppressedIpns, recordUnreadIpn, recordVerifiedIpn } from '../digistore24/ipn.ts';
import type { IpnFields } from '../digistore24/sales.ts';
import { signatureRefusal } from '../digistore24/signature.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { newRouter } from '../openapi.ts';
import { REFUSED_CALL_WINDOW_MS, REFUSED_CALLS_LOGGED_PER_WINDOW, RefusedCalls } from './refused-calls.ts';

export const DIGISTORE24_IPN_PATH = '/webhooks/digistore24';

/** A real IPN (about 170 short fields) is a few kilobytes. */
export const MAX_IPN_BYTES = 64 * 1024;

/**
 * Digistore24's instant payment notifications. Authenticated by `sha_sign` alone, so it
 * runs outside /api/v1's token and per-request transaction: its work is PAM's own, done
 * as service_role. Every verified call is logged, and the refused ones up to a bound
 * (refused-calls.ts); only a stored event is answered `OK`, so Digistore24 retries
 * anything else. `refused` is per router, and so per isolate: index.ts builds one app.
 */
export function digistore24WebhookRouter(connect: ConnectDatabase, refused = new RefusedCalls()) {
  const router = newRouter();
  documentRoutes(router);

  /**
   * Runs `work` as service_role and writes, beside it, the counts of refused calls whose
   * window has ended. In a savepoint: a count that cannot be written must not cost the
   * call its own work; it is kept for the next call instead.
   */
  async function withServiceRoleAndCounts<T>(env: DatabaseConfig, work: (db: Database) => Promise<T>): Promise<T> {
    const counts = refused.takeUnwritten();
    if (counts.length === 0) return withServiceRole(connect, env, work);
    let written = false;
    try {
      return await withServiceRole(connect, env, async (db) => {
        written = await db
          .transaction(async (savepoint) => {
            await recordSuppressedIpns(savepoint as unknown as Database, counts);
            return true;
          })
          .catch(() => false);
        return work(db);
      });
    } catch (error) {
      written = false;
      throw error;
    } finally {
      if (!written) refused.giveBack(counts);
    }
  }

  /** Logs a refused call when it is among the first of its window; the caller answers it either way. */
  async function logRefusal(env: DatabaseConfig, status: number, record: (db: Database) => Promise<void>): Promise<void> {
    if (refused.admit(status)) await withServiceRoleAndCounts(env, record);
  }

  // Digistore24 checks the URL with a GET when it is registered.
  router.get(DIGISTORE24_IPN_PATH, (c) => c.text('OK', 200));

  router.post(DIGISTORE24_IPN_PATH, async (c) => {
    const fields = await readIpnForm(c, (status, reason) =>
      // Best effort: the refusal is answered whether or not the database takes the log row.
      logRefusal(c.env, status, (db) => recordUnreadIpn(db, reason)).catch(() => {}),
    );
    const refusal = signatureRefusal(c.env.DIGISTORE24_IPN_PASSPHRASE, fields);
    if (refusal) {
      await logRefusal(c.env, 403, (db) => recordRefusedIpn(db, fields, refusal));
      throw new ApiError('forbidden', 'The IPN signature is missing or does not match.');
    }
    // The log row commits even when the event fails, so the failure comes back rather than being thrown.
    const failure = await withServiceRoleAndCounts(c.env, (db) => recordVerifiedIpn(db, fields));
    if (failure) throw failure;
    return c.text('OK', 200);
  });

  return router;
}

type LogUnreadBody = (status: number, reason: string) => Promise<void>;

async function readIpnForm(c: Context<AppEnv>, logUnread: LogUnreadBody): Promise<IpnFields> {
  const contentType = c.req.header('content-type') ?? '';
  const multipart = /^multipart\/form-data\s*;/i.test(contentType);
  if (!multipart && !/^application\/x-www-form-urlencoded\s*(;|$)/i.test(contentType)) {
    await logUnread(415, `Refused unread: Content-Type "${contentType.slice(0, 100)}" is not a form.`);
    throw new ApiError('unsupported_media_type', 'Send the IPN as application/x-www-form-urlencoded or multipart/form-data.');
  }
  const body = await bodyWithin(c.req.raw, MAX_IPN_BYTES);
  if (!body) {
    await logUnread(413, `Refused unread: the body exceeds ${MAX_IPN_BYTES} bytes.`);
    throw new ApiError('payload_too_large', `The IPN body exceeds ${MAX_IPN_BYTES} bytes.`);
  }
  if (!multipart) return Object.fromEntries(new URLSearchParams(new TextDecoder().decode(body)));
  try {
    const form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
    return Object.fromEntries([...form].filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    await logUnread(400, 'Refused: the multipart body cannot be parsed.');
    throw new ApiError('bad_request', 'The IPN body is not a valid multipart form.');
  }
}

/** The body, or null once it is known to exceed `limit` (declared or streamed) without reading the rest. */
async function bodyWithin(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (Number(request.headers.get('content-length') ?? 0) > limit) return null;
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

const IpnForm = z
  .object({
    event: z.string().openapi({ example: 'on_payment' }),
    sha_sign: z.string().openapi({ description: 'SHA-512 of the sorted non-empty fields and the IPN passphrase' }),
    order_id: z.string().optional(),
    order_item_id: z.string().optional(),
    product_id: z.string().optional(),
    amount: z.string().optional(),
    amount_affiliate: z.string().optional(),
    currency: z.string().optional(),
    custom: z.string().optional().openapi({ description: 'Carries `m:<user id>` from the checkout link' }),
  })
  .catchall(z.string())
  .openapi('Digistore24Ipn');

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

function documentRoutes(router: ReturnType<typeof newRouter>): void {
  const plainOk = { 'text/plain': { schema: z.string().openapi({ example: 'OK' }) } };
  router.openAPIRegistry.registerPath({
    method: 'get',
    path: DIGISTORE24_IPN_PATH,
    operationId: 'checkDigistore24Ipn',
    tags: ['Webhooks'],
    summary: 'URL check Digistore24 makes when the IPN is registered',
    security: [],
    responses: { 200: { description: 'Reachable', content: plainOk } },
  });
  router.openAPIRegistry.registerPath({
    method: 'post',
    path: DIGISTORE24_IPN_PATH,
    operationId: 'receiveDigistore24Ipn',
    tags: ['Webhooks'],
    summary: 'Digistore24 IPN (authenticated by sha_sign, not by token)',
    description:
      `Every signed call is logged in digistore24_webhook_logs, and so are the first ${REFUSED_CALLS_LOGGED_PER_WINDOW} refused calls ` +
      `(unsigned, wrongly signed, not a form) of every ${REFUSED_CALL_WINDOW_MS / 60_000} minutes; later ones are counted, and the count ` +
      'logged once those minutes are over. A stored event is answered 200 `OK`; anything else is an error Digistore24 retries. ' +
      'Redelivering an event changes nothing.',
    security: [],
    request: {
      body: {
        required: true,
        content: { 'application/x-www-form-urlencoded': { schema: IpnForm }, 'multipart/form-data': { schema: IpnForm } },
      },
    },
    responses: {
      200: { description: 'Stored (or acknowledged); body starts with `OK`', content: plainOk },
      400: problem('Malformed: no order_id, an amount that is not one, an unreadable multipart body'),
      403: problem('Signature missing or wrong, or no passphrase configured (logged or counted, nothing else changed)'),
      413: problem(`Body over ${MAX_IPN_BYTES} bytes`),
      415: problem('Not a form'),
      503: problem('Database unavailable: nothing stored, Digistore24 retries'),
    },
  });
}
