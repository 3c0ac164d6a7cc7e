import { expect } from 'vitest';
import type { ApiResponse, TestApi } from './app.ts';

/** Asserts an RFC 9457 problem with `status` that gives nothing of the server's insides away, and returns it. */
export async function expectProblem(response: ApiResponse, status: number) {
  const problem = await response.json();
  expect(response.status, JSON.stringify(problem)).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(problem).toMatchObject({ status, type: expect.any(String), title: expect.any(String), detail: expect.any(String) });
  expect(problem.request_id).toBe(response.headers.get('x-request-id'));
  const text = JSON.stringify(problem).toLowerCase();
  for (const leak of ['select ', 'insert ', 'update ', 'node_modules', 'postgres', 'drizzle', 'violates', 'stack']) {
    expect(text).not.toContain(leak);
  }
  return problem;
}

/** The fields a validation problem names, sorted. */
export const fieldsOf = (problem: { errors?: { path: string }[] }) => (problem.errors ?? []).map((e) => e.path).sort();

/** Every row of a table, hashed: equal digests before and after mean a request changed nothing there. */
export async function tableDigest(api: TestApi, table: string): Promise<string> {
  const { rows } = await api.database.owner.query<{ digest: string | null }>(
    `select md5(string_agg(t::text, '|' order by t::text)) as digest from public.${table} t`,
  );
  return rows[0].digest ?? 'empty';
}
