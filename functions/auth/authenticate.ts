import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { verifiedToken } from './verified-tokens.ts';
import { AccessTokenKeysUnavailableError, InvalidTokenError } from './verify-access-token.ts';

/**
 * Verifies a bearer token when one is sent and records the caller; no token means an
 * anonymous caller. A token that is sent but invalid is always 401, even on public routes.
 */
export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header('authorization');
  if (header === undefined) {
    c.set('caller', null);
    return next();
  }
  const token = /^Bearer +(\S+)$/i.exec(header.trim())?.[1];
  if (!token) throw new ApiError('unauthorized', 'The Authorization header must be "Bearer <token>".');
  try {
    const { claims, sessionKeyHash } = await verifiedToken(token, c.env);
    c.set('caller', { userId: claims.sub, claims, sessionKeyHash });
  } catch (error) {
    if (error instanceof InvalidTokenError) {
      throw new ApiError('unauthorized', `The access token was rejected (${error.reason}).`);
    }
    if (error instanceof AccessTokenKeysUnavailableError) {
      // Our key server is down: not the caller's fault, and their token may be fine.
      throw new ApiError('bad_gateway', 'Token signing keys cannot be fetched right now. Try again shortly.', {
        headers: { 'retry-after': '5' },
      });
    }
    throw error;
  }
  return next();
});

/** Operations that need a signed-in caller declare this (functions/api/operation.ts); public ones do not. */
export const requireCaller = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.get('caller')) throw new ApiError('unauthorized', 'This route needs a bearer token.');
  return next();
});
