import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';

/**
 * What Neon's SQL-over-HTTP endpoint (`POST /sql`) does, in front of a real Postgres:
 * each request connects to the database its `Neon-Connection-String` names, runs one
 * statement (autocommit) or a batch of them in one transaction with the requested
 * isolation, access mode and deferrability, and answers in Neon's JSON: values as
 * Postgres' text, rows as arrays in array mode, errors with Postgres' fields and HTTP 400.
 * It speaks what Neon's driver and functions/database/neon-http.ts send (raw text output),
 * and counts requests, which are the round trips a client made.
 */
export interface NeonHttpEndpoint {
  /** The URL to POST to (neonConfig.fetchEndpoint, NeonHttpClient's `endpoint`). */
  url: string;
  /** Requests received so far. */
  requests(): number;
  /** Every request received so far, headers (lower-cased names) and parsed body. */
  received(): ReceivedRequest[];
  close(): Promise<void>;
}

export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  body: unknown;
}

interface QueryData {
  query: string;
  params?: unknown[];
  arrayMode?: boolean;
}

interface Options {
  rawText: boolean;
  arrayMode: boolean;
}

const ISOLATION_LEVELS: Record<string, string> = {
  ReadUncommitted: 'read uncommitted',
  ReadCommitted: 'read committed',
  RepeatableRead: 'repeatable read',
  Serializable: 'serializable',
};

/** Postgres error fields as Neon names them in its error answer. */
const ERROR_FIELDS = [
  'code', 'detail', 'hint', 'position', 'internalPosition', 'internalQuery', 'severity', 'where',
  'table', 'column', 'schema', 'dataType', 'constraint', 'file', 'line', 'routine',
] as const;

/** Values stay Postgres' text, as Neon's raw text output sends them. */
const TEXT_AS_IS = { getTypeParser: () => (value: string) => value };

class RequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function startNeonHttpEndpoint(): Promise<NeonHttpEndpoint> {
  const received: ReceivedRequest[] = [];
  const server = createServer((request, response) => {
    void answer(request, response, received);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sql`,
    requests: () => received.length,
    received: () => [...received],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function answer(request: IncomingMessage, response: ServerResponse, received: ReceivedRequest[]): Promise<void> {
  const text = await readBody(request);
  const body = parseJson(text);
  received.push({ headers: request.headers, body });
  try {
    if (request.method !== 'POST' || !request.url?.startsWith('/sql')) throw new RequestError(404, 'not found');
    const result = await run(request.headers, body);
    respond(response, 200, result.json, result.headers);
  } catch (error) {
    respond(response, error instanceof RequestError ? error.status : statusOf(error), errorJson(error));
  }
}

async function run(headers: IncomingHttpHeaders, body: unknown): Promise<{ json: unknown; headers?: Record<string, string> }> {
  const connectionString = headers['neon-connection-string'];
  if (typeof connectionString !== 'string') throw new RequestError(400, 'missing connection string');
  const options: Options = {
    rawText: headers['neon-raw-text-output'] === 'true',
    arrayMode: headers['neon-array-mode'] === 'true',
  };
  // Neon converts values to JSON types without raw text output; no client of this project asks for that.
  if (!options.rawText) throw new RequestError(400, 'this stand-in answers raw text output only');
  const isolationHeader = headers['neon-batch-isolation-level'];
  if (isolationHeader !== undefined && !ISOLATION_LEVELS[String(isolationHeader)]) {
    throw new RequestError(400, 'invalid isolation level');
  }
  const payload = body as { query?: unknown; queries?: unknown } | undefined;
  const batch = Array.isArray(payload?.queries) ? (payload.queries as QueryData[]) : null;
  if (!batch && typeof payload?.query !== 'string') throw new RequestError(400, 'request body is not a query or a batch of queries');

  const client = new pg.Client({ connectionString });
  client.on('error', () => {});
  await client.connect();
  try {
    if (!batch) return { json: await runQuery(client, payload as QueryData, options) };
    const begin = [
      'begin',
      isolationHeader ? `isolation level ${ISOLATION_LEVELS[String(isolationHeader)]}` : '',
      headers['neon-batch-read-only'] === 'true' ? 'read only' : '',
      headers['neon-batch-deferrable'] === 'true' ? 'deferrable' : '',
    ].filter(Boolean);
    await client.query(begin.join(' '));
    try {
      const results = [];
      for (const query of batch) results.push(await runQuery(client, query, options));
      await client.query('commit');
      return { json: { results }, headers: batchHeaders(headers) };
    } catch (error) {
      await client.query('rollback').catch(() => {});
      throw error;
    }
  } finally {
    await client.end().catch(() => {});
  }
}

/** One statement over the extended protocol (as Neon runs them: one statement per query, text in and out). */
async function runQuery(client: pg.Client, data: QueryData, options: Options) {
  const arrayMode = data.arrayMode ?? options.arrayMode;
  const result = await client.query({
    text: data.query,
    values: (data.params ?? []).map(paramToText),
    rowMode: 'array',
    types: TEXT_AS_IS,
    queryMode: 'extended',
  } as pg.QueryArrayConfig);
  const fields = result.fields.map((field) => ({
    name: field.name,
    dataTypeID: field.dataTypeID,
    tableID: field.tableID,
    columnID: field.columnID,
    dataTypeSize: field.dataTypeSize,
    dataTypeModifier: field.dataTypeModifier,
    format: 'text',
  }));
  const rows = arrayMode
    ? result.rows
    : result.rows.map((row) => Object.fromEntries(fields.map((field, i) => [field.name, row[i]])));
  return { rowAsArray: arrayMode, fields, rows, command: result.command, rowCount: result.rowCount ?? null };
}

/**
 * A JSON parameter as the Postgres text Neon passes on: strings as they are, null as
 * NULL, other scalars and objects as their JSON, arrays as array literals.
 */
function paramToText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return arrayLiteral(value);
  return JSON.stringify(value);
}

function arrayLiteral(values: unknown[]): string {
  const items = values.map((value) => {
    if (value === null || value === undefined) return 'NULL';
    if (Array.isArray(value)) return arrayLiteral(value);
    if (typeof value === 'object') return JSON.stringify(JSON.stringify(value));
    return JSON.stringify(value);
  });
  return `{${items.join(',')}}`;
}

/** Neon echoes a batch's transaction settings in its answer's headers. */
function batchHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const echoed: Record<string, string> = {};
  for (const name of ['neon-batch-isolation-level', 'neon-batch-read-only', 'neon-batch-deferrable']) {
    const value = headers[name];
    if (name === 'neon-batch-isolation-level' ? value !== undefined : value === 'true') echoed[name] = String(value);
  }
  return echoed;
}

/** Postgres' own errors are the request's (400); a connection that could not be made is Neon's (500). */
function statusOf(error: unknown): number {
  return typeof (error as { code?: unknown }).code === 'string' && /^[0-9A-Z]{5}$/.test((error as { code: string }).code) ? 400 : 500;
}

function errorJson(error: unknown): Record<string, unknown> {
  const source = error as Record<string, unknown>;
  const json: Record<string, unknown> = { message: error instanceof Error ? error.message : String(error) };
  for (const field of ERROR_FIELDS) json[field] = source[field] ?? (field === 'code' || field === 'severity' ? '' : null);
  if (!(error instanceof pg.DatabaseError)) json.code = '';
  return json;
}

function respond(response: ServerResponse, status: number, json: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*', ...headers });
  response.end(JSON.stringify(json));
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
