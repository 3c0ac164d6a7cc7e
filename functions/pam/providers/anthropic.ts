import type { ServerSentEvent } from './sse.ts';
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
  type ToolCall,
} from './types.ts';

/**
 * Anthropic's Messages API: `POST <base>/v1/messages` with `x-api-key` and
 * `anthropic-version: 2023-06-01`. System prompts travel beside the messages, tool
 * calls are `tool_use` blocks in the assistant's content and their results
 * `tool_result` blocks in the next user message. The stream is named events:
 * `message_start` (input usage), then per content block `content_block_start`,
 * `content_block_delta` (`text_delta` text, or `input_json_delta` pieces of a tool's
 * input JSON) and `content_block_stop`, then `message_delta` (stop reason, output usage)
 * and `message_stop`; `ping` may come at any time, `error` ends the stream.
 */

export const DEFAULT_ANTHROPIC_BASE_URL = 'https://api.anthropic.com';
export const DEFAULT_ANTHROPIC_MODEL = 'claude-haiku-4-5';
export const ANTHROPIC_VERSION = '2023-06-01';
/** The API requires a ceiling on every request; PAM's answers are short. */
const DEFAULT_MAX_TOKENS = 1024;

export interface AnthropicOptions extends TransportOptions {
  apiKey: string;
  /** `https://api.anthropic.com`, with or without a trailing `/v1`. */
  baseUrl?: string;
  model?: string;
}

export class AnthropicProvider implements ChatProvider {
  readonly name = 'anthropic';
  readonly model: string;
  readonly #url: string;
  readonly #apiKey: string;
  readonly #transport: Required<TransportOptions>;

  constructor(options: AnthropicOptions) {
    this.model = options.model || DEFAULT_ANTHROPIC_MODEL;
    const base = (options.baseUrl || DEFAULT_ANTHROPIC_BASE_URL).replace(/\/+$/, '');
    this.#url = base.endsWith('/v1') ? `${base}/messages` : `${base}/v1/messages`;
    this.#apiKey = options.apiKey;
    this.#transport = transportOptions(options);
  }

  stream(request: ChatRequest): AsyncIterable<ProviderEvent> {
    return withOneRetry(() => this.#attempt(request), request.signal, this.#transport);
  }

  async *#attempt(request: ChatRequest): AsyncGenerator<ProviderEvent> {
    const label = 'Anthropic';
    const body = await postForStream(
      this.#url,
      { 'x-api-key': this.#apiKey, 'anthropic-version': ANTHROPIC_VERSION },
      anthropicRequestBody(this.model, request),
      request.signal,
      this.#transport,
      label,
    );
    yield* readEventStream(body, request.signal, this.#transport, label, readAnthropicStream);
  }
}

type ContentBlock = Record<string, unknown>;

export function anthropicRequestBody(model: string, request: ChatRequest): Record<string, unknown> {
  const system = request.messages
    .flatMap((m) => (m.role === 'system' ? [m.content] : []))
    .join('\n\n');
  return {
    model,
    max_tokens: request.maxOutputTokens ?? DEFAULT_MAX_TOKENS,
    ...(system ? { system } : {}),
    messages: anthropicMessages(request.messages),
    ...(request.tools.length > 0
      ? { tools: request.tools.map((t) => ({ name: t.name, description: t.description, input_schema: t.parameters })) }
      : {}),
    stream: true,
  };
}

/**
 * The conversation as Anthropic turns: tool results become `tool_result` blocks of a user
 * turn, and consecutive turns of one role merge, since every result of an assistant's
 * tool calls must come in the single user turn that follows it.
 */
export function anthropicMessages(messages: ChatMessage[]): { role: 'user' | 'assistant'; content: ContentBlock[] }[] {
  const turns: { role: 'user' | 'assistant'; content: ContentBlock[] }[] = [];
  const add = (role: 'user' | 'assistant', blocks: ContentBlock[]) => {
    if (blocks.length === 0) return;
    const last = turns.at(-1);
    if (last?.role === role) last.content.push(...blocks);
    else turns.push({ role, content: blocks });
  };
  const text = (content: string): ContentBlock[] => (content.trim() ? [{ type: 'text', text: content }] : []);

  for (const message of messages) {
    switch (message.role) {
      case 'system':
        break;
      case 'user':
        add('user', text(message.content));
        break;
      case 'assistant':
        add('assistant', [
          ...text(message.content),
          ...(message.tool_calls ?? []).map((call) => ({
            type: 'tool_use',
            id: call.id,
            name: call.name,
            input: inputObject(call),
          })),
        ]);
        break;
      case 'tool':
        add('user', [{ type: 'tool_result', tool_use_id: message.tool_call_id, content: message.content }]);
        break;
    }
  }
  return turns;
}

/** Anthropic wants a tool's input as an object; arguments that are not one are sent as `{}`. */
function inputObject(call: ToolCall): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(call.arguments);
    return isObject(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

export function anthropicFinishReason(stopReason: unknown): FinishReason | null {
  switch (stopReason) {
    case null:
    case undefined:
      return null;
    case 'end_turn':
    case 'stop_sequence':
      return 'stop';
    case 'tool_use':
      return 'tool_calls';
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'refusal':
      return 'content_filter';
    default:
      return 'other';
  }
}

/**
 * Messages stream events to provider events. Text goes out as it arrives; tool calls
 * (their input JSON accumulated per block) and usage once `message_stop` proves the turn
 * complete.
 */
export async function* readAnthropicStream(events: AsyncIterable<ServerSentEvent>, label: string): AsyncGenerator<ProviderEvent> {
  const toolBlocks = new Map<number, ToolCall>();
  const calls: ToolCall[] = [];
  let inputTokens = 0;
  let outputTokens = 0;
  let finish: FinishReason | null = null;
  let stopped = false;

  for await (const { event, data } of events) {
    const payload = parseJsonData(data, label);
    const type = typeof payload.type === 'string' ? payload.type : event;
    switch (type) {
      case 'message_start': {
        const usage = isObject(payload.message) && isObject(payload.message.usage) ? payload.message.usage : {};
        inputTokens = count(usage.input_tokens) + count(usage.cache_creation_input_tokens) + count(usage.cache_read_input_tokens);
        outputTokens = count(usage.output_tokens);
        break;
      }
      case 'content_block_start': {
        const block = isObject(payload.content_block) ? payload.content_block : {};
        const index = count(payload.index);
        if (block.type === 'tool_use') {
          const initial = isObject(block.input) && Object.keys(block.input).length > 0 ? JSON.stringify(block.input) : '';
          toolBlocks.set(index, { id: String(block.id ?? ''), name: String(block.name ?? ''), arguments: initial });
        } else if (block.type === 'text' && typeof block.text === 'string' && block.text !== '') {
          yield { type: 'text', delta: block.text };
        }
        break;
      }
      case 'content_block_delta': {
        const delta = isObject(payload.delta) ? payload.delta : {};
        if (delta.type === 'text_delta' && typeof delta.text === 'string' && delta.text !== '') {
          yield { type: 'text', delta: delta.text };
        } else if (delta.type === 'input_json_delta' && typeof delta.partial_json === 'string') {
          const block = toolBlocks.get(count(payload.index));
          if (block) block.arguments += delta.partial_json;
        }
        break;
      }
      case 'content_block_stop': {
        const index = count(payload.index);
        const block = toolBlocks.get(index);
        if (block) {
          calls.push({ ...block, arguments: block.arguments.trim() === '' ? '{}' : block.arguments });
          toolBlocks.delete(index);
        }
        break;
      }
      case 'message_delta': {
        const delta = isObject(payload.delta) ? payload.delta : {};
        finish = anthropicFinishReason(delta.stop_reason) ?? finish;
        if (isObject(payload.usage)) {
          outputTokens = count(payload.usage.output_tokens) || outputTokens;
          if (payload.usage.input_tokens !== undefined && payload.usage.input_tokens !== null) {
            inputTokens = Math.max(inputTokens, count(payload.usage.input_tokens));
          }
        }
        break;
      }
      case 'message_stop':
        stopped = true;
        break;
      case 'error':
        throw streamedError(payload, label);
      default:
        // ping, and block types PAM does not use (thinking, ...)
        break;
    }
    if (stopped) break;
  }

  if (!stopped) throw new ProviderError('stream_cut', `${label} stream ended before message_stop`);
  for (const call of calls) yield { type: 'tool_call', call };
  yield { type: 'usage', inputTokens, outputTokens };
  yield { type: 'finish', reason: finish ?? (calls.length > 0 ? 'tool_calls' : 'stop') };
}

function streamedError(payload: Record<string, unknown>, label: string): ProviderError {
  const error = isObject(payload.error) ? payload.error : {};
  const type = typeof error.type === 'string' ? error.type : 'error';
  const message = typeof error.message === 'string' ? error.message : type;
  return new ProviderError('upstream_error', `${label} reported ${type} mid-stream: ${message}`, {
    retryable: type === 'overloaded_error' || type === 'api_error' || type === 'rate_limit_error',
  });
}
