import { z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import { profiles } from '../../db/schema/index.ts';
import type { Database } from '../database/types.ts';
import { notFound } from '../errors.ts';
import { DateOnly, JsonObject, Timestamp, Uuid } from '../shapes.ts';

/**
 * The caller's own account. The policies let a user read and change only their own
 * profile, so "the profiles the caller can see" is exactly one: theirs.
 */

export const Profile = z
  .object({
    id: Uuid,
    email: z.string(),
    full_name: z.string().nullable(),
    avatar_url: z.string().nullable(),
    bio: z.string().nullable(),
    phone: z.string().nullable(),
    date_of_birth: DateOnly.nullable(),
    location: JsonObject.nullable(),
    preferences: JsonObject,
    subscription_tier: z.enum(['free', 'premium', 'enterprise']),
    subscription_expires_at: Timestamp.nullable(),
    is_admin: z.boolean(),
    is_active: z.boolean(),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .openapi('Profile');
export type Profile = typeof profiles.$inferSelect;

/** The self-service fields; everything else on a profile is server-owned and ignored. */
export const ProfileChanges = z
  .object({
    full_name: z.string().trim().max(200).nullable(),
    avatar_url: z.url({ protocol: /^https?$/ }).max(2000).nullable(),
    bio: z.string().max(5000).nullable(),
    phone: z.string().trim().max(40).regex(/^[+()\d\s./-]*$/, 'must be a phone number').nullable(),
    date_of_birth: DateOnly.refine((d) => d >= '1900-01-01' && d <= new Date().toISOString().slice(0, 10), 'must be a past date').nullable(),
    location: JsonObject.nullable(),
    preferences: JsonObject,
  })
  .partial()
  .openapi('ProfileUpdate');
export type ProfileChanges = z.infer<typeof ProfileChanges>;

/** Created from the token on the caller's first authenticated request. */
export async function getProfile(db: Database): Promise<Profile> {
  const [profile] = await db.select().from(profiles);
  if (!profile) throw notFound('profile');
  return profile;
}

/** Applies `changes` (nothing to change reads the profile as it is) and returns the profile as stored. */
export async function updateProfile(db: Database, changes: ProfileChanges): Promise<Profile> {
  if (Object.keys(changes).length === 0) return getProfile(db);
  const [profile] = await db.update(profiles).set(changes).returning();
  if (!profile) throw notFound('profile');
  return profile;
}

/**
 * Deletes the caller's identity and, with it, every row they own. Tokens issued before
 * the deletion are refused afterwards rather than creating an empty account again.
 */
export async function deleteAccount(db: Database): Promise<void> {
  await db.execute(sql`select public.delete_my_account()`);
}
