/**
 * What turns text into vectors for knowledge search: a provider's embeddings API
 * (remote-embedder.ts) or the offline stand-in (local-embedder.ts); configured-embedder.ts
 * picks one from the environment.
 */

/** The width of knowledge_chunks.embedding: text-embedding-3-small's native size. */
export const EMBEDDING_DIMENSIONS = 1536;

export interface Embedder {
  /** Recorded with every vector it makes; search compares only vectors of the same model. */
  readonly model: string;
  /** One vector per text, in the order of `texts`, each of EMBEDDING_DIMENSIONS numbers. */
  embed(texts: string[], options?: { signal?: AbortSignal }): Promise<number[][]>;
}

/**
 * Why a provider could not embed. `rejected_input` means the texts themselves were refused
 * (trying them one by one finds the culprit); every other kind says nothing about the
 * texts, and trying again later is the remedy.
 */
export type EmbeddingsFailure =
  | 'rejected_input'
  | 'unauthorized'
  | 'rate_limited'
  | 'provider_error'
  | 'timeout'
  | 'unreachable'
  | 'invalid_response';

/** Its message is ours, never the provider's text (which may quote a key or the input). */
export class EmbeddingsError extends Error {
  constructor(
    readonly failure: EmbeddingsFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'EmbeddingsError';
  }
}

/** A vector as pgvector reads it. Nine significant digits hold every float4 exactly. */
export function vectorLiteral(vector: number[]): string {
  return `[${vector.map((x) => (x === 0 ? '0' : x.toPrecision(9))).join(',')}]`;
}
