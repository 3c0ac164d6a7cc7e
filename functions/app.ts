import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { requestId } from 'hono/request-id';
import { cors } from './api/cors.ts';
import { docsRouter } from './api/docs.ts';
import { healthRouter } from './api/health.ts';
import { apiRouters } from './api/routes.ts';
import { handleError, problemResponse } from './api/problems.ts';
import { authenticate } from './auth/authenticate.ts';
import { connectFromEnv } from './database/connect.ts';
import type { ConnectDatabase } from './database/types.ts';
import type { AppEnv } from './env.ts';
import { ApiError } from './errors.ts';
import { validationHook } from './openapi.ts';
import { webhooksRouter } from './webhooks/routes.ts';

export const MAX_BODY_BYTES = 1024 * 1024;

export interface AppOptions {
  /** How requests reach the database; tests hand in the embedded one. */
  connectDatabase?: ConnectDatabase;
}

/** The PAM API: one place wires request ids, errors, auth, the per-request transaction and every resource. */
export function newApp(options: AppOptions = {}) {
  const connect = options.connectDatabase ?? connectFromEnv;
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.use('*', requestId({ headerName: 'x-request-id' }), async (c, next) => {
    c.set('connectDatabase', connect);
    return next();
  });
  app.onError(handleError);
  app.notFound((c) => problemResponse(c, new ApiError('not_found', `No route for ${c.req.method} ${c.req.path}.`)));

  app.route('/', healthRouter(connect));
  app.route('/', webhooksRouter(connect));
  app.route('/', docsRouter);

  // Before authentication: a browser's preflight carries no token.
  app.use('/api/v1/*', cors);
  app.use('/openapi.json', cors);
  app.use(
    '/api/v1/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new ApiError('payload_too_large', `The request body exceeds ${MAX_BODY_BYTES} bytes.`);
      },
    }),
    requireJsonBody,
    authenticate,
  );
  // Who may call an operation, and whether it opens a transaction, is declared on each
  // operation (functions/api/operation.ts).
  for (const router of apiRouters) app.route('/api/v1', router);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  });
  app.get('/openapi.json', apiDocumentHandler(app));
  return app;
}

/**
 * An SPDX expression: the rights stay with PAM's owners. OpenAPI 3.1 has `identifier`;
 * the document config's type predates it, hence a constant rather than a literal there.
 */
const LICENSE = { name: 'Proprietary', identifier: 'LicenseRef-PAM-Proprietary' };

/** What the OpenAPI document says of the API as a whole; the routes say the rest. */
const API_DOCUMENT_CONFIG = {
  openapi: '3.1.0',
  info: {
    title: 'PAM API',
    version: '1.0.0',
    description:
      'The backend of PAM, a personal assistant for people on the road. Errors are RFC 9457 problem details; lists are cursor-paginated.',
    contact: { name: 'PAM backend team' },
    license: LICENSE,
  },
  // Relative: the deployment that serves this document, wherever it runs.
  servers: [{ url: '/', description: 'This deployment' }],
  security: [{ bearerAuth: [] }],
};

/**
 * GET /openapi.json. A Worker serves the document its build wrote into the static assets
 * (scripts/build-openapi.ts, wrangler.toml [build]): the generator is not in the Worker's
 * script (wrangler.toml [alias]). Anywhere else (Node, the tests) the app builds the
 * document from its routes on the first request and keeps it.
 */
function apiDocumentHandler(app: OpenAPIHono<AppEnv>) {
  let document: string | undefined;
  return async (c: Context<AppEnv>) => {
    const built = await c.env?.ASSETS?.fetch(new Request(new URL('/openapi.json', c.req.url)));
    if (built?.ok && built.body) return c.body(built.body, 200, { 'content-type': 'application/json' });
    await built?.body?.cancel();
    document ??= JSON.stringify(app.getOpenAPI31Document(API_DOCUMENT_CONFIG));
    return c.body(document, 200, { 'content-type': 'application/json' });
  };
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** A body that is sent must be JSON; without this a form post would validate as an empty object. */
const requireJsonBody = createMiddleware<AppEnv>(async (c, next) => {
  if (BODY_METHODS.has(c.req.method)) {
    const length = c.req.header('content-length');
    const hasBody = (length !== undefined && length !== '0') || c.req.header('transfer-encoding') !== undefined;
    const type = c.req.header('content-type') ?? '';
    if (hasBody && !/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type)) {
      throw new ApiError('unsupported_media_type', 'Send the request body as application/json.');
    }
  }
  return next();
});
