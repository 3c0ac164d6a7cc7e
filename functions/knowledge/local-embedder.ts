import { EMBEDDING_DIMENSIONS, type Embedder } from './embedder.ts';

/**
 * An embedder that needs nothing but this code: feature hashing of the words of a text
 * (lightly stemmed, stop words left out), of neighbouring word pairs and of each word's
 * character trigrams, into the same 1536 dimensions the provider's vectors have, scaled to
 * unit length. Texts that share words (or parts of words: "stops" and "stop", a misspelt
 * "Cocklebidy") point the same way.
 *
 * It is lexical, not semantic: "drinking water" and "where to fill the tank" share nothing
 * here, which a language model's embedding would relate. It exists so that the whole path
 * (save, chunk, embed, hybrid search) runs offline, in `npm run dev` and the tests, with
 * vectors in the very column the provider fills.
 */

/** Stored beside each vector: vectors of different models must never be compared. */
export const LOCAL_EMBEDDING_MODEL = 'pam-local-hashed-ngrams-v1';

const STOP_WORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing down during each few for from further had has have having ' +
    'he her here hers herself him himself his how i if in into is it its itself just me more most my myself no ' +
    'nor not of off on once only or other our ours ourselves out over own same she should so some such than that ' +
    'the their theirs them themselves then there these they this those through to too under until up very was we ' +
    'were what when where which while who whom why will with would you your yours yourself yourselves'
  ).split(' '),
);

const WORD_WEIGHT = 1;
const PAIR_WEIGHT = 0.5;
const TRIGRAM_WEIGHT = 0.2;

/** Lower case, accents dropped (NFKD, then the combining marks), split into runs of letters and digits. */
export function wordsOf(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** Plural and third-person endings only: enough for "stops" to meet "stop", and predictable. */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && /(?:ss|sh|ch|x|z)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** FNV-1a over UTF-16 code units, then murmur3's finaliser so every bit depends on every input bit. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function featuresOf(text: string): Map<string, number> {
  const features = new Map<string, number>();
  const add = (feature: string, weight: number) => features.set(feature, (features.get(feature) ?? 0) + weight);
  const words = wordsOf(text);
  const content = words.filter((word) => !STOP_WORDS.has(word));
  const kept = content.length > 0 ? content : words;
  kept.forEach((word, i) => {
    const stemmed = stem(word);
    add(`w:${stemmed}`, WORD_WEIGHT);
    if (i > 0) add(`p:${stem(kept[i - 1])} ${stemmed}`, PAIR_WEIGHT);
    const padded = `<${word}>`;
    for (let j = 0; j + 3 <= padded.length; j++) add(`t:${padded.slice(j, j + 3)}`, TRIGRAM_WEIGHT);
  });
  if (features.size === 0) {
    // Nothing but symbols: their trigrams still tell "???" from "!!!".
    const padded = `<${text.trim()}>`;
    for (let j = 0; j + 3 <= padded.length; j++) add(`t:${padded.slice(j, j + 3)}`, TRIGRAM_WEIGHT);
  }
  return features;
}

/** The unit vector of `text`. Signed hashing: a collision of two features cancels out on average instead of adding up. */
export function embedLocally(text: string, dimensions = EMBEDDING_DIMENSIONS): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (const [feature, weight] of featuresOf(text)) {
    const h = hash(feature);
    // Repeats count, but less and less: ten mentions of "water" are not ten times the topic.
    vector[h % dimensions] += (h & 0x80000000 ? -1 : 1) * Math.sqrt(weight);
  }
  let squares = 0;
  for (const x of vector) squares += x * x;
  const norm = Math.sqrt(squares);
  return norm > 0 ? vector.map((x) => x / norm) : vector;
}

export const localEmbedder: Embedder = {
  model: LOCAL_EMBEDDING_MODEL,
  async embed(texts) {
    return texts.map((text) => embedLocally(text));
  },
};
