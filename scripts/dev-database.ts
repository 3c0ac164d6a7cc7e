import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { connectAsOwner, type OwnedSqlClient } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';

/** Where `npm run dev` serves the embedded database to the Worker (and to the token script). */
export const embeddedServerHost = '127.0.0.1';
export const embeddedServerPort = 54322;
/** PGlite's only database and superuser; the socket server asks for no password. */
export const embeddedDatabaseUrl = `postgres://postgres@${embeddedServerHost}:${embeddedServerPort}/postgres`;

export const devVarsPath = fileURLToPath(new URL('../.dev.vars', import.meta.url));
export const devVarsExamplePath = fileURLToPath(new URL('../.dev.vars.example', import.meta.url));
export const wranglerConfigPath = fileURLToPath(new URL('../wrangler.toml', import.meta.url));
export const jwtSecretPlaceholder = 'replace-me-npm-run-dev-generates-this';

/** Wrangler and Miniflare otherwise send usage metrics and fetch request.cf data from Cloudflare. */
export const wranglerOfflineEnv = {
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
} as const;

/** Parses the dotenv format wrangler reads .dev.vars in: KEY=value, optional quotes, # comments. */
export function parseDevVars(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match) continue;
    let value = match[2]!;
    const quoted = /^(['"])(.*)\1$/.exec(value);
    if (quoted) value = quoted[2]!;
    else value = value.replace(/\s+#.*$/, '');
    vars[match[1]!] = value;
  }
  return vars;
}

export async function readDevVars(): Promise<Record<string, string>> {
  try {
    return parseDevVars(await readFile(devVarsPath, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
}

/** The uncommented plain-string `[vars]` of wrangler.toml (enough for the few the scripts need). */
export async function readWranglerVars(): Promise<Record<string, string>> {
  const vars: Record<string, string> = {};
  let inVars = false;
  for (const line of (await readFile(wranglerConfigPath, 'utf8')).split(/\r?\n/)) {
    const table = /^\s*\[+\s*([^\]]+?)\s*\]+/.exec(line);
    if (table) {
      inVars = table[1] === 'vars';
      continue;
    }
    const entry = inVars && /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*"((?:[^"\\]|\\.)*)"/.exec(line);
    if (entry) vars[entry[1]!] = entry[2]!;
  }
  return vars;
}

export function newJwtSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Makes sure .dev.vars exists with a real JWT_SECRET: copies .dev.vars.example on the first
 * run, and replaces the placeholder wherever it is still in place. Returns what it did.
 */
export async function ensureDevVars(): Promise<'created' | 'secret-generated' | 'unchanged'> {
  let text: string;
  let created = false;
  try {
    text = await readFile(devVarsPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    text = await readFile(devVarsExamplePath, 'utf8');
    created = true;
  }
  const vars = parseDevVars(text);
  const needsSecret = !vars.JWT_SECRET || vars.JWT_SECRET === jwtSecretPlaceholder;
  if (needsSecret) {
    const line = `JWT_SECRET=${newJwtSecret()}`;
    text = /^\s*JWT_SECRET\s*=.*$/m.test(text)
      ? text.replace(/^\s*JWT_SECRET\s*=.*$/m, line)
      : `${text.replace(/\n?$/, '\n')}${line}\n`;
  }
  if (created || needsSecret) await writeFile(devVarsPath, text, { mode: 0o600 });
  return created ? 'created' : needsSecret ? 'secret-generated' : 'unchanged';
}

/** Whether something accepts TCP connections on host:port. */
export function isListening(port: number, host = '127.0.0.1', timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host });
    const done = (listening: boolean) => {
      socket.destroy();
      resolve(listening);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * An owner connection to the database `npm run dev` uses. PGlite allows one process per
 * data directory, so while the dev server holds the embedded database it is reached
 * through the dev server's socket; otherwise the directory is opened (and migrated) here.
 */
export async function connectToDevDatabase(): Promise<OwnedSqlClient> {
  if (process.env.DATABASE_URL) return connectAsOwner(process.env.DATABASE_URL);
  if (await isListening(embeddedServerPort, embeddedServerHost)) {
    const db = await connectAsOwner(embeddedDatabaseUrl);
    return { ...db, description: `the embedded database served by npm run dev (${embeddedDatabaseUrl})` };
  }
  const db = await connectAsOwner();
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
