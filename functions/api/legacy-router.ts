import type { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import { requireAdmin } from '../auth/require-admin.ts';
import { withRequestTransaction } from '../database/request-transaction.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { newRouter } from '../openapi.ts';
import type { Access } from './operation.ts';

/**
 * Transitional: a router whose routes do not declare their access yet gets it for all
 * of them here. Removed once every resource is built on operationsOf().
 */
export function legacyRouter(router: OpenAPIHono<AppEnv>, access: Access, publicGets: RegExp[] = []) {
  const own = router.routes
    .filter((route) => route.method !== 'ALL')
    .map((route) => ({
      method: route.method,
      pattern: new RegExp(`^/api/v1${route.path.replace(/:\w+/g, '[^/]+')}$`),
    }));
  const isOwn = (method: string, path: string) =>
    own.some((route) => (route.method === method || (method === 'HEAD' && route.method === 'GET')) && route.pattern.test(path));
  const onlyOwn = (middleware: MiddlewareHandler<AppEnv>) =>
    createMiddleware<AppEnv>(async (c, next) => (isOwn(c.req.method, c.req.path) ? middleware(c, next) : next()));
  const requireCaller = createMiddleware<AppEnv>(async (c, next) => {
    const isPublic = (c.req.method === 'GET' || c.req.method === 'HEAD') && publicGets.some((p) => p.test(c.req.path));
    if (!c.get('caller') && !isPublic) throw new ApiError('unauthorized', 'This route needs a bearer token.');
    return next();
  });
  const wrapped = newRouter();
  wrapped.use('*', onlyOwn(requireCaller), onlyOwn(withRequestTransaction));
  if (access === 'admin') wrapped.use('*', onlyOwn(requireAdmin));
  return wrapped.route('/', router);
}
