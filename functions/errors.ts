import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from './env.ts';

/** The kinds of failure a client can see. Each has one status and one problem type. */
const problemKinds = {
  validation_failed: { status: 400, title: 'Request validation failed' },
  bad_request: { status: 400, title: 'Bad request' },
  invalid_reference: { status: 400, title: 'Referenced resource not found' },
  unauthorized: { status: 401, title: 'Authentication required' },
  forbidden: { status: 403, title: 'Forbidden' },
  not_found: { status: 404, title: 'Not found' },
  method_not_allowed: { status: 405, title: 'Method not allowed' },
  conflict: { status: 409, title: 'Conflict' },
  payload_too_large: { status: 413, title: 'Payload too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported media type' },
  rate_limited: { status: 429, title: 'Too many requests' },
  internal: { status: 500, title: 'Internal server error' },
  bad_gateway: { status: 502, title: 'Upstream service failed' },
  database_unavailable: { status: 503, title: 'Database unavailable' },
  upstream_timeout: { status: 504, title: 'Upstream service timed out' },
} as const satisfies Record<string, { status: ContentfulStatusCode; title: string }>;

export type ProblemKind = keyof typeof problemKinds;

export interface FieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: ContentfulStatusCode;
  constructor(
    readonly kind: ProblemKind,
    readonly detail: string,
    readonly options: { errors?: FieldError[]; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(detail, { cause: options.cause });
    this.status = problemKinds[kind].status;
  }
}

export const notFound = (what = 'resource') => new ApiError('not_found', `No such ${what}.`);

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

/** Error responses every route documents; routes spread the ones that apply. */
export const problemResponses = {
  400: { description: 'Invalid request', content: problemContent },
  401: { description: 'Missing, invalid or revoked token', content: problemContent },
  403: { description: 'Not allowed for this caller', content: problemContent },
  404: { description: 'Not found (or not yours)', content: problemContent },
  409: { description: 'Conflicts with an existing resource', content: problemContent },
  413: { description: 'Body too large', content: problemContent },
  415: { description: 'Body is not JSON', content: problemContent },
  503: { description: 'Database unavailable', content: problemContent },
} as const;

/** The documented problem responses of a route, e.g. `...problems(400, 401, 404)`. */
export function problems<S extends keyof typeof problemResponses>(...statuses: S[]) {
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
    console.error(JSON.stringify({ request_id: c.get('requestId'), kind: apiError.kind, error: describe(error) }));
  }
  return problemResponse(c, apiError);
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const database = databaseErrorOf(error);
  if (database) return fromDatabaseError(database, error);
  if (error instanceof HTTPException) {
    if (error.status === 400) return new ApiError('bad_request', 'The request body is not valid JSON.');
    if (error.status === 413) return new ApiError('payload_too_large', 'The request body is too large.');
    const kind = (Object.keys(problemKinds) as ProblemKind[]).find((k) => problemKinds[k].status === error.status);
    if (kind) return new ApiError(kind, problemKinds[kind].title + '.');
  }
  if (isConnectionFailure(error)) return databaseUnavailable(error);
  return new ApiError('internal', 'Something went wrong on our side. Quote the request id when reporting it.', {
    cause: error,
  });
}

interface PostgresError {
  code: string;
  message?: string;
  constraint?: string;
  column?: string;
}

/** Drivers (and drizzle's wrapper) nest the Postgres error; find the one with a SQLSTATE. */
function databaseErrorOf(error: unknown): PostgresError | null {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return current as PostgresError;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

function fromDatabaseError(pgError: PostgresError, original: unknown): ApiError {
  const { code } = pgError;
  if (code === '23505') return new ApiError('conflict', 'A resource with these values already exists.');
  // A policy's WITH CHECK refusing a link to a row the caller cannot see reads exactly
  // like a foreign key to a row that does not exist: no existence oracle.
  if (code === '23503' || (code === '42501' && /row-level security/.test(pgError.message ?? ''))) {
    return new ApiError('invalid_reference', 'A referenced resource does not exist or is not yours.');
  }
  if (code === '23514' || code === '23502' || code.startsWith('22')) {
    return new ApiError('validation_failed', 'A value is out of range or not allowed here.', {
      errors: pgError.column ? [{ path: pgError.column, message: 'not allowed' }] : undefined,
    });
  }
  if (code.startsWith('08') || code === '57P01' || code === '57P03' || code === '53300') {
    return databaseUnavailable(original);
  }
  return new ApiError('internal', 'Something went wrong on our side. Quote the request id when reporting it.', {
    cause: original,
  });
}

export function databaseUnavailable(cause?: unknown): ApiError {
  return new ApiError('database_unavailable', 'The database cannot be reached right now. Try again shortly.', {
    headers: { 'retry-after': '5' },
    cause,
  });
}

const connectionFailureCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EPIPE', 'EAI_AGAIN']);

export function isConnectionFailure(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && connectionFailureCodes.has(code)) return true;
    const message = String((current as { message?: unknown }).message ?? '');
    if (/connection (terminated|refused|closed|error)|not queryable|connect(ion)? timeout|socket|websocket|network connection/i.test(message)) {
      return true;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (cause: ${error.cause.message})` : '';
    return `${error.name}: ${error.message.slice(0, 300)}${cause}`;
  }
  return String(error);
}
