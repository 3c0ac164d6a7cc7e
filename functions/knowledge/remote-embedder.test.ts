import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeEmbeddings, fakeEmbedding, startFakeEmbeddings } from '../../test/support/fake-embeddings.ts';
import { EmbeddingsError } from './embedder.ts';
import { remoteEmbedder } from './remote-embedder.ts';

let fake: FakeEmbeddings;
beforeAll(async () => {
  fake = await startFakeEmbeddings();
});
beforeEach(() => fake.reset());
afterAll(() => fake?.close());

const client = (overrides: Partial<Parameters<typeof remoteEmbedder>[0]> = {}) =>
  remoteEmbedder({ baseUrl: fake.url, apiKey: fake.apiKey, model: 'text-embedding-3-small', ...overrides });

async function failureOf(work: Promise<unknown>): Promise<EmbeddingsError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EmbeddingsError);
  return error as EmbeddingsError;
}

describe('the embeddings client', () => {
  it('speaks the API: one POST with the key, the model, the inputs and the dimensions', async () => {
    const vectors = await client({ baseUrl: `${fake.url}/` }).embed(['Water at Caiguna', 'Showers at Cocklebiddy']);
    expect(fake.requests).toEqual([
      {
        authorization: `Bearer ${fake.apiKey}`,
        model: 'text-embedding-3-small',
        input: ['Water at Caiguna', 'Showers at Cocklebiddy'],
        dimensions: 1536,
      },
    ]);
    expect(vectors).toEqual([fakeEmbedding('Water at Caiguna'), fakeEmbedding('Showers at Cocklebiddy')]);
  });

  it('puts the vectors in input order by their index, whatever order they arrive in', async () => {
    fake.reversed = true;
    const texts = ['one', 'two', 'three'];
    expect(await client().embed(texts)).toEqual(texts.map(fakeEmbedding));
  });

  it('sends no dimensions to models that do not take them, and asks nothing for no texts', async () => {
    await client({ model: 'nomic-embed-text' }).embed(['x']);
    expect(fake.requests[0]).toMatchObject({ model: 'nomic-embed-text', dimensions: undefined });
    expect(await client().embed([])).toEqual([]);
    expect(fake.requests).toHaveLength(1);
  });

  it.each([
    [400, 'rejected_input'],
    [413, 'rejected_input'],
    [401, 'unauthorized'],
    [429, 'rate_limited'],
    [500, 'provider_error'],
    [503, 'provider_error'],
  ] as const)('reads HTTP %i as %s, in words of its own', async (status, failure) => {
    fake.script({ status, body: { error: { message: `Incorrect API key provided: ${fake.apiKey}` } } });
    const error = await failureOf(client().embed(['x']));
    expect(error.failure).toBe(failure);
    expect(error.message).toBe(`the embeddings provider answered HTTP ${status}`);
  });

  it('is unauthorized without the key the provider wants', async () => {
    expect((await failureOf(client({ apiKey: undefined }).embed(['x']))).failure).toBe('unauthorized');
    expect(fake.requests[0].authorization).toBeUndefined();
  });

  it.each([
    ['not JSON', 'Service Unavailable'],
    ['no list', { object: 'list' }],
    ['too few vectors', { data: [] }],
    ['an index out of range', { data: [{ index: 3, embedding: fakeEmbedding('x') }] }],
    ['the wrong width', { data: [{ index: 0, embedding: [0.6, 0.8] }] }],
    ['a vector of zeros', { data: [{ index: 0, embedding: new Array(1536).fill(0) }] }],
  ])('refuses an answer with %s', async (_what, body) => {
    fake.script({ status: 200, body });
    expect((await failureOf(client().embed(['x']))).failure).toBe('invalid_response');
  });

  it('gives up on a provider that does not answer in time', async () => {
    fake.script({ delayMs: 2_000, body: {} });
    const started = Date.now();
    expect((await failureOf(client({ timeoutMs: 200 }).embed(['x']))).failure).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('tells an unreachable provider apart', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const error = await failureOf(client({ baseUrl: `http://127.0.0.1:${port}/v1` }).embed(['x']));
    expect(error.failure).toBe('unreachable');
  });
});
