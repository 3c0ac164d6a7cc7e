import type { Embedder } from './embedder.ts';
import { localEmbedder } from './local-embedder.ts';
import { DEFAULT_EMBEDDINGS_BASE_URL, DEFAULT_EMBEDDINGS_MODEL, remoteEmbedder } from './remote-embedder.ts';

export interface EmbeddingsConfig {
  EMBEDDINGS_API_KEY?: string;
  EMBEDDINGS_BASE_URL?: string;
  EMBEDDINGS_MODEL?: string;
}

/**
 * The provider when one is configured (a key, or the address of a server that needs none);
 * otherwise the local embedder, so a fresh `npm run dev` and the tests search offline.
 * Mind what that means: the local embedder is lexical, not semantic. It relates texts that
 * share words or parts of words, not texts that mean the same in other words, so search
 * quality without a provider is full-text search with fuzzier matching, no more.
 */
export function embedderFromEnv(env: EmbeddingsConfig): Embedder {
  if (!env.EMBEDDINGS_API_KEY && !env.EMBEDDINGS_BASE_URL) return localEmbedder;
  return remoteEmbedder({
    baseUrl: env.EMBEDDINGS_BASE_URL || DEFAULT_EMBEDDINGS_BASE_URL,
    apiKey: env.EMBEDDINGS_API_KEY || undefined,
    model: env.EMBEDDINGS_MODEL || DEFAULT_EMBEDDINGS_MODEL,
  });
}
