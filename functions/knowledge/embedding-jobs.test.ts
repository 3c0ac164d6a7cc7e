import { afterAll, beforeAll, beforeEach } from 'vitest';
import { type ApiUser, connectorFor, type TestApi } from '../../test/support/app.ts';
import { type FakeEmbeddings, fakeEmbedding, startFakeEmbeddings } from '../../test/support/fake-embeddings.ts';
import { bodyOf, describe, expect, test } from '../../test/support/fixtures.ts';
import { withServiceRole } from '../database/transactions.ts';
import { KnowledgeDocumentWithChunks } from './documents.ts';
import type { Embedder } from './embedder.ts';
import { type EmbeddingRunOptions, embedPendingChunks } from './embedding-jobs.ts';
import { LOCAL_EMBEDDING_MODEL, localEmbedder } from './local-embedder.ts';
import { remoteEmbedder } from './remote-embedder.ts';
import { KnowledgeSearchResults } from './search.ts';

/**
 * The scheduled job's half of embedding (the request's half is in
 * functions/api/knowledge/embed-after-commit.test.ts): batches, the record of every
 * attempt, back-off after failures, and an outage that delays but never loses anything.
 */

let fake: FakeEmbeddings;
let provider: Embedder;

beforeAll(async () => {
  fake = await startFakeEmbeddings();
  provider = remoteEmbedder({ baseUrl: fake.url, apiKey: fake.apiKey, model: 'text-embedding-3-small' });
});
beforeEach(() => fake.reset());
afterAll(() => fake?.close());

const paragraphs = (topic: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${topic} paragraph ${i}. ${'Details about the road and the weather there. '.repeat(25)}`).join('\n\n');

async function save(api: TestApi, user: ApiUser, title: string, content: string) {
  const response = await api.request('/api/v1/knowledge', { method: 'POST', token: user.token, json: { title, content } });
  return bodyOf(response, KnowledgeDocumentWithChunks, 201);
}

async function document(api: TestApi, user: ApiUser, id: string) {
  return bodyOf(await api.request(`/api/v1/knowledge/${id}`, { token: user.token }), KnowledgeDocumentWithChunks, 200);
}

const run = (api: TestApi, embedder: Embedder, options: EmbeddingRunOptions = {}) =>
  withServiceRole(connectorFor(api.database), {}, (db) => embedPendingChunks(db, embedder, options));

/** A clock for the run: far enough ahead that everything saved by the test is due. */
const at = (base: Date, minutes: number) => new Date(base.getTime() + minutes * 60_000);

async function storedEmbedding(api: TestApi, chunkId: string): Promise<number[]> {
  const { rows } = await api.database.owner.query<{ embedding: string }>('select embedding::text from public.knowledge_chunks where id = $1', [
    chunkId,
  ]);
  return JSON.parse(rows[0].embedding);
}

describe('embedPendingChunks', () => {
  test('embeds what is due in batches, under the title each chunk shares, and records the model', async ({ api, alice }) => {
    const saved = await save(api, alice, 'Outback article', paragraphs('Outback', 8));
    expect(saved.chunks.length).toBeGreaterThanOrEqual(4);

    const outcome = await run(api, provider, { batchSize: 3, documentIds: [saved.id] });
    expect(outcome).toEqual({ embedded: saved.chunks.length, failed: 0, deferred: 0, more_due: false, stopped: null });
    expect(fake.requests.map((r) => r.input.length)).toEqual(
      Array.from({ length: Math.ceil(saved.chunks.length / 3) }, (_, i) => Math.min(3, saved.chunks.length - i * 3)),
    );
    expect(fake.requests[0]).toMatchObject({ model: 'text-embedding-3-small', dimensions: 1536, authorization: `Bearer ${fake.apiKey}` });
    expect(fake.requests[0].input[0]).toBe(`Outback article\n\n${saved.chunks[0].content}`);

    const after = await document(api, alice, saved.id);
    expect(after.embedding).toEqual({ status: 'embedded', chunks: saved.chunks.length, embedded: saved.chunks.length, pending: 0, failed: 0 });
    expect(after.chunks.every((c) => c.embedding_model === 'text-embedding-3-small' && c.embedded_at !== null)).toBe(true);
    const stored = await storedEmbedding(api, saved.chunks[1].id);
    const expected = fakeEmbedding(`Outback article\n\n${saved.chunks[1].content}`);
    stored.forEach((x, i) => expect(x).toBeCloseTo(expected[i], 6));

    fake.requests.length = 0;
    expect(await run(api, provider, { documentIds: [saved.id] })).toMatchObject({ embedded: 0, failed: 0 });
    expect(fake.requests).toEqual([]);
  });

  test('an outage: the batch tried fails and backs off, the rest wait untried, nothing is lost, and all is embedded once it is over', async ({
    api,
    alice,
  }) => {
    const saved = await save(api, alice, 'Nullarbor crossing', paragraphs('Nullarbor water', 6));
    const n = saved.chunks.length;
    expect(n).toBeGreaterThanOrEqual(3);
    const only = { documentIds: [saved.id], batchSize: 2 };
    const t0 = at(new Date(), 1);
    fake.outage(503);

    const first = await run(api, provider, { ...only, now: t0 });
    expect(first).toEqual({ embedded: 0, failed: 2, deferred: n - 2, more_due: false, stopped: 'the embeddings provider answered HTTP 503' });
    expect(fake.requests).toHaveLength(1);
    let state = await document(api, alice, saved.id);
    expect(state.embedding).toMatchObject({ status: 'failed', failed: 2, pending: n - 2 });
    const [tried, untried] = [state.chunks.slice(0, 2), state.chunks.slice(2)];
    for (const chunk of tried) {
      expect(chunk).toMatchObject({ embedding_status: 'failed', attempts: 1, last_error: 'the embeddings provider answered HTTP 503' });
      expect(Date.parse(chunk.next_attempt_at)).toBe(at(t0, 1).getTime());
    }
    for (const chunk of untried) expect(chunk).toMatchObject({ embedding_status: 'pending', attempts: 0, last_error: null });

    // The document is intact and its words are searchable throughout.
    expect(state.content).toBe(saved.content);
    const found = await api.request('/api/v1/knowledge/search?q=Nullarbor%20water', { token: alice.token });
    expect((await bodyOf(found, KnowledgeSearchResults, 200)).data[0].document.id).toBe(saved.id);

    // Half a minute on, the failed chunks are not due yet; the untried ones are, and fail in turn.
    await run(api, provider, { ...only, batchSize: 100, now: at(t0, 0.5) });
    state = await document(api, alice, saved.id);
    expect(state.chunks.map((c) => c.attempts)).toEqual(state.chunks.map(() => 1));

    // Two minutes on, all are due and fail again: the wait doubles.
    const t2 = at(t0, 2);
    await run(api, provider, { ...only, batchSize: 100, now: t2 });
    state = await document(api, alice, saved.id);
    for (const chunk of state.chunks) {
      expect(chunk.attempts).toBe(2);
      expect(Date.parse(chunk.next_attempt_at)).toBe(at(t2, 2).getTime());
    }

    fake.recover();
    const recovered = await run(api, provider, { ...only, now: at(t2, 2) });
    expect(recovered).toMatchObject({ embedded: n, failed: 0, stopped: null });
    state = await document(api, alice, saved.id);
    expect(state.embedding.status).toBe('embedded');
    expect(state.chunks.every((c) => c.embedding_status === 'embedded' && c.last_error === null && c.attempts === 2)).toBe(true);
  });

  test('waits at most six hours between attempts, however many have failed', async ({ api, alice }) => {
    const saved = await save(api, alice, 'Ferry', 'Book the Spirit of Tasmania early.');
    await api.database.owner.query('update public.knowledge_chunks set attempts = 40 where document_id = $1', [saved.id]);
    fake.outage(500);
    const now = at(new Date(), 1);
    await run(api, provider, { documentIds: [saved.id], now });
    const [chunk] = (await document(api, alice, saved.id)).chunks;
    expect(chunk.attempts).toBe(41);
    expect(Date.parse(chunk.next_attempt_at)).toBe(at(now, 360).getTime());
  });

  test('a chunk the provider refuses is set apart; the rest of its batch is embedded', async ({ api, alice }) => {
    const saved = await save(
      api,
      alice,
      'Mixed notes',
      [paragraphs('Fuel', 2), `Refused passage. ${'POISON '.repeat(200)}`, paragraphs('Water', 2)].join('\n\n'),
    );
    const poisoned = saved.chunks.filter((c) => c.content.includes('POISON'));
    expect(poisoned.length).toBeGreaterThan(0);
    fake.refuseInputsContaining('POISON');

    const outcome = await run(api, provider, { documentIds: [saved.id], batchSize: 16 });
    expect(outcome).toMatchObject({ embedded: saved.chunks.length - poisoned.length, failed: poisoned.length, stopped: null });
    const state = await document(api, alice, saved.id);
    for (const chunk of state.chunks) {
      if (chunk.content.includes('POISON')) expect(chunk).toMatchObject({ embedding_status: 'failed', last_error: 'the embeddings provider answered HTTP 400' });
      else expect(chunk.embedding_status).toBe('embedded');
    }
  });

  test('embeds again, with the current model, chunks another model embedded', async ({ api, alice }) => {
    const saved = await save(api, alice, 'Van maintenance', 'Tyre pressure 4.5 bar front and 4.8 bar rear.');
    await run(api, localEmbedder, { documentIds: [saved.id] });
    expect((await document(api, alice, saved.id)).chunks[0].embedding_model).toBe(LOCAL_EMBEDDING_MODEL);

    expect(await run(api, provider, { documentIds: [saved.id] })).toMatchObject({ embedded: 1 });
    const [chunk] = (await document(api, alice, saved.id)).chunks;
    expect(chunk).toMatchObject({ embedding_status: 'embedded', embedding_model: 'text-embedding-3-small' });
    expect(await run(api, provider, { documentIds: [saved.id] })).toMatchObject({ embedded: 0 });
  });

  test('takes at most `limit` chunks and says when more are due; without documentIds, every user’s due chunks', async ({ api, alice, bob }) => {
    const a = await save(api, alice, 'Alice', paragraphs('Alice', 6));
    const b = await save(api, bob, 'Bob', paragraphs('Bob', 6));
    const total = a.chunks.length + b.chunks.length;
    const limited = await run(api, localEmbedder, { limit: total - 1, documentIds: [a.id, b.id] });
    expect(limited).toMatchObject({ embedded: total - 1, more_due: true });

    const scheduled = await run(api, localEmbedder, { now: at(new Date(), 1) });
    expect(scheduled.embedded).toBeGreaterThanOrEqual(1);
    expect((await document(api, alice, a.id)).embedding.status).toBe('embedded');
    expect((await document(api, bob, b.id)).embedding.status).toBe('embedded');
  });
});
