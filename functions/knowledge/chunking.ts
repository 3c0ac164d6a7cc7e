/**
 * Cutting a document into the passages search ranks and PAM quotes. A chunk is made of
 * whole paragraphs while they fit the token budget; a paragraph that does not fit is cut
 * at sentence ends (and line breaks, which is how lists arrive), and a sentence that does
 * not fit either at word boundaries. Each chunk after the first starts with the last
 * sentences of the one before (the overlap), so a fact that straddles a boundary is whole
 * in at least one chunk. Pure and deterministic: the same text always gives the same chunks.
 */
import { estimateTokens } from '../tokens.ts';

export interface ChunkingOptions {
  /** Upper bound of a chunk's estimated tokens. */
  maxTokens: number;
  /** Upper bound of the estimated tokens a chunk repeats from the one before. */
  overlapTokens: number;
}

/**
 * Small enough that one chunk is about one thing (a search result should be the passage
 * that answers, not the whole article), large enough to keep a paragraph with its context.
 * Far below text-embedding-3-small's limit of 8,191 tokens per input, so the estimate's
 * error never matters to the provider.
 */
export const DEFAULT_CHUNKING: ChunkingOptions = { maxTokens: 400, overlapTokens: 60 };

export interface Chunk {
  position: number;
  content: string;
  token_count: number;
}

/** A piece of the text no larger than the budget, and where it came from. */
interface Unit {
  text: string;
  tokens: number;
  paragraph: number;
  /** What separated it from the piece before it in the same paragraph: a space or a line break. */
  glue: ' ' | '\n';
}

// A sentence ends at . ! ? or … (with any closing quotes or brackets) followed by space;
// a line break inside a paragraph also ends one (list items rarely end with a full stop).
const SENTENCE_END = /(?<=[.!?…]["'”’)\]]*)[^\S\n]+|\s*\n\s*/gu;

function sentencesOf(paragraph: string): { text: string; glue: ' ' | '\n' }[] {
  const sentences: { text: string; glue: ' ' | '\n' }[] = [];
  let start = 0;
  let glue: ' ' | '\n' = ' ';
  for (const boundary of paragraph.matchAll(SENTENCE_END)) {
    const text = paragraph.slice(start, boundary.index).trim();
    if (text) sentences.push({ text, glue });
    glue = boundary[0].includes('\n') ? '\n' : ' ';
    start = boundary.index + boundary[0].length;
  }
  const rest = paragraph.slice(start).trim();
  if (rest) sentences.push({ text: rest, glue });
  return sentences;
}

/** Consecutive words, each run within `budget` tokens; a single word beyond it is cut by characters. */
function wordRuns(text: string, budget: number): string[] {
  const runs: string[] = [];
  let run: string[] = [];
  let runTokens = 0;
  const flush = () => {
    if (run.length) runs.push(run.join(' '));
    run = [];
    runTokens = 0;
  };
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const tokens = estimateTokens(word);
    if (tokens > budget) {
      flush();
      runs.push(...cutWord(word, budget));
      continue;
    }
    if (runTokens + tokens > budget) flush();
    run.push(word);
    runTokens += tokens;
  }
  flush();
  return runs;
}

function cutWord(word: string, budget: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const character of word) {
    if (piece && estimateTokens(piece + character) > budget) {
      pieces.push(piece);
      piece = '';
    }
    piece += character;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

function unitsOf(text: string, maxTokens: number): Unit[] {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[^\S\n]*\n\s*/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
  const units: Unit[] = [];
  paragraphs.forEach((paragraph, index) => {
    const tokens = estimateTokens(paragraph);
    if (tokens <= maxTokens) {
      units.push({ text: paragraph, tokens, paragraph: index, glue: ' ' });
      return;
    }
    for (const sentence of sentencesOf(paragraph)) {
      const runs = wordRuns(sentence.text, maxTokens);
      runs.forEach((run, i) =>
        units.push({ text: run, tokens: estimateTokens(run), paragraph: index, glue: i === 0 ? sentence.glue : ' ' }),
      );
    }
  });
  return units;
}

function joined(units: Unit[]): string {
  return units
    .map((unit, i) => {
      if (i === 0) return unit.text;
      const separator = units[i - 1].paragraph === unit.paragraph ? unit.glue : '\n\n';
      return separator + unit.text;
    })
    .join('');
}

const tokensOf = (units: Unit[]) => units.reduce((sum, unit) => sum + unit.tokens, 0);

/**
 * The end of a chunk that the next one repeats: its last sentences, as many as fit
 * `budget`, or the last words of its last sentence when even that is too long.
 */
function overlapAfter(chunk: Unit[], budget: number): Unit[] {
  if (budget <= 0) return [];
  const tail: Unit[] = [];
  let tokens = 0;
  for (let i = chunk.length - 1; i >= 0; i--) {
    const unit = chunk[i];
    const sentences = sentencesOf(unit.text).map((s, j) => ({
      text: s.text,
      tokens: estimateTokens(s.text),
      paragraph: unit.paragraph,
      glue: j === 0 ? unit.glue : s.glue,
    }));
    for (let j = sentences.length - 1; j >= 0; j--) {
      const sentence = sentences[j];
      if (tokens + sentence.tokens > budget) {
        if (tail.length === 0) return [lastWords(sentence, budget)].filter((u) => u.tokens > 0);
        return tail;
      }
      tail.unshift(sentence);
      tokens += sentence.tokens;
    }
  }
  return tail;
}

function lastWords(unit: Unit, budget: number): Unit {
  const words = unit.text.split(/\s+/);
  const kept: string[] = [];
  let tokens = 0;
  for (let i = words.length - 1; i >= 0; i--) {
    const cost = estimateTokens(words[i]);
    if (tokens + cost > budget) break;
    kept.unshift(words[i]);
    tokens += cost;
  }
  return { ...unit, text: kept.join(' '), tokens };
}

/** The chunks of `text`, in order; none for text that is only whitespace. */
export function chunkText(text: string, options: ChunkingOptions = DEFAULT_CHUNKING): Chunk[] {
  const { maxTokens, overlapTokens } = options;
  const groups: Unit[][] = [];
  let current: Unit[] = [];
  let fresh = 0;
  for (const unit of unitsOf(text, maxTokens)) {
    if (fresh > 0 && tokensOf(current) + unit.tokens > maxTokens) {
      groups.push(current);
      current = overlapAfter(current, Math.min(overlapTokens, maxTokens - unit.tokens));
      fresh = 0;
    }
    current.push(unit);
    fresh++;
  }
  if (fresh > 0) groups.push(current);
  return groups.map((units, position) => {
    const content = joined(units);
    return { position, content, token_count: estimateTokens(content) };
  });
}
