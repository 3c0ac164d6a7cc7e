/**
 * The one interface PAM's chat loop talks to, whatever model sits behind it. A provider
 * turns a conversation and the tools on offer into a stream of events: text as it is
 * generated, each tool call once its arguments are complete, token usage, and why the
 * turn ended.
 */

export interface ToolDefinition {
  name: string;
  description: string;
  /** A JSON Schema object. */
  parameters: Record<string, unknown>;
}

export interface ToolCall {
  id: string;
  name: string;
  /** The complete JSON text of the arguments (`{}` when the model sent none). */
  arguments: string;
}

export type ChatMessage =
  | { role: 'system' | 'user'; content: string }
  | { role: 'assistant'; content: string; tool_calls?: ToolCall[] }
  | { role: 'tool'; tool_call_id: string; name: string; content: string };

export interface ChatRequest {
  messages: ChatMessage[];
  tools: ToolDefinition[];
  signal?: AbortSignal;
  maxOutputTokens?: number;
}

export type FinishReason = 'stop' | 'tool_calls' | 'length' | 'content_filter' | 'other';

export type ProviderEvent =
  | { type: 'text'; delta: string }
  /** Emitted once per call, arguments fully accumulated. */
  | { type: 'tool_call'; call: ToolCall }
  | { type: 'usage'; inputTokens: number; outputTokens: number }
  | { type: 'finish'; reason: FinishReason };

export interface ChatProvider {
  readonly name: string;
  readonly model: string;
  stream(request: ChatRequest): AsyncIterable<ProviderEvent>;
}

export type ProviderErrorKind =
  | 'timeout'
  | 'rate_limited'
  | 'unavailable'
  | 'bad_request'
  | 'auth'
  | 'stream_cut'
  | 'upstream_error';

const RETRYABLE_BY_DEFAULT: ReadonlySet<ProviderErrorKind> = new Set(['timeout', 'rate_limited', 'unavailable', 'stream_cut']);

/**
 * Anything that went wrong talking to a model, except the caller's own abort (which
 * surfaces as the signal's reason, usually an AbortError). `retryable` says whether the
 * same request may succeed if sent again.
 */
export class ProviderError extends Error {
  readonly kind: ProviderErrorKind;
  readonly retryable: boolean;
  readonly status?: number;
  readonly retryAfterSeconds?: number;

  constructor(
    kind: ProviderErrorKind,
    message: string,
    options: { retryable?: boolean; status?: number; retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ProviderError';
    this.kind = kind;
    this.retryable = options.retryable ?? RETRYABLE_BY_DEFAULT.has(kind);
    if (options.status !== undefined) this.status = options.status;
    if (options.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds;
  }
}
