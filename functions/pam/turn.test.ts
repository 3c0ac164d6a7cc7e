import { z } from '@hono/zod-openapi';
import { connectorFor } from '../../test/support/app.ts';
import { openAiStream } from '../../test/support/fake-llm.ts';
import { callerOf, describe, expect, openConversation, type PamApi, test } from '../../test/support/pam.ts';
import type { ApiUser } from '../../test/support/app.ts';
import { OpenAiCompatibleProvider } from './providers/openai-compatible.ts';
import { pamTools } from './tools/index.ts';
import { defineTool, type PamTool } from './tools/tool.ts';
import { defaultTurnLimits, sendMessage, type TurnEvent, turnLimitsFrom } from './turn.ts';

/** The turn itself, called as the route calls it, with tool lists of the test's own. */

async function runTurn(pam: PamApi, user: ApiUser, tools: PamTool[], content: string) {
  const conversation = await openConversation(pam, user);
  const events: TurnEvent[] = [];
  const outcome = await sendMessage(
    {
      connect: connectorFor(pam.database),
      config: {},
      caller: await callerOf(user),
      provider: new OpenAiCompatibleProvider({ baseUrl: `${pam.fake.url}/v1`, apiKey: 'test-key' }),
      tools,
      limits: defaultTurnLimits,
    },
    { conversationId: conversation.id, content },
    (event) => events.push(event),
  );
  return { events, outcome };
}

describe('a tool that writes something others can see', () => {
  test('is not run: the model is told to ask the user to confirm first', async ({ pam, alice }) => {
    let runs = 0;
    const shareTool = defineTool({
      name: 'share_to_community',
      description: 'Post a message to the community feed, where everyone can read it.',
      public: true,
      args: z.object({ text: z.string().min(1) }),
      run: async () => {
        runs++;
        return { posted: true };
      },
    });
    pam.fake.reply(
      { events: openAiStream({ toolCalls: [{ id: 'call_share', name: 'share_to_community', fragments: ['{"text":"Great camp at Mundi Mundi"}'] }] }) },
      { events: openAiStream({ text: ['Shall I post “Great camp at Mundi Mundi” for everyone to see?'] }) },
    );

    const { events, outcome } = await runTurn(pam, alice, [...pamTools, shareTool], 'tell everyone about Mundi Mundi');

    expect(runs).toBe(0);
    const result = events.find((e) => e.event === 'tool_result');
    expect(result?.data).toEqual({
      id: 'call_share',
      name: 'share_to_community',
      ok: false,
      error: { error: 'This would be visible to others: ask the user to confirm first.' },
    });
    expect(pam.fake.requests[0].body.tools.map((t: { function: { name: string } }) => t.function.name)).toContain('share_to_community');
    expect(JSON.parse(pam.fake.requests[1].body.messages.at(-1).content)).toEqual({
      error: 'This would be visible to others: ask the user to confirm first.',
    });
    expect(outcome.reply).toMatchObject({ status: 'complete', content: 'Shall I post “Great camp at Mundi Mundi” for everyone to see?' });
  });
});

describe('a tool that fails for a reason that is not the model’s', () => {
  test('ends the turn as failed, stored, with an error before done and nothing of the fault shown', async ({ pam, alice }) => {
    const brokenTool = defineTool({
      name: 'broken',
      description: 'A tool with a bug in it.',
      args: z.object({}),
      run: async () => {
        throw new Error('relation "public.nowhere" does not exist');
      },
    });
    pam.fake.reply({ events: openAiStream({ text: ['One moment. '], toolCalls: [{ id: 'call_broken', name: 'broken', fragments: ['{}'] }] }) });

    const { events, outcome } = await runTurn(pam, alice, [brokenTool], 'do the broken thing');

    expect(events.map((e) => e.event)).toEqual(['start', 'delta', 'tool_call', 'error', 'done']);
    expect(events[3].data).toEqual({ code: 'internal', message: expect.any(String), message_id: outcome.reply!.id });
    expect(JSON.stringify(events)).not.toContain('nowhere');
    expect(outcome.reply).toMatchObject({ status: 'failed', content: 'One moment. ' });
    const { rows } = await pam.database.owner.query('select role, status from public.pam_messages where conversation_id = $1 order by created_at', [
      outcome.question.conversation_id,
    ]);
    expect(rows).toEqual([
      { role: 'user', status: 'complete' },
      { role: 'assistant', status: 'failed' },
    ]);
  });
});

describe('turnLimitsFrom', () => {
  test('reads the limits from the environment and keeps the defaults for values it cannot use', () => {
    expect(
      turnLimitsFrom({
        PAM_MESSAGES_PER_WINDOW: '2',
        PAM_RATE_WINDOW_SECONDS: '60',
        PAM_MAX_TOOL_ROUNDS: '3',
        PAM_TURN_TIMEOUT_MS: '5000',
        PAM_HISTORY_TOKENS: '800',
      }),
    ).toEqual({ ...defaultTurnLimits, messagesPerWindow: 2, windowSeconds: 60, maxToolRounds: 3, turnTimeoutMs: 5000, historyTokens: 800 });
    expect(
      turnLimitsFrom({ PAM_MESSAGES_PER_WINDOW: '0', PAM_RATE_WINDOW_SECONDS: 'soon', PAM_MAX_TOOL_ROUNDS: '2.5', PAM_HISTORY_TOKENS: '' }),
    ).toEqual(defaultTurnLimits);
  });
});
