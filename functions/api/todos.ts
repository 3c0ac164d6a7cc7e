import { createRoute, z } from '@hono/zod-openapi';
import { arrayContains, eq, gte, lte, type SQL } from 'drizzle-orm';
import { todos } from '../../db/schema/index.ts';
import { notFound } from '../errors.ts';
import { problems } from './problems.ts';
import { bearerAuth, jsonContent, newRouter } from '../openapi.ts';
import { listOf, listPage, PageQuery } from './pagination.ts';
import { IdParam, JsonObject, Tags, Timestamp, TimestampInput, Uuid } from './schemas.ts';

const TodoStatus = z.enum(['pending', 'in_progress', 'completed', 'cancelled']);
const TodoPriority = z.enum(['low', 'medium', 'high', 'urgent']);
const RecurrencePattern = z.enum(['daily', 'weekly', 'monthly', 'yearly']);

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

/** What a client may write. Server-owned fields (ids, owner, timestamps, completed_at) are not accepted and are ignored. */
const TodoInput = z.object({
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
});
const TodoCreate = TodoInput.openapi('TodoCreate');
const TodoUpdate = TodoInput.partial().openapi('TodoUpdate');

const TodoFilters = PageQuery.extend({
  status: TodoStatus.optional(),
  priority: TodoPriority.optional(),
  category: z.string().max(100).optional(),
  tag: z.string().max(100).optional(),
  trip_id: Uuid.optional(),
  due_before: TimestampInput.optional(),
  due_after: TimestampInput.optional(),
});

const tags = ['Todos'];
const security = bearerAuth;

const listTodos = createRoute({
  method: 'get',
  path: '/todos',
  tags,
  security,
  summary: 'List your todos, newest first',
  request: { query: TodoFilters },
  responses: {
    200: { description: 'A page of todos', content: jsonContent(listOf(Todo, 'TodoList')) },
    ...problems(400, 401),
  },
});

const createTodo = createRoute({
  method: 'post',
  path: '/todos',
  tags,
  security,
  summary: 'Create a todo',
  request: { body: { content: jsonContent(TodoCreate), required: true } },
  responses: {
    201: { description: 'Created', content: jsonContent(Todo) },
    ...problems(400, 401, 413, 415),
  },
});

const getTodo = createRoute({
  method: 'get',
  path: '/todos/{id}',
  tags,
  security,
  summary: 'Get a todo',
  request: { params: IdParam },
  responses: { 200: { description: 'The todo', content: jsonContent(Todo) }, ...problems(401, 404) },
});

const updateTodo = createRoute({
  method: 'patch',
  path: '/todos/{id}',
  tags,
  security,
  summary: 'Update a todo',
  description: 'Setting `status` to `completed` stamps `completed_at`; leaving `completed` clears it.',
  request: { params: IdParam, body: { content: jsonContent(TodoUpdate), required: true } },
  responses: { 200: { description: 'The updated todo', content: jsonContent(Todo) }, ...problems(400, 401, 404, 413, 415) },
});

const deleteTodo = createRoute({
  method: 'delete',
  path: '/todos/{id}',
  tags,
  security,
  summary: 'Delete a todo and its subtasks',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...problems(401, 404) },
});

function todoFilters(query: z.infer<typeof TodoFilters>): (SQL | undefined)[] {
  return [
    query.status ? eq(todos.status, query.status) : undefined,
    query.priority ? eq(todos.priority, query.priority) : undefined,
    query.category ? eq(todos.category, query.category) : undefined,
    query.tag ? arrayContains(todos.tags, [query.tag]) : undefined,
    query.trip_id ? eq(todos.trip_id, query.trip_id) : undefined,
    query.due_before ? lte(todos.due_date, query.due_before) : undefined,
    query.due_after ? gte(todos.due_date, query.due_after) : undefined,
  ];
}

export const todosRouter = newRouter()
  .openapi(listTodos, async (c) => {
    const query = c.req.valid('query');
    return c.json(await listPage(c.var.db, todos, todoFilters(query), query), 200);
  })
  .openapi(createTodo, async (c) => {
    const [todo] = await c.var.db.insert(todos).values(c.req.valid('json')).returning();
    c.header('location', `/api/v1/todos/${todo.id}`);
    return c.json(todo, 201);
  })
  .openapi(getTodo, async (c) => {
    const [todo] = await c.var.db.select().from(todos).where(eq(todos.id, c.req.valid('param').id));
    if (!todo) throw notFound('todo');
    return c.json(todo, 200);
  })
  .openapi(updateTodo, async (c) => {
    const changes = c.req.valid('json');
    const { id } = c.req.valid('param');
    const [todo] =
      Object.keys(changes).length > 0
        ? await c.var.db.update(todos).set(changes).where(eq(todos.id, id)).returning()
        : await c.var.db.select().from(todos).where(eq(todos.id, id));
    if (!todo) throw notFound('todo');
    return c.json(todo, 200);
  })
  .openapi(deleteTodo, async (c) => {
    const deleted = await c.var.db
      .delete(todos)
      .where(eq(todos.id, c.req.valid('param').id))
      .returning({ id: todos.id });
    if (deleted.length === 0) throw notFound('todo');
    return c.body(null, 204);
  });
