import { describe, expect, it, vi } from 'vitest';
import { collect, fakeWorkersAi, streamFailure, workersAiFrames } from '../../../test/support/fake-llm.ts';
import { type ChatRequest, ProviderError } from './types.ts';
import { DEFAULT_WORKERS_AI_MODEL, type WorkersAiBinding, WorkersAiProvider } from './workers-ai.ts';

const FAST = { connectTimeoutMs: 500, idleTimeoutMs: 500, retryDelayMs: 10 };

const request: ChatRequest = {
  messages: [
    { role: 'system', content: 'You are PAM.' },
    { role: 'user', content: 'what maintenance is due?' },
    { role: 'assistant', content: '', tool_calls: [{ id: 'c1', name: 'upcoming_maintenance', arguments: '{}' }] },
    { role: 'tool', tool_call_id: 'c1', name: 'upcoming_maintenance', content: '[]' },
  ],
  tools: [{ name: 'upcoming_maintenance', description: 'Maintenance coming due', parameters: { type: 'object', properties: {} } }],
  maxOutputTokens: 256,
};

describe('the Workers AI adapter', () => {
  it('accepts the real AI binding by its shape', () => {
    const typed = (ai: Ai): WorkersAiBinding => ai;
    expect(typed).toBeTypeOf('function');
  });

  it('runs the model with the conversation, tools and stream: true, and streams the response pieces', async () => {
    const binding = fakeWorkersAi();
    binding.reply({
      frames: [workersAiFrames.response('Nothing'), workersAiFrames.response(' is due.'), workersAiFrames.usage(80, 6), workersAiFrames.done()],
      chunkSize: 7,
    });
    const controller = new AbortController();
    const events = await collect(new WorkersAiProvider({ binding, ...FAST }).stream({ ...request, signal: controller.signal }));
    expect(events).toEqual([
      { type: 'text', delta: 'Nothing' },
      { type: 'text', delta: ' is due.' },
      { type: 'usage', inputTokens: 80, outputTokens: 6 },
      { type: 'finish', reason: 'stop' },
    ]);
    expect(binding.runs).toHaveLength(1);
    expect(binding.runs[0].model).toBe(DEFAULT_WORKERS_AI_MODEL);
    expect(binding.runs[0].options?.signal).toBe(controller.signal);
    expect(binding.runs[0].inputs).toEqual({
      messages: [
        { role: 'system', content: 'You are PAM.' },
        { role: 'user', content: 'what maintenance is due?' },
        { role: 'assistant', content: '', tool_calls: [{ id: 'c1', type: 'function', function: { name: 'upcoming_maintenance', arguments: '{}' } }] },
        { role: 'tool', tool_call_id: 'c1', name: 'upcoming_maintenance', content: '[]' },
      ],
      tools: [{ type: 'function', function: request.tools[0] }],
      max_tokens: 256,
      stream: true,
    });
  });

  it('reads tool calls streamed in the native form, arguments as an object', async () => {
    const binding = fakeWorkersAi();
    binding.reply({
      frames: [workersAiFrames.toolCalls([{ name: 'budget_status', arguments: { category: 'fuel' } }]), workersAiFrames.usage(50, 12), workersAiFrames.done()],
    });
    const events = await collect(new WorkersAiProvider({ binding, ...FAST }).stream(request));
    expect(events[0]).toMatchObject({ type: 'tool_call', call: { name: 'budget_status', arguments: '{"category":"fuel"}' } });
    expect(events.at(-1)).toEqual({ type: 'finish', reason: 'tool_calls' });
  });

  it('reads tool calls streamed as OpenAI-style fragments, with the closing all-null fragment', async () => {
    const binding = fakeWorkersAi();
    binding.reply({
      frames: [
        workersAiFrames.toolCalls([{ id: 'chatcmpl-tool-1', type: 'function', index: 0, function: { name: 'create_todo', arguments: '' } }]),
        workersAiFrames.toolCalls([{ index: 0, function: { arguments: '{"title": "check' } }]),
        workersAiFrames.toolCalls([{ index: 0, function: { arguments: ' tyre pressures"}' } }]),
        workersAiFrames.toolCalls([{ id: null, type: null, function: { name: null, arguments: null } }]),
        workersAiFrames.done(),
      ],
      chunkSize: 11,
    });
    const events = await collect(new WorkersAiProvider({ binding, ...FAST }).stream(request));
    expect(events).toEqual([
      { type: 'tool_call', call: { id: 'chatcmpl-tool-1', name: 'create_todo', arguments: '{"title": "check tyre pressures"}' } },
      { type: 'finish', reason: 'tool_calls' },
    ]);
  });

  it('reads a finished result from a model that does not stream', async () => {
    const binding = fakeWorkersAi();
    binding.reply({
      result: { response: '', tool_calls: [{ name: 'list_trips', arguments: {} }], usage: { prompt_tokens: 40, completion_tokens: 9 } },
    });
    const events = await collect(new WorkersAiProvider({ binding, model: '@cf/some/model', ...FAST }).stream(request));
    expect(events).toEqual([
      { type: 'tool_call', call: { id: expect.stringMatching(/^call_/), name: 'list_trips', arguments: '{}' } },
      { type: 'usage', inputTokens: 40, outputTokens: 9 },
      { type: 'finish', reason: 'tool_calls' },
    ]);
    expect(binding.runs[0].model).toBe('@cf/some/model');
  });

  it('fails a stream that ends without [DONE] as stream_cut', async () => {
    const binding = fakeWorkersAi();
    binding.reply({ frames: [workersAiFrames.response('Half an ans')] });
    const { before, error } = await streamFailure(new WorkersAiProvider({ binding, ...FAST }).stream(request));
    expect(before).toEqual([{ type: 'text', delta: 'Half an ans' }]);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'stream_cut' });
  });

  it('retries once when the binding fails for capacity, and not when the input is invalid', async () => {
    const binding = fakeWorkersAi();
    binding.reply({ error: new Error('3040: Capacity temporarily exceeded, please try again.') }, { frames: [workersAiFrames.response('ok'), workersAiFrames.done()] });
    expect(await collect(new WorkersAiProvider({ binding, ...FAST }).stream(request))).toContainEqual({ type: 'text', delta: 'ok' });
    expect(binding.runs).toHaveLength(2);

    const refusing = fakeWorkersAi();
    refusing.reply({ error: new Error('5006: Error: Invalid input: must have required property messages') });
    const { error } = await streamFailure(new WorkersAiProvider({ binding: refusing, ...FAST }).stream(request));
    expect(error).toMatchObject({ kind: 'bad_request', retryable: false });
    expect(refusing.runs).toHaveLength(1);
  });

  it('times out a binding that never answers, once per attempt', async () => {
    const binding = fakeWorkersAi();
    binding.reply({ hang: true }, { hang: true });
    const { error } = await streamFailure(new WorkersAiProvider({ binding, ...FAST }).stream(request));
    expect(error).toMatchObject({ kind: 'timeout' });
    expect(binding.runs).toHaveLength(2);
  });

  it('times out a stream that goes silent after text, and cancels it', async () => {
    const binding = fakeWorkersAi();
    binding.reply({ frames: [workersAiFrames.response('Checking')], ending: 'hang' });
    const { before, error } = await streamFailure(new WorkersAiProvider({ binding, ...FAST }).stream(request));
    expect(before).toEqual([{ type: 'text', delta: 'Checking' }]);
    expect(error).toMatchObject({ kind: 'timeout' });
    await vi.waitFor(() => expect(binding.cancelled).toBe(1));
  });

  it('stops reading and cancels the stream when the caller aborts', async () => {
    const binding = fakeWorkersAi();
    binding.reply({ frames: [workersAiFrames.response('one')], ending: 'hang' });
    const controller = new AbortController();
    const run = (async () => {
      for await (const event of new WorkersAiProvider({ binding, ...FAST, idleTimeoutMs: 5_000 }).stream({ ...request, signal: controller.signal })) {
        if (event.type === 'text') controller.abort();
      }
    })();
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    await vi.waitFor(() => expect(binding.cancelled).toBe(1));
    expect(binding.runs).toHaveLength(1);
  });
});
