import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { connectorFor } from '../../test/support/app.ts';
import { createTestDatabase, createUser, type TestDatabase } from '../../test/support/database.ts';
import {
  errorEnvelope,
  FAKE_API_KEY,
  type FakeDigistore24,
  marketplaceEntry,
  startFakeDigistore24,
} from '../../test/support/fake-digistore24.ts';
import type { Env } from '../env.ts';
import { jobsByCron, newScheduledHandler, ScheduledJobError } from './scheduled.ts';

let database: TestDatabase;
let fake: FakeDigistore24;
let env: Env;
let scheduled: ReturnType<typeof newScheduledHandler>;

beforeAll(async () => {
  database = await createTestDatabase();
  fake = await startFakeDigistore24(Array.from({ length: 12 }, (_, i) => marketplaceEntry(i + 1)));
  env = { DIGISTORE24_API_KEY: FAKE_API_KEY, DIGISTORE24_API_URL: fake.url };
  scheduled = newScheduledHandler({ connectDatabase: connectorFor(database) });
});
afterAll(async () => {
  await fake?.close();
  await database?.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const trigger = (cron: string, environment = env) => scheduled({ cron, scheduledTime: Date.parse('2026-04-20T06:00:00Z') }, environment);

interface CronRun {
  job: string;
  cron: string;
  succeeded: boolean;
  summary: Record<string, unknown>;
  error_message: string | null;
}

async function cronRuns(): Promise<CronRun[]> {
  const { rows } = await database.owner.query<CronRun>(
    'select job, cron, succeeded, summary, error_message from public.cron_runs order by started_at, created_at',
  );
  return rows;
}

/** The cron expressions wrangler.toml schedules. */
async function wranglerCrons(): Promise<string[]> {
  const toml = await readFile(new URL('../../wrangler.toml', import.meta.url), 'utf8');
  const block = /^crons\s*=\s*\[([\s\S]*?)\]/m.exec(toml)?.[1] ?? '';
  return [...block.matchAll(/^\s*"([^"]+)"/gm)].map((match) => match[1]);
}

describe('the scheduled handler', () => {
  it('has a job for every cron expression of wrangler.toml, and none for any other', async () => {
    const crons = await wranglerCrons();
    expect(crons.length).toBe(5);
    expect(Object.keys(jobsByCron).sort()).toEqual([...crons].sort());
  });

  it('runs the job of each expression, records each run, and changes things only the first time', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => {});
    const user = await createUser(database.owner);
    await database.owner.query(
      `insert into public.todos (user_id, title, status, recurrence_pattern) values ($1, 'Defrost fridge', 'completed', 'weekly')`,
      [user.id],
    );
    await database.owner.query(
      `insert into public.user_sessions (user_id, session_token, expires_at) values ($1, repeat('a', 64), now() - interval '1 minute')`,
      [user.id],
    );

    for (const cron of ['0 */6 * * *', '30 * * * *', '0 3 * * *']) {
      await trigger(cron);
      await trigger(cron);
    }

    const runs = await cronRuns();
    expect(runs.map((run) => [run.job, run.cron, run.succeeded, run.error_message])).toEqual([
      ['product_sync', '0 */6 * * *', true, null],
      ['product_sync', '0 */6 * * *', true, null],
      ['recurring_work', '30 * * * *', true, null],
      ['recurring_work', '30 * * * *', true, null],
      ['housekeeping', '0 3 * * *', true, null],
      ['housekeeping', '0 3 * * *', true, null],
    ]);
    const [firstSync, secondSync, firstRecurring, secondRecurring, firstHousekeeping, secondHousekeeping] = runs.map((r) => r.summary);
    expect(firstSync).toMatchObject({ products_added: 12, products_updated: 0, products_removed: 0 });
    expect(secondSync).toMatchObject({ products_added: 0, products_updated: 0, products_removed: 0 });
    expect(firstRecurring).toMatchObject({ todos_created: 1 });
    expect(secondRecurring).toMatchObject({ todos_created: 0 });
    expect(firstHousekeeping).toMatchObject({ sessions_ended: 1 });
    expect(secondHousekeeping).toMatchObject({ sessions_ended: 0 });

    const { rows } = await database.owner.query<{ n: number }>(`select count(*)::int as n from public.todos where user_id = $1`, [user.id]);
    expect(rows[0].n).toBe(2);
    const lines = vi.mocked(console.log).mock.calls.map(([line]) => JSON.parse(String(line)));
    expect(lines.map((line) => [line.event, line.job, line.succeeded])).toEqual([
      ['cron_run', 'product_sync', true],
      ['cron_run', 'product_sync', true],
      ['cron_run', 'recurring_work', true],
      ['cron_run', 'recurring_work', true],
      ['cron_run', 'housekeeping', true],
      ['cron_run', 'housekeeping', true],
    ]);
  });

  it('logs an expression it has no job for and otherwise does nothing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const before = await cronRuns();

    await expect(trigger('*/5 * * * *')).resolves.toBeUndefined();

    expect(await cronRuns()).toEqual(before);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(JSON.parse(String(warn.mock.calls[0][0]))).toMatchObject({
      event: 'cron_unknown',
      cron: '*/5 * * * *',
      scheduled_at: '2026-04-20T06:00:00.000Z',
    });
  });

  it('records a product sync that failed, and fails the invocation', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    fake.script({ functionName: 'listMarketplaceEntries' }, { body: errorEnvelope('Service unavailable', 503) });

    const outcome = trigger('0 */6 * * *');

    await expect(outcome).rejects.toBeInstanceOf(ScheduledJobError);
    const last = (await cronRuns()).at(-1)!;
    expect(last).toMatchObject({ job: 'product_sync', succeeded: false });
    expect(last.error_message).toContain('Service unavailable');
    expect(last.summary).toMatchObject({ products_added: 0, error_message: last.error_message });
    expect(JSON.parse(String(error.mock.calls[0][0]))).toMatchObject({ event: 'cron_run', job: 'product_sync', succeeded: false });
  });

  it('fails the invocation, and says so, when the database cannot be reached', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const unreachable = newScheduledHandler({
      connectDatabase: async () => {
        throw new Error('connection refused');
      },
    });

    await expect(unreachable({ cron: '0 3 * * *', scheduledTime: Date.now() }, env)).rejects.toThrow('connection refused');

    const events = error.mock.calls.map(([line]) => JSON.parse(String(line)));
    expect(events).toEqual([
      expect.objectContaining({ event: 'cron_run', job: 'housekeeping', succeeded: false, error_message: 'connection refused' }),
      expect.objectContaining({ event: 'cron_run_not_recorded', job: 'housekeeping' }),
    ]);
  });
});
