import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connectorFor, type ApiResponse, signTestToken, testEnv } from '../../../test/support/app.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { type FakeEmbeddings, startFakeEmbeddings } from '../../../test/support/fake-embeddings.ts';
import { bodyOf } from '../../../test/support/fixtures.ts';
import { newApp } from '../../app.ts';
import { withServiceRole } from '../../database/transactions.ts';
import type { Env } from '../../env.ts';
import { KnowledgeDocumentWithChunks } from '../../knowledge/documents.ts';
import { embedPendingChunks } from '../../knowledge/embedding-jobs.ts';
import { LOCAL_EMBEDDING_MODEL } from '../../knowledge/local-embedder.ts';
import { remoteEmbedder } from '../../knowledge/remote-embedder.ts';

/**
 * The request's half of embedding, as in Workers: the app is given an execution context
 * whose waitUntil collects the work handed to it, so a test can answer "what did the
 * client get?" first and then await what ran after the response.
 */

let database: TestDatabase;
let fake: FakeEmbeddings;
const app = () => newApp({ connectDatabase: connectorFor(database) });
let handedOn: Promise<unknown>[] = [];
const executionContext = {
  waitUntil: (work: Promise<unknown>) => void handedOn.push(work),
  passThroughOnException: () => {},
  props: {},
} as unknown as ExecutionContext;

/** Everything handed to waitUntil, finished (including work that work handed on). */
async function afterResponses(): Promise<void> {
  while (handedOn.length > 0) await Promise.all(handedOn.splice(0));
}

beforeAll(async () => {
  database = await createTestDatabase();
  fake = await startFakeEmbeddings();
});
beforeEach(() => fake.reset());
afterAll(async () => {
  await fake?.close();
  await database?.close();
});

async function call(env: Env, path: string, init: { method?: string; token: string; json?: unknown }): Promise<ApiResponse> {
  const headers = new Headers({ authorization: `Bearer ${init.token}` });
  if (init.json !== undefined) headers.set('content-type', 'application/json');
  const body = init.json === undefined ? undefined : JSON.stringify(init.json);
  return (await app().request(path, { method: init.method ?? 'GET', headers, body }, env, executionContext)) as ApiResponse;
}

async function signIn(env: Env, admin = false): Promise<string> {
  const id = randomUUID();
  const token = await signTestToken({ sub: id, email: `${id}@example.com`, role: 'authenticated', session_id: randomUUID() });
  expect((await call(env, '/api/v1/me', { token })).status).toBe(200);
  if (admin) await database.owner.query('update public.profiles set is_admin = true where id = $1', [id]);
  await afterResponses();
  return token;
}

const note = { title: 'Nullarbor water stops', content: 'Balladonia sells water.\n\nCaiguna has a rainwater tank.' };
const withProvider = (): Env => ({ ...testEnv, ...fake.env() });

async function save(env: Env, token: string, path = '/api/v1/knowledge') {
  const response = await call(env, path, { method: 'POST', token, json: note });
  return bodyOf(response, KnowledgeDocumentWithChunks, 201);
}

const get = async (env: Env, token: string, id: string) =>
  bodyOf(await call(env, `/api/v1/knowledge/${id}`, { token }), KnowledgeDocumentWithChunks, 200);

describe('embedding after the answer', () => {
  it('answers with the chunks pending, then embeds them with the local embedder when no provider is configured', async () => {
    const token = await signIn(testEnv);
    const saved = await save(testEnv, token);
    expect(saved.embedding.status).toBe('pending');
    await afterResponses();
    const after = await get(testEnv, token, saved.id);
    expect(after.embedding).toMatchObject({ status: 'embedded', embedded: 1 });
    expect(after.chunks[0].embedding_model).toBe(LOCAL_EMBEDDING_MODEL);
  });

  it('embeds with the provider when one is configured, one request for the document', async () => {
    const env = withProvider();
    const token = await signIn(env);
    const saved = await save(env, token);
    expect(saved.chunks[0].embedding_status).toBe('pending');
    expect(fake.requests).toEqual([]);
    await afterResponses();
    expect(fake.requests).toHaveLength(1);
    expect((await get(env, token, saved.id)).chunks[0]).toMatchObject({ embedding_status: 'embedded', embedding_model: 'text-embedding-3-small' });
  });

  it('keeps the document through a provider outage, records the failure, and the scheduled job embeds it later', async () => {
    const env = withProvider();
    const token = await signIn(env);
    fake.outage(502);
    const saved = await save(env, token);
    await afterResponses();
    const failed = await get(env, token, saved.id);
    expect(failed.content).toBe(note.content);
    expect(failed.chunks[0]).toMatchObject({ embedding_status: 'failed', attempts: 1, last_error: 'the embeddings provider answered HTTP 502' });

    fake.recover();
    const provider = remoteEmbedder({ baseUrl: fake.url, apiKey: fake.apiKey, model: 'text-embedding-3-small' });
    const later = new Date(Date.now() + 5 * 60_000);
    const outcome = await withServiceRole(connectorFor(database), {}, (db) => embedPendingChunks(db, provider, { now: later }));
    expect(outcome.embedded).toBeGreaterThanOrEqual(1);
    expect((await get(env, token, saved.id)).chunks[0]).toMatchObject({ embedding_status: 'embedded', attempts: 1, last_error: null });
  });

  it('embeds new chunks after an edit, and hands on nothing when the chunks stayed or the request failed', async () => {
    const env = withProvider();
    const token = await signIn(env);
    const saved = await save(env, token);
    await afterResponses();
    fake.requests.length = 0;

    const retagged = await call(env, `/api/v1/knowledge/${saved.id}`, { method: 'PATCH', token, json: { metadata: { starred: true } } });
    expect(retagged.status).toBe(200);
    const refused = await call(env, '/api/v1/knowledge', { method: 'POST', token, json: { title: '', content: 'x' } });
    expect(refused.status).toBe(400);
    await afterResponses();
    expect(fake.requests).toEqual([]);

    const edited = await call(env, `/api/v1/knowledge/${saved.id}`, { method: 'PATCH', token, json: { content: 'Cocklebiddy: water on request.' } });
    expect((await bodyOf(edited, KnowledgeDocumentWithChunks, 200)).embedding.status).toBe('pending');
    await afterResponses();
    expect(fake.requests.map((r) => r.input)).toEqual([['Nullarbor water stops\n\nCocklebiddy: water on request.']]);
    expect((await get(env, token, saved.id)).embedding.status).toBe('embedded');
  });

  it('embeds what an administrator publishes', async () => {
    const token = await signIn(testEnv, true);
    const published = await save(testEnv, token, '/api/v1/admin/knowledge');
    expect(published.is_shared).toBe(true);
    await afterResponses();
    expect((await get(testEnv, token, published.id)).embedding.status).toBe('embedded');
  });
});
