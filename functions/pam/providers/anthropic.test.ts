import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  anthropicFrames,
  anthropicStream,
  collect,
  type FakeLlm,
  startFakeLlm,
} from '../../../test/support/fake-llm.ts';
import { AnthropicProvider } from './anthropic.ts';
import type { ChatRequest } from './types.ts';

let fake: FakeLlm;
beforeAll(async () => {
  fake = await startFakeLlm();
});
afterAll(() => fake?.close());
beforeEach(() => fake.reset());

const provider = (baseUrl = fake.url) =>
  new AnthropicProvider({ apiKey: 'sk-ant-test', baseUrl, model: 'claude-fake', retryDelayMs: 10 });

const budgetStatus = {
  name: 'budget_status',
  description: 'What is left of a budget',
  parameters: { type: 'object', properties: { category: { type: 'string' } } },
};

const conversation: ChatRequest = {
  messages: [
    { role: 'system', content: 'You are PAM.' },
    { role: 'system', content: 'Today: 2026-12-02 (Wednesday) 14:05, timezone Australia/Perth' },
    { role: 'user', content: 'how much is left for fuel and food?' },
    {
      role: 'assistant',
      content: 'Checking both.',
      tool_calls: [
        { id: 'toolu_1', name: 'budget_status', arguments: '{"category":"fuel"}' },
        { id: 'toolu_2', name: 'budget_status', arguments: '{"category":"food"}' },
      ],
    },
    { role: 'tool', tool_call_id: 'toolu_1', name: 'budget_status', content: '{"remaining":"431.55"}' },
    { role: 'tool', tool_call_id: 'toolu_2', name: 'budget_status', content: '{"remaining":"120.00"}' },
  ],
  tools: [budgetStatus],
};

describe('the Anthropic adapter', () => {
  it('posts to /v1/messages with the key, the API version, the system prompt beside the turns and tool results in one user turn', async () => {
    fake.reply({ events: anthropicStream({ text: ['You have $431.55 for fuel.'] }) });
    await collect(provider().stream(conversation));
    const [sent] = fake.requests;
    expect(sent).toMatchObject({ method: 'POST', path: '/v1/messages' });
    expect(sent.headers).toMatchObject({ 'x-api-key': 'sk-ant-test', 'anthropic-version': '2023-06-01', 'content-type': 'application/json' });
    expect(sent.headers.authorization).toBeUndefined();
    expect(sent.body).toEqual({
      model: 'claude-fake',
      max_tokens: 1024,
      system: 'You are PAM.\n\nToday: 2026-12-02 (Wednesday) 14:05, timezone Australia/Perth',
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'how much is left for fuel and food?' }] },
        {
          role: 'assistant',
          content: [
            { type: 'text', text: 'Checking both.' },
            { type: 'tool_use', id: 'toolu_1', name: 'budget_status', input: { category: 'fuel' } },
            { type: 'tool_use', id: 'toolu_2', name: 'budget_status', input: { category: 'food' } },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 'toolu_1', content: '{"remaining":"431.55"}' },
            { type: 'tool_result', tool_use_id: 'toolu_2', content: '{"remaining":"120.00"}' },
          ],
        },
      ],
      tools: [{ name: 'budget_status', description: 'What is left of a budget', input_schema: budgetStatus.parameters }],
      stream: true,
    });
  });

  it('accepts a base URL that already ends in /v1, and honours maxOutputTokens', async () => {
    fake.reply({ events: anthropicStream({ text: ['ok'] }) });
    await collect(provider(`${fake.url}/v1/`).stream({ ...conversation, maxOutputTokens: 200 }));
    expect(fake.requests[0].path).toBe('/v1/messages');
    expect(fake.requests[0].body.max_tokens).toBe(200);
  });

  it('leaves out empty assistant text, and sends unreadable tool arguments as an empty input', async () => {
    fake.reply({ events: anthropicStream({ text: ['ok'] }) });
    await collect(
      provider().stream({
        messages: [
          { role: 'user', content: 'hi' },
          { role: 'assistant', content: '', tool_calls: [{ id: 't', name: 'list_todos', arguments: 'not json' }] },
          { role: 'tool', tool_call_id: 't', name: 'list_todos', content: '[]' },
          { role: 'user', content: 'and?' },
        ],
        tools: [],
      }),
    );
    expect(fake.requests[0].body.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'hi' }] },
      { role: 'assistant', content: [{ type: 'tool_use', id: 't', name: 'list_todos', input: {} }] },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 't', content: '[]' },
          { type: 'text', text: 'and?' },
        ],
      },
    ]);
    expect(fake.requests[0].body.tools).toBeUndefined();
  });

  it('reports input tokens from message_start and output tokens from message_delta', async () => {
    fake.reply({ events: anthropicStream({ text: ['hi'], usage: [310, 57] }) });
    const events = await collect(provider().stream(conversation));
    expect(events.slice(-2)).toEqual([
      { type: 'usage', inputTokens: 310, outputTokens: 57 },
      { type: 'finish', reason: 'stop' },
    ]);
  });

  it.each([
    ['max_tokens', 'length'],
    ['refusal', 'content_filter'],
    ['stop_sequence', 'stop'],
    ['pause_turn', 'other'],
  ])('maps stop reason %s to %s', async (stopReason, reason) => {
    fake.reply({ events: anthropicStream({ text: ['…'], stopReason }) });
    const events = await collect(provider().stream(conversation));
    expect(events.at(-1)).toEqual({ type: 'finish', reason });
  });

  it('retries an overloaded_error that comes before any text', async () => {
    fake.reply(
      { events: [anthropicFrames.messageStart(), anthropicFrames.error('overloaded_error', 'Overloaded')] },
      { events: anthropicStream({ text: ['back again'] }) },
    );
    const events = await collect(provider().stream(conversation));
    expect(events[0]).toEqual({ type: 'text', delta: 'back again' });
    expect(fake.requests).toHaveLength(2);
  });

  it('hands out text before the tool call it precedes, and the call once the message is complete', async () => {
    fake.reply({
      events: anthropicStream({
        text: ['Let me add that.'],
        toolUses: [{ id: 'toolu_9', name: 'create_todo', fragments: ['{"title": "rotate', ' the tyres"}'] }],
      }),
    });
    const events = await collect(provider().stream(conversation));
    expect(events).toEqual([
      { type: 'text', delta: 'Let me add that.' },
      { type: 'tool_call', call: { id: 'toolu_9', name: 'create_todo', arguments: '{"title": "rotate the tyres"}' } },
      { type: 'usage', inputTokens: 25, outputTokens: 40 },
      { type: 'finish', reason: 'tool_calls' },
    ]);
  });
});
