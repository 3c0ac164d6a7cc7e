import { z } from '@hono/zod-openapi';
import { eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import { posts, socialGroups } from '../../db/schema/index.ts';
import { decodeKeysetCursor, exactTimestamp, keyPart } from '../database/keyset-cursor.ts';
import { keysetOrder, keysetPage, type Page, PageQuery, pageOf } from '../database/pagination.ts';
import { selectRows, whereClause } from '../database/table-rows.ts';
import type { Database } from '../database/types.ts';
import { ApiError, notFound } from '../errors.ts';
import { JsonObject, Timestamp, Uuid } from '../shapes.ts';
import { flagContent } from './automated-flags.ts';
import { takeRateLimit } from './rate-limits.ts';
import { communitySettings } from './settings.ts';

/**
 * Posts. Who reads one is the policy's call (private.can_read_post, migration 0016):
 * its author always; public posts outside a group or in a public group everyone; public
 * and group posts of a group its members; nothing that moderation removed, that reports
 * hold for review, or whose author and reader have blocked one another. Only members post
 * in a group; authors edit their posts; authors and the group's moderators delete them.
 */

export const MAX_POST_LENGTH = 10_000;

export const Visibility = z.enum(['public', 'group', 'private']).openapi({
  description: '`public`: everyone who may see the group (everyone, outside a group); `group`: its members; `private`: the author alone',
});
export const PostType = z.enum(['text', 'image', 'link', 'poll', 'event']);

export const Post = z
  .object({
    id: Uuid,
    author_id: Uuid,
    group_id: Uuid.nullable(),
    title: z.string().nullable(),
    content: z.string(),
    post_type: PostType,
    media_urls: z.array(z.string()).nullable(),
    metadata: JsonObject.nullable(),
    visibility: Visibility,
    like_count: z.number().int().openapi({ description: 'Kept by the database' }),
    comment_count: z.number().int().openapi({ description: 'Kept by the database' }),
    is_pinned: z.boolean(),
    is_active: z.boolean().openapi({ description: 'False once moderation removed the post; only its author still sees it' }),
    hidden_at: Timestamp.nullable().openapi({
      description: 'Set while enough reports await review; until then only its author sees the post',
    }),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .openapi('Post');

export const PostInput = z
  .object({
    group_id: Uuid.nullable().optional().openapi({ description: 'Post in a group the caller is a member of' }),
    title: z.string().trim().max(300).nullable().optional(),
    content: z.string().trim().min(1).max(MAX_POST_LENGTH),
    post_type: PostType.optional(),
    media_urls: z.array(z.url().max(2000)).max(20).nullable().optional(),
    metadata: JsonObject.nullable().optional(),
    visibility: Visibility.optional().openapi({ description: 'Default `group` in a group, `public` outside one' }),
  })
  .openapi('PostCreate');
export type PostInput = z.infer<typeof PostInput>;

export const PostChanges = PostInput.omit({ group_id: true }).partial().openapi('PostUpdate');
export type PostChanges = z.infer<typeof PostChanges>;

export const FeedQuery = PageQuery.extend({
  group_id: Uuid.optional(),
  author_id: Uuid.optional(),
  q: z
    .string()
    .max(200)
    .optional()
    .openapi({
      description:
        'Text search over post bodies (English stemming; "quoted phrases", `or` and `-excluded` words work as in web ' +
        'search engines). Results are ranked by relevance, then newest first. Blank means no search.',
    }),
});
export type FeedQuery = z.infer<typeof FeedQuery>;

/** Every column but the automated flags, which are for moderators (they reach them through the queue). */
const { automated_flags: _flags, ...shownColumns } = getTableColumns(posts);
export const postColumns = shownColumns;
export type Post = Omit<typeof posts.$inferSelect, 'automated_flags'>;

/**
 * The feed: every post the caller may read, newest first, narrowed to a group or an
 * author; with `q`, the posts matching it, most relevant first. The search runs with the
 * owner's rights to use its index and applies the policy's own rule (migrations 0020, 0022).
 */
export async function listFeed(db: Database, filters: FeedQuery): Promise<Page<Post>> {
  const conditions: (SQL | undefined)[] = [
    filters.group_id ? eq(posts.group_id, filters.group_id) : undefined,
    filters.author_id ? eq(posts.author_id, filters.author_id) : undefined,
  ];
  const text = filters.q?.trim() || null;
  if (!text) {
    const { cursor, limit } = filters;
    return keysetPage<Post>(db, posts, { columns: postColumns, where: conditions, time: posts.created_at, key: posts.id, direction: 'desc', cursor, limit });
  }
  if (filters.cursor) {
    const [rank, at, id] = decodeKeysetCursor(filters.cursor, [keyPart.real, keyPart.timestamp, keyPart.uuid]);
    conditions.push(sql`(match.rank, ${posts.created_at}, ${posts.id}) < (${rank}::real, ${at}::timestamptz, ${id}::uuid)`);
  }
  const rows = await selectRows<Post>(db, posts, {
    columns: postColumns,
    extra: sql`${exactTimestamp(posts.created_at)} as "page position", match.rank::text as "match rank"`,
    rest: sql`join private.search_posts(${text}) as match on match.post_id = ${posts.id}
      ${whereClause(conditions)}
      order by match.rank desc, ${keysetOrder(posts.created_at, posts.id, 'desc')} limit ${filters.limit + 1}`,
  });
  return pageOf(rows, filters.limit, (r) => r.row, (r) => [r.raw['match rank'] as string, r.raw['page position'] as string, r.row.id]);
}

export async function getPost(db: Database, id: string): Promise<Post> {
  const [post] = await selectRows<Post>(db, posts, { columns: postColumns, rest: sql`where ${eq(posts.id, id)}` });
  if (!post) throw notFound('post');
  return post.row;
}

/**
 * Limited per user (`community.rate_limit.post`). In a group the caller must be a member.
 * The moderation rules flag it as it is written; a high-severity flag queues it for review.
 */
export async function createPost(db: Database, input: PostInput): Promise<Post> {
  const settings = await communitySettings(db);
  await takeRateLimit(db, 'post', settings);
  const visibility = input.visibility ?? (input.group_id ? 'group' : 'public');
  if (visibility === 'group' && !input.group_id) throw groupVisibilityWithoutGroup();
  if (input.group_id) await requireMembership(db, input.group_id);
  const automated_flags = await flagContent(db, { kind: 'post', content: input.content, title: input.title }, settings.moderation_rules);
  const [post] = await db
    .insert(posts)
    .values({ ...input, visibility, automated_flags })
    .returning(postColumns);
  return post;
}

/** The author alone; an edited body is flagged afresh. */
export async function updatePost(db: Database, id: string, changes: PostChanges): Promise<Post> {
  const post = await postForChange(db, id);
  if (!post.mine) throw new ApiError('forbidden', 'Only its author edits a post.');
  if (Object.keys(changes).length === 0) return getPost(db, id);
  if (changes.visibility === 'group' && !post.group_id) throw groupVisibilityWithoutGroup();
  const rewritten = changes.content !== undefined || changes.title !== undefined;
  const automated_flags = rewritten
    ? await flagContent(
        db,
        { kind: 'post', id, content: changes.content ?? post.content, title: changes.title === undefined ? post.title : changes.title },
        (await communitySettings(db)).moderation_rules,
      )
    : undefined;
  const [updated] = await db
    .update(posts)
    .set({ ...changes, ...(automated_flags && { automated_flags }) })
    .where(eq(posts.id, id))
    .returning(postColumns);
  return updated;
}

/** Its author, or a moderator or admin of its group; its comments and likes go with it. */
export async function deletePost(db: Database, id: string): Promise<void> {
  await getPost(db, id);
  const deleted = await db.delete(posts).where(eq(posts.id, id)).returning({ id: posts.id });
  if (deleted.length === 0) throw new ApiError('forbidden', "Only its author or the group's moderators delete a post.");
}

async function postForChange(db: Database, id: string) {
  const [post] = await db
    .select({ mine: sql<boolean>`${posts.author_id} = auth.uid()`, group_id: posts.group_id, content: posts.content, title: posts.title })
    .from(posts)
    .where(eq(posts.id, id));
  if (!post) throw notFound('post');
  return post;
}

/** A group the caller cannot see is as unknown as one that does not exist; one they can see but have not joined is a 403. */
async function requireMembership(db: Database, groupId: string): Promise<void> {
  const [group] = await db
    .select({ member: sql<boolean>`private.is_group_member(${socialGroups.id})` })
    .from(socialGroups)
    .where(eq(socialGroups.id, groupId));
  if (!group) {
    throw new ApiError('invalid_reference', 'No such group.', { errors: [{ path: 'group_id', message: 'no such group' }] });
  }
  if (!group.member) throw new ApiError('forbidden', 'Only members post in a group: join it first.');
}

const groupVisibilityWithoutGroup = () =>
  new ApiError('validation_failed', 'A post shown to a group needs a group.', {
    errors: [{ path: 'visibility', message: '`group` needs a group_id' }],
  });
