import { z } from '@hono/zod-openapi';
import type { ApiUser, TestApi } from '../../../test/support/app.ts';
import { bodyOf, describe, expect, test } from '../../../test/support/fixtures.ts';
import { Subtask } from '../../todos/subtasks.ts';
import { Todo } from '../../todos/todos.ts';

const TodoPage = z.object({ data: z.array(Todo), next_cursor: z.string().nullable() });
const SubtaskList = z.object({ data: z.array(Subtask), next_cursor: z.null() });

async function createTodo(api: TestApi, user: ApiUser, body: Record<string, unknown>) {
  const response = await api.request('/api/v1/todos', { method: 'POST', token: user.token, json: body });
  return { response, todo: await bodyOf(response, Todo, 201) };
}

const titles = (page: { data: { title: string }[] }) => page.data.map((t) => t.title);

describe('todos', () => {
  test('creates a todo: 201, the object, Location, owner and defaults set by the server', async ({ api, alice }) => {
    const { response, todo } = await createTodo(api, alice, {
      title: 'Check tyre pressure',
      tags: ['van'],
      due_date: '2026-12-01T09:00:00+01:00',
    });
    expect(response.headers.get('location')).toBe(`/api/v1/todos/${todo.id}`);
    expect(todo).toMatchObject({
      title: 'Check tyre pressure',
      user_id: alice.id,
      status: 'pending',
      priority: 'medium',
      tags: ['van'],
      metadata: {},
      completed_at: null,
    });
    expect(new Date(todo.due_date!).toISOString()).toBe('2026-12-01T08:00:00.000Z');
    expect(todo.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);

    const fetched = await api.request(`/api/v1/todos/${todo.id}`, { token: alice.token });
    expect(await bodyOf(fetched, Todo, 200)).toEqual(todo);
  });

  test('ignores server-owned fields in the body', async ({ api, alice }) => {
    const someoneElse = crypto.randomUUID();
    const { todo } = await createTodo(api, alice, {
      title: 'Sneaky',
      user_id: someoneElse,
      id: someoneElse,
      completed_at: '2020-01-01T00:00:00Z',
      created_at: '2020-01-01T00:00:00Z',
    });
    expect(todo.user_id).toBe(alice.id);
    expect(todo.id).not.toBe(someoneElse);
    expect(todo.completed_at).toBeNull();
    expect(todo.created_at.startsWith('2020')).toBe(false);
  });

  test('stamps completed_at when completed and clears it when reopened', async ({ api, alice }) => {
    const { todo } = await createTodo(api, alice, { title: 'Book campsite' });
    const done = await api.request(`/api/v1/todos/${todo.id}`, { method: 'PATCH', token: alice.token, json: { status: 'completed' } });
    const completed = await bodyOf(done, Todo, 200);
    expect(completed.completed_at).not.toBeNull();
    expect(Date.parse(completed.updated_at)).toBeGreaterThanOrEqual(Date.parse(todo.updated_at));

    const reopened = await bodyOf(
      await api.request(`/api/v1/todos/${todo.id}`, { method: 'PATCH', token: alice.token, json: { status: 'in_progress' } }),
      Todo,
      200,
    );
    expect(reopened.status).toBe('in_progress');
    expect(reopened.completed_at).toBeNull();
  });

  test('deletes a todo: 204, then 404', async ({ api, alice }) => {
    const { todo } = await createTodo(api, alice, { title: 'Throw away' });
    const deleted = await api.request(`/api/v1/todos/${todo.id}`, { method: 'DELETE', token: alice.token });
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe('');
    const again = await api.request(`/api/v1/todos/${todo.id}`, { token: alice.token });
    expect(again.status).toBe(404);
  });

  test('lists newest first with stable cursor pagination and filters', async ({ api, bob }) => {
    const created = Array.from({ length: 7 }, (_, i) => `Bob task ${i}`);
    for (const [i, title] of created.entries()) {
      await createTodo(api, bob, { title, priority: i % 2 === 0 ? 'high' : 'low', tags: i < 3 ? ['fuel'] : [] });
    }
    const seen: string[] = [];
    let cursor: string | null = null as string | null;
    do {
      const query = new URLSearchParams({ limit: '3', ...(cursor ? { cursor } : {}) });
      const page = await bodyOf(await api.request(`/api/v1/todos?${query}`, { token: bob.token }), TodoPage, 200);
      expect(page.data.length).toBeLessThanOrEqual(3);
      seen.push(...titles(page));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual([...created].reverse());

    const high = await bodyOf(await api.request('/api/v1/todos?priority=high&limit=100', { token: bob.token }), TodoPage, 200);
    expect(titles(high).sort()).toEqual(['Bob task 0', 'Bob task 2', 'Bob task 4', 'Bob task 6']);
    const tagged = await bodyOf(await api.request('/api/v1/todos?tag=fuel', { token: bob.token }), TodoPage, 200);
    expect(tagged.data).toHaveLength(3);
    expect(tagged.next_cursor).toBeNull();
  });

  test('filters by due date range', async ({ api, alice }) => {
    await createTodo(api, alice, { title: 'early', due_date: '2026-01-10T00:00:00Z' });
    await createTodo(api, alice, { title: 'middle', due_date: '2026-02-10T00:00:00Z' });
    await createTodo(api, alice, { title: 'late', due_date: '2026-03-10T00:00:00Z' });
    const page = await bodyOf(
      await api.request('/api/v1/todos?due_after=2026-02-01T00:00:00Z&due_before=2026-03-01T00:00:00Z', { token: alice.token }),
      TodoPage,
      200,
    );
    expect(titles(page)).toEqual(['middle']);
  });
});

describe('subtasks', () => {
  test('adds subtasks in order, updates, reorders atomically, and deletes', async ({ api, alice }) => {
    const { todo } = await createTodo(api, alice, { title: 'Pack the van' });
    const base = `/api/v1/todos/${todo.id}/subtasks`;
    const ids: string[] = [];
    for (const title of ['tent', 'stove', 'water']) {
      const response = await api.request(base, { method: 'POST', token: alice.token, json: { title } });
      const subtask = await bodyOf(response, Subtask, 201);
      expect(response.headers.get('location')).toBe(`${base}/${subtask.id}`);
      ids.push(subtask.id);
    }
    const listed = await bodyOf(await api.request(base, { token: alice.token }), SubtaskList, 200);
    expect(titles(listed)).toEqual(['tent', 'stove', 'water']);

    const done = await bodyOf(
      await api.request(`${base}/${ids[1]}`, { method: 'PATCH', token: alice.token, json: { is_completed: true } }),
      Subtask,
      200,
    );
    expect(done.is_completed).toBe(true);
    expect(done.completed_at).not.toBeNull();

    const reordered = await api.request(`${base}/order`, { method: 'PUT', token: alice.token, json: { ids: [ids[2], ids[0], ids[1]] } });
    const order = await bodyOf(reordered, SubtaskList, 200);
    expect(titles(order)).toEqual(['water', 'tent', 'stove']);
    expect(order.data.map((s) => s.position)).toEqual([0, 1, 2]);

    // An incomplete order changes nothing.
    const partial = await api.request(`${base}/order`, { method: 'PUT', token: alice.token, json: { ids: [ids[0], ids[1]] } });
    expect(partial.status).toBe(400);
    const after = await bodyOf(await api.request(base, { token: alice.token }), SubtaskList, 200);
    expect(titles(after)).toEqual(['water', 'tent', 'stove']);

    expect((await api.request(`${base}/${ids[0]}`, { method: 'DELETE', token: alice.token })).status).toBe(204);
    const remaining = await bodyOf(await api.request(base, { token: alice.token }), SubtaskList, 200);
    expect(titles(remaining)).toEqual(['water', 'stove']);
  });

  test('inserts a subtask at a position and moves one to another, keeping every position distinct', async ({ api, alice }) => {
    const { todo } = await createTodo(api, alice, { title: 'Winterise the van' });
    const base = `/api/v1/todos/${todo.id}/subtasks`;
    const add = async (json: Record<string, unknown>) =>
      bodyOf(await api.request(base, { method: 'POST', token: alice.token, json }), Subtask, 201);
    const listed = async () => bodyOf(await api.request(base, { token: alice.token }), SubtaskList, 200);

    await add({ title: 'drain water' });
    const antifreeze = await add({ title: 'antifreeze' });
    const first = await add({ title: 'empty fridge', position: 0 });
    expect(first.position).toBe(0);
    let list = await listed();
    expect(titles(list)).toEqual(['empty fridge', 'drain water', 'antifreeze']);
    expect(list.data.map((s) => s.position)).toEqual([0, 1, 2]);

    const moved = await bodyOf(
      await api.request(`${base}/${antifreeze.id}`, { method: 'PATCH', token: alice.token, json: { position: 0 } }),
      Subtask,
      200,
    );
    expect(moved.position).toBe(0);
    list = await listed();
    expect(titles(list)).toEqual(['antifreeze', 'empty fridge', 'drain water']);
    expect(list.data.map((s) => s.position)).toEqual([0, 1, 2]);

    await api.request(`${base}/${antifreeze.id}`, { method: 'PATCH', token: alice.token, json: { position: 2 } });
    list = await listed();
    expect(titles(list)).toEqual(['empty fridge', 'drain water', 'antifreeze']);
    expect(list.data.map((s) => s.position)).toEqual([0, 1, 2]);

    // Past the end is the end.
    await add({ title: 'cover', position: 500 });
    expect(titles(await listed())).toEqual(['empty fridge', 'drain water', 'antifreeze', 'cover']);
    const { rows } = await api.database.owner.query(
      'select count(*)::int as n, count(distinct position)::int as distinct_positions from public.todo_subtasks where todo_id = $1',
      [todo.id],
    );
    expect(rows[0]).toEqual({ n: 4, distinct_positions: 4 });
  });

  test('deleting a todo deletes its subtasks', async ({ api, alice }) => {
    const { todo } = await createTodo(api, alice, { title: 'Short-lived' });
    await api.request(`/api/v1/todos/${todo.id}/subtasks`, { method: 'POST', token: alice.token, json: { title: 'gone too' } });
    await api.request(`/api/v1/todos/${todo.id}`, { method: 'DELETE', token: alice.token });
    const { rows } = await api.database.owner.query('select count(*)::int as n from public.todo_subtasks where todo_id = $1', [todo.id]);
    expect(rows[0]).toEqual({ n: 0 });
  });
});
