import type { ConnectDatabase } from '../database/connect.ts';
import type { Env } from '../env.ts';

/**
 * Opens one connection and hands `work` a ConnectDatabase that reuses it, so a job that
 * commits in several transactions (one per batch, through withServiceRole) pays for one
 * connection: one handshake, and one subrequest of a Worker's budget. Closed when `work`
 * settles. Nested calls reuse the outer connection. Its transactions must not overlap.
 */
export async function withSharedConnection<T>(
  connect: ConnectDatabase,
  env: Env,
  work: (connect: ConnectDatabase) => Promise<T>,
): Promise<T> {
  const connection = await connect(env);
  const shared: ConnectDatabase = async () => ({ db: connection.db, close: async () => {} });
  try {
    return await work(shared);
  } finally {
    await connection.close();
  }
}
