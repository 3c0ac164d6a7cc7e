import type { Env } from '../env.ts';

/**
 * Entry point for the cron triggers of wrangler.toml. Each cron expression maps to one
 * job; the jobs themselves (product sync, recurring work, housekeeping) are added with
 * the scheduled-work issue, so for now every trigger is logged and acknowledged.
 */
export async function scheduled(controller: { cron: string; scheduledTime: number }, _env: Env): Promise<void> {
  console.log(JSON.stringify({ cron: controller.cron, at: new Date(controller.scheduledTime).toISOString(), job: null }));
}
