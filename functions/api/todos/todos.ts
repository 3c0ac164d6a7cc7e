import { listOf } from '../../database/pagination.ts';
import { jsonContent, newRouter } from '../../openapi.ts';
import { IdParam } from '../../shapes.ts';
import {
  createTodo,
  deleteTodo,
  getTodo,
  listTodos,
  Todo,
  TodoChanges,
  TodoFilters,
  TodoInput,
  updateTodo,
} from '../../todos/todos.ts';
import { operationsOf } from '../operation.ts';

const operation = operationsOf('Todos');

const list = operation({
  method: 'get',
  path: '/todos',
  operationId: 'listTodos',
  oneStatement: true,
  summary: 'List your todos, newest first',
  request: { query: TodoFilters },
  responses: { 200: { description: 'A page of todos', content: jsonContent(listOf(Todo, 'TodoList')) } },
});

const create = operation({
  method: 'post',
  path: '/todos',
  operationId: 'createTodo',
  oneStatement: true,
  summary: 'Create a todo',
  request: { body: { content: jsonContent(TodoInput), required: true } },
  responses: { 201: { description: 'Created', content: jsonContent(Todo) } },
});

const get = operation({
  method: 'get',
  path: '/todos/{id}',
  operationId: 'getTodo',
  oneStatement: true,
  summary: 'Get a todo',
  request: { params: IdParam },
  responses: { 200: { description: 'The todo', content: jsonContent(Todo) } },
});

const update = operation({
  method: 'patch',
  path: '/todos/{id}',
  operationId: 'updateTodo',
  oneStatement: true,
  summary: 'Update a todo',
  description: 'Setting `status` to `completed` stamps `completed_at`; leaving `completed` clears it.',
  request: { params: IdParam, body: { content: jsonContent(TodoChanges), required: true } },
  responses: { 200: { description: 'The updated todo', content: jsonContent(Todo) } },
});

const remove = operation({
  method: 'delete',
  path: '/todos/{id}',
  operationId: 'deleteTodo',
  oneStatement: true,
  summary: 'Delete a todo and its subtasks',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' } },
});

export const todosRouter = newRouter()
  .openapi(list, async (c) => c.json(await listTodos(c.var.db, c.req.valid('query')), 200))
  .openapi(create, async (c) => {
    const todo = await createTodo(c.var.db, c.req.valid('json'));
    c.header('location', `/api/v1/todos/${todo.id}`);
    return c.json(todo, 201);
  })
  .openapi(get, async (c) => c.json(await getTodo(c.var.db, c.req.valid('param').id), 200))
  .openapi(update, async (c) => c.json(await updateTodo(c.var.db, c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(remove, async (c) => {
    await deleteTodo(c.var.db, c.req.valid('param').id);
    return c.body(null, 204);
  });
