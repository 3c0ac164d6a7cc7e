import { sql } from 'drizzle-orm';
import type { Caller } from '../env.ts';
import { isSessionEnded, sessionEnded } from './errors.ts';
import { type FixedStatement, fixedStatement } from './statements.ts';
import type { ConnectDatabase, Database, DatabaseConfig, DatabaseConnection, DriverStatement } from './types.ts';

/**
 * The two ways work reaches the database: as a user, under their claims (requests, PAM's
 * tools), or as PAM itself, as service_role (webhooks, scheduled jobs). Each is one
 * transaction whose first statement sets the role and claims, all LOCAL.
 */

export interface RequestOrigin {
  ip: string;
  userAgent: string;
}

const SESSION_EXPIRY_MARGIN_SECONDS = 60;

/** A transaction's first statement, with its values: run here, or handed to a driver that sends it with the next one. */
interface OpeningStatement {
  run(tx: Database): Promise<unknown>;
  bound(): DriverStatement;
}

const opening = <V extends object>(statement: FixedStatement<V, unknown>, values: V): OpeningStatement => ({
  run: (tx) => statement(tx, values),
  bound: () => statement.bind(values),
});

/** The first statement of work without a user's claims: an anonymous visitor's, or PAM's own. */
const ROLE_WITHOUT_CLAIMS = fixedStatement<{ role: string }>(
  (p) => sql`select set_config('request.jwt.claims', '', true),
                    set_config('timezone', 'UTC', true),
                    set_config('role', ${p.role}, true)`,
);

const ANONYMOUS_STATEMENT = opening(ROLE_WITHOUT_CLAIMS, { role: 'anon' });
const SERVICE_ROLE_STATEMENT = opening(ROLE_WITHOUT_CLAIMS, { role: 'service_role' });

// The role becomes `authenticated` only when begin_request says the session is active, and
// every setting begin_request depends on (the claims, and the client's address and agent
// its audit trigger records) is made in an argument of the call, so Postgres applies them
// before it runs whatever the order of the select list. The claims travel once.
const ACT_AS_USER = fixedStatement<{
  claims: string;
  sessionKeyHash: string;
  ip: string;
  userAgent: string;
  sessionExpiresAt: string | null;
}>(
  (p) => sql`
    select set_config('timezone', 'UTC', true),
           set_config('role',
             case when private.begin_request(
                         set_config('request.jwt.claims', ${p.claims}, true)::jsonb,
                         ${p.sessionKeyHash},
                         nullif(set_config('request.client_ip', ${p.ip}, true), '')::inet,
                         nullif(set_config('request.user_agent', ${p.userAgent}, true), ''),
                         ${p.sessionExpiresAt}::timestamptz)
                  then 'authenticated' else private.refuse_ended_session() end,
             true)`,
);

/**
 * The statement that makes the rest of a transaction run as `caller` (or as an anonymous
 * visitor), after checking their session: it fails with SQLSTATE PS401 (answered 401)
 * when the session has ended, so nothing after it in the transaction runs.
 */
export function claimsStatement(caller: Caller | null, origin: RequestOrigin): OpeningStatement {
  if (!caller) return ANONYMOUS_STATEMENT;
  // Without a session_id the token itself is the session, and it ends with the token. The
  // verifier already enforces exp (with clock tolerance); the margin keeps the session from
  // refusing a token the verifier accepted.
  const sessionExpiresAt = caller.claims.session_id
    ? null
    : new Date((caller.claims.exp + SESSION_EXPIRY_MARGIN_SECONDS) * 1000).toISOString();
  return opening(ACT_AS_USER, {
    claims: JSON.stringify(caller.claims),
    sessionKeyHash: caller.sessionKeyHash,
    ip: origin.ip,
    userAgent: origin.userAgent,
    sessionExpiresAt,
  });
}

/**
 * Runs `statement` as the first of the transaction `tx` on `connection`. A driver that can
 * (pg in pipeline mode, Neon over HTTP) holds it back and sends it together with the
 * transaction's next statement, which saves a round trip; its failure then becomes that
 * statement's failure. Otherwise it is sent and awaited here.
 */
async function beginWith(connection: DatabaseConnection, tx: Database, statement: OpeningStatement): Promise<void> {
  if (connection.sendWithNextStatement) {
    connection.sendWithNextStatement(statement.bound());
    return;
  }
  await statement.run(tx);
}

/** Makes the rest of the transaction `tx` on `connection` run as `caller` (or anonymously). */
export function actAsCaller(connection: DatabaseConnection, tx: Database, caller: Caller | null, origin: RequestOrigin): Promise<void> {
  return beginWith(connection, tx, claimsStatement(caller, origin));
}

/**
 * Runs `work` as `caller` in a transaction of its own, exactly as a request would: what
 * PAM's tools use to act on a user's data, with the same row-level security as the routes.
 * Rolls back if `work` throws.
 */
export async function withCaller<T>(
  connect: ConnectDatabase,
  config: DatabaseConfig,
  caller: Caller,
  work: (db: Database) => Promise<T>,
  origin: RequestOrigin = { ip: '', userAgent: '' },
): Promise<T> {
  const connection = await connect(config);
  try {
    return await connection.db.transaction(async (tx) => {
      const db = tx as unknown as Database;
      await actAsCaller(connection, db, caller, origin);
      return work(db);
    });
  } catch (error) {
    // The claims statement's refusal arrives as the database error of whichever statement it travelled with.
    throw isSessionEnded(error) ? sessionEnded() : error;
  } finally {
    await connection.close();
  }
}

/**
 * Work that belongs to PAM itself rather than to a user (webhooks, scheduled jobs): one
 * connection, one transaction as `service_role` with no user claims, closed afterwards.
 * Rolls back if `work` throws.
 */
export async function withServiceRole<T>(
  connect: ConnectDatabase,
  env: DatabaseConfig,
  work: (db: Database) => Promise<T>,
): Promise<T> {
  const connection = await connect(env);
  try {
    return await connection.db.transaction(async (tx) => {
      const db = tx as unknown as Database;
      await beginWith(connection, db, SERVICE_ROLE_STATEMENT);
      return work(db);
    });
  } finally {
    await connection.close();
  }
}

/**
 * Opens one connection and hands `work` a ConnectDatabase that reuses it, so a job that
 * commits in several transactions (one per batch, through withServiceRole) pays for one
 * connection: one handshake, and one subrequest of a Worker's budget. Closed when `work`
 * settles. Nested calls reuse the outer connection. Its transactions must not overlap.
 */
export async function withSharedConnection<T>(
  connect: ConnectDatabase,
  config: DatabaseConfig,
  work: (connect: ConnectDatabase) => Promise<T>,
): Promise<T> {
  const connection = await connect(config);
  const shared: ConnectDatabase = async () => ({ ...connection, close: async () => {} });
  try {
    return await work(shared);
  } finally {
    await connection.close();
  }
}
