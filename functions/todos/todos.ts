import { z } from '@hono/zod-openapi';
import { arrayContains, asc, eq, gte, lte, notInArray, type SQL, sql } from 'drizzle-orm';
import { todos } from '../../db/schema/index.ts';
import { listPage, PageQuery } from '../database/pagination.ts';
import { deleteOr404, findOr404, insertOne, updateOr404 } from '../database/rows.ts';
import type { Database } from '../database/types.ts';
import { JsonObject, Tags, Timestamp, TimestampInput, Uuid } from '../shapes.ts';

/** A user's todos. Every function runs under the caller's claims: the policies decide whose rows these are. */

export const TodoStatus = z.enum(['pending', 'in_progress', 'completed', 'cancelled']);
export const TodoPriority = z.enum(['low', 'medium', 'high', 'urgent']);
export const RecurrencePattern = z.enum(['daily', 'weekly', 'monthly', 'yearly']);

export const Todo = z
  .object({
    id: Uuid,
    user_id: Uuid,
    title: z.string(),
    description: z.string().nullable(),
    status: TodoStatus,
    priority: TodoPriority,
    category: z.string().nullable(),
    due_date: Timestamp.nullable(),
    completed_at: Timestamp.nullable(),
    trip_id: Uuid.nullable(),
    expense_id: Uuid.nullable(),
    budget_id: Uuid.nullable(),
    tags: z.array(z.string()).nullable(),
    metadata: JsonObject,
    reminder_at: Timestamp.nullable(),
    recurrence_pattern: RecurrencePattern.nullable(),
    next_occurrence_id: Uuid.nullable().openapi({
      description: 'Set by the server once a completed recurring todo has produced its next occurrence',
    }),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .openapi('Todo');
export type Todo = typeof todos.$inferSelect;

/** What a caller may write. Server-owned fields (ids, owner, timestamps, completed_at) are not accepted and are ignored. */
export const TodoInput = z
  .object({
    title: z.string().trim().min(1).max(500),
    description: z.string().max(10_000).nullable().optional(),
    status: TodoStatus.optional(),
    priority: TodoPriority.optional(),
    category: z.string().trim().max(100).nullable().optional(),
    due_date: TimestampInput.nullable().optional(),
    trip_id: Uuid.nullable().optional(),
    expense_id: Uuid.nullable().optional(),
    budget_id: Uuid.nullable().optional(),
    tags: Tags.nullable().optional(),
    metadata: JsonObject.optional(),
    reminder_at: TimestampInput.nullable().optional(),
    recurrence_pattern: RecurrencePattern.nullable().optional(),
  })
  .openapi('TodoCreate');
export type TodoInput = z.infer<typeof TodoInput>;

export const TodoChanges = TodoInput.partial().openapi('TodoUpdate');
export type TodoChanges = z.infer<typeof TodoChanges>;

export const TodoFilters = PageQuery.extend({
  status: TodoStatus.optional(),
  priority: TodoPriority.optional(),
  category: z.string().max(100).optional(),
  tag: z.string().max(100).optional(),
  trip_id: Uuid.optional(),
  due_before: TimestampInput.optional(),
  due_after: TimestampInput.optional(),
});
export type TodoFilters = z.infer<typeof TodoFilters>;

function todoConditions(filters: TodoFilters): (SQL | undefined)[] {
  return [
    filters.status ? eq(todos.status, filters.status) : undefined,
    filters.priority ? eq(todos.priority, filters.priority) : undefined,
    filters.category ? eq(todos.category, filters.category) : undefined,
    filters.tag ? arrayContains(todos.tags, [filters.tag]) : undefined,
    filters.trip_id ? eq(todos.trip_id, filters.trip_id) : undefined,
    filters.due_before ? lte(todos.due_date, filters.due_before) : undefined,
    filters.due_after ? gte(todos.due_date, filters.due_after) : undefined,
  ];
}

/** Newest first, a page at a time. */
export const listTodos = (db: Database, filters: TodoFilters) => listPage(db, todos, todoConditions(filters), filters);

export const createTodo = (db: Database, input: TodoInput) => insertOne(db, todos, input);

export const getTodo = (db: Database, id: string) => findOr404(db, todos, id, 'todo');

/** Setting `status` to `completed` stamps `completed_at` (a trigger); leaving `completed` clears it. */
export const updateTodo = (db: Database, id: string, changes: TodoChanges) => updateOr404(db, todos, id, changes, 'todo');

/** Marks a todo done; a recurring one produces its next occurrence when the recurring-work job runs. */
export const completeTodo = (db: Database, id: string) => updateTodo(db, id, { status: 'completed' });

/**
 * The open todo a person means by `words` ("the tyres"): an exact title first, then the
 * titles containing the words, oldest first. Null when none matches.
 */
export async function findOpenTodo(db: Database, words: string): Promise<Todo | null> {
  const wanted = words.trim().toLowerCase();
  const [todo] = await db
    .select()
    .from(todos)
    .where(
      sql`${notInArray(todos.status, ['completed', 'cancelled'])}
          and strpos(lower(${todos.title}), ${wanted}) > 0`,
    )
    .orderBy(sql`lower(${todos.title}) = ${wanted} desc`, asc(todos.created_at))
    .limit(1);
  return todo ?? null;
}

/** Deletes the todo and its subtasks. */
export const deleteTodo = (db: Database, id: string) => deleteOr404(db, todos, id, 'todo');
