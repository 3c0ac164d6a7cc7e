import {
  type AccessTokenClaims,
  type AccessTokenConfig,
  accessTokenConfig,
  CLOCK_TOLERANCE_SECONDS,
  sessionKeyHash,
  verifyAccessToken,
} from './verify-access-token.ts';

/**
 * Tokens this isolate has already verified, so a client sending the same bearer token
 * request after request pays for the signature check and the session key's hash once.
 *
 * What the cache may and may not decide: it only repeats a verification that succeeded,
 * keyed by the exact token and the exact key configuration, and never past the token's
 * own `exp` (with the verifier's clock tolerance) or MAX_AGE_MS, whichever comes first,
 * so a signing key withdrawn from the JWKS stops being honoured as soon as jose's own key
 * cache would drop it. It does not decide whether the session is still alive: every
 * request still asks the database (private.begin_request), so a revoked session is
 * refused on its very next request, cached token or not.
 */

export interface VerifiedToken {
  claims: AccessTokenClaims;
  sessionKeyHash: string;
}

interface Entry {
  verified: VerifiedToken;
  configKey: string;
  /** Epoch milliseconds after which the entry is not used. */
  validUntil: number;
}

const MAX_ENTRIES = 1_000;
const MAX_AGE_MS = 5 * 60_000;

const entries = new Map<string, Entry>();

type TokenEnv = Parameters<typeof accessTokenConfig>[0];

/** The token's verified claims and session key hash; throws what verifyAccessToken throws. */
export async function verifiedToken(token: string, env: TokenEnv): Promise<VerifiedToken> {
  const now = Date.now();
  const { config, key } = configOf(env);
  const cached = entries.get(token);
  if (cached && cached.configKey === key && now < cached.validUntil) return cached.verified;
  if (cached) entries.delete(token);

  const claims = await verifyAccessToken(token, config);
  const verified = { claims, sessionKeyHash: sessionKeyHash(token, claims) };
  const validUntil = Math.min(now + MAX_AGE_MS, (claims.exp + CLOCK_TOLERANCE_SECONDS) * 1000);
  if (validUntil > now) {
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
    entries.set(token, { verified, configKey: key, validUntil });
  }
  return verified;
}

function configOf(env: TokenEnv): { config: AccessTokenConfig; key: string } {
  const config = accessTokenConfig(env);
  return { config, key: JSON.stringify([config.secret, config.jwksUrl, config.audience, config.issuer]) };
}

/** Forgets every cached verification (tests that change the clock or the keys). */
export function forgetVerifiedTokens(): void {
  entries.clear();
}
