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

/** The Postgres error inside whatever wrapped it, if there is one. */
export function postgresErrorOf(error: unknown): PostgresError | null {
  for (const cause of causesOf(error)) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && SQLSTATE.test(code)) return cause as PostgresError;
  }
  return null;
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

const connectionFailureCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EPIPE', 'EAI_AGAIN']);
const connectionFailureMessage =
  /connection (terminated|refused|closed|error)|not queryable|connect(ion)? timeout|socket|websocket|network connection|pglite is closed/i;

/** A connection that dropped or never opened, as each driver reports it (some only in words). */
export function isConnectionFailure(error: unknown): boolean {
  for (const cause of causesOf(error)) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && connectionFailureCodes.has(code)) return true;
    if (connectionFailureMessage.test(String((cause as { message?: unknown }).message ?? ''))) return true;
  }
  return false;
}
