import { describe, expect, it } from 'vitest';
import { estimateTokens } from '../tokens.ts';
import { chunkText, DEFAULT_CHUNKING } from './chunking.ts';

const sentence = (n: number) => `Stop ${n} on the Nullarbor has water for travellers who ask at the roadhouse counter.`;
const paragraph = (from: number, sentences: number) => Array.from({ length: sentences }, (_, i) => sentence(from + i)).join(' ');

describe('estimateTokens', () => {
  it('counts words by length, punctuation and ideographs one each', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens('water')).toBe(2);
    expect(estimateTokens('a b c')).toBe(3);
    expect(estimateTokens('stop, please!')).toBe(1 + 1 + 2 + 1);
    expect(estimateTokens('東京駅')).toBe(3);
  });
});

describe('chunkText', () => {
  it('keeps a short text whole, trimmed, as one chunk', () => {
    const chunks = chunkText('  Balladonia: water 24/7.\n\nCaiguna: rainwater tank.  ');
    expect(chunks).toEqual([
      { position: 0, content: 'Balladonia: water 24/7.\n\nCaiguna: rainwater tank.', token_count: expect.any(Number) },
    ]);
  });

  it('gives no chunks for whitespace', () => {
    expect(chunkText(' \n\n \t ')).toEqual([]);
  });

  it('packs whole paragraphs into chunks within the budget, in order, repeating the end of the previous chunk', () => {
    const paragraphs = Array.from({ length: 12 }, (_, i) => paragraph(i * 10, 4));
    const chunks = chunkText(paragraphs.join('\n\n'), { maxTokens: 200, overlapTokens: 30 });
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.map((c) => c.position)).toEqual(chunks.map((_, i) => i));
    for (const chunk of chunks) {
      expect(chunk.token_count).toBe(estimateTokens(chunk.content));
      expect(chunk.token_count).toBeLessThanOrEqual(200);
    }
    // Every paragraph is in some chunk whole, and the chunks cover them in order.
    let last = -1;
    for (const p of paragraphs) {
      const at = chunks.findIndex((c) => c.content.includes(p));
      expect(at).toBeGreaterThanOrEqual(last);
      last = at;
    }
    // Each chunk after the first starts with the last sentence of the one before, no more than the overlap.
    for (let i = 1; i < chunks.length; i++) {
      const previousSentences = chunks[i - 1].content.split(/(?<=\.)\s+/);
      const repeated = previousSentences.at(-1)!;
      expect(chunks[i].content.startsWith(repeated)).toBe(true);
      expect(estimateTokens(repeated)).toBeLessThanOrEqual(30);
    }
  });

  it('cuts a paragraph that does not fit at sentence ends', () => {
    const long = paragraph(0, 40);
    const chunks = chunkText(long, { maxTokens: 120, overlapTokens: 30 });
    expect(chunks.length).toBeGreaterThan(5);
    for (const chunk of chunks) {
      expect(chunk.token_count).toBeLessThanOrEqual(120);
      expect(chunk.content).toMatch(/^Stop \d+ .*\.$/s);
    }
    for (let n = 0; n < 40; n++) expect(chunks.some((c) => c.content.includes(sentence(n)))).toBe(true);
  });

  it('cuts a long list at its lines and keeps the line breaks', () => {
    const list = Array.from({ length: 60 }, (_, i) => `- Campsite ${i}: free, toilets, no water, 4WD only`).join('\n');
    const chunks = chunkText(`Sam's campsites\n\n${list}`, { maxTokens: 100, overlapTokens: 15 });
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks[1].content.split('\n').length).toBeGreaterThan(3);
    for (let i = 0; i < 60; i++) expect(chunks.some((c) => c.content.includes(`- Campsite ${i}: free`))).toBe(true);
  });

  it('cuts a sentence without ends at word boundaries, and a word longer than the budget by characters', () => {
    const words = Array.from({ length: 500 }, (_, i) => `word${i}`).join(' ');
    const blob = 'x'.repeat(5_000);
    const chunks = chunkText(`${words}\n\n${blob}`, { maxTokens: 80, overlapTokens: 10 });
    for (const chunk of chunks) expect(chunk.token_count).toBeLessThanOrEqual(80);
    expect(chunks.map((c) => c.content).join(' ')).toContain('word0 word1');
    expect(chunks.some((c) => c.content.includes('word499'))).toBe(true);
    expect(chunks.filter((c) => /^x+$/.test(c.content)).reduce((n, c) => n + c.content.length, 0)).toBeGreaterThanOrEqual(5_000);
  });

  it('is deterministic and uses the default budget', () => {
    const text = Array.from({ length: 30 }, (_, i) => paragraph(i * 5, 5)).join('\n\n');
    const chunks = chunkText(text);
    expect(chunkText(text)).toEqual(chunks);
    expect(Math.max(...chunks.map((c) => c.token_count))).toBeLessThanOrEqual(DEFAULT_CHUNKING.maxTokens);
    expect(chunks.length).toBeGreaterThan(1);
  });

  it('repeats the last words of a sentence longer than the overlap', () => {
    const chunks = chunkText(paragraph(0, 12), { maxTokens: 100, overlapTokens: 10 });
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks[1].content).toMatch(/^who ask at the roadhouse counter\. Stop \d/);
  });

  it('reads Windows line endings as paragraphs', () => {
    const chunks = chunkText(`${paragraph(0, 10)}\r\n\r\n${paragraph(100, 10)}`, { maxTokens: 250, overlapTokens: 0 });
    expect(chunks.map((c) => c.content)).toEqual([paragraph(0, 10), paragraph(100, 10)]);
  });
});
