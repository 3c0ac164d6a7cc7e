import { finishReasonOf, openAiMessage, openAiTool, readOpenAiStream, settledFinish } from './openai-compatible.ts';
import { ToolCallAccumulator } from './tool-calls.ts';
import {
  count,
  describe,
  isObject,
  readEventStream,
  type TransportOptions,
  transportOptions,
  withOneRetry,
} from './transport.ts';
import { type ChatProvider, type ChatRequest, ProviderError, type ProviderEvent } from './types.ts';

/**
 * Cloudflare Workers AI through the Worker's `AI` binding: `env.AI.run(model, { messages,
 * tools, stream: true })` resolves to a ReadableStream of server-sent events, each
 * `data: {"response": "<text>"}` (tool calls in a `tool_calls` field of a chunk, usage in
 * the last), ending with `data: [DONE]`. A model that does not stream resolves to the
 * finished result instead, `{ response, tool_calls, usage }`; both are read.
 */

export const DEFAULT_WORKERS_AI_MODEL = '@cf/meta/llama-3.3-70b-instruct-fp8-fast';

/** The part of the `Ai` binding PAM uses, typed by shape so tests can stand in for it. */
export interface WorkersAiBinding {
  run(model: string, inputs: Record<string, unknown>, options?: { signal?: AbortSignal }): Promise<unknown>;
}

export interface WorkersAiOptions extends TransportOptions {
  binding: WorkersAiBinding;
  model?: string;
}

const LABEL = 'Workers AI';

export class WorkersAiProvider implements ChatProvider {
  readonly name = 'workers-ai';
  readonly model: string;
  readonly #binding: WorkersAiBinding;
  readonly #transport: Required<TransportOptions>;

  constructor(options: WorkersAiOptions) {
    this.model = options.model || DEFAULT_WORKERS_AI_MODEL;
    this.#binding = options.binding;
    this.#transport = transportOptions(options);
  }

  stream(request: ChatRequest): AsyncIterable<ProviderEvent> {
    return withOneRetry(() => this.#attempt(request), request.signal, this.#transport);
  }

  async *#attempt(request: ChatRequest): AsyncGenerator<ProviderEvent> {
    const result = await this.#run(request);
    if (isByteStream(result)) yield* readEventStream(result, request.signal, this.#transport, LABEL, readOpenAiStream);
    else yield* finishedResultEvents(result);
  }

  async #run(request: ChatRequest): Promise<unknown> {
    const { signal } = request;
    signal?.throwIfAborted();
    const inputs = {
      messages: request.messages.map((m) => (m.role === 'tool' ? { ...openAiMessage(m), name: m.name } : openAiMessage(m))),
      ...(request.tools.length > 0 ? { tools: request.tools.map(openAiTool) } : {}),
      ...(request.maxOutputTokens ? { max_tokens: request.maxOutputTokens } : {}),
      stream: true,
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    let onAbort: (() => void) | undefined;
    const interrupted = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new ProviderError('timeout', `${LABEL} did not answer within ${this.#transport.connectTimeoutMs} ms`)),
        this.#transport.connectTimeoutMs,
      );
      if (signal) {
        onAbort = () => reject(signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
      }
    });
    let gaveUp = false;
    const running = this.#binding.run(this.model, inputs, signal ? { signal } : undefined).then(
      (result) => {
        // A stream that arrives after the timeout or the abort would otherwise stay open.
        if (gaveUp && isByteStream(result)) result.cancel().catch(() => undefined);
        return result;
      },
      (error: unknown) => {
        throw signal?.aborted ? signal.reason : bindingError(error);
      },
    );
    try {
      return await Promise.race([running, interrupted]);
    } catch (error) {
      gaveUp = true;
      throw error;
    } finally {
      clearTimeout(timer);
      if (onAbort) signal?.removeEventListener('abort', onAbort);
    }
  }
}

function isByteStream(value: unknown): value is ReadableStream<Uint8Array> {
  return typeof (value as ReadableStream | null)?.getReader === 'function';
}

/**
 * The binding reports failures as thrown errors whose words say what happened
 * ("Capacity temporarily exceeded", "Invalid input", ...); anything unrecognised is taken
 * for a passing outage and may be retried.
 */
export function bindingError(error: unknown): ProviderError {
  const message = `${LABEL} failed: ${describe(error)}`;
  if (/capacity|rate.?limit|too many requests/i.test(message)) return new ProviderError('rate_limited', message, { cause: error });
  if (/unauthori[sz]ed|authentication|forbidden/i.test(message)) return new ProviderError('auth', message, { cause: error });
  if (/invalid|validation|bad input|no such model|model not found|unsupported/i.test(message)) {
    return new ProviderError('bad_request', message, { cause: error });
  }
  return new ProviderError('unavailable', message, { cause: error });
}

/** A finished (non-streamed) result: native `{ response, tool_calls, usage }` or chat completion `choices`. */
function* finishedResultEvents(result: unknown): Generator<ProviderEvent> {
  if (typeof result === 'string') {
    if (result !== '') yield { type: 'text', delta: result };
    yield { type: 'finish', reason: 'stop' };
    return;
  }
  if (!isObject(result)) throw new ProviderError('upstream_error', `${LABEL} returned no result`);
  const choice = Array.isArray(result.choices) && isObject(result.choices[0]) ? result.choices[0] : {};
  const message = isObject(choice.message) ? choice.message : {};
  const text = typeof result.response === 'string' ? result.response : isObject(result.response) ? JSON.stringify(result.response) : message.content;
  if (typeof text === 'string' && text !== '') yield { type: 'text', delta: text };

  const calls = new ToolCallAccumulator();
  for (const fragments of [result.tool_calls, message.tool_calls]) {
    if (Array.isArray(fragments)) for (const call of fragments) calls.add(call);
  }
  for (const call of calls.complete()) yield { type: 'tool_call', call };
  if (isObject(result.usage)) {
    yield { type: 'usage', inputTokens: count(result.usage.prompt_tokens), outputTokens: count(result.usage.completion_tokens) };
  }
  yield { type: 'finish', reason: settledFinish(finishReasonOf(choice.finish_reason ?? result.finish_reason), calls.size > 0) };
}
