// Cross-origin calls as browsers make them: the preflight first (no token), then the real
// request with the token. The browser-level proof is test/browser/cors.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, TEST_JWT_SECRET, type ApiUser, type TestApi } from '../../test/support/app.ts';
import { newApp } from '../app.ts';
import type { Env } from '../env.ts';
import { allowedOrigins } from './cors.ts';

const APP_ORIGIN = 'https://app.pam.example';
const production: Env = {
  JWT_SECRET: TEST_JWT_SECRET,
  PAM_ENV: 'production',
  CORS_ALLOWED_ORIGINS: ` ${APP_ORIGIN}/ , https://staging.pam.example`,
};
const development: Env = { ...production, PAM_ENV: 'development' };

/** No database is needed for a preflight: it is answered before anything opens one. */
const app = newApp();

function preflight(path: string, origin: string, env: Env, method = 'POST') {
  return app.request(
    path,
    {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'authorization, content-type' },
    },
    env,
  );
}

describe('a preflight', () => {
  it('from an allowed origin is answered before authentication, for a token and a JSON body', async () => {
    const response = await preflight('/api/v1/todos', APP_ORIGIN, production);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(response.headers.get('access-control-allow-methods')?.split(/,\s*/)).toEqual(
      expect.arrayContaining(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']),
    );
    expect(response.headers.get('access-control-allow-headers')?.toLowerCase().split(/,\s*/)).toEqual(
      expect.arrayContaining(['authorization', 'content-type']),
    );
    expect(Number(response.headers.get('access-control-max-age'))).toBeGreaterThan(0);
    // Bearer tokens, never cookies.
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.get('vary')).toMatch(/\bOrigin\b/);
  });

  it('from another origin gets no permission, whatever the path', async () => {
    for (const origin of ['https://evil.example', 'http://app.pam.example', 'https://app.pam.example.evil.example']) {
      const response = await preflight('/api/v1/todos', origin, production);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(response.headers.get('access-control-allow-methods')).toBeNull();
    }
  });

  it('from this machine is allowed in development only, on any port', async () => {
    for (const origin of ['http://localhost:5173', 'http://127.0.0.1:3000', 'http://localhost']) {
      expect((await preflight('/api/v1/todos', origin, development)).headers.get('access-control-allow-origin')).toBe(origin);
      expect((await preflight('/api/v1/todos', origin, production)).headers.get('access-control-allow-origin')).toBeNull();
    }
    for (const origin of ['https://localhost:5173', 'http://localhost.evil.example', 'http://192.168.1.10:5173']) {
      expect((await preflight('/api/v1/todos', origin, development)).headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('is not answered for the webhooks or the docs', async () => {
    for (const path of ['/webhooks/digistore24', '/docs']) {
      const response = await preflight(path, APP_ORIGIN, production);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    }
  });
});

describe('requests from an allowed origin', () => {
  let api: TestApi;
  let user: ApiUser;
  const fromApp = { origin: APP_ORIGIN };

  beforeAll(async () => {
    api = await createTestApi(production);
    user = await api.signIn();
  });
  afterAll(() => api?.close());

  it('carry permission and the headers a script may read, on success', async () => {
    const response = await api.request('/api/v1/todos', {
      method: 'POST',
      token: user.token,
      headers: fromApp,
      json: { title: 'Refill the water tank' },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    const exposed = response.headers.get('access-control-expose-headers')?.toLowerCase().split(/,\s*/);
    expect(exposed).toEqual(expect.arrayContaining(['location', 'retry-after', 'x-request-id']));
    expect(response.headers.get('vary')).toMatch(/\bOrigin\b/);
  });

  it('carry permission on problem responses too, so the app can read what went wrong', async () => {
    const unauthorized = await api.request('/api/v1/todos', { headers: fromApp });
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);

    const missing = await api.request(`/api/v1/todos/${crypto.randomUUID()}`, { token: user.token, headers: fromApp });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
  });

  it('carry none without an Origin (a server calling) or from an origin not on the list', async () => {
    const serverSide = await api.request('/api/v1/todos', { token: user.token });
    expect(serverSide.status).toBe(200);
    expect(serverSide.headers.get('access-control-allow-origin')).toBeNull();

    const elsewhere = await api.request('/api/v1/todos', { token: user.token, headers: { origin: 'https://evil.example' } });
    expect(elsewhere.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('leave the docs page alone', async () => {
    const docs = await api.request('/docs', { headers: fromApp });
    expect(docs.status).toBe(200);
    expect(docs.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('CORS_ALLOWED_ORIGINS', () => {
  it('is read as exact origins; an entry that is not one matches nothing', () => {
    expect([...allowedOrigins(' https://a.example/ ,https://B.example:8443,, not a url, https://c.example/app')]).toEqual([
      'https://a.example',
      'https://b.example:8443',
    ]);
    expect(allowedOrigins(undefined).size).toBe(0);
  });
});
