import { z } from '@hono/zod-openapi';
import { and, eq, gte, sql } from 'drizzle-orm';
import { todos, todoSubtasks } from '../../db/schema/index.ts';
import { deleteOr404, findOr404, rowsUnderOr404, updateOr404 } from '../database/rows.ts';
import { selectRows } from '../database/table-rows.ts';
import type { Database } from '../database/types.ts';
import { ApiError, notFound } from '../errors.ts';
import { Timestamp, Uuid } from '../shapes.ts';

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
    position: z
      .number()
      .int()
      .min(0)
      .max(1_000_000)
      .optional()
      .openapi({
        description:
          'Where the subtask goes in the list; the others shift to keep every position distinct. Adding defaults to the end; past the end is the end.',
      }),
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

const inListOrder = sql`order by ${todoSubtasks.position} asc, ${todoSubtasks.created_at} asc, ${todoSubtasks.id} asc`;

/** A todo's subtasks in order; 404 unless the caller can see the todo. One statement. */
export function listSubtasks(db: Database, todoId: string) {
  return rowsUnderOr404(db, todoSubtasks, { table: todos, id: todoId, what: 'todo' }, { on: ofTodo(todoId), rest: inListOrder });
}

async function subtasksInOrder(db: Database, todoId: string) {
  const rows = await selectRows<typeof todoSubtasks.$inferSelect>(db, todoSubtasks, { rest: sql`where ${ofTodo(todoId)} ${inListOrder}` });
  return rows.map(({ row }) => row);
}

/**
 * Makes requests that change one todo's list of subtasks (adding, moving, reordering)
 * take turns: the count checked against the limit and the positions read stay true until
 * this transaction writes. Locks only the todo row, in the mode that still lets other
 * tables' foreign keys to it be checked. 404 unless the caller can see the todo.
 */
async function lockSubtaskList(db: Database, todoId: string): Promise<void> {
  const [todo] = await db.select({ id: todos.id }).from(todos).where(eq(todos.id, todoId)).for('no key update');
  if (!todo) throw notFound('todo');
}

async function listExtent(db: Database, todoId: string) {
  const [extent] = await db
    .select({
      count: sql<number>`count(*)::int`,
      next_position: sql<number>`coalesce(max(${todoSubtasks.position}) + 1, 0)::int`,
    })
    .from(todoSubtasks)
    .where(ofTodo(todoId));
  return extent;
}

/** Adds a subtask at `position` (those from there on move down one), or at the end of the list. */
export async function addSubtask(db: Database, todoId: string, { position: requested, ...values }: SubtaskInput) {
  await lockSubtaskList(db, todoId);
  const { count, next_position } = await listExtent(db, todoId);
  if (count >= MAX_SUBTASKS_PER_TODO) {
    throw new ApiError('validation_failed', `A todo holds at most ${MAX_SUBTASKS_PER_TODO} subtasks.`);
  }
  const position = Math.min(requested ?? next_position, next_position);
  if (position < next_position) {
    // One statement: (todo_id, position) is unique, checked when the statement ends.
    await db
      .update(todoSubtasks)
      .set({ position: sql`${todoSubtasks.position} + 1` })
      .where(and(ofTodo(todoId), gte(todoSubtasks.position, position)));
  }
  const [subtask] = await db
    .insert(todoSubtasks)
    .values({ ...values, todo_id: todoId, position })
    .returning();
  return subtask;
}

/** A new `position` moves the subtask there, and the ones in between one step to close the gap. */
export async function updateSubtask(db: Database, todoId: string, id: string, { position: requested, ...changes }: SubtaskChanges) {
  if (requested !== undefined) await moveSubtask(db, todoId, id, requested);
  return updateOr404(db, todoSubtasks, id, changes, 'subtask', ofTodo(todoId));
}

async function moveSubtask(db: Database, todoId: string, id: string, requested: number): Promise<void> {
  await lockSubtaskList(db, todoId);
  const { position: from } = await findOr404(db, todoSubtasks, id, 'subtask', ofTodo(todoId));
  const { next_position } = await listExtent(db, todoId);
  const to = Math.min(requested, next_position - 1);
  if (to === from) return;
  await db.execute(sql`
    update public.todo_subtasks
       set position = case when id = ${id} then ${to}
                           when ${to}::int < ${from}::int then position + 1
                           else position - 1 end
     where todo_id = ${todoId}
       and position between least(${from}::int, ${to}::int) and greatest(${from}::int, ${to}::int)`);
}

export const deleteSubtask = (db: Database, todoId: string, id: string) =>
  deleteOr404(db, todoSubtasks, id, 'subtask', ofTodo(todoId));

/** Positions become the index in `ids`, atomically; the list must name every subtask of the todo exactly once. */
export async function reorderSubtasks(db: Database, todoId: string, { ids }: SubtaskOrder) {
  await lockSubtaskList(db, todoId);
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

