import { z } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiResponse, type ApiUser, createTestApi, type TestApi } from '../../../test/support/app.ts';
import { MAX_SUBTASKS_PER_TODO, Subtask } from '../../todos/subtasks.ts';
import { Todo } from '../../todos/todos.ts';

// Requests that change one todo's subtasks at the same moment, each on its own
// connection as in production. Only a PostgreSQL server has parallel connections; the
// embedded database has one, so these are skipped there.

const onServer = Boolean(process.env.DATABASE_URL);
const PARALLEL = 20;

let api: TestApi;
beforeAll(async () => {
  if (onServer) api = await createTestApi();
});
afterAll(() => api?.close());

const SubtaskList = z.object({ data: z.array(Subtask), next_cursor: z.null() });

async function newTodo(user: ApiUser): Promise<string> {
  const response = await api.request('/api/v1/todos', { method: 'POST', token: user.token, json: { title: 'Leave the campsite' } });
  expect(response.status).toBe(201);
  return Todo.parse(await response.json()).id;
}

/** Every request started before any is answered. */
function atOnce(count: number, request: (i: number) => Promise<ApiResponse>): Promise<ApiResponse[]> {
  return Promise.all(Array.from({ length: count }, (_, i) => request(i)));
}

const addSubtask = (user: ApiUser, todoId: string, body: Record<string, unknown>) =>
  api.request(`/api/v1/todos/${todoId}/subtasks`, { method: 'POST', token: user.token, json: body });

async function storedSubtasks(todoId: string) {
  const { rows } = await api.database.owner.query<{ title: string; position: number }>(
    'select title, position from public.todo_subtasks where todo_id = $1 order by position',
    [todoId],
  );
  return rows;
}

const statusCounts = (responses: ApiResponse[]) =>
  responses.reduce<Record<number, number>>((counts, r) => ({ ...counts, [r.status]: (counts[r.status] ?? 0) + 1 }), {});

describe.skipIf(!onServer)(`${PARALLEL} requests on one todo's subtasks at once (PostgreSQL server)`, () => {
  it(`never take a todo past ${MAX_SUBTASKS_PER_TODO} subtasks`, async () => {
    const user = await api.signIn();
    const todoId = await newTodo(user);
    const room = 5;
    await api.database.owner.query(
      `insert into public.todo_subtasks (todo_id, title, position)
       select $1, 'step ' || i, i from generate_series(0, $2 - 1) as i`,
      [todoId, MAX_SUBTASKS_PER_TODO - room],
    );

    const responses = await atOnce(PARALLEL, (i) => addSubtask(user, todoId, { title: `late ${i}` }));

    expect(statusCounts(responses)).toEqual({ 201: room, 400: PARALLEL - room });
    expect(await storedSubtasks(todoId)).toHaveLength(MAX_SUBTASKS_PER_TODO);
  });

  it('give each subtask added at the end a position of its own, in a gapless run', async () => {
    const user = await api.signIn();
    const todoId = await newTodo(user);

    const responses = await atOnce(PARALLEL, (i) => addSubtask(user, todoId, { title: `item ${i}` }));

    expect(statusCounts(responses)).toEqual({ 201: PARALLEL });
    expect((await storedSubtasks(todoId)).map((s) => s.position)).toEqual([...Array(PARALLEL).keys()]);
  });

  it('give each subtask inserted at the top a position of its own', async () => {
    const user = await api.signIn();
    const todoId = await newTodo(user);

    const responses = await atOnce(PARALLEL, (i) => addSubtask(user, todoId, { title: `urgent ${i}`, position: 0 }));

    expect(statusCounts(responses)).toEqual({ 201: PARALLEL });
    expect((await storedSubtasks(todoId)).map((s) => s.position)).toEqual([...Array(PARALLEL).keys()]);
  });

  it('leave distinct positions when subtasks are added, moved and reordered together', async () => {
    const user = await api.signIn();
    const todoId = await newTodo(user);
    const first: string[] = [];
    for (const title of ['water', 'gas', 'awning']) {
      first.push(Subtask.parse(await (await addSubtask(user, todoId, { title })).json()).id);
    }

    const responses = await atOnce(PARALLEL, (i) => {
      const base = `/api/v1/todos/${todoId}/subtasks`;
      if (i % 4 === 0) return api.request(`${base}/order`, { method: 'PUT', token: user.token, json: { ids: [...first].reverse() } });
      if (i % 4 === 1) return api.request(`${base}/${first[i % 3]}`, { method: 'PATCH', token: user.token, json: { position: i % 5 } });
      return addSubtask(user, todoId, { title: `more ${i}`, ...(i % 4 === 2 ? { position: 1 } : {}) });
    });

    // A reorder that no longer names every subtask (one was added first) is refused; nothing else is.
    for (const [i, response] of responses.entries()) {
      expect(i % 4 === 0 ? [200, 400] : [200, 201], `request ${i}`).toContain(response.status);
    }
    const positions = (await storedSubtasks(todoId)).map((s) => s.position);
    expect(new Set(positions).size).toBe(positions.length);
    const listed = SubtaskList.parse(await (await api.request(`/api/v1/todos/${todoId}/subtasks`, { token: user.token })).json());
    expect(listed.data).toHaveLength(3 + responses.filter((r) => r.status === 201).length);
  });
});
