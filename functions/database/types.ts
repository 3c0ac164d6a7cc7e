import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/**
 * The Worker's database handle as domain code sees it: already inside a transaction
 * with the caller's role and claims (a user's request, a PAM tool call) or as
 * service_role (webhooks, scheduled jobs). Imports nothing of the project's own, so
 * every layer can name it without an import cycle.
 */
export type Database = PgDatabase<PgQueryResultHKT>;

/** One connection, opened for one request or job and closed after it, as Workers require. */
export interface DatabaseConnection {
  db: Database;
  close(): Promise<void>;
}

/** Where the connection comes from: the configured server in production, the embedded one in tests. */
export type ConnectDatabase = (config: DatabaseConfig) => Promise<DatabaseConnection>;

/** The bindings a connection needs (a subset of the Worker's Env). */
export interface DatabaseConfig {
  DATABASE_URL?: string;
  HYPERDRIVE?: { connectionString: string };
  DATABASE_DRIVER?: string;
  NEON_WS_PROXY?: string;
}
