import { parseRetryAfter } from '../../retry-after.ts';
import { parseServerSentEvents, type ServerSentEvent } from './sse.ts';
import { ProviderError, type ProviderEvent } from './types.ts';

/**
 * What every adapter shares on the way to a model: the two timeouts, the single retry,
 * turning an HTTP failure into a ProviderError, and the caller's abort.
 */

export interface TransportOptions {
  /** Longest wait for the provider to answer at all: response headers, or the binding's first result. */
  connectTimeoutMs?: number;
  /** Longest silence between two pieces of a streamed answer, the first one included. */
  idleTimeoutMs?: number;
  /** Pause before the retry when the provider names none. */
  retryDelayMs?: number;
  /** Longest pause before the retry; a Retry-After beyond it is not waited out and fails the request at once. */
  maxRetryDelayMs?: number;
}

export const DEFAULT_TRANSPORT: Required<TransportOptions> = {
  connectTimeoutMs: 30_000,
  idleTimeoutMs: 30_000,
  retryDelayMs: 500,
  maxRetryDelayMs: 10_000,
};

export function transportOptions(options: TransportOptions): Required<TransportOptions> {
  const pick = (value: number | undefined, fallback: number) =>
    value !== undefined && Number.isFinite(value) && value >= 0 ? value : fallback;
  return {
    connectTimeoutMs: pick(options.connectTimeoutMs, DEFAULT_TRANSPORT.connectTimeoutMs),
    idleTimeoutMs: pick(options.idleTimeoutMs, DEFAULT_TRANSPORT.idleTimeoutMs),
    retryDelayMs: pick(options.retryDelayMs, DEFAULT_TRANSPORT.retryDelayMs),
    maxRetryDelayMs: pick(options.maxRetryDelayMs, DEFAULT_TRANSPORT.maxRetryDelayMs),
  };
}

/**
 * Runs `attempt` and, when it fails with a retryable ProviderError before it produced a
 * single event, runs it once more. Once an event has reached the caller a retry would
 * repeat it, so from then on every failure is final.
 */
export async function* withOneRetry(
  attempt: () => AsyncIterable<ProviderEvent>,
  signal: AbortSignal | undefined,
  options: Required<TransportOptions>,
): AsyncGenerator<ProviderEvent> {
  for (let attemptNumber = 1; ; attemptNumber++) {
    let yielded = false;
    try {
      for await (const event of attempt()) {
        yielded = true;
        yield event;
      }
      return;
    } catch (error) {
      if (yielded || attemptNumber > 1 || signal?.aborted || !(error instanceof ProviderError) || !error.retryable) {
        throw error;
      }
      const pause = pauseBeforeRetry(error, options);
      if (pause === null) throw error;
      await sleep(pause, signal);
    }
  }
}

function pauseBeforeRetry(error: ProviderError, options: Required<TransportOptions>): number | null {
  if (error.retryAfterSeconds === undefined) return options.retryDelayMs;
  const asked = error.retryAfterSeconds * 1000;
  return asked <= options.maxRetryDelayMs ? asked : null;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * POSTs `body` as JSON and returns the streamed response body. The caller's signal goes
 * to fetch with the connect timeout's; a timeout is a ProviderError('timeout'), the
 * caller's abort comes back as the signal's own reason.
 */
export async function postForStream(
  url: string,
  headers: Record<string, string>,
  body: unknown,
  signal: AbortSignal | undefined,
  options: Required<TransportOptions>,
  providerLabel: string,
): Promise<ReadableStream<Uint8Array>> {
  signal?.throwIfAborted();
  const connectTimeout = new AbortController();
  const timer = setTimeout(() => connectTimeout.abort(), options.connectTimeoutMs);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
      body: JSON.stringify(body),
      signal: signal ? AbortSignal.any([signal, connectTimeout.signal]) : connectTimeout.signal,
    });
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (connectTimeout.signal.aborted) {
      throw new ProviderError('timeout', `${providerLabel} did not answer within ${options.connectTimeoutMs} ms`);
    }
    throw new ProviderError('unavailable', `${providerLabel} could not be reached: ${describe(error)}`, { cause: error });
  } finally {
    clearTimeout(timer);
  }
  if (!response.ok) {
    // An error body that never ends must not hang the request.
    const giveUp = setTimeout(() => connectTimeout.abort(), options.idleTimeoutMs);
    const error = await errorFromResponse(response, providerLabel).finally(() => clearTimeout(giveUp));
    signal?.throwIfAborted();
    throw error;
  }
  if (!response.body) throw new ProviderError('upstream_error', `${providerLabel} answered with an empty body`, { retryable: true });
  if (/json/i.test(response.headers.get('content-type') ?? '')) {
    await response.body.cancel().catch(() => undefined);
    throw new ProviderError('upstream_error', `${providerLabel} answered without streaming`);
  }
  return response.body;
}

/** A failed HTTP answer as a ProviderError: its kind from the status, its message from the body. */
export async function errorFromResponse(response: Response, providerLabel: string): Promise<ProviderError> {
  const status = response.status;
  const detail = await response.text().then(errorMessageOf, () => '');
  const message = `${providerLabel} answered ${status}${detail ? `: ${detail}` : ''}`;
  if (status === 429) {
    const retryAfterMs = retryAfterOf(response.headers);
    return new ProviderError('rate_limited', message, {
      status,
      ...(retryAfterMs === null ? {} : { retryAfterSeconds: retryAfterMs / 1000 }),
    });
  }
  if (status === 401 || status === 403) return new ProviderError('auth', message, { status });
  if (status === 408) return new ProviderError('timeout', message, { status });
  if (status >= 500) return new ProviderError('unavailable', message, { status });
  return new ProviderError('bad_request', message, { status });
}

/** OpenAI also sends `retry-after-ms`, finer than the standard header. */
function retryAfterOf(headers: Headers): number | null {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && /^\d+(\.\d+)?$/.test(ms.trim())) return Number(ms.trim());
  return parseRetryAfter(headers.get('retry-after'));
}

/** The human part of an error body: `error.message` (OpenAI, Anthropic) or a short piece of the text. */
export function errorMessageOf(text: string): string {
  try {
    const parsed = JSON.parse(text) as { error?: { message?: unknown } | string; message?: unknown };
    if (typeof parsed.error === 'string') return parsed.error;
    if (typeof parsed.error?.message === 'string') return parsed.error.message;
    if (typeof parsed.message === 'string') return parsed.message;
  } catch {
    // not JSON: the text itself
  }
  return text.trim().slice(0, 300);
}

/**
 * A stream that fails with ProviderError('timeout') when the source stays silent for
 * `idleTimeoutMs`, and with the signal's reason when the caller aborts. The clock runs
 * only while someone is waiting to read, so a slow consumer is not taken for a slow provider.
 */
function withIdleTimeout(
  source: ReadableStream<Uint8Array>,
  idleTimeoutMs: number,
  signal: AbortSignal | undefined,
  providerLabel: string,
): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let timer: ReturnType<typeof setTimeout> | undefined;
        let onAbort: (() => void) | undefined;
        const interrupted = new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new ProviderError('timeout', `${providerLabel} went silent for ${idleTimeoutMs} ms`)),
            idleTimeoutMs,
          );
          if (signal) {
            onAbort = () => reject(signal.reason);
            if (signal.aborted) onAbort();
            else signal.addEventListener('abort', onAbort, { once: true });
          }
        });
        try {
          const { done, value } = await Promise.race([reader.read(), interrupted]);
          if (done) controller.close();
          else controller.enqueue(value);
        } catch (error) {
          reader.cancel(error).catch(() => undefined);
          throw error;
        } finally {
          clearTimeout(timer);
          if (onAbort) signal?.removeEventListener('abort', onAbort);
        }
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * A streamed answer's server-sent events, read by the provider's own `read`, under the
 * idle timeout. A network failure mid-stream (a reset connection) becomes
 * ProviderError('stream_cut'); ProviderErrors and the caller's abort pass as they are.
 */
export async function* readEventStream(
  body: ReadableStream<Uint8Array>,
  signal: AbortSignal | undefined,
  options: Required<TransportOptions>,
  providerLabel: string,
  read: (events: AsyncIterable<ServerSentEvent>, providerLabel: string) => AsyncIterable<ProviderEvent>,
): AsyncGenerator<ProviderEvent> {
  try {
    yield* read(parseServerSentEvents(withIdleTimeout(body, options.idleTimeoutMs, signal, providerLabel)), providerLabel);
  } catch (error) {
    if (error instanceof ProviderError || signal?.aborted) throw error;
    throw new ProviderError('stream_cut', `${providerLabel} connection broke off: ${describe(error)}`, { cause: error });
  }
}

export function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A token count as sent; anything that is not a number counts as none. */
export function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** A data line that should hold JSON; anything else is the provider's fault, not ours. */
export function parseJsonData(data: string, providerLabel: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(data);
    if (isObject(parsed)) return parsed;
  } catch {
    // reported below
  }
  throw new ProviderError('upstream_error', `${providerLabel} sent an unreadable event: ${data.slice(0, 200)}`);
}
