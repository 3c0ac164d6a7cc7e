import { createRoute, z } from '@hono/zod-openapi';
import { and, asc, eq, sql } from 'drizzle-orm';
import { todos, todoSubtasks } from '../../db/schema/index.ts';
import type { Database } from '../env.ts';
import { ApiError, notFound } from '../errors.ts';
import { problems } from './problems.ts';
import { bearerAuth, jsonContent, newRouter } from '../openapi.ts';
import { Timestamp, Uuid } from './schemas.ts';

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

const SubtaskList = z.object({ data: z.array(Subtask), next_cursor: z.null() }).openapi('SubtaskList');

const SubtaskCreate = z
  .object({
    title: z.string().trim().min(1).max(500),
    is_completed: z.boolean().optional(),
    position: z.number().int().min(0).max(1_000_000).optional().openapi({ description: 'Defaults to the end of the list' }),
  })
  .openapi('SubtaskCreate');
const SubtaskUpdate = SubtaskCreate.partial().openapi('SubtaskUpdate');
const SubtaskOrder = z
  .object({ ids: z.array(Uuid).min(1).max(1000).openapi({ description: 'Every subtask of the todo, in the new order' }) })
  .openapi('SubtaskOrder');

/** Subtasks are bounded per todo, so they come in one ordered list rather than pages. */
export const MAX_SUBTASKS_PER_TODO = 1000;

const TodoParam = z.object({ id: Uuid.openapi({ param: { name: 'id', in: 'path' } }) });
const SubtaskParams = TodoParam.extend({ subtask_id: Uuid.openapi({ param: { name: 'subtask_id', in: 'path' } }) });

const tags = ['Todos'];
const security = bearerAuth;

const listSubtasks = createRoute({
  method: 'get',
  path: '/todos/{id}/subtasks',
  tags,
  security,
  summary: "A todo's subtasks, ordered by position",
  request: { params: TodoParam },
  responses: { 200: { description: 'All subtasks', content: jsonContent(SubtaskList) }, ...problems(401, 404) },
});

const createSubtask = createRoute({
  method: 'post',
  path: '/todos/{id}/subtasks',
  tags,
  security,
  summary: 'Add a subtask',
  request: { params: TodoParam, body: { content: jsonContent(SubtaskCreate), required: true } },
  responses: { 201: { description: 'Created', content: jsonContent(Subtask) }, ...problems(400, 401, 404, 413, 415) },
});

const updateSubtask = createRoute({
  method: 'patch',
  path: '/todos/{id}/subtasks/{subtask_id}',
  tags,
  security,
  summary: 'Update a subtask',
  request: { params: SubtaskParams, body: { content: jsonContent(SubtaskUpdate), required: true } },
  responses: { 200: { description: 'Updated', content: jsonContent(Subtask) }, ...problems(400, 401, 404, 413, 415) },
});

const deleteSubtask = createRoute({
  method: 'delete',
  path: '/todos/{id}/subtasks/{subtask_id}',
  tags,
  security,
  summary: 'Delete a subtask',
  request: { params: SubtaskParams },
  responses: { 204: { description: 'Deleted' }, ...problems(401, 404) },
});

const reorderSubtasks = createRoute({
  method: 'put',
  path: '/todos/{id}/subtasks/order',
  tags,
  security,
  summary: 'Reorder all subtasks at once',
  description: 'The body lists every subtask of the todo exactly once; positions become 0..n-1 in that order, atomically.',
  request: { params: TodoParam, body: { content: jsonContent(SubtaskOrder), required: true } },
  responses: { 200: { description: 'The subtasks in their new order', content: jsonContent(SubtaskList) }, ...problems(400, 401, 404, 413, 415) },
});

/** 404 unless the caller can see the todo (the policies decide). */
async function requireTodo(db: Database, todoId: string): Promise<void> {
  const [todo] = await db.select({ id: todos.id }).from(todos).where(eq(todos.id, todoId));
  if (!todo) throw notFound('todo');
}

function subtasksOf(db: Database, todoId: string) {
  return db
    .select()
    .from(todoSubtasks)
    .where(eq(todoSubtasks.todo_id, todoId))
    .orderBy(asc(todoSubtasks.position), asc(todoSubtasks.created_at), asc(todoSubtasks.id));
}

export const subtasksRouter = newRouter()
  .openapi(listSubtasks, async (c) => {
    const { id } = c.req.valid('param');
    await requireTodo(c.var.db, id);
    return c.json({ data: await subtasksOf(c.var.db, id), next_cursor: null }, 200);
  })
  .openapi(createSubtask, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    await requireTodo(c.var.db, id);
    const [{ count, next_position }] = await c.var.db
      .select({
        count: sql<number>`count(*)::int`,
        next_position: sql<number>`coalesce(max(${todoSubtasks.position}) + 1, 0)::int`,
      })
      .from(todoSubtasks)
      .where(eq(todoSubtasks.todo_id, id));
    if (count >= MAX_SUBTASKS_PER_TODO) {
      throw new ApiError('validation_failed', `A todo holds at most ${MAX_SUBTASKS_PER_TODO} subtasks.`);
    }
    const [subtask] = await c.var.db
      .insert(todoSubtasks)
      .values({ ...body, todo_id: id, position: body.position ?? next_position })
      .returning();
    c.header('location', `/api/v1/todos/${id}/subtasks/${subtask.id}`);
    return c.json(subtask, 201);
  })
  .openapi(updateSubtask, async (c) => {
    const { id, subtask_id } = c.req.valid('param');
    const changes = c.req.valid('json');
    const target = and(eq(todoSubtasks.id, subtask_id), eq(todoSubtasks.todo_id, id));
    const [subtask] =
      Object.keys(changes).length > 0
        ? await c.var.db.update(todoSubtasks).set(changes).where(target).returning()
        : await c.var.db.select().from(todoSubtasks).where(target);
    if (!subtask) throw notFound('subtask');
    return c.json(subtask, 200);
  })
  .openapi(deleteSubtask, async (c) => {
    const { id, subtask_id } = c.req.valid('param');
    const deleted = await c.var.db
      .delete(todoSubtasks)
      .where(and(eq(todoSubtasks.id, subtask_id), eq(todoSubtasks.todo_id, id)))
      .returning({ id: todoSubtasks.id });
    if (deleted.length === 0) throw notFound('subtask');
    return c.body(null, 204);
  })
  .openapi(reorderSubtasks, async (c) => {
    const { id } = c.req.valid('param');
    const { ids } = c.req.valid('json');
    await requireTodo(c.var.db, id);
    await applySubtaskOrder(c.var.db, id, ids);
    return c.json({ data: await subtasksOf(c.var.db, id), next_cursor: null }, 200);
  });

/** Positions become the index in `ids`; the list must name every subtask of the todo exactly once. */
async function applySubtaskOrder(db: Database, todoId: string, ids: string[]): Promise<void> {
  const existing = await db
    .select({ id: todoSubtasks.id })
    .from(todoSubtasks)
    .where(eq(todoSubtasks.todo_id, todoId))
    .for('update');
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
}
