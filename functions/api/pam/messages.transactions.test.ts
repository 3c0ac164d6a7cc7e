import { inject } from 'vitest';
import { openAiStream } from '../../../test/support/fake-llm.ts';
import { conversationOf, describe, eventually, expect, openConversation, type PamApi, say, test } from '../../../test/support/pam.ts';

// Only a PostgreSQL server shows other sessions and their transactions; the embedded
// database has one connection and no pg_stat_activity worth the name.
const onServer = inject('testDatabase').kind === 'server';

/** The test database's other sessions that are inside a transaction right now. */
async function openTransactions(pam: PamApi) {
  const { rows } = await pam.database.owner.query<{ pid: number; state: string | null; query: string }>(
    `select pid, state, query from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid()
        and (xact_start is not null or state like 'idle in transaction%')`,
  );
  return rows;
}

describe.skipIf(!onServer)('no transaction stays open while PAM waits for the model (PostgreSQL server only)', () => {
  test('neither while the model is asked first, nor after a tool ran; the user message and the tool’s write are already committed', async ({ pam, alice }) => {
    pam.fake.reply(
      {
        events: openAiStream({ toolCalls: [{ id: 'call_fuel', name: 'log_expense', fragments: ['{"amount":"80.00","description":"Diesel","category":"fuel"}'] }] }),
        delayMs: 700,
      },
      { events: openAiStream({ text: ['Logged $80.00 for diesel.'] }), delayMs: 700 },
    );
    const conversation = await openConversation(pam, alice);

    const sent = say(pam, alice, conversation.id, 'spent 80 on diesel');

    await eventually('the model to be asked', async () => pam.fake.requests.length === 1);
    expect(await openTransactions(pam)).toEqual([]);
    const asked = await pam.database.owner.query('select role from public.pam_messages where conversation_id = $1', [conversation.id]);
    expect(asked.rows).toEqual([{ role: 'user' }]);

    await eventually('the model to be asked again', async () => pam.fake.requests.length === 2);
    expect(await openTransactions(pam)).toEqual([]);
    const spent = await pam.database.owner.query('select amount::text from public.expenses where user_id = $1', [alice.id]);
    expect(spent.rows).toEqual([{ amount: '80.00' }]);

    const response = await sent;
    expect(response.status).toBe(200);
    const { messages } = await conversationOf(pam, alice, conversation.id);
    expect(messages.map((m: { role: string; status: string }) => [m.role, m.status])).toEqual([
      ['user', 'complete'],
      ['assistant', 'complete'],
    ]);
    expect(messages[1].content).toBe('Logged $80.00 for diesel.');
  });
});
