import { sql } from 'drizzle-orm';
import type { Database } from '../database/types.ts';

/**
 * PAM's daily housekeeping, in the caller's one transaction (the scheduled job runs it as
 * service_role):
 * - sessions past `expires_at` end (`is_active = false`, `ended_at = now()`), as a user's
 *   own revocation would end them;
 * - ended sessions are deleted once both their end and their expiry are older than
 *   `session_retention_days` (a token without a session_id is a session of its own, so
 *   these add up fast). A session without an expiry (a device's session_id) stays when
 *   revoked: its row is what refuses the tokens the identity provider still issues for
 *   that session id, and deleting it would undo the revocation;
 * - log rows older than their retention in `system_settings` are deleted, at most
 *   MAX_DELETED_PER_TABLE per table and run so a large backlog cannot hold the
 *   transaction for long (the rest goes on the following days). A retention that is
 *   missing or not a whole number of days from 1 to 36500 deletes nothing: a mistyped
 *   setting must not empty a log. It is reported in the summary.
 * Running it again the same day finds nothing left to do.
 */

export const MAX_DELETED_PER_TABLE = 10_000;

/** Each log table (aged by created_at) and the setting that holds its retention in days. */
const RETAINED_LOGS = [
  { table: 'digistore24_webhook_logs', setting: 'webhook_log_retention_days' },
  { table: 'audit_logs', setting: 'audit_log_retention_days' },
  { table: 'digistore24_sync_logs', setting: 'sync_log_retention_days' },
  { table: 'cron_runs', setting: 'cron_run_retention_days' },
] as const;

type RetainedTable = (typeof RETAINED_LOGS)[number]['table'];

const SESSION_RETENTION_SETTING = 'session_retention_days';

export interface HousekeepingSummary {
  sessions_ended: number;
  sessions_deleted: number;
  rows_deleted: Partial<Record<RetainedTable, number>>;
  /** Tables that reached MAX_DELETED_PER_TABLE and have more to delete. */
  backlog: (RetainedTable | 'user_sessions')[];
  /** Settings that were missing or unusable, so their table was left as it was. */
  unusable_settings: string[];
}

export async function runHousekeeping(db: Database): Promise<HousekeepingSummary> {
  const summary: HousekeepingSummary = { sessions_ended: 0, sessions_deleted: 0, rows_deleted: {}, backlog: [], unusable_settings: [] };
  summary.sessions_ended = await endExpiredSessions(db);

  const settings = await retentionSettings(db, [SESSION_RETENTION_SETTING, ...RETAINED_LOGS.map((log) => log.setting)]);
  const sessionDays = retentionDays(settings.get(SESSION_RETENTION_SETTING));
  if (sessionDays === null) {
    summary.unusable_settings.push(SESSION_RETENTION_SETTING);
  } else {
    summary.sessions_deleted = await deleteEndedSessions(db, sessionDays);
    if (summary.sessions_deleted === MAX_DELETED_PER_TABLE) summary.backlog.push('user_sessions');
  }

  for (const { table, setting } of RETAINED_LOGS) {
    const days = retentionDays(settings.get(setting));
    if (days === null) {
      summary.unusable_settings.push(setting);
      continue;
    }
    const deleted = await deleteOlderThan(db, table, days);
    summary.rows_deleted[table] = deleted;
    if (deleted === MAX_DELETED_PER_TABLE) summary.backlog.push(table);
  }
  return summary;
}

async function endExpiredSessions(db: Database): Promise<number> {
  const result = await db.execute(sql`
    update public.user_sessions
       set is_active = false, ended_at = now()
     where is_active and expires_at <= now()
    returning id`);
  return (result as unknown as { rows: unknown[] }).rows.length;
}

async function deleteEndedSessions(db: Database, days: number): Promise<number> {
  const result = await db.execute(sql`
    delete from public.user_sessions
     where id in (select id from public.user_sessions
                   where not is_active
                     and expires_at is not null
                     and greatest(ended_at, expires_at) < now() - make_interval(days => ${days})
                   limit ${MAX_DELETED_PER_TABLE})
    returning id`);
  return (result as unknown as { rows: unknown[] }).rows.length;
}

async function retentionSettings(db: Database, keys: string[]): Promise<Map<string, unknown>> {
  const result = await db.execute(sql`
    select setting_key, setting_value
      from public.system_settings
     where setting_key in (select jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb))`);
  const rows = (result as unknown as { rows: { setting_key: string; setting_value: unknown }[] }).rows;
  return new Map(rows.map((row) => [row.setting_key, row.setting_value]));
}

/** A whole number of days, as a JSON number or a numeric string (`90` or `"90"`); null otherwise. */
export function retentionDays(value: unknown): number | null {
  const days = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(days) && days >= 1 && days <= 36_500 ? days : null;
}

async function deleteOlderThan(db: Database, table: RetainedTable, days: number): Promise<number> {
  // The table name comes from RETAINED_LOGS above, never from input.
  const target = sql.raw(`public.${table}`);
  const result = await db.execute(sql`
    delete from ${target}
     where id in (select id from ${target}
                   where created_at < now() - make_interval(days => ${days})
                   limit ${MAX_DELETED_PER_TABLE})
    returning id`);
  return (result as unknown as { rows: unknown[] }).rows.length;
}
