import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  anthropicFrames,
  anthropicStream,
  collect,
  type FakeLlm,
  openAiFrames,
  openAiStream,
  type ScriptedToolCall,
  startFakeLlm,
  streamFailure,
} from '../../../test/support/fake-llm.ts';
import { AnthropicProvider } from './anthropic.ts';
import { OpenAiCompatibleProvider } from './openai-compatible.ts';
import type { TransportOptions } from './transport.ts';
import { type ChatProvider, type ChatRequest, ProviderError, type ProviderEvent } from './types.ts';

/**
 * Both HTTP adapters against the fake server, case by case: the same failures, in each
 * provider's own wire format.
 */

let fake: FakeLlm;
beforeAll(async () => {
  fake = await startFakeLlm();
});
afterAll(() => fake?.close());
beforeEach(() => fake.reset());

/** Short enough to keep the suite quick, long enough that a busy machine does not trip them. */
const FAST: TransportOptions = { connectTimeoutMs: 1_000, idleTimeoutMs: 1_000, retryDelayMs: 10, maxRetryDelayMs: 2_000 };

interface WireFormat {
  name: string;
  provider(options?: TransportOptions): ChatProvider;
  text(pieces: string[]): string[];
  tools(calls: ScriptedToolCall[], options?: { interleave?: boolean }): string[];
  /** A reply that has sent these text pieces and nothing after them. */
  textOnly(pieces: string[]): string[];
  /** A tool call's opening and the first piece of its arguments. */
  toolOpening(call: ScriptedToolCall): string[];
  midStreamError(): string;
}

const formats: WireFormat[] = [
  {
    name: 'OpenAI-compatible',
    provider: (options) => new OpenAiCompatibleProvider({ apiKey: 'sk-test', baseUrl: `${fake.url}/v1`, model: 'fake-model', ...FAST, ...options }),
    text: (pieces) => openAiStream({ text: pieces }),
    tools: (calls, options) => openAiStream({ toolCalls: calls, interleave: options?.interleave }),
    textOnly: (pieces) => openAiStream({ text: pieces }).slice(0, 1 + pieces.length),
    toolOpening: (call) => openAiStream({ toolCalls: [call] }).slice(1, 2),
    midStreamError: () => openAiFrames.error('The server had an error while processing your request.', 'invalid_request_error'),
  },
  {
    name: 'Anthropic',
    provider: (options) => new AnthropicProvider({ apiKey: 'sk-ant-test', baseUrl: fake.url, model: 'claude-fake', ...FAST, ...options }),
    text: (pieces) => anthropicStream({ text: pieces, ping: true }),
    tools: (calls) => anthropicStream({ toolUses: calls }),
    textOnly: (pieces) => [anthropicFrames.messageStart(), anthropicFrames.textStart(0), ...pieces.map((p) => anthropicFrames.textDelta(0, p))],
    toolOpening: (call) => [anthropicFrames.blockStop(0), anthropicFrames.toolStart(1, call.id, call.name), anthropicFrames.jsonDelta(1, call.fragments[0])],
    midStreamError: () => anthropicFrames.error('invalid_request_error', 'Something about the request was wrong.'),
  },
];

const request = (overrides: Partial<ChatRequest> = {}): ChatRequest => ({
  messages: [{ role: 'user', content: 'hello' }],
  tools: [],
  ...overrides,
});

const textOf = (events: ProviderEvent[]) => events.flatMap((e) => (e.type === 'text' ? [e.delta] : [])).join('');
const callsOf = (events: ProviderEvent[]) => events.flatMap((e) => (e.type === 'tool_call' ? [e.call] : []));
const finishOf = (events: ProviderEvent[]) => events.find((e) => e.type === 'finish');

function expectProviderError(error: unknown, kind: ProviderError['kind']): ProviderError {
  expect(error).toBeInstanceOf(ProviderError);
  expect((error as ProviderError).kind).toBe(kind);
  return error as ProviderError;
}

describe.each(formats)('$name adapter', (format) => {
  it('streams text in order, then usage and the finish reason', async () => {
    fake.reply({ events: format.text(['G’day', ', Broken', ' Hill!']) });
    const events = await collect(format.provider().stream(request()));
    expect(events.filter((e) => e.type === 'text')).toEqual([
      { type: 'text', delta: 'G’day' },
      { type: 'text', delta: ', Broken' },
      { type: 'text', delta: ' Hill!' },
    ]);
    expect(events.at(-2)).toMatchObject({ type: 'usage' });
    expect(events.at(-1)).toEqual({ type: 'finish', reason: 'stop' });
    expect(fake.requests).toHaveLength(1);
  });

  it('hands out text as it arrives, before the reply is over', async () => {
    fake.reply({ events: format.textOnly(['first words']), ending: 'hang' });
    const controller = new AbortController();
    const events = format.provider({ idleTimeoutMs: 5_000 }).stream(request({ signal: controller.signal }))[Symbol.asyncIterator]();
    expect((await events.next()).value).toEqual({ type: 'text', delta: 'first words' });
    controller.abort();
    await expect(events.next()).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('accumulates a tool call whose arguments are split across chunks and reads', async () => {
    const args = '{"title":"buy 20 litres of water","due_date":"2026-12-11T09:00:00+08:00"}';
    const frames = format.tools([{ id: 'call_1', name: 'create_todo', fragments: [args.slice(0, 5), args.slice(5, 30), args.slice(30)] }]);
    const body = frames.join('');
    // Cuts inside a frame's JSON, right after "data:", and between the two newlines of a frame's end.
    fake.reply({ events: frames, splitAt: [body.indexOf('title') + 2, body.indexOf('data:') + 5, body.indexOf('\n\n') + 1], chunkSize: 97 });
    const events = await collect(format.provider().stream(request()));
    expect(callsOf(events)).toEqual([{ id: 'call_1', name: 'create_todo', arguments: args }]);
    expect(JSON.parse(callsOf(events)[0].arguments)).toEqual({ title: 'buy 20 litres of water', due_date: '2026-12-11T09:00:00+08:00' });
    expect(finishOf(events)).toEqual({ type: 'finish', reason: 'tool_calls' });
  });

  it('keeps parallel tool calls apart, in the order the model made them', async () => {
    fake.reply({
      events: format.tools(
        [
          { id: 'call_a', name: 'budget_status', fragments: ['{"cate', 'gory":"fu', 'el"}'] },
          { id: 'call_b', name: 'upcoming_maintenance', fragments: ['{"da', 'ys":', '30}'] },
        ],
        { interleave: true },
      ),
    });
    const events = await collect(format.provider().stream(request()));
    expect(callsOf(events)).toEqual([
      { id: 'call_a', name: 'budget_status', arguments: '{"category":"fuel"}' },
      { id: 'call_b', name: 'upcoming_maintenance', arguments: '{"days":30}' },
    ]);
  });

  it('reads CRLF line endings', async () => {
    fake.reply({ events: format.tools([{ id: 'call_1', name: 'list_trips', fragments: ['{}'] }]), lineEnding: '\r\n', chunkSize: 13 });
    const events = await collect(format.provider().stream(request()));
    expect(callsOf(events)).toEqual([{ id: 'call_1', name: 'list_trips', arguments: '{}' }]);
  });

  it('takes an empty first argument fragment in its stride, and no arguments at all as {}', async () => {
    fake.reply({
      events: format.tools([
        { id: 'call_1', name: 'complete_todo', fragments: ['', '{"title":', ' "buy water"}'] },
        { id: 'call_2', name: 'list_todos', fragments: [''] },
      ]),
    });
    const events = await collect(format.provider().stream(request()));
    expect(callsOf(events)).toEqual([
      { id: 'call_1', name: 'complete_todo', arguments: '{"title": "buy water"}' },
      { id: 'call_2', name: 'list_todos', arguments: '{}' },
    ]);
  });

  it('fails a stream that ends without its terminal event as stream_cut, after the text it did send, without a retry', async () => {
    fake.reply({
      events: [...format.textOnly(['Adding that now.']), ...format.toolOpening({ id: 'call_1', name: 'create_todo', fragments: ['{"title":"half'] })],
    });
    const { before, error } = await streamFailure(format.provider().stream(request()));
    expectProviderError(error, 'stream_cut');
    expect(textOf(before)).toBe('Adding that now.');
    expect(callsOf(before)).toEqual([]);
    expect(fake.requests).toHaveLength(1);
  });

  it('fails a connection that breaks mid-stream as stream_cut', async () => {
    fake.reply({ events: format.textOnly(['partial']), ending: 'destroy' });
    const { before, error } = await streamFailure(format.provider().stream(request()));
    expectProviderError(error, 'stream_cut');
    expect(textOf(before)).toBe('partial');
  });

  it('retries once when the stream breaks off before its first event', async () => {
    fake.reply({ events: [format.text(['never'])[0]], ending: 'destroy' }, { events: format.text(['second try']) });
    const events = await collect(format.provider().stream(request()));
    expect(textOf(events)).toBe('second try');
    expect(fake.requests).toHaveLength(2);
  });

  it('fails on a mid-stream error event as upstream_error', async () => {
    fake.reply({ events: [...format.textOnly(['Let me check']), format.midStreamError()] });
    const { before, error } = await streamFailure(format.provider().stream(request()));
    expectProviderError(error, 'upstream_error');
    expect(textOf(before)).toBe('Let me check');
    expect(fake.requests).toHaveLength(1);
  });

  it('waits out a 429 Retry-After and tries again', async () => {
    fake.reply(
      { status: 429, headers: { 'retry-after': '1' }, body: { error: { type: 'rate_limit_error', message: 'Slow down' } } },
      { events: format.text(['after the pause']) },
    );
    const started = Date.now();
    const events = await collect(format.provider().stream(request()));
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(textOf(events)).toBe('after the pause');
    expect(fake.requests).toHaveLength(2);
  });

  it('does not wait out a Retry-After beyond the cap: rate_limited at once, with the delay asked for', async () => {
    fake.reply({ status: 429, headers: { 'retry-after': '120' }, body: { error: { message: 'Slow down' } } });
    const { error } = await streamFailure(format.provider().stream(request()));
    const providerError = expectProviderError(error, 'rate_limited');
    expect(providerError).toMatchObject({ status: 429, retryAfterSeconds: 120, retryable: true });
    expect(fake.requests).toHaveLength(1);
  });

  it('retries a 5xx once, then gives up as unavailable', async () => {
    fake.reply({ status: 503, body: { error: { message: 'Overloaded' } } }, { status: 529, body: { error: { message: 'Overloaded' } } });
    const { error } = await streamFailure(format.provider().stream(request()));
    expect(expectProviderError(error, 'unavailable').message).toContain('Overloaded');
    expect(fake.requests).toHaveLength(2);
  });

  it.each([
    [400, 'bad_request'],
    [401, 'auth'],
    [403, 'auth'],
    [404, 'bad_request'],
  ] as const)('answers %i with %s and no retry', async (status, kind) => {
    fake.reply({ status, body: { error: { message: 'the provider says no' } } });
    const { error } = await streamFailure(format.provider().stream(request()));
    const providerError = expectProviderError(error, kind);
    expect(providerError).toMatchObject({ status, retryable: false });
    expect(providerError.message).toContain('the provider says no');
    expect(fake.requests).toHaveLength(1);
  });

  it('gives up on an error answer whose body never ends', async () => {
    const endless = { status: 503, headers: { 'content-type': 'application/json' }, events: ['{"error": {"message": "over'], ending: 'hang' as const };
    fake.reply(endless, endless);
    const started = Date.now();
    const { error } = await streamFailure(format.provider().stream(request()));
    expect(expectProviderError(error, 'unavailable').status).toBe(503);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(fake.requests).toHaveLength(2);
  });

  it('times out a provider that never answers, tries once more, and lets go of both connections', async () => {
    fake.reply({ hangBeforeHeaders: true }, { hangBeforeHeaders: true });
    const { error } = await streamFailure(format.provider().stream(request()));
    expectProviderError(error, 'timeout');
    expect(fake.requests).toHaveLength(2);
    await vi.waitFor(() => expect(fake.requests.map((r) => r.aborted)).toEqual([true, true]));
  });

  it('times out a stream that goes silent mid-way, without a retry once text was sent', async () => {
    fake.reply({ events: format.textOnly(['and then']), ending: 'hang' });
    const started = Date.now();
    const { before, error } = await streamFailure(format.provider().stream(request()));
    expectProviderError(error, 'timeout');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(textOf(before)).toBe('and then');
    expect(fake.requests).toHaveLength(1);
    await vi.waitFor(() => expect(fake.requests[0].aborted).toBe(true));
  });

  it('retries a stream that goes silent before its first event', async () => {
    fake.reply({ events: [], ending: 'hang' }, { events: format.text(['there you are']) });
    const events = await collect(format.provider().stream(request()));
    expect(textOf(events)).toBe('there you are');
    expect(fake.requests).toHaveLength(2);
  });

  it('forwards the abort to the provider mid-stream and surfaces it as the signal’s own reason', async () => {
    fake.reply({ events: format.textOnly(['one', ' two']), ending: 'hang' }, { events: format.text(['not asked for']) });
    const controller = new AbortController();
    const seen: ProviderEvent[] = [];
    const run = (async () => {
      for await (const event of format.provider({ idleTimeoutMs: 5_000 }).stream(request({ signal: controller.signal }))) {
        seen.push(event);
        if (event.type === 'text' && event.delta === ' two') controller.abort();
      }
    })();
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(textOf(seen)).toBe('one two');
    await vi.waitFor(() => expect(fake.requests[0].aborted).toBe(true));
    expect(fake.requests).toHaveLength(1);
  });

  it('forwards an abort that comes before the provider answers', async () => {
    fake.reply({ hangBeforeHeaders: true });
    const controller = new AbortController();
    const failed = streamFailure(format.provider({ connectTimeoutMs: 5_000 }).stream(request({ signal: controller.signal })));
    await vi.waitFor(() => expect(fake.requests).toHaveLength(1));
    controller.abort();
    const { error } = await failed;
    expect(error).toMatchObject({ name: 'AbortError' });
    await vi.waitFor(() => expect(fake.requests[0]?.aborted).toBe(true));
    expect(fake.requests).toHaveLength(1);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const { error } = await streamFailure(format.provider().stream(request({ signal: AbortSignal.abort() })));
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(fake.requests).toHaveLength(0);
  });

  it('fails as unavailable when nothing listens at the address', async () => {
    const closed = await startFakeLlm();
    const url = closed.url;
    await closed.close();
    const provider =
      format.name === 'Anthropic'
        ? new AnthropicProvider({ apiKey: 'k', baseUrl: url, ...FAST })
        : new OpenAiCompatibleProvider({ baseUrl: `${url}/v1`, ...FAST });
    const { error } = await streamFailure(provider.stream(request()));
    expectProviderError(error, 'unavailable');
  });

  it('refuses an answer that is not a stream', async () => {
    fake.reply({ status: 200, body: { id: 'not-streamed' } });
    const { error } = await streamFailure(format.provider().stream(request()));
    expect(expectProviderError(error, 'upstream_error').message).toContain('without streaming');
  });
});
