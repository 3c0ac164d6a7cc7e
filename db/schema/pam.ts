import { boolean, integer, pgTable, text, uuid, vector } from 'drizzle-orm/pg-core';
import { profiles } from './accounts.ts';
import { currentUserId, jsonObject, now, timestamptz } from './column-types.ts';

export const pamConversations = pgTable('pam_conversations', {
  id: uuid().primaryKey().defaultRandom(),
  user_id: uuid()
    .notNull()
    .default(currentUserId)
    .references(() => profiles.id, { onDelete: 'cascade' }),
  session_id: uuid().notNull().defaultRandom(),
  title: text(),
  context: jsonObject(),
  /** Kept by the message trigger, as is last_activity. */
  message_count: integer().notNull().default(0),
  last_activity: timestamptz().notNull().default(now),
  is_active: boolean().notNull().default(true),
  created_at: timestamptz().notNull().default(now),
});

export const pamMessages = pgTable('pam_messages', {
  id: uuid().primaryKey().defaultRandom(),
  conversation_id: uuid()
    .notNull()
    .references(() => pamConversations.id, { onDelete: 'cascade' }),
  role: text({ enum: ['user', 'assistant', 'system'] }).notNull(),
  content: text().notNull(),
  /** Token usage, tool calls, timings. */
  metadata: jsonObject(),
  created_at: timestamptz().notNull().default(now),
});

export const userKnowledge = pgTable('user_knowledge', {
  id: uuid().primaryKey().defaultRandom(),
  user_id: uuid()
    .notNull()
    .default(currentUserId)
    .references(() => profiles.id, { onDelete: 'cascade' }),
  title: text().notNull(),
  content: text().notNull(),
  document_type: text(),
  source_url: text(),
  embedding: vector({ dimensions: 1536 }),
  metadata: jsonObject(),
  is_active: boolean().notNull().default(true),
  created_at: timestamptz().notNull().default(now),
  updated_at: timestamptz().notNull().default(now),
});

export type PamConversation = typeof pamConversations.$inferSelect;
export type NewPamConversation = typeof pamConversations.$inferInsert;
export type PamMessage = typeof pamMessages.$inferSelect;
export type NewPamMessage = typeof pamMessages.$inferInsert;
export type UserKnowledge = typeof userKnowledge.$inferSelect;
export type NewUserKnowledge = typeof userKnowledge.$inferInsert;
