import { sql } from 'drizzle-orm';
import type { Database } from '../database/types.ts';
import { ApiError } from '../errors.ts';
import type { CommunitySettings, LimitedAction } from './settings.ts';

const what: Record<LimitedAction, string> = {
  post: 'posts',
  comment: 'comments',
  report: 'reports',
  group: 'groups',
};

/**
 * Counts one `action` for the caller against its limit, or refuses with 429 and
 * Retry-After. The count lives in the database (private.take_rate_limit), so it holds
 * across Worker isolates; it is taken in the caller's transaction, so a request that is
 * refused or fails later rolls its hit back and is not counted.
 */
export async function takeRateLimit(db: Database, action: LimitedAction, settings: CommunitySettings): Promise<void> {
  const { max_hits, window_seconds } = settings.rate_limits[action];
  const result = await db.execute(
    sql`select private.take_rate_limit(${`community.${action}`}, ${max_hits}::integer, ${window_seconds}::integer) as wait`,
  );
  const [{ wait }] = (result as unknown as { rows: { wait: number }[] }).rows;
  if (wait > 0) {
    throw new ApiError('rate_limited', `Too many ${what[action]} in a short time. Try again in ${wait} s.`, {
      headers: { 'retry-after': String(wait) },
    });
  }
}
