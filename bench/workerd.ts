// PAM as it deploys: the Worker that `wrangler deploy` builds, served by workerd, opening a
// connection of its own to the database for every request (DATABASE_DRIVER=pg, as in
// production against a regular PostgreSQL server; with Hyperdrive the connection goes to
// Hyperdrive's warm pool instead, which spares the database a session start per request).
// A process of its own, so the load generator does not share its event loop with Miniflare's.
//
// It runs the built script in Miniflare with the settings wrangler.toml gives it
// (compatibility date and flags, [vars], the assets router in front), and not through
// `wrangler dev` (test/worker/local-worker.ts): that puts a proxy Worker, in a second
// workerd, in front of every request, a hop a deployed Worker does not have.
//
//   node --import tsx bench/workerd.ts <database url>
// prints `{"port":…,"pid":…}` once serving: the port to drive and workerd's process id.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { openPgClient } from '../db/connect.ts';
import { waitUntilServing } from '../test/worker/local-worker.ts';
import { BENCH_IPN_PASSPHRASE, BENCH_JWT_SECRET } from './scenarios.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const wranglerConfigPath = join(root, 'wrangler.toml');
/** Wrangler and Miniflare otherwise send usage metrics and fetch request.cf data from Cloudflare. */
const offlineEnv = { WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', NO_COLOR: '1' } as const;
// Bundling plus workerd's start take seconds on a small, shared machine.
const READY_TIMEOUT_MS = 90_000;

/** The Worker in workerd, as the benchmark drives it. */
export interface RunningWorkerd {
  port: number;
  /** The process that runs Miniflare (and stops workerd on SIGTERM). */
  child: ChildProcess;
  /**
   * What bench/server.ts answers at /__bench/round-trips, since the last call: workerd's CPU
   * time (user and system, all its threads: the entry and assets router Workers too), read
   * from /proc. Statements and round trips are NaN: nothing inside the Worker counts them.
   */
  counts(): Promise<{ statements: number; roundTrips: number; cpuMs: number }>;
  /** A connection per request: database backends that come and go between two samples. */
  connectionPerRequest: true;
}

/** The Worker's env: what bench/server.ts hands PAM in Node mode, plus the driver a deploy without a pool uses. */
function workerdVars(databaseUrl: string): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    DATABASE_DRIVER: 'pg',
    NEON_WS_PROXY: '',
    JWT_SECRET: BENCH_JWT_SECRET,
    DIGISTORE24_IPN_PASSPHRASE: BENCH_IPN_PASSPHRASE,
    PAM_ENV: 'production',
  };
}

/** Starts bench/workerd.ts in a process of its own; resolves once the Worker answers. */
export async function startWorkerd(databaseUrl: string): Promise<RunningWorkerd> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), databaseUrl], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const started = await new Promise<{ port: number; pid: number }>((resolveStart, reject) => {
      let output = '';
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        // Complete lines only: the last piece may be half a line.
        const line = output.split('\n').slice(0, -1).find((candidate) => candidate.startsWith('{'));
        if (!line) return;
        // Whatever the Worker prints later is read and dropped, so the pipe never fills up.
        child.stdout!.off('data', onData).resume();
        resolveStart(JSON.parse(line) as { port: number; pid: number });
      };
      child.stdout!.on('data', onData);
      child.once('exit', (code) => reject(new Error(`bench/workerd.ts exited (${code}) before serving`)));
      timer = setTimeout(() => reject(new Error(`bench/workerd.ts did not start in ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
    });
    let cpuSince = await processCpuMs(started.pid);
    const counts = async () => {
      const cpuNow = await processCpuMs(started.pid);
      const cpuMs = cpuNow - cpuSince;
      cpuSince = cpuNow;
      return { statements: NaN, roundTrips: NaN, cpuMs };
    };
    return { port: started.port, child, counts, connectionPerRequest: true };
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * What opening a connection to the database costs here (connect, start-up and authentication,
 * in milliseconds, the median of `samples` opened one after the other): the price pam-workerd
 * pays on every request, which decides its numbers more than the Worker does.
 */
export async function connectionCostMs(databaseUrl: string, samples = 9): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    const client = await openPgClient(databaseUrl);
    times.push(performance.now() - started);
    await client.close();
  }
  return times.sort((a, b) => a - b)[Math.floor(samples / 2)];
}

/** utime and stime (fields 14 and 15 of /proc/<pid>/stat, clock ticks of 10 ms); NaN when unreadable. */
async function processCpuMs(pid: number): Promise<number> {
  try {
    const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

/** The script `wrangler deploy` uploads (same [alias], same settings, not minified unless a deploy is), in `outdir`. */
async function buildWorker(outdir: string): Promise<string> {
  await promisify(execFile)(
    process.execPath,
    [join(root, 'node_modules/wrangler/bin/wrangler.js'), 'deploy', '--dry-run', '--outdir', outdir],
    { cwd: root, env: { ...process.env, ...offlineEnv }, maxBuffer: 16 * 1024 * 1024 },
  );
  return join(outdir, 'index.js');
}

/** The workerd process Miniflare started: this process's child of that name. */
async function workerdPid(): Promise<number> {
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8');
      const [, name, rest] = /^\d+ \((.*)\) (.*)$/s.exec(stat) ?? [];
      if (name === 'workerd' && Number(rest?.split(' ')[1]) === process.pid) return Number(entry);
    } catch {
      // Gone between the listing and the read.
    }
  }
  return NaN;
}

/** In the child: builds the Worker, serves it from workerd on a free port of 127.0.0.1. */
async function serve(databaseUrl: string): Promise<void> {
  Object.assign(process.env, offlineEnv);
  const outdir = await mkdtemp(join(tmpdir(), 'pam-bench-workerd-'));
  const scriptPath = await buildWorker(outdir);
  // Imported late so the offline settings above are in place before wrangler reads them.
  const { unstable_getMiniflareWorkerOptions } = await import('wrangler');
  const { Miniflare } = await import('miniflare');
  const { workerOptions } = unstable_getMiniflareWorkerOptions(wranglerConfigPath);
  const miniflare = new Miniflare({
    host: '127.0.0.1',
    port: 0,
    cf: false,
    logRequests: false,
    telemetry: { enabled: false },
    workers: [
      {
        ...workerOptions,
        name: 'pam',
        modules: true,
        modulesRoot: outdir,
        scriptPath,
        // These override wrangler.toml [vars] and whatever a developer's .dev.vars holds.
        bindings: { ...workerOptions.bindings, ...workerdVars(databaseUrl) },
      },
    ],
  } as ConstructorParameters<typeof Miniflare>[0]);
  const stop = async () => {
    await miniflare.dispose().catch(() => {});
    await rm(outdir, { recursive: true, force: true });
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  const url = await miniflare.ready;
  await waitUntilServing(url, Date.now() + READY_TIMEOUT_MS);
  process.stdout.write(`${JSON.stringify({ port: Number(url.port), pid: await workerdPid() })}\n`);
}


if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [databaseUrl] = process.argv.slice(2);
  await serve(databaseUrl).catch(async (error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

