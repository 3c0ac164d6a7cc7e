/**
 * The project's own error type, raised by domain code and entry points alike. It knows
 * kinds and statuses, nothing of HTTP frameworks or drivers: functions/api/problems.ts
 * turns it into a response, functions/database/errors.ts turns driver errors into it.
 */

/** The kinds of failure a client can see. Each has one status and one problem type. */
export const problemKinds = {
  validation_failed: { status: 400, title: 'Request validation failed' },
  bad_request: { status: 400, title: 'Bad request' },
  invalid_reference: { status: 400, title: 'Referenced resource not found' },
  unauthorized: { status: 401, title: 'Authentication required' },
  forbidden: { status: 403, title: 'Forbidden' },
  not_found: { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'Conflict' },
  payload_too_large: { status: 413, title: 'Payload too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported media type' },
  rate_limited: { status: 429, title: 'Too many requests' },
  internal: { status: 500, title: 'Internal server error' },
  bad_gateway: { status: 502, title: 'Upstream service failed' },
  database_unavailable: { status: 503, title: 'Database unavailable' },
  upstream_timeout: { status: 504, title: 'Upstream service timed out' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemKind = keyof typeof problemKinds;
export type ProblemStatusCode = (typeof problemKinds)[ProblemKind]['status'];

export interface FieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: ProblemStatusCode;
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

export const internalError = (cause?: unknown) =>
  new ApiError('internal', 'Something went wrong on our side. Quote the request id when reporting it.', { cause });

/** The error and the errors it was caused by, outermost first (drivers and drizzle nest them). */
export function* causesOf(error: unknown, maxDepth = 8): Generator<unknown> {
  const seen = new Set<unknown>();
  for (let current = error, depth = 0; current && depth < maxDepth && !seen.has(current); depth++) {
    seen.add(current);
    yield current;
    current = (current as { cause?: unknown }).cause;
  }
}

/**
 * A short reason for logs: the innermost message that says something, without the SQL
 * text and parameters a failed drizzle query repeats.
 */
export function reasonOf(error: unknown, maxLength = 1000): string {
  if (error instanceof ApiError) return error.detail.slice(0, maxLength);
  const messages: string[] = [];
  for (const cause of causesOf(error)) {
    const message = cause instanceof Error ? cause.message : String(cause);
    const code = (cause as { code?: unknown }).code;
    if (message.startsWith('Failed query')) continue;
    messages.push(typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? `${code}: ${message}` : message);
  }
  const unique = messages.filter((message, i) => message && messages.indexOf(message) === i);
  const reason = unique.length > 0 ? unique.join(' (') + ')'.repeat(unique.length - 1) : String(error);
  return reason.slice(0, maxLength);
}
