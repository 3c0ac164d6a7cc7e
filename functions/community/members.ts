import { z } from '@hono/zod-openapi';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { groupMemberships, socialGroups } from '../../db/schema/index.ts';
import { postgresErrorOf } from '../database/errors.ts';
import { keysetPage, type Page, type PageQuery } from '../database/pagination.ts';
import type { Database } from '../database/types.ts';
import { ApiError, notFound } from '../errors.ts';
import { Timestamp, Uuid } from '../shapes.ts';
import { getGroup, GroupRole, requireGroupRole } from './groups.ts';

/**
 * Group membership. Anyone signed in joins a public group; private and invite-only
 * groups take the members their admins and moderators add. Moderators add and remove
 * plain members, admins manage everyone and change roles. A group that has members keeps
 * an admin: the database refuses the change that would leave it without one.
 */

export const Membership = z
  .object({
    id: Uuid,
    group_id: Uuid,
    user_id: Uuid,
    role: GroupRole,
    joined_at: Timestamp,
    is_active: z.boolean(),
  })
  .openapi('GroupMembership');
export type Membership = typeof groupMemberships.$inferSelect;

export const MemberAdd = z
  .object({
    user_id: Uuid,
    role: GroupRole.optional().openapi({ description: 'Default member; only admins add moderators and admins' }),
  })
  .openapi('GroupMemberAdd');
export type MemberAdd = z.infer<typeof MemberAdd>;

export const MemberRoleChange = z.object({ role: GroupRole }).openapi('GroupMemberRoleChange');
export type MemberRoleChange = z.infer<typeof MemberRoleChange>;

export const MemberParams = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' }, description: 'The group' }),
  user_id: z.uuid().openapi({ param: { name: 'user_id', in: 'path' }, description: 'The member' }),
});

const ofGroup = (groupId: string) => eq(groupMemberships.group_id, groupId);
const membershipOf = (groupId: string, userId: string | SQL) => and(ofGroup(groupId), eq(groupMemberships.user_id, userId))!;
const caller = sql`auth.uid()`;

/** A change that would leave a group with members and no admin, as the 409 it is. */
async function keepingAnAdmin<T>(change: Promise<T>): Promise<T> {
  try {
    return await change;
  } catch (error) {
    if (postgresErrorOf(error)?.constraint === 'group_keeps_an_admin') {
      throw new ApiError('conflict', 'A group with members keeps at least one admin: make another member admin first.');
    }
    throw error;
  }
}

/** Active members, longest-standing first; 404 when the caller may not see the group's members. */
export async function listGroupMembers(db: Database, groupId: string, page: PageQuery): Promise<Page<Membership>> {
  const { cursor, limit } = page;
  const where = [ofGroup(groupId), eq(groupMemberships.is_active, true)];
  const under = { table: socialGroups, id: groupId, what: 'group' };
  return keysetPage(db, groupMemberships, { where, time: groupMemberships.joined_at, key: groupMemberships.id, direction: 'asc', cursor, limit, under });
}

/** By the group's admins (any role) and moderators (members only). */
export async function addGroupMember(db: Database, groupId: string, input: MemberAdd): Promise<Membership> {
  const role = input.role ?? 'member';
  const callerRole = await requireGroupRole(db, groupId, ['admin', 'moderator'], 'add members');
  if (role !== 'member' && callerRole !== 'admin') {
    throw new ApiError('forbidden', "Only the group's admins add moderators and admins.");
  }
  const [membership] = await db.insert(groupMemberships).values({ group_id: groupId, user_id: input.user_id, role }).returning();
  return membership;
}

/** By the group's admins. */
export async function changeMemberRole(db: Database, groupId: string, userId: string, change: MemberRoleChange): Promise<Membership> {
  await requireGroupRole(db, groupId, ['admin'], 'change roles');
  const [membership] = await keepingAnAdmin(
    db.update(groupMemberships).set({ role: change.role }).where(membershipOf(groupId, userId)).returning(),
  );
  if (!membership) throw notFound('member');
  return membership;
}

/** Removing oneself is leaving; removing others takes a moderator (plain members) or an admin (anyone). */
export async function removeGroupMember(db: Database, groupId: string, userId: string): Promise<void> {
  const [{ self }] = (
    (await db.execute(sql`select ${userId}::uuid = auth.uid() as self`)) as unknown as { rows: { self: boolean }[] }
  ).rows;
  if (self) return leaveGroup(db, groupId);
  await requireGroupRole(db, groupId, ['admin', 'moderator'], 'remove members');
  const removed = await keepingAnAdmin(
    db.delete(groupMemberships).where(membershipOf(groupId, userId)).returning({ id: groupMemberships.id }),
  );
  if (removed.length > 0) return;
  const [member] = await db.select({ role: groupMemberships.role }).from(groupMemberships).where(membershipOf(groupId, userId));
  if (!member) throw notFound('member');
  throw new ApiError('forbidden', "Only the group's admins remove its moderators and admins.");
}

/**
 * Public groups only. Joining a group one already belongs to changes nothing and says so
 * (`joined: false`).
 */
export async function joinGroup(db: Database, groupId: string): Promise<{ membership: Membership; joined: boolean }> {
  const group = await getGroup(db, groupId);
  const [existing] = await db.select().from(groupMemberships).where(membershipOf(groupId, caller));
  if (existing) return { membership: existing, joined: false };
  if (group.privacy_level !== 'public' || !group.is_active) {
    throw new ApiError('forbidden', "This group takes only the members its admins and moderators add.");
  }
  const [membership] = await db.insert(groupMemberships).values({ group_id: groupId }).returning();
  return { membership, joined: true };
}

/** The last admin of a group that still has members cannot leave it (409). */
export async function leaveGroup(db: Database, groupId: string): Promise<void> {
  await getGroup(db, groupId);
  const left = await keepingAnAdmin(
    db.delete(groupMemberships).where(membershipOf(groupId, caller)).returning({ id: groupMemberships.id }),
  );
  if (left.length === 0) throw new ApiError('not_found', 'You are not a member of this group.');
}
