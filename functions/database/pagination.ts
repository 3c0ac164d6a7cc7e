import { z } from '@hono/zod-openapi';
import { and, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { notFound } from '../errors.ts';
import type { Database } from '../env.ts';
import { type Columns, type ParentRow, type Selected, selectRows, selectRowsUnder, whereClause } from './table-rows.ts';
import { decodeKeysetCursor, encodeKeysetCursor, exactTimestamp, keyPart } from './keyset-cursor.ts';

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20).openapi({ description: 'Page size, 1-100' }),
  cursor: z.string().max(200).optional().openapi({ description: 'Opaque cursor from the previous page' }),
});
export type PageQuery = z.infer<typeof PageQuery>;

export function listOf<T extends z.ZodType>(item: T, name: string) {
  return z.object({ data: z.array(item), next_cursor: z.string().nullable() }).openapi(name);
}

export interface Page<Row> {
  data: Row[];
  next_cursor: string | null;
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

/** Which way a keyset page runs over its (timestamp, key) order. */
export type Direction = 'asc' | 'desc';

/** The condition for the rows after the cursor's, or nothing on the first page. */
export function afterCursor(cursor: string | undefined, time: AnyPgColumn, key: AnyPgColumn, direction: Direction): SQL | undefined {
  if (!cursor) return undefined;
  const [at, id] = decodeKeysetCursor(cursor, [keyPart.timestamp, keyPart.uuid]);
  return direction === 'asc'
    ? sql`(${time}, ${key}) > (${at}::timestamptz, ${id}::uuid)`
    : sql`(${time}, ${key}) < (${at}::timestamptz, ${id}::uuid)`;
}

export function keysetOrder(time: AnyPgColumn, key: AnyPgColumn, direction: Direction): SQL {
  return direction === 'asc' ? sql`${time} asc, ${key} asc` : sql`${time} desc, ${key} desc`;
}

export interface KeysetPage {
  /** The columns each item has; every column of the table when left out. */
  columns?: Columns;
  /** What narrows the list (undefined entries are left out). */
  where: (SQL | undefined)[];
  /** The order: a timestamp, then a uuid that breaks ties. */
  time: AnyPgColumn;
  key: AnyPgColumn;
  direction: Direction;
  cursor?: string;
  limit: number;
  /**
   * The row the listed rows belong to (a post of its comments): checked in the same
   * statement, 404 (`what`) when the caller cannot see it.
   */
  under?: ParentRow & { what: string };
}

/**
 * One page of `table` in (time, key) order, after the cursor's row. The cursor keeps the
 * database's own timestamp text, so it is exact: stable under inserts, and rows of one
 * transaction (which share `now()`) are told apart by their key.
 */
export async function keysetPage<T>(db: Database, table: PgTable, page: KeysetPage): Promise<Page<T>> {
  const conditions = [...page.where, afterCursor(page.cursor, page.time, page.key, page.direction)];
  const query = {
    columns: page.columns,
    extra: sql`${exactTimestamp(page.time)} as "page position", ${page.key} as "page key"`,
    rest: sql`order by ${keysetOrder(page.time, page.key, page.direction)} limit ${page.limit + 1}`,
  };
  let rows: Selected<T>[];
  if (page.under) {
    const under = await selectRowsUnder<T>(db, table, page.under, { ...query, key: page.key as PgColumn, on: and(...conditions) ?? sql`true` });
    if (!under) throw notFound(page.under.what);
    rows = under;
  } else {
    rows = await selectRows<T>(db, table, { ...query, rest: sql`${whereClause(conditions)} ${query.rest}` });
  }
  return pageOf(
    rows,
    page.limit,
    (r) => r.row,
    (r) => [r.raw['page position'] as string, r.raw['page key'] as string],
  );
}

type ListableTable = PgTable & { id: AnyPgColumn; created_at: AnyPgColumn };

/** Newest first, by (created_at, id): what most lists are. */
export function listPage<TTable extends ListableTable>(
  db: Database,
  table: TTable,
  filters: (SQL | undefined)[],
  page: PageQuery,
): Promise<Page<TTable['$inferSelect']>> {
  const { cursor, limit } = page;
  return keysetPage(db, table, { where: filters, time: table.created_at, key: table.id, direction: 'desc', cursor, limit });
}
