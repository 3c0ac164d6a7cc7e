import {
  createRemoteJWKSet,
  decodeProtectedHeader,
  errors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
  type JWTVerifyOptions,
} from 'jose';
import { sha256Hex } from '../digests.ts';

export interface AccessTokenConfig {
  /** HS256 shared secret (Supabase style), from JWT_SECRET. */
  secret?: string;
  /** JWKS endpoint for asymmetric keys, from JWT_JWKS_URL; the key set is cached per isolate. */
  jwksUrl?: string;
  /** Required `aud` when set, from JWT_AUDIENCE. */
  audience?: string;
  /** Required `iss` when set, from JWT_ISSUER. */
  issuer?: string;
}

export interface AccessTokenClaims {
  sub: string;
  email?: string;
  role: 'authenticated';
  session_id?: string;
  exp: number;
  iat?: number;
  [claim: string]: unknown;
}

/** Why a token was refused; `reason` is a fixed word that is safe to show to the caller. */
export class InvalidTokenError extends Error {
  constructor(readonly reason: string) {
    super(`access token rejected: ${reason}`);
    this.name = 'InvalidTokenError';
  }
}

/**
 * The token may be fine but its keys cannot be fetched (JWKS endpoint down, timing out or
 * serving garbage). A server fault, not the caller's: it is not an InvalidTokenError, so it
 * surfaces as a 5xx instead of a 401 that would make clients discard a good session.
 */
export class AccessTokenKeysUnavailableError extends Error {
  constructor() {
    super('access token signing keys are unavailable');
    this.name = 'AccessTokenKeysUnavailableError';
  }
}

const SECRET_ALGORITHMS = ['HS256'];
const PUBLIC_KEY_ALGORITHMS = ['RS256', 'ES256', 'EdDSA'];
/** How far past `exp` (and before `nbf`) a token is still accepted, for clocks that disagree. */
export const CLOCK_TOLERANCE_SECONDS = 30;
// Supabase access tokens are around 1 KB; anything far larger is not one of ours and is
// refused before any parsing work.
const MAX_TOKEN_LENGTH = 16 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const JWKS_OPTIONS = {
  // Verification happens inside a request; a slow key server must not hold it for long.
  timeoutDuration: 3_000,
  // A token with an unknown `kid` may trigger a refetch at most this often, so forged kids
  // cannot turn us into a traffic amplifier against the key server.
  cooldownDuration: 30_000,
  // Rotated keys are picked up within ten minutes even without an unknown `kid`.
  cacheMaxAge: 10 * 60_000,
};

const remoteKeySets = new Map<string, JWTVerifyGetKey>();

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

export function accessTokenConfig(env: {
  JWT_SECRET?: string;
  JWT_JWKS_URL?: string;
  JWT_AUDIENCE?: string;
  JWT_ISSUER?: string;
}): AccessTokenConfig {
  return {
    secret: nonEmpty(env.JWT_SECRET),
    jwksUrl: nonEmpty(env.JWT_JWKS_URL),
    audience: nonEmpty(env.JWT_AUDIENCE),
    issuer: nonEmpty(env.JWT_ISSUER),
  };
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function remoteKeySet(jwksUrl: string): JWTVerifyGetKey {
  let url: URL;
  try {
    url = new URL(jwksUrl);
  } catch {
    throw new Error('JWT_JWKS_URL is not a valid URL');
  }
  // Keys fetched over plain http could be swapped by anyone on the path, which would let
  // them mint tokens; only a local development server is exempt.
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) {
    throw new Error('JWT_JWKS_URL must use https');
  }
  const cached = remoteKeySets.get(url.href);
  if (cached) return cached;
  const fetchKey = createRemoteJWKSet(url, JWKS_OPTIONS);
  const keySet: JWTVerifyGetKey = async (header, token) => {
    try {
      return await fetchKey(header, token);
    } catch (error) {
      // These say "no key in the set fits this token": the token's fault. jose also relies on
      // receiving JWKSMultipleMatchingKeys unchanged to try each candidate key.
      if (
        error instanceof errors.JWKSNoMatchingKey ||
        error instanceof errors.JWKSMultipleMatchingKeys ||
        error instanceof errors.JOSENotSupported
      ) {
        throw error;
      }
      throw new AccessTokenKeysUnavailableError();
    }
  };
  remoteKeySets.set(url.href, keySet);
  return keySet;
}

function rejectionReason(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) return 'claims';
  if (
    error instanceof errors.JWSSignatureVerificationFailed ||
    error instanceof errors.JWKSNoMatchingKey ||
    error instanceof errors.JWKSMultipleMatchingKeys
  ) {
    return 'signature';
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) return 'algorithm';
  return 'malformed';
}

/**
 * Verifies a bearer access token and returns its claims. The key source is chosen from the
 * header's `alg`: HS256 only ever meets the shared secret and the asymmetric algorithms only
 * ever meet the JWKS, so a public key can never be used as an HMAC secret.
 */
export async function verifyAccessToken(token: string, config: AccessTokenConfig): Promise<AccessTokenClaims> {
  const secret = nonEmpty(config.secret);
  const jwksUrl = nonEmpty(config.jwksUrl);
  if (!secret && !jwksUrl) throw new InvalidTokenError('unconfigured');
  if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH) {
    throw new InvalidTokenError('malformed');
  }

  let alg: unknown;
  try {
    alg = decodeProtectedHeader(token).alg;
  } catch {
    throw new InvalidTokenError('malformed');
  }

  let key: JWTVerifyGetKey;
  let algorithms: string[];
  if (typeof alg === 'string' && SECRET_ALGORITHMS.includes(alg) && secret) {
    const secretBytes = new TextEncoder().encode(secret);
    key = async () => secretBytes;
    algorithms = SECRET_ALGORITHMS;
  } else if (typeof alg === 'string' && PUBLIC_KEY_ALGORITHMS.includes(alg) && jwksUrl) {
    key = remoteKeySet(jwksUrl);
    algorithms = PUBLIC_KEY_ALGORITHMS;
  } else {
    throw new InvalidTokenError('algorithm');
  }

  const options: JWTVerifyOptions = {
    algorithms,
    requiredClaims: ['exp', 'sub'],
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
    ...(config.audience ? { audience: config.audience } : {}),
    ...(config.issuer ? { issuer: config.issuer } : {}),
  };

  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, key, options));
  } catch (error) {
    if (error instanceof AccessTokenKeysUnavailableError) throw error;
    throw new InvalidTokenError(rejectionReason(error));
  }
  return accessTokenClaims(payload);
}

function accessTokenClaims(payload: JWTPayload): AccessTokenClaims {
  const { sub, exp, email, session_id: sessionId, role } = payload;
  if (typeof sub !== 'string' || !UUID.test(sub)) throw new InvalidTokenError('claims');
  if (typeof exp !== 'number') throw new InvalidTokenError('claims');
  if (email !== undefined && typeof email !== 'string') throw new InvalidTokenError('claims');
  if (sessionId !== undefined && (typeof sessionId !== 'string' || sessionId.length === 0)) {
    throw new InvalidTokenError('claims');
  }
  // The role becomes the database role of the request; a token may only ever ask for the
  // ordinary signed-in role, never service_role or anything else it names.
  if (role !== undefined && role !== 'authenticated') throw new InvalidTokenError('role');
  return { ...payload, sub: sub.toLowerCase(), exp, role: 'authenticated' };
}

/** SHA-256 (lowercase hex) of the session id, or of the token itself when it carries none. */
export function sessionKeyHash(token: string, claims: AccessTokenClaims): string {
  const sessionId = typeof claims.session_id === 'string' && claims.session_id.length > 0 ? claims.session_id : token;
  return sha256Hex(sessionId);
}
