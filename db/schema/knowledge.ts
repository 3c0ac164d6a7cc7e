import { customType, integer, pgTable, text, unique, uuid, vector } from 'drizzle-orm/pg-core';
import { now, timestamptz } from './column-types.ts';
import { userKnowledge } from './pam.ts';

/** A full-text vector. Written by the database (a trigger), read only through SQL functions, so its text form is enough. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** The passages of user_knowledge documents (db/migrations/0014_knowledge.sql). */
export const knowledgeChunks = pgTable(
  'knowledge_chunks',
  {
    id: uuid().primaryKey().defaultRandom(),
    document_id: uuid()
      .notNull()
      .references(() => userKnowledge.id, { onDelete: 'cascade' }),
    /** The document's owner (null when shared), set by the database from the document. */
    user_id: uuid(),
    position: integer().notNull(),
    content: text().notNull(),
    token_count: integer().notNull(),
    /** Set by the database from the document's title and this chunk's content. */
    search_vector: tsvector().notNull(),
    embedding: vector({ dimensions: 1536 }),
    embedding_model: text(),
    embedding_status: text({ enum: ['pending', 'embedded', 'failed'] }).notNull().default('pending'),
    attempts: integer().notNull().default(0),
    next_attempt_at: timestamptz().notNull().default(now),
    last_error: text(),
    embedded_at: timestamptz(),
    created_at: timestamptz().notNull().default(now),
  },
  (table) => [unique().on(table.document_id, table.position)],
);

export type KnowledgeChunkRow = typeof knowledgeChunks.$inferSelect;
