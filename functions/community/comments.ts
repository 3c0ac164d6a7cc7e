import { z } from '@hono/zod-openapi';
import { eq, getTableColumns, sql } from 'drizzle-orm';
import { comments, posts } from '../../db/schema/index.ts';
import { keysetPage, type Page, type PageQuery } from '../database/pagination.ts';
import { selectRows } from '../database/table-rows.ts';
import type { Database } from '../database/types.ts';
import { ApiError, notFound } from '../errors.ts';
import { Timestamp, Uuid } from '../shapes.ts';
import { flagContent } from './automated-flags.ts';
import { getPost } from './posts.ts';
import { takeRateLimit } from './rate-limits.ts';
import { communitySettings } from './settings.ts';

/**
 * Comments, threaded through parent_comment_id, on posts the caller can see and only
 * those. A reply's parent must be a comment on the same post that the caller can see
 * (the policy checks it). Removed and held comments, and those of users either side has
 * blocked, are hidden as posts are; their authors still see them.
 */

export const MAX_COMMENT_LENGTH = 4000;

export const Comment = z
  .object({
    id: Uuid,
    post_id: Uuid,
    author_id: Uuid,
    parent_comment_id: Uuid.nullable(),
    content: z.string(),
    like_count: z.number().int(),
    is_active: z.boolean().openapi({ description: 'False once moderation removed the comment; only its author still sees it' }),
    hidden_at: Timestamp.nullable().openapi({ description: 'Set while enough reports await review' }),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .openapi('Comment');

export const CommentInput = z
  .object({
    content: z.string().trim().min(1).max(MAX_COMMENT_LENGTH),
    parent_comment_id: Uuid.nullable().optional().openapi({ description: 'The comment this one answers, on the same post' }),
  })
  .openapi('CommentCreate');
export type CommentInput = z.infer<typeof CommentInput>;

export const CommentChanges = CommentInput.pick({ content: true }).partial().openapi('CommentUpdate');
export type CommentChanges = z.infer<typeof CommentChanges>;

const { automated_flags: _flags, ...commentColumns } = getTableColumns(comments);
export type Comment = Omit<typeof comments.$inferSelect, 'automated_flags'>;

/** Oldest first, as a conversation reads; 404 unless the caller can see the post. */
export async function listComments(db: Database, postId: string, page: PageQuery): Promise<Page<Comment>> {
  const { cursor, limit } = page;
  const where = [eq(comments.post_id, postId)];
  const under = { table: posts, id: postId, what: 'post' };
  return keysetPage<Comment>(db, comments, { columns: commentColumns, where, time: comments.created_at, key: comments.id, direction: 'asc', cursor, limit, under });
}

/** Limited per user (`community.rate_limit.comment`); flagged by the moderation rules as it is written. */
export async function addComment(db: Database, postId: string, input: CommentInput): Promise<Comment> {
  const settings = await communitySettings(db);
  await takeRateLimit(db, 'comment', settings);
  await getPost(db, postId);
  const automated_flags = await flagContent(db, { kind: 'comment', content: input.content }, settings.moderation_rules);
  const [comment] = await db
    .insert(comments)
    .values({ ...input, post_id: postId, automated_flags })
    .returning(commentColumns);
  return comment;
}

export async function getComment(db: Database, id: string): Promise<Comment> {
  const [comment] = await selectRows<Comment>(db, comments, { columns: commentColumns, rest: sql`where ${eq(comments.id, id)}` });
  if (!comment) throw notFound('comment');
  return comment.row;
}

/** The author alone; the new text is flagged afresh. */
export async function updateComment(db: Database, id: string, changes: CommentChanges): Promise<Comment> {
  const [comment] = await db
    .select({ mine: sql<boolean>`${comments.author_id} = auth.uid()` })
    .from(comments)
    .where(eq(comments.id, id));
  if (!comment) throw notFound('comment');
  if (!comment.mine) throw new ApiError('forbidden', 'Only its author edits a comment.');
  if (changes.content === undefined) return getComment(db, id);
  const settings = await communitySettings(db);
  const automated_flags = await flagContent(db, { kind: 'comment', id, content: changes.content }, settings.moderation_rules);
  const [updated] = await db
    .update(comments)
    .set({ content: changes.content, automated_flags })
    .where(eq(comments.id, id))
    .returning(commentColumns);
  return updated;
}

/** Its author, or a moderator or admin of the post's group; the replies go with it. */
export async function deleteComment(db: Database, id: string): Promise<void> {
  await getComment(db, id);
  const deleted = await db.delete(comments).where(eq(comments.id, id)).returning({ id: comments.id });
  if (deleted.length === 0) throw new ApiError('forbidden', "Only its author or the group's moderators delete a comment.");
}
