import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/**
 * The Worker's database handle as domain code sees it: already inside a transaction
 * with the caller's role and claims (a user's request, a PAM tool call) or as
 * service_role (webhooks, scheduled jobs). Imports nothing of the project's own, so
 * every layer can name it without an import cycle.
 */
export type Database = PgDatabase<PgQueryResultHKT>;

/** A statement as a driver sends it: text with $n placeholders, and their values. */
export interface DriverStatement {
  text: string;
  values: unknown[];
}

/** One connection, opened for one request or job and closed after it, as Workers require. */
export interface DatabaseConnection {
  db: Database;
  close(): Promise<void>;
  /**
   * Present on drivers that can hold a transaction's first statement (the one that sets
   * role and claims) and send it together with the next one, in one round trip. Called
   * right after the transaction begins; its failure becomes the next statement's failure.
   */
  sendWithNextStatement?(statement: DriverStatement): void;
}

export interface ConnectOptions {
  /**
   * The work is exactly one statement after its claims (operations declare it): a driver
   * may send the claims, the statement and the COMMIT as one unit (one round trip on pg,
   * one HTTP transaction on Neon), and refuses a second statement.
   */
  oneStatement?: boolean;
}

/** Where the connection comes from: the configured server in production, the embedded one in tests. */
export type ConnectDatabase = (config: DatabaseConfig, options?: ConnectOptions) => Promise<DatabaseConnection>;

/** The bindings a connection needs (a subset of the Worker's Env). */
export interface DatabaseConfig {
  DATABASE_URL?: string;
  HYPERDRIVE?: { connectionString: string };
  DATABASE_DRIVER?: string;
  NEON_WS_PROXY?: string;
  /** Where Neon's SQL-over-HTTP requests go instead of Neon's endpoint for the host (local tests). */
  NEON_HTTP_ENDPOINT?: string;
}
