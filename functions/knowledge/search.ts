import { z } from '@hono/zod-openapi';
import { eq, inArray, sql } from 'drizzle-orm';
import { knowledgeChunks, userKnowledge } from '../../db/schema/index.ts';
import type { Database } from '../database/types.ts';
import { KnowledgeChunk, KnowledgeDocument } from './documents.ts';
import { type Embedder, vectorLiteral } from './embedder.ts';

/**
 * Search over the caller's knowledge and the shared knowledge, by meaning and by words at
 * once: each ranks the chunks on its own, and reciprocal rank fusion (RRF) merges the two
 * rankings, so a chunk near the top of both comes first, and one that only one of them
 * finds still gets in. Runs under the caller's claims: the policies keep everyone else's
 * chunks out, and narrow both rankings to the caller's few hundred rows before any
 * distance is computed (see the index choice in db/migrations/0014_knowledge.sql).
 *
 * When the question cannot be embedded (the provider is down or slow), the words alone
 * rank, and the answer says so (`mode: 'full_text'`).
 */

export const KnowledgeSearchQuery = z.object({
  q: z.string().trim().min(1).max(500).openapi({ description: 'The question or keywords; web search syntax ("quotes", -not, or)' }),
  limit: z.coerce.number().int().min(1).max(50).default(10).openapi({ description: 'Results, 1-50' }),
});
export type KnowledgeSearchInput = { q: string; limit?: number };

export const SearchMode = z
  .enum(['hybrid', 'full_text'])
  .openapi({ description: 'hybrid: meaning and words; full_text: words alone, because the question could not be embedded' });

export const KnowledgeSearchResult = z
  .object({
    score: z.number().openapi({ description: 'Reciprocal rank fusion: the sum of 1/(60 + rank) over the rankings that found the chunk' }),
    ranks: z.object({
      vector: z.number().int().nullable().openapi({ description: 'Rank by meaning (cosine similarity), from 1; null if not among its candidates' }),
      full_text: z.number().int().nullable().openapi({ description: 'Rank by words, from 1; null if the words do not match' }),
    }),
    chunk: KnowledgeChunk.pick({ id: true, position: true, content: true, embedding_status: true }),
    document: KnowledgeDocument.pick({
      id: true,
      title: true,
      is_shared: true,
      document_type: true,
      source_url: true,
      metadata: true,
      created_at: true,
      updated_at: true,
    }),
  })
  .openapi('KnowledgeSearchResult');
export type KnowledgeSearchResult = z.infer<typeof KnowledgeSearchResult>;

export const KnowledgeSearchResults = z
  .object({ query: z.string(), mode: SearchMode, data: z.array(KnowledgeSearchResult) })
  .openapi('KnowledgeSearchResults');
export type KnowledgeSearchResults = z.infer<typeof KnowledgeSearchResults>;

/** Cormack, Clarke & Büttcher's constant: damps the weight of the very top ranks so neither ranking dominates. */
const RRF_K = 60;
/** How deep each ranking goes before fusion. */
const CANDIDATES = 50;
/** A question is embedded while the user waits: past this, the words alone answer. */
const QUERY_EMBEDDING_TIMEOUT_MS = 3_000;

async function embedQuestion(embedder: Embedder, q: string): Promise<number[] | null> {
  try {
    const [vector] = await embedder.embed([q], { signal: AbortSignal.timeout(QUERY_EMBEDDING_TIMEOUT_MS) });
    return vector?.some((x) => x !== 0) ? vector : null;
  } catch {
    return null;
  }
}

interface Ranked {
  id: string;
  score: number;
  vector_rank: number | null;
  text_rank: number | null;
}

/**
 * The fused ranking, as chunk ids. Words: `websearch_to_tsquery` as typed ranks first the
 * chunks that match all of it, then (without a negation in the query) the ones that match
 * any of its words, by ts_rank_cd, so a question in plain words ("where did we get water on
 * the Nullarbor?") still finds the chunk that answers it. Meaning: cosine distance, among
 * vectors of the embedder's model; a chunk with nothing in common (distance 1 or more) is no
 * candidate.
 */
async function rank(db: Database, q: string, vector: number[] | null, model: string, limit: number): Promise<Ranked[]> {
  const literal = vector ? vectorLiteral(vector) : null;
  const result = await db.execute(sql`
    with query as materialized (
      -- Once per search, not once per row: parsing the loosened query is not free.
      select strict,
             case when strict::text like '%!%' then strict
                  else pg_catalog.replace(strict::text, ' & ', ' | ')::tsquery
             end as loose,
             vector
        from (select pg_catalog.websearch_to_tsquery('pg_catalog.english'::pg_catalog.regconfig, ${q}) as strict,
                     ${literal}::vector as vector) as typed
    ), nearest as (
      -- The distance once per row, in the target list (each use of the expression would
      -- read the vector again).
      select c.id, c.embedding <=> q.vector as distance
        from public.knowledge_chunks c
        join public.user_knowledge d on d.id = c.document_id
        cross join query q
       where q.vector is not null
         and d.is_active
         and c.embedding_model = ${model}
       order by distance, c.id
       limit ${CANDIDATES}
    ), by_vector as (
      select id, row_number() over (order by distance, id) as rank
        from nearest
       where distance < 1
    ), by_text as (
      select c.id,
             row_number() over (order by c.search_vector @@ q.strict desc, ts_rank_cd(c.search_vector, q.loose, 1) desc, c.id) as rank
        from public.knowledge_chunks c
        join public.user_knowledge d on d.id = c.document_id
        cross join query q
       where d.is_active and c.search_vector @@ q.loose
       order by rank
       limit ${CANDIDATES}
    ), ranked as (
      select id, rank, 'vector' as ranking from by_vector
      union all
      select id, rank, 'text' from by_text
    )
    select id,
           sum(1.0 / (${RRF_K} + rank))::float8 as score,
           min(rank) filter (where ranking = 'vector')::int as vector_rank,
           min(rank) filter (where ranking = 'text')::int as text_rank
      from ranked
     group by id
     order by score desc, least(min(rank) filter (where ranking = 'vector'), min(rank) filter (where ranking = 'text')), id
     limit ${limit}`);
  return (result as unknown as { rows: Ranked[] }).rows.map((row) => ({ ...row, score: Number(row.score) }));
}

/**
 * The chunks that best answer `q`, best first, each with its score and its document: what
 * GET /api/v1/knowledge/search returns and what PAM's knowledge tool calls.
 */
export async function searchKnowledge(db: Database, embedder: Embedder, { q, limit = 10 }: KnowledgeSearchInput): Promise<KnowledgeSearchResults> {
  const vector = await embedQuestion(embedder, q);
  const ranked = await rank(db, q, vector, embedder.model, Math.max(1, Math.min(limit, CANDIDATES)));
  const mode = vector ? 'hybrid' : 'full_text';
  if (ranked.length === 0) return { query: q, mode, data: [] };

  const rows = await db
    .select({
      chunk: {
        id: knowledgeChunks.id,
        position: knowledgeChunks.position,
        content: knowledgeChunks.content,
        embedding_status: knowledgeChunks.embedding_status,
      },
      document: {
        id: userKnowledge.id,
        title: userKnowledge.title,
        is_shared: userKnowledge.is_shared,
        document_type: userKnowledge.document_type,
        source_url: userKnowledge.source_url,
        metadata: userKnowledge.metadata,
        created_at: userKnowledge.created_at,
        updated_at: userKnowledge.updated_at,
      },
    })
    .from(knowledgeChunks)
    .innerJoin(userKnowledge, eq(userKnowledge.id, knowledgeChunks.document_id))
    .where(
      inArray(
        knowledgeChunks.id,
        ranked.map((r) => r.id),
      ),
    );
  const byId = new Map(rows.map((row) => [row.chunk.id, row]));
  const data = ranked.flatMap(({ id, score, vector_rank, text_rank }) => {
    const row = byId.get(id);
    return row ? [{ score, ranks: { vector: vector_rank, full_text: text_rank }, ...row }] : [];
  });
  return { query: q, mode, data };
}
