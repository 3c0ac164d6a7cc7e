import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { apiErrorFromDatabase } from '../database/errors.ts';
import type { AppEnv } from '../env.ts';
import { ApiError, internalError, type ProblemKind, problemKinds, reasonOf } from '../errors.ts';

/** RFC 9457 problem details: how every error reaches a client, from one handler. */

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: '/problems/not_found' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    request_id: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem');

const problemContent = { 'application/problem+json': { schema: ProblemSchema } };

/** Error responses an operation can document; operationsOf() picks the ones its shape produces. */
export const problemResponses = {
  400: { description: 'Invalid request', content: problemContent },
  401: { description: 'Missing, invalid or revoked token', content: problemContent },
  403: { description: 'Not allowed for this caller', content: problemContent },
  404: { description: 'Not found (or not yours)', content: problemContent },
  409: { description: 'Conflicts with an existing resource', content: problemContent },
  413: { description: 'Body too large', content: problemContent },
  415: { description: 'Body is not JSON', content: problemContent },
  429: { description: 'Too many requests; see Retry-After', content: problemContent },
  502: { description: 'An upstream service (token keys, a provider) failed; see Retry-After', content: problemContent },
  503: { description: 'Database unavailable; see Retry-After', content: problemContent },
  504: { description: 'An upstream service timed out', content: problemContent },
} as const;

export type ProblemStatus = keyof typeof problemResponses;

/** The documented problem responses of a route, e.g. `...problems(400, 401, 404)`. */
export function problems<S extends ProblemStatus>(...statuses: S[]) {
  return Object.fromEntries(statuses.map((s) => [s, problemResponses[s]])) as Pick<typeof problemResponses, S>;
}

export function problemResponse(c: Context<AppEnv>, error: ApiError): Response {
  const { title } = problemKinds[error.kind];
  const body = {
    type: `/problems/${error.kind}`,
    title,
    status: error.status,
    detail: error.detail,
    request_id: c.get('requestId') ?? '',
    ...(error.options.errors ? { errors: error.options.errors } : {}),
  };
  const headers = new Headers({ 'content-type': 'application/problem+json' });
  if (body.request_id) headers.set('x-request-id', body.request_id);
  for (const [name, value] of Object.entries(error.options.headers ?? {})) headers.set(name, value);
  if (error.status === 401) headers.set('www-authenticate', 'Bearer error="invalid_token"');
  return new Response(JSON.stringify(body), { status: error.status, headers });
}

/** Turns anything thrown into a problem response, hiding internals. */
export function handleError(error: unknown, c: Context<AppEnv>): Response {
  const apiError = toApiError(error);
  if (apiError.status >= 500) {
    console.error(JSON.stringify({ request_id: c.get('requestId'), kind: apiError.kind, error: reasonOf(error, 500) }));
  }
  return problemResponse(c, apiError);
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const fromDatabase = apiErrorFromDatabase(error);
  if (fromDatabase) return fromDatabase;
  if (error instanceof HTTPException) {
    if (error.status === 400) return new ApiError('bad_request', 'The request body is not valid JSON.');
    if (error.status === 413) return new ApiError('payload_too_large', 'The request body is too large.');
    const kind = (Object.keys(problemKinds) as ProblemKind[]).find((k) => problemKinds[k].status === error.status);
    if (kind) return new ApiError(kind, problemKinds[kind].title + '.');
  }
  return internalError(error);
}
