import { and, getTableColumns, getViewSelectedFields, is, SQL, sql } from 'drizzle-orm';
import { PgDialect, PgView, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import type { Database } from './types.ts';

/**
 * Rows of one table (or view), read without drizzle's query builder. The builder works
 * out the selection column by column on every query it builds; for the reads every
 * resource has (a page, one row by id) that was the largest part of a request's CPU.
 * Here the column list and each column's decoding are worked out once per set of
 * columns; a read renders only its own conditions. The rows come out exactly as
 * drizzle's `select()` gives them: the same keys, each value through its column's own
 * decoding.
 */

/** A table, or a view whose columns are declared (`pgView(name, columns).existing()`). */
export type RowSource = PgTable | PgView;

/**
 * Columns to read, by the key each gets in the row (drizzle's `getTableColumns` shape). A
 * value may also be an expression without parameters (its text is kept), decoded by its
 * own decoder as drizzle does (`sql<T>`...`.mapWith()`).
 */
export type Columns = Record<string, PgColumn | SQL>;

interface Decoder {
  mapFromDriverValue(value: unknown): unknown;
}

interface ColumnList {
  /** `"todos"."id", "todos"."user_id", ...`: the columns, qualified, as one piece of text. */
  text: SQL;
  /** [key, decoder]: each column comes back under its key (`as "key"`). */
  decoders: [string, Decoder][];
}

const dialect = new PgDialect();
const byColumns = new WeakMap<Columns, ColumnList>();
const bySource = new WeakMap<RowSource, Record<string, PgColumn>>();

function allColumns(source: RowSource): Record<string, PgColumn> {
  let columns = bySource.get(source);
  if (!columns) {
    columns = (is(source, PgView) ? getViewSelectedFields(source) : getTableColumns(source)) as Record<string, PgColumn>;
    bySource.set(source, columns);
  }
  return columns;
}

function columnList(columns: Columns): ColumnList {
  let list = byColumns.get(columns);
  if (!list) {
    const entries = Object.entries(columns);
    const rendered = dialect.sqlToQuery(sql.join(entries.map(([key, column]) => sql`${column} as ${sql.identifier(key)}`), sql`, `));
    if (rendered.params.length > 0) throw new Error('selectRows keeps the column list as text: a column expression cannot carry parameters');
    list = { text: sql.raw(rendered.sql), decoders: entries.map(([key, field]) => [key, is(field, SQL) ? (field as unknown as { decoder: Decoder }).decoder : field]) };
    byColumns.set(columns, list);
  }
  return list;
}

/** The rows a statement answered, as every driver's `execute` gives them. */
const rowsOf = (result: unknown) => (result as { rows: Record<string, unknown>[] }).rows;

/** The columns `values` gives a value for: undefined means left out, as with drizzle. */
const givenColumns = (columns: Record<string, PgColumn>, values: Record<string, unknown>) =>
  Object.entries(columns).filter(([key]) => values[key] !== undefined);

/** `where <every condition>`, or nothing when there is none (undefined entries are left out). */
export function whereClause(conditions: (SQL | undefined)[]): SQL {
  const where = and(...conditions);
  return where ? sql`where ${where}` : sql``;
}

function decode(decoders: [string, Decoder][], raw: Record<string, unknown>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [key, decoder] of decoders) {
    const value = raw[key];
    row[key] = value === null || value === undefined ? null : decoder.mapFromDriverValue(value);
  }
  return row;
}

export interface SelectRows {
  /** The rest of the statement after `from <source>`: joins, where, order by, limit. */
  rest: SQL;
  /** The columns to read; every column of the source when left out. */
  columns?: Columns;
  /** More result columns, each named with `as`: they come back undecoded, in `raw`. */
  extra?: SQL;
}

/** A row as read, and the raw result row it came from (with the `extra` columns). */
export interface Selected<T> {
  row: T;
  raw: Record<string, unknown>;
}

/** `select <columns>[, extra] from source <rest>`: each row decoded, and the raw result row beside it. */
export async function selectRows<T>(db: Database, source: RowSource, query: SelectRows): Promise<Selected<T>[]> {
  const { text, decoders } = columnList(query.columns ?? allColumns(source));
  const result = await db.execute(sql`select ${text}${query.extra ? sql`, ${query.extra}` : sql``} from ${source} ${query.rest}`);
  return rowsOf(result).map((raw) => ({ row: decode(decoders, raw) as T, raw }));
}

/** The row that others belong to (a todo of its subtasks): the caller must be able to see it. */
export interface ParentRow {
  table: PgTable & { id: PgColumn };
  id: string;
}

export interface SelectRowsUnder extends Omit<SelectRows, 'rest'> {
  /** The rows' conditions, their link to the parent included: they go in the join, not in a where. */
  on: SQL;
  /** Order and limit. */
  rest: SQL;
  /** A column no row has null (its key): it tells a row from the parent's row of nulls. */
  key: PgColumn;
}

/**
 * `selectRows` for the rows under one parent row, and whether the caller can see the
 * parent, in one statement: null when they cannot (the parent's own row-level security
 * decides, as reading it would). The parent is right-joined, so it answers one row of
 * nulls when it has no rows under it, and none when it is not there.
 */
export async function selectRowsUnder<T>(
  db: Database,
  source: RowSource,
  parent: ParentRow,
  query: SelectRowsUnder,
): Promise<Selected<T>[] | null> {
  const { text, decoders } = columnList(query.columns ?? allColumns(source));
  const result = await db.execute(sql`select ${text}${query.extra ? sql`, ${query.extra}` : sql``}, ${query.key} is not null as "under parent"
    from ${source} right join (select ${parent.table.id} from ${parent.table} where ${parent.table.id} = ${parent.id}) as "parent"
      on ${query.on} ${query.rest}`);
  const raws = rowsOf(result);
  if (raws.length === 0) return null;
  return raws.filter((raw) => raw['under parent']).map((raw) => ({ row: decode(decoders, raw) as T, raw }));
}

/** A value as the statement sends it: a piece of SQL as it is, anything else as a parameter encoded by its column. */
const valueFor = (value: unknown, column: PgColumn): SQL | ReturnType<typeof sql.param> => (is(value, SQL) ? value : sql.param(value, column));

/**
 * `insert into table (...) values (...) returning <every column>`: the row as stored. Keys
 * left out or undefined take the column's default, as with drizzle's `insert()`.
 */
export async function insertRow<T>(db: Database, table: PgTable, values: Record<string, unknown>): Promise<T> {
  const columns = allColumns(table);
  const given = givenColumns(columns, values);
  const { text, decoders } = columnList(columns);
  const inserted =
    given.length === 0
      ? sql`default values`
      : sql`(${sql.join(given.map(([, column]) => sql.identifier(column.name)), sql`, `)}) values (${sql.join(
          given.map(([key, column]) => valueFor(values[key], column)),
          sql`, `,
        )})`;
  const result = await db.execute(sql`insert into ${table} ${inserted} returning ${text}`);
  return decode(decoders, rowsOf(result)[0]) as T;
}

/**
 * `update table set ... <rest> returning <every column>`: the rows as stored. Keys left out
 * or undefined are not changed; there must be at least one change.
 */
export async function updateRows<T>(db: Database, table: PgTable, changes: Record<string, unknown>, rest: SQL): Promise<T[]> {
  const columns = allColumns(table);
  const changed = givenColumns(columns, changes);
  if (changed.length === 0) throw new Error('updateRows needs at least one change');
  const { text, decoders } = columnList(columns);
  const assignments = sql.join(
    changed.map(([key, column]) => sql`${sql.identifier(column.name)} = ${valueFor(changes[key], column)}`),
    sql`, `,
  );
  const result = await db.execute(sql`update ${table} set ${assignments} ${rest} returning ${text}`);
  return rowsOf(result).map((raw) => decode(decoders, raw) as T);
}
