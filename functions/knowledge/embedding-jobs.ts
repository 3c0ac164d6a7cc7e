import { and, asc, eq, inArray, lte, ne, sql, type SQL } from 'drizzle-orm';
import { knowledgeChunks, userKnowledge } from '../../db/schema/index.ts';
import { withServiceRole } from '../database/transactions.ts';
import type { ConnectDatabase, Database, DatabaseConfig } from '../database/types.ts';
import { reasonOf } from '../errors.ts';
import { type Embedder, EmbeddingsError, vectorLiteral } from './embedder.ts';

/**
 * Embedding chunks is PAM's work, done off the request path as service_role: first right
 * after the request that saved a document has been answered (embedSavedDocuments, handed to
 * waitUntil), then by the scheduled job (embedPendingChunks) for whatever failed or was left.
 *
 * Failed attempts are retried with back-off (one minute, doubling, at most six hours apart)
 * and never given up on, so a provider outage delays embeddings without losing anything;
 * meanwhile full-text search finds the chunks. Every vector is written with the model that
 * made it, and chunks another model embedded are embedded again by the current one.
 */

export interface EmbeddingRunOptions {
  /** At most this many chunks in one run. */
  limit?: number;
  /** Texts per request to the provider. */
  batchSize?: number;
  /** Only these documents' chunks: the work a request hands on for what it saved. */
  documentIds?: string[];
  /** The run's clock (chunks due by then; failures scheduled from it). The database's by default. */
  now?: Date;
}

export interface EmbeddingRun {
  embedded: number;
  failed: number;
  /** Taken up by this run but not tried: the provider had failed before their turn. */
  deferred: number;
  /** More chunks were due than the run's limit: another run has work. */
  more_due: boolean;
  /** Why the run stopped early, when the provider failed in a way that says nothing about the texts. */
  stopped: string | null;
}

export const DEFAULT_RUN_LIMIT = 256;
/** Far below the API's 2,048 inputs and 300,000 tokens per request, with chunks of at most ~400 tokens. */
export const DEFAULT_BATCH_SIZE = 64;

interface DueChunk {
  id: string;
  title: string;
  content: string;
}

/** What the provider is given: the passage under its document's title, which it shares. */
const textOf = (chunk: DueChunk) => `${chunk.title}\n\n${chunk.content}`;

async function dueChunks(db: Database, embedder: Embedder, options: Required<Pick<EmbeddingRunOptions, 'limit'>> & EmbeddingRunOptions) {
  const clock = options.now ? sql`${options.now.toISOString()}::timestamptz` : sql`now()`;
  const ofDocuments = options.documentIds ? inArray(knowledgeChunks.document_id, options.documentIds) : undefined;
  const select = (condition: SQL | undefined, limit: number) =>
    db
      .select({ id: knowledgeChunks.id, title: userKnowledge.title, content: knowledgeChunks.content })
      .from(knowledgeChunks)
      .innerJoin(userKnowledge, eq(userKnowledge.id, knowledgeChunks.document_id))
      .where(and(condition, ofDocuments))
      .orderBy(asc(knowledgeChunks.next_attempt_at), asc(knowledgeChunks.document_id), asc(knowledgeChunks.position))
      .limit(limit);
  // One more than the limit tells whether work is left over.
  const waiting = await select(
    and(ne(knowledgeChunks.embedding_status, 'embedded'), lte(knowledgeChunks.next_attempt_at, clock)),
    options.limit + 1,
  );
  if (waiting.length > options.limit) return { chunks: waiting.slice(0, options.limit), more: true };
  const otherModel = await select(
    and(eq(knowledgeChunks.embedding_status, 'embedded'), ne(knowledgeChunks.embedding_model, embedder.model)),
    options.limit - waiting.length + 1,
  );
  const chunks = [...waiting, ...otherModel];
  return { chunks: chunks.slice(0, options.limit), more: chunks.length > options.limit };
}

interface Outcomes {
  vectors: { id: string; embedding: string }[];
  failures: { id: string; reason: string }[];
}

/**
 * Embeds one batch. When the provider refuses the texts themselves, halves the batch until
 * the refused ones are alone, so one bad chunk does not hold back the rest; any other
 * failure is the provider's, and is thrown to end the run.
 */
async function embedBatch(embedder: Embedder, batch: DueChunk[], outcomes: Outcomes): Promise<void> {
  try {
    const vectors = await embedder.embed(batch.map(textOf));
    batch.forEach((chunk, i) => outcomes.vectors.push({ id: chunk.id, embedding: vectorLiteral(vectors[i]) }));
  } catch (error) {
    if (!(error instanceof EmbeddingsError) || error.failure !== 'rejected_input') throw error;
    if (batch.length === 1) {
      outcomes.failures.push({ id: batch[0].id, reason: reasonOf(error, 500) });
      return;
    }
    const half = Math.ceil(batch.length / 2);
    await embedBatch(embedder, batch.slice(0, half), outcomes);
    await embedBatch(embedder, batch.slice(half), outcomes);
  }
}

/**
 * Embeds the chunks that are due, in batches, and records the outcome of each: its vector,
 * or the failure and when to try again. Writes everything at the end, so no row is locked
 * while the provider is working. Run it as service_role (the embedding columns are PAM's).
 */
export async function embedPendingChunks(db: Database, embedder: Embedder, options: EmbeddingRunOptions = {}): Promise<EmbeddingRun> {
  const limit = options.limit ?? DEFAULT_RUN_LIMIT;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const { chunks, more } = await dueChunks(db, embedder, { ...options, limit });
  const outcomes: Outcomes = { vectors: [], failures: [] };
  let stopped: string | null = null;
  let tried = 0;
  for (let start = 0; start < chunks.length && !stopped; start += batchSize) {
    const batch = chunks.slice(start, start + batchSize);
    tried += batch.length;
    try {
      await embedBatch(embedder, batch, outcomes);
    } catch (error) {
      stopped = reasonOf(error, 500);
      const settled = new Set([...outcomes.vectors, ...outcomes.failures].map((o) => o.id));
      for (const chunk of batch) if (!settled.has(chunk.id)) outcomes.failures.push({ id: chunk.id, reason: stopped });
    }
  }
  await recordOutcomes(db, embedder.model, outcomes, options.now);
  return {
    embedded: outcomes.vectors.length,
    failed: outcomes.failures.length,
    deferred: chunks.length - tried,
    more_due: more,
    stopped,
  };
}

async function recordOutcomes(db: Database, model: string, { vectors, failures }: Outcomes, now?: Date): Promise<void> {
  const clock = now ? sql`${now.toISOString()}::timestamptz` : sql`now()`;
  if (vectors.length > 0) {
    // A chunk deleted meanwhile (its document edited or removed) simply matches nothing.
    await db.execute(sql`
      update public.knowledge_chunks c
         set embedding = v.embedding::vector,
             embedding_model = ${model},
             embedding_status = 'embedded',
             embedded_at = ${clock},
             last_error = null
        from jsonb_to_recordset(${JSON.stringify(vectors)}::jsonb) as v(id uuid, embedding text)
       where c.id = v.id`);
  }
  if (failures.length > 0) {
    await db.execute(sql`
      update public.knowledge_chunks c
         set attempts = c.attempts + 1,
             embedding_status = 'failed',
             last_error = f.reason,
             next_attempt_at = ${clock}
               + least(interval '1 minute' * power(2, least(c.attempts, 9)), interval '6 hours')
        from jsonb_to_recordset(${JSON.stringify(failures)}::jsonb) as f(id uuid, reason text)
       where c.id = f.id`);
  }
}

/**
 * The work a request that saved documents hands to waitUntil, once its transaction has
 * committed: embed those documents' chunks now, on a connection of its own. Never rejects:
 * whatever it could not do stays due for embedPendingChunks, and is logged.
 */
export async function embedSavedDocuments(work: {
  connect: ConnectDatabase;
  config: DatabaseConfig;
  embedder: Embedder;
  documentIds: string[];
}): Promise<EmbeddingRun | null> {
  try {
    const run = await withServiceRole(work.connect, work.config, (db) =>
      embedPendingChunks(db, work.embedder, { documentIds: work.documentIds }),
    );
    if (run.failed > 0 || run.deferred > 0 || run.more_due) {
      console.warn(JSON.stringify({ event: 'knowledge_embedding_incomplete', document_ids: work.documentIds, ...run }));
    }
    return run;
  } catch (error) {
    console.error(JSON.stringify({ event: 'knowledge_embedding_failed', document_ids: work.documentIds, error: reasonOf(error) }));
    return null;
  }
}
