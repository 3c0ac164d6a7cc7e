import { cronRuns, type NewCronRun } from '../../db/schema/index.ts';
import type { Database } from '../database/types.ts';

/** One row per run of a scheduled job, kept for `cron_run_retention_days` (see housekeeping.ts). */
export async function recordCronRun(db: Database, run: NewCronRun): Promise<void> {
  await db.insert(cronRuns).values(run);
}
