import { openAiFrames, openAiStream } from '../../../test/support/fake-llm.ts';
import {
  conversationOf,
  describe,
  eventually,
  expect,
  openConversation,
  say,
  sayStreaming,
  streamTurn,
  test,
} from '../../../test/support/pam.ts';
import { expectProblem, fieldsOf } from '../../../test/support/problem-assertions.ts';
import { MAX_MESSAGE_CHARS } from './messages.ts';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("another user's rows through PAM's tools", () => {
  test("bob's model cannot complete alice's todo by its id: not found, and the todo is untouched", async ({ pam, alice, bob }) => {
    const created = await pam.request('/api/v1/todos', { method: 'POST', token: alice.token, json: { title: 'Check the tyre pressures' } });
    const todo = await created.json();
    const before = (await pam.database.owner.query('select * from public.todos where id = $1', [todo.id])).rows[0];
    pam.fake.reply(
      { events: openAiStream({ toolCalls: [{ id: 'call_steal', name: 'complete_todo', fragments: [JSON.stringify({ id: todo.id })] }] }) },
      { events: openAiStream({ text: ["I couldn't find that todo."] }) },
    );
    const conversation = await openConversation(pam, bob);

    const events = await streamTurn(pam, bob, conversation.id, `mark todo ${todo.id} done`);

    const result = events.find((e) => e.event === 'tool_result')!;
    expect(result.data).toMatchObject({ name: 'complete_todo', ok: false, error: { error: 'No such todo.' } });
    expect(result.data).not.toHaveProperty('result');
    expect(JSON.parse(pam.fake.requests[1].body.messages.at(-1).content)).toEqual({ error: 'No such todo.' });
    expect(events.at(-1)!.data.message).toMatchObject({ status: 'complete', content: "I couldn't find that todo." });
    expect((await pam.database.owner.query('select * from public.todos where id = $1', [todo.id])).rows[0]).toEqual(before);
  });
});

describe('a provider that fails part-way', () => {
  const halfAnswer = [openAiFrames.chunk({ role: 'assistant', content: '' }), openAiFrames.chunk({ content: 'Half of ' }), openAiFrames.chunk({ content: 'an answer' })];

  test('an error event mid-stream: the reply is stored as failed with the text that arrived, and the client hears why before done', async ({ pam, alice }) => {
    pam.fake.reply({ events: [...halfAnswer, openAiFrames.error('The server had an error while processing your request.')] });
    const conversation = await openConversation(pam, alice);

    const events = await streamTurn(pam, alice, conversation.id, 'tell me about Coober Pedy');

    expect(events.map((e) => e.event)).toEqual(['start', 'delta', 'delta', 'error', 'done']);
    const stored = await conversationOf(pam, alice, conversation.id);
    expect(stored.messages).toHaveLength(2);
    const reply = stored.messages[1];
    expect(reply).toMatchObject({ role: 'assistant', status: 'failed', content: 'Half of an answer', reply_to: stored.messages[0].id });
    expect(reply.metadata.error).toEqual({ code: 'provider_upstream_error', message: expect.any(String) });
    expect(events[3].data).toMatchObject({ code: 'provider_upstream_error', message_id: reply.id });
    expect(events[4].data.message).toEqual(reply);
    // What went wrong inside the provider is not the client's to read.
    expect(JSON.stringify(events[3].data)).not.toContain('processing your request');
    // An answer that had started is never asked for again: the user would read it twice.
    expect(pam.fake.requests).toHaveLength(1);
  });

  test('a stream cut off: the same, with the cut named', async ({ pam, alice }) => {
    pam.fake.reply({ events: halfAnswer, ending: 'destroy' });
    const conversation = await openConversation(pam, alice);

    const events = await streamTurn(pam, alice, conversation.id, 'tell me about Coober Pedy');

    expect(events.map((e) => e.event)).toEqual(['start', 'delta', 'delta', 'error', 'done']);
    expect(events[3].data.code).toBe('provider_stream_cut');
    const [, reply] = (await conversationOf(pam, alice, conversation.id)).messages;
    expect(reply).toMatchObject({ status: 'failed', content: 'Half of an answer', id: events[3].data.message_id });
  });

  test('without streaming, the answer is a 502 problem, and both messages are stored', async ({ pam, alice }) => {
    pam.fake.reply({ events: [...halfAnswer, openAiFrames.error('overloaded')] });
    const conversation = await openConversation(pam, alice);

    const response = await say(pam, alice, conversation.id, 'tell me about Coober Pedy');

    const problem = await expectProblem(response, 502);
    expect(response.headers.get('retry-after')).toBe('5');
    const [question, reply] = (await conversationOf(pam, alice, conversation.id)).messages;
    expect(question).toMatchObject({ role: 'user', content: 'tell me about Coober Pedy' });
    expect(reply).toMatchObject({ role: 'assistant', status: 'failed', content: 'Half of an answer' });
    expect(problem.detail).toContain(reply.id);
  });
});

describe('a client that goes away mid-turn', () => {
  test('the turn runs to its end and the reply is stored for the client to fetch', async ({ pam, alice }) => {
    // The reply trickles in over about half a second.
    pam.fake.reply({ events: openAiStream({ text: ['The ', 'road ', 'to ', 'Birdsville ', 'is ', 'open.'] }), chunkSize: 90, gapMs: 40 });
    const conversation = await openConversation(pam, alice);
    const client = new AbortController();

    const response = await sayStreaming(pam, alice, conversation.id, 'is the Birdsville track open?', { signal: client.signal });
    const reader = response.body!.getReader();
    let received = '';
    while (!received.includes('event: start')) {
      const { value, done } = await reader.read();
      if (done) throw new Error('the stream ended before its start event');
      received += new TextDecoder().decode(value);
    }
    client.abort();
    await reader.cancel();
    expect(received).not.toContain('event: done');

    const stored = await eventually('the reply to be stored', async () => {
      const { messages } = await conversationOf(pam, alice, conversation.id);
      return messages.length === 2 ? messages : null;
    });
    expect(stored[1]).toMatchObject({ role: 'assistant', status: 'complete', content: 'The road to Birdsville is open.' });
    expect(pam.fake.requests[0].aborted).toBe(false);
  });
});

describe('tool calls the model got wrong', () => {
  test('invalid JSON, wrong types and an unknown tool each come back to the model as an error it can act on', async ({ pam, alice }) => {
    pam.fake.reply(
      {
        events: openAiStream({
          toolCalls: [
            { id: 'call_json', name: 'log_expense', fragments: ['{"amount":"12.00",', '"description":'] },
            { id: 'call_types', name: 'create_todo', fragments: ['{"title":42,"priority":"whenever"}'] },
            { id: 'call_unknown', name: 'launch_rocket', fragments: ['{"to":"the moon"}'] },
          ],
          interleave: true,
        }),
      },
      { events: openAiStream({ text: ['Sorry, that went wrong.'] }) },
    );
    const conversation = await openConversation(pam, alice);

    const events = await streamTurn(pam, alice, conversation.id, 'do several things');

    expect(events.map((e) => e.event)).toEqual([
      'start',
      'tool_call',
      'tool_call',
      'tool_call',
      'tool_result',
      'tool_result',
      'tool_result',
      'delta',
      'done',
    ]);
    expect(events[1].data.arguments).toBe('{"amount":"12.00","description":');
    const results = events.filter((e) => e.event === 'tool_result').map((e) => e.data);
    expect(results.map((r) => r.ok)).toEqual([false, false, false]);
    expect(results[0].error).toEqual({ error: 'The arguments are not valid JSON.' });
    expect(results[1].error.error).toBe('The arguments do not fit the tool.');
    expect(results[1].error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['priority', 'title']);
    expect(results[2].error).toEqual({ error: 'There is no tool named launch_rocket.' });

    const toolMessages = pam.fake.requests[1].body.messages.filter((m: { role: string }) => m.role === 'tool');
    expect(toolMessages.map((m: { tool_call_id: string; content: string }) => [m.tool_call_id, JSON.parse(m.content)])).toEqual([
      ['call_json', results[0].error],
      ['call_types', results[1].error],
      ['call_unknown', results[2].error],
    ]);
    expect(events.at(-1)!.data.message).toMatchObject({ status: 'complete', content: 'Sorry, that went wrong.' });
    const { rows } = await pam.database.owner.query(
      'select (select count(*) from public.todos where user_id = $1)::int as todos, (select count(*) from public.expenses where user_id = $1)::int as expenses',
      [alice.id],
    );
    expect(rows[0]).toEqual({ todos: 0, expenses: 0 });
  });
});

describe('limits', () => {
  test('a model that keeps calling tools is stopped after PAM_MAX_TOOL_ROUNDS: the reply is interrupted and says so', async ({ pam, alice }) => {
    pam.configure('openai', { PAM_MAX_TOOL_ROUNDS: '2' });
    const listAgain = (id: string) => ({ events: openAiStream({ text: ['Checking. '], toolCalls: [{ id, name: 'list_todos', fragments: ['{}'] }] }) });
    pam.fake.reply(listAgain('call_1'), listAgain('call_2'), listAgain('call_3'));
    const conversation = await openConversation(pam, alice);

    const events = await streamTurn(pam, alice, conversation.id, 'what are my todos?');

    expect(pam.fake.requests).toHaveLength(2);
    expect(events.filter((e) => e.event === 'tool_result')).toHaveLength(1);
    expect(events.slice(-2).map((e) => e.event)).toEqual(['error', 'done']);
    expect(events.at(-2)!.data.code).toBe('tool_rounds_exhausted');
    const [, reply] = (await conversationOf(pam, alice, conversation.id)).messages;
    expect(reply).toMatchObject({ status: 'interrupted', content: 'Checking. Checking. ', id: events.at(-2)!.data.message_id });
    expect(reply.metadata.error.code).toBe('tool_rounds_exhausted');
  });

  test('a turn that outlasts PAM_TURN_TIMEOUT_MS is a 504, with the message and what arrived of the reply stored as interrupted', async ({ pam, alice }) => {
    pam.configure('openai', { PAM_TURN_TIMEOUT_MS: '400' });
    pam.fake.reply({ events: [openAiFrames.chunk({ role: 'assistant', content: '' }), openAiFrames.chunk({ content: 'Let me think' })], ending: 'hang' });
    const conversation = await openConversation(pam, alice);

    const started = Date.now();
    const problem = await expectProblem(await say(pam, alice, conversation.id, 'plan my whole year'), 504);

    expect(Date.now() - started).toBeLessThan(5_000);
    const [question, reply] = (await conversationOf(pam, alice, conversation.id)).messages;
    expect(question.content).toBe('plan my whole year');
    expect(reply).toMatchObject({ status: 'interrupted', content: 'Let me think', metadata: { error: { code: 'turn_timeout' } } });
    expect(problem.detail).toContain(reply.id);
    await eventually('the provider request to be given up', async () => pam.fake.requests[0].aborted);
  });

  test(`a message over ${MAX_MESSAGE_CHARS} characters is refused with 400 and not stored`, async ({ pam, alice }) => {
    pam.configure('local');
    const conversation = await openConversation(pam, alice);

    const problem = await expectProblem(await say(pam, alice, conversation.id, 'x'.repeat(MAX_MESSAGE_CHARS + 1)), 400);

    expect(fieldsOf(problem)).toEqual(['content']);
    expect((await conversationOf(pam, alice, conversation.id)).messages).toEqual([]);
    expect((await say(pam, alice, conversation.id, 'x'.repeat(MAX_MESSAGE_CHARS))).status).toBe(200);
  });

  test('past PAM_MESSAGES_PER_WINDOW a send is 429 with Retry-After and stores nothing, and once the window passes it goes through', async ({ pam, alice, bob }) => {
    pam.configure('local', { PAM_MESSAGES_PER_WINDOW: '2', PAM_RATE_WINDOW_SECONDS: '2' });
    const conversation = await openConversation(pam, alice);
    // Windows are aligned to the clock: start just after one begins, so all three sends fall in it.
    await pause(2_000 - (Date.now() % 2_000) + 30);

    expect((await say(pam, alice, conversation.id, 'help')).status).toBe(200);
    expect((await say(pam, alice, conversation.id, 'help')).status).toBe(200);
    const refused = await say(pam, alice, conversation.id, 'help');

    await expectProblem(refused, 429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(2);
    expect((await conversationOf(pam, alice, conversation.id)).messages).toHaveLength(4);
    // The limit is alice's own.
    expect((await say(pam, bob, (await openConversation(pam, bob)).id, 'help')).status).toBe(200);

    await pause(retryAfter * 1_000);
    expect((await say(pam, alice, conversation.id, 'help')).status).toBe(200);
    expect((await conversationOf(pam, alice, conversation.id)).messages).toHaveLength(6);
  });
});
