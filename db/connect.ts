import pg from 'pg';
import type { SqlClient } from './sql-client.ts';
import { embeddedDataDir, openEmbeddedDatabase } from './embedded.ts';

export interface OwnedSqlClient extends SqlClient {
  close(): Promise<void>;
  readonly description: string;
}

/** A single owner connection for tooling: DATABASE_URL when set, else the embedded database. */
export async function connectAsOwner(url = process.env.DATABASE_URL): Promise<OwnedSqlClient> {
  if (url) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return {
      query: (text, params) => client.query(text, params as unknown[]) as never,
      exec: (script) => client.query(script),
      close: () => client.end(),
      description: redactUrl(url),
    };
  }
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
