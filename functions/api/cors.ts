import { createMiddleware } from 'hono/factory';
import type { AppEnv, Env } from '../env.ts';

/**
 * Cross-origin access for browser apps on origins of their own. Callers authenticate with
 * a bearer token, never a cookie, so credentials are not allowed: a page on another origin
 * can only do what its own token lets it.
 */

const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE';
const ALLOWED_REQUEST_HEADERS = 'Authorization, Content-Type';
/** What a script may read besides the CORS-safelisted response headers. */
const EXPOSED_HEADERS = 'Location, Retry-After, x-request-id';
/** Chromium caps a cached preflight at two hours; longer would only mislead. */
const PREFLIGHT_MAX_AGE_SECONDS = 7200;

const LOCAL_DEVELOPMENT_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

/**
 * Whether a page served from `origin` may call the API: one of the exact origins in
 * CORS_ALLOWED_ORIGINS (comma-separated), or, in development (PAM_ENV=development), any
 * port of this machine.
 */
export function isAllowedOrigin(origin: string, env: Pick<Env, 'CORS_ALLOWED_ORIGINS' | 'PAM_ENV'>): boolean {
  if (env.PAM_ENV === 'development' && LOCAL_DEVELOPMENT_ORIGIN.test(origin)) return true;
  return allowedOrigins(env.CORS_ALLOWED_ORIGINS).has(origin);
}

/** The configured origins as browsers send them (scheme://host[:port], no path, no trailing slash). */
export function allowedOrigins(setting: string | undefined): Set<string> {
  const origins = new Set<string>();
  for (const entry of (setting ?? '').split(',')) {
    const trimmed = entry.trim();
    if (!trimmed) continue;
    try {
      const url = new URL(trimmed);
      // An entry with a path is not an origin; it would never match, so it is left out.
      if (url.pathname === '/' && !url.search && !url.hash) origins.add(url.origin);
    } catch {
      // Not a URL: matches no Origin header.
    }
  }
  return origins;
}

/**
 * Answers preflights itself, before authentication (a preflight never carries the
 * token), and marks every other response for allowed origins. A preflight from an origin
 * that is not allowed gets no CORS headers, so the browser refuses the real request.
 */
export const cors = createMiddleware<AppEnv>(async (c, next) => {
  const origin = c.req.header('origin');
  const allowed = origin !== undefined && isAllowedOrigin(origin, c.env ?? {});
  const isPreflight = c.req.method === 'OPTIONS' && c.req.header('access-control-request-method') !== undefined;

  if (isPreflight) {
    c.header('vary', 'Origin');
    if (allowed) {
      c.header('access-control-allow-origin', origin);
      c.header('access-control-allow-methods', ALLOWED_METHODS);
      c.header('access-control-allow-headers', ALLOWED_REQUEST_HEADERS);
      c.header('access-control-max-age', String(PREFLIGHT_MAX_AGE_SECONDS));
    }
    return c.body(null, 204);
  }

  await next();
  // The answer depends on Origin, so caches must not hand one origin's answer to another.
  c.res.headers.append('vary', 'Origin');
  if (allowed) {
    c.res.headers.set('access-control-allow-origin', origin);
    c.res.headers.set('access-control-expose-headers', EXPOSED_HEADERS);
  }
});
