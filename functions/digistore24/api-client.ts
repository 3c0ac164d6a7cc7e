/**
 * A small client for Digistore24's REST API, built on fetch so it runs in Workers as in
 * Node: `POST <base>/<function>/format/json`, the key in `X-DS-API-KEY`, parameters
 * form-encoded. Every answer is an envelope `{ api_version, result, data | message, code }`
 * and an error can arrive with HTTP 200, so `result` decides, never the status.
 *
 * Rate limits are not documented. A `429` (honouring `Retry-After`) and an error envelope
 * whose code or message says "too many requests" are retried after a pause, a bounded
 * number of times; everything else fails the call at once with a typed error, and the
 * caller (a scheduled job) tries again on its next run.
 */

import { parseRetryAfter } from '../retry-after.ts';

export const DEFAULT_DIGISTORE24_API_URL = 'https://www.digistore24.com/api/call';

const DEFAULT_TIMEOUT_MS = 20_000;
const DEFAULT_MAX_RETRIES = 3;
const DEFAULT_MAX_RETRY_DELAY_MS = 60_000;
/** First pause when a rate-limited answer names none; doubled on each retry. */
const DEFAULT_BACKOFF_MS = 1_000;

export type Digistore24Params = Record<string, string | number | boolean | null | undefined>;

export interface Digistore24ClientOptions {
  apiKey: string;
  /** Up to and including `/api/call`. */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** For one HTTP attempt, body included. */
  timeoutMs?: number;
  /** Retries after a rate-limited answer: at most maxRetries + 1 attempts per call. */
  maxRetries?: number;
  /** The longest pause honoured; a Retry-After beyond it fails the call instead of stalling the run. */
  maxRetryDelayMs?: number;
  /**
   * HTTP requests this client may make in all, retries included. A Worker invocation may
   * make only so many subrequests (50 on the free plan, 1000 on paid ones).
   */
  maxRequests?: number;
  sleep?: (ms: number) => Promise<void>;
}

export class Digistore24Error extends Error {
  constructor(
    message: string,
    /** The API function that was called, e.g. `listMarketplaceEntries`. */
    readonly functionName: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Digistore24 answered `result: "error"`. */
export class Digistore24ApiError extends Digistore24Error {
  constructor(
    functionName: string,
    readonly code: string | null,
    readonly apiMessage: string,
    readonly httpStatus: number,
  ) {
    super(`Digistore24 ${functionName} failed${code ? ` (code ${code})` : ''}: ${apiMessage}`, functionName);
  }
}

/** Still rate limited after the allowed retries, or asked to wait longer than allowed. */
export class Digistore24RateLimitError extends Digistore24Error {
  constructor(
    functionName: string,
    readonly attempts: number,
    readonly retryAfterMs: number | null,
  ) {
    const wait = retryAfterMs === null ? '' : `, asked to wait ${Math.ceil(retryAfterMs / 1000)} s`;
    super(`Digistore24 ${functionName} is rate limited (${attempts} attempts${wait})`, functionName);
  }
}

/** A non-2xx status without an error envelope (a proxy's error page, say). */
export class Digistore24HttpError extends Digistore24Error {
  constructor(
    functionName: string,
    readonly status: number,
  ) {
    super(`Digistore24 ${functionName} answered HTTP ${status}`, functionName);
  }
}

export class Digistore24TimeoutError extends Digistore24Error {
  constructor(
    functionName: string,
    readonly timeoutMs: number,
  ) {
    super(`Digistore24 ${functionName} did not answer within ${timeoutMs} ms`, functionName);
  }
}

/** The request never got an answer: DNS, connection refused, reset. */
export class Digistore24NetworkError extends Digistore24Error {
  constructor(functionName: string, cause: unknown) {
    super(`Digistore24 ${functionName} could not be reached`, functionName, { cause });
  }
}

/** A 2xx answer that is not the JSON envelope. */
export class Digistore24ResponseError extends Digistore24Error {}

/** The client's request budget is spent; nothing was sent. */
export class Digistore24RequestBudgetError extends Digistore24Error {
  constructor(
    functionName: string,
    readonly maxRequests: number,
  ) {
    super(`Not calling Digistore24 ${functionName}: this run's budget of ${maxRequests} requests is spent`, functionName);
  }
}

type Item = Record<string, unknown>;

/** One page of a list call. `last` is false when more may follow. */
export interface Digistore24Page {
  pageNo: number;
  items: Item[];
  last: boolean;
}

export interface ListPagesOptions {
  pageSize: number;
  maxPages: number;
  /** Where the list sits when `data` is an object, e.g. `entries`; any array property is taken otherwise. */
  listKeys?: string[];
}

export class Digistore24Client {
  readonly #apiKey: string;
  readonly #baseUrl: string;
  readonly #fetch: typeof fetch;
  readonly #timeoutMs: number;
  readonly #maxRetries: number;
  readonly #maxRetryDelayMs: number;
  readonly #maxRequests: number;
  readonly #sleep: (ms: number) => Promise<void>;
  #requestsMade = 0;

  constructor(options: Digistore24ClientOptions) {
    if (!options.apiKey) throw new TypeError('A Digistore24 API key is required.');
    this.#apiKey = options.apiKey;
    this.#baseUrl = (options.baseUrl || DEFAULT_DIGISTORE24_API_URL).replace(/\/+$/, '');
    // Unbound, a Workers fetch called as a method of another object throws "Illegal invocation".
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
    this.#maxRetryDelayMs = options.maxRetryDelayMs ?? DEFAULT_MAX_RETRY_DELAY_MS;
    this.#maxRequests = options.maxRequests ?? Number.POSITIVE_INFINITY;
    this.#sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** HTTP requests made so far, retries included. */
  get requestsMade(): number {
    return this.#requestsMade;
  }

  /** Calls one API function and returns its `data`. */
  async call<T = unknown>(functionName: string, params: Digistore24Params = {}): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.#attempt(functionName, params);
      if (outcome.kind === 'data') return outcome.data as T;
      const delayMs = outcome.retryAfterMs ?? DEFAULT_BACKOFF_MS * 2 ** (attempt - 1);
      if (attempt > this.#maxRetries || delayMs > this.#maxRetryDelayMs) {
        throw new Digistore24RateLimitError(functionName, attempt, outcome.retryAfterMs);
      }
      await this.#sleep(delayMs);
    }
  }

  listProducts(params: { sort_by?: 'name' | 'group' } = {}) {
    return this.call<unknown>('listProducts', params);
  }

  getProduct(productId: string | number) {
    return this.call<Item>('getProduct', { product_id: productId });
  }

  listMarketplaceEntries(params: Digistore24Params = {}) {
    return this.call<unknown>('listMarketplaceEntries', params);
  }

  getMarketplaceEntry(entryId: string | number) {
    return this.call<Item>('getMarketplaceEntry', { entry_id: entryId });
  }

  /**
   * Walks a list call page by page with `page_no` / `page_size`, which Digistore24
   * documents for some list calls but not for all: when an answer shows that paging was
   * ignored (more items than asked for, or the same first item again) the list is taken
   * as complete. Paging fields in the answer (`number_of_pages`, `item_count`, ...) are
   * followed when present; otherwise a short page is the last. Stops after `maxPages`,
   * in which case the final page has `last: false`.
   */
  async *listPages(functionName: string, params: Digistore24Params, options: ListPagesOptions): AsyncGenerator<Digistore24Page> {
    let previousFirst: string | undefined;
    let itemsSeen = 0;
    for (let pageNo = 1; pageNo <= options.maxPages; pageNo++) {
      const data = await this.call(functionName, { ...params, page_no: pageNo, page_size: options.pageSize });
      const items = listItems(data, options.listKeys);
      const first = items.length ? JSON.stringify(items[0]) : undefined;
      if (pageNo > 1 && first !== undefined && first === previousFirst) {
        yield { pageNo, items: [], last: true };
        return;
      }
      itemsSeen += items.length;
      const last =
        items.length === 0 ||
        items.length < options.pageSize ||
        items.length > options.pageSize ||
        isLastPageByPagingFields(data, pageNo, itemsSeen);
      yield { pageNo, items, last };
      if (last) return;
      previousFirst = first;
    }
  }

  async #attempt(
    functionName: string,
    params: Digistore24Params,
  ): Promise<{ kind: 'data'; data: unknown } | { kind: 'rate_limited'; retryAfterMs: number | null }> {
    if (this.#requestsMade >= this.#maxRequests) throw new Digistore24RequestBudgetError(functionName, this.#maxRequests);
    this.#requestsMade++;

    let response: Response;
    let text: string;
    try {
      response = await this.#fetch(`${this.#baseUrl}/${encodeURIComponent(functionName)}/format/json`, {
        method: 'POST',
        headers: {
          'X-DS-API-KEY': this.#apiKey,
          Accept: 'application/json',
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        body: formBody(params),
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      if (isAbort(error)) throw new Digistore24TimeoutError(functionName, this.#timeoutMs);
      throw new Digistore24NetworkError(functionName, error);
    }

    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
    if (response.status === 429) return { kind: 'rate_limited', retryAfterMs };

    const envelope = parseEnvelope(text);
    if (envelope?.result === 'success') return { kind: 'data', data: envelope.data };
    if (envelope?.result === 'error') {
      const code = envelope.code === undefined || envelope.code === null ? null : String(envelope.code);
      const message = typeof envelope.message === 'string' ? envelope.message : 'no message';
      if (isTooManyRequests(code, message)) return { kind: 'rate_limited', retryAfterMs };
      throw new Digistore24ApiError(functionName, code, message.slice(0, 500), response.status);
    }
    if (!response.ok) throw new Digistore24HttpError(functionName, response.status);
    throw new Digistore24ResponseError(`Digistore24 ${functionName} answered something other than its JSON envelope`, functionName);
  }
}

/** Digistore24 reads booleans as Y / N. */
function formBody(params: Digistore24Params): URLSearchParams {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    body.append(key, typeof value === 'boolean' ? (value ? 'Y' : 'N') : String(value));
  }
  return body;
}

function isAbort(error: unknown): boolean {
  const name = (error as { name?: unknown })?.name;
  return name === 'TimeoutError' || name === 'AbortError';
}

interface Envelope {
  result?: unknown;
  data?: unknown;
  message?: unknown;
  code?: unknown;
}

function parseEnvelope(text: string): Envelope | null {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Envelope) : null;
  } catch {
    return null;
  }
}

/** The code for "too many requests" is not documented; 429 is the obvious candidate, the wording the fallback. */
function isTooManyRequests(code: string | null, message: string): boolean {
  return code === '429' || /too many requests|rate limit/i.test(message);
}

const KNOWN_LIST_KEYS = ['entries', 'marketplace_entries', 'products', 'items', 'list'];

/** The items of a list answer: `data` itself when it is an array, else its list property. */
export function listItems(data: unknown, listKeys: string[] = KNOWN_LIST_KEYS): Item[] {
  const isItem = (value: unknown): value is Item => !!value && typeof value === 'object' && !Array.isArray(value);
  if (Array.isArray(data)) return data.filter(isItem);
  if (!isItem(data)) return [];
  const key = listKeys.find((k) => Array.isArray(data[k])) ?? Object.keys(data).find((k) => Array.isArray(data[k]));
  return key ? (data[key] as unknown[]).filter(isItem) : [];
}

function isLastPageByPagingFields(data: unknown, pageNo: number, itemsSeen: number): boolean {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return false;
  const fields = data as Item;
  const number = (...keys: string[]) => {
    for (const key of keys) {
      const value = Number(fields[key]);
      if (fields[key] !== undefined && fields[key] !== null && fields[key] !== '' && Number.isFinite(value)) return value;
    }
    return undefined;
  };
  const pages = number('number_of_pages', 'page_count', 'total_pages');
  if (pages !== undefined) return pageNo >= pages;
  const total = number('item_count', 'total_count', 'total');
  return total !== undefined && itemsSeen >= total;
}
