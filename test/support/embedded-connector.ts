import { AsyncLocalStorage } from 'node:async_hooks';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import type { ConnectDatabase } from '../../functions/database/connect.ts';
import type { Database } from '../../functions/env.ts';

/**
 * Connections to the embedded database. PGlite has exactly one connection, so code that
 * opens a connection of its own while its request's transaction is open (an admin
 * starting the product sync, which works as service_role) would wait for that
 * transaction for ever. Here a transaction begun from inside an open one, in the same
 * chain of calls, becomes a savepoint of it, and the role and claims it sets are put
 * back when it ends. Unrelated callers (concurrent requests) still queue for the
 * connection as before. On a server every connect is a real connection, as in production.
 */
export function embeddedConnector(pglite: PGlite): ConnectDatabase {
  const db = drizzle({ client: pglite }) as unknown as Database;
  const openTransaction = new AsyncLocalStorage<Database>();
  const connection = Object.create(db) as Database;
  connection.transaction = (async (work: (tx: Database) => Promise<unknown>, config?: unknown) => {
    const outer = openTransaction.getStore();
    if (!outer) {
      return db.transaction((tx) => openTransaction.run(tx as unknown as Database, () => work(tx as unknown as Database)), config as never);
    }
    return outer.transaction(async (savepoint) => {
      const tx = savepoint as unknown as Database;
      const result = await tx.execute(sql`select current_setting('role') as role, current_setting('request.jwt.claims', true) as claims`);
      const [saved] = (result as unknown as { rows: { role: string; claims: string | null }[] }).rows;
      const value = await openTransaction.run(tx, () => work(tx));
      await tx.execute(sql`select set_config('role', ${saved.role}, true), set_config('request.jwt.claims', ${saved.claims ?? ''}, true)`);
      return value;
    });
  }) as Database['transaction'];
  return async () => ({ db: connection, close: async () => {} });
}
