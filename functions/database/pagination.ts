import { z } from '@hono/zod-openapi';
import { and, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '../env.ts';
import { selectRows } from './table-rows.ts';
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

type ListableTable = PgTable & { id: AnyPgColumn; created_at: AnyPgColumn };

/**
 * Newest first, by (created_at, id): stable under inserts, and exact because the cursor
 * keeps the database's own timestamp text.
 */
export async function listPage<TTable extends ListableTable>(
  db: Database,
  table: TTable,
  filters: (SQL | undefined)[],
  page: PageQuery,
): Promise<Page<TTable['$inferSelect']>> {
  const after = page.cursor ? decodeKeysetCursor(page.cursor, [keyPart.timestamp, keyPart.uuid]) : null;
  const conditions = [...filters];
  if (after) {
    const [at, id] = after;
    conditions.push(sql`(${table.created_at}, ${table.id}) < (${at}::timestamptz, ${id}::uuid)`);
  }
  const where = and(...conditions);
  const rows = await selectRows<TTable['$inferSelect']>(db, table, {
    rest: sql`${where ? sql`where ${where}` : sql``} order by ${table.created_at} desc, ${table.id} desc limit ${page.limit + 1}`,
    extra: sql`${exactTimestamp(table.created_at)} as "page position"`,
  });
  return pageOf(rows, page.limit, (r) => r.row, (r) => [r.raw['page position'] as string, (r.row as { id: string }).id]);
}
