import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connectorFor } from '../../test/support/app.ts';
import { createTestDatabase, createUser, type TestDatabase, type TestUser } from '../../test/support/database.ts';
import type { ConnectDatabase } from '../database/connect.ts';
import { runRecurringWork } from './recurring-work.ts';

let database: TestDatabase;
let connect: ConnectDatabase;
let user: TestUser;

beforeAll(async () => {
  database = await createTestDatabase();
  connect = connectorFor(database);
});
afterAll(async () => {
  await database?.close();
});
beforeEach(async () => {
  await database.owner.exec('truncate public.todos, public.expenses cascade');
  user = await createUser(database.owner);
});

const at = (iso: string) => () => new Date(iso);
const run = (now = '2026-04-20T12:00:00Z') => runRecurringWork({ connect, env: {}, now: at(now) });

async function one<T>(text: string, params: unknown[] = []): Promise<T> {
  const { rows } = await database.owner.query<T>(text, params);
  return rows[0];
}

async function todo(values: Record<string, unknown>): Promise<string> {
  const columns = ['user_id', ...Object.keys(values)];
  const { id } = await one<{ id: string }>(
    `insert into public.todos (${columns.join(', ')}) values (${columns.map((_, i) => `$${i + 1}`).join(', ')}) returning id`,
    [user.id, ...Object.values(values)],
  );
  return id;
}

interface StoredTodo {
  id: string;
  title: string;
  description: string | null;
  status: string;
  priority: string;
  category: string | null;
  due_date: string | null;
  reminder_at: string | null;
  trip_id: string | null;
  budget_id: string | null;
  expense_id: string | null;
  tags: string[] | null;
  recurrence_pattern: string | null;
  metadata: Record<string, unknown>;
  next_occurrence_id: string | null;
  completed_at: string | null;
}

async function todos(): Promise<StoredTodo[]> {
  const { rows } = await database.owner.query<StoredTodo>(
    `select id, title, description, status, priority, category, to_char(due_date at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI') as due_date,
            to_char(reminder_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI') as reminder_at, trip_id, budget_id, expense_id,
            tags, recurrence_pattern, metadata, next_occurrence_id, completed_at::text as completed_at
       from public.todos where user_id = $1 order by created_at, id`,
    [user.id],
  );
  return rows;
}

describe('recurring todos', () => {
  it('gives a completed todo exactly one next occurrence with its subtasks unticked, however often the job runs', async () => {
    const { id: tripId } = await one<{ id: string }>(
      `insert into public.trips (user_id, name, origin, destination) values ($1, 'Alps', '{"address": "Geneva"}', '{"address": "Turin"}') returning id`,
      [user.id],
    );
    const { id: budgetId } = await one<{ id: string }>(
      `insert into public.budgets (user_id, name, total_amount, start_date) values ($1, 'Spring', 900, '2026-03-01') returning id`,
      [user.id],
    );
    const { id: expenseId } = await one<{ id: string }>(
      `insert into public.expenses (user_id, amount, description, category, expense_date) values ($1, 12, 'Gas', 'fuel', '2026-03-09') returning id`,
      [user.id],
    );
    const sourceId = await todo({
      title: 'Check tyre pressure',
      description: 'All four and the spare',
      status: 'completed',
      priority: 'high',
      category: 'vehicle',
      due_date: '2026-03-10T09:00:00Z',
      reminder_at: '2026-03-10T08:30:00Z',
      trip_id: tripId,
      budget_id: budgetId,
      expense_id: expenseId,
      tags: ['van', 'safety'],
      recurrence_pattern: 'daily',
      metadata: { colour: 'blue' },
    });
    await database.owner.query(
      `insert into public.todo_subtasks (todo_id, title, position, is_completed) values ($1, 'Front', 0, true), ($1, 'Rear', 1, false)`,
      [sourceId],
    );

    const first = await run();
    const second = await run();

    expect(first).toMatchObject({ todos_created: 1, subtasks_copied: 2 });
    expect(second).toMatchObject({ todos_created: 0, subtasks_copied: 0 });
    const [source, next] = await todos();
    expect(source).toMatchObject({ id: sourceId, status: 'completed', next_occurrence_id: next.id });
    expect(next).toEqual({
      id: next.id,
      title: 'Check tyre pressure',
      description: 'All four and the spare',
      status: 'pending',
      priority: 'high',
      category: 'vehicle',
      due_date: '2026-03-11T09:00',
      reminder_at: '2026-03-11T08:30',
      trip_id: tripId,
      budget_id: budgetId,
      expense_id: null,
      tags: ['van', 'safety'],
      recurrence_pattern: 'daily',
      metadata: { colour: 'blue', recurrence_source_id: sourceId },
      next_occurrence_id: null,
      completed_at: null,
    });
    const { rows: subtasks } = await database.owner.query(
      'select title, position, is_completed, completed_at from public.todo_subtasks where todo_id = $1 order by position',
      [next.id],
    );
    expect(subtasks).toEqual([
      { title: 'Front', position: 0, is_completed: false, completed_at: null },
      { title: 'Rear', position: 1, is_completed: false, completed_at: null },
    ]);
  });

  it('moves the due date by a day, a week, a month or a year', async () => {
    for (const pattern of ['daily', 'weekly', 'monthly', 'yearly']) {
      await todo({ title: pattern, status: 'completed', due_date: '2028-01-31T10:00:00Z', recurrence_pattern: pattern });
    }
    await run();
    const next = (await todos()).filter((t) => t.status === 'pending');
    expect(Object.fromEntries(next.map((t) => [t.title, t.due_date]))).toEqual({
      daily: '2028-02-01T10:00',
      weekly: '2028-02-07T10:00',
      monthly: '2028-02-29T10:00',
      yearly: '2029-01-31T10:00',
    });
  });

  it('dates the next occurrence of a todo without a due date from its completion', async () => {
    const sourceId = await todo({ title: 'Water plants', status: 'completed', recurrence_pattern: 'weekly' });
    const { completed_at } = await one<{ completed_at: string }>(
      `select to_char((completed_at + interval '7 days') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI') as completed_at from public.todos where id = $1`,
      [sourceId],
    );
    await run();
    const next = (await todos()).find((t) => t.status === 'pending');
    expect(next?.due_date).toBe(completed_at);
  });

  it('leaves pending, cancelled and one-off todos alone', async () => {
    await todo({ title: 'pending', status: 'pending', recurrence_pattern: 'daily' });
    await todo({ title: 'in progress', status: 'in_progress', recurrence_pattern: 'daily' });
    await todo({ title: 'cancelled', status: 'cancelled', recurrence_pattern: 'daily' });
    await todo({ title: 'one-off', status: 'completed' });
    expect(await run()).toMatchObject({ todos_created: 0 });
    expect(await todos()).toHaveLength(4);
  });

  it('does not make the occurrence again after it is deleted, or after the todo is reopened and completed again', async () => {
    const sourceId = await todo({ title: 'Empty tank', status: 'completed', due_date: '2026-04-01T07:00:00Z', recurrence_pattern: 'weekly' });
    await run();
    const next = (await todos()).find((t) => t.id !== sourceId)!;
    await database.owner.query('delete from public.todos where id = $1', [next.id]);
    await database.owner.query(`update public.todos set status = 'pending' where id = $1`, [sourceId]);
    await database.owner.query(`update public.todos set status = 'completed' where id = $1`, [sourceId]);

    expect(await run()).toMatchObject({ todos_created: 0 });
    expect((await todos()).map((t) => t.id)).toEqual([sourceId]);
  });

  it('continues the series when the new occurrence is completed in turn', async () => {
    await todo({ title: 'Log mileage', status: 'completed', due_date: '2026-01-31T18:00:00Z', recurrence_pattern: 'monthly' });
    await run();
    const [, second] = await todos();
    await database.owner.query(`update public.todos set status = 'completed' where id = $1`, [second.id]);
    await run();
    expect((await todos()).map((t) => [t.status, t.due_date])).toEqual([
      ['completed', '2026-01-31T18:00'],
      ['completed', '2026-02-28T18:00'],
      ['pending', '2026-03-28T18:00'],
    ]);
  });
});

describe('recurring expenses', () => {
  async function recurringExpense(values: Record<string, unknown>): Promise<string> {
    const row = { amount: 40, description: 'Campsite membership', category: 'camping', is_recurring: true, ...values };
    const columns = ['user_id', ...Object.keys(row)];
    const { id } = await one<{ id: string }>(
      `insert into public.expenses (${columns.join(', ')}) values (${columns.map((_, i) => `$${i + 1}`).join(', ')}) returning id`,
      [user.id, ...Object.values(row)],
    );
    return id;
  }

  async function entryDates(): Promise<string[]> {
    const { rows } = await database.owner.query<{ expense_date: string }>(
      `select expense_date::text as expense_date from public.expenses where user_id = $1 and not is_recurring order by expense_date`,
      [user.id],
    );
    return rows.map((row) => row.expense_date);
  }

  it('creates each entry due up to today once, however often the job runs, and counts it towards the budget', async () => {
    const { id: budgetId } = await one<{ id: string }>(
      `insert into public.budgets (user_id, name, total_amount, start_date) values ($1, 'Year', 2000, '2026-01-01') returning id`,
      [user.id],
    );
    const { id: categoryId } = await one<{ id: string }>(
      `insert into public.budget_categories (budget_id, name, allocated_amount) values ($1, 'Camping', 600) returning id`,
      [budgetId],
    );
    const sourceId = await recurringExpense({
      expense_date: '2026-01-15',
      budget_category_id: categoryId,
      vendor: 'ACSI',
      tags: ['membership'],
      notes: 'Card in the glovebox',
      recurring_pattern: { frequency: 'monthly', interval: 1 },
    });

    const first = await run('2026-04-20T12:00:00Z');
    const second = await run('2026-04-20T13:30:00Z');

    expect(first).toMatchObject({ expenses_created: 3, recurring_expenses_advanced: 1 });
    expect(second).toMatchObject({ expenses_created: 0, recurring_expenses_advanced: 0 });
    expect(await entryDates()).toEqual(['2026-02-15', '2026-03-15', '2026-04-15']);
    const { rows: entries } = await database.owner.query(
      `select amount::text as amount, description, category, vendor, tags, notes, budget_category_id, is_recurring, recurring_pattern
         from public.expenses where user_id = $1 and id <> $2`,
      [user.id, sourceId],
    );
    for (const entry of entries) {
      expect(entry).toEqual({
        amount: '40.00',
        description: 'Campsite membership',
        category: 'camping',
        vendor: 'ACSI',
        tags: ['membership'],
        notes: 'Card in the glovebox',
        budget_category_id: categoryId,
        is_recurring: false,
        recurring_pattern: null,
      });
    }
    expect(await one(`select recurring_generated_through::text as through from public.expenses where id = $1`, [sourceId])).toEqual({
      through: '2026-04-15',
    });
    expect(await one(`select spent_amount::text as spent from public.budget_categories where id = $1`, [categoryId])).toEqual({
      spent: '160.00',
    });

    expect(await run('2026-05-15T00:30:00Z')).toMatchObject({ expenses_created: 1 });
    expect(await entryDates()).toEqual(['2026-02-15', '2026-03-15', '2026-04-15', '2026-05-15']);
  });

  it('does not bring back an entry the user deleted', async () => {
    await recurringExpense({ expense_date: '2026-04-01', recurring_pattern: { frequency: 'weekly' } });
    await run('2026-04-20T12:00:00Z');
    expect(await entryDates()).toEqual(['2026-04-08', '2026-04-15']);
    await database.owner.query(`delete from public.expenses where user_id = $1 and expense_date = '2026-04-08'`, [user.id]);
    await run('2026-04-21T12:00:00Z');
    expect(await entryDates()).toEqual(['2026-04-15']);
  });

  it('follows interval and until, and keeps month-end series on the last day of the month', async () => {
    await recurringExpense({ expense_date: '2026-01-01', recurring_pattern: { frequency: 'weekly', interval: 2, until: '2026-02-01' } });
    await recurringExpense({ expense_date: '2026-01-31', recurring_pattern: { frequency: 'monthly' } });
    await run('2026-05-01T00:00:00Z');
    expect(await entryDates()).toEqual(['2026-01-15', '2026-01-29', '2026-02-28', '2026-03-31', '2026-04-30']);
  });

  it('skips and counts patterns it cannot read, and ignores patterns on expenses that do not recur', async () => {
    await recurringExpense({ expense_date: '2026-01-01', recurring_pattern: { frequency: 'fortnightly' } });
    await recurringExpense({ expense_date: '2026-01-01', recurring_pattern: { frequency: 'daily', interval: 0 } });
    await recurringExpense({ expense_date: '2026-01-01', recurring_pattern: null });
    await recurringExpense({ expense_date: '2026-01-01', is_recurring: false, recurring_pattern: { frequency: 'daily' } });
    expect(await run()).toMatchObject({ expenses_created: 0, recurring_expenses_with_invalid_pattern: 3 });
  });
});
