import type { ApiUser, TestApi } from '../support/app.ts';

/**
 * How the shared security suite exercises each route. Every route in the OpenAPI
 * document needs an entry here, or the suite fails: a new route cannot skip it.
 */
export interface RouteSecurityCase {
  /** Reachable without a token (public data only). */
  public?: boolean;
  /** Routes with path params: create the owner's rows and name them, plus a valid body to send. */
  foreignRow?: (api: TestApi, owner: ApiUser) => Promise<{ params: Record<string, string>; body?: unknown }>;
  /** List routes: create the owner's rows and return their ids, which no one else may see. */
  foreignList?: (api: TestApi, owner: ApiUser) => Promise<string[]>;
  /** Routes that act on the caller themselves (/me): nothing of another user to point at. */
  selfOnly?: true;
  /** A valid body for routes that take one (so a 401 is about the token, not the body). */
  body?: unknown;
}

async function created(api: TestApi, owner: ApiUser, path: string, body: unknown): Promise<{ id: string }> {
  const response = await api.request(path, { method: 'POST', token: owner.token, json: body });
  if (response.status !== 201) throw new Error(`arranging ${path} failed: ${response.status} ${await response.text()}`);
  return response.json();
}

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

export const routeSecurityCases: Record<string, RouteSecurityCase> = {
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
