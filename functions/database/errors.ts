import { DrizzleQueryError } from 'drizzle-orm';
import { ApiError, causesOf, internalError } from '../errors.ts';

/**
 * What the database and its drivers mean by their errors: SQLSTATEs mapped to the
 * project's error kinds in one table, and lost connections told apart from bugs.
 */

export interface PostgresError {
  code: string;
  message?: string;
  constraint?: string;
  column?: string;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

/** PAM's own SQLSTATE for a request whose session has ended (private.refuse_ended_session). */
const SESSION_ENDED = 'PS401';

/** The Postgres error inside whatever wrapped it, if there is one. */
export function postgresErrorOf(error: unknown): PostgresError | null {
  for (const cause of causesOf(error)) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && SQLSTATE.test(code)) return cause as PostgresError;
  }
  return null;
}

/** Raised by the claims statement (migration 0018) for a revoked or expired session, or a disabled account. */
export function sessionEnded(): ApiError {
  return new ApiError('unauthorized', 'This session has ended. Sign in again.');
}

export function isSessionEnded(error: unknown): boolean {
  return postgresErrorOf(error)?.code === SESSION_ENDED;
}

export function databaseUnavailable(cause?: unknown): ApiError {
  return new ApiError('database_unavailable', 'The database cannot be reached right now. Try again shortly.', {
    headers: { 'retry-after': '5' },
    cause,
  });
}

/** The ApiError a database error stands for, or null when the error did not come from the database. */
export function apiErrorFromDatabase(error: unknown): ApiError | null {
  const pgError = postgresErrorOf(error);
  if (!pgError) return isConnectionFailure(error) ? databaseUnavailable(error) : null;
  const { code } = pgError;
  if (code === SESSION_ENDED) return sessionEnded();
  if (code === '23505') return new ApiError('conflict', 'A resource with these values already exists.');
  // A policy's WITH CHECK refusing a link to a row the caller cannot see reads exactly
  // like a foreign key to a row that does not exist: no existence oracle.
  if (code === '23503' || (code === '42501' && /row-level security/.test(pgError.message ?? ''))) {
    return new ApiError('invalid_reference', 'A referenced resource does not exist or is not yours.');
  }
  if (code === '23514' || code === '23502' || code.startsWith('22')) {
    return new ApiError('validation_failed', 'A value is out of range or not allowed here.', {
      errors: pgError.column ? [{ path: pgError.column, message: 'not allowed' }] : undefined,
    });
  }
  if (code.startsWith('08') || code === '57P01' || code === '57P03' || code === '53300') return databaseUnavailable(error);
  return internalError(error);
}

/**
 * What pg (and Neon's client, a fork of it), PGlite and workerd's TCP sockets reject a
 * statement with when the connection itself is gone. They give these errors no class or
 * code of their own, so each is known by its whole message, and only as raised by the
 * driver: the same words from any other code mean nothing here.
 */
const LOST_CONNECTION_MESSAGES: ReadonlySet<string> = new Set([
  'Connection terminated',
  'Connection terminated unexpectedly',
  'Connection terminated due to connection timeout',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
  'Query read timeout',
  'PGlite is closed',
  'PGlite is closing',
  'Network connection lost.',
]);

/** The operating system's codes for a socket that dropped or never opened, as Node reports them. */
const LOST_SOCKET_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/**
 * A connection that dropped or never opened, told by where the error came from: a
 * rejection of the database driver (drizzle wraps whatever a driver rejects a statement
 * with, for every driver, in a DrizzleQueryError) that is a socket failure or one of the
 * driver's own lost-connection errors. Anything else (an HTTP call whose socket hung up,
 * a provider's network error) is not the database's and stays what it is.
 */
export function isConnectionFailure(error: unknown): boolean {
  for (const cause of causesOf(error)) {
    if (cause instanceof DrizzleQueryError) return isLostConnection(cause.cause);
  }
  return false;
}

function isLostConnection(driverError: unknown): boolean {
  for (const cause of causesOf(driverError)) {
    // Neon's client rejects with the WebSocket's own error event when the socket fails.
    if (typeof Event !== 'undefined' && cause instanceof Event) return true;
    const { code, message } = cause as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && LOST_SOCKET_CODES.has(code)) return true;
    if (isPlainError(cause) && typeof message === 'string' && LOST_CONNECTION_MESSAGES.has(message)) return true;
  }
  return false;
}

/** The drivers raise their lost-connection errors as plain `Error`s, never as a subclass. */
function isPlainError(value: unknown): value is Error {
  return value instanceof Error && Object.getPrototypeOf(value) === Error.prototype;
}
