import { sql } from 'drizzle-orm';
import type { Database, Env } from '../env.ts';
import type { ConnectDatabase } from './connect.ts';

/**
 * Work that belongs to PAM itself rather than to a user (webhooks, scheduled jobs): one
 * connection, one transaction as `service_role` with no user claims, closed afterwards.
 * Rolls back if `work` throws.
 */
export async function withServiceRole<T>(
  connect: ConnectDatabase,
  env: Env,
  work: (db: Database) => Promise<T>,
): Promise<T> {
  const connection = await connect(env);
  try {
    return await connection.db.transaction(async (tx) => {
      const db = tx as unknown as Database;
      await db.execute(sql`select set_config('request.jwt.claims', '', true),
                                  set_config('timezone', 'UTC', true),
                                  set_config('role', 'service_role', true)`);
      return work(db);
    });
  } finally {
    await connection.close();
  }
}
