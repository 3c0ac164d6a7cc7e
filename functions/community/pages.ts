import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { decodeKeysetCursor, encodeKeysetCursor, keyPart } from '../database/keyset-cursor.ts';
import type { Page } from '../database/pagination.ts';

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

/**
 * The page from `limit + 1` rows: `item` picks what is returned, `sortKey` what the next
 * cursor carries (the exact timestamp text and the key).
 */
export function pageOf<Row, Item>(rows: Row[], limit: number, item: (row: Row) => Item, sortKey: (row: Row) => string[]): Page<Item> {
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return {
    data: shown.map(item),
    next_cursor: rows.length > limit && last ? encodeKeysetCursor(sortKey(last)) : null,
  };
}
