import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connectorFor } from '../../test/support/app.ts';
import { createTestDatabase, createUser, type TestDatabase, type TestUser } from '../../test/support/database.ts';
import type { ConnectDatabase } from '../database/connect.ts';
import { withServiceRole } from '../database/transactions.ts';
import { retentionDays, runHousekeeping } from './housekeeping.ts';

let database: TestDatabase;
let connect: ConnectDatabase;
let user: TestUser;

beforeAll(async () => {
  database = await createTestDatabase();
  connect = connectorFor(database);
  user = await createUser(database.owner);
});
afterAll(async () => {
  await database?.close();
});
beforeEach(async () => {
  await database.owner.exec(`
    truncate public.user_sessions, public.digistore24_webhook_logs, public.audit_logs,
             public.digistore24_sync_logs, public.cron_runs;
    insert into public.system_settings (setting_key, setting_value) values
      ('webhook_log_retention_days', '90'), ('audit_log_retention_days', '365'),
      ('sync_log_retention_days', '180'), ('cron_run_retention_days', '90'),
      ('session_retention_days', '30')
    on conflict (setting_key) do update set setting_value = excluded.setting_value;`);
});

const housekeeping = () => withServiceRole(connect, {}, runHousekeeping);

async function session(expiresIn: string | null, active = true): Promise<string> {
  const token = createHash('sha256').update(randomBytes(16)).digest('hex');
  const { rows } = await database.owner.query<{ id: string }>(
    `insert into public.user_sessions (user_id, session_token, expires_at, is_active, ended_at)
     values ($1, $2, now() + $3::interval, $4, case when $4 then null else now() - interval '1 day' end) returning id`,
    [user.id, token, expiresIn, active],
  );
  return rows[0].id;
}

/**
 * A session that ended `endedDaysAgo` days ago: a token's own session (it expired with
 * the token, `expiredDaysAgo` days ago) or, with `expiredDaysAgo` null, a device session
 * (a token's session_id) that its owner revoked.
 */
async function endedSession(expiredDaysAgo: number | null, endedDaysAgo: number): Promise<string> {
  const token = createHash('sha256').update(randomBytes(16)).digest('hex');
  const { rows } = await database.owner.query<{ id: string }>(
    `insert into public.user_sessions (user_id, session_token, created_at, expires_at, is_active, ended_at)
     values ($1, $2, now() - make_interval(days => $4 + 1),
             now() - make_interval(days => $3), false, now() - make_interval(days => $4))
     returning id`,
    [user.id, token, expiredDaysAgo, endedDaysAgo],
  );
  return rows[0].id;
}

const sessionIds = async () =>
  (await database.owner.query<{ id: string }>('select id from public.user_sessions order by id')).rows.map((row) => row.id).sort();

/** One row per age (in days) in each log table. */
async function logsAged(table: string, days: number[]): Promise<void> {
  const insert: Record<string, string> = {
    digistore24_webhook_logs: `insert into public.digistore24_webhook_logs (event_type, request_data, created_at) values ('on_payment', '{}', now() - make_interval(days => $1))`,
    audit_logs: `insert into public.audit_logs (action, created_at) values ('LOGIN', now() - make_interval(days => $1))`,
    digistore24_sync_logs: `insert into public.digistore24_sync_logs (sync_started_at, created_at) values (now(), now() - make_interval(days => $1))`,
    cron_runs: `insert into public.cron_runs (job, cron, started_at, finished_at, succeeded, created_at)
                values ('housekeeping', '0 3 * * *', now(), now(), true, now() - make_interval(days => $1))`,
  };
  for (const age of days) await database.owner.query(insert[table], [age]);
}

async function agesLeft(table: string): Promise<number[]> {
  const { rows } = await database.owner.query<{ age: number }>(
    `select extract(day from now() - created_at)::int as age from public.${table} order by created_at`,
  );
  return rows.map((row) => row.age);
}

describe('housekeeping', () => {
  it('ends the sessions that expired and no others, once', async () => {
    const expired = await session('-1 hour');
    const current = await session('1 hour');
    const endless = await session(null);
    const alreadyEnded = await session('-2 days', false);
    const { rows: before } = await database.owner.query<{ id: string; ended_at: string }>(
      'select id, ended_at::text as ended_at from public.user_sessions where id = $1',
      [alreadyEnded],
    );

    expect((await housekeeping()).sessions_ended).toBe(1);
    expect((await housekeeping()).sessions_ended).toBe(0);

    const { rows } = await database.owner.query<{ id: string; is_active: boolean; ended: boolean }>(
      `select id, is_active, ended_at is not null and ended_at > now() - interval '1 minute' as ended from public.user_sessions`,
    );
    const byId = Object.fromEntries(rows.map((row) => [row.id, { is_active: row.is_active, ended_now: row.ended }]));
    expect(byId).toEqual({
      [expired]: { is_active: false, ended_now: true },
      [current]: { is_active: true, ended_now: false },
      [endless]: { is_active: true, ended_now: false },
      [alreadyEnded]: { is_active: false, ended_now: false },
    });
    const { rows: after } = await database.owner.query('select id, ended_at::text as ended_at from public.user_sessions where id = $1', [
      alreadyEnded,
    ]);
    expect(after).toEqual(before);
  });

  it('deletes ended sessions older than their retention setting and keeps the rest, once', async () => {
    const expiredLongAgo = await endedSession(40, 40);
    const revokedLongAgoButExpiredLater = await endedSession(10, 40);
    const endedRecently = await endedSession(12, 12);
    const expiredLongAgoNotYetEnded = await session('-40 days');
    const current = await session('1 hour');
    const deviceSession = await session(null);
    // The row is what refuses later tokens naming this session id: deleting it would undo the revocation.
    const revokedDeviceSession = await endedSession(null, 400);

    const first = await housekeeping();
    const second = await housekeeping();

    expect(first).toMatchObject({ sessions_ended: 1, sessions_deleted: 1, unusable_settings: [] });
    expect(second).toMatchObject({ sessions_ended: 0, sessions_deleted: 0 });
    expect(await sessionIds()).toEqual(
      [revokedLongAgoButExpiredLater, endedRecently, expiredLongAgoNotYetEnded, current, deviceSession, revokedDeviceSession].sort(),
    );
    expect(await sessionIds()).not.toContain(expiredLongAgo);
  });

  it('deletes no session while its retention is missing or unusable', async () => {
    await endedSession(400, 400);
    await database.owner.query(`update public.system_settings set setting_value = '"forever"' where setting_key = 'session_retention_days'`);
    const summary = await housekeeping();
    expect(summary.sessions_deleted).toBe(0);
    expect(summary.unusable_settings).toEqual(['session_retention_days']);
    expect(await sessionIds()).toHaveLength(1);
  });

  it('deletes log rows older than their retention setting and keeps the rest, once', async () => {
    await logsAged('digistore24_webhook_logs', [120, 91, 89, 1]);
    await logsAged('audit_logs', [400, 366, 364]);
    await logsAged('digistore24_sync_logs', [200, 179]);
    await logsAged('cron_runs', [100, 30]);

    const first = await housekeeping();
    const second = await housekeeping();

    expect(first.rows_deleted).toEqual({ digistore24_webhook_logs: 2, audit_logs: 2, digistore24_sync_logs: 1, cron_runs: 1 });
    expect(first.unusable_settings).toEqual([]);
    expect(second.rows_deleted).toEqual({ digistore24_webhook_logs: 0, audit_logs: 0, digistore24_sync_logs: 0, cron_runs: 0 });
    expect(await agesLeft('digistore24_webhook_logs')).toEqual([89, 1]);
    expect(await agesLeft('audit_logs')).toEqual(expect.arrayContaining([364]));
    expect((await agesLeft('audit_logs')).filter((age) => age > 364)).toEqual([]);
    expect(await agesLeft('digistore24_sync_logs')).toEqual([179]);
    expect(await agesLeft('cron_runs')).toEqual([30]);
  });

  it('follows a changed retention, written as a number or a numeric string', async () => {
    await logsAged('digistore24_webhook_logs', [20, 5]);
    await database.owner.query(`update public.system_settings set setting_value = '"10"' where setting_key = 'webhook_log_retention_days'`);
    expect((await housekeeping()).rows_deleted.digistore24_webhook_logs).toBe(1);
    expect(await agesLeft('digistore24_webhook_logs')).toEqual([5]);
  });

  it('deletes nothing from a log whose retention is missing or unusable', async () => {
    await logsAged('audit_logs', [4000, 1]);
    await logsAged('cron_runs', [4000]);
    await logsAged('digistore24_webhook_logs', [4000]);
    await database.owner.query(`update public.system_settings set setting_value = '0' where setting_key = 'audit_log_retention_days'`);
    await database.owner.query(`delete from public.system_settings where setting_key = 'cron_run_retention_days'`);
    await database.owner.query(
      `update public.system_settings set setting_value = '{"days": 1}' where setting_key = 'webhook_log_retention_days'`,
    );

    const summary = await housekeeping();

    expect(summary.unusable_settings.sort()).toEqual(['audit_log_retention_days', 'cron_run_retention_days', 'webhook_log_retention_days']);
    expect(summary.rows_deleted).toEqual({ digistore24_sync_logs: 0 });
    expect((await agesLeft('audit_logs')).filter((age) => age > 1)).toEqual([4000]);
    expect(await agesLeft('cron_runs')).toEqual([4000]);
    expect(await agesLeft('digistore24_webhook_logs')).toEqual([4000]);
  });
});

describe('reading a retention setting', () => {
  it('takes whole days from 1 to 36500, as a number or numeric string', () => {
    expect([90, '90', ' 7 ', 1, 36_500].map(retentionDays)).toEqual([90, 90, 7, 1, 36_500]);
    expect([0, -1, 1.5, '1.5', '', 'ninety', null, undefined, { days: 1 }, 36_501, true].map(retentionDays)).toEqual(
      Array(11).fill(null),
    );
  });
});
