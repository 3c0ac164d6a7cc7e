import { describe, expect, it } from 'vitest';
import { embedderFromEnv } from './configured-embedder.ts';
import { EMBEDDING_DIMENSIONS } from './embedder.ts';
import { embedLocally, LOCAL_EMBEDDING_MODEL, localEmbedder, stem } from './local-embedder.ts';

const cosine = (a: number[], b: number[]) => a.reduce((sum, x, i) => sum + x * b[i], 0);
const similarity = (a: string, b: string) => cosine(embedLocally(a), embedLocally(b));

describe('the local embedder', () => {
  it('makes unit vectors of the column width, the same for the same text', async () => {
    const [a, b] = await localEmbedder.embed(['Water at Caiguna', 'Water at Caiguna']);
    expect(a).toHaveLength(EMBEDDING_DIMENSIONS);
    expect(cosine(a, a)).toBeCloseTo(1, 10);
    expect(b).toEqual(a);
    expect(localEmbedder.model).toBe(LOCAL_EMBEDDING_MODEL);
  });

  it('relates texts by the words they share, whatever their case, accents and endings', () => {
    const note = 'Water stops on the Nullarbor: Balladonia sells water, Caiguna has a rainwater tank.';
    const question = 'What did my notes say about the Nullarbor water stop?';
    const unrelated = 'Tyre pressure 4.5 bar front and 4.8 bar rear when loaded.';
    expect(similarity(question, note)).toBeGreaterThan(0.3);
    expect(similarity(question, note)).toBeGreaterThan(similarity(question, unrelated) + 0.25);
    expect(similarity('CAFÉ in Nîmes', 'cafe in nimes')).toBeCloseTo(1, 10);
    expect(similarity('campsites', 'campsite')).toBeGreaterThan(0.8);
  });

  it('finds a misspelt name through the parts of words it shares', () => {
    const note = 'Cocklebiddy charges for showers.';
    expect(similarity('Cocklebidy', note)).toBeGreaterThan(0.2);
    expect(similarity('Cocklebidy', 'Fuel is dearest at Border Village.')).toBeLessThan(0.05);
  });

  it('is lexical, not semantic: the same meaning in other words is not near', () => {
    expect(similarity('drinking water', 'where to fill the tank')).toBeLessThan(0.1);
  });

  it('still gives a direction to a text of stop words or symbols only', () => {
    for (const text of ['what about the', '???']) {
      const vector = embedLocally(text);
      expect(cosine(vector, vector)).toBeCloseTo(1, 10);
    }
  });

  it('stems plural and third-person endings only', () => {
    expect(['stops', 'ferries', 'boxes', 'bus', 'glass', 'water'].map(stem)).toEqual(['stop', 'ferry', 'box', 'bus', 'glass', 'water']);
  });
});

describe('embedderFromEnv', () => {
  it('is the local embedder without a provider, and the provider with a key or an address', () => {
    expect(embedderFromEnv({})).toBe(localEmbedder);
    expect(embedderFromEnv({ EMBEDDINGS_API_KEY: 'sk-x' }).model).toBe('text-embedding-3-small');
    expect(embedderFromEnv({ EMBEDDINGS_BASE_URL: 'http://127.0.0.1:11434/v1', EMBEDDINGS_MODEL: 'nomic-embed-text' }).model).toBe(
      'nomic-embed-text',
    );
  });
});
