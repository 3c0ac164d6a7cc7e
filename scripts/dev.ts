// `npm run dev`: the whole of PAM on this machine. Prepares .dev.vars, migrates and seeds
// the database (the embedded one under .pam/pglite, or DATABASE_URL when set), serves the
// embedded one over the Postgres protocol, and runs the Worker with `wrangler dev`.
// package.json runs it as `node --import tsx`, in one process: the tsx CLI would sit in
// between, pass Ctrl-C on, and SIGKILL this process when it does not acknowledge within
// 30 ms (easily missed on a busy machine), leaving PGlite unclosed.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { relative } from 'node:path';
import { createServer } from 'node:net';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import type { PGlite } from '@electric-sql/pglite';
import { connectAsOwner, redactUrl } from '../db/connect.ts';
import { embeddedDataDir, openEmbeddedDatabase } from '../db/embedded.ts';
import { migrate, MigrationError } from '../db/migrate.ts';
import { demoUserEmail, seedDemoData } from '../db/seed.ts';
import type { SqlClient } from '../db/sql-client.ts';
import {
  embeddedDatabaseUrl,
  embeddedServerHost,
  embeddedServerPort,
  ensureDevVars,
  wranglerOfflineEnv,
} from './dev-database.ts';

const workerHost = '127.0.0.1';
const workerPort = 8787;
const workerUrl = `http://${workerHost}:${workerPort}`;
// The Worker opens a connection per request, and the socket server turns away any beyond
// its limit (default one), which the Worker reports as 503s. Connections cost next to
// nothing: they all share PGlite's single backend (statements are queued, a transaction
// holds the queue), so allow as many as a default PostgreSQL server would.
const socketServerConnections = 100;
const readyTimeoutMs = 120_000;
const wranglerStopTimeoutMs = 10_000;

const startedAt = performance.now();
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

let pglite: PGlite | undefined;
let socketServer: PGLiteSocketServer | undefined;
let wrangler: ChildProcess | undefined;
let stopping = false;
let startup: Promise<void> = Promise.resolve();

class StartupError extends Error {}

async function assertPortFree(port: number, what: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(
          new StartupError(
            `Port ${port} on 127.0.0.1 (${what}) is already in use. Is another \`npm run dev\` running? ` +
              `Stop it, or find the process with \`ss -ltnp 'sport = :${port}'\`.`,
          ),
        );
      } else reject(error);
    });
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

async function prepare(db: SqlClient, description: string): Promise<void> {
  const migrating = performance.now();
  const { applied } = await migrate(db);
  console.log(
    applied.length > 0
      ? `Migrated ${description}: ${applied.length} applied (${seconds(migrating)}).`
      : `${description}: schema up to date.`,
  );
  const seeding = performance.now();
  const { seeded } = await seedDemoData(db);
  if (seeded) console.log(`Seeded demo data for ${demoUserEmail} (${seconds(seeding)}).`);
}

/** Migrates and seeds DATABASE_URL; the Worker connects to it directly. */
async function prepareServerDatabase(url: string): Promise<string> {
  const db = await connectAsOwner(url);
  try {
    await prepare(db, redactUrl(url));
  } finally {
    await db.close();
  }
  return url;
}

/** Opens, migrates and seeds the embedded database, then serves it to the Worker. */
async function startEmbeddedDatabase(): Promise<string> {
  await assertPortFree(embeddedServerPort, 'the embedded database');
  const opening = performance.now();
  pglite = await openEmbeddedDatabase(embeddedDataDir);
  const where = relative(process.cwd(), embeddedDataDir) || embeddedDataDir;
  console.log(`Opened the embedded database in ${where} (${seconds(opening)}).`);
  try {
    await prepare(pglite as unknown as SqlClient, 'Embedded database');
  } catch (error) {
    if (!(error instanceof MigrationError)) throw error;
    throw new StartupError(
      `${error.message}\nThe embedded database holds only local data: to start over from the current ` +
        `migrations, delete it (rm -rf ${where}) and run npm run dev again.`,
    );
  }
  if (stopping) return embeddedDatabaseUrl;
  socketServer = new PGLiteSocketServer({
    db: pglite,
    host: embeddedServerHost,
    port: embeddedServerPort,
    maxConnections: socketServerConnections,
  });
  await socketServer.start();
  return embeddedDatabaseUrl;
}

function startWrangler(databaseUrl: string): ChildProcess {
  // Wrangler's own entry script (what `npx wrangler` runs) starts this file in a child
  // process without passing signals on; starting it directly lets Ctrl-C and `kill` reach
  // the process that owns workerd.
  const wranglerCli = createRequire(import.meta.url).resolve('wrangler');
  const child = spawn(
    process.execPath,
    [
      '--no-warnings',
      '--experimental-vm-modules',
      wranglerCli,
      'dev',
      '--port',
      String(workerPort),
      '--ip',
      workerHost,
      '--test-scheduled',
      '--var',
      `DATABASE_URL:${databaseUrl}`,
    ],
    { stdio: 'inherit', env: { ...process.env, ...wranglerOfflineEnv } },
  );
  // In a terminal wrangler reads keys itself (Ctrl-C or x quits it), so no signal reaches
  // this process: wrangler exiting is the cue to stop the rest.
  child.once('exit', (code, signal) => {
    wrangler = undefined;
    if (stopping) return;
    if (code === 0) console.log('\nwrangler dev exited; stopping PAM...');
    else console.error(`wrangler dev stopped (${signal ?? `exit code ${code}`}).`);
    void shutdown(code ?? 1);
  });
  return child;
}

async function waitUntilServing(): Promise<boolean> {
  const deadline = Date.now() + readyTimeoutMs;
  while (Date.now() < deadline && !stopping && wrangler) {
    try {
      // The first request also loads the Worker and opens its first database connection.
      await fetch(`${workerUrl}/health`, { signal: AbortSignal.timeout(30_000) });
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  return false;
}

function printWelcome(databaseDescription: string): void {
  const lines = [
    '',
    `PAM is running at ${workerUrl} (ready in ${seconds(startedAt)})`,
    `  API reference  ${workerUrl}/docs`,
    `  Database       ${databaseDescription}`,
    `  Tokens         npm run token -- --email someone@example.com [--admin]`,
    `                 TOKEN=$(npm run -s token -- --email ${demoUserEmail})   # the seeded demo user`,
    `                 curl -H "Authorization: Bearer $TOKEN" ${workerUrl}/api/v1/me`,
    `  Cron jobs      curl "${workerUrl}/__scheduled?cron=0+*/6+*+*+*"   # product sync`,
    'Stop with Ctrl-C.',
    '',
  ];
  console.log(lines.join('\n'));
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Stops wrangler, then the socket server, then closes PGlite so its directory is left consistent. */
async function shutdown(exitCode: number): Promise<never> {
  if (stopping) return new Promise<never>(() => {});
  stopping = true;
  const child = wrangler;
  if (child) {
    child.kill('SIGINT');
    if (!(await waitForExit(child, wranglerStopTimeoutMs))) {
      console.error('wrangler did not stop in time; killing it.');
      child.kill('SIGKILL');
      await waitForExit(child, 2_000);
    }
  }
  // A step still running (a migration, say) finishes before its database is closed.
  await startup.catch(() => {});
  try {
    await socketServer?.stop();
    await pglite?.close();
  } catch (error) {
    console.error('Could not close the embedded database cleanly:', error);
    exitCode ||= 1;
  }
  process.exit(exitCode);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    if (!stopping) console.log(`\nStopping PAM (${signal})...`);
    void shutdown(0);
  });
}

async function main(): Promise<void> {
  const devVars = await ensureDevVars();
  if (devVars === 'created') console.log('Created .dev.vars from .dev.vars.example with a new random JWT_SECRET.');
  if (devVars === 'secret-generated') console.log('Put a new random JWT_SECRET in .dev.vars.');
  await assertPortFree(workerPort, 'the Worker');

  const serverUrl = process.env.DATABASE_URL;
  const databaseUrl = serverUrl ? await prepareServerDatabase(serverUrl) : await startEmbeddedDatabase();
  if (stopping) return;
  const databaseDescription = serverUrl
    ? redactUrl(serverUrl)
    : `embedded (${relative(process.cwd(), embeddedDataDir)}), served at ${embeddedDatabaseUrl}`;

  console.log(`Database ready (${seconds(startedAt)}). Starting wrangler dev...`);
  wrangler = startWrangler(databaseUrl);
  if (await waitUntilServing()) printWelcome(databaseDescription);
  else if (!stopping) throw new StartupError(`The Worker did not answer on ${workerUrl} within ${readyTimeoutMs / 1000} s.`);
}

startup = main();
startup.catch((error: unknown) => {
  if (stopping) return;
  console.error(error instanceof StartupError ? error.message : error);
  void shutdown(1);
});
