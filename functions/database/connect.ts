import { Client as NeonClient, neonConfig } from '@neondatabase/serverless';
import { drizzle as drizzleNeon } from 'drizzle-orm/neon-serverless';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { databaseUnavailable } from './errors.ts';
import type { ConnectDatabase, Database, DatabaseConnection } from './types.ts';

export type { ConnectDatabase, DatabaseConnection };

const CONNECT_TIMEOUT_MS = 5_000;

/** pg.Client or a subclass of it (the benchmark and tests pass one that counts round trips). */
export type PgClientClass = typeof pg.Client;

export interface PgOptions {
  Client?: PgClientClass;
}

/** Picks the driver for the configured database: Neon's serverless driver for Neon hosts, `pg` otherwise. */
export const connectFromEnv: ConnectDatabase = async (env) => {
  const url = env.HYPERDRIVE?.connectionString ?? env.DATABASE_URL;
  if (!url) throw databaseUnavailable(new Error('DATABASE_URL is not configured'));
  const driver = env.DATABASE_DRIVER ?? (!env.HYPERDRIVE && isNeonHost(url) ? 'neon' : 'pg');
  return driver === 'neon' ? connectNeon(url, env.NEON_WS_PROXY) : connectPg(url);
};

export function isNeonHost(url: string): boolean {
  try {
    const { hostname } = new URL(url);
    return hostname.endsWith('.neon.tech') || hostname.endsWith('.neon.build');
  } catch {
    return false;
  }
}

/** One connection of its own, closed after the request or job (Workers, Hyperdrive). */
export async function connectPg(url: string, options: PgOptions = {}): Promise<DatabaseConnection> {
  const Client = options.Client ?? pg.Client;
  // Pipeline mode: statements go out without waiting for the answer to the one before, which
  // is what lets a transaction's BEGIN travel with its first statement (see PipelinedClient).
  const client = new Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, pipeline: true });
  // An idle client that loses its socket emits 'error'; without a listener that would crash the isolate.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw databaseUnavailable(error);
  }
  return {
    db: drizzlePg({ client: new PipelinedClient(client, false) as unknown as pg.Client }) as unknown as Database,
    close: () => client.end().catch(() => {}),
  };
}

export interface PgPool {
  /** Hands out a pooled connection per request or job; `close()` gives it back. */
  connect: ConnectDatabase;
  end(): Promise<void>;
}

/**
 * Connections from a pool that outlives requests: for PAM running as a Node server, where
 * a connection per request would cost a TCP and authentication handshake every time.
 */
export function pgPool(url: string, options: PgOptions & { max?: number; prepare?: boolean } = {}): PgPool {
  const pool = new pg.Pool({
    connectionString: url,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    max: options.max ?? 10,
    pipeline: true,
    ...(options.Client ? { Client: options.Client } : {}),
  } as pg.PoolConfig);
  // An idle pooled client that loses its socket is dropped by the pool; the event only needs a listener.
  pool.on('error', () => {});
  // One drizzle handle per pooled client, made the first time the client is handed out.
  const handles = new WeakMap<pg.PoolClient, Database>();
  return {
    async connect() {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        throw databaseUnavailable(error);
      }
      let db = handles.get(client);
      if (!db) {
        db = drizzlePg({ client: new PipelinedClient(client, options.prepare ?? true) as unknown as pg.Client }) as unknown as Database;
        handles.set(client, db);
      }
      return {
        db,
        close: async () => {
          // A connection still inside a transaction (its COMMIT or ROLLBACK never got through)
          // carries the last caller's role and claims: it is closed, never handed to the next request.
          const idle = (client as unknown as { getTransactionStatus(): string | null }).getTransactionStatus() === 'I';
          client.release(idle ? undefined : true);
        },
      };
    },
    end: () => pool.end(),
  };
}

export async function connectNeon(url: string, wsProxy?: string): Promise<DatabaseConnection> {
  if (wsProxy) {
    // A plain Postgres behind a WebSocket-to-TCP pipe (local tests): no TLS, no pipelining.
    neonConfig.wsProxy = () => wsProxy;
    neonConfig.useSecureWebSocket = false;
    neonConfig.pipelineTLS = false;
    neonConfig.pipelineConnect = false;
  }
  const client = new NeonClient({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    // Not awaited: after a failed connect Neon's Client.end() waits for an 'end' event the
    // connection has already emitted, which would hang the request (workerd then answers 500).
    // Its synchronous part still closes the socket.
    void client.end().catch(() => {});
    throw databaseUnavailable(error);
  }
  return {
    db: drizzleNeon({ client }) as unknown as Database,
    close: () => client.end().catch(() => {}),
  };
}

type QueryConfig = { text: string; name?: string } & Record<string, unknown>;

const BEGIN = /^\s*begin\b/i;
const END = /^\s*(commit|rollback)\s*;?\s*$/i;

/**
 * Names for statements kept prepared on pooled connections, by their text. Bounded: the
 * texts drizzle builds are few (one per query shape in the code), but a list filter with
 * a varying number of values makes new ones, and each name costs memory on every
 * connection; past the bound, new texts are simply sent unnamed.
 */
const statementNames = new Map<string, string>();
const MAX_PREPARED_STATEMENTS = 500;

function statementName(text: string): string | undefined {
  let name = statementNames.get(text);
  if (!name && statementNames.size < MAX_PREPARED_STATEMENTS) {
    name = `pam_${statementNames.size + 1}`;
    statementNames.set(text, name);
  }
  return name;
}

/**
 * The pg client as drizzle sees it, with two differences.
 *
 * A transaction's BEGIN is held back and written together with the transaction's first
 * statement, on a client in pipeline mode. Every transaction PAM opens starts with the
 * statement that sets the role and claims, so BEGIN and that statement cost one round
 * trip instead of two. If BEGIN fails, its error is the one reported, and drizzle rolls
 * back as it would have.
 *
 * With `prepare` (pooled connections, which live for many requests), statements with
 * parameters are sent as named prepared statements, so the server parses and plans each
 * query shape once per connection instead of on every request.
 */
class PipelinedClient {
  #heldBegin: { config: QueryConfig | string; values: unknown } | null = null;

  constructor(
    readonly client: pg.ClientBase,
    readonly prepare: boolean,
  ) {}

  query(config: QueryConfig | string, values?: unknown): Promise<pg.QueryResult> {
    const text = typeof config === 'string' ? config : config.text;
    const held = this.#heldBegin;
    if (!held) {
      if (BEGIN.test(text) && !hasValues(values)) {
        this.#heldBegin = { config, values };
        return Promise.resolve(emptyResult('BEGIN'));
      }
      return this.#send(config, values);
    }
    this.#heldBegin = null;
    // A transaction that ran nothing: neither its BEGIN nor its end needs to reach the server.
    if (END.test(text)) return Promise.resolve(emptyResult(text.trim().split(/\s|;/)[0].toUpperCase()));
    // One write for both: the socket is corked until both are queued.
    const stream = (this.client as unknown as { connection?: { stream?: { cork?(): void; uncork?(): void } } }).connection?.stream;
    stream?.cork?.();
    let began: Promise<pg.QueryResult>;
    let result: Promise<pg.QueryResult>;
    try {
      began = this.client.query(held.config as never, held.values as never);
      result = this.#send(config, values);
    } finally {
      stream?.uncork?.();
    }
    return began.then(
      () => result,
      (error: unknown) => {
        result.catch(() => {});
        throw error;
      },
    );
  }

  #send(config: QueryConfig | string, values: unknown): Promise<pg.QueryResult> {
    if (this.prepare && typeof config !== 'string' && !config.name && hasValues(values)) {
      const name = statementName(config.text);
      if (name) return this.client.query({ ...config, name } as never, values as never);
    }
    return this.client.query(config as never, values as never);
  }
}

function hasValues(values: unknown): boolean {
  return Array.isArray(values) && values.length > 0;
}

function emptyResult(command: string): pg.QueryResult {
  return { command, rowCount: null, oid: 0, fields: [], rows: [] };
}
