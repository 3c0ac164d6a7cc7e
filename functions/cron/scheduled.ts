import { recordCronRun } from '../admin/cron-runs.ts';
import { runHousekeeping } from '../admin/housekeeping.ts';
import { type ConnectDatabase, connectFromEnv } from '../database/connect.ts';
import { withServiceRole, withSharedConnection } from '../database/transactions.ts';
import { runProductSync } from '../digistore24/product-sync.ts';
import type { Env } from '../env.ts';
import { reasonOf } from '../errors.ts';
import { embedderFromEnv } from '../knowledge/configured-embedder.ts';
import { embedPendingChunks } from '../knowledge/embedding-jobs.ts';
import { raiseDueNotices } from '../pam/notices.ts';
import { runRecurringWork } from './recurring-work.ts';

export type JobName = 'product_sync' | 'recurring_work' | 'housekeeping' | 'pam_notices' | 'knowledge_embeddings';

/** The cron expressions of wrangler.toml, by their exact text: change both together. */
export const jobsByCron: Readonly<Record<string, JobName>> = {
  '0 */6 * * *': 'product_sync',
  '30 * * * *': 'recurring_work',
  '0 3 * * *': 'housekeeping',
  '5,15,25,35,45,55 * * * *': 'pam_notices',
  '2,12,22,32,42,52 * * * *': 'knowledge_embeddings',
};

interface JobContext {
  connect: ConnectDatabase;
  env: Env;
  fetch?: typeof fetch;
  now: () => Date;
}

/** What a job did, and why it fell short when it ran without throwing but did not finish its work. */
interface JobOutcome {
  summary: Record<string, unknown>;
  failure: string | null;
}

const jobs: Record<JobName, (context: JobContext) => Promise<JobOutcome>> = {
  async product_sync(context) {
    const { log, failure } = await runProductSync(context);
    const { id, products_added, products_updated, products_removed, error_message } = log;
    return { summary: { sync_log_id: id, products_added, products_updated, products_removed, error_message }, failure };
  },
  async recurring_work(context) {
    return { summary: { ...(await runRecurringWork(context)) }, failure: null };
  },
  async pam_notices(context) {
    return { summary: { ...(await withServiceRole(context.connect, context.env, raiseDueNotices)) }, failure: null };
  },
  async knowledge_embeddings(context) {
    const embedder = embedderFromEnv(context.env);
    const run = await withServiceRole(context.connect, context.env, (db) => embedPendingChunks(db, embedder));
    // An outage leaves the chunks pending for the next run, and shows the run as failed to operators.
    return { summary: { ...run }, failure: run.stopped };
  },
  async housekeeping(context) {
    return { summary: { ...(await withServiceRole(context.connect, context.env, runHousekeeping)) }, failure: null };
  },
};

export class ScheduledJobError extends Error {
  constructor(
    readonly job: JobName,
    reason: string,
  ) {
    super(`${job} did not finish: ${reason}`);
    this.name = 'ScheduledJobError';
  }
}

export interface ScheduledDependencies {
  connectDatabase: ConnectDatabase;
  /** How the jobs reach other services (Digistore24); the global fetch by default. */
  fetch?: typeof fetch;
  now?: () => Date;
}

/**
 * The Worker's `scheduled` handler: runs the job mapped to the trigger's cron expression
 * over one database connection, records the run in `cron_runs` and as one structured log
 * line, and rejects when the job failed so the invocation shows as failed. An expression
 * with no job is logged and otherwise ignored.
 */
export function newScheduledHandler(dependencies: ScheduledDependencies) {
  const now = dependencies.now ?? (() => new Date());
  return async function scheduled(
    controller: Pick<ScheduledController, 'cron' | 'scheduledTime'>,
    env: Env,
    _context?: unknown,
  ): Promise<void> {
    const { cron } = controller;
    const scheduledAt = new Date(controller.scheduledTime).toISOString();
    const job = Object.hasOwn(jobsByCron, cron) ? jobsByCron[cron] : undefined;
    if (!job) {
      console.warn(JSON.stringify({ event: 'cron_unknown', cron, scheduled_at: scheduledAt, known: Object.keys(jobsByCron) }));
      return;
    }

    const startedAt = now();
    const run = (outcome: JobOutcome) => ({
      job,
      cron,
      started_at: startedAt.toISOString(),
      finished_at: now().toISOString(),
      succeeded: outcome.failure === null,
      summary: outcome.summary,
      error_message: outcome.failure,
    });

    let record: ReturnType<typeof run>;
    try {
      record = await withSharedConnection(dependencies.connectDatabase, env, async (connect) => {
        const ran = run(await jobs[job]({ connect, env, fetch: dependencies.fetch, now }));
        await withServiceRole(connect, env, (db) => recordCronRun(db, ran));
        return ran;
      });
    } catch (error) {
      const failed = run({ summary: {}, failure: reasonOf(error) });
      console.error(JSON.stringify({ event: 'cron_run', scheduled_at: scheduledAt, ...failed }));
      await withServiceRole(dependencies.connectDatabase, env, (db) => recordCronRun(db, failed)).catch((recordError) =>
        console.error(JSON.stringify({ event: 'cron_run_not_recorded', job, cron, error: reasonOf(recordError) })),
      );
      throw error;
    }
    const line = JSON.stringify({ event: 'cron_run', scheduled_at: scheduledAt, ...record });
    if (record.error_message === null) {
      console.log(line);
      return;
    }
    console.error(line);
    throw new ScheduledJobError(job, record.error_message);
  };
}

/** What functions/index.ts exports: the jobs on the database the environment names. */
export const scheduled = newScheduledHandler({ connectDatabase: connectFromEnv });
