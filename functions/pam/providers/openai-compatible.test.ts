import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  collect,
  type FakeLlm,
  openAiFrames,
  openAiStream,
  startFakeLlm,
} from '../../../test/support/fake-llm.ts';
import { OpenAiCompatibleProvider } from './openai-compatible.ts';
import type { ChatRequest, ProviderEvent } from './types.ts';

let fake: FakeLlm;
beforeAll(async () => {
  fake = await startFakeLlm();
});
afterAll(() => fake?.close());
beforeEach(() => fake.reset());

const provider = (options: ConstructorParameters<typeof OpenAiCompatibleProvider>[0] = {}) =>
  new OpenAiCompatibleProvider({ apiKey: 'sk-test', baseUrl: `${fake.url}/v1/`, model: 'fake-model', retryDelayMs: 10, ...options });

const createTodo = {
  name: 'create_todo',
  description: 'Adds a todo',
  parameters: { type: 'object', properties: { title: { type: 'string' } }, required: ['title'] },
};

const conversation: ChatRequest = {
  messages: [
    { role: 'system', content: 'You are PAM.\nToday: 2026-12-02 (Wednesday) 14:05, timezone Australia/Perth' },
    { role: 'user', content: 'add a todo: buy water' },
    { role: 'assistant', content: '', tool_calls: [{ id: 'call_1', name: 'create_todo', arguments: '{"title":"buy water"}' }] },
    { role: 'tool', tool_call_id: 'call_1', name: 'create_todo', content: '{"id":"t1","title":"buy water"}' },
  ],
  tools: [createTodo],
  maxOutputTokens: 300,
};

describe('the OpenAI-compatible adapter', () => {
  it('posts the conversation and tools in the chat completions format, streaming with usage', async () => {
    fake.reply({ events: openAiStream({ text: ['Added.'] }) });
    await collect(provider().stream(conversation));
    expect(fake.requests).toHaveLength(1);
    const [sent] = fake.requests;
    expect(sent).toMatchObject({ method: 'POST', path: '/v1/chat/completions' });
    expect(sent.headers).toMatchObject({ authorization: 'Bearer sk-test', 'content-type': 'application/json', accept: 'text/event-stream' });
    expect(sent.body).toEqual({
      model: 'fake-model',
      messages: [
        { role: 'system', content: 'You are PAM.\nToday: 2026-12-02 (Wednesday) 14:05, timezone Australia/Perth' },
        { role: 'user', content: 'add a todo: buy water' },
        {
          role: 'assistant',
          content: '',
          tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'create_todo', arguments: '{"title":"buy water"}' } }],
        },
        { role: 'tool', tool_call_id: 'call_1', content: '{"id":"t1","title":"buy water"}' },
      ],
      tools: [{ type: 'function', function: createTodo }],
      max_tokens: 300,
      stream: true,
      stream_options: { include_usage: true },
    });
  });

  it('sends no Authorization header without a key (a local server), and no tools field without tools', async () => {
    fake.reply({ events: openAiStream({ text: ['hi'] }) });
    await collect(provider({ apiKey: undefined, includeUsage: false }).stream({ messages: [{ role: 'user', content: 'hi' }], tools: [] }));
    expect(fake.requests[0].headers.authorization).toBeUndefined();
    expect(fake.requests[0].body).toEqual({ model: 'fake-model', messages: [{ role: 'user', content: 'hi' }], stream: true });
  });

  it('reports usage from the usage chunk, and the finish reason', async () => {
    fake.reply({ events: openAiStream({ text: ['Long answer'], finishReason: 'length', usage: [120, 300] }) });
    const events = await collect(provider().stream(conversation));
    expect(events.slice(-2)).toEqual([
      { type: 'usage', inputTokens: 120, outputTokens: 300 },
      { type: 'finish', reason: 'length' },
    ]);
  });

  it('reads servers that speak the format loosely: whole calls without index, names repeated, "stop" after tools, keep-alive comments', async () => {
    fake.reply({
      events: [
        openAiFrames.comment(),
        openAiFrames.chunk({ role: 'assistant' }),
        openAiFrames.chunk({
          tool_calls: [
            { id: 'a', type: 'function', function: { name: 'budget_status', arguments: '{"category":' } },
          ],
        }),
        openAiFrames.chunk({ tool_calls: [{ id: 'a', function: { name: 'budget_status', arguments: '"fuel"}' } }] }),
        openAiFrames.chunk({ tool_calls: [{ id: 'b', type: 'function', function: { name: 'list_trips', arguments: {} } }] }),
        openAiFrames.chunk({}, 'stop'),
        openAiFrames.done(),
      ],
    });
    const events = await collect(provider().stream(conversation));
    expect(events).toEqual([
      { type: 'tool_call', call: { id: 'a', name: 'budget_status', arguments: '{"category":"fuel"}' } },
      { type: 'tool_call', call: { id: 'b', name: 'list_trips', arguments: '{}' } },
      { type: 'finish', reason: 'tool_calls' },
    ]);
  });

  it('makes up an id for a call that came without one', async () => {
    fake.reply({
      events: [
        openAiFrames.chunk({ tool_calls: [{ index: 0, function: { name: 'list_todos', arguments: '{}' } }] }),
        openAiFrames.chunk({}, 'tool_calls'),
        openAiFrames.done(),
      ],
    });
    const [event] = await collect(provider().stream(conversation));
    expect(event).toMatchObject({ type: 'tool_call', call: { name: 'list_todos', arguments: '{}' } });
    expect((event as Extract<ProviderEvent, { type: 'tool_call' }>).call.id).toMatch(/^call_[0-9a-f-]{36}$/);
  });

  it('passes a refusal on as text', async () => {
    fake.reply({ events: [openAiFrames.chunk({ refusal: 'I can’t help with that.' }), openAiFrames.chunk({}, 'stop'), openAiFrames.done()] });
    const events = await collect(provider().stream(conversation));
    expect(events).toEqual([
      { type: 'text', delta: 'I can’t help with that.' },
      { type: 'finish', reason: 'stop' },
    ]);
  });
});
