import { z } from '@hono/zod-openapi';
import { asc, eq, sql } from 'drizzle-orm';
import { todoSubtasks } from '../../db/schema/index.ts';
import { deleteOr404, updateOr404 } from '../database/rows.ts';
import type { Database } from '../database/types.ts';
import { ApiError } from '../errors.ts';
import { Timestamp, Uuid } from '../shapes.ts';
import { getTodo } from './todos.ts';

export const Subtask = z
  .object({
    id: Uuid,
    todo_id: Uuid,
    title: z.string(),
    is_completed: z.boolean(),
    completed_at: Timestamp.nullable(),
    position: z.number().int(),
    created_at: Timestamp,
  })
  .openapi('Subtask');

export const SubtaskInput = z
  .object({
    title: z.string().trim().min(1).max(500),
    is_completed: z.boolean().optional(),
    position: z.number().int().min(0).max(1_000_000).optional().openapi({ description: 'Defaults to the end of the list' }),
  })
  .openapi('SubtaskCreate');
export type SubtaskInput = z.infer<typeof SubtaskInput>;

export const SubtaskChanges = SubtaskInput.partial().openapi('SubtaskUpdate');
export type SubtaskChanges = z.infer<typeof SubtaskChanges>;

export const SubtaskOrder = z
  .object({ ids: z.array(Uuid).min(1).max(1000).openapi({ description: 'Every subtask of the todo, in the new order' }) })
  .openapi('SubtaskOrder');
export type SubtaskOrder = z.infer<typeof SubtaskOrder>;

/** Subtasks are bounded per todo, so they come in one ordered list rather than pages. */
export const MAX_SUBTASKS_PER_TODO = 1000;

const ofTodo = (todoId: string) => eq(todoSubtasks.todo_id, todoId);

/** A todo's subtasks in order; 404 unless the caller can see the todo. */
export async function listSubtasks(db: Database, todoId: string) {
  await getTodo(db, todoId);
  return subtasksInOrder(db, todoId);
}

function subtasksInOrder(db: Database, todoId: string) {
  return db
    .select()
    .from(todoSubtasks)
    .where(ofTodo(todoId))
    .orderBy(asc(todoSubtasks.position), asc(todoSubtasks.created_at), asc(todoSubtasks.id));
}

/** Adds a subtask at `position`, or at the end of the list. */
export async function addSubtask(db: Database, todoId: string, input: SubtaskInput) {
  await getTodo(db, todoId);
  const [{ count, next_position }] = await db
    .select({
      count: sql<number>`count(*)::int`,
      next_position: sql<number>`coalesce(max(${todoSubtasks.position}) + 1, 0)::int`,
    })
    .from(todoSubtasks)
    .where(ofTodo(todoId));
  if (count >= MAX_SUBTASKS_PER_TODO) {
    throw new ApiError('validation_failed', `A todo holds at most ${MAX_SUBTASKS_PER_TODO} subtasks.`);
  }
  const [subtask] = await db
    .insert(todoSubtasks)
    .values({ ...input, todo_id: todoId, position: input.position ?? next_position })
    .returning();
  return subtask;
}

export const updateSubtask = (db: Database, todoId: string, id: string, changes: SubtaskChanges) =>
  updateOr404(db, todoSubtasks, id, changes, 'subtask', ofTodo(todoId));

export const deleteSubtask = (db: Database, todoId: string, id: string) =>
  deleteOr404(db, todoSubtasks, id, 'subtask', ofTodo(todoId));

/** Positions become the index in `ids`, atomically; the list must name every subtask of the todo exactly once. */
export async function reorderSubtasks(db: Database, todoId: string, { ids }: SubtaskOrder) {
  await getTodo(db, todoId);
  const existing = await db.select({ id: todoSubtasks.id }).from(todoSubtasks).where(ofTodo(todoId)).for('update');
  const known = new Set(existing.map((s) => s.id));
  const requested = new Set(ids);
  if (requested.size !== ids.length || requested.size !== known.size || ids.some((sid) => !known.has(sid))) {
    throw new ApiError('validation_failed', 'The order must list every subtask of this todo exactly once.', {
      errors: [{ path: 'ids', message: `expected the ${known.size} subtask ids of this todo, each once` }],
    });
  }
  await db.execute(sql`
    update public.todo_subtasks s
       set position = o.ordinality - 1
      from unnest(${`{${ids.join(',')}}`}::uuid[]) with ordinality as o(id, ordinality)
     where s.id = o.id and s.todo_id = ${todoId}`);
  return subtasksInOrder(db, todoId);
}

