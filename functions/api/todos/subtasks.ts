import { z } from '@hono/zod-openapi';
import { jsonContent, newRouter } from '../../openapi.ts';
import { Uuid } from '../../shapes.ts';
import {
  addSubtask,
  deleteSubtask,
  listSubtasks,
  reorderSubtasks,
  Subtask,
  SubtaskChanges,
  SubtaskInput,
  SubtaskOrder,
  updateSubtask,
} from '../../todos/subtasks.ts';
import { operationsOf } from '../operation.ts';

const SubtaskList = z.object({ data: z.array(Subtask), next_cursor: z.null() }).openapi('SubtaskList');
const TodoParam = z.object({ id: Uuid.openapi({ param: { name: 'id', in: 'path' } }) });
const SubtaskParams = TodoParam.extend({ subtask_id: Uuid.openapi({ param: { name: 'subtask_id', in: 'path' } }) });

const operation = operationsOf('Todos');

const list = operation({
  method: 'get',
  path: '/todos/{id}/subtasks',
  operationId: 'listSubtasks',
  oneStatement: true,
  summary: "A todo's subtasks, ordered by position",
  request: { params: TodoParam },
  responses: { 200: { description: 'All subtasks', content: jsonContent(SubtaskList) } },
});

const create = operation({
  method: 'post',
  path: '/todos/{id}/subtasks',
  operationId: 'addSubtask',
  summary: 'Add a subtask',
  request: { params: TodoParam, body: { content: jsonContent(SubtaskInput), required: true } },
  responses: { 201: { description: 'Created', content: jsonContent(Subtask) } },
});

const update = operation({
  method: 'patch',
  path: '/todos/{id}/subtasks/{subtask_id}',
  operationId: 'updateSubtask',
  summary: 'Update a subtask',
  request: { params: SubtaskParams, body: { content: jsonContent(SubtaskChanges), required: true } },
  responses: { 200: { description: 'Updated', content: jsonContent(Subtask) } },
});

const remove = operation({
  method: 'delete',
  path: '/todos/{id}/subtasks/{subtask_id}',
  operationId: 'deleteSubtask',
  summary: 'Delete a subtask',
  request: { params: SubtaskParams },
  responses: { 204: { description: 'Deleted' } },
});

const reorder = operation({
  method: 'put',
  path: '/todos/{id}/subtasks/order',
  operationId: 'reorderSubtasks',
  summary: 'Reorder all subtasks at once',
  description: 'The body lists every subtask of the todo exactly once; positions become 0..n-1 in that order, atomically.',
  request: { params: TodoParam, body: { content: jsonContent(SubtaskOrder), required: true } },
  responses: { 200: { description: 'The subtasks in their new order', content: jsonContent(SubtaskList) } },
});

export const subtasksRouter = newRouter()
  .openapi(list, async (c) => c.json({ data: await listSubtasks(c.var.db, c.req.valid('param').id), next_cursor: null }, 200))
  .openapi(create, async (c) => {
    const { id } = c.req.valid('param');
    const subtask = await addSubtask(c.var.db, id, c.req.valid('json'));
    c.header('location', `/api/v1/todos/${id}/subtasks/${subtask.id}`);
    return c.json(subtask, 201);
  })
  .openapi(update, async (c) => {
    const { id, subtask_id } = c.req.valid('param');
    return c.json(await updateSubtask(c.var.db, id, subtask_id, c.req.valid('json')), 200);
  })
  .openapi(remove, async (c) => {
    const { id, subtask_id } = c.req.valid('param');
    await deleteSubtask(c.var.db, id, subtask_id);
    return c.body(null, 204);
  })
  .openapi(reorder, async (c) => {
    const { id } = c.req.valid('param');
    return c.json({ data: await reorderSubtasks(c.var.db, id, c.req.valid('json')), next_cursor: null }, 200);
  });
