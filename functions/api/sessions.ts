import { createRoute, z } from '@hono/zod-openapi';
import { and, eq, sql } from 'drizzle-orm';
import { userSessions } from '../../db/schema/index.ts';
import { notFound } from '../errors.ts';
import { problems } from './problems.ts';
import { bearerAuth, jsonContent, newRouter } from '../openapi.ts';
import { listOf, listPage, PageQuery } from '../database/pagination.ts';
import { IdParam, JsonObject, Timestamp, Uuid } from '../shapes.ts';

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

const tags = ['Account'];
const security = bearerAuth;

const listSessions = createRoute({
  method: 'get',
  path: '/sessions',
  tags,
  security,
  summary: 'Your sessions, newest first',
  request: { query: PageQuery },
  responses: { 200: { description: 'A page of sessions', content: jsonContent(listOf(Session, 'SessionList')) }, ...problems(400, 401) },
});

const revokeSession = createRoute({
  method: 'delete',
  path: '/sessions/{id}',
  tags,
  security,
  summary: 'Revoke a session',
  description: 'Later requests with that session’s tokens are answered 401. Revoking an ended session again is a no-op.',
  request: { params: IdParam },
  responses: { 204: { description: 'Revoked' }, ...problems(401, 404) },
});

export const sessionsRouter = newRouter()
  .openapi(listSessions, async (c) => {
    const page = await listPage(c.var.db, userSessions, [], c.req.valid('query'));
    const currentHash = c.var.caller!.sessionKeyHash;
    return c.json(
      {
        data: page.data.map(({ session_token, user_id: _owner, ...session }) => ({
          ...session,
          current: session_token === currentHash,
        })),
        next_cursor: page.next_cursor,
      },
      200,
    );
  })
  .openapi(revokeSession, async (c) => {
    const { id } = c.req.valid('param');
    const [session] = await c.var.db.select({ id: userSessions.id, is_active: userSessions.is_active }).from(userSessions).where(eq(userSessions.id, id));
    if (!session) throw notFound('session');
    if (session.is_active) {
      await c.var.db
        .update(userSessions)
        .set({ is_active: false, ended_at: sql`now()` })
        .where(and(eq(userSessions.id, id), eq(userSessions.is_active, true)));
    }
    return c.body(null, 204);
  });
