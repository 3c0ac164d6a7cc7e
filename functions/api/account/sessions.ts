import { listSessions, revokeSession, Session } from '../../account/sessions.ts';
import { listOf, PageQuery } from '../../database/pagination.ts';
import { jsonContent, newRouter } from '../../openapi.ts';
import { IdParam } from '../../shapes.ts';
import { operationsOf } from '../operation.ts';

const operation = operationsOf('Account');

const list = operation({
  method: 'get',
  path: '/sessions',
  operationId: 'listSessions',
  summary: 'Your sessions, newest first',
  request: { query: PageQuery },
  responses: { 200: { description: 'A page of sessions', content: jsonContent(listOf(Session, 'SessionList')) } },
});

const revoke = operation({
  method: 'delete',
  path: '/sessions/{id}',
  operationId: 'revokeSession',
  summary: 'Revoke a session',
  description: 'Later requests with that session’s tokens are answered 401. Revoking an ended session again is a no-op.',
  request: { params: IdParam },
  responses: { 204: { description: 'Revoked' } },
});

export const sessionsRouter = newRouter()
  .openapi(list, async (c) => c.json(await listSessions(c.var.db, c.req.valid('query'), c.var.caller!.sessionKeyHash), 200))
  .openapi(revoke, async (c) => {
    await revokeSession(c.var.db, c.req.valid('param').id);
    return c.body(null, 204);
  });
