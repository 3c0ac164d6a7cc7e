import { z } from '@hono/zod-openapi';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { pamConversations, pamMessageFeedback, pamMessages } from '../../db/schema/index.ts';
import { listPage, PageQuery } from '../database/pagination.ts';
import { deleteOr404, findOr404 } from '../database/rows.ts';
import type { Database } from '../database/types.ts';
import { notFound } from '../errors.ts';
import { JsonObject, Timestamp, Uuid } from '../shapes.ts';

/** The user's conversations with PAM and their messages. Row-level security keeps them the user's own. */

export const Conversation = z
  .object({
    id: Uuid,
    user_id: Uuid,
    title: z.string().nullable().openapi({ description: 'Taken from the first message' }),
    context: JsonObject.nullable().openapi({ description: 'What the client said about where the user is in the app' }),
    message_count: z.number().int(),
    last_activity: Timestamp,
    is_active: z.boolean(),
    created_at: Timestamp,
  })
  .openapi('PamConversation');

export const MessageStatus = z.enum(['complete', 'failed', 'interrupted']);

export const Message = z
  .object({
    id: Uuid,
    conversation_id: Uuid,
    role: z.enum(['user', 'assistant', 'system']),
    content: z.string(),
    status: MessageStatus.openapi({
      description: "How the turn ended, on PAM's replies: `failed` (the provider failed), `interrupted` (a limit was reached)",
    }),
    client_message_id: z.string().nullable(),
    reply_to: Uuid.nullable().openapi({ description: "On PAM's replies: the message answered" }),
    metadata: JsonObject.nullable().openapi({
      description: 'On replies: model, token usage, latency_ms, time_to_first_token_ms, tool_calls',
    }),
    created_at: Timestamp,
  })
  .openapi('PamMessage');
export type Message = typeof pamMessages.$inferSelect;

export const ConversationWithMessages = Conversation.extend({ messages: z.array(Message) }).openapi(
  'PamConversationWithMessages',
);

export const ConversationInput = z
  .object({
    title: z.string().trim().min(1).max(200).optional(),
    context: JsonObject.optional().openapi({
      description: 'Where the user is in the app (screen, trip, vehicle, ...); PAM reads it with every turn',
      example: { screen: 'budgets', budget_id: '3f1c9a4e-8a63-4c1b-9f0e-2b7d6c5a4e10' },
    }),
  })
  .openapi('PamConversationCreate');
export type ConversationInput = z.infer<typeof ConversationInput>;

export const ConversationFilters = PageQuery;

/** A conversation's messages are bounded by what one reply should read back; the newest are kept. */
const MESSAGES_SHOWN = 500;

export const startConversation = async (db: Database, input: ConversationInput) => {
  const [conversation] = await db.insert(pamConversations).values(input).returning();
  return conversation;
};

export const listConversations = (db: Database, page: z.infer<typeof ConversationFilters>) =>
  listPage(db, pamConversations, [], page);

/** The conversation with its messages, oldest first. */
export async function getConversation(db: Database, id: string) {
  const conversation = await findOr404(db, pamConversations, id, 'conversation');
  const newestFirst = await db
    .select()
    .from(pamMessages)
    .where(eq(pamMessages.conversation_id, id))
    .orderBy(desc(pamMessages.created_at), desc(pamMessages.id))
    .limit(MESSAGES_SHOWN);
  return { ...conversation, messages: newestFirst.reverse() };
}

export const deleteConversation = (db: Database, id: string) => deleteOr404(db, pamConversations, id, 'conversation');

export const Feedback = z
  .object({
    id: Uuid,
    message_id: Uuid,
    user_id: Uuid,
    rating: z.enum(['up', 'down']),
    comment: z.string().nullable(),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .openapi('PamFeedback');

export const FeedbackInput = z
  .object({
    rating: z.enum(['up', 'down']),
    comment: z.string().trim().max(2000).nullable().optional(),
  })
  .openapi('PamFeedbackInput');
export type FeedbackInput = z.infer<typeof FeedbackInput>;

/** Thumbs up or down on one of PAM's replies; giving it again changes it. */
export async function rateReply(db: Database, messageId: string, input: FeedbackInput) {
  const [reply] = await db
    .select({ id: pamMessages.id })
    .from(pamMessages)
    .where(and(eq(pamMessages.id, messageId), eq(pamMessages.role, 'assistant')));
  if (!reply) throw notFound("reply of PAM's");
  const values = { message_id: messageId, rating: input.rating, comment: input.comment ?? null };
  const [feedback] = await db
    .insert(pamMessageFeedback)
    .values(values)
    .onConflictDoUpdate({
      target: [pamMessageFeedback.message_id, pamMessageFeedback.user_id],
      set: { rating: values.rating, comment: values.comment },
    })
    .returning();
  return feedback;
}

/** The turn a client message started, if it was sent before: the user message and, once written, PAM's reply. */
export async function findTurn(db: Database, conversationId: string, clientMessageId: string) {
  const rows = await db
    .select()
    .from(pamMessages)
    .where(
      sql`${pamMessages.conversation_id} = ${conversationId} and (${pamMessages.client_message_id} = ${clientMessageId}
          or ${pamMessages.reply_to} = (select m.id from public.pam_messages m
                                        where m.conversation_id = ${conversationId} and m.client_message_id = ${clientMessageId}))`,
    )
    .orderBy(asc(pamMessages.created_at));
  const question = rows.find((row) => row.role === 'user');
  if (!question) return null;
  return { question, reply: rows.find((row) => row.reply_to === question.id) ?? null };
}
