import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { requireAdmin } from '../auth/require-admin.ts';
import { requireCaller } from '../auth/authenticate.ts';
import { requestTransaction, withRequestTransaction } from '../database/request-transaction.ts';
import type { AppEnv } from '../env.ts';
import { problems, type ProblemStatus } from './problems.ts';

/**
 * Who may call an operation, declared on the operation itself:
 * - `user`: a signed-in caller, under their own claims;
 * - `public`: anyone; a token, when sent, must still be valid and makes the caller known;
 * - `admin`: an active administrator, with the admin scope the admin policies require.
 */
export type Access = 'user' | 'public' | 'admin';

const middlewareFor: Record<Access, MiddlewareHandler<AppEnv>[]> = {
  user: [requireCaller, withRequestTransaction],
  public: [withRequestTransaction],
  admin: [requireCaller, withRequestTransaction, requireAdmin],
};

const oneStatementTransaction = requestTransaction({ oneStatement: true });

const bearerAuth = [{ bearerAuth: [] }];

/** What an operation states itself; tags, security, access and the standard problems come from its group. */
type OperationConfig = Omit<RouteConfig, 'tags' | 'security' | 'middleware' | 'operationId'> & {
  /** Named for what it does, the same name as the domain function it calls (`logExpense`). */
  operationId: string;
  /** Problems beyond the ones every operation of this shape can answer (409, 429, ...). */
  problems?: ProblemStatus[];
  /**
   * `false` for the rare operation that must not hold one transaction for the whole
   * request (a PAM turn waits on a model for seconds): it opens its own, short ones.
   */
  transaction?: false;
  /**
   * `true` when the handler runs exactly one statement, and that statement is its whole
   * effect (a list, a get, an insert or update with RETURNING). The statement then
   * travels with the caller's claims and the COMMIT, as one round trip on pg and one HTTP
   * transaction on Neon. A second statement is refused with a 500, so the test suite
   * (run against a server) finds a wrong declaration. A 4xx decided after the statement
   * does not roll it back: it has committed.
   */
  oneStatement?: true;
};

type Operation<R extends OperationConfig> = Omit<R, 'problems' | 'transaction' | 'oneStatement'> & {
  tags: string[];
  security: typeof bearerAuth | [];
  getRoutingPath(): string;
};

/**
 * The operations of one resource: `const operation = operationsOf('Expenses')`, then
 * `operation({ method: 'post', path: '/expenses', operationId: 'logExpense', ... })`.
 * Every operation documents the problems its shape can produce (401 and 502 with a
 * token, 403 for admin, 404 with path parameters, 400 with input, 413 and 415 with a
 * body, 503 when the database is down), so no route file lists them by hand.
 */
export function operationsOf(tag: string, access: Access = 'user') {
  return function operation<const R extends OperationConfig>(config: R): Operation<R> {
    const { problems: extra = [], transaction, oneStatement, ...route } = config;
    const statuses = new Set<ProblemStatus>([...standardProblems(route, access), ...extra]);
    if (transaction === false && access === 'admin') throw new Error('admin operations run in the request transaction');
    // The admin check is a statement of its own.
    if (oneStatement && (transaction === false || access === 'admin')) throw new Error(`${route.operationId}: only user and public operations in the request transaction run as one statement`);
    const middleware = middlewareFor[access]
      .filter((handler) => transaction !== false || handler !== withRequestTransaction)
      .map((handler) => (oneStatement && handler === withRequestTransaction ? oneStatementTransaction : handler));
    return createRoute({
      ...route,
      tags: [tag],
      security: access === 'public' ? [] : bearerAuth,
      middleware,
      responses: { ...problems(...[...statuses].sort()), ...route.responses },
    }) as unknown as Operation<R>;
  };
}

function standardProblems(route: Omit<OperationConfig, 'problems'>, access: Access): ProblemStatus[] {
  const statuses: ProblemStatus[] = [503];
  // A public route still refuses a token it cannot verify.
  statuses.push(401, 502);
  if (access === 'admin') statuses.push(403);
  if (route.request?.params) statuses.push(404);
  if (route.request?.query || route.request?.body) statuses.push(400);
  if (route.request?.body) statuses.push(413, 415);
  return statuses;
}
