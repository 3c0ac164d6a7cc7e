import { sql } from 'drizzle-orm';
import { customType, date, jsonb, numeric } from 'drizzle-orm/pg-core';

/**
 * Every `timestamptz` column. String mode keeps the microseconds Postgres stores: a
 * Date would cut them to milliseconds, and keyset cursors over `created_at` (rows of
 * one transaction share `now()`) must compare the exact stored value to stay stable.
 * Drizzle's drivers hand over Postgres's text form (`2025-01-31 12:00:00.123456+00`
 * under TimeZone UTC), which is not yet the RFC 3339 that API.md promises in responses.
 */
export const timestamptz = customType<{ data: string; driverData: string | Date }>({
  dataType: () => 'timestamp with time zone',
  fromDriver: (value) => toRfc3339(value),
  toDriver: (value) => value,
});

/** `now()` as a column default. */
export const now = sql`now()`;

/**
 * Postgres' text form under TimeZone UTC (`2025-01-31 12:00:00.123456+00`) as RFC 3339
 * (`2025-01-31T12:00:00.123456Z`), keeping every digit. Other offsets go through Date.
 */
export function toRfc3339(value: string | Date): string {
  if (value instanceof Date) return value.toISOString();
  const utc = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}(?:\.\d+)?)(?:\+00(?::?00)?|Z)$/.exec(value);
  return utc ? `${utc[1]}T${utc[2]}Z` : new Date(value).toISOString();
}

/** A JSON object column (most jsonb columns hold one). */
export const jsonObject = () => jsonb().$type<Record<string, unknown>>();

/** A calendar date, `YYYY-MM-DD`, exactly as the API sends and receives it. */
export const calendarDate = () => date({ mode: 'string' });

/** DECIMAL(precision, scale), read and written as a decimal string: money never becomes a float. */
export const decimal = (precision: number, scale: number) => numeric({ precision, scale, mode: 'string' });

/** The default of owner columns: the signed-in user of the current request. */
export const currentUserId = sql`auth.uid()`;
