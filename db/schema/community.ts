import { type AnyPgColumn, boolean, integer, jsonb, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { profiles } from './accounts.ts';
import { currentUserId, jsonObject, now, timestamptz } from './column-types.ts';

/** One finding of the moderation rules (functions/community/automated-flags.ts). */
export interface AutomatedFlagRow {
  rule: string;
  severity: 'low' | 'high';
  detail: string;
}

const automatedFlags = () => jsonb().$type<AutomatedFlagRow[]>().notNull().default([]);

export const socialGroups = pgTable('social_groups', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  description: text(),
  category: text(),
  privacy_level: text({ enum: ['public', 'private', 'invite_only'] })
    .notNull()
    .default('public'),
  group_image_url: text(),
  location: jsonObject(),
  /** Active members; kept by the membership trigger. */
  member_count: integer().notNull().default(0),
  creator_id: uuid()
    .default(currentUserId)
    .references(() => profiles.id, { onDelete: 'set null' }),
  is_active: boolean().notNull().default(true),
  created_at: timestamptz().notNull().default(now),
  updated_at: timestamptz().notNull().default(now),
});

export const groupMemberships = pgTable(
  'group_memberships',
  {
    id: uuid().primaryKey().defaultRandom(),
    group_id: uuid()
      .notNull()
      .references(() => socialGroups.id, { onDelete: 'cascade' }),
    user_id: uuid()
      .notNull()
      .default(currentUserId)
      .references(() => profiles.id, { onDelete: 'cascade' }),
    role: text({ enum: ['member', 'moderator', 'admin'] })
      .notNull()
      .default('member'),
    joined_at: timestamptz().notNull().default(now),
    is_active: boolean().notNull().default(true),
  },
  (t) => [unique('group_memberships_group_id_user_id_key').on(t.group_id, t.user_id)],
);

export const posts = pgTable('posts', {
  id: uuid().primaryKey().defaultRandom(),
  author_id: uuid()
    .notNull()
    .default(currentUserId)
    .references(() => profiles.id, { onDelete: 'cascade' }),
  group_id: uuid().references(() => socialGroups.id, { onDelete: 'cascade' }),
  title: text(),
  content: text().notNull(),
  post_type: text({ enum: ['text', 'image', 'link', 'poll', 'event'] })
    .notNull()
    .default('text'),
  media_urls: text().array(),
  metadata: jsonObject(),
  visibility: text({ enum: ['public', 'group', 'private'] })
    .notNull()
    .default('group'),
  /** Kept by the post_likes trigger. */
  like_count: integer().notNull().default(0),
  /** Kept by the comments trigger. */
  comment_count: integer().notNull().default(0),
  is_pinned: boolean().notNull().default(false),
  /** False once moderation removed the post; only its author and administrators still see it. */
  is_active: boolean().notNull().default(true),
  created_at: timestamptz().notNull().default(now),
  updated_at: timestamptz().notNull().default(now),
  /** Set while enough reports are pending; kept by the report triggers. */
  hidden_at: timestamptz(),
  /** What the moderation rules found when the post was written or edited. */
  automated_flags: automatedFlags(),
});

/** One row per user and liked post, so a like is idempotent and like_count exact. */
export const postLikes = pgTable(
  'post_likes',
  {
    post_id: uuid()
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    user_id: uuid()
      .notNull()
      .default(currentUserId)
      .references(() => profiles.id, { onDelete: 'cascade' }),
    created_at: timestamptz().notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.post_id, t.user_id] })],
);

export const comments = pgTable('comments', {
  id: uuid().primaryKey().defaultRandom(),
  post_id: uuid()
    .notNull()
    .references(() => posts.id, { onDelete: 'cascade' }),
  author_id: uuid()
    .notNull()
    .default(currentUserId)
    .references(() => profiles.id, { onDelete: 'cascade' }),
  parent_comment_id: uuid().references((): AnyPgColumn => comments.id, { onDelete: 'cascade' }),
  content: text().notNull(),
  like_count: integer().notNull().default(0),
  is_active: boolean().notNull().default(true),
  created_at: timestamptz().notNull().default(now),
  updated_at: timestamptz().notNull().default(now),
  hidden_at: timestamptz(),
  automated_flags: automatedFlags(),
});

/** Who blocked whom: each side's posts and comments are hidden from the other. */
export const userBlocks = pgTable(
  'user_blocks',
  {
    blocker_id: uuid()
      .notNull()
      .default(currentUserId)
      .references(() => profiles.id, { onDelete: 'cascade' }),
    blocked_id: uuid()
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    created_at: timestamptz().notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.blocker_id, t.blocked_id] })],
);

/** Reports of content, worked by administrators and, for their group's posts and comments, group moderators. */
export const contentModeration = pgTable('content_moderation', {
  id: uuid().primaryKey().defaultRandom(),
  content_type: text({ enum: ['post', 'comment', 'profile', 'group'] }).notNull(),
  content_id: uuid().notNull(),
  content_text: text(),
  author_id: uuid().references(() => profiles.id, { onDelete: 'set null' }),
  author_email: text(),
  reporter_id: uuid()
    .default(currentUserId)
    .references(() => profiles.id, { onDelete: 'set null' }),
  flagged_reason: text({
    enum: ['spam', 'harassment', 'hate', 'sexual', 'violence', 'illegal', 'scam', 'off_topic', 'other', 'automated'],
  }).notNull(),
  additional_context: text(),
  status: text({ enum: ['pending', 'approved', 'rejected', 'removed'] })
    .notNull()
    .default('pending'),
  moderator_id: uuid().references(() => profiles.id, { onDelete: 'set null' }),
  moderator_notes: text(),
  automated_flags: jsonb().$type<AutomatedFlagRow[]>(),
  created_at: timestamptz().notNull().default(now),
  updated_at: timestamptz().notNull().default(now),
  /** The group whose moderators may act on it: the group of the reported post or comment, or the group itself. */
  group_id: uuid().references(() => socialGroups.id, { onDelete: 'set null' }),
});

export type SocialGroup = typeof socialGroups.$inferSelect;
export type NewSocialGroup = typeof socialGroups.$inferInsert;
export type GroupMembership = typeof groupMemberships.$inferSelect;
export type NewGroupMembership = typeof groupMemberships.$inferInsert;
export type Post = typeof posts.$inferSelect;
export type NewPost = typeof posts.$inferInsert;
export type PostLike = typeof postLikes.$inferSelect;
export type NewPostLike = typeof postLikes.$inferInsert;
export type Comment = typeof comments.$inferSelect;
export type NewComment = typeof comments.$inferInsert;
export type UserBlock = typeof userBlocks.$inferSelect;
export type NewUserBlock = typeof userBlocks.$inferInsert;
export type ContentModeration = typeof contentModeration.$inferSelect;
export type NewContentModeration = typeof contentModeration.$inferInsert;
