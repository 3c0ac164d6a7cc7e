import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiUser, createTestApi, signTestToken, type TestApi } from '../support/app.ts';
import { routeSecurityCases } from './route-cases.ts';

/**
 * The authorization cases every route must pass, driven by the OpenAPI document so that
 * a route cannot be added without being covered.
 */

let api: TestApi;
let routes: { method: string; path: string; key: string }[];

beforeAll(async () => {
  api = await createTestApi();
  const document = await (await api.request('/openapi.json')).json();
  routes = Object.entries(document.paths as Record<string, Record<string, unknown>>)
    .filter(([path]) => path.startsWith('/api/v1/'))
    .flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => ({ method: method.toUpperCase(), path, key: `${method.toUpperCase()} ${path}` })),
    );
});
afterAll(() => api.close());

function fill(path: string, params: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`no value for {${name}} in ${path}`);
    return params[name];
  });
}

const placeholder = (path: string) => fill(path, new Proxy({}, { has: () => true, get: () => crypto.randomUUID() }));

/** Every row of every table, hashed per table: proves a refused request changed nothing. */
async function snapshot(): Promise<Record<string, string>> {
  const { rows } = await api.database.owner.query<{ tablename: string }>(
    `select tablename from pg_tables where schemaname = 'public' order by tablename`,
  );
  const result: Record<string, string> = {};
  for (const { tablename } of rows) {
    const hashed = await api.database.owner.query<{ digest: string | null }>(
      `select md5(string_agg(t::text, '|' order by t::text)) as digest from public.${tablename} t`,
    );
    result[tablename] = hashed.rows[0].digest ?? 'empty';
  }
  return result;
}

describe('the route security suite', () => {
  it('covers every documented route', () => {
    expect(routes.length).toBeGreaterThan(10);
    const uncovered = routes.filter((r) => !(r.key in routeSecurityCases)).map((r) => r.key);
    expect(uncovered, 'add these routes to test/security/route-cases.ts').toEqual([]);
    const stale = Object.keys(routeSecurityCases).filter((key) => !routes.some((r) => r.key === key));
    expect(stale, 'these cases name routes that no longer exist').toEqual([]);
  });

  it('answers 401 with WWW-Authenticate to a request without a token, and changes nothing', async () => {
    const before = await snapshot();
    for (const route of routes) {
      const securityCase = routeSecurityCases[route.key];
      if (!securityCase || securityCase.public) continue;
      const response = await api.request(placeholder(route.path), { method: route.method, json: securityCase.body });
      expect(response.status, route.key).toBe(401);
      expect(response.headers.get('www-authenticate'), route.key).toBe('Bearer error="invalid_token"');
      expect(response.headers.get('content-type'), route.key).toMatch(/^application\/problem\+json/);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('answers 401 to a forged token on every route', async () => {
    const forged = await signTestToken({ sub: crypto.randomUUID(), role: 'authenticated' }, 'not-the-server-secret-at-all-123456');
    for (const route of routes) {
      const securityCase = routeSecurityCases[route.key];
      if (!securityCase) continue;
      const response = await api.request(placeholder(route.path), { method: route.method, token: forged, json: securityCase.body });
      expect(response.status, route.key).toBe(401);
    }
  });

  it("answers 404 on every verb for another user's row, and changes nothing", async () => {
    for (const route of routes) {
      const securityCase = routeSecurityCases[route.key];
      if (!securityCase?.foreignRow) continue;
      const owner: ApiUser = await api.signIn();
      const intruder: ApiUser = await api.signIn();
      const { params, body } = await securityCase.foreignRow(api, owner);
      const before = await snapshot();
      const response = await api.request(fill(route.path, params), { method: route.method, token: intruder.token, json: body });
      expect(response.status, route.key).toBe(404);
      expect(await snapshot(), `${route.key} changed data`).toEqual(before);
    }
  });

  it('answers 403 to an ordinary user on every admin-only route and changes nothing; lets an administrator through', async () => {
    const adminRoutes = routes.filter((r) => routeSecurityCases[r.key]?.adminOnly);
    const unmarked = routes.filter((r) => r.path.startsWith('/api/v1/admin/') && !routeSecurityCases[r.key]?.adminOnly);
    expect(unmarked.map((r) => r.key), 'mark these adminOnly').toEqual([]);
    expect(adminRoutes.length).toBeGreaterThan(0);
    const user = await api.signIn();
    const admin = await api.signIn({ admin: true });
    const before = await snapshot();
    for (const route of adminRoutes) {
      const response = await api.request(placeholder(route.path), { method: route.method, token: user.token, json: routeSecurityCases[route.key].body });
      expect(response.status, route.key).toBe(403);
      expect(response.headers.get('content-type'), route.key).toMatch(/^application\/problem\+json/);
    }
    expect(await snapshot()).toEqual(before);
    for (const route of adminRoutes) {
      const response = await api.request(placeholder(route.path), { method: route.method, token: admin.token, json: routeSecurityCases[route.key].body });
      expect(response.status, route.key).not.toBe(403);
      expect(response.status, route.key).not.toBe(500);
    }
  });

  it("keeps another user's rows out of every list", async () => {
    for (const route of routes) {
      const securityCase = routeSecurityCases[route.key];
      if (!securityCase?.foreignList) continue;
      const owner = await api.signIn();
      const intruder = await api.signIn();
      const ownerIds = await securityCase.foreignList(api, owner);
      const response = await api.request(`${route.path}?limit=100`, { token: intruder.token });
      expect(response.status, route.key).toBe(200);
      const listed = JSON.stringify(await response.json());
      for (const id of ownerIds) expect(listed, route.key).not.toContain(id);
    }
  });

  it('hides the same rows from anonymous callers on public routes', async () => {
    const publicRoutes = routes.filter((r) => routeSecurityCases[r.key]?.public);
    for (const route of publicRoutes) {
      const securityCase = routeSecurityCases[route.key];
      const owner = await api.signIn();
      if (securityCase.foreignRow) {
        const { params } = await securityCase.foreignRow(api, owner);
        const response = await api.request(fill(route.path, params), { method: route.method });
        expect(response.status, route.key).toBe(404);
      }
      if (securityCase.foreignList) {
        const hiddenIds = await securityCase.foreignList(api, owner);
        const response = await api.request(`${route.path}?limit=100`);
        expect(response.status, route.key).toBe(200);
        const listed = JSON.stringify(await response.json());
        for (const id of hiddenIds) expect(listed, route.key).not.toContain(id);
      }
    }
  });
});
