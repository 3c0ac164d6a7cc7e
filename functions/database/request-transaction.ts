import { TransactionRollbackError } from 'drizzle-orm';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.ts';
import { executionContextOf } from '../execution-context.ts';
import { actAsCaller, type RequestOrigin } from './transactions.ts';
import type { Database, DatabaseConnection } from './types.ts';

/**
 * Runs the request's database work in one transaction whose first statement sets the
 * caller's claims and role (all LOCAL, so nothing outlives the transaction) and checks
 * the session in the same round trip; on pg, BEGIN travels with that statement too
 * (connect.ts), so a request with one query costs three round trips: BEGIN and the claims,
 * the query, COMMIT. Any error or 4xx/5xx response rolls it back.
 * Operations declare it (functions/api/operation.ts); routes without a database never open one.
 */
export const withRequestTransaction = createMiddleware<AppEnv>(async (c, next) => {
  const connection = await c.var.connectDatabase(c.env);
  try {
    await connection.db.transaction(async (tx) => {
      await actAsCaller(tx as unknown as Database, c.get('caller'), requestOrigin(c));
      c.set('db', tx as unknown as Database);
      await next();
      if (c.error || c.res.status >= 400) tx.rollback();
    });
  } catch (error) {
    if (!(error instanceof TransactionRollbackError)) throw error;
  } finally {
    closeWhenDone(c, connection);
  }
});

function requestOrigin(c: Context<AppEnv>): RequestOrigin {
  return {
    ip: validIpAddress(c.req.header('cf-connecting-ip') ?? ''),
    userAgent: (c.req.header('user-agent') ?? '').slice(0, 512),
  };
}

function closeWhenDone(c: Context<AppEnv>, connection: DatabaseConnection): void {
  const closing = connection.close();
  // Outside Workers there is no execution context; the close then settles on its own.
  executionContextOf(c)?.waitUntil(closing);
}

/** The address if it is one Postgres' inet will accept, else ''. */
export function validIpAddress(raw: string): string {
  const octets = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(raw);
  if (octets) return octets.slice(1).every((octet) => Number(octet) <= 255) ? raw : '';
  if (!raw.includes(':') || raw.length > 45) return '';
  try {
    return new URL(`http://[${raw}]/`).hostname.slice(1, -1);
  } catch {
    return '';
  }
}
