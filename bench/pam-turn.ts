// `npm run bench:pam`: how soon a PAM turn shows something, and how soon it is done, over
// HTTP with server-sent events, against the PostgreSQL server in DATABASE_URL (default the
// local one; it creates and drops a database of its own). Two providers side by side: the
// offline command provider, and the OpenAI-compatible adapter against a local stand-in
// that streams a tool call and then a reply (so the turn runs a tool and calls the model
// twice, as a real tool turn does). Prints p50 and p99 of time to the first event and to
// `done`, per provider.
//
//   BENCH_TURNS=60   turns per provider (after 5 warm-up turns)
import { randomUUID } from 'node:crypto';
import { databaseUrl, withPgClient } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import { connectPg } from '../functions/database/connect.ts';
import { newApp } from '../functions/app.ts';
import { serveFetch } from '../test/browser/local-servers.ts';
import { openAiStream, startFakeLlm } from '../test/support/fake-llm.ts';
import { signTestToken, TEST_JWT_SECRET } from '../test/support/app.ts';

const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const turns = Number(process.env.BENCH_TURNS ?? 60);
const database = `pam_bench_turn_${process.pid}`;

interface Timing {
  firstEventMs: number;
  doneMs: number;
}

async function timeTurn(base: string, token: string, conversationId: string, content: string): Promise<Timing> {
  const started = performance.now();
  const response = await fetch(`${base}/api/v1/pam/conversations/${conversationId}/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream', 'content-type': 'application/json' },
    body: JSON.stringify({ content, client_message_id: randomUUID() }),
  });
  if (response.status !== 200 || !response.body) throw new Error(`turn answered ${response.status}: ${await response.text()}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let firstEventMs = -1;
  let text = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    if (firstEventMs < 0 && value.includes('event: ')) firstEventMs = performance.now() - started;
    text += value;
  }
  if (!text.includes('event: done') || text.includes('event: error')) throw new Error(`turn did not finish cleanly:\n${text.slice(0, 500)}`);
  return { firstEventMs, doneMs: performance.now() - started };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

async function main() {
  await withPgClient(serverUrl, (admin) => admin.query(`create database ${database}`));
  const url = databaseUrl(serverUrl, database);
  const fake = await startFakeLlm();
  try {
    await withPgClient(url, (client) => migrate(client));
    const app = newApp({ connectDatabase: () => connectPg(url) });
    const userId = randomUUID();
    const token = await signTestToken({ sub: userId, email: 'bench@example.com', role: 'authenticated', session_id: randomUUID() });
    const providers = {
      'offline commands': { JWT_SECRET: TEST_JWT_SECRET, PAM_MESSAGES_PER_WINDOW: '100000' },
      'OpenAI-compatible stand-in': {
        JWT_SECRET: TEST_JWT_SECRET,
        PAM_MESSAGES_PER_WINDOW: '100000',
        PAM_PROVIDER: 'openai',
        PAM_BASE_URL: `${fake.url}/v1`,
        PAM_API_KEY: 'bench',
      },
    };
    console.log(`PAM turn latency: ${turns} turns per provider, SSE over loopback HTTP, PostgreSQL server`);
    console.log('provider                    | first event p50 | p99      | done p50 | p99');
    for (const [name, env] of Object.entries(providers)) {
      const server = await serveFetch((request) => app.fetch(request, env));
      try {
        const conversation = await (
          await fetch(`${server.origin}/api/v1/pam/conversations`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: '{}',
          })
        ).json();
        const timings: Timing[] = [];
        for (let i = 0; i < turns + 5; i++) {
          fake.reply(
            { events: openAiStream({ toolCalls: [{ id: `call_${i}`, name: 'create_todo', fragments: ['{"title":', `"water ${i}"}`] }] }) },
            { events: openAiStream({ text: ['Added ', `water ${i}.`] }) },
          );
          const timing = await timeTurn(server.origin, token, conversation.id, `add a todo: water ${i}`);
          if (i >= 5) timings.push(timing);
        }
        fake.reset();
        const first = timings.map((t) => t.firstEventMs);
        const done = timings.map((t) => t.doneMs);
        const ms = (value: number) => `${value.toFixed(1)} ms`.padEnd(9);
        console.log(
          `${name.padEnd(27)} | ${ms(percentile(first, 50)).padEnd(15)} | ${ms(percentile(first, 99))}| ${ms(percentile(done, 50))}| ${ms(percentile(done, 99))}`,
        );
      } finally {
        await server.close();
      }
    }
  } finally {
    await fake.close();
    await withPgClient(serverUrl, (admin) => admin.query(`drop database if exists ${database} with (force)`));
  }
}

await main();
