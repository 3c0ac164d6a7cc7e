import { boolean, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { jsonObject, now, timestamptz } from './column-types.ts';

/** One row per scheduled job run (functions/cron/scheduled.ts). Service-only: no API role reads it. */
export const cronRuns = pgTable('cron_runs', {
  id: uuid().primaryKey().defaultRandom(),
  job: text({ enum: ['product_sync', 'recurring_work', 'housekeeping', 'pam_notices', 'knowledge_embeddings'] }).notNull(),
  cron: text().notNull(),
  started_at: timestamptz().notNull(),
  finished_at: timestamptz().notNull(),
  succeeded: boolean().notNull(),
  summary: jsonObject().notNull().default({}),
  error_message: text(),
  created_at: timestamptz().notNull().default(now),
});

export type CronRun = typeof cronRuns.$inferSelect;
export type NewCronRun = typeof cronRuns.$inferInsert;
