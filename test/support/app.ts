import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { newApp } from '../../functions/app.ts';
import { connectPg, type ConnectDatabase } from '../../functions/database/connect.ts';
import type { Env } from '../../functions/env.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { embeddedConnector } from './embedded-connector.ts';

export const TEST_JWT_SECRET = 'pam-test-secret-that-is-long-enough-for-hs256';

export const testEnv: Env = { JWT_SECRET: TEST_JWT_SECRET };

/** The same connector production uses for a server; the embedded database for PGlite runs. */
export function connectorFor(database: TestDatabase): ConnectDatabase {
  if (database.connectionString) {
    const url = database.connectionString;
    return (_config, options) => connectPg(url, {}, options);
  }
  return embeddedConnector(database.pglite!);
}

export interface ApiUser {
  id: string;
  email: string;
  token: string;
  sessionId: string;
}

/** Tests read bodies of many shapes; they assert on them rather than type them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ApiResponse = Omit<Response, 'json'> & { json(): Promise<any> };

export interface TestApi {
  database: TestDatabase;
  request(path: string, init?: RequestInit & { token?: string; json?: unknown }): Promise<ApiResponse>;
  /** A signed-in user (the profile is created by their first request, as in production). */
  signIn(options?: { email?: string; admin?: boolean; claims?: Record<string, unknown> }): Promise<ApiUser>;
  close(): Promise<void>;
}

export async function signTestToken(claims: Record<string, unknown>, secret = TEST_JWT_SECRET): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt()
    .setExpirationTime(typeof claims.exp === 'number' ? claims.exp : '1h')
    .sign(new TextEncoder().encode(secret));
}

/** The Hono app on a fresh migrated database, called in-process like a client would over HTTP. */
export async function createTestApi(env: Env = testEnv): Promise<TestApi> {
  const database = await createTestDatabase();
  const app = newApp({ connectDatabase: connectorFor(database) });
  const api: TestApi = {
    database,
    request(path, init = {}) {
      const { token, json, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (token) headers.set('authorization', `Bearer ${token}`);
      let body = rest.body;
      if (json !== undefined) {
        headers.set('content-type', 'application/json');
        body = JSON.stringify(json);
      }
      return Promise.resolve(app.request(path, { ...rest, headers, body }, env)) as Promise<ApiResponse>;
    },
    async signIn(options = {}) {
      const id = randomUUID();
      const email = options.email ?? `user-${id.slice(0, 8)}@example.com`;
      const sessionId = randomUUID();
      const token = await signTestToken({ sub: id, email, role: 'authenticated', session_id: sessionId, ...options.claims });
      const response = await api.request('/api/v1/me', { token });
      if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
      if (options.admin) await database.owner.query('update public.profiles set is_admin = true where id = $1', [id]);
      return { id, email, token, sessionId };
    },
    close: () => database.close(),
  };
  return api;
}
