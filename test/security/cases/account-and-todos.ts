import type { ApiUser, TestApi } from '../../support/app.ts';
import { created, type RouteSecurityCase } from '../route-cases.ts';

const ownerTodo = (api: TestApi, owner: ApiUser) => created(api, owner, '/api/v1/todos', { title: 'owner todo' });

async function ownerSubtask(api: TestApi, owner: ApiUser) {
  const todo = await ownerTodo(api, owner);
  const subtask = await created(api, owner, `/api/v1/todos/${todo.id}/subtasks`, { title: 'owner subtask' });
  return { todo, subtask };
}

async function ownerSessionId(api: TestApi, owner: ApiUser): Promise<string> {
  const { rows } = await api.database.owner.query<{ id: string }>(
    'select id from public.user_sessions where user_id = $1 limit 1',
    [owner.id],
  );
  return rows[0].id;
}

export const cases: Record<string, RouteSecurityCase> = {
  'GET /api/v1/me': { selfOnly: true },
  'PATCH /api/v1/me': { selfOnly: true, body: { full_name: 'x' } },
  'DELETE /api/v1/me': { selfOnly: true },
  'GET /api/v1/me/export': { selfOnly: true },

  'GET /api/v1/sessions': { foreignList: async (api, owner) => [await ownerSessionId(api, owner)] },
  'DELETE /api/v1/sessions/{id}': {
    foreignRow: async (api, owner) => ({ params: { id: await ownerSessionId(api, owner) } }),
  },

  'GET /api/v1/todos': { foreignList: async (api, owner) => [(await ownerTodo(api, owner)).id] },
  'POST /api/v1/todos': { body: { title: 'x' } },
  'GET /api/v1/todos/{id}': { foreignRow: async (api, owner) => ({ params: { id: (await ownerTodo(api, owner)).id } }) },
  'PATCH /api/v1/todos/{id}': {
    body: { title: 'taken over' },
    foreignRow: async (api, owner) => ({ params: { id: (await ownerTodo(api, owner)).id }, body: { title: 'taken over' } }),
  },
  'DELETE /api/v1/todos/{id}': {
    foreignRow: async (api, owner) => ({ params: { id: (await ownerTodo(api, owner)).id } }),
  },

  'GET /api/v1/todos/{id}/subtasks': {
    foreignRow: async (api, owner) => ({ params: { id: (await ownerSubtask(api, owner)).todo.id } }),
  },
  'POST /api/v1/todos/{id}/subtasks': {
    body: { title: 'x' },
    foreignRow: async (api, owner) => ({ params: { id: (await ownerTodo(api, owner)).id }, body: { title: 'planted' } }),
  },
  'PATCH /api/v1/todos/{id}/subtasks/{subtask_id}': {
    body: { title: 'x' },
    foreignRow: async (api, owner) => {
      const { todo, subtask } = await ownerSubtask(api, owner);
      return { params: { id: todo.id, subtask_id: subtask.id }, body: { title: 'taken over', is_completed: true } };
    },
  },
  'DELETE /api/v1/todos/{id}/subtasks/{subtask_id}': {
    foreignRow: async (api, owner) => {
      const { todo, subtask } = await ownerSubtask(api, owner);
      return { params: { id: todo.id, subtask_id: subtask.id } };
    },
  },
  'PUT /api/v1/todos/{id}/subtasks/order': {
    body: { ids: ['00000000-0000-4000-8000-000000000000'] },
    foreignRow: async (api, owner) => {
      const { todo, subtask } = await ownerSubtask(api, owner);
      return { params: { id: todo.id }, body: { ids: [subtask.id] } };
    },
  },
};
