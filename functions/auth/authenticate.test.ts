import { generateKeyPair, exportJWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, signTestToken, TEST_JWT_SECRET, type TestApi } from '../../test/support/app.ts';

/** The token attacks, sent to a real route through the whole app: each must be a 401 that touches nothing. */

let api: TestApi;
const encoder = new TextEncoder();
const now = () => Math.floor(Date.now() / 1000);
const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

function claims(extra: Record<string, unknown> = {}) {
  return { sub: crypto.randomUUID(), email: 'mallory@example.com', role: 'authenticated', exp: now() + 600, ...extra };
}

async function identities(): Promise<number> {
  const { rows } = await api.database.owner.query<{ n: number }>('select count(*)::int as n from auth.users');
  return rows[0].n;
}

const attacks: [name: string, token: () => Promise<string>][] = [
  ['alg none', async () => `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims())}.`],
  [
    'HS256 signed with an RSA public key (algorithm confusion)',
    async () => {
      const { publicKey } = await generateKeyPair('RS256', { extractable: true });
      const jwk = JSON.stringify(await exportJWK(publicKey));
      return new SignJWT(claims()).setProtectedHeader({ alg: 'HS256' }).sign(encoder.encode(jwk));
    },
  ],
  [
    'RS256 with a key the server does not trust',
    async () => {
      const { privateKey } = await generateKeyPair('RS256');
      return new SignJWT(claims()).setProtectedHeader({ alg: 'RS256', kid: 'x' }).sign(privateKey);
    },
  ],
  ['wrong secret', () => signTestToken(claims(), 'a-completely-different-secret-of-length')],
  ['expired', () => signTestToken(claims({ exp: now() - 120 }))],
  ['not yet valid', () => signTestToken(claims({ nbf: now() + 600 }))],
  ['role service_role', () => signTestToken(claims({ role: 'service_role' }))],
  ['role postgres', () => signTestToken(claims({ role: 'postgres' }))],
  [
    'no exp',
    () => new SignJWT({ sub: crypto.randomUUID(), role: 'authenticated' }).setProtectedHeader({ alg: 'HS256' }).sign(encoder.encode(TEST_JWT_SECRET)),
  ],
  [
    'tampered payload',
    async () => {
      const [header, , signature] = (await signTestToken(claims())).split('.');
      return `${header}.${base64url(claims({ role: 'service_role' }))}.${signature}`;
    },
  ],
  ['sub that is not a uuid', () => signTestToken(claims({ sub: "1' or '1'='1" }))],
  ['garbage', async () => 'not.a.jwt'],
];

describe('token attacks against /api/v1/todos', () => {
  for (const [name, token] of attacks) {
    it(`refuses ${name}`, async () => {
      const before = await identities();
      const response = await api.request('/api/v1/todos', { token: await token() });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
      expect((await response.json()).status).toBe(401);
      expect(await identities()).toBe(before);
    });
  }

  it('refuses a malformed Authorization header', async () => {
    for (const value of ['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer a b', 'token abc']) {
      const response = await api.request('/api/v1/todos', { headers: { authorization: value } });
      expect(response.status, value).toBe(401);
    }
  });

  it('accepts a token within the 30 s clock tolerance', async () => {
    const response = await api.request('/api/v1/todos', { token: await signTestToken(claims({ exp: now() - 10 })) });
    expect(response.status).toBe(200);
  });

  it('checks aud and iss when they are configured', async () => {
    const strictApp = await createTestApi({ JWT_SECRET: TEST_JWT_SECRET, JWT_AUDIENCE: 'pam-api', JWT_ISSUER: 'https://auth.pam.test' });
    try {
      const good = await signTestToken(claims({ aud: 'pam-api', iss: 'https://auth.pam.test' }));
      expect((await strictApp.request('/api/v1/todos', { token: good })).status).toBe(200);
      for (const bad of [claims({ aud: 'other', iss: 'https://auth.pam.test' }), claims({ aud: 'pam-api', iss: 'https://evil.test' }), claims()]) {
        expect((await strictApp.request('/api/v1/todos', { token: await signTestToken(bad) })).status).toBe(401);
      }
    } finally {
      await strictApp.close();
    }
  });

  it('refuses every token when no key is configured (fail closed)', async () => {
    const unconfigured = await createTestApi({});
    try {
      const response = await unconfigured.request('/api/v1/todos', { token: await signTestToken(claims()) });
      expect(response.status).toBe(401);
    } finally {
      await unconfigured.close();
    }
  });
});
