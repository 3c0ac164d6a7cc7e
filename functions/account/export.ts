import { z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import type { Database } from '../database/types.ts';
import { JsonObject, Timestamp } from '../shapes.ts';
import { getProfile, Profile } from './profile.ts';

/**
 * Every table holding a user's own rows, the condition that says so, and the columns of
 * those rows that identify someone else (left out: an export must not disclose others).
 * The conditions say what the caller owns, which is narrower than what they may see
 * (other people's public posts, the groups they joined). A user's own likes and comments
 * are theirs to read even on posts they can no longer see (migration 0016), so they are
 * all here.
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
  ['user_blocks', 'blocker_id = auth.uid()'],
  ['content_moderation', 'reporter_id = auth.uid()', ['author_id', 'author_email', 'moderator_id', 'automated_flags']],
  ['pam_conversations', 'user_id = auth.uid()'],
  ['pam_messages', 'conversation_id in (select id from public.pam_conversations where user_id = auth.uid())'],
  ['pam_message_feedback', 'user_id = auth.uid()'],
  ['pam_notices', 'user_id = auth.uid()'],
  ['user_knowledge', 'user_id = auth.uid()'],
  // The passages of the user's documents; their vectors and search terms are derived, not the user's words.
  ['knowledge_chunks', 'user_id = auth.uid()', ['embedding', 'search_vector']],
  ['user_wishlists', 'user_id = auth.uid()'],
  ['affiliate_sales', 'user_id = auth.uid()'],
];

export const AccountExport = z
  .object({
    exported_at: Timestamp,
    profile: Profile,
    ...Object.fromEntries(exportedTables.map(([table]) => [table, z.array(JsonObject)])),
  })
  .openapi('AccountExport');
export type AccountExport = { exported_at: string; profile: Profile } & Record<string, unknown>;

/** Everything the caller owns, as one document: their profile and their rows in every table. */
export async function exportAccount(db: Database): Promise<AccountExport> {
  const profile = await getProfile(db);
  const rows = await ownRowsPerTable(db);
  return { exported_at: new Date().toISOString(), profile, ...rows };
}

/** One statement, so the export is a consistent snapshot. */
async function ownRowsPerTable(db: Database): Promise<Record<string, unknown[]>> {
  const parts = exportedTables.map(([table, owner, othersColumns = []]) => {
    const row = ['to_jsonb(t)', ...othersColumns.map((column) => `'${column}'`)].join(' - ');
    return `'${table}', coalesce((select jsonb_agg(${row}) from public.${table} t where ${owner}), '[]'::jsonb)`;
  });
  const result = await db.execute(sql.raw(`select jsonb_build_object(${parts.join(', ')}) as rows`));
  return (result as unknown as { rows: { rows: Record<string, unknown[]> }[] }).rows[0].rows;
}
