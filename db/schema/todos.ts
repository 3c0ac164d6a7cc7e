import { boolean, integer, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { profiles } from './accounts.ts';
import { currentUserId, jsonObject, now, timestamptz } from './column-types.ts';
import { budgets, expenses } from './money.ts';
import { trips } from './travel.ts';

export const todos = pgTable('todos', {
  id: uuid().primaryKey().defaultRandom(),
  user_id: uuid()
    .notNull()
    .default(currentUserId)
    .references(() => profiles.id, { onDelete: 'cascade' }),
  title: text().notNull(),
  description: text(),
  status: text({ enum: ['pending', 'in_progress', 'completed', 'cancelled'] })
    .notNull()
    .default('pending'),
  priority: text({ enum: ['low', 'medium', 'high', 'urgent'] })
    .notNull()
    .default('medium'),
  category: text(),
  due_date: timestamptz(),
  /** Stamped and cleared by a trigger as `status` enters and leaves `completed`. */
  completed_at: timestamptz(),
  trip_id: uuid().references(() => trips.id, { onDelete: 'set null' }),
  expense_id: uuid().references(() => expenses.id, { onDelete: 'set null' }),
  budget_id: uuid().references(() => budgets.id, { onDelete: 'set null' }),
  tags: text().array(),
  metadata: jsonObject().notNull().default({}),
  reminder_at: timestamptz(),
  recurrence_pattern: text({ enum: ['daily', 'weekly', 'monthly', 'yearly'] }),
  /** Set by the recurring-work job on a completed recurring todo; not a foreign key, so it outlives that todo. */
  next_occurrence_id: uuid(),
  created_at: timestamptz().notNull().default(now),
  updated_at: timestamptz().notNull().default(now),
});

export const todoSubtasks = pgTable(
  'todo_subtasks',
  {
    id: uuid().primaryKey().defaultRandom(),
    todo_id: uuid()
      .notNull()
      .references(() => todos.id, { onDelete: 'cascade' }),
    title: text().notNull(),
    is_completed: boolean().notNull().default(false),
    /** Stamped and cleared by a trigger as `is_completed` changes. */
    completed_at: timestamptz(),
    position: integer().notNull(),
    created_at: timestamptz().notNull().default(now),
  },
  // Deferrable in the migration (checked when each statement ends), so one UPDATE can renumber a list.
  (t) => [unique('todo_subtasks_todo_id_position_key').on(t.todo_id, t.position)],
);

export type Todo = typeof todos.$inferSelect;
export type NewTodo = typeof todos.$inferInsert;
export type TodoSubtask = typeof todoSubtasks.$inferSelect;
export type NewTodoSubtask = typeof todoSubtasks.$inferInsert;
