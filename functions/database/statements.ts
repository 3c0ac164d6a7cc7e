import { fillPlaceholders, type Placeholder, type Query, type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Database, DriverStatement } from './types.ts';

/**
 * Statements whose text never changes, only their values: rendered once, with named
 * placeholders, and run with each call's values. `db.execute(sql\`...\`)` renders the
 * whole template again on every call, walking every nested piece of it; for a statement
 * of a few dozen pieces (an upsert with its conflict rules) that was most of a webhook's
 * CPU. The statement runs exactly as `db.execute` would run it, through the same driver
 * session, so the answer is the same.
 */

const dialect = new PgDialect();

/** `p.name` in a statement's template: the value `name` the call passes. */
export type Placeholders<V> = { readonly [K in keyof V]: Placeholder<K & string> };

/** Renders `build` with a placeholder for every name it reads, once. */
export function renderOnce<V>(build: (p: Placeholders<V>) => SQL): () => Query {
  let query: Query | undefined;
  return () => {
    query ??= dialect.sqlToQuery(build(new Proxy({}, { get: (_, name) => sql.placeholder(String(name)) }) as Placeholders<V>));
    return query;
  };
}

/** What `db.execute` answers: the driver's result, with `rows`. */
export interface StatementResult<Row> {
  rows: Row[];
}

export interface FixedStatement<V, Row> {
  /** Runs the statement in `db` (a transaction, as every handle is) with these values. */
  (db: Database, values: V): Promise<StatementResult<Row>>;
  /** The statement as a driver sends it: the text, and these values in its $n order. */
  bind(values: V): DriverStatement;
}

/**
 * A statement of fixed text: `const settle = fixedStatement<{ id: string }>((p) => sql\`... ${p.id}\`)`,
 * then `await settle(db, { id })`. Every name the template reads must be given a value
 * (undefined is refused; pass null for NULL).
 */
export function fixedStatement<V extends object, Row = Record<string, unknown>>(build: (p: Placeholders<V>) => SQL): FixedStatement<V, Row> {
  const query = renderOnce(build);
  const run = (db: Database, values: V): Promise<StatementResult<Row>> => {
    const prepared = db._.session.prepareQuery(query(), undefined, undefined, false);
    return prepared.execute(given(values)) as Promise<StatementResult<Row>>;
  };
  return Object.assign(run, {
    bind: (values: V): DriverStatement => {
      const { sql: text, params } = query();
      return { text, values: fillPlaceholders(params, given(values)) };
    },
  });
}

function given<V extends object>(values: V): Record<string, unknown> {
  for (const [name, value] of Object.entries(values)) if (value === undefined) throw new Error(`fixedStatement: no value for "${name}" (pass null for NULL)`);
  return values as Record<string, unknown>;
}
