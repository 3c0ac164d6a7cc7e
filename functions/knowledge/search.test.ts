import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { type ApiUser, connectorFor, createTestApi, type TestApi, testEnv } from '../../test/support/app.ts';
import { type FakeEmbeddings, startFakeEmbeddings } from '../../test/support/fake-embeddings.ts';
import { bodyOf, describe, expect, test } from '../../test/support/fixtures.ts';
import { withCaller, withServiceRole } from '../database/transactions.ts';
import { KnowledgeDocumentWithChunks } from './documents.ts';
import { embedPendingChunks } from './embedding-jobs.ts';
import { localEmbedder } from './local-embedder.ts';
import { remoteEmbedder } from './remote-embedder.ts';
import { KnowledgeSearchResults, searchKnowledge } from './search.ts';

/**
 * Ranking on a small corpus whose answers are known, by meaning and words (the local
 * embedder: the tests run offline) and by words alone (the provider down), and who finds
 * what: a user their own chunks and the shared ones, never anyone else's.
 */

const corpus = {
  nullarbor: {
    title: 'Nullarbor crossing',
    content:
      'Water stops on the Nullarbor: Balladonia roadhouse sells drinking water by the litre. Caiguna has a rainwater tank ' +
      'behind the toilets. Cocklebiddy charges for showers, but the tap water is free if you ask.\n\n' +
      'Fuel is dearest at Border Village; fill up in Norseman.',
  },
  campsites: {
    title: 'Campsites from Sam',
    content:
      '- Fraser Range Station: powered sites, hot showers, shearing shed tours\n' +
      '- Newman Rocks rest area: free, great sunset over the granite\n' +
      '- Moonera Tank: free camp, dusty, close to the highway',
  },
  van: {
    title: 'Van maintenance',
    content: 'Tyre pressure 4.5 bar front and 4.8 bar rear when loaded. Oil change every 15,000 km. Check the coolant before long desert days.',
  },
  ferry: {
    title: 'Tasmania ferry',
    content: 'The Spirit of Tasmania sails from Geelong. Book the van early for summer; gas bottles must be declared at check-in.',
  },
  wildlife: {
    title: 'Driving in the outback',
    content: Array.from(
      { length: 12 },
      (_, i) =>
        `Kangaroos and emus are most active at dusk and dawn (note ${i}). Road trains need a long stretch to overtake; ` +
        `pull over and let them pass. Keep headlights clean because insects build up quickly on night drive ${i}.`,
    ).join('\n\n'),
  },
};
type Topic = keyof typeof corpus;

let fake: FakeEmbeddings;
/** The same app with the embeddings provider configured but down: questions cannot be embedded. */
let providerDown: TestApi;

beforeAll(async () => {
  fake = await startFakeEmbeddings();
  fake.outage(503);
  providerDown = await createTestApi({ ...testEnv, ...fake.env() });
});
afterAll(async () => {
  await providerDown?.close();
  await fake?.close();
});

async function saveCorpus(api: TestApi, user: ApiUser): Promise<Record<Topic, KnowledgeDocumentWithChunks>> {
  const saved = {} as Record<Topic, KnowledgeDocumentWithChunks>;
  for (const [topic, body] of Object.entries(corpus) as [Topic, (typeof corpus)[Topic]][]) {
    const response = await api.request('/api/v1/knowledge', { method: 'POST', token: user.token, json: body });
    saved[topic] = await bodyOf(response, KnowledgeDocumentWithChunks, 201);
  }
  await withServiceRole(connectorFor(api.database), {}, (db) => embedPendingChunks(db, localEmbedder));
  return saved;
}

async function search(api: TestApi, user: ApiUser, q: string, limit = 10) {
  const response = await api.request(`/api/v1/knowledge/search?q=${encodeURIComponent(q)}&limit=${limit}`, { token: user.token });
  return bodyOf(response, KnowledgeSearchResults, 200);
}

const topicOf = (saved: Record<Topic, KnowledgeDocumentWithChunks>, documentId: string) =>
  (Object.keys(saved) as Topic[]).find((topic) => saved[topic].id === documentId);

describe('knowledge search ranks the chunk that answers first', () => {
  const questions: [string, Topic][] = [
    ['Nullarbor water stops', 'nullarbor'],
    ['What did my notes say about the Nullarbor water stops?', 'nullarbor'],
    ['tyre pressure', 'van'],
    ['where do I declare gas bottles for the ferry', 'ferry'],
    ['free camp with a sunset', 'campsites'],
    ['road trains overtaking', 'wildlife'],
  ];

  test.for(questions)('by meaning and words: %s', async ([q, expected], { api, alice }) => {
    const saved = await saveCorpus(api, alice);
    const results = await search(api, alice, q);
    expect(results.mode).toBe('hybrid');
    expect(topicOf(saved, results.data[0].document.id)).toBe(expected);
    expect(results.data[0].ranks.vector).not.toBeNull();
  });

  test.for(questions)('by words alone, with the provider down: %s', async ([q, expected]) => {
    const user = await providerDown.signIn();
    const saved = await saveCorpus(providerDown, user);
    const results = await search(providerDown, user, q);
    expect(results.mode).toBe('full_text');
    expect(topicOf(saved, results.data[0].document.id)).toBe(expected);
    expect(results.data.every((r) => r.ranks.vector === null && r.ranks.full_text !== null)).toBe(true);
  });

  test('fuses the two rankings: score is the sum of 1/(60 + rank), best first, each result with its chunk and document', async ({ api, alice }) => {
    const saved = await saveCorpus(api, alice);
    const results = await search(api, alice, 'Nullarbor water stops');
    const top = results.data[0];
    expect(top.ranks).toEqual({ vector: 1, full_text: 1 });
    expect(top.score).toBeCloseTo(2 / 61, 10);
    for (const result of results.data) {
      const expected = [result.ranks.vector, result.ranks.full_text].reduce((sum: number, rank) => sum + (rank ? 1 / (60 + rank) : 0), 0);
      expect(result.score).toBeCloseTo(expected, 10);
    }
    expect(results.data.map((r) => r.score)).toEqual([...results.data.map((r) => r.score)].sort((a, b) => b - a));
    expect(top.chunk).toEqual({
      id: saved.nullarbor.chunks[0].id,
      position: 0,
      content: saved.nullarbor.chunks[0].content,
      embedding_status: 'embedded',
    });
    expect(top.document).toMatchObject({ id: saved.nullarbor.id, title: 'Nullarbor crossing', is_shared: false });
  });

  test('finds a misspelt name by meaning where the words find nothing', async ({ api, alice }) => {
    const saved = await saveCorpus(api, alice);
    const hybrid = await search(api, alice, 'Cocklebidy');
    expect(topicOf(saved, hybrid.data[0].document.id)).toBe('nullarbor');
    expect(hybrid.data[0].ranks).toEqual({ vector: 1, full_text: null });

    const user = await providerDown.signIn();
    await saveCorpus(providerDown, user);
    expect((await search(providerDown, user, 'Cocklebidy')).data).toEqual([]);
  });

  test('keeps to the limit and leaves out inactive documents', async ({ api, alice }) => {
    const saved = await saveCorpus(api, alice);
    expect((await search(api, alice, 'outback kangaroos dusk', 3)).data).toHaveLength(3);
    await api.request(`/api/v1/knowledge/${saved.nullarbor.id}`, { method: 'PATCH', token: alice.token, json: { is_active: false } });
    const results = await search(api, alice, 'Nullarbor water stops');
    expect(results.data.map((r) => r.document.id)).not.toContain(saved.nullarbor.id);
  });

  test('finds chunks by words before they are embedded', async ({ api, alice }) => {
    const response = await api.request('/api/v1/knowledge', { method: 'POST', token: alice.token, json: corpus.ferry });
    const ferry = await bodyOf(response, KnowledgeDocumentWithChunks, 201);
    const results = await search(api, alice, 'Spirit of Tasmania');
    expect(results.mode).toBe('hybrid');
    expect(results.data[0]).toMatchObject({ document: { id: ferry.id }, chunk: { embedding_status: 'pending' }, ranks: { vector: null, full_text: 1 } });
  });
});

describe('who finds what', () => {
  test("a user never finds another user's chunks, even word for word", async ({ api, alice, bob, admin }) => {
    const saved = await saveCorpus(api, alice);
    const aliceChunks = new Set(Object.values(saved).flatMap((d) => d.chunks.map((c) => c.id)));
    for (const intruder of [bob, admin]) {
      for (const q of ['Nullarbor water stops', corpus.van.content, 'Cocklebidy']) {
        const results = await search(api, intruder, q, 50);
        expect(results.data.filter((r) => aliceChunks.has(r.chunk.id))).toEqual([]);
      }
    }
  });

  test('every user finds shared knowledge, marked shared', async ({ api, alice, bob, admin }) => {
    const published = await api.request('/api/v1/admin/knowledge', {
      method: 'POST',
      token: admin.token,
      json: { title: 'Travel tip: Eyre Highway', content: 'Carry twenty litres of drinking water per person across the Eyre Highway.' },
    });
    const tip = await bodyOf(published, KnowledgeDocumentWithChunks, 201);
    await withServiceRole(connectorFor(api.database), {}, (db) => embedPendingChunks(db, localEmbedder));
    for (const user of [alice, bob, admin]) {
      const results = await search(api, user, 'drinking water Eyre Highway');
      expect(results.data[0]).toMatchObject({ document: { id: tip.id, is_shared: true }, chunk: { embedding_status: 'embedded' } });
    }
  });

  test('the domain function PAM calls answers the same, under the caller\'s own claims', async ({ api, alice, bob }) => {
    const saved = await saveCorpus(api, alice);
    const asUser = (user: ApiUser) => ({
      userId: user.id,
      claims: { sub: user.id, role: 'authenticated' as const, session_id: randomUUID(), exp: Math.floor(Date.now() / 1000) + 600 },
      sessionKeyHash: createHash('sha256').update(randomUUID()).digest('hex'),
    });
    const connect = connectorFor(api.database);
    const forAlice = await withCaller(connect, {}, asUser(alice), (db) => searchKnowledge(db, localEmbedder, { q: 'Nullarbor water stops', limit: 2 }));
    expect(forAlice.data.map((r) => r.document.id)[0]).toBe(saved.nullarbor.id);
    expect(forAlice.data).toHaveLength(2);
    const forBob = await withCaller(connect, {}, asUser(bob), (db) => searchKnowledge(db, localEmbedder, { q: 'Nullarbor water stops' }));
    expect(forBob.data.map((r) => r.document.id)).not.toContain(saved.nullarbor.id);
  });

  test('a question the provider cannot embed in time is answered by words alone', async ({ api, alice }) => {
    await saveCorpus(api, alice);
    const slow = await startFakeEmbeddings();
    try {
      slow.script({ delayMs: 5_000, body: {} });
      const embedder = remoteEmbedder({ baseUrl: slow.url, apiKey: slow.apiKey, model: 'text-embedding-3-small' });
      const connect = connectorFor(api.database);
      const caller = {
        userId: alice.id,
        claims: { sub: alice.id, role: 'authenticated' as const, session_id: alice.sessionId, exp: Math.floor(Date.now() / 1000) + 600 },
        sessionKeyHash: createHash('sha256').update(alice.sessionId).digest('hex'),
      };
      const started = Date.now();
      const results = await withCaller(connect, {}, caller, (db) => searchKnowledge(db, embedder, { q: 'tyre pressure' }));
      expect(Date.now() - started).toBeLessThan(4_500);
      expect(results.mode).toBe('full_text');
      expect(results.data[0].document.title).toBe('Van maintenance');
    } finally {
      await slow.close();
    }
  });
});
