import { z } from '@hono/zod-openapi';
import { and, eq, sql } from 'drizzle-orm';
import { userSessions } from '../../db/schema/index.ts';
import { listPage, type Page, type PageQuery } from '../database/pagination.ts';
import { findOr404 } from '../database/rows.ts';
import type { Database } from '../database/types.ts';
import { JsonObject, Timestamp, Uuid } from '../shapes.ts';

/**
 * The caller's sign-in sessions: one per device (or per token, for tokens without a
 * session_id). The policies show a user only their own and let them do one thing to
 * them: end them.
 */

/** A session as its owner sees it; the stored token hash is never returned. */
export const Session = z
  .object({
    id: Uuid,
    ip_address: z.string().nullable(),
    user_agent: z.string().nullable(),
    device_info: JsonObject.nullable(),
    location: JsonObject.nullable(),
    is_active: z.boolean(),
    expires_at: Timestamp.nullable(),
    created_at: Timestamp,
    ended_at: Timestamp.nullable(),
    current: z.boolean().openapi({ description: 'Whether this request was made with this session' }),
  })
  .openapi('Session');
export type Session = z.infer<typeof Session>;

/**
 * Newest first, a page at a time. `currentSessionKeyHash` is the caller's own session
 * key hash (`Caller.sessionKeyHash`): the session it names is marked `current`.
 */
export async function listSessions(db: Database, page: PageQuery, currentSessionKeyHash: string): Promise<Page<Session>> {
  const { data, next_cursor } = await listPage(db, userSessions, [], page);
  return {
    data: data.map(({ session_token, user_id: _owner, ...session }) => ({ ...session, current: session_token === currentSessionKeyHash })),
    next_cursor,
  };
}

/** Ends a session: later requests with its tokens are refused. Revoking an ended session again changes nothing. */
export async function revokeSession(db: Database, id: string): Promise<void> {
  const session = await findOr404(db, userSessions, id, 'session');
  if (!session.is_active) return;
  await db
    .update(userSessions)
    .set({ is_active: false, ended_at: sql`now()` })
    .where(and(eq(userSessions.id, id), eq(userSessions.is_active, true)));
}
