import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { databaseUnavailable } from './errors.ts';
import { NeonHttpClient } from './neon-http.ts';
import { NeonWebSocket, type WebSocketClass } from './neon-websocket.ts';
import type { ConnectDatabase, ConnectOptions, Database, DatabaseConnection, DriverStatement } from './types.ts';

export type { ConnectDatabase, DatabaseConnection };

const CONNECT_TIMEOUT_MS = 5_000;

/** pg.Client or a subclass of it (the benchmark and tests pass one that counts round trips). */
export type PgClientClass = typeof pg.Client;

export interface PgOptions {
  Client?: PgClientClass;
  /** Makes the socket pg talks through, in place of TCP (Neon's WebSocket). */
  stream?: () => NeonWebSocket;
}

/** Picks the way to the configured database: Neon's HTTP and WebSocket endpoints for Neon hosts, TCP otherwise. */
export const connectFromEnv: ConnectDatabase = async (env, options = {}) => {
  const url = env.HYPERDRIVE?.connectionString ?? env.DATABASE_URL;
  if (!url) throw databaseUnavailable(new Error('DATABASE_URL is not configured'));
  const driver = env.DATABASE_DRIVER ?? (!env.HYPERDRIVE && isNeonHost(url) ? 'neon' : 'pg');
  if (driver !== 'neon') return connectPg(url, {}, options);
  // One statement needs no interactive transaction: it and its claims go as one HTTP
  // transaction, one round trip with no connection to open. Anything else needs a
  // session, which Neon serves over a WebSocket.
  return options.oneStatement
    ? connectNeonHttp(url, env.NEON_HTTP_ENDPOINT)
    : connectNeon(url, { proxy: env.NEON_WS_PROXY || undefined }, options);
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
export async function connectPg(url: string, options: PgOptions = {}, connectOptions: ConnectOptions = {}): Promise<DatabaseConnection> {
  const Client = options.Client ?? pg.Client;
  // Pipeline mode: statements go out without waiting for the answer to the one before, which
  // is what lets a transaction's BEGIN travel with its first statement (see PipelinedClient).
  const client = new Client({
    connectionString: url,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    pipeline: true,
    ...(options.stream ? { stream: options.stream as never } : {}),
  });
  if (options.stream) {
    // The socket brings its own TLS (wss://); an sslmode in the URL must not make pg ask
    // the server for TLS again inside it.
    const unencrypted = client as unknown as { ssl: unknown; connection: { ssl: unknown } };
    unencrypted.ssl = unencrypted.connection.ssl = false;
  }
  // An idle client that loses its socket emits 'error'; without a listener that would crash the isolate.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw databaseUnavailable(error);
  }
  const pipelined = new PipelinedClient(client, false);
  pipelined.checkOut(connectOptions);
  return {
    db: drizzlePg({ client: pipelined as unknown as pg.Client }) as unknown as Database,
    close: () => client.end().catch(() => {}),
    sendWithNextStatement: (statement) => pipelined.sendWithNextStatement(statement),
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
  const handles = new WeakMap<pg.PoolClient, { db: Database; pipelined: PipelinedClient }>();
  return {
    async connect(_config, connectOptions = {}) {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        throw databaseUnavailable(error);
      }
      let handle = handles.get(client);
      if (!handle) {
        const pipelined = new PipelinedClient(client, options.prepare ?? true);
        handle = { db: drizzlePg({ client: pipelined as unknown as pg.Client }) as unknown as Database, pipelined };
        handles.set(client, handle);
      }
      const { db, pipelined } = handle;
      pipelined.checkOut(connectOptions);
      return {
        db,
        sendWithNextStatement: (statement: DriverStatement) => pipelined.sendWithNextStatement(statement),
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

/** Neon's SQL-over-HTTP endpoint: each transaction is one request (neon-http.ts). */
export async function connectNeonHttp(url: string, endpoint?: string): Promise<DatabaseConnection> {
  const client = new NeonHttpClient(url, endpoint ? { endpoint } : {});
  return {
    db: drizzlePg({ client: client as unknown as pg.Client }) as unknown as Database,
    close: async () => {},
    sendWithNextStatement: (statement) => client.sendWithNextStatement(statement),
  };
}

export interface NeonOptions {
  /**
   * host:port/path of a WebSocket-to-TCP pipe in front of a plain Postgres, over ws://
   * with no TLS (local tests: NEON_WS_PROXY). Without it, Neon's proxy for the URL's host.
   */
  proxy?: string;
  /**
   * Whether the URL's password goes out with the startup message (see NeonWebSocket):
   * by default on Neon's own proxy, which asks for a cleartext password, and not through
   * a pipe, behind which Postgres decides how to authenticate.
   */
  passwordWithStartup?: boolean;
  /** The WebSocket class, where the runtime has no global one (Node 20). */
  WebSocket?: WebSocketClass;
  Client?: PgClientClass;
}

/**
 * A session over a WebSocket to Neon's proxy: pg's client on a NeonWebSocket, pipelined
 * as on TCP, for operations that need an interactive transaction.
 */
export function connectNeon(url: string, options: NeonOptions = {}, connectOptions: ConnectOptions = {}): Promise<DatabaseConnection> {
  const { proxy, WebSocket } = options;
  const password = (options.passwordWithStartup ?? !proxy) ? passwordOf(url) : undefined;
  return connectPg(url, { Client: options.Client, stream: () => new NeonWebSocket({ proxy, password, WebSocket }) }, connectOptions);
}

function passwordOf(url: string): string | undefined {
  try {
    return decodeURIComponent(new URL(url).password) || undefined;
  } catch {
    return undefined;
  }
}

type QueryConfig = { text: string; name?: string } & Record<string, unknown>;

const BEGIN = /^\s*begin\b/i;
const END = /^\s*(commit|rollback)\s*;?\s*$/i;
const SAVEPOINT = /^\s*(savepoint|release savepoint)\s/i;

const statementText = (config: QueryConfig | string) => (typeof config === 'string' ? config : config.text);

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
 * The pg client as drizzle sees it, with these differences.
 *
 * A transaction's BEGIN is held back, and so is the statement that sets its role and
 * claims (handed over by `sendWithNextStatement`); both are written together with the
 * transaction's next statement, on a client in pipeline mode. A request that runs one
 * statement costs one round trip for all three instead of three. If BEGIN or the claims
 * statement fails (an ended session), that error is the one the statement reports, and
 * the statement itself never ran: Postgres skips it in the aborted transaction.
 *
 * A SAVEPOINT, or the release of one (drizzle's nested transactions), is held the same
 * way and travels with the statement after it.
 *
 * With `oneStatement` (operations that declare it), the COMMIT travels in the same write
 * too, and a second statement is refused: the transaction has already ended.
 *
 * With `prepare` (pooled connections, which live for many requests), statements with
 * parameters are sent as named prepared statements, so the server parses and plans each
 * query shape once per connection instead of on every request.
 */
class PipelinedClient {
  #held: Statement[] = [];
  #oneStatement = false;
  /** The COMMIT sent with a one-statement transaction's statement, for drizzle's own COMMIT or ROLLBACK to await. */
  #sentCommit: Promise<pg.QueryResult> | null = null;

  constructor(
    readonly client: pg.ClientBase,
    readonly prepare: boolean,
  ) {}

  /** Called each time the connection is handed out: nothing of an earlier checkout carries over. */
  checkOut(options: ConnectOptions): void {
    this.#held = [];
    this.#sentCommit = null;
    this.#oneStatement = options.oneStatement ?? false;
  }

  sendWithNextStatement(statement: DriverStatement): void {
    this.#held.push({ config: statement.text, values: statement.values });
  }

  query(config: QueryConfig | string, values?: unknown): Promise<pg.QueryResult> {
    const text = statementText(config);
    if (this.#sentCommit) {
      const committed = this.#sentCommit;
      if (!END.test(text)) return Promise.reject(new Error(ONE_STATEMENT_EXCEEDED));
      this.#sentCommit = null;
      return committed;
    }
    const held = this.#held;
    if (held.length === 0 && BEGIN.test(text) && !hasValues(values)) {
      held.push({ config, values });
      return Promise.resolve(emptyResult('BEGIN'));
    }
    // A savepoint, or its release, needs no answer before the next statement: it travels
    // with it (a nested transaction's statements then cost no extra round trips).
    if (SAVEPOINT.test(text) && !hasValues(values)) {
      held.push({ config, values });
      return Promise.resolve(emptyResult(commandOf(text)));
    }
    if (held.length === 0) return this.#send(config, values);
    this.#held = [];
    // Whether the server has not even seen this transaction's BEGIN yet.
    const unopened = BEGIN.test(statementText(held[0].config));
    if (END.test(text)) {
      // A transaction that ran nothing after its BEGIN, or that is rolled back before its
      // claims were sent, has nothing to tell the server. One that commits still sends its
      // claims, so an ended session is refused even when no statement followed.
      if (unopened && (held.length === 1 || !/^\s*commit/i.test(text))) {
        return Promise.resolve(emptyResult(commandOf(text)));
      }
      return this.#sendTogether([...held, { config, values }]).result;
    }
    const statements = [...held, { config, values }];
    const commitWithIt = this.#oneStatement && unopened && held.length > 1;
    if (commitWithIt) statements.push({ config: 'commit', values: undefined });
    const { result, sent } = this.#sendTogether(statements, held.length);
    if (commitWithIt) this.#sentCommit = sent[statements.length - 1];
    return result;
  }

  /**
   * Writes `statements` in one go (the socket is corked until all are queued). `result` is
   * the answer to the statement at `resultIndex` (default the last), or the error of the
   * first statement before it that failed.
   */
  #sendTogether(statements: Statement[], resultIndex = statements.length - 1) {
    const stream = (this.client as unknown as { connection?: { stream?: { cork?(): void; uncork?(): void } } }).connection?.stream;
    stream?.cork?.();
    const sent: Promise<pg.QueryResult>[] = [];
    try {
      for (const { config, values } of statements) sent.push(this.#send(config, values));
    } finally {
      stream?.uncork?.();
    }
    for (const answer of sent) answer.catch(() => {});
    const result = (async () => {
      for (const before of sent.slice(0, resultIndex)) await before;
      return sent[resultIndex];
    })();
    return { result, sent };
  }

  #send(config: QueryConfig | string, values: unknown): Promise<pg.QueryResult> {
    const named = typeof config === 'string' ? { text: config } : config;
    if (this.prepare && !named.name && hasValues(values)) {
      const name = statementName(named.text);
      if (name) return this.client.query({ ...named, name } as never, values as never);
    }
    return this.client.query(config as never, values as never);
  }
}

interface Statement {
  config: QueryConfig | string;
  values: unknown;
}

const ONE_STATEMENT_EXCEEDED =
  'This operation is declared to run one statement (functions/api/operation.ts), and ran a second: ' +
  'its transaction had already committed with the first. Remove the declaration or the second statement.';

function hasValues(values: unknown): boolean {
  return Array.isArray(values) && values.length > 0;
}

/** The command word a statement's result carries: `SAVEPOINT`, `COMMIT`, ... */
function commandOf(text: string): string {
  return text.trim().split(/\s|;/)[0].toUpperCase();
}

function emptyResult(command: string): pg.QueryResult {
  return { command, rowCount: null, oid: 0, fields: [], rows: [] };
}
