import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { notFound } from '../errors.ts';
import { insertRow, type ParentRow, selectRows, selectRowsUnder, type SelectRowsUnder, updateRows } from './table-rows.ts';
import type { Database } from './types.ts';

/**
 * The one-row reads and writes every resource has. Row-level security decides what the
 * caller can see, so "not there" and "not yours" are the same 404, by design.
 */

type TableWithId = PgTable & { id: AnyPgColumn };

/** `where id = :id`, plus any narrowing a nested resource needs (a subtask of this todo). */
function byId(table: TableWithId, id: string, also: SQL | undefined): SQL {
  return and(eq(table.id, id), also)!;
}

export async function findOr404<T extends TableWithId>(
  db: Database,
  table: T,
  id: string,
  what: string,
  also?: SQL,
): Promise<T['$inferSelect']> {
  const [found] = await selectRows<T['$inferSelect']>(db, table, { rest: sql`where ${byId(table, id, also)}` });
  if (!found) throw notFound(what);
  return found.row;
}

/**
 * The rows under one parent row (a todo's subtasks, in `query.rest`'s order), in one
 * statement with the check that the caller can see the parent: 404 (`what`) when not,
 * as `findOr404` on the parent would answer.
 */
export async function rowsUnderOr404<T extends TableWithId>(
  db: Database,
  table: T,
  parent: ParentRow & { what: string },
  query: Omit<SelectRowsUnder, 'key'>,
): Promise<T['$inferSelect'][]> {
  const rows = await selectRowsUnder<T['$inferSelect']>(db, table, parent, { ...query, key: table.id as PgColumn });
  if (!rows) throw notFound(parent.what);
  return rows.map(({ row }) => row);
}

/** Applies `changes` (nothing to change reads the row as it is) and returns the row as stored. */
export async function updateOr404<T extends TableWithId>(
  db: Database,
  table: T,
  id: string,
  changes: Partial<T['$inferInsert']>,
  what: string,
  also?: SQL,
): Promise<T['$inferSelect']> {
  if (Object.values(changes).every((value) => value === undefined)) return findOr404(db, table, id, what, also);
  const [row] = await updateRows<T['$inferSelect']>(db, table, changes, sql`where ${byId(table, id, also)}`);
  if (!row) throw notFound(what);
  return row;
}

export async function deleteOr404(db: Database, table: TableWithId, id: string, what: string, also?: SQL): Promise<void> {
  const deleted = await db
    .delete(table as PgTable)
    .where(byId(table, id, also))
    .returning({ id: table.id });
  if (deleted.length === 0) throw notFound(what);
}

export async function insertOne<T extends PgTable>(db: Database, table: T, values: T['$inferInsert']): Promise<T['$inferSelect']> {
  return insertRow<T['$inferSelect']>(db, table, values);
}
