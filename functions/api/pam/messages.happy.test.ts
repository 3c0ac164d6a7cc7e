import { anthropicStream, openAiStream } from '../../../test/support/fake-llm.ts';
import {
  conversationOf,
  describe,
  expect,
  openConversation,
  say,
  streamTurn,
  test,
  type TurnStreamEvent,
} from '../../../test/support/pam.ts';
import { DEFAULT_ANTHROPIC_MODEL } from '../../pam/providers/anthropic.ts';
import { DEFAULT_OPENAI_MODEL } from '../../pam/providers/openai-compatible.ts';
import { pamTools } from '../../pam/tools/index.ts';

const diesel = 'I spent $64.50 on diesel in Broken Hill';
/** The model's arguments for log_expense, as streamed: cut mid-key and mid-value. */
const dieselArguments = ['{"amount":"64', '.50","descr', 'iption":"Diesel","categ', 'ory":"fuel","location":"Broken Hill"}'];

/** Events must be numbered 1, 2, 3, ... in `seq` and in the SSE `id`, in the order they arrive. */
function expectNumbered(events: TurnStreamEvent[]) {
  expect(events.map((e) => e.data.seq)).toEqual(events.map((_, i) => i + 1));
  expect(events.map((e) => e.id)).toEqual(events.map((_, i) => String(i + 1)));
}

describe('a tool-calling turn with an OpenAI-compatible model', () => {
  test('logs the expense as the user, streams the turn in order, and stores the reply with what it cost', async ({ pam, alice, bob }) => {
    pam.fake.reply(
      { events: openAiStream({ toolCalls: [{ id: 'call_diesel', name: 'log_expense', fragments: dieselArguments }], usage: [310, 22] }), chunkSize: 64 },
      { events: openAiStream({ text: ['Logged ', '$64.50 ', 'for diesel.'], usage: [402, 9] }) },
    );
    const conversation = await openConversation(pam, alice);
    expect(conversation.title).toBeNull();

    const events = await streamTurn(pam, alice, conversation.id, diesel);

    expect(events.map((e) => e.event)).toEqual(['start', 'tool_call', 'tool_result', 'delta', 'delta', 'delta', 'done']);
    expectNumbered(events);
    const [start, call, result] = events;
    expect(start.data).toMatchObject({ conversation_id: conversation.id, model: DEFAULT_OPENAI_MODEL, replayed: false });
    expect(call.data).toMatchObject({
      id: 'call_diesel',
      name: 'log_expense',
      arguments: { amount: '64.50', description: 'Diesel', category: 'fuel', location: 'Broken Hill' },
    });
    expect(result.data).toMatchObject({ id: 'call_diesel', name: 'log_expense', ok: true, result: { amount: '64.50', category: 'fuel' } });
    expect(events.filter((e) => e.event === 'delta').map((e) => e.data.text).join('')).toBe('Logged $64.50 for diesel.');
    const expenseId: string = result.data.result.id;

    // The expense is alice's, under RLS: the owner column, her list, and nothing for bob.
    const { rows } = await pam.database.owner.query<{ user_id: string; amount: string; location: unknown }>(
      'select user_id, amount::text, location from public.expenses where id = $1',
      [expenseId],
    );
    expect(rows).toEqual([{ user_id: alice.id, amount: '64.50', location: { name: 'Broken Hill' } }]);
    const mine = await (await pam.request('/api/v1/expenses', { token: alice.token })).json();
    expect(mine.data.map((e: { id: string }) => e.id)).toEqual([expenseId]);
    const theirs = await (await pam.request('/api/v1/expenses', { token: bob.token })).json();
    expect(theirs.data).toEqual([]);
    expect((await pam.request(`/api/v1/expenses/${expenseId}`, { token: bob.token })).status).toBe(404);
    expect((await pam.request(`/api/v1/expenses/${expenseId}`, { method: 'PATCH', token: bob.token, json: { amount: '1.00' } })).status).toBe(404);
    expect((await pam.request(`/api/v1/expenses/${expenseId}`, { method: 'DELETE', token: bob.token })).status).toBe(404);
    expect((await pam.database.owner.query('select amount::text from public.expenses where id = $1', [expenseId])).rows).toEqual([
      { amount: '64.50' },
    ]);

    // What the model was sent: the tools and the user's words, then its own call and the tool's result.
    expect(pam.fake.requests).toHaveLength(2);
    const [first, second] = pam.fake.requests;
    expect(first.path).toBe('/v1/chat/completions');
    expect(first.headers.authorization).toBe('Bearer test-key');
    expect(first.body.stream).toBe(true);
    expect(first.body.tools.map((t: { function: { name: string } }) => t.function.name)).toEqual(pamTools.map((t) => t.name));
    expect(first.body.messages[0].role).toBe('system');
    expect(first.body.messages.at(-1)).toEqual({ role: 'user', content: diesel });
    expect(second.body.messages.slice(-2)).toEqual([
      {
        role: 'assistant',
        content: '',
        tool_calls: [{ id: 'call_diesel', type: 'function', function: { name: 'log_expense', arguments: dieselArguments.join('') } }],
      },
      { role: 'tool', tool_call_id: 'call_diesel', content: expect.any(String) },
    ]);
    expect(JSON.parse(second.body.messages.at(-1).content)).toEqual(result.data.result);

    // What was stored: both messages, the reply complete with its metadata; the title from the message.
    const stored = await conversationOf(pam, alice, conversation.id);
    expect(stored.title).toBe(diesel);
    expect(stored.messages.map((m: { role: string }) => m.role)).toEqual(['user', 'assistant']);
    const [question, reply] = stored.messages;
    expect(question).toMatchObject({ content: diesel, id: start.data.user_message_id });
    expect(reply).toMatchObject({ content: 'Logged $64.50 for diesel.', status: 'complete', reply_to: question.id });
    expect(reply.metadata).toMatchObject({
      provider: 'openai',
      model: DEFAULT_OPENAI_MODEL,
      usage: { input_tokens: 712, output_tokens: 31 },
      latency_ms: expect.any(Number),
      time_to_first_token_ms: expect.any(Number),
      tool_calls: [{ id: 'call_diesel', name: 'log_expense', ok: true, arguments: call.data.arguments, result: result.data.result }],
    });
    expect(reply.metadata.time_to_first_token_ms).toBeLessThanOrEqual(reply.metadata.latency_ms);
    expect(reply.metadata).not.toHaveProperty('error');
    expect(events.at(-1)!.data.message).toEqual(reply);
  });

  test('answers as JSON without Accept: text/event-stream, and keeps a title the conversation was given', async ({ pam, alice }) => {
    pam.fake.reply({ events: openAiStream({ text: ['Hello ', 'there.'] }) });
    const conversation = await openConversation(pam, alice, { title: 'Nullarbor crossing' });

    const response = await say(pam, alice, conversation.id, 'hi');
    expect(response.status).toBe(200);
    const turn = await response.json();
    expect(turn.user_message).toMatchObject({ role: 'user', content: 'hi', status: 'complete' });
    expect(turn.assistant_message).toMatchObject({ role: 'assistant', content: 'Hello there.', status: 'complete', reply_to: turn.user_message.id });
    expect((await conversationOf(pam, alice, conversation.id)).title).toBe('Nullarbor crossing');
  });
});

describe('a tool-calling turn with Anthropic', () => {
  test('logs the expense the same way, over the Messages API', async ({ pam, alice, bob }) => {
    pam.configure('anthropic');
    pam.fake.reply(
      { events: anthropicStream({ text: ['Let me note that.'], toolUses: [{ id: 'toolu_diesel', name: 'log_expense', fragments: dieselArguments }], usage: [300, 20] }), chunkSize: 80 },
      { events: anthropicStream({ text: ['Logged $64.50 ', 'for diesel.'], usage: [420, 8] }) },
    );
    const conversation = await openConversation(pam, alice);

    const events = await streamTurn(pam, alice, conversation.id, diesel);

    expect(events.map((e) => e.event)).toEqual(['start', 'delta', 'tool_call', 'tool_result', 'delta', 'delta', 'done']);
    expectNumbered(events);
    const result = events[3];
    expect(result.data).toMatchObject({ id: 'toolu_diesel', name: 'log_expense', ok: true });
    const expenseId: string = result.data.result.id;
    const { rows } = await pam.database.owner.query('select user_id from public.expenses where id = $1', [expenseId]);
    expect(rows).toEqual([{ user_id: alice.id }]);
    expect((await (await pam.request('/api/v1/expenses', { token: alice.token })).json()).data).toHaveLength(1);
    expect((await pam.request(`/api/v1/expenses/${expenseId}`, { token: bob.token })).status).toBe(404);

    const [first, second] = pam.fake.requests;
    expect(pam.fake.requests).toHaveLength(2);
    expect(first.path).toBe('/v1/messages');
    expect(first.headers['x-api-key']).toBe('test-anthropic-key');
    expect(first.body.system).toContain('You are PAM');
    expect(first.body.tools.map((t: { name: string }) => t.name)).toEqual(pamTools.map((t) => t.name));
    expect(first.body.messages).toEqual([{ role: 'user', content: [{ type: 'text', text: diesel }] }]);
    expect(second.body.messages.slice(-2)).toEqual([
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'Let me note that.' },
          { type: 'tool_use', id: 'toolu_diesel', name: 'log_expense', input: JSON.parse(dieselArguments.join('')) },
        ],
      },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_diesel', content: expect.any(String) }] },
    ]);
    expect(JSON.parse(second.body.messages.at(-1).content[0].content)).toEqual(result.data.result);

    const stored = await conversationOf(pam, alice, conversation.id);
    expect(stored.title).toBe(diesel);
    const reply = stored.messages[1];
    expect(reply).toMatchObject({ content: 'Let me note that.Logged $64.50 for diesel.', status: 'complete' });
    expect(reply.metadata).toMatchObject({
      provider: 'anthropic',
      model: DEFAULT_ANTHROPIC_MODEL,
      usage: { input_tokens: 720, output_tokens: 28 },
      latency_ms: expect.any(Number),
      time_to_first_token_ms: expect.any(Number),
      tool_calls: [{ id: 'toolu_diesel', name: 'log_expense', ok: true }],
    });
  });

  test('still offers the tools on the last round, since Anthropic refuses tool_use history without them', async ({ pam, alice }) => {
    pam.configure('anthropic', { PAM_MAX_TOOL_ROUNDS: '2' });
    pam.fake.reply(
      { events: anthropicStream({ toolUses: [{ id: 'toolu_list', name: 'list_todos', fragments: ['{}'] }] }) },
      { events: anthropicStream({ text: ['Your list is empty.'] }) },
    );
    const conversation = await openConversation(pam, alice);

    const events = await streamTurn(pam, alice, conversation.id, 'what is on my list?');

    expect(events.at(-1)!.data.message).toMatchObject({ content: 'Your list is empty.', status: 'complete' });
    const last = pam.fake.requests[1];
    expect(last.body.messages.some((m: { content: { type: string }[] }) => m.content.some((b) => b.type === 'tool_use'))).toBe(true);
    expect(last.body.tools?.map((t: { name: string }) => t.name)).toEqual(pamTools.map((t) => t.name));
  });
});

describe('sending the same message twice', () => {
  test('two identical sends at once make one turn: one message, one reply, one expense, the same reply for both', async ({ pam, alice }) => {
    pam.fake.reply(
      { events: openAiStream({ toolCalls: [{ id: 'call_once', name: 'log_expense', fragments: dieselArguments }] }), delayMs: 50 },
      { events: openAiStream({ text: ['Logged ', 'it.'] }) },
    );
    const conversation = await openConversation(pam, alice);
    const clientMessageId = crypto.randomUUID();

    const responses = await Promise.all([
      say(pam, alice, conversation.id, diesel, { clientMessageId }),
      say(pam, alice, conversation.id, diesel, { clientMessageId }),
    ]);

    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    const [first, second] = await Promise.all(responses.map((r) => r.json()));
    expect(first.assistant_message).toMatchObject({ status: 'complete', content: 'Logged it.' });
    expect(second.assistant_message).toEqual(first.assistant_message);
    expect(second.user_message).toEqual(first.user_message);
    expect(first.user_message.client_message_id).toBe(clientMessageId);
    const { rows } = await pam.database.owner.query(
      `select (select count(*) from public.pam_messages where conversation_id = $1)::int as messages,
              (select count(*) from public.expenses where user_id = $2)::int as expenses`,
      [conversation.id, alice.id],
    );
    expect(rows[0]).toEqual({ messages: 2, expenses: 1 });
    expect(pam.fake.requests).toHaveLength(2);

    // Sent again later (a client that never saw the answer): the stored turn, in the order it happened.
    const replayed = await streamTurn(pam, alice, conversation.id, diesel, { clientMessageId });
    expect(replayed.map((e) => e.event)).toEqual(['start', 'tool_call', 'tool_result', 'delta', 'done']);
    expect(replayed[0].data).toMatchObject({ replayed: true, user_message_id: first.user_message.id });
    expect(replayed[1].data).toMatchObject({ id: 'call_once', name: 'log_expense' });
    expect(replayed[2].data).toMatchObject({ id: 'call_once', ok: true, result: { amount: '64.50' } });
    expect(replayed[3].data.text).toBe('Logged it.');
    expect(replayed.at(-1)!.data.message).toEqual(first.assistant_message);
    const again = await say(pam, alice, conversation.id, diesel, { clientMessageId });
    expect(await again.json()).toEqual(first);
    expect(pam.fake.requests).toHaveLength(2);
    expect((await pam.database.owner.query('select count(*)::int as n from public.expenses where user_id = $1', [alice.id])).rows[0].n).toBe(1);
  });
});

describe('history sent to the model', () => {
  test('the system prompt, the newest whole messages that fit PAM_HISTORY_TOKENS, and the new message', async ({ pam, alice }) => {
    pam.configure('openai', { PAM_HISTORY_TOKENS: '1000' });
    const conversation = await openConversation(pam, alice);
    // 30 earlier messages, user and PAM in turn, 400 characters (about 100 tokens) each;
    // message 21 is far longer, and message 20 very short.
    const history = Array.from({ length: 30 }, (_, i) => {
      const role = i % 2 === 0 ? 'user' : 'assistant';
      const length = i === 21 ? 2_000 : i === 20 ? 40 : 400;
      return { role, content: `message ${String(i).padStart(2, '0')} `.padEnd(length, i % 2 === 0 ? 'q' : 'a') };
    });
    for (const [i, message] of history.entries()) {
      await pam.database.owner.query(
        `insert into public.pam_messages (conversation_id, role, content, created_at)
         values ($1, $2, $3, now() - make_interval(mins => $4))`,
        [conversation.id, message.role, message.content, 60 - i],
      );
    }
    pam.fake.reply({ events: openAiStream({ text: ['Noted.'] }) });

    const response = await say(pam, alice, conversation.id, 'and one more thing');
    expect(response.status).toBe(200);

    const [system, ...rest] = pam.fake.requests[0].body.messages;
    expect(system.role).toBe('system');
    expect(system.content).toContain('You are PAM');
    // 22 to 29 fit (8 × ~104 tokens); 21 does not, so nothing older comes either, however short.
    expect(rest).toEqual([...history.slice(22), { role: 'user', content: 'and one more thing' }]);
  });
});
