import { z } from '@hono/zod-openapi';
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { knowledgeChunks, userKnowledge } from '../../db/schema/index.ts';
import { listPage, type Page, PageQuery } from '../database/pagination.ts';
import { deleteOr404, findOr404, insertOne } from '../database/rows.ts';
import type { Database } from '../database/types.ts';
import { ApiError, notFound } from '../errors.ts';
import { JsonObject, QueryBoolean, Timestamp, Uuid } from '../shapes.ts';
import { chunkText } from './chunking.ts';

/**
 * What PAM knows for a user: their own documents, and the shared ones administrators
 * publish for everyone. Every function runs under the caller's claims; the policies decide
 * which documents those are. The user functions change only the caller's own documents;
 * the shared ones change only inside the admin scope, through the `...SharedKnowledge`
 * functions the admin routes call.
 *
 * Saving a title or content cuts the document into chunks again, in the same transaction;
 * the new chunks wait for their embeddings (embedding-jobs.ts), which are made after the
 * request has been answered. Until then full-text search already finds them.
 */

/** A long article fits; a book does not (cut it into chapters). */
export const MAX_CONTENT_LENGTH = 200_000;

const WHAT = 'knowledge document';

export const EmbeddingStatus = z
  .enum(['pending', 'embedded', 'failed'])
  .openapi({ description: 'pending: not embedded yet; embedded: searchable by meaning; failed: the last attempt failed and another is scheduled' });

export const KnowledgeChunk = z
  .object({
    id: Uuid,
    position: z.number().int().openapi({ description: 'Order within the document, from 0' }),
    content: z.string(),
    token_count: z.number().int().openapi({ description: 'Estimated tokens' }),
    embedding_status: EmbeddingStatus,
    embedding_model: z.string().nullable(),
    attempts: z.number().int().openapi({ description: 'Failed embedding attempts so far' }),
    next_attempt_at: Timestamp.openapi({ description: 'When a pending or failed chunk is tried (again)' }),
    last_error: z.string().nullable(),
    embedded_at: Timestamp.nullable(),
    created_at: Timestamp,
  })
  .openapi('KnowledgeChunk');
export type KnowledgeChunk = z.infer<typeof KnowledgeChunk>;

export const KnowledgeEmbedding = z
  .object({
    status: EmbeddingStatus.openapi({ description: 'failed if any chunk failed, else pending if any is pending, else embedded' }),
    chunks: z.number().int(),
    embedded: z.number().int(),
    pending: z.number().int(),
    failed: z.number().int(),
  })
  .openapi('KnowledgeEmbedding');
export type KnowledgeEmbedding = z.infer<typeof KnowledgeEmbedding>;

export const KnowledgeDocument = z
  .object({
    id: Uuid,
    user_id: Uuid.nullable().openapi({ description: 'Null for shared knowledge' }),
    is_shared: z.boolean().openapi({ description: 'Published by an administrator for everyone; read-only for users' }),
    title: z.string(),
    content: z.string(),
    document_type: z.string().nullable(),
    source_url: z.string().nullable(),
    metadata: JsonObject.nullable(),
    is_active: z.boolean().openapi({ description: 'Inactive documents are kept but not searched' }),
    created_at: Timestamp,
    updated_at: Timestamp,
    embedding: KnowledgeEmbedding,
  })
  .openapi('KnowledgeDocument');
export type KnowledgeDocument = z.infer<typeof KnowledgeDocument>;

export const KnowledgeDocumentWithChunks = KnowledgeDocument.extend({ chunks: z.array(KnowledgeChunk) }).openapi(
  'KnowledgeDocumentWithChunks',
);
export type KnowledgeDocumentWithChunks = z.infer<typeof KnowledgeDocumentWithChunks>;

/** What a caller may write; ids, owner, sharing and timestamps are the server's and are ignored. */
export const KnowledgeInput = z
  .object({
    title: z.string().trim().min(1).max(300),
    content: z.string().trim().min(1).max(MAX_CONTENT_LENGTH),
    document_type: z.string().trim().min(1).max(50).nullable().optional().openapi({ example: 'note' }),
    source_url: z.url({ protocol: /^https?$/ }).max(2000).nullable().optional(),
    metadata: JsonObject.optional(),
    is_active: z.boolean().optional(),
  })
  .openapi('KnowledgeCreate');
export type KnowledgeInput = z.infer<typeof KnowledgeInput>;

export const KnowledgeChanges = KnowledgeInput.partial().openapi('KnowledgeUpdate');
export type KnowledgeChanges = z.infer<typeof KnowledgeChanges>;

export const KnowledgeFilters = PageQuery.extend({
  shared: QueryBoolean.optional().openapi({ description: 'true: only shared knowledge; false: only your own; absent: both' }),
});
export type KnowledgeFilters = z.infer<typeof KnowledgeFilters>;

type DocumentRow = typeof userKnowledge.$inferSelect;
type ChunkRow = typeof knowledgeChunks.$inferSelect;

const chunkColumns = {
  id: knowledgeChunks.id,
  document_id: knowledgeChunks.document_id,
  position: knowledgeChunks.position,
  content: knowledgeChunks.content,
  token_count: knowledgeChunks.token_count,
  embedding_status: knowledgeChunks.embedding_status,
  embedding_model: knowledgeChunks.embedding_model,
  attempts: knowledgeChunks.attempts,
  next_attempt_at: knowledgeChunks.next_attempt_at,
  last_error: knowledgeChunks.last_error,
  embedded_at: knowledgeChunks.embedded_at,
  created_at: knowledgeChunks.created_at,
};

function summaryOf(statuses: ChunkRow['embedding_status'][]): KnowledgeEmbedding {
  const count = (status: ChunkRow['embedding_status']) => statuses.filter((s) => s === status).length;
  const [embedded, pending, failed] = [count('embedded'), count('pending'), count('failed')];
  const status = failed > 0 ? 'failed' : pending > 0 ? 'pending' : 'embedded';
  return { status, chunks: statuses.length, embedded, pending, failed };
}

/** The embedding state of each document's chunks, for a page of documents. */
async function embeddingOf(db: Database, documents: DocumentRow[]): Promise<KnowledgeDocument[]> {
  if (documents.length === 0) return [];
  const rows = await db
    .select({ document_id: knowledgeChunks.document_id, status: knowledgeChunks.embedding_status })
    .from(knowledgeChunks)
    .where(
      inArray(
        knowledgeChunks.document_id,
        documents.map((d) => d.id),
      ),
    );
  return documents.map((document) => ({
    ...document,
    embedding: summaryOf(rows.filter((row) => row.document_id === document.id).map((row) => row.status)),
  }));
}

async function withChunks(db: Database, document: DocumentRow): Promise<KnowledgeDocumentWithChunks> {
  const rows = await db
    .select(chunkColumns)
    .from(knowledgeChunks)
    .where(eq(knowledgeChunks.document_id, document.id))
    .orderBy(asc(knowledgeChunks.position));
  const chunks = rows.map(({ document_id: _, ...chunk }) => chunk);
  return { ...document, embedding: summaryOf(chunks.map((c) => c.embedding_status)), chunks };
}

/**
 * Replaces the document's chunks with the ones its current title and content cut into.
 * One statement for all of them; the database fills in each chunk's owner and full-text
 * vector from the document (a trigger), so only the passage and its place are sent.
 */
async function cutIntoChunks(db: Database, document: DocumentRow): Promise<void> {
  await db.delete(knowledgeChunks).where(eq(knowledgeChunks.document_id, document.id));
  const chunks = chunkText(document.content);
  await db.execute(sql`
    insert into public.knowledge_chunks (document_id, position, content, token_count)
    select ${document.id}::uuid, c.position, c.content, c.token_count
      from jsonb_to_recordset(${JSON.stringify(chunks)}::jsonb) as c(position integer, content text, token_count integer)`);
}

/** A document the caller can see but not change here is shared knowledge: say so rather than "not found". */
async function refusal(db: Database, id: string): Promise<ApiError> {
  const [visible] = await db
    .select({ is_shared: userKnowledge.is_shared })
    .from(userKnowledge)
    .where(eq(userKnowledge.id, id));
  if (visible?.is_shared) {
    return new ApiError('forbidden', 'Shared knowledge is published by administrators; it cannot be changed or deleted here.');
  }
  return notFound(WHAT);
}

const sharedOnly = eq(userKnowledge.is_shared, true);
const ownOnly = eq(userKnowledge.is_shared, false);

async function listDocuments(db: Database, conditions: (SQL | undefined)[], page: PageQuery): Promise<Page<KnowledgeDocument>> {
  const { data, next_cursor } = await listPage(db, userKnowledge, conditions, page);
  return { data: await embeddingOf(db, data), next_cursor };
}

async function findDocument(db: Database, id: string, also?: SQL) {
  return withChunks(db, await findOr404(db, userKnowledge, id, WHAT, also));
}

/**
 * Applies `changes` to a document the caller may change (`scope` narrows which), and cuts
 * it again when its title or content changed. The row is locked first, so concurrent edits
 * of one document are cut in the order they are saved.
 */
async function changeDocument(db: Database, id: string, changes: KnowledgeChanges, scope: SQL): Promise<KnowledgeDocumentWithChunks | null> {
  const [current] = await db
    .select()
    .from(userKnowledge)
    .where(and(eq(userKnowledge.id, id), scope))
    .for('update');
  if (!current) return null;
  if (Object.keys(changes).length === 0) return withChunks(db, current);
  const [updated] = await db.update(userKnowledge).set(changes).where(eq(userKnowledge.id, id)).returning();
  if (!updated) return null;
  if (updated.title !== current.title || updated.content !== current.content) await cutIntoChunks(db, updated);
  return withChunks(db, updated);
}

// The caller's own knowledge (and, to read, the shared knowledge).

/** Newest first, a page at a time: the caller's own documents and the shared ones, or either alone. */
export const listKnowledge = (db: Database, { shared, ...page }: KnowledgeFilters) =>
  listDocuments(db, [shared === undefined ? undefined : shared ? sharedOnly : ownOnly], page);

/** Saves a document and cuts it into chunks, which then wait for their embeddings. */
export async function createKnowledge(db: Database, input: KnowledgeInput): Promise<KnowledgeDocumentWithChunks> {
  const document = await insertOne(db, userKnowledge, { ...input, metadata: input.metadata ?? {} });
  await cutIntoChunks(db, document);
  return withChunks(db, document);
}

/** One of the caller's documents or a shared one, with its chunks and their embedding state. */
export const getKnowledge = (db: Database, id: string) => findDocument(db, id);

/** A new title or content replaces the chunks (and their embeddings); other changes keep them. */
export async function updateKnowledge(db: Database, id: string, changes: KnowledgeChanges): Promise<KnowledgeDocumentWithChunks> {
  const changed = await changeDocument(db, id, changes, ownOnly);
  if (!changed) throw await refusal(db, id);
  return changed;
}

/** Deletes the document and its chunks. */
export async function deleteKnowledge(db: Database, id: string): Promise<void> {
  const [deleted] = await db
    .delete(userKnowledge)
    .where(and(eq(userKnowledge.id, id), ownOnly))
    .returning({ id: userKnowledge.id });
  if (!deleted) throw await refusal(db, id);
}

// Shared knowledge, inside the admin scope (the /api/v1/admin routes).

export const listSharedKnowledge = (db: Database, page: PageQuery) => listDocuments(db, [sharedOnly], page);

/** Publishes a document every user's search includes and no user can change. */
export async function publishSharedKnowledge(db: Database, input: KnowledgeInput): Promise<KnowledgeDocumentWithChunks> {
  const document = await insertOne(db, userKnowledge, {
    ...input,
    metadata: input.metadata ?? {},
    user_id: null,
    is_shared: true,
  });
  await cutIntoChunks(db, document);
  return withChunks(db, document);
}

export const getSharedKnowledge = (db: Database, id: string) => findDocument(db, id, sharedOnly);

export async function updateSharedKnowledge(db: Database, id: string, changes: KnowledgeChanges): Promise<KnowledgeDocumentWithChunks> {
  const changed = await changeDocument(db, id, changes, sharedOnly);
  if (!changed) throw notFound(WHAT);
  return changed;
}

export const deleteSharedKnowledge = (db: Database, id: string) => deleteOr404(db, userKnowledge, id, WHAT, sharedOnly);
