import { z } from '@hono/zod-openapi';
import { eq, type SQL, sql } from 'drizzle-orm';
import { socialGroups } from '../../db/schema/index.ts';
import { listPage, type Page, PageQuery } from '../database/pagination.ts';
import { findOr404 } from '../database/rows.ts';
import type { Database } from '../database/types.ts';
import { ApiError } from '../errors.ts';
import { JsonObject, Timestamp, Uuid } from '../shapes.ts';
import { takeRateLimit } from './rate-limits.ts';
import { communitySettings } from './settings.ts';

/**
 * Groups. Who sees one is the policies' call: public groups to everyone signed in,
 * private and invite-only ones to their members (and their creator) only; to anyone
 * else such a group does not exist. The creator becomes its first admin (a trigger).
 */

export const PrivacyLevel = z.enum(['public', 'private', 'invite_only']);
export const GroupRole = z.enum(['member', 'moderator', 'admin']);
export type GroupRole = z.infer<typeof GroupRole>;

export const Group = z
  .object({
    id: Uuid,
    name: z.string(),
    description: z.string().nullable(),
    category: z.string().nullable(),
    privacy_level: PrivacyLevel,
    group_image_url: z.string().nullable(),
    location: JsonObject.nullable(),
    member_count: z.number().int().openapi({ description: 'Active members, kept by the database' }),
    creator_id: Uuid.nullable(),
    is_active: z.boolean().openapi({ description: 'False once moderation removed the group' }),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .openapi('Group');
export type Group = typeof socialGroups.$inferSelect;

export const GroupInput = z
  .object({
    name: z.string().trim().min(1).max(200),
    description: z.string().max(5000).nullable().optional(),
    category: z.string().trim().max(100).nullable().optional().openapi({ example: 'travel' }),
    privacy_level: PrivacyLevel.optional().openapi({ description: 'Default public' }),
    group_image_url: z.url().max(2000).nullable().optional(),
    location: JsonObject.nullable().optional(),
  })
  .openapi('GroupCreate');
export type GroupInput = z.infer<typeof GroupInput>;

export const GroupChanges = GroupInput.partial().openapi('GroupUpdate');
export type GroupChanges = z.infer<typeof GroupChanges>;

export const GroupFilters = PageQuery.extend({
  category: z.string().max(100).optional(),
  privacy_level: PrivacyLevel.optional(),
});
export type GroupFilters = z.infer<typeof GroupFilters>;

/** Public groups and the caller's own, newest first. */
export function listGroups(db: Database, filters: GroupFilters): Promise<Page<Group>> {
  const conditions: (SQL | undefined)[] = [
    filters.category ? eq(socialGroups.category, filters.category) : undefined,
    filters.privacy_level ? eq(socialGroups.privacy_level, filters.privacy_level) : undefined,
  ];
  return listPage(db, socialGroups, conditions, filters);
}

export const getGroup = (db: Database, id: string) => findOr404(db, socialGroups, id, 'group');

/** Limited per user (`community.rate_limit.group`). The caller becomes the group's admin member. */
export async function createGroup(db: Database, input: GroupInput): Promise<Group> {
  await takeRateLimit(db, 'group', await communitySettings(db));
  const [{ id }] = await db.insert(socialGroups).values(input).returning({ id: socialGroups.id });
  // Read again: the member the creator became is counted after the insert.
  return getGroup(db, id);
}

/** The caller's role in a group they can see (null when they are not a member); 404 when they cannot see it. */
export async function callerRoleIn(db: Database, groupId: string): Promise<GroupRole | null> {
  await getGroup(db, groupId);
  const result = await db.execute(sql`select private.group_role(${groupId}::uuid) as role`);
  return (result as unknown as { rows: { role: GroupRole | null }[] }).rows[0].role;
}

/** 404 when the caller cannot see the group, 403 when they can but their role does not allow `action`. */
export async function requireGroupRole(db: Database, groupId: string, roles: GroupRole[], action: string): Promise<GroupRole> {
  const role = await callerRoleIn(db, groupId);
  if (!role || !roles.includes(role)) {
    throw new ApiError('forbidden', `Only the group's ${roles.filter((r) => r !== 'member').join('s and ')}s ${action}.`);
  }
  return role;
}

/** Group admins only. */
export async function updateGroup(db: Database, id: string, changes: GroupChanges): Promise<Group> {
  await requireGroupRole(db, id, ['admin'], 'change a group');
  if (Object.keys(changes).length === 0) return getGroup(db, id);
  const [group] = await db.update(socialGroups).set(changes).where(eq(socialGroups.id, id)).returning();
  return group;
}

/** Group admins only; its memberships, posts and their comments go with it. */
export async function deleteGroup(db: Database, id: string): Promise<void> {
  await requireGroupRole(db, id, ['admin'], 'delete a group');
  await db.delete(socialGroups).where(eq(socialGroups.id, id));
}
