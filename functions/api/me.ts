import { createRoute, z } from '@hono/zod-openapi';
import { eq, sql } from 'drizzle-orm';
import { profiles } from '../../db/schema/index.ts';
import type { Database } from '../env.ts';
import { notFound } from '../errors.ts';
import { problems } from './problems.ts';
import { bearerAuth, jsonContent, newRouter } from '../openapi.ts';
import { DateOnly, JsonObject, Timestamp, Uuid } from '../shapes.ts';

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

/** The self-service fields; everything else on a profile is server-owned. */
const ProfileUpdate = z
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

/**
 * Every table holding a user's own rows, the condition that says so, and the columns of
 * those rows that identify someone else (left out: an export must not disclose others).
 */
const exportedTables: [table: string, ownerCondition: string, othersColumns?: string[]][] = [
  ['user_sessions', 'user_id = auth.uid()'],
  ['todos', 'user_id = auth.uid()'],
  ['todo_subtasks', 'todo_id in (select id from public.todos where user_id = auth.uid())'],
  ['budgets', 'user_id = auth.uid()'],
  ['budget_categories', 'budget_id in (select id from public.budgets where user_id = auth.uid())'],
  ['expenses', 'user_id = auth.uid()'],
  ['income_sources', 'user_id = auth.uid()'],
  ['income_entries', 'user_id = auth.uid()'],
  ['vehicles', 'user_id = auth.uid()'],
  ['vehicle_maintenance', 'vehicle_id in (select id from public.vehicles where user_id = auth.uid())'],
  ['trips', 'user_id = auth.uid()'],
  ['social_groups', 'creator_id = auth.uid()'],
  ['group_memberships', 'user_id = auth.uid()'],
  ['posts', 'author_id = auth.uid()'],
  ['post_likes', 'user_id = auth.uid()'],
  ['comments', 'author_id = auth.uid()'],
  ['content_moderation', 'reporter_id = auth.uid()', ['author_id', 'author_email', 'moderator_id']],
  ['pam_conversations', 'user_id = auth.uid()'],
  ['pam_messages', 'conversation_id in (select id from public.pam_conversations where user_id = auth.uid())'],
  ['user_knowledge', 'user_id = auth.uid()'],
  ['user_wishlists', 'user_id = auth.uid()'],
  ['affiliate_sales', 'user_id = auth.uid()'],
];

const ExportDocument = z
  .object({
    exported_at: Timestamp,
    profile: Profile,
    ...Object.fromEntries(exportedTables.map(([table]) => [table, z.array(JsonObject)])),
  })
  .openapi('AccountExport');

const tags = ['Account'];
const security = bearerAuth;

const getMe = createRoute({
  method: 'get',
  path: '/me',
  tags,
  security,
  summary: 'Your profile',
  description: 'Created from the token on your first authenticated request.',
  responses: { 200: { description: 'Your profile', content: jsonContent(Profile) }, ...problems(401) },
});

const updateMe = createRoute({
  method: 'patch',
  path: '/me',
  tags,
  security,
  summary: 'Update your profile',
  request: { body: { content: jsonContent(ProfileUpdate), required: true } },
  responses: { 200: { description: 'Your updated profile', content: jsonContent(Profile) }, ...problems(400, 401, 413, 415) },
});

const deleteMe = createRoute({
  method: 'delete',
  path: '/me',
  tags,
  security,
  summary: 'Delete your account and everything you own',
  responses: { 204: { description: 'Deleted' }, ...problems(401) },
});

const exportMe = createRoute({
  method: 'get',
  path: '/me/export',
  tags,
  security,
  summary: 'Everything you own, as one JSON document',
  responses: { 200: { description: 'Your data', content: jsonContent(ExportDocument) }, ...problems(401) },
});

async function ownProfile(db: Database, userId: string) {
  const [profile] = await db.select().from(profiles).where(eq(profiles.id, userId));
  if (!profile) throw notFound('profile');
  return profile;
}

/** One statement, so the export is a consistent snapshot. */
async function exportOwnRows(db: Database): Promise<Record<string, unknown[]>> {
  const parts = exportedTables.map(([table, owner, othersColumns = []]) => {
    const row = ['to_jsonb(t)', ...othersColumns.map((column) => `'${column}'`)].join(' - ');
    return `'${table}', coalesce((select jsonb_agg(${row}) from public.${table} t where ${owner}), '[]'::jsonb)`;
  });
  const result = await db.execute(sql.raw(`select jsonb_build_object(${parts.join(', ')}) as rows`));
  return (result as unknown as { rows: { rows: Record<string, unknown[]> }[] }).rows[0].rows;
}

export const meRouter = newRouter()
  .openapi(getMe, async (c) => c.json(await ownProfile(c.var.db, c.var.caller!.userId), 200))
  .openapi(updateMe, async (c) => {
    const changes = c.req.valid('json');
    if (Object.keys(changes).length === 0) return c.json(await ownProfile(c.var.db, c.var.caller!.userId), 200);
    const [profile] = await c.var.db
      .update(profiles)
      .set(changes)
      .where(eq(profiles.id, c.var.caller!.userId))
      .returning();
    if (!profile) throw notFound('profile');
    return c.json(profile, 200);
  })
  .openapi(deleteMe, async (c) => {
    await c.var.db.execute(sql`select public.delete_my_account()`);
    return c.body(null, 204);
  })
  .openapi(exportMe, async (c) => {
    const profile = await ownProfile(c.var.db, c.var.caller!.userId);
    const rows = await exportOwnRows(c.var.db);
    c.header('content-disposition', 'attachment; filename="pam-export.json"');
    return c.json({ exported_at: new Date().toISOString(), profile, ...rows }, 200);
  });
