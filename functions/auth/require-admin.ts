import { eq } from 'drizzle-orm';
import { createMiddleware } from 'hono/factory';
import { profiles } from '../../db/schema/index.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';

/**
 * Answers 403 to anyone but an active administrator before an admin route runs. The
 * database's admin policies (private.is_admin()) stay the real guard; without this an
 * ordinary user would get empty lists and 404s instead of a clear 403.
 *
 * Runs inside the request transaction with the caller's claims: the caller's own
 * profile row is visible to them, nobody else's is needed.
 */
export const requireAdmin = createMiddleware<AppEnv>(async (c, next) => {
  const caller = c.get('caller');
  const [profile] = caller
    ? await c.var.db
        .select({ is_admin: profiles.is_admin, is_active: profiles.is_active })
        .from(profiles)
        .where(eq(profiles.id, caller.userId))
    : [];
  if (!profile?.is_admin || !profile.is_active) {
    throw new ApiError('forbidden', 'Only administrators may use this route.');
  }
  return next();
});
