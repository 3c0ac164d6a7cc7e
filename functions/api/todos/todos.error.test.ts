import { MAX_BODY_BYTES } from '../../app.ts';
import type { TestApi } from '../../../test/support/app.ts';
import { describe, expect, test } from '../../../test/support/fixtures.ts';
import { expectProblem } from '../../../test/support/problem-assertions.ts';

async function todoCount(api: TestApi): Promise<number> {
  const { rows } = await api.database.owner.query<{ n: number }>('select count(*)::int as n from public.todos');
  return rows[0].n;
}

describe('bad input to the todos routes', () => {
  test('answers 400 with one error per bad field and writes nothing', async ({ api, alice }) => {
    const before = await todoCount(api);
    const response = await api.request('/api/v1/todos', {
      method: 'POST',
      token: alice.token,
      json: { title: 42, status: 'someday', priority: 'meh', due_date: 'next tuesday', tags: 'not-an-array', trip_id: 'nope' },
    });
    const problem = await expectProblem(response, 400);
    const paths = problem.errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(['due_date', 'priority', 'status', 'tags', 'title', 'trip_id']);
    expect(await todoCount(api)).toBe(before);
  });

  test('rejects a missing title and an empty one', async ({ api, alice }) => {
    for (const body of [{}, { title: '   ' }]) {
      const problem = await expectProblem(await api.request('/api/v1/todos', { method: 'POST', token: alice.token, json: body }), 400);
      expect(problem.errors.map((e: { path: string }) => e.path)).toEqual(['title']);
    }
  });

  test('answers 400 to broken JSON', async ({ api, alice }) => {
    const response = await api.request('/api/v1/todos', {
      method: 'POST',
      token: alice.token,
      headers: { 'content-type': 'application/json' },
      body: '{"title": "unterminated',
    });
    await expectProblem(response, 400);
  });

  test('answers 415 to a body that is not JSON', async ({ api, alice }) => {
    const response = await api.request('/api/v1/todos', {
      method: 'POST',
      token: alice.token,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'title=hello',
    });
    await expectProblem(response, 415);
  });

  test('answers 413 to a body over the limit and writes nothing', async ({ api, alice }) => {
    const before = await todoCount(api);
    const response = await api.request('/api/v1/todos', {
      method: 'POST',
      token: alice.token,
      json: { title: 'big', description: 'x'.repeat(MAX_BODY_BYTES + 1) },
    });
    await expectProblem(response, 413);
    expect(await todoCount(api)).toBe(before);
  });

  test('answers 404 to ids that are not UUIDs', async ({ api, alice }) => {
    for (const [method, path] of [
      ['GET', '/api/v1/todos/not-a-uuid'],
      ['PATCH', '/api/v1/todos/123'],
      ['DELETE', "/api/v1/todos/1' or '1'='1"],
      ['GET', '/api/v1/todos/also-bad/subtasks'],
    ]) {
      const response = await api.request(path, { method, token: alice.token, json: method === 'PATCH' ? { title: 'x' } : undefined });
      await expectProblem(response, 404);
    }
  });

  test('answers 400 to bad query values and ignores unknown parameters', async ({ api, alice }) => {
    for (const query of ['limit=0', 'limit=101', 'limit=ten', 'status=someday', 'cursor=garbage', 'due_before=yesterday']) {
      await expectProblem(await api.request(`/api/v1/todos?${query}`, { token: alice.token }), 400);
    }
    const response = await api.request('/api/v1/todos?colour=blue', { token: alice.token });
    expect(response.status).toBe(200);
  });

  test("answers 400 to a link to a row the caller cannot see, and writes nothing", async ({ api, alice, bob }) => {
    const foreignTodo = await (await api.request('/api/v1/todos', { method: 'POST', token: bob.token, json: { title: 'theirs' } })).json();
    const { rows } = await api.database.owner.query<{ id: string }>(
      `insert into public.trips (user_id, name, origin, destination) values ($1, 'their trip', '{}', '{}') returning id`,
      [bob.id],
    );
    const before = await todoCount(api);
    const response = await api.request('/api/v1/todos', { method: 'POST', token: alice.token, json: { title: 'mine', trip_id: rows[0].id } });
    const refused = await expectProblem(response, 400);
    // Someone else's trip reads exactly like a trip that does not exist.
    const missing = await api.request('/api/v1/todos', {
      method: 'POST',
      token: alice.token,
      json: { title: 'mine', trip_id: crypto.randomUUID() },
    });
    expect(await expectProblem(missing, 400)).toEqual({ ...refused, request_id: missing.headers.get('x-request-id') });
    const relinked = await api.request(`/api/v1/todos/${foreignTodo.id}`, { method: 'PATCH', token: alice.token, json: { title: 'x' } });
    expect(relinked.status).toBe(404);
    expect(await todoCount(api)).toBe(before);
  });

  test('never answers 500 to hostile strings', async ({ api, alice }) => {
    for (const title of ["'); drop table todos; --", '\u0000', 'ü'.repeat(500), '𝓟𝓐𝓜']) {
      const response = await api.request('/api/v1/todos', { method: 'POST', token: alice.token, json: { title } });
      expect(response.status, JSON.stringify(title)).toBeLessThan(500);
    }
  });
});

describe('every response', () => {
  test('carries an x-request-id, echoing the client’s', async ({ api, alice }) => {
    const generated = await api.request('/api/v1/todos', { token: alice.token });
    expect(generated.headers.get('x-request-id')).toMatch(/\S{8,}/);
    const echoed = await api.request('/api/v1/todos', { token: alice.token, headers: { 'x-request-id': 'client-trace-42' } });
    expect(echoed.headers.get('x-request-id')).toBe('client-trace-42');
  });

  test('answers an unknown route with a 404 problem', async ({ api, alice }) => {
    await expectProblem(await api.request('/api/v1/nothing-here', { token: alice.token }), 404);
  });
});
