import { TransactionRollbackError } from 'drizzle-orm';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.ts';
import { executionContextOf } from '../execution-context.ts';
import { actAsCaller, type RequestOrigin } from './transactions.ts';
import type { ConnectOptions, Database, DatabaseConnection } from './types.ts';

/**
 * Runs the request's database work in one transaction whose first statement sets the
 * caller's claims and role (all LOCAL, so nothing outlives the transaction) and checks
 * the session. On pg and Neon that statement travels with the request's first statement
 * (connect.ts), so a request with one query costs two round trips (BEGIN, claims and the
 * query; COMMIT), and one where the operation declares it runs one statement
 * (`oneStatement`): there the COMMIT travels too, or on Neon the three are one HTTP
 * transaction. Any error or 4xx/5xx response rolls back what has not committed.
 * Operations declare it (functions/api/operation.ts); routes without a database never open one.
 */
export function requestTransaction(options: ConnectOptions = {}) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const connection = await c.var.connectDatabase(c.env, options);
    try {
      await connection.db.transaction(async (tx) => {
        const db = tx as unknown as Database;
        await actAsCaller(connection, db, c.get('caller'), requestOrigin(c));
        c.set('db', db);
        await next();
        if (c.error || c.res.status >= 400) tx.rollback();
      });
    } catch (error) {
      if (!(error instanceof TransactionRollbackError)) throw error;
    } finally {
      closeWhenDone(c, connection);
    }
  });
}

export const withRequestTransaction = requestTransaction();

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
