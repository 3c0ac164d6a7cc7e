import { z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { userBlocks } from '../../db/schema/index.ts';
import { postgresErrorOf } from '../database/errors.ts';
import { keysetPage, type Page, type PageQuery } from '../database/pagination.ts';
import type { Database } from '../database/types.ts';
import { ApiError, notFound } from '../errors.ts';
import { Timestamp, Uuid } from '../shapes.ts';

/**
 * Blocks. A block hides the blocked user's posts and comments from the blocker, and the
 * blocker's from the blocked user, everywhere: the policies apply it, so the feed, groups,
 * comments and search all follow. Only the blocker knows of a block.
 */

export const Block = z
  .object({
    blocker_id: Uuid,
    blocked_id: Uuid,
    created_at: Timestamp,
  })
  .openapi('UserBlock');
export type Block = typeof userBlocks.$inferSelect;

/** Blocking someone already blocked changes nothing. 404 for a user that does not exist. */
export async function blockUser(db: Database, userId: string): Promise<Block> {
  try {
    const [created] = await db.insert(userBlocks).values({ blocked_id: userId }).onConflictDoNothing().returning();
    if (created) return created;
  } catch (error) {
    const code = postgresErrorOf(error)?.code;
    if (code === '23503') throw notFound('user');
    if (code === '23514') throw new ApiError('validation_failed', 'You cannot block yourself.');
    throw error;
  }
  const [existing] = await db.select().from(userBlocks).where(eq(userBlocks.blocked_id, userId));
  return existing;
}

/** Lifting a block that is not there changes nothing. */
export async function unblockUser(db: Database, userId: string): Promise<void> {
  await db.delete(userBlocks).where(eq(userBlocks.blocked_id, userId));
}

/** The caller's blocks, newest first. */
export async function listBlocks(db: Database, page: PageQuery): Promise<Page<Block>> {
  const { cursor, limit } = page;
  return keysetPage(db, userBlocks, { where: [], time: userBlocks.created_at, key: userBlocks.blocked_id, direction: 'desc', cursor, limit });
}
