import pg from 'pg';
import type { SqlClient } from './sql-client.ts';
import { embeddedDataDir, openEmbeddedDatabase } from './embedded.ts';

export interface OwnedSqlClient extends SqlClient {
  close(): Promise<void>;
  readonly description: string;
}

/** A node-postgres connection seen as a SqlClient, with the driver's own client at hand. */
export interface PgSqlClient extends OwnedSqlClient {
  readonly pg: pg.Client;
}

/**
 * One connection to a PostgreSQL server for tests, benchmarks and tooling (the Worker
 * has its own drivers in functions/database/). Close it, or use withPgClient.
 */
export async function openPgClient(url: string): Promise<PgSqlClient> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    pg: client,
    query: (text, params) => client.query(text, params as unknown[]) as never,
    exec: (script) => client.query(script),
    close: () => client.end(),
    description: redactUrl(url),
  };
}

/** Runs `work` on a connection of its own and closes it, whatever happens. */
export async function withPgClient<T>(url: string, work: (client: PgSqlClient) => Promise<T>): Promise<T> {
  const client = await openPgClient(url);
  try {
    return await work(client);
  } finally {
    await client.close();
  }
}

/** A single owner connection for tooling: DATABASE_URL when set, else the embedded database. */
export async function connectAsOwner(url = process.env.DATABASE_URL): Promise<OwnedSqlClient> {
  if (url) return openPgClient(url);
  const db = await openEmbeddedDatabase(embeddedDataDir);
  return {
    query: (text, params) => db.query(text, params) as never,
    exec: (script) => db.exec(script),
    close: () => db.close(),
    description: `embedded database at ${embeddedDataDir}`,
  };
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the configured database';
  }
}

/** The same server URL, naming another database on it. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
