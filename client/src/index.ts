import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, operations, paths } from './schema.js';

export type { components, operations, paths };

/** Every named shape of the API: `Schemas['Todo']`, `Schemas['TodoCreate']`, ... */
export type Schemas = components['schemas'];

/** An RFC 9457 problem: the body of every error PAM answers. */
export type Problem = Schemas['Problem'];

/** openapi-fetch's client over PAM's paths: `pam.GET('/api/v1/todos', { params: { query: { limit: 50 } } })`. */
export type PamClient = Client<paths>;

/** The signed-in user's access token, or a function giving the current one (tokens are refreshed). */
export type AccessToken = string | (() => string | null | undefined | Promise<string | null | undefined>);

export interface PamClientOptions {
  /** Where PAM runs, e.g. https://pam.example.com, or http://127.0.0.1:8787 locally. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <token>` on every request; leave it out for public routes. */
  accessToken?: AccessToken;
  /** Another fetch (a test double, an instrumented one); the global fetch by default. */
  fetch?: (request: Request) => Promise<Response>;
}

export function createPamClient({ baseUrl, accessToken, fetch }: PamClientOptions): PamClient {
  const client = createClient<paths>({ baseUrl, ...(fetch ? { fetch } : {}) });
  if (accessToken !== undefined) client.use(bearerToken(accessToken));
  return client;
}

function bearerToken(accessToken: AccessToken): Middleware {
  return {
    async onRequest({ request }) {
      const token = typeof accessToken === 'function' ? await accessToken() : accessToken;
      if (token) request.headers.set('authorization', `Bearer ${token}`);
      return request;
    },
  };
}

/** A problem PAM answered, thrown by `unwrap` and `pages`. */
export class PamProblemError extends Error {
  readonly problem: Problem;
  readonly response: Response;

  constructor(problem: Problem, response: Response) {
    super(`${problem.status} ${problem.title}: ${problem.detail}`);
    this.name = 'PamProblemError';
    this.problem = problem;
    this.response = response;
  }

  get status(): number {
    return this.problem.status;
  }
}

/** Whether a value has the shape of a problem (a proxy in between may answer something else). */
export function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const { type, title, status } = value as Record<string, unknown>;
  return typeof type === 'string' && typeof title === 'string' && typeof status === 'number';
}

/** What every call of the client resolves to. */
export interface CallResult<Data> {
  data?: Data;
  error?: unknown;
  response: Response;
}

/**
 * The data of a successful call, or a thrown PamProblemError: for code that prefers
 * exceptions to `{ data, error }`. `const todo = await unwrap(pam.POST('/api/v1/todos', { body }))`.
 */
export async function unwrap<Data>(call: Promise<CallResult<Data>>): Promise<Data> {
  const { data, error, response } = await call;
  if (!response.ok) throw new PamProblemError(problemOf(error, response), response);
  return data as Data;
}

function problemOf(error: unknown, response: Response): Problem {
  if (isProblem(error)) return error;
  return {
    type: 'about:blank',
    title: response.statusText || 'Error',
    status: response.status,
    detail: typeof error === 'string' ? error.slice(0, 500) : 'The response is not a problem document.',
    request_id: response.headers.get('x-request-id') ?? '',
  };
}

/** One page of a cursor-paginated list, as every list operation answers. */
export interface Page<Item> {
  data: Item[];
  next_cursor: string | null;
}

/**
 * The pages of a list, in order, fetching each when it is asked for:
 * `for await (const todos of pages((cursor) => pam.GET('/api/v1/todos', { params: { query: { cursor } } })))`.
 * Throws PamProblemError when a page cannot be fetched.
 */
export async function* pages<Item>(
  fetchPage: (cursor: string | undefined) => Promise<CallResult<Page<Item>>>,
): AsyncGenerator<Item[], void, undefined> {
  let cursor: string | undefined;
  do {
    const page = await unwrap(fetchPage(cursor));
    yield page.data;
    cursor = page.next_cursor ?? undefined;
  } while (cursor !== undefined);
}
