import { z } from '@hono/zod-openapi';
import { and, eq, sql } from 'drizzle-orm';
import { postLikes, posts } from '../../db/schema/index.ts';
import type { Database } from '../database/types.ts';
import { Uuid } from '../shapes.ts';
import { getPost } from './posts.ts';

/**
 * Likes: one per user and post, so liking twice is liking once, and like_count is the
 * database's (a trigger), exact however many like at once.
 */

export const LikeState = z
  .object({
    post_id: Uuid,
    liked: z.boolean(),
    like_count: z.number().int(),
  })
  .openapi('LikeState');
export type LikeState = z.infer<typeof LikeState>;

const mine = (postId: string) => and(eq(postLikes.post_id, postId), eq(postLikes.user_id, sql`auth.uid()`));

/** Likes a post the caller can see; liking it again changes nothing. */
export async function likePost(db: Database, postId: string): Promise<LikeState> {
  await getPost(db, postId);
  await db.insert(postLikes).values({ post_id: postId }).onConflictDoNothing();
  const [{ like_count }] = await db.select({ like_count: posts.like_count }).from(posts).where(eq(posts.id, postId));
  return { post_id: postId, liked: true, like_count };
}

/**
 * Takes the caller's like back; without one, changes nothing. It works on a post the
 * caller can no longer see (a like is the caller's own), and is a 404 only where there
 * is neither a visible post nor a like of theirs.
 */
export async function unlikePost(db: Database, postId: string): Promise<void> {
  const removed = await db.delete(postLikes).where(mine(postId)).returning({ post_id: postLikes.post_id });
  if (removed.length === 0) await getPost(db, postId);
}
