import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for language model APIs that speaks their streaming wire formats, so
 * PAM's real provider adapters run against it unchanged: OpenAI's chat completions
 * (`data: {chunk}` ... `data: [DONE]`) and Anthropic's Messages events (`event:
 * message_start` ... `event: message_stop`). Replies are scripted per request, in order,
 * and every request is recorded (headers, parsed body, and whether the client went away
 * before the reply was over).
 *
 * A script can split the body at any byte (each piece its own write, a pause between),
 * use CRLF or CR line endings, stop without the terminal event, break the connection,
 * hang before or after the headers, or answer with an HTTP error and Retry-After.
 */

export interface RecordedLlmRequest {
  method: string;
  path: string;
  /** Lower-cased names. */
  headers: Record<string, string | undefined>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  /** The client closed the connection before the reply was complete: an abort or a timeout reached the server. */
  aborted: boolean;
}

export interface ScriptedReply {
  status?: number;
  headers?: Record<string, string>;
  /** A non-streamed body (an error answer); serialised as JSON unless a string. */
  body?: unknown;
  /** Server-sent event frames, each ending in a blank line, written with `\n` line endings before `lineEnding` applies. */
  events?: string[];
  lineEnding?: '\n' | '\r\n' | '\r';
  /** Byte offsets of the body at which to cut it into separate writes. */
  splitAt?: number[];
  /** Cut the body into writes of this many bytes. */
  chunkSize?: number;
  /** Pause between writes, so that each arrives in a read of its own. */
  gapMs?: number;
  /** Hold the headers back this long. */
  delayMs?: number;
  /** Never answer at all. */
  hangBeforeHeaders?: boolean;
  /** After the body: `end` the reply (default), `destroy` the connection, or `hang` with it open. */
  ending?: 'end' | 'destroy' | 'hang';
}

export interface FakeLlm {
  /** `http://127.0.0.1:<port>`; OpenAI-compatible clients use `${url}/v1`. */
  url: string;
  requests: RecordedLlmRequest[];
  /** Queues replies for the next requests, in order. */
  reply(...replies: ScriptedReply[]): void;
  reset(): void;
  close(): Promise<void>;
}

export async function startFakeLlm(): Promise<FakeLlm> {
  let queue: ScriptedReply[] = [];
  const fake: FakeLlm = {
    url: '',
    requests: [],
    reply: (...replies) => {
      queue.push(...replies);
    },
    reset: () => {
      queue = [];
      fake.requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  const server: Server = createServer(async (request, response) => {
    // Recorded on arrival, so a client that gives up while sending still counts.
    const recorded: RecordedLlmRequest = {
      method: request.method ?? '',
      path: request.url ?? '',
      headers: headersOf(request),
      body: undefined,
      aborted: false,
    };
    fake.requests.push(recorded);
    let finishedByServer = false;
    response.on('close', () => {
      if (!response.writableFinished && !finishedByServer) recorded.aborted = true;
    });
    recorded.body = await jsonBody(request);

    const script = queue.shift() ?? { status: 500, body: { error: { message: 'the fake has no reply scripted' } } };
    if (script.hangBeforeHeaders) return;
    if (script.delayMs) await pause(script.delayMs);
    if (response.destroyed) return;

    if (!script.events) {
      const body = typeof script.body === 'string' ? script.body : JSON.stringify(script.body ?? {});
      response.writeHead(script.status ?? 200, { 'content-type': 'application/json', ...script.headers });
      response.end(body);
      return;
    }

    response.socket?.setNoDelay(true);
    response.writeHead(script.status ?? 200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      ...script.headers,
    });
    response.flushHeaders();
    const ending = script.lineEnding ?? '\n';
    const bytes = Buffer.from(script.events.join('').replace(/\n/g, ending), 'utf8');
    const pieces = cut(bytes, script);
    for (const [i, piece] of pieces.entries()) {
      if (response.destroyed) return;
      response.write(piece);
      if (i < pieces.length - 1 && (script.gapMs ?? (pieces.length > 1 ? 5 : 0)) > 0) {
        await pause(script.gapMs ?? 5);
      }
    }
    if (script.ending === 'hang') return;
    finishedByServer = true;
    if (script.ending === 'destroy') {
      await pause(5);
      response.socket?.destroy();
      return;
    }
    response.end();
  });

  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

function cut(bytes: Buffer, script: ScriptedReply): Buffer[] {
  const offsets = new Set<number>(script.splitAt ?? []);
  if (script.chunkSize) for (let at = script.chunkSize; at < bytes.length; at += script.chunkSize) offsets.add(at);
  const points = [...offsets].filter((at) => at > 0 && at < bytes.length).sort((a, b) => a - b);
  const pieces: Buffer[] = [];
  let start = 0;
  for (const at of points) {
    pieces.push(bytes.subarray(start, at));
    start = at;
  }
  pieces.push(bytes.subarray(start));
  return pieces;
}

function headersOf(request: IncomingMessage): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(request.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  return headers;
}

async function jsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of request) chunks.push(chunk as Buffer);
  } catch {
    // the client went away mid-request: keep what arrived
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Everything a stream yields, in order. */
export async function collect<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const seen: T[] = [];
  for await (const item of stream) seen.push(item);
  return seen;
}

/** Runs a stream that should fail: what it yielded first, and the error. */
export async function streamFailure<T>(stream: AsyncIterable<T>): Promise<{ before: T[]; error: unknown }> {
  const before: T[] = [];
  try {
    for await (const item of stream) before.push(item);
  } catch (error) {
    return { before, error };
  }
  throw new Error('expected the stream to fail');
}

// ---------------------------------------------------------------------------------------
// OpenAI chat completions frames

const sse = (data: unknown, event?: string) =>
  `${event ? `event: ${event}\n` : ''}data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;

export const openAiFrames = {
  chunk: (delta: Record<string, unknown>, finishReason: string | null = null) =>
    sse({
      id: 'chatcmpl-fake',
      object: 'chat.completion.chunk',
      created: 1_764_633_600,
      model: 'fake-model',
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
    }),
  usage: (promptTokens: number, completionTokens: number) =>
    sse({
      id: 'chatcmpl-fake',
      object: 'chat.completion.chunk',
      created: 1_764_633_600,
      model: 'fake-model',
      choices: [],
      usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
    }),
  error: (message: string, type = 'server_error') => sse({ error: { message, type, param: null, code: null } }),
  done: () => 'data: [DONE]\n\n',
  comment: (text = 'keep-alive') => `: ${text}\n\n`,
};

export interface ScriptedToolCall {
  id: string;
  name: string;
  /** The arguments' JSON text in the pieces the model streams it in. */
  fragments: string[];
}

/**
 * A whole chat completions stream: the role chunk, text pieces, tool calls (the first
 * fragment of each with id and name), the finish chunk, the usage chunk and `[DONE]`.
 * `interleave` sends parallel calls' fragments in turns, as models do.
 */
export function openAiStream(options: {
  text?: string[];
  toolCalls?: ScriptedToolCall[];
  interleave?: boolean;
  finishReason?: string;
  usage?: [number, number] | null;
}): string[] {
  const frames = [openAiFrames.chunk({ role: 'assistant', content: '' })];
  for (const piece of options.text ?? []) frames.push(openAiFrames.chunk({ content: piece }));
  const calls = options.toolCalls ?? [];
  const fragmentFrame = (index: number, call: ScriptedToolCall, f: number) =>
    openAiFrames.chunk({
      tool_calls: [
        f === 0
          ? { index, id: call.id, type: 'function', function: { name: call.name, arguments: call.fragments[0] ?? '' } }
          : { index, function: { arguments: call.fragments[f] } },
      ],
    });
  if (options.interleave) {
    const longest = Math.max(0, ...calls.map((c) => c.fragments.length));
    for (let f = 0; f < longest; f++) {
      calls.forEach((call, index) => {
        if (f < Math.max(1, call.fragments.length)) frames.push(fragmentFrame(index, call, f));
      });
    }
  } else {
    calls.forEach((call, index) => {
      for (let f = 0; f < Math.max(1, call.fragments.length); f++) frames.push(fragmentFrame(index, call, f));
    });
  }
  frames.push(openAiFrames.chunk({}, options.finishReason ?? (calls.length ? 'tool_calls' : 'stop')));
  if (options.usage !== null) frames.push(openAiFrames.usage(...(options.usage ?? [12, 34])));
  frames.push(openAiFrames.done());
  return frames;
}

// ---------------------------------------------------------------------------------------
// Anthropic Messages frames

export const anthropicFrames = {
  messageStart: (inputTokens = 25) =>
    sse(
      {
        type: 'message_start',
        message: {
          id: 'msg_fake',
          type: 'message',
          role: 'assistant',
          model: 'claude-fake',
          content: [],
          stop_reason: null,
          stop_sequence: null,
          usage: { input_tokens: inputTokens, output_tokens: 1 },
        },
      },
      'message_start',
    ),
  textStart: (index: number) =>
    sse({ type: 'content_block_start', index, content_block: { type: 'text', text: '' } }, 'content_block_start'),
  textDelta: (index: number, text: string) =>
    sse({ type: 'content_block_delta', index, delta: { type: 'text_delta', text } }, 'content_block_delta'),
  toolStart: (index: number, id: string, name: string) =>
    sse({ type: 'content_block_start', index, content_block: { type: 'tool_use', id, name, input: {} } }, 'content_block_start'),
  jsonDelta: (index: number, partialJson: string) =>
    sse({ type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: partialJson } }, 'content_block_delta'),
  blockStop: (index: number) => sse({ type: 'content_block_stop', index }, 'content_block_stop'),
  messageDelta: (stopReason: string, outputTokens = 40) =>
    sse({ type: 'message_delta', delta: { stop_reason: stopReason, stop_sequence: null }, usage: { output_tokens: outputTokens } }, 'message_delta'),
  messageStop: () => sse({ type: 'message_stop' }, 'message_stop'),
  ping: () => sse({ type: 'ping' }, 'ping'),
  error: (type: string, message: string) => sse({ type: 'error', error: { type, message } }, 'error'),
};

/** A whole Messages stream: message_start, a text block, tool_use blocks, message_delta and message_stop. */
export function anthropicStream(options: {
  text?: string[];
  toolUses?: ScriptedToolCall[];
  stopReason?: string;
  usage?: [number, number];
  ping?: boolean;
}): string[] {
  const [input, output] = options.usage ?? [25, 40];
  const frames = [anthropicFrames.messageStart(input)];
  if (options.ping) frames.push(anthropicFrames.ping());
  let index = 0;
  if (options.text?.length) {
    frames.push(anthropicFrames.textStart(index));
    for (const piece of options.text) frames.push(anthropicFrames.textDelta(index, piece));
    frames.push(anthropicFrames.blockStop(index));
    index++;
  }
  for (const call of options.toolUses ?? []) {
    frames.push(anthropicFrames.toolStart(index, call.id, call.name));
    for (const fragment of call.fragments) frames.push(anthropicFrames.jsonDelta(index, fragment));
    frames.push(anthropicFrames.blockStop(index));
    index++;
  }
  frames.push(anthropicFrames.messageDelta(options.stopReason ?? (options.toolUses?.length ? 'tool_use' : 'end_turn'), output));
  frames.push(anthropicFrames.messageStop());
  return frames;
}

// ---------------------------------------------------------------------------------------
// Workers AI binding

/** Workers AI's stream frames: `data: {"response": ...}` pieces, then usage, then `[DONE]`. */
export const workersAiFrames = {
  response: (text: string) => sse({ response: text, p: 'abcdefgh' }),
  toolCalls: (toolCalls: unknown[]) => sse({ response: '', tool_calls: toolCalls }),
  usage: (promptTokens: number, completionTokens: number) =>
    sse({ response: '', usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens } }),
  done: () => 'data: [DONE]\n\n',
};

export type BindingReply =
  /** `run` resolves to a stream of these frames; `ending: 'hang'` keeps it open after them. */
  | { frames: string[]; chunkSize?: number; ending?: 'close' | 'hang' }
  /** `run` resolves to a finished (non-streamed) result. */
  | { result: unknown }
  /** `run` rejects. */
  | { error: Error }
  /** `run` never settles. */
  | { hang: true };

export interface FakeWorkersAi {
  run(model: string, inputs: Record<string, unknown>, options?: { signal?: AbortSignal }): Promise<unknown>;
  runs: { model: string; inputs: Record<string, unknown>; options?: { signal?: AbortSignal } }[];
  /** How many of the streams it handed out were cancelled by their reader. */
  cancelled: number;
  reply(...replies: BindingReply[]): void;
}

/** A stand-in for the `AI` binding whose streams carry the bytes Workers AI sends. */
export function fakeWorkersAi(): FakeWorkersAi {
  const queue: BindingReply[] = [];
  const binding: FakeWorkersAi = {
    runs: [],
    cancelled: 0,
    reply: (...replies) => {
      queue.push(...replies);
    },
    async run(model, inputs, options) {
      binding.runs.push({ model, inputs, options });
      const reply = queue.shift() ?? { error: new Error('the fake binding has no reply scripted') };
      if ('hang' in reply) return new Promise(() => {});
      if ('error' in reply) throw reply.error;
      if ('result' in reply) return reply.result;
      const bytes = Buffer.from(reply.frames.join(''), 'utf8');
      const pieces = cut(bytes, { chunkSize: reply.chunkSize });
      return new ReadableStream<Uint8Array>({
        async pull(controller) {
          const next = pieces.shift();
          if (next) {
            await pause(1);
            controller.enqueue(new Uint8Array(next));
          } else if (reply.ending === 'hang') {
            await new Promise(() => {});
          } else {
            controller.close();
          }
        },
        cancel() {
          binding.cancelled++;
        },
      });
    },
  };
  return binding;
}
