import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiUser, createTestApi, type TestApi } from '../../../test/support/app.ts';

let api: TestApi;
let alice: ApiUser;

beforeAll(async () => {
  api = await createTestApi();
  alice = await api.signIn();
});
afterAll(() => api.close());

async function createTodo(body: Record<string, unknown>, user = alice) {
  const response = await api.request('/api/v1/todos', { method: 'POST', token: user.token, json: body });
  expect(response.status).toBe(201);
  return response;
}

describe('todos', () => {
  it('creates a todo: 201, the object, Location, owner and defaults set by the server', async () => {
    const response = await createTodo({ title: 'Check tyre pressure', tags: ['van'], due_date: '2026-12-01T09:00:00+01:00' });
    const todo = await response.json();
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
    expect(new Date(todo.due_date).toISOString()).toBe('2026-12-01T08:00:00.000Z');
    expect(todo.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);

    const fetched = await api.request(`/api/v1/todos/${todo.id}`, { token: alice.token });
    expect(fetched.status).toBe(200);
    expect(await fetched.json()).toEqual(todo);
  });

  it('ignores server-owned fields in the body', async () => {
    const someoneElse = crypto.randomUUID();
    const response = await createTodo({
      title: 'Sneaky',
      user_id: someoneElse,
      id: someoneElse,
      completed_at: '2020-01-01T00:00:00Z',
      created_at: '2020-01-01T00:00:00Z',
    });
    const todo = await response.json();
    expect(todo.user_id).toBe(alice.id);
    expect(todo.id).not.toBe(someoneElse);
    expect(todo.completed_at).toBeNull();
    expect(todo.created_at.startsWith('2020')).toBe(false);
  });

  it('stamps completed_at when completed and clears it when reopened', async () => {
    const todo = await (await createTodo({ title: 'Book campsite' })).json();
    const done = await api.request(`/api/v1/todos/${todo.id}`, { method: 'PATCH', token: alice.token, json: { status: 'completed' } });
    expect(done.status).toBe(200);
    const completed = await done.json();
    expect(completed.completed_at).not.toBeNull();
    expect(Date.parse(completed.updated_at)).toBeGreaterThanOrEqual(Date.parse(todo.updated_at));

    const reopened = await (
      await api.request(`/api/v1/todos/${todo.id}`, { method: 'PATCH', token: alice.token, json: { status: 'in_progress' } })
    ).json();
    expect(reopened.status).toBe('in_progress');
    expect(reopened.completed_at).toBeNull();
  });

  it('deletes a todo: 204, then 404', async () => {
    const todo = await (await createTodo({ title: 'Throw away' })).json();
    const deleted = await api.request(`/api/v1/todos/${todo.id}`, { method: 'DELETE', token: alice.token });
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe('');
    const again = await api.request(`/api/v1/todos/${todo.id}`, { token: alice.token });
    expect(again.status).toBe(404);
  });

  it('lists newest first with stable cursor pagination and filters', async () => {
    const bob = await api.signIn();
    const titles = Array.from({ length: 7 }, (_, i) => `Bob task ${i}`);
    for (const [i, title] of titles.entries()) {
      await createTodo({ title, priority: i % 2 === 0 ? 'high' : 'low', tags: i < 3 ? ['fuel'] : [] }, bob);
    }
    const seen: string[] = [];
    let cursor: string | null = null as string | null;
    do {
      const query = new URLSearchParams({ limit: '3', ...(cursor ? { cursor } : {}) });
      const page = await (await api.request(`/api/v1/todos?${query}`, { token: bob.token })).json();
      expect(page.data.length).toBeLessThanOrEqual(3);
      seen.push(...page.data.map((t: { title: string }) => t.title));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual([...titles].reverse());

    const high = await (await api.request('/api/v1/todos?priority=high&limit=100', { token: bob.token })).json();
    expect(high.data.map((t: { title: string }) => t.title).sort()).toEqual(['Bob task 0', 'Bob task 2', 'Bob task 4', 'Bob task 6']);
    const tagged = await (await api.request('/api/v1/todos?tag=fuel', { token: bob.token })).json();
    expect(tagged.data).toHaveLength(3);
    expect(tagged.next_cursor).toBeNull();
  });

  it('filters by due date range', async () => {
    const carol = await api.signIn();
    await createTodo({ title: 'early', due_date: '2026-01-10T00:00:00Z' }, carol);
    await createTodo({ title: 'middle', due_date: '2026-02-10T00:00:00Z' }, carol);
    await createTodo({ title: 'late', due_date: '2026-03-10T00:00:00Z' }, carol);
    const page = await (
      await api.request('/api/v1/todos?due_after=2026-02-01T00:00:00Z&due_before=2026-03-01T00:00:00Z', { token: carol.token })
    ).json();
    expect(page.data.map((t: { title: string }) => t.title)).toEqual(['middle']);
  });
});

describe('subtasks', () => {
  it('adds subtasks in order, updates, reorders atomically, and deletes', async () => {
    const todo = await (await createTodo({ title: 'Pack the van' })).json();
    const base = `/api/v1/todos/${todo.id}/subtasks`;
    const ids: string[] = [];
    for (const title of ['tent', 'stove', 'water']) {
      const response = await api.request(base, { method: 'POST', token: alice.token, json: { title } });
      expect(response.status).toBe(201);
      const subtask = await response.json();
      expect(response.headers.get('location')).toBe(`${base}/${subtask.id}`);
      ids.push(subtask.id);
    }
    const listed = await (await api.request(base, { token: alice.token })).json();
    expect(listed.data.map((s: { title: string }) => s.title)).toEqual(['tent', 'stove', 'water']);

    const done = await (
      await api.request(`${base}/${ids[1]}`, { method: 'PATCH', token: alice.token, json: { is_completed: true } })
    ).json();
    expect(done.is_completed).toBe(true);
    expect(done.completed_at).not.toBeNull();

    const reordered = await api.request(`${base}/order`, { method: 'PUT', token: alice.token, json: { ids: [ids[2], ids[0], ids[1]] } });
    expect(reordered.status).toBe(200);
    const order = await reordered.json();
    expect(order.data.map((s: { title: string }) => s.title)).toEqual(['water', 'tent', 'stove']);
    expect(order.data.map((s: { position: number }) => s.position)).toEqual([0, 1, 2]);

    // An incomplete order changes nothing.
    const partial = await api.request(`${base}/order`, { method: 'PUT', token: alice.token, json: { ids: [ids[0], ids[1]] } });
    expect(partial.status).toBe(400);
    const after = await (await api.request(base, { token: alice.token })).json();
    expect(after.data.map((s: { title: string }) => s.title)).toEqual(['water', 'tent', 'stove']);

    expect((await api.request(`${base}/${ids[0]}`, { method: 'DELETE', token: alice.token })).status).toBe(204);
    const remaining = await (await api.request(base, { token: alice.token })).json();
    expect(remaining.data.map((s: { title: string }) => s.title)).toEqual(['water', 'stove']);
  });

  it('deleting a todo deletes its subtasks', async () => {
    const todo = await (await createTodo({ title: 'Short-lived' })).json();
    await api.request(`/api/v1/todos/${todo.id}/subtasks`, { method: 'POST', token: alice.token, json: { title: 'gone too' } });
    await api.request(`/api/v1/todos/${todo.id}`, { method: 'DELETE', token: alice.token });
    const { rows } = await api.database.owner.query('select count(*)::int as n from public.todo_subtasks where todo_id = $1', [todo.id]);
    expect(rows[0]).toEqual({ n: 0 });
  });
});
