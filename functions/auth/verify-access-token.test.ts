import { createHash, createHmac, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AccessTokenKeysUnavailableError,
  accessTokenConfig,
  InvalidTokenError,
  sessionKeyHash,
  verifyAccessToken,
  type AccessTokenConfig,
} from './verify-access-token.ts';

const SECRET = 'a-supabase-style-jwt-secret-of-at-least-32-chars';
const now = () => Math.floor(Date.now() / 1000);

interface SigningKey {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicJwk: JWK;
}

let rsa: SigningKey;
let ec: SigningKey;
let ed: SigningKey;
let attackerRsa: SigningKey;
let rsaPublicPem: string;

let server: Server;
let baseUrl: string;
const jwksRequests = new Map<string, number>();

async function signingKey(alg: string, kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { privateKey, publicKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

function base64url(value: string | Uint8Array): string {
  return Buffer.from(value).toString('base64url');
}

/** Builds a token byte by byte, for shapes jose refuses to produce. */
function handBuiltToken(header: object, payload: string, signWith?: string | Uint8Array): string {
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(payload)}`;
  const signature = signWith === undefined ? '' : createHmac('sha256', signWith).update(signingInput).digest('base64url');
  return `${signingInput}.${signature}`;
}

/** Claims of a typical Supabase access token; overrides may be of any type, as a forger's would. */
function claims(overrides: Record<string, unknown> = {}): JWTPayload {
  const issuedAt = now();
  return {
    sub: randomUUID(),
    email: 'traveller@example.com',
    role: 'authenticated',
    session_id: randomUUID(),
    iat: issuedAt,
    exp: issuedAt + 3600,
    ...overrides,
  };
}

function withoutClaim(name: string, payload: JWTPayload = claims()): JWTPayload {
  const { [name]: _dropped, ...rest } = payload;
  return rest;
}

function signHs256(payload: JWTPayload, secret: string | Uint8Array = SECRET, alg = 'HS256'): Promise<string> {
  const key = typeof secret === 'string' ? new TextEncoder().encode(secret) : secret;
  return new SignJWT(payload).setProtectedHeader({ alg, typ: 'JWT' }).sign(key);
}

function signWithKey(payload: JWTPayload, key: SigningKey, header: Record<string, unknown> = {}): Promise<string> {
  const alg = key.publicJwk.alg as string;
  return new SignJWT(payload)
    .setProtectedHeader({ alg, kid: key.publicJwk.kid, typ: 'JWT', ...header })
    .sign(key.privateKey);
}

async function rejectionOf(pending: Promise<unknown>): Promise<unknown> {
  try {
    await pending;
  } catch (error) {
    return error;
  }
  throw new Error('the token was accepted');
}

async function expectRejected(token: string, config: AccessTokenConfig, reason: string): Promise<void> {
  const error = await rejectionOf(verifyAccessToken(token, config));
  expect(error).toBeInstanceOf(InvalidTokenError);
  expect((error as InvalidTokenError).reason).toBe(reason);
  for (const segment of token.split('.').filter((part) => part.length > 8)) {
    expect((error as Error).message).not.toContain(segment);
  }
}

const secretConfig: AccessTokenConfig = { secret: SECRET };
let jwksConfig: AccessTokenConfig;
let bothConfig: AccessTokenConfig;

beforeAll(async () => {
  [rsa, ec, ed, attackerRsa] = await Promise.all([
    signingKey('RS256', 'rsa-1'),
    signingKey('ES256', 'ec-1'),
    signingKey('EdDSA', 'ed-1'),
    // A forger's own key, labelled with the real key's kid so the JWKS lookup finds a match.
    signingKey('RS256', 'rsa-1'),
  ]);
  rsaPublicPem = await exportSPKI(rsa.publicKey);

  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    jwksRequests.set(request.url ?? '', (jwksRequests.get(request.url ?? '') ?? 0) + 1);
    if (url.pathname === '/jwks.json') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ keys: [rsa.publicJwk, ec.publicJwk, ed.publicJwk] }));
    } else if (url.pathname === '/not-json') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('<html>maintenance</html>');
    } else {
      response.writeHead(500);
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  jwksConfig = { jwksUrl: `${baseUrl}/jwks.json` };
  bothConfig = { secret: SECRET, jwksUrl: `${baseUrl}/jwks.json` };
});

afterAll(async () => {
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
});

describe('verifyAccessToken with the HS256 shared secret', () => {
  it('accepts a valid token and returns its claims with the authenticated role', async () => {
    const payload = claims();
    const verified = await verifyAccessToken(await signHs256(payload), secretConfig);
    expect(verified).toMatchObject({
      sub: payload.sub,
      email: payload.email,
      session_id: payload.session_id,
      role: 'authenticated',
      exp: payload.exp,
      iat: payload.iat,
    });
  });

  it('treats an absent role as authenticated', async () => {
    const verified = await verifyAccessToken(await signHs256(withoutClaim('role')), secretConfig);
    expect(verified.role).toBe('authenticated');
  });

  it('returns the subject in canonical lowercase', async () => {
    const sub = randomUUID();
    const verified = await verifyAccessToken(await signHs256(claims({ sub: sub.toUpperCase() })), secretConfig);
    expect(verified.sub).toBe(sub);
  });

  it('rejects a token signed with another secret', async () => {
    await expectRejected(await signHs256(claims(), 'another-secret-that-is-also-long-enough'), secretConfig, 'signature');
  });

  it('rejects HMAC algorithms other than HS256 even with the right secret', async () => {
    await expectRejected(await signHs256(claims(), SECRET, 'HS512'), secretConfig, 'algorithm');
    await expectRejected(await signHs256(claims(), SECRET, 'HS384'), secretConfig, 'algorithm');
  });

  it('rejects an asymmetric token when only the secret is configured', async () => {
    await expectRejected(await signWithKey(claims(), rsa), secretConfig, 'algorithm');
  });
});

describe('verifyAccessToken with keys from a JWKS endpoint', () => {
  it('accepts RS256, ES256 and EdDSA tokens signed by keys the endpoint publishes', async () => {
    for (const key of [rsa, ec, ed]) {
      const payload = claims();
      const verified = await verifyAccessToken(await signWithKey(payload, key), jwksConfig);
      expect(verified).toMatchObject({ sub: payload.sub, session_id: payload.session_id, role: 'authenticated' });
    }
  });

  it('accepts asymmetric tokens when a secret is configured as well', async () => {
    const payload = claims();
    const verified = await verifyAccessToken(await signWithKey(payload, ec), bothConfig);
    expect(verified.sub).toBe(payload.sub);
  });

  it('rejects a token signed by a key the endpoint does not publish, even under a published kid', async () => {
    await expectRejected(await signWithKey(claims(), attackerRsa), jwksConfig, 'signature');
  });

  it('rejects a token whose kid names no published key', async () => {
    await expectRejected(await signWithKey(claims(), attackerRsa, { kid: 'attacker' }), jwksConfig, 'signature');
  });

  it('ignores a public key embedded in the token header', async () => {
    const token = await signWithKey(claims(), attackerRsa, { kid: 'attacker', jwk: attackerRsa.publicJwk });
    await expectRejected(token, jwksConfig, 'signature');
  });

  it('rejects asymmetric algorithms outside the pinned list even when correctly signed', async () => {
    for (const alg of ['RS512', 'PS256', 'ES384']) {
      const { privateKey } = await generateKeyPair(alg);
      const token = await new SignJWT(claims()).setProtectedHeader({ alg, kid: 'rsa-1' }).sign(privateKey);
      await expectRejected(token, jwksConfig, 'algorithm');
    }
  });

  it('fetches the key set once and serves later verifications from the per-isolate cache', async () => {
    const path = '/jwks.json?case=cache';
    const config = { jwksUrl: `${baseUrl}${path}` };
    await verifyAccessToken(await signWithKey(claims(), rsa), config);
    await verifyAccessToken(await signWithKey(claims(), ec), config);
    await verifyAccessToken(await signWithKey(claims(), ed), config);
    expect(jwksRequests.get(path)).toBe(1);
  });

  it('does not refetch the key set for every unknown kid', async () => {
    const path = '/jwks.json?case=unknown-kids';
    const config = { jwksUrl: `${baseUrl}${path}` };
    await verifyAccessToken(await signWithKey(claims(), rsa), config);
    for (let attempt = 0; attempt < 5; attempt++) {
      await expectRejected(await signWithKey(claims(), attackerRsa, { kid: randomUUID() }), config, 'signature');
    }
    expect(jwksRequests.get(path)).toBe(1);
  });

  it('fails closed, as a server fault rather than a bad token, when the endpoint is broken', async () => {
    for (const path of ['/down', '/not-json']) {
      const error = await rejectionOf(verifyAccessToken(await signWithKey(claims(), rsa), { jwksUrl: `${baseUrl}${path}` }));
      expect(error).toBeInstanceOf(AccessTokenKeysUnavailableError);
      expect(error).not.toBeInstanceOf(InvalidTokenError);
    }
  });

  it('refuses to fetch keys over plain http from a non-local host', async () => {
    const token = await signWithKey(claims(), rsa);
    await expect(verifyAccessToken(token, { jwksUrl: 'http://keys.example.com/jwks.json' })).rejects.toThrow(/https/);
  });
});

describe('attacks on the token', () => {
  const UNSECURED_ALGS = ['none', 'None', 'NONE', 'nOnE'];

  it('rejects unsecured tokens (alg none) with or without a signature part, under every config', async () => {
    for (const alg of UNSECURED_ALGS) {
      for (const config of [secretConfig, jwksConfig, bothConfig]) {
        const unsigned = handBuiltToken({ alg, typ: 'JWT' }, JSON.stringify(claims()));
        await expectRejected(unsigned, config, 'algorithm');
        await expectRejected(`${unsigned}c2lnbmF0dXJl`, config, 'algorithm');
      }
    }
  });

  it('rejects HS256 tokens using the published RSA public key as the HMAC secret', async () => {
    const pemBytes = new TextEncoder().encode(rsaPublicPem);
    const jwkBytes = new TextEncoder().encode(JSON.stringify(rsa.publicJwk));
    const modulusBytes = Buffer.from(rsa.publicJwk.n as string, 'base64url');
    for (const forgedSecret of [pemBytes, jwkBytes, modulusBytes]) {
      const forged = await new SignJWT(claims())
        .setProtectedHeader({ alg: 'HS256', kid: 'rsa-1', typ: 'JWT' })
        .sign(forgedSecret);
      await expectRejected(forged, jwksConfig, 'algorithm');
      await expectRejected(forged, bothConfig, 'signature');
    }
  });

  it('rejects a payload spliced under another token’s signature', async () => {
    const victim = await signHs256(claims());
    const other = await signHs256(claims({ sub: randomUUID() }));
    const [header, , signature] = victim.split('.');
    await expectRejected(`${header}.${other.split('.')[1]}.${signature}`, secretConfig, 'signature');

    const rsaVictim = await signWithKey(claims(), rsa);
    const rsaOther = await signWithKey(claims({ sub: randomUUID() }), rsa);
    const [rsaHeader, , rsaSignature] = rsaVictim.split('.');
    await expectRejected(`${rsaHeader}.${rsaOther.split('.')[1]}.${rsaSignature}`, jwksConfig, 'signature');
  });

  it('rejects a payload edited to claim service_role while keeping the original signature', async () => {
    for (const [token, config] of [
      [await signHs256(claims()), secretConfig],
      [await signWithKey(claims(), ec), jwksConfig],
    ] as const) {
      const [header, payload, signature] = token.split('.');
      const elevated = { ...JSON.parse(Buffer.from(payload, 'base64url').toString()), role: 'service_role' };
      await expectRejected(`${header}.${base64url(JSON.stringify(elevated))}.${signature}`, config, 'signature');
    }
  });

  it('rejects validly signed tokens whose role is anything but authenticated', async () => {
    for (const role of ['service_role', 'anon', 'postgres', 'supabase_admin', 'Authenticated', '', ['authenticated'], null]) {
      await expectRejected(await signHs256(claims({ role })), secretConfig, 'role');
    }
    await expectRejected(await signWithKey(claims({ role: 'service_role' }), rsa), jwksConfig, 'role');
  });

  it('rejects a token without exp, or with a non-numeric exp', async () => {
    await expectRejected(await signHs256(withoutClaim('exp')), secretConfig, 'claims');
    await expectRejected(await signWithKey(withoutClaim('exp'), rsa), jwksConfig, 'claims');
    await expectRejected(await signHs256(claims({ exp: String(now() + 3600) })), secretConfig, 'claims');
  });

  it('rejects a token expired beyond the 30 s clock tolerance, and accepts one within it', async () => {
    await expectRejected(await signHs256(claims({ exp: now() - 31 })), secretConfig, 'expired');
    await expectRejected(await signHs256(claims({ exp: now() - 3600, iat: now() - 7200 })), secretConfig, 'expired');
    await expectRejected(await signWithKey(claims({ exp: now() - 31 }), rsa), jwksConfig, 'expired');

    const lateButTolerated = claims({ exp: now() - 20 });
    await expect(verifyAccessToken(await signHs256(lateButTolerated), secretConfig)).resolves.toMatchObject({
      sub: lateButTolerated.sub,
    });
    await expect(verifyAccessToken(await signWithKey(claims({ exp: now() - 20 }), rsa), jwksConfig)).resolves.toMatchObject({
      role: 'authenticated',
    });
  });

  it('rejects a token that is not yet valid, beyond the clock tolerance', async () => {
    await expectRejected(await signHs256(claims({ nbf: now() + 120 })), secretConfig, 'claims');
    await expectRejected(await signWithKey(claims({ nbf: now() + 120 }), ec), jwksConfig, 'claims');
    await expect(verifyAccessToken(await signHs256(claims({ nbf: now() + 10 })), secretConfig)).resolves.toMatchObject({
      role: 'authenticated',
    });
  });

  it('checks the audience when one is configured', async () => {
    const config = { ...secretConfig, audience: 'authenticated' };
    await expectRejected(await signHs256(claims({ aud: 'some-other-api' })), config, 'claims');
    await expectRejected(await signHs256(claims()), config, 'claims');
    await expect(verifyAccessToken(await signHs256(claims({ aud: 'authenticated' })), config)).resolves.toBeTruthy();
    await expect(verifyAccessToken(await signHs256(claims({ aud: ['x', 'authenticated'] })), config)).resolves.toBeTruthy();
    // Without a configured audience, any aud is acceptable.
    await expect(verifyAccessToken(await signHs256(claims({ aud: 'some-other-api' })), secretConfig)).resolves.toBeTruthy();
  });

  it('checks the issuer when one is configured', async () => {
    const issuer = 'https://project.supabase.co/auth/v1';
    const config = { ...jwksConfig, issuer };
    await expectRejected(await signWithKey(claims({ iss: 'https://evil.example.com/auth/v1' }), rsa), config, 'claims');
    await expectRejected(await signWithKey(claims(), rsa), config, 'claims');
    await expect(verifyAccessToken(await signWithKey(claims({ iss: issuer }), rsa), config)).resolves.toBeTruthy();
  });

  it('rejects a subject that is not a UUID', async () => {
    for (const sub of ['admin', '', '00000000-0000-0000-0000-00000000000g', `${randomUUID()}' or '1'='1`, 42]) {
      await expectRejected(await signHs256(claims({ sub })), secretConfig, 'claims');
    }
    await expectRejected(await signHs256(withoutClaim('sub')), secretConfig, 'claims');
  });

  it('rejects claims of the wrong type', async () => {
    await expectRejected(await signHs256(claims({ email: ['a@example.com'] })), secretConfig, 'claims');
    await expectRejected(await signHs256(claims({ session_id: 7 })), secretConfig, 'claims');
    await expectRejected(await signHs256(claims({ iat: 'yesterday' })), secretConfig, 'claims');
  });

  it('rejects garbage and malformed token strings', async () => {
    const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const garbage = [
      '',
      ' ',
      'not-a-token',
      'a.b.c',
      'a.b',
      '..',
      '....',
      `Bearer ${await signHs256(claims())}`,
      `${base64url('{not json')}.${base64url(JSON.stringify(claims()))}.sig`,
      `${header}.${base64url(JSON.stringify(claims()))}`,
      `${header}.${base64url(JSON.stringify(claims()))}.${'A'.repeat(43)}.extra`,
      `${header}.x.y.z.w`,
      'x'.repeat(20_000),
      `${header}.${'x'.repeat(20_000)}.sig`,
    ];
    for (const token of garbage) {
      await expectRejected(token, bothConfig, 'malformed');
    }
  });

  it('rejects correctly signed tokens whose payload is not a JSON object', async () => {
    for (const payload of ['not json', '[1,2,3]', '"a string"', 'null']) {
      await expectRejected(handBuiltToken({ alg: 'HS256', typ: 'JWT' }, payload, SECRET), secretConfig, 'malformed');
    }
  });

  it('never echoes the token in the error message', async () => {
    const token = await signHs256(claims({ role: 'service_role', email: 'leak-me@example.com' }));
    const error = await rejectionOf(verifyAccessToken(token, secretConfig));
    expect(String(error)).not.toContain(token.split('.')[1]);
    expect(String(error)).not.toContain('leak-me');
  });
});

describe('configuration', () => {
  it('rejects every token when neither a secret nor a JWKS URL is configured', async () => {
    const empty = accessTokenConfig({ JWT_SECRET: '  ', JWT_JWKS_URL: '' });
    expect(empty).toEqual({ secret: undefined, jwksUrl: undefined, audience: undefined, issuer: undefined });
    for (const token of [
      await signHs256(claims()),
      handBuiltToken({ alg: 'HS256', typ: 'JWT' }, JSON.stringify(claims()), ''),
      await signWithKey(claims(), rsa),
      handBuiltToken({ alg: 'none' }, JSON.stringify(claims())),
    ]) {
      await expectRejected(token, empty, 'unconfigured');
      await expectRejected(token, {}, 'unconfigured');
    }
  });

  it('reads the environment into a config, trimming stray whitespace', async () => {
    const config = accessTokenConfig({
      JWT_SECRET: `${SECRET}\n`,
      JWT_JWKS_URL: ` ${baseUrl}/jwks.json `,
      JWT_AUDIENCE: 'authenticated',
      JWT_ISSUER: 'https://project.supabase.co/auth/v1',
    });
    expect(config).toEqual({
      secret: SECRET,
      jwksUrl: `${baseUrl}/jwks.json`,
      audience: 'authenticated',
      issuer: 'https://project.supabase.co/auth/v1',
    });
    const payload = claims({ aud: 'authenticated', iss: 'https://project.supabase.co/auth/v1' });
    await expect(verifyAccessToken(await signHs256(payload), config)).resolves.toMatchObject({ sub: payload.sub });
    await expect(verifyAccessToken(await signWithKey(payload, ed), config)).resolves.toMatchObject({ sub: payload.sub });
  });
});

describe('sessionKeyHash', () => {
  const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

  it('hashes the session id when the token carries one, so refreshed tokens share the key', async () => {
    const sessionId = randomUUID();
    const first = await signHs256(claims({ session_id: sessionId }));
    const refreshed = await signHs256(claims({ session_id: sessionId, iat: now() + 1, exp: now() + 7200 }));
    const firstHash = await sessionKeyHash(first, await verifyAccessToken(first, secretConfig));
    const refreshedHash = await sessionKeyHash(refreshed, await verifyAccessToken(refreshed, secretConfig));
    expect(firstHash).toMatch(/^[0-9a-f]{64}$/);
    expect(firstHash).toBe(sha256Hex(sessionId));
    expect(refreshedHash).toBe(firstHash);
  });

  it('hashes the raw token when there is no session id', async () => {
    const token = await signHs256(withoutClaim('session_id'));
    const other = await signHs256(withoutClaim('session_id'));
    const verified = await verifyAccessToken(token, secretConfig);
    const hash = await sessionKeyHash(token, verified);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(sha256Hex(token));
    expect(await sessionKeyHash(token, verified)).toBe(hash);
    expect(await sessionKeyHash(other, await verifyAccessToken(other, secretConfig))).not.toBe(hash);
  });
});
