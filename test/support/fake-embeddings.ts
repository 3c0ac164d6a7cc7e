import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { embedLocally } from '../../functions/knowledge/local-embedder.ts';

/**
 * A local stand-in for an OpenAI-compatible embeddings API that speaks its wire format, so
 * the real client runs against it unchanged: `POST /v1/embeddings` with a bearer key and
 * `{ model, input, dimensions? }`, answered `{ object: 'list', data: [{ object, index,
 * embedding }], model, usage }`. Faults are scripted.
 *
 * Its vectors are the local embedder's with every coordinate moved one place along: a
 * permutation keeps every cosine similarity, so rankings come out as with the local
 * embedder, while the vectors themselves are recognisably not the local embedder's.
 */

export interface RecordedEmbeddingsRequest {
  authorization: string | undefined;
  model: string;
  input: string[];
  dimensions: number | undefined;
}

export interface ScriptedEmbeddingsAnswer {
  status?: number;
  /** Serialised as JSON unless a string. */
  body?: unknown;
  /** Hold the answer back this long (a slow provider). */
  delayMs?: number;
}

export interface FakeEmbeddings {
  /** The base the client is given, ending in /v1. */
  url: string;
  apiKey: string;
  requests: RecordedEmbeddingsRequest[];
  /** The next `times` requests get `answer` instead of embeddings. */
  script(answer: ScriptedEmbeddingsAnswer, times?: number): void;
  /** Every request fails with `status` until `recover()`: an outage. */
  outage(status?: number): void;
  recover(): void;
  /** A request with an input containing `text` is refused with 400, as a provider refuses an input it will not embed. */
  refuseInputsContaining(text: string): void;
  /** Answer `data` in reverse order (the API promises `index`, not order). */
  reversed: boolean;
  /** Env entries that point the app's embedder here. */
  env(): { EMBEDDINGS_BASE_URL: string; EMBEDDINGS_API_KEY: string };
  reset(): void;
  close(): Promise<void>;
}

export const FAKE_EMBEDDINGS_KEY = 'sk-test-fake-embeddings-key';

/** The vector the fake answers for `text`. */
export function fakeEmbedding(text: string): number[] {
  const local = embedLocally(text);
  return local.map((_, i) => local[(i + local.length - 1) % local.length]);
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of request) parts.push(part as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

export async function startFakeEmbeddings(): Promise<FakeEmbeddings> {
  let scripted: { answer: ScriptedEmbeddingsAnswer; remaining: number }[] = [];
  let outageStatus: number | null = null;
  let refused: string[] = [];

  const server: Server = createServer(async (request, response) => {
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    const error = (status: number, message: string) => reply(status, { error: { message, type: 'invalid_request_error' } });

    if (request.method !== 'POST' || request.url !== '/v1/embeddings') return error(404, `no route ${request.method} ${request.url}`);
    let payload: { model?: unknown; input?: unknown; dimensions?: unknown };
    try {
      payload = JSON.parse(await bodyOf(request));
    } catch {
      return error(400, 'body is not JSON');
    }
    const input = typeof payload.input === 'string' ? [payload.input] : payload.input;
    fake.requests.push({
      authorization: request.headers.authorization,
      model: String(payload.model),
      input: Array.isArray(input) ? input.map(String) : [],
      dimensions: typeof payload.dimensions === 'number' ? payload.dimensions : undefined,
    });

    const rule = scripted.find((r) => r.remaining > 0);
    if (rule) {
      rule.remaining--;
      if (rule.answer.delayMs) await new Promise((resolve) => setTimeout(resolve, rule.answer.delayMs));
      return reply(rule.answer.status ?? 200, rule.answer.body ?? {});
    }
    if (outageStatus !== null) return error(outageStatus, 'The server is overloaded or not ready yet.');
    if (request.headers.authorization !== `Bearer ${FAKE_EMBEDDINGS_KEY}`) {
      return error(401, `Incorrect API key provided: ${request.headers.authorization ?? '(none)'}`);
    }
    if (typeof payload.model !== 'string' || !Array.isArray(input) || input.length === 0 || input.length > 2048) {
      return error(400, "'model' and 'input' (1 to 2048 strings) are required");
    }
    if (input.some((text) => typeof text !== 'string' || text.length === 0)) return error(400, "'input' holds an empty or non-string item");
    if (payload.dimensions !== undefined && payload.dimensions !== 1536) return error(400, 'this fake only makes 1536 dimensions');
    if (input.some((text: string) => refused.some((bad) => text.includes(bad)))) return error(400, 'Invalid content in input');

    const data = input.map((text: string, index: number) => ({ object: 'embedding', index, embedding: fakeEmbedding(text) }));
    if (fake.reversed) data.reverse();
    const tokens = input.reduce((sum: number, text: string) => sum + Math.ceil(text.length / 4), 0);
    return reply(200, { object: 'list', data, model: payload.model, usage: { prompt_tokens: tokens, total_tokens: tokens } });
  });

  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  const fake: FakeEmbeddings = {
    url: `http://127.0.0.1:${port}/v1`,
    apiKey: FAKE_EMBEDDINGS_KEY,
    requests: [],
    reversed: false,
    script(answer, times = 1) {
      scripted.push({ answer, remaining: times });
    },
    outage(status = 503) {
      outageStatus = status;
    },
    recover() {
      outageStatus = null;
    },
    refuseInputsContaining(text) {
      refused.push(text);
    },
    env: () => ({ EMBEDDINGS_BASE_URL: fake.url, EMBEDDINGS_API_KEY: FAKE_EMBEDDINGS_KEY }),
    reset() {
      scripted = [];
      outageStatus = null;
      refused = [];
      fake.reversed = false;
      fake.requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return fake;
}
