import { z } from '@hono/zod-openapi';
import { EMBEDDING_DIMENSIONS, type Embedder, EmbeddingsError, type EmbeddingsFailure } from './embedder.ts';

/**
 * A client of the OpenAI embeddings API, and of the many services that speak it
 * (Azure OpenAI, Ollama, vLLM, ...): `POST {base}/embeddings` with `{ model, input }`,
 * answered with `{ data: [{ index, embedding }], usage }`. Plain fetch, so it runs in
 * Workers as in Node. One call is one request; batching is the caller's business.
 */

export interface RemoteEmbedderConfig {
  /** Up to and including the version segment, e.g. https://api.openai.com/v1 */
  baseUrl: string;
  apiKey?: string;
  model: string;
  /** How long one request may take before it counts as failed. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export const DEFAULT_EMBEDDINGS_BASE_URL = 'https://api.openai.com/v1';
export const DEFAULT_EMBEDDINGS_MODEL = 'text-embedding-3-small';
const DEFAULT_TIMEOUT_MS = 20_000;

const EmbeddingsResponse = z.object({
  data: z.array(z.object({ index: z.number().int().min(0), embedding: z.array(z.number()) })),
});

function failureOfStatus(status: number): EmbeddingsFailure {
  if (status === 400 || status === 413 || status === 422) return 'rejected_input';
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 429) return 'rate_limited';
  return 'provider_error';
}

export function remoteEmbedder(config: RemoteEmbedderConfig): Embedder {
  const url = `${config.baseUrl.replace(/\/+$/, '')}/embeddings`;
  const send = config.fetch ?? fetch;
  // The text-embedding-3 models can shorten their vectors and are told the column's width;
  // other models are sent no `dimensions` (several servers refuse it) and checked instead.
  const dimensions = config.model.startsWith('text-embedding-3') ? { dimensions: EMBEDDING_DIMENSIONS } : {};
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (config.apiKey) headers.authorization = `Bearer ${config.apiKey}`;

  return {
    model: config.model,
    async embed(texts, options = {}) {
      if (texts.length === 0) return [];
      const timeout = AbortSignal.timeout(config.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
      let response: Response;
      try {
        response = await send(url, {
          method: 'POST',
          headers,
          body: JSON.stringify({ model: config.model, input: texts, ...dimensions }),
          signal,
        });
      } catch (error) {
        if (signal.aborted) throw new EmbeddingsError('timeout', 'the embeddings provider did not answer in time', { cause: error });
        throw new EmbeddingsError('unreachable', 'the embeddings provider could not be reached', { cause: error });
      }
      if (!response.ok) {
        await response.body?.cancel().catch(() => {});
        throw new EmbeddingsError(failureOfStatus(response.status), `the embeddings provider answered HTTP ${response.status}`);
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch (error) {
        if (signal.aborted) throw new EmbeddingsError('timeout', 'the embeddings provider did not answer in time', { cause: error });
        throw new EmbeddingsError('invalid_response', 'the embeddings provider answered with something other than JSON', { cause: error });
      }
      return vectorsIn(body, texts.length);
    },
  };
}

/** The vectors in input order (the API says to go by `index`, not by position), each checked. */
function vectorsIn(body: unknown, count: number): number[][] {
  const parsed = EmbeddingsResponse.safeParse(body);
  if (!parsed.success) throw new EmbeddingsError('invalid_response', 'the embeddings provider answered without a list of embeddings');
  const vectors = new Array<number[] | undefined>(count);
  for (const { index, embedding } of parsed.data.data) {
    if (index >= count || vectors[index]) {
      throw new EmbeddingsError('invalid_response', `the embeddings provider answered an unexpected index ${index}`);
    }
    if (embedding.length !== EMBEDDING_DIMENSIONS) {
      throw new EmbeddingsError(
        'invalid_response',
        `the embeddings provider answered vectors of ${embedding.length} dimensions; knowledge search stores ${EMBEDDING_DIMENSIONS}`,
      );
    }
    if (!embedding.some((x) => x !== 0) || !embedding.every(Number.isFinite)) {
      throw new EmbeddingsError('invalid_response', 'the embeddings provider answered a vector without a direction');
    }
    vectors[index] = embedding;
  }
  const missing = vectors.findIndex((vector) => vector === undefined);
  if (missing >= 0) throw new EmbeddingsError('invalid_response', `the embeddings provider answered no vector for input ${missing}`);
  return vectors as number[][];
}
