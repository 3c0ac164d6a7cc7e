import { is, sql } from 'drizzle-orm';
import { PgTable, PgView, type PgColumn } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as schema from '../../db/schema/index.ts';
import { connectorFor, createTestApi, type TestApi } from '../../test/support/app.ts';
import { postColumns } from '../community/posts.ts';
import { updateOr404 } from './rows.ts';
import { withServiceRole } from './transactions.ts';
import { insertRow, type RowSource, selectRows, selectRowsUnder, updateRows } from './table-rows.ts';
import type { Database } from './types.ts';

/**
 * The generic reads (pages, one row by id) take rows from `selectRows`, not drizzle's
 * builder. For every table and view of the schema, the rows must be exactly what
 * drizzle's `select()` gives: same keys, same values, every column type decoded the same.
 */

let api: TestApi;

const sources = Object.entries(schema as Record<string, unknown>).filter((entry): entry is [string, RowSource] => is(entry[1], PgTable) || is(entry[1], PgView));

const sorted = (rows: unknown[]) => rows.map((row) => JSON.stringify(row)).sort();

beforeAll(async () => {
  api = await createTestApi();
  const owner = await api.signIn();
  const other = await api.signIn();
  const post = async (token: string, path: string, json: unknown) => {
    const response = await api.request(path, { method: 'POST', token, json });
    expect(response.status, `${path}: ${await response.clone().text()}`).toBe(201);
    return response;
  };
  // Rows with every kind of column filled, and with the optional ones left empty.
  const trip = await (await post(owner.token, '/api/v1/trips', { name: 'Nullarbor', origin: { address: 'Perth' }, destination: { address: 'Adelaide' }, start_date: '2026-03-01', end_date: '2026-03-20' })).json();
  await post(owner.token, '/api/v1/todos', {
    title: 'Tyres',
    due_date: '2026-03-14T09:30:00.123456+10:00',
    tags: ['van', 'safety'],
    metadata: { note: 'both rear', nested: { psi: 65 } },
    trip_id: trip.id,
  });
  await post(other.token, '/api/v1/todos', { title: 'Nothing else' });
  const budget = await (await post(owner.token, '/api/v1/budgets', { name: 'March', total_amount: '1500.00', start_date: '2026-03-01', end_date: '2026-03-31' })).json();
  await post(owner.token, `/api/v1/budgets/${budget.id}/categories`, { name: 'Fuel', allocated_amount: '600.50' });
  await post(owner.token, '/api/v1/expenses', { amount: '87.45', category: 'fuel', expense_date: '2026-03-14', description: 'Diesel' });
  await post(owner.token, '/api/v1/posts', { content: 'Water at Balladonia', title: 'Water stops' });
}, 60_000);

afterAll(async () => {
  await api?.close();
});

const asService = <T>(work: (db: Database) => Promise<T>) => withServiceRole(connectorFor(api.database), {}, work);

describe('selectRows', () => {
  test('reads every table and view of the schema exactly as drizzle selects it', async () => {
    expect(sources.length).toBeGreaterThan(30);
    const filled: string[] = [];
    await asService(async (db) => {
      for (const [name, source] of sources) {
        const fromDrizzle = await db.select().from(source as never);
        const ours = await selectRows(db, source, { rest: sql`` });
        expect(sorted(ours.map((r) => r.row)), name).toEqual(sorted(fromDrizzle));
        if (fromDrizzle.length > 0) filled.push(name);
      }
    });
    // The rows above reached these, so their columns were compared with values in them, not only empty.
    expect(filled).toEqual(expect.arrayContaining(['todos', 'expenses', 'budgets', 'budgetCategories', 'budgetSummaries', 'posts', 'trips', 'profiles']));
  });

  test('reads a subset of columns, narrowed and ordered by the rest of the statement, with extra columns beside', async () => {
    await asService(async (db) => {
      const rows = await selectRows<{ id: string; content: string }>(db, schema.posts, {
        columns: postColumns as Record<string, PgColumn>,
        rest: sql`where ${schema.posts.content} like ${'Water%'} order by ${schema.posts.created_at}`,
        extra: sql`upper(${schema.posts.content}) as "shouted"`,
      });
      expect(rows).toHaveLength(1);
      expect(Object.keys(rows[0].row).sort()).toEqual(Object.keys(postColumns).sort());
      expect(rows[0].row).not.toHaveProperty('automated_flags');
      expect(rows[0].raw.shouted).toBe('WATER AT BALLADONIA');
      const [fromDrizzle] = await db.select(postColumns).from(schema.posts);
      expect(rows[0].row).toEqual(fromDrizzle);

      // An expression as a column, decoded by its own decoder; one with a parameter is refused
      // (the column list is kept as text).
      const words = sql<number>`array_length(regexp_split_to_array(${schema.posts.content}, ' '), 1)`.mapWith(Number);
      const [counted] = await selectRows<{ id: string; words: number }>(db, schema.posts, {
        columns: { id: schema.posts.id, words },
        rest: sql`where ${schema.posts.id} = ${rows[0].row.id}`,
      });
      expect(counted.row).toEqual({ id: rows[0].row.id, words: 3 });
      await expect(selectRows(db, schema.posts, { columns: { q: sql`${'a parameter'}` }, rest: sql`` })).rejects.toThrow(/cannot carry parameters/);
    });
  });

  test('inserts and updates rows as drizzle does: defaults for what is left out, values encoded by their columns, SQL as it is', async () => {
    const { todos } = schema;
    const values = {
      title: 'Check the coolant',
      description: undefined,
      due_date: '2026-04-01T06:00:00.5+02:00',
      tags: ['van', 'engine, "front"'],
      metadata: { litres: 1.5, note: 'before the Nullarbor' },
      priority: 'high' as const,
    };
    await asService(async (db) => {
      const [{ id: userId }] = await db.select({ id: schema.profiles.id }).from(schema.profiles).limit(1);
      const ours = await insertRow<typeof todos.$inferSelect>(db, todos, { ...values, user_id: userId });
      const [theirs] = await db.insert(todos).values({ ...values, user_id: userId }).returning();
      const stored = ({ id, created_at, updated_at, ...rest }: typeof todos.$inferSelect) => rest;
      expect(stored(ours)).toEqual(stored(theirs));
      expect(ours).toMatchObject({ status: 'pending', description: null, tags: ['van', 'engine, "front"'], due_date: '2026-04-01T04:00:00.5Z' });
      const [read] = await db.select().from(todos).where(sql`${todos.id} = ${ours.id}`);
      expect(ours).toEqual(read);

      const changes = { status: 'completed' as const, metadata: { done: true }, description: sql`upper(${todos.title})`, category: undefined };
      const [updated] = await updateRows<typeof todos.$inferSelect>(db, todos, changes, sql`where ${todos.id} = ${ours.id}`);
      const [updatedByDrizzle] = await db.update(todos).set(changes).where(sql`${todos.id} = ${theirs.id}`).returning();
      expect(stored(updated)).toEqual({ ...stored(updatedByDrizzle), completed_at: updated.completed_at });
      expect(updated).toMatchObject({ status: 'completed', metadata: { done: true }, description: 'CHECK THE COOLANT', priority: 'high' });
      expect(updated.completed_at).not.toBeNull();
      expect(await updateRows(db, todos, { title: 'nobody' }, sql`where false`)).toEqual([]);
      // Nothing defined to change: the row as it is, not an error.
      expect(await updateOr404(db, todos, ours.id, { title: undefined }, 'todo')).toEqual(updated);
    });
  });

  test('reads the rows under a parent in one statement: null when the parent is not there, [] when it has none', async () => {
    const { budgets, budgetCategories } = schema;
    await asService(async (db) => {
      const budgetIds = (await db.select({ id: budgets.id }).from(budgets)).map(({ id }) => id);
      expect(budgetIds.length).toBeGreaterThan(0);
      const order = sql`order by ${budgetCategories.sort_order} asc, ${budgetCategories.id} asc`;
      const under = (id: string) =>
        selectRowsUnder(db, budgetCategories, { table: budgets, id }, { on: sql`${budgetCategories.budget_id} = ${id}`, rest: order, key: budgetCategories.id });

      const [withCategories] = budgetIds;
      const ours = await under(withCategories);
      const separately = await selectRows(db, budgetCategories, { rest: sql`where ${budgetCategories.budget_id} = ${withCategories} ${order}` });
      expect(ours?.length).toBeGreaterThan(0);
      expect(ours?.map((r) => r.row)).toEqual(separately.map((r) => r.row));

      const [empty] = await db.insert(budgets).values({ user_id: sql`(select user_id from public.budgets limit 1)`, name: 'Empty', total_amount: '10.00', start_date: '2026-05-01', end_date: '2026-05-31' }).returning();
      expect(await under(empty.id)).toEqual([]);
      expect(await under(crypto.randomUUID())).toBeNull();
    });
  });
});
