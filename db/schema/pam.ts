import { type AnyPgColumn, boolean, integer, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
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
  /** The client's own id for a message it sent: a retried send finds the first. */
  client_message_id: text(),
  /** On a reply: the user message it answers. */
  reply_to: uuid().references((): AnyPgColumn => pamMessages.id, { onDelete: 'cascade' }),
  status: text({ enum: ['complete', 'failed', 'interrupted'] }).notNull().default('complete'),
});

export const pamMessageFeedback = pgTable(
  'pam_message_feedback',
  {
    id: uuid().primaryKey().defaultRandom(),
    message_id: uuid()
      .notNull()
      .references(() => pamMessages.id, { onDelete: 'cascade' }),
    user_id: uuid()
      .notNull()
      .default(currentUserId)
      .references(() => profiles.id, { onDelete: 'cascade' }),
    rating: text({ enum: ['up', 'down'] }).notNull(),
    comment: text(),
    created_at: timestamptz().notNull().default(now),
    updated_at: timestamptz().notNull().default(now),
  },
  (table) => [unique().on(table.message_id, table.user_id)],
);

export const pamNotices = pgTable(
  'pam_notices',
  {
    id: uuid().primaryKey().defaultRandom(),
    user_id: uuid()
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    kind: text({ enum: ['todo_reminder', 'maintenance_due', 'budget_threshold'] }).notNull(),
    dedupe_key: text().notNull(),
    title: text().notNull(),
    body: text().notNull(),
    data: jsonObject().notNull().default({}),
    created_at: timestamptz().notNull().default(now),
    read_at: timestamptz(),
    mentioned_at: timestamptz(),
  },
  (table) => [unique().on(table.user_id, table.dedupe_key)],
);

/** A document of PAM's knowledge; its chunks are in ./knowledge.ts. */
export const userKnowledge = pgTable('user_knowledge', {
  id: uuid().primaryKey().defaultRandom(),
  /** Null for shared knowledge, which is_shared then says (a check keeps the two in step). */
  user_id: uuid()
    .default(currentUserId)
    .references(() => profiles.id, { onDelete: 'cascade' }),
  is_shared: boolean().notNull().default(false),
  title: text().notNull(),
  content: text().notNull(),
  document_type: text(),
  source_url: text(),
  metadata: jsonObject(),
  is_active: boolean().notNull().default(true),
  created_at: timestamptz().notNull().default(now),
  updated_at: timestamptz().notNull().default(now),
});

export type PamConversation = typeof pamConversations.$inferSelect;
export type NewPamConversation = typeof pamConversations.$inferInsert;
export type PamMessage = typeof pamMessages.$inferSelect;
export type NewPamMessage = typeof pamMessages.$inferInsert;
export type PamNotice = typeof pamNotices.$inferSelect;
export type UserKnowledge = typeof userKnowledge.$inferSelect;
export type NewUserKnowledge = typeof userKnowledge.$inferInsert;
