import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestApi, type TestApi } from '../../test/support/app.ts';
import { forgetVerifiedTokens, verifiedToken } from './verified-tokens.ts';
import { InvalidTokenError } from './verify-access-token.ts';

const SECRET = 'a-supabase-style-jwt-secret-of-at-least-32-chars';
const env = { JWT_SECRET: SECRET };
const nowSeconds = () => Math.floor(Date.now() / 1000);

function sign(claims: Record<string, unknown>, secret = SECRET): Promise<string> {
  return new SignJWT({ sub: randomUUID(), role: 'authenticated', session_id: randomUUID(), ...claims })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode(secret));
}

async function rejection(pending: Promise<unknown>): Promise<InvalidTokenError> {
  const error = await pending.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(InvalidTokenError);
  return error as InvalidTokenError;
}

describe('verified tokens, remembered per isolate', () => {
  beforeEach(() => forgetVerifiedTokens());
  afterEach(() => {
    vi.useRealTimers();
    forgetVerifiedTokens();
  });

  it('answers a token it has verified from memory, with the same claims and session key', async () => {
    const token = await sign({ exp: nowSeconds() + 600 });
    const first = await verifiedToken(token, env);
    const again = await verifiedToken(token, env);
    expect(again).toBe(first);
    expect(again.sessionKeyHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a remembered token once it has expired, beyond the clock tolerance', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const exp = nowSeconds() + 60;
    const token = await sign({ exp });
    await verifiedToken(token, env);
    vi.setSystemTime((exp + 25) * 1000);
    expect((await verifiedToken(token, env)).claims.exp).toBe(exp);
    vi.setSystemTime((exp + 31) * 1000);
    expect((await rejection(verifiedToken(token, env))).reason).toBe('expired');
  });

  it('verifies the signature again after five minutes at most (a key withdrawn from the JWKS stops working)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const token = await sign({ exp: nowSeconds() + 3600 });
    const first = await verifiedToken(token, env);
    vi.setSystemTime(Date.now() + 4 * 60_000);
    expect(await verifiedToken(token, env)).toBe(first);
    vi.setSystemTime(Date.now() + 2 * 60_000);
    const reverified = await verifiedToken(token, env);
    expect(reverified).not.toBe(first);
    expect(reverified.claims).toEqual(first.claims);
  });

  it('does not carry a verification over to other keys or other audience rules', async () => {
    const token = await sign({ exp: nowSeconds() + 600 });
    await verifiedToken(token, env);
    expect((await rejection(verifiedToken(token, { JWT_SECRET: 'the-rotated-secret-that-is-also-long-enough' }))).reason).toBe('signature');
    expect((await rejection(verifiedToken(token, { ...env, JWT_AUDIENCE: 'pam-api' }))).reason).toBe('claims');
    expect((await rejection(verifiedToken(token, {}))).reason).toBe('unconfigured');
  });

  it('never remembers a rejection: a token is refused every time it is sent', async () => {
    const forged = await sign({ exp: nowSeconds() + 600 }, 'a-forger-secret-that-is-long-enough-too');
    expect((await rejection(verifiedToken(forged, env))).reason).toBe('signature');
    expect((await rejection(verifiedToken(forged, env))).reason).toBe('signature');
  });

  it('holds at most a thousand tokens, forgetting the oldest first', async () => {
    const exp = nowSeconds() + 600;
    const tokens = await Promise.all(Array.from({ length: 1_001 }, () => sign({ exp })));
    const oldest = await verifiedToken(tokens[0], env);
    const newest = await verifiedToken(tokens[1], env);
    for (const token of tokens.slice(2)) await verifiedToken(token, env);
    expect(await verifiedToken(tokens[1], env)).toBe(newest);
    expect(await verifiedToken(tokens[0], env)).not.toBe(oldest);
  });
});

describe('a remembered token whose session has been revoked', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
  });
  afterAll(() => api.close());

  it('is refused on its very next request', async () => {
    const user = await api.signIn();
    expect((await api.request('/api/v1/todos', { token: user.token })).status).toBe(200);
    await api.database.owner.query('update public.user_sessions set is_active = false, ended_at = now() where user_id = $1', [user.id]);
    const refused = await api.request('/api/v1/todos', { token: user.token });
    expect(refused.status).toBe(401);
    expect((await refused.json()).detail).toMatch(/session has ended/i);
  });

  it('is refused once the account is disabled', async () => {
    const user = await api.signIn();
    expect((await api.request('/api/v1/todos', { token: user.token })).status).toBe(200);
    await api.database.owner.query('update public.profiles set is_active = false where id = $1', [user.id]);
    expect((await api.request('/api/v1/todos', { token: user.token })).status).toBe(401);
  });
});
