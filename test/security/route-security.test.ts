import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newApp } from '../../functions/app.ts';
import { createTestApi, signTestToken, type TestApi } from '../support/app.ts';
import { routeSecurityCases } from './route-cases.ts';

/**
 * The authorization cases every route must pass, driven by the OpenAPI document so that
 * a route cannot be added without being covered. One test per route and case, so a
 * failure names its route.
 */

interface DocumentedRoute {
  method: string;
  path: string;
  key: string;
}

// The document needs no database: read it before the tests are collected.
const document = (await (await newApp().request('/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
const routes: DocumentedRoute[] = Object.entries(document.paths)
  .filter(([path]) => path.startsWith('/api/v1/'))
  .flatMap(([path, operations]) =>
    Object.keys(operations).map((method) => ({ method: method.toUpperCase(), path, key: `${method.toUpperCase()} ${path}` })),
  );
const covered = routes.filter((route) => route.key in routeSecurityCases);
const caseOf = (route: DocumentedRoute) => routeSecurityCases[route.key];

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

function fill(path: string, params: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`no value for {${name}} in ${path}`);
    return params[name];
  });
}

const placeholder = (path: string) => path.replace(/\{(\w+)\}/g, () => crypto.randomUUID());

/** Every row of every table, hashed per table in one statement: proves a refused request changed nothing. */
async function snapshot(): Promise<Record<string, string>> {
  const { rows: tables } = await api.database.owner.query<{ name: string }>(
    `select format('%I.%I', schemaname, tablename) as name from pg_tables where schemaname in ('public', 'auth') order by 1`,
  );
  const { rows } = await api.database.owner.query<Record<string, string | null>>(
    `select ${tables
      .map(({ name }, i) => `(select md5(string_agg(t::text, '|' order by t::text)) from ${name} t) as t${i}`)
      .join(', ')}`,
  );
  return Object.fromEntries(tables.map(({ name }, i) => [name, rows[0][`t${i}`] ?? 'empty']));
}

describe('the route security suite', () => {
  it('covers every documented route, and only those', () => {
    expect(routes.length).toBeGreaterThan(10);
    const uncovered = routes.filter((r) => !(r.key in routeSecurityCases)).map((r) => r.key);
    expect(uncovered, 'add these routes to a file in test/security/cases/').toEqual([]);
    const stale = Object.keys(routeSecurityCases).filter((key) => !routes.some((r) => r.key === key));
    expect(stale, 'these cases name routes that no longer exist').toEqual([]);
  });

  it('marks every /api/v1/admin route adminOnly', () => {
    const unmarked = routes.filter((r) => r.path.startsWith('/api/v1/admin/') && !caseOf(r)?.adminOnly);
    expect(unmarked.map((r) => r.key)).toEqual([]);
  });
});

describe.each(covered.filter((r) => !caseOf(r).public))('$key', (route) => {
  it('answers 401 with WWW-Authenticate without a token, and changes nothing', async () => {
    const before = await snapshot();
    const response = await api.request(placeholder(route.path), { method: route.method, json: caseOf(route).body });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await snapshot()).toEqual(before);
  });

  it('answers 401 to a token signed with another key', async () => {
    const forged = await signTestToken({ sub: crypto.randomUUID(), role: 'authenticated' }, 'not-the-server-secret-at-all-123456');
    const response = await api.request(placeholder(route.path), { method: route.method, token: forged, json: caseOf(route).body });
    expect(response.status).toBe(401);
  });
});

/** Ordinary routes show an administrator only their own rows: the admin scope opens on /api/v1/admin/* alone. */
const ordinary = (route: DocumentedRoute) => !route.path.startsWith('/api/v1/admin/') && !caseOf(route).public;
const intruders = [
  { who: 'another user', admin: false },
  { who: 'an administrator', admin: true },
];

describe.each(covered.filter((r) => caseOf(r).foreignRow))('$key', (route) => {
  it.each(intruders.filter(({ admin }) => !admin || ordinary(route)))("answers 404 for another user's row to $who, and changes nothing", async ({ admin }) => {
    const owner = await api.signIn();
    const intruder = await api.signIn({ admin });
    const { params, body } = await caseOf(route).foreignRow!(api, owner);
    const before = await snapshot();
    const response = await api.request(fill(route.path, params), {
      method: route.method,
      token: caseOf(route).public ? undefined : intruder.token,
      json: body,
    });
    expect(response.status).toBe(404);
    expect(await snapshot()).toEqual(before);
  });
});

describe.each(covered.filter((r) => caseOf(r).foreignList))('$key', (route) => {
  it.each(intruders.filter(({ admin }) => !admin || ordinary(route)))("keeps another user's rows out of the list for $who", async ({ admin }) => {
    const owner = await api.signIn();
    const intruder = await api.signIn({ admin });
    const hiddenIds = await caseOf(route).foreignList!(api, owner);
    const response = await api.request(`${route.path}?limit=100`, { token: caseOf(route).public ? undefined : intruder.token });
    expect(response.status).toBe(200);
    const listed = JSON.stringify(await response.json());
    for (const id of hiddenIds) expect(listed).not.toContain(id);
  });
});

describe.each(covered.filter((r) => caseOf(r).adminOnly))('$key', (route) => {
  it('answers 403 to an ordinary user and changes nothing; lets an administrator through', async () => {
    const user = await api.signIn();
    const admin = await api.signIn({ admin: true });
    const before = await snapshot();
    const refused = await api.request(placeholder(route.path), { method: route.method, token: user.token, json: caseOf(route).body });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await snapshot()).toEqual(before);
    const allowed = await api.request(placeholder(route.path), { method: route.method, token: admin.token, json: caseOf(route).body });
    expect(allowed.status).not.toBe(403);
    expect(allowed.status).toBeLessThan(500);
  });
});
