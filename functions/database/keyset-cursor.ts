import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { ApiError } from '../errors.ts';

/**
 * Cursors for lists not ordered by (created_at, id) alone (listPage's order): the sort
 * key of a page's last row, as the database's own text, packed into an opaque string.
 */

/** The kinds of value a sort key holds; each checks the text a cursor carries back. */
export const keyPart = {
  uuid: (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value),
  date: (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)),
  timestamp: (value: string) => /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(value) && !Number.isNaN(Date.parse(value)),
  real: (value: string) => /^-?\d+(\.\d+)?(e-?\d+)?$/.test(value),
} as const;

export function encodeKeysetCursor(values: string[]): string {
  return btoa(JSON.stringify(values)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

export function decodeKeysetCursor(cursor: string, parts: ((value: string) => boolean)[]): string[] {
  try {
    const values: unknown = JSON.parse(atob(cursor.replace(/-/g, '+').replace(/_/g, '/')));
    if (
      Array.isArray(values) &&
      values.length === parts.length &&
      values.every((value, i) => typeof value === 'string' && parts[i](value))
    ) {
      return values as string[];
    }
  } catch {
    // fall through
  }
  throw new ApiError('validation_failed', 'The cursor is not valid.', {
    errors: [{ path: 'cursor', message: 'not a cursor returned by this list' }],
  });
}

/** created_at to the microsecond, as text: a Date would round it and skip or repeat rows. */
export const exactTimestamp = (column: AnyPgColumn): SQL<string> =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
