import { sql } from 'drizzle-orm';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';

/**
 * Lets an active administrator through and opens the admin scope for the rest of the
 * request's transaction; everyone else gets a clear 403 before the route runs.
 *
 * The admin policies (private.is_admin()) widen what a table shows only inside that
 * scope, so ordinary routes show an administrator their own rows like anyone else's, and
 * no user route needs a `where user_id = ...` of its own. The scope is a LOCAL setting:
 * it ends with the transaction, and without the profile's is_admin it grants nothing.
 */
export const requireAdmin = createMiddleware<AppEnv>(async (c, next) => {
  const result = await c.var.db.execute(sql`
    select coalesce((select p.is_admin and p.is_active from public.profiles p where p.id = auth.uid()), false) as is_admin,
           set_config('request.admin_scope', 'on', true)`);
  const [row] = (result as unknown as { rows: { is_admin: boolean }[] }).rows;
  if (!row?.is_admin) throw new ApiError('forbidden', 'Only administrators may use this route.');
  return next();
});
