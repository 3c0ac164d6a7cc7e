import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { decodeKeysetCursor, keyPart } from '../database/keyset-cursor.ts';

/**
 * Keyset pages over (timestamp, uuid) in either direction: the community lists some
 * things oldest first (comments, members, the moderation queue) and select their columns
 * themselves, which the shared listPage does not.
 */

export type Direction = 'asc' | 'desc';

/** The condition for the rows after the cursor's, or nothing on the first page. */
export function afterCursor(cursor: string | undefined, time: AnyPgColumn, key: AnyPgColumn, direction: Direction): SQL | undefined {
  if (!cursor) return undefined;
  const [at, id] = decodeKeysetCursor(cursor, [keyPart.timestamp, keyPart.uuid]);
  return direction === 'asc'
    ? sql`(${time}, ${key}) > (${at}::timestamptz, ${id}::uuid)`
    : sql`(${time}, ${key}) < (${at}::timestamptz, ${id}::uuid)`;
}

export function keysetOrder(time: AnyPgColumn, key: AnyPgColumn, direction: Direction): SQL[] {
  return direction === 'asc' ? [sql`${time} asc`, sql`${key} asc`] : [sql`${time} desc`, sql`${key} desc`];
}
