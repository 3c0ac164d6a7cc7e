import type { ServerSentEvent } from './sse.ts';
import { ToolCallAccumulator } from './tool-calls.ts';
import {
  count,
  isObject,
  parseJsonData,
  postForStream,
  readEventStream,
  type TransportOptions,
  transportOptions,
  withOneRetry,
} from './transport.ts';
import {
  type ChatMessage,
  type ChatProvider,
  type ChatRequest,
  type FinishReason,
  ProviderError,
  type ProviderEvent,
  type ToolDefinition,
} from './types.ts';

/**
 * Any server that speaks OpenAI's chat completions API: OpenAI itself, and the many that
 * copy it (Ollama, llama.cpp, vLLM, LM Studio, OpenRouter, Groq, ...). One POST to
 * `<base>/chat/completions` with `stream: true`; the answer is server-sent events, each
 * `data:` a chunk whose `choices[0].delta` holds a piece of text or pieces of tool calls,
 * the last choice chunk a `finish_reason`, then (asked for with `stream_options`) a chunk
 * with `usage` and no choices, and finally `data: [DONE]`.
 */

export const DEFAULT_OPENAI_BASE_URL = 'https://api.openai.com/v1';
export const DEFAULT_OPENAI_MODEL = 'gpt-4.1-mini';

export interface OpenAiCompatibleOptions extends TransportOptions {
  /** Sent as a bearer token; local servers often need none. */
  apiKey?: string;
  /** Up to and including the version segment, e.g. `https://api.openai.com/v1` or `http://127.0.0.1:11434/v1`. */
  baseUrl?: string;
  model?: string;
  /** Asks for the usage chunk (`stream_options.include_usage`); a few older servers refuse the field. */
  includeUsage?: boolean;
}

export class OpenAiCompatibleProvider implements ChatProvider {
  readonly name = 'openai';
  readonly model: string;
  readonly #url: string;
  readonly #apiKey: string | undefined;
  readonly #includeUsage: boolean;
  readonly #transport: Required<TransportOptions>;

  constructor(options: OpenAiCompatibleOptions = {}) {
    this.model = options.model || DEFAULT_OPENAI_MODEL;
    this.#url = `${(options.baseUrl || DEFAULT_OPENAI_BASE_URL).replace(/\/+$/, '')}/chat/completions`;
    this.#apiKey = options.apiKey || undefined;
    this.#includeUsage = options.includeUsage ?? true;
    this.#transport = transportOptions(options);
  }

  stream(request: ChatRequest): AsyncIterable<ProviderEvent> {
    return withOneRetry(() => this.#attempt(request), request.signal, this.#transport);
  }

  async *#attempt(request: ChatRequest): AsyncGenerator<ProviderEvent> {
    const label = 'the OpenAI-compatible provider';
    const body = await postForStream(
      this.#url,
      this.#apiKey ? { authorization: `Bearer ${this.#apiKey}` } : {},
      openAiRequestBody(this.model, request, this.#includeUsage),
      request.signal,
      this.#transport,
      label,
    );
    yield* readEventStream(body, request.signal, this.#transport, label, readOpenAiStream);
  }
}

export function openAiRequestBody(model: string, request: ChatRequest, includeUsage = true): Record<string, unknown> {
  return {
    model,
    messages: request.messages.map(openAiMessage),
    ...(request.tools.length > 0 ? { tools: request.tools.map(openAiTool) } : {}),
    ...(request.maxOutputTokens ? { max_tokens: request.maxOutputTokens } : {}),
    stream: true,
    ...(includeUsage ? { stream_options: { include_usage: true } } : {}),
  };
}

/** The message shapes of chat completions, which Workers AI's binding accepts too. */
export function openAiMessage(message: ChatMessage): Record<string, unknown> {
  switch (message.role) {
    case 'assistant':
      return {
        role: 'assistant',
        content: message.content,
        ...(message.tool_calls?.length
          ? {
              tool_calls: message.tool_calls.map((call) => ({
                id: call.id,
                type: 'function',
                function: { name: call.name, arguments: call.arguments },
              })),
            }
          : {}),
      };
    case 'tool':
      return { role: 'tool', tool_call_id: message.tool_call_id, content: message.content };
    default:
      return { role: message.role, content: message.content };
  }
}

export function openAiTool(tool: ToolDefinition): Record<string, unknown> {
  return { type: 'function', function: { name: tool.name, description: tool.description, parameters: tool.parameters } };
}

export function finishReasonOf(reason: unknown): FinishReason | null {
  switch (reason) {
    case null:
    case undefined:
      return null;
    case 'stop':
      return 'stop';
    case 'tool_calls':
    case 'function_call':
      return 'tool_calls';
    case 'length':
      return 'length';
    case 'content_filter':
      return 'content_filter';
    default:
      return 'other';
  }
}

/**
 * Chat completion chunks to provider events. Text goes out as it arrives; tool calls and
 * usage once `[DONE]` proves the turn complete, so a stream that breaks off never hands
 * the loop a call it should not run. Workers AI streams the same framing with its own
 * fields beside (or instead of) `choices`: `response` for text, a top-level `tool_calls`,
 * `usage`; those are read here too.
 */
export async function* readOpenAiStream(events: AsyncIterable<ServerSentEvent>, label: string): AsyncGenerator<ProviderEvent> {
  const calls = new ToolCallAccumulator();
  let finish: FinishReason | null = null;
  let usage: { inputTokens: number; outputTokens: number } | null = null;
  let done = false;

  for await (const { event, data } of events) {
    if (data.trim() === '[DONE]') {
      done = true;
      break;
    }
    const chunk = parseJsonData(data, label);
    if (event === 'error' || chunk.error !== undefined) throw midStreamError(chunk, label);
    if (isObject(chunk.usage)) {
      usage = { inputTokens: count(chunk.usage.prompt_tokens), outputTokens: count(chunk.usage.completion_tokens) };
    }
    const choice = Array.isArray(chunk.choices) && isObject(chunk.choices[0]) ? chunk.choices[0] : {};
    const delta = isObject(choice.delta) ? choice.delta : {};
    for (const text of [delta.content, delta.refusal, chunk.response]) {
      if (typeof text === 'string' && text !== '') yield { type: 'text', delta: text };
    }
    for (const fragments of [delta.tool_calls, chunk.tool_calls]) {
      if (Array.isArray(fragments)) for (const fragment of fragments) calls.add(fragment);
    }
    finish = finishReasonOf(choice.finish_reason ?? chunk.finish_reason) ?? finish;
  }

  if (!done) throw new ProviderError('stream_cut', `${label} stream ended before [DONE]`);
  for (const call of calls.complete()) yield { type: 'tool_call', call };
  if (usage) yield { type: 'usage', ...usage };
  yield { type: 'finish', reason: settledFinish(finish, calls.size > 0) };
}

/** Some servers say `stop` after a tool call; the loop should hear that tools were called. */
export function settledFinish(finish: FinishReason | null, calledTools: boolean): FinishReason {
  if (calledTools && (finish === null || finish === 'stop')) return 'tool_calls';
  return finish ?? 'stop';
}

function midStreamError(chunk: Record<string, unknown>, label: string): ProviderError {
  const error = isObject(chunk.error) ? chunk.error : chunk;
  const message = typeof error.message === 'string' ? error.message : JSON.stringify(chunk.error ?? chunk).slice(0, 300);
  const type = typeof error.type === 'string' ? error.type : typeof error.code === 'string' ? error.code : '';
  return new ProviderError('upstream_error', `${label} reported an error mid-stream: ${message}`, {
    retryable: /server_error|overloaded|unavailable|timeout|rate_limit/i.test(type),
  });
}
