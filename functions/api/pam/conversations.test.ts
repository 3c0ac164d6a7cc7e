import type { ApiUser, TestApi } from '../../../test/support/app.ts';
import { describe, expect, test } from '../../../test/support/fixtures.ts';
import { expectProblem } from '../../../test/support/problem-assertions.ts';

/** Conversations and feedback on PAM's replies; the offline provider answers (no PAM_PROVIDER in the env). */

async function turn(api: TestApi, user: ApiUser, content = 'help') {
  const conversation = await (await api.request('/api/v1/pam/conversations', { method: 'POST', token: user.token, json: {} })).json();
  const response = await api.request(`/api/v1/pam/conversations/${conversation.id}/messages`, { method: 'POST', token: user.token, json: { content } });
  expect(response.status).toBe(200);
  const { user_message: question, assistant_message: reply } = await response.json();
  return { conversation, question, reply };
}

const rate = (api: TestApi, user: ApiUser, messageId: string, json: unknown) =>
  api.request(`/api/v1/pam/messages/${messageId}/feedback`, { method: 'POST', token: user.token, json });

describe("feedback on PAM's replies", () => {
  test('thumbs up, then down with a comment: the second replaces the first', async ({ api, alice }) => {
    const { reply } = await turn(api, alice);

    const up = await rate(api, alice, reply.id, { rating: 'up' });
    expect(up.status).toBe(200);
    const first = await up.json();
    expect(first).toMatchObject({ message_id: reply.id, user_id: alice.id, rating: 'up', comment: null });

    const down = await rate(api, alice, reply.id, { rating: 'down', comment: 'It ignored my question.' });
    expect(down.status).toBe(200);
    expect(await down.json()).toMatchObject({ id: first.id, rating: 'down', comment: 'It ignored my question.' });

    const { rows } = await api.database.owner.query('select rating, comment from public.pam_message_feedback where message_id = $1', [reply.id]);
    expect(rows).toEqual([{ rating: 'down', comment: 'It ignored my question.' }]);
  });

  test("the user's own message, another user's reply and a message that does not exist are 404, and nothing is stored", async ({ api, alice, bob }) => {
    const { question, reply } = await turn(api, alice);

    await expectProblem(await rate(api, alice, question.id, { rating: 'up' }), 404);
    await expectProblem(await rate(api, bob, reply.id, { rating: 'down' }), 404);
    await expectProblem(await rate(api, alice, crypto.randomUUID(), { rating: 'up' }), 404);

    const { rows } = await api.database.owner.query('select count(*)::int as n from public.pam_message_feedback where message_id in ($1, $2)', [
      question.id,
      reply.id,
    ]);
    expect(rows[0].n).toBe(0);
  });

  test('a rating other than up or down is refused', async ({ api, alice }) => {
    const { reply } = await turn(api, alice);
    await expectProblem(await rate(api, alice, reply.id, { rating: 'meh' }), 400);
  });
});

describe('conversations', () => {
  test('are listed newest first, read with their messages oldest first, and deleted with them', async ({ api, alice, bob }) => {
    const older = await turn(api, alice, 'help');
    const newer = await turn(api, alice, 'what are my todos?');
    await turn(api, bob);

    const list = await (await api.request('/api/v1/pam/conversations', { token: alice.token })).json();
    expect(list.data.map((c: { id: string }) => c.id)).toEqual([newer.conversation.id, older.conversation.id]);
    expect(list.data[0]).toMatchObject({ title: 'what are my todos?', message_count: 2 });

    const read = await (await api.request(`/api/v1/pam/conversations/${newer.conversation.id}`, { token: alice.token })).json();
    expect(read.messages.map((m: { id: string }) => m.id)).toEqual([newer.question.id, newer.reply.id]);

    expect((await api.request(`/api/v1/pam/conversations/${newer.conversation.id}`, { method: 'DELETE', token: bob.token })).status).toBe(404);
    expect((await api.request(`/api/v1/pam/conversations/${newer.conversation.id}`, { method: 'DELETE', token: alice.token })).status).toBe(204);
    expect((await api.request(`/api/v1/pam/conversations/${newer.conversation.id}`, { token: alice.token })).status).toBe(404);
    const { rows } = await api.database.owner.query('select count(*)::int as n from public.pam_messages where conversation_id = $1', [newer.conversation.id]);
    expect(rows[0].n).toBe(0);
  });

  test("sending to another user's conversation is 404 and adds nothing to it", async ({ api, alice, bob }) => {
    const { conversation } = await turn(api, alice);

    const response = await api.request(`/api/v1/pam/conversations/${conversation.id}/messages`, { method: 'POST', token: bob.token, json: { content: 'help' } });

    await expectProblem(response, 404);
    const { rows } = await api.database.owner.query('select count(*)::int as n from public.pam_messages where conversation_id = $1', [conversation.id]);
    expect(rows[0].n).toBe(2);
  });
});
