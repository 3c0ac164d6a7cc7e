import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { connectorFor, createTestApi, type TestApi } from '../../test/support/app.ts';
import { fixedStatement } from './statements.ts';
import { withServiceRole } from './transactions.ts';
import type { Database } from './types.ts';

/**
 * A fixed statement is rendered once, with placeholders, and run with each call's values.
 * It must send what the same template with the values written in would send, and answer
 * what `db.execute` answers for it.
 */

let api: TestApi;
const dialect = new PgDialect();

beforeAll(async () => {
  api = await createTestApi();
}, 60_000);

afterAll(async () => {
  await api?.close();
});

const asService = <T>(work: (db: Database) => Promise<T>) => withServiceRole(connectorFor(api.database), {}, work);

interface Values {
  name: string;
  limit: number;
  note: string | null;
  loud: boolean;
  details: string;
}

// A name read twice, names read out of the order they are declared, casts, a constant piece.
const template = (v: { [K in keyof Values]: unknown }) => sql`
  select ${v.name}::text as name, upper(${v.name}::text) as shout, ${v.limit}::int + 1 as next,
         coalesce(${v.note}::text, 'none') as note, ${v.loud}::boolean as loud,
         (${v.details}::jsonb) -> 'tags' as tags, ${sql.raw("'fixed'")} as fixed`;

let renders = 0;
const statement = fixedStatement<Values>((p) => {
  renders += 1;
  return template(p);
});

const cases: Values[] = [
  { name: 'Nullarbor', limit: 20, note: null, loud: true, details: JSON.stringify({ tags: ['van', "it's"] }) },
  { name: 'a "quoted", comma', limit: -1, note: 'two\nlines', loud: false, details: '{"tags":[]}' },
];

describe('fixedStatement', () => {
  test.each(cases)('sends the text and values the template with them written in would ($name)', (values) => {
    expect(statement.bind(values)).toEqual(((built) => ({ text: built.sql, values: built.params }))(dialect.sqlToQuery(template(values))));
  });

  test('answers what db.execute answers for the same statement, and renders the text once', async () => {
    await asService(async (db) => {
      for (const values of cases) {
        const fixed = await statement(db, values);
        const executed = (await db.execute(template(values))) as unknown as { rows: unknown[] };
        expect(fixed.rows).toEqual(executed.rows);
      }
    });
    const [first] = cases;
    const answer = await asService(async (db) => (await statement(db, first)).rows[0]);
    expect(answer).toMatchObject({ name: 'Nullarbor', shout: 'NULLARBOR', next: 21, note: 'none', loud: true, tags: ['van', "it's"], fixed: 'fixed' });
    expect(renders).toBe(1);
  });

  test('refuses a value left undefined rather than sending NULL for it', async () => {
    const values = { ...cases[0], note: undefined } as unknown as Values;
    expect(() => statement.bind(values)).toThrow(/no value for "note"/);
    await expect(asService((db) => statement(db, values))).rejects.toThrow(/no value for "note"/);
  });

  test('refuses a call that leaves a name out', () => {
    const { limit: _, ...withoutLimit } = cases[0];
    expect(() => statement.bind(withoutLimit as Values)).toThrow(/limit/);
  });
});
