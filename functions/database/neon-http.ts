import pg from 'pg';

/**
 * A client for Neon's SQL-over-HTTP endpoint that drizzle's node-postgres driver can use
 * in place of a pg.Client, so that a request's claims statement and its one statement
 * cost one round trip: both travel as one HTTP transaction.
 *
 * Neon's own driver speaks the same protocol but weighs ~47 KB gzipped in the Worker;
 * this is the part PAM needs, on plain fetch, with pg (already bundled) for the value
 * conversions both ways, so rows and errors are exactly what pg would give.
 *
 * The wire format: POST a JSON body `{ query, params }` (or `{ queries: [...] }` for a
 * transaction) to https://api.<region host>/sql, with the connection string in
 * `Neon-Connection-String`; values come back as Postgres' text, rows as arrays.
 *
 * A transaction (BEGIN, then statements, then COMMIT or ROLLBACK, as drizzle sends them):
 * - BEGIN is answered at once and sends nothing.
 * - Its first statement (the one that sets role and claims) is held: its promise stays
 *   pending until it has been sent.
 * - The second statement is sent together with the held one, as one HTTP transaction,
 *   which Neon commits, or rolls back when either fails. Neon's error answer does not say
 *   which of the two failed, so on failure both promises reject with that one error:
 *   whichever statement raised it, the caller sees the real cause.
 * - COMMIT or ROLLBACK after that sends nothing (Neon already committed or rolled back).
 * - COMMIT while only the held statement is pending (the work ran no statement of its
 *   own) sends it alone, as a transaction of one, and settles with its outcome; ROLLBACK
 *   then sends nothing and rejects the held statement's promise.
 * - A third statement is refused: over HTTP a transaction is sent whole, and the first two
 *   are already committed.
 * A statement outside a transaction is sent alone (autocommit), one request each.
 */

export interface NeonHttpOptions {
  /** Where to POST; by default Neon's endpoint for the connection string's host. */
  endpoint?: string;
  fetch?: typeof fetch;
  /** How long a request may take, connection to answer, before it counts as the database being unavailable. */
  timeoutMs?: number;
}

/** A statement as pg.Client.query takes it (drizzle passes `types`, `rowMode`, and sometimes `name`). */
export interface NeonHttpQueryConfig {
  text: string;
  values?: unknown[];
  rowMode?: 'array';
  types?: { getTypeParser(oid: number, format?: string): (value: string) => unknown };
  name?: string;
}

/** A result as pg returns it. */
export interface NeonHttpResult {
  command: string;
  rowCount: number | null;
  oid: null;
  fields: NeonField[];
  rows: unknown[];
  rowAsArray: boolean;
}

interface NeonField {
  name: string;
  dataTypeID: number;
}

/** One statement's answer in Neon's format (values as text, rows as arrays). */
interface NeonAnswer {
  fields: NeonField[];
  rows: (string | null)[][];
  command: string;
  rowCount: number | null;
}

interface Statement {
  config: NeonHttpQueryConfig;
  body: { query: string; params: unknown[] };
  settle(outcome: Promise<NeonAnswer>): void;
}

interface BatchSettings {
  isolation: string;
  readOnly: boolean;
  deferrable: boolean;
}

type TransactionState =
  | { step: 'none' }
  | { step: 'begun'; settings: BatchSettings }
  | { step: 'holding'; settings: BatchSettings; held: Statement }
  | { step: 'sent'; sent: Promise<unknown> };

const DEFAULT_TIMEOUT_MS = 10_000;
const BEGIN = /^\s*(begin|start transaction)\b/i;
const END = /^\s*(commit|rollback|end|abort)\b/i;
const SQLSTATE = /^[0-9A-Z]{5}$/;
/** The fields of pg's DatabaseError, as Neon's error answer names them. */
const ERROR_FIELDS = [
  'severity', 'code', 'detail', 'hint', 'position', 'internalPosition', 'internalQuery', 'where',
  'schema', 'table', 'column', 'dataType', 'constraint', 'file', 'line', 'routine',
] as const;
const ISOLATION_LEVELS: Record<string, string> = {
  'read uncommitted': 'ReadUncommitted',
  'read committed': 'ReadCommitted',
  'repeatable read': 'RepeatableRead',
  serializable: 'Serializable',
};

export const THIRD_STATEMENT_MESSAGE =
  "Over Neon's HTTP endpoint a transaction runs one statement besides its claims, and this one ran more: " +
  'declare the operation as one of several statements.';

const prepareValue = (pg as unknown as { utils: { prepareValue(value: unknown): unknown } }).utils.prepareValue;

/** Neon's HTTP endpoint for a connection string's host, as Neon's driver computes it. */
export function neonHttpEndpoint(connectionString: string): string {
  return `https://${new URL(connectionString).hostname.replace(/^[^.]+\./, 'api.')}/sql`;
}

export class NeonHttpClient {
  readonly #connectionString: string;
  readonly #endpoint: string;
  readonly #fetch: typeof fetch;
  readonly #timeoutMs: number;
  #transaction: TransactionState = { step: 'none' };

  constructor(connectionString: string, options: NeonHttpOptions = {}) {
    this.#connectionString = connectionString.replace(/^postgres:/, 'postgresql:');
    this.#endpoint = options.endpoint ?? neonHttpEndpoint(connectionString);
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  query(textOrConfig: string | NeonHttpQueryConfig, values?: unknown[]): Promise<NeonHttpResult> {
    const config = typeof textOrConfig === 'string' ? { text: textOrConfig } : textOrConfig;
    const state = this.#transaction;
    const { text } = config;
    // Outside a transaction too: a COMMIT or ROLLBACK with none in progress only makes Postgres warn.
    if (END.test(text)) return this.#end(/^\s*(commit|end)\b/i.test(text));
    if (state.step === 'none') {
      if (!BEGIN.test(text)) return this.#sendAlone(config, values ?? config.values);
      this.#transaction = { step: 'begun', settings: batchSettings(text) };
      return Promise.resolve(emptyResult('BEGIN'));
    }
    if (state.step === 'sent') return Promise.reject(new Error(THIRD_STATEMENT_MESSAGE));
    const { statement, result } = this.#statement(config, values ?? config.values);
    if (state.step === 'begun') {
      // The held statement's failure is also its partner's (or the COMMIT's), so nothing is
      // lost if its caller never awaits it; marking it handled spares an unhandled rejection.
      result.catch(() => {});
      this.#transaction = { ...state, step: 'holding', held: statement };
    } else {
      const answers = this.#post({ queries: [state.held.body, statement.body] }, state.settings);
      state.held.settle(answers.then((results) => results[0]));
      statement.settle(answers.then((results) => results[1]));
      this.#transaction = { step: 'sent', sent: answers };
    }
    return result;
  }

  /**
   * Holds `statement` as the transaction's first, without a promise of its own: it travels
   * with the next statement, and its failure becomes that statement's failure. Only right
   * after BEGIN.
   */
  sendWithNextStatement(statement: { text: string; values: unknown[] }): void {
    if (this.#transaction.step !== 'begun') throw new Error('sendWithNextStatement: no transaction was just begun');
    void this.query(statement);
  }

  /** Connection-style methods, so code written for pg can open and close it; there is no connection to manage. */
  async connect(): Promise<void> {}
  async end(): Promise<void> {}
  release(): void {}
  on(_event: string, _listener: (...args: unknown[]) => void): this {
    return this;
  }

  #sendAlone(config: NeonHttpQueryConfig, values: unknown[] | undefined): Promise<NeonHttpResult> {
    const { statement, result } = this.#statement(config, values);
    statement.settle(this.#post(statement.body));
    return result;
  }

  async #end(commit: boolean): Promise<NeonHttpResult> {
    const state = this.#transaction;
    this.#transaction = { step: 'none' };
    if (state.step === 'sent') {
      // Settles when the transaction has; its outcome was already reported to its statements.
      await state.sent.catch(() => {});
    } else if (state.step === 'holding') {
      const { held, settings } = state;
      if (!commit) {
        held.settle(Promise.reject(new Error('The transaction was rolled back before its statement was sent.')));
      } else {
        const answers = this.#post({ queries: [held.body] }, settings);
        held.settle(answers.then((results) => results[0]));
        await answers;
      }
    }
    return emptyResult(commit ? 'COMMIT' : 'ROLLBACK');
  }

  /** A statement ready to send, and the promise of its result, which settles when it is told how the sending went. */
  #statement(config: NeonHttpQueryConfig, values: unknown[] = []) {
    let settle!: (outcome: Promise<NeonAnswer>) => void;
    const result = new Promise<NeonHttpResult>((resolve, reject) => {
      settle = (outcome) => outcome.then((answer) => toResult(answer, config)).then(resolve, reject);
    });
    const statement: Statement = { config, body: { query: config.text, params: values.map(toParam) }, settle };
    return { statement, result };
  }

  #post(body: { queries: Statement['body'][] }, settings: BatchSettings): Promise<NeonAnswer[]>;
  #post(body: Statement['body']): Promise<NeonAnswer>;
  async #post(body: object, settings?: BatchSettings): Promise<unknown> {
    const headers: Record<string, string> = {
      'Neon-Connection-String': this.#connectionString,
      'Neon-Raw-Text-Output': 'true',
      'Neon-Array-Mode': 'true',
    };
    if (settings) {
      headers['Neon-Batch-Isolation-Level'] = settings.isolation;
      headers['Neon-Batch-Read-Only'] = String(settings.readOnly);
      headers['Neon-Batch-Deferrable'] = String(settings.deferrable);
    }
    let status: number;
    let text: string;
    try {
      const response = await this.#fetch(this.#endpoint, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      const timedOut = (error as { name?: string }).name === 'TimeoutError';
      throw unavailable(timedOut ? `Neon's HTTP endpoint did not answer within ${this.#timeoutMs} ms` : "Neon's HTTP endpoint cannot be reached", error);
    }
    const answer = parseJson(text) as Record<string, unknown> | undefined;
    if (status >= 200 && status < 300) {
      const result = settings ? answer?.results : answer;
      if (result && typeof result === 'object') return result;
      throw unavailable(`Neon's HTTP endpoint gave an unreadable answer (HTTP ${status})`);
    }
    if (answer && typeof answer.code === 'string' && SQLSTATE.test(answer.code)) throw databaseError(answer);
    const message = `Neon's HTTP endpoint answered HTTP ${status}: ${typeof answer?.message === 'string' ? answer.message : text.slice(0, 200)}`;
    // 507 is Neon's "response too large": the request's fault, which no retry mends.
    if ((status >= 500 && status !== 507) || status === 429) throw unavailable(message);
    throw new Error(message);
  }
}

/** The isolation, access mode and deferrability a BEGIN asks for (read committed, read-write by default, as Postgres' own). */
function batchSettings(begin: string): BatchSettings {
  const level = /isolation\s+level\s+(read\s+uncommitted|read\s+committed|repeatable\s+read|serializable)/i.exec(begin);
  return {
    isolation: ISOLATION_LEVELS[level ? level[1].toLowerCase().replace(/\s+/, ' ') : 'read committed'],
    readOnly: /\bread\s+only\b/i.test(begin),
    deferrable: /(?<!not\s+)\bdeferrable\b/i.test(begin),
  };
}

/** A parameter as pg would send it, in JSON: pg's own conversion, with bytes as bytea's hex text (JSON has no bytes). */
function toParam(value: unknown): unknown {
  const prepared = prepareValue(value);
  return prepared instanceof Uint8Array ? `\\x${(prepared as Buffer).toString('hex')}` : prepared;
}

/** Neon's answer as pg's QueryResult, values parsed by the statement's type parsers, else pg's. */
function toResult(answer: NeonAnswer, config: NeonHttpQueryConfig): NeonHttpResult {
  const types = config.types ?? pg.types;
  const parsers = answer.fields.map((field) => types.getTypeParser(field.dataTypeID, 'text') as (value: string) => unknown);
  const asArray = config.rowMode === 'array';
  const rows = answer.rows.map((row) => {
    const values = row.map((value, i) => (value === null ? null : parsers[i](value)));
    if (asArray) return values;
    const object: Record<string, unknown> = {};
    answer.fields.forEach((field, i) => (object[field.name] = values[i]));
    return object;
  });
  return { command: answer.command, rowCount: answer.rowCount ?? null, oid: null, fields: answer.fields, rows, rowAsArray: asArray };
}

function emptyResult(command: string): NeonHttpResult {
  return { command, rowCount: null, oid: null, fields: [], rows: [], rowAsArray: false };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Postgres' error as pg raises it: a pg DatabaseError with the same fields. */
function databaseError(answer: Record<string, unknown>): pg.DatabaseError {
  const error = new pg.DatabaseError(String(answer.message ?? ''), 0, 'error');
  for (const field of ERROR_FIELDS) {
    const value = answer[field];
    if (value !== null && value !== undefined && value !== '') (error as unknown as Record<string, unknown>)[field] = String(value);
  }
  return error;
}

/**
 * The database could not be asked or did not answer. SQLSTATE 08006 (connection failure)
 * is what the project's error classification answers "database unavailable" to.
 */
function unavailable(message: string, cause?: unknown): Error & { code: string } {
  return Object.assign(new Error(message, { cause }), { code: '08006' });
}
