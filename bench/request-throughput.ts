// `npm run bench`: PAM's throughput on realistic requests, measured beside a thin floor
// (node:http + pg + jose sending the same SQL) and a ceiling (pgbench sending one
// request's SQL), in one run on this machine, against the PostgreSQL server in
// DATABASE_URL (default the local one). It creates, seeds and drops a database of its own.
// Prints one table and writes bench/results/latest.json and BENCH.md.
//
//   BENCH_SECONDS=10        measured seconds per scenario and server (after a warm-up)
//   BENCH_CONCURRENCY=16    simulated clients
//   BENCH_SMOKE=1           a second per scenario on a small data set; prints, writes nothing
//   BENCH_BASELINE=<dir>    also run PAM from another checkout (its own functions/), labelled baseline
//   BENCH_SCENARIOS=a,b     only these scenarios; BENCH_BUNDLE=0 skips building the Worker
//   BENCH_WORKERD=0         skips pam-workerd (the built Worker in workerd, a connection per request)
//   BENCH_POSTGRAPHILE=0    skips postgraphile (PostGraphile v5 on Node 22, bench/postgraphile/, installed on first use)
//   BENCH_REPLAY=0          skips replay (PAM's earlier answers from memory: the most the load generator can measure)
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { databaseUrl, openPgClient, type PgSqlClient, withPgClient } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import { findPgbench, runCeiling } from './ceiling.ts';
import { drive, emptyTally, type LoadResult, summarize } from './load.ts';
import { benchUsers, POOL_SIZE, type Scenario, SCENARIOS } from './scenarios.ts';
import { FULL_SEED, seedBenchData, type SeedSize, SMOKE_SEED } from './seed.ts';
import { measureWorkerBundle, type WorkerBundle } from './worker-bundle.ts';
import { connectionCostMs, startWorkerd } from './workerd.ts';
import { postgraphileTarget, startPostgraphile } from './postgraphile.ts';
import { POSTGRAPHILE_SCENARIOS } from './postgraphile/operations.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

export interface BenchOptions {
  serverUrl: string;
  seconds: number;
  warmupSeconds: number;
  concurrency: number;
  seed: SeedSize;
  /** Another checkout of PAM to run beside this one. */
  baseline?: string;
  /** Build the Worker and report its size (skipped by the smoke run: its own test does that). */
  bundle: boolean;
  /** Only these scenarios (all when empty). */
  scenarios: string[];
  /**
   * Also run the built Worker in workerd (pam-workerd). Off unless set: building and starting
   * it, and a connection per request, make a short run several times longer.
   */
  workerd?: boolean;
  /** Also run PostGraphile (postgraphile) on the scenarios it can serve; on unless false. */
  postgraphile?: boolean;
  /** The replay server beside the others (BENCH_REPLAY=0 leaves it out). */
  replay?: boolean;
  /** Where latest.json goes; BENCH.md goes to `reportPath`. */
  resultsDir: string;
  reportPath: string;
}

interface TargetResult extends LoadResult {
  /** Statements and round trips per request, counted at the server's pg driver. */
  statementsPerRequest: number;
  roundTripsPerRequest: number;
  /** The server process's CPU time per request (user and system). */
  cpuMsPerRequest: number;
  /** The database server's CPU time per request, when it runs on this machine. */
  databaseCpuMsPerRequest: number;
}

export interface ScenarioResult {
  name: string;
  title: string;
  read: boolean;
  targets: Record<string, TargetResult>;
  ceiling: LoadResult | null;
  ratios: {
    pamToFloor: number;
    pamToCeiling: number | null;
    pamToBaseline: number | null;
    workerdToPam: number | null;
    /** Null where PostGraphile did not run or has nothing to serve the scenario with (the IPN webhook). */
    pamToPostgraphile: number | null;
    /** PAM, and PostGraphile, beside the replay server: how much of what can be measured each reaches. */
    pamToReplay?: number | null;
    postgraphileToReplay?: number | null;
  };
}

export interface BenchReport {
  date: string;
  /** connectMs: what opening one connection to the database takes here, measured when pam-workerd runs. */
  machine: { cores: number; node: string; postgres: string; connectMs?: number };
  settings: { seconds: number; warmupSeconds: number; concurrency: number; poolSize: number; seed: SeedSize };
  targets: Record<string, string>;
  scenarios: ScenarioResult[];
  bundle: Pick<WorkerBundle, 'minifiedBytes' | 'gzipBytes' | 'largest'> | null;
}

const TARGETS: Record<string, string> = {
  pam: 'PAM, Node mode (@hono/node-server, pooled pg)',
  floor: 'thin floor (node:http + pg + jose, same SQL)',
  baseline: 'PAM from the checkout in BENCH_BASELINE, same Node mode',
  'pam-workerd':
    'PAM in workerd, connection per request, as deployed (the script wrangler deploy builds, run by Miniflare, ' +
    'DATABASE_DRIVER=pg: server CPU is the whole workerd process, read from /proc, and statements, round trips ' +
    'and database CPU are not counted)',
  postgraphile: postgraphileTarget,
  replay:
    "replay (reads only): PAM's earlier answer for the same token and path, from memory, with no token check, no database " +
    'and no routing; the most this load generator can measure on this machine',
};

/** The scenario as `target` is sent it: PostGraphile gets GraphQL operations, the others PAM's requests. */
function scenarioOn(target: string, scenario: Scenario): Scenario | undefined {
  if (target === 'replay') return scenario.read ? scenario : undefined;
  return target === 'postgraphile' ? POSTGRAPHILE_SCENARIOS[scenario.name] : scenario;
}

interface RunningServer {
  port: number;
  child: ChildProcess;
  /** Its own way to count, for a server that has no /__bench/round-trips (pam-workerd). */
  counts?: () => Promise<{ statements: number; roundTrips: number; cpuMs: number }>;
  /** A connection per request: the database's CPU sampling cannot see backends that live between two samples. */
  connectionPerRequest?: boolean;
}

async function startServer(args: string[]): Promise<RunningServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'bench/server.ts'), ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolvePort, reject) => {
    child.stdout!.once('data', (chunk: Buffer) => resolvePort(Number(chunk.toString().trim())));
    child.once('exit', (code) => reject(new Error(`bench/server.ts ${args[0]} exited (${code}) before listening`)));
  });
  return { port, child };
}

async function stopServer(server: RunningServer): Promise<void> {
  if (server.child.exitCode !== null) return;
  server.child.kill('SIGTERM');
  await once(server.child, 'exit');
}

async function roundTrips(server: RunningServer): Promise<{ statements: number; roundTrips: number; cpuMs: number }> {
  if (server.counts) return server.counts();
  const response = await fetch(`http://127.0.0.1:${server.port}/__bench/round-trips`);
  return (await response.json()) as { statements: number; roundTrips: number; cpuMs: number };
}

/**
 * CPU time of the database server's processes serving `database`, in milliseconds, when the
 * server runs on this machine (read from /proc); null elsewhere. Sampled around each slice,
 * so it is the CPU the server under test made the database spend.
 */
async function databaseCpuMs(admin: PgSqlClient, database: string): Promise<Map<number, number> | null> {
  const { rows } = await admin.query<{ pid: number }>(
    'select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
    [database],
  );
  const sample = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1].split(' ');
      // utime and stime, fields 14 and 15 of stat, in clock ticks of 10 ms.
      sample.set(pid, (Number(fields[11]) + Number(fields[12])) * 10);
    } catch {
      return null;
    }
  }
  return sample;
}

function cpuBetween(before: Map<number, number> | null, after: Map<number, number> | null): number {
  if (!before || !after) return NaN;
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? ms);
  return total;
}

export async function runBenchmark(options: BenchOptions, log: (line: string) => void = console.log): Promise<BenchReport> {
  const database = `pam_bench_${process.pid}_${Date.now() % 100_000}`;
  const admin = <T>(work: Parameters<typeof withPgClient<T>>[1]) => withPgClient(options.serverUrl, work);
  await admin((c) => c.query(`create database ${database}`));
  const url = databaseUrl(options.serverUrl, database);
  const servers: RunningServer[] = [];
  let monitor: PgSqlClient | null = null;
  try {
    log(`Seeding ${options.seed.users} users and ${options.seed.products} products into ${database}...`);
    const owner = await openPgClient(url);
    let postgres: string;
    try {
      await migrate(owner);
      await seedBenchData(owner, options.seed);
      postgres = (await owner.query<{ server_version: string }>('show server_version')).rows[0].server_version;
    } finally {
      await owner.close();
    }

    let bundle: BenchReport['bundle'] = null;
    if (options.bundle) {
      const { minifiedBytes, gzipBytes, largest } = await measureWorkerBundle();
      bundle = { minifiedBytes, gzipBytes, largest };
    }
    monitor = await openPgClient(options.serverUrl);
    const users = await benchUsers(options.seed.users);
    const targets: [string, RunningServer][] = [
      ['floor', await startServer(['floor', url])],
      ['pam', await startServer(['pam', url])],
    ];
    if (options.baseline) targets.push(['baseline', await startServer(['pam', url, resolve(options.baseline)])]);
    let connectMs: number | undefined;
    if (options.workerd) {
      connectMs = await connectionCostMs(url);
      log('Building the Worker and starting it in workerd...');
      targets.push(['pam-workerd', await startWorkerd(url)]);
    }
    if (options.postgraphile !== false) {
      log('Starting PostGraphile (installing bench/postgraphile/ on first use)...');
      targets.push(['postgraphile', await startPostgraphile(url)]);
    }
    if (options.replay !== false) targets.push(['replay', await startServer(['replay', url])]);
    servers.push(...targets.map(([, server]) => server));
    const pgbench = await findPgbench();
    if (!pgbench) log('pgbench not found: no ceiling in this run.');

    // The machine may be busy with other work that comes and goes, so no server gets a
    // quiet minute the others did not: the measured time is cut into slices of about a
    // second, and the servers (and pgbench) take turns, a slice each, in rotating order.
    const rounds = Math.max(1, Math.round(options.seconds));
    const sliceMs = (options.seconds * 1000) / rounds;
    const scenarios: ScenarioResult[] = [];
    for (const scenario of SCENARIOS.filter((s) => options.scenarios.length === 0 || options.scenarios.includes(s.name))) {
      log(`${scenario.name}: ${rounds} rounds of ${sliceMs / 1000} s per server...`);
      const load = { port: 0, concurrency: options.concurrency, users, durationMs: options.warmupSeconds * 1000 };
      // Each server that has something to serve this scenario with.
      const serving = targets.filter(([name]) => scenarioOn(name, scenario));
      for (const [name, server] of serving) {
        await drive(scenarioOn(name, scenario)!, { ...load, port: server.port, everyUser: true }, null);
        await roundTrips(server);
      }
      const tallies = new Map(targets.map(([name]) => [name, emptyTally()]));
      const databaseCpu = new Map(targets.map(([name]) => [name, 0]));
      const ceilingTally = pgbench ? emptyTally() : null;
      for (let round = 0; round < rounds; round++) {
        const turns = [...serving.map(([name]) => name), 'ceiling'];
        for (let turn = 0; turn < turns.length; turn++) {
          const name = turns[(round + turn) % turns.length];
          const server = targets.find(([candidate]) => candidate === name)?.[1];
          if (server) {
            const before = await databaseCpuMs(monitor, database);
            await drive(scenarioOn(name, scenario)!, { ...load, port: server.port, durationMs: sliceMs }, tallies.get(name)!);
            databaseCpu.set(name, databaseCpu.get(name)! + cpuBetween(before, await databaseCpuMs(monitor, database)));
          } else if (pgbench && ceilingTally) {
            await runCeiling(pgbench, url, scenario.name, { connections: POOL_SIZE, seconds: sliceMs / 1000, users: options.seed.users }, ceilingTally);
          }
        }
      }
      const results: Record<string, TargetResult> = {};
      for (const [name, server] of serving) {
        const measured = summarize(tallies.get(name)!);
        const counted = await roundTrips(server);
        const answered = Math.max(1, measured.requests + measured.errors);
        results[name] = {
          ...measured,
          statementsPerRequest: counted.statements / answered,
          roundTripsPerRequest: counted.roundTrips / answered,
          cpuMsPerRequest: counted.cpuMs / answered,
          databaseCpuMsPerRequest: server.connectionPerRequest ? NaN : databaseCpu.get(name)! / answered,
        };
        for (const sample of measured.errorSamples) log(`  ${name} error: ${sample}`);
      }
      const ceiling = ceilingTally ? summarize(ceilingTally) : null;
      for (const sample of ceiling?.errorSamples ?? []) log(`  ceiling error: ${sample}`);
      const pam = results.pam.perSecond;
      scenarios.push({
        name: scenario.name,
        title: scenario.title,
        read: scenario.read,
        targets: results,
        ceiling,
        ratios: {
          pamToFloor: pam / results.floor.perSecond,
          pamToCeiling: ceiling ? pam / ceiling.perSecond : null,
          pamToBaseline: results.baseline ? pam / results.baseline.perSecond : null,
          workerdToPam: results['pam-workerd'] ? results['pam-workerd'].perSecond / pam : null,
          pamToPostgraphile: results.postgraphile ? pam / results.postgraphile.perSecond : null,
          pamToReplay: results.replay ? pam / results.replay.perSecond : null,
          postgraphileToReplay: results.postgraphile && results.replay ? results.postgraphile.perSecond / results.replay.perSecond : null,
        },
      });
    }

    return {
      date: new Date().toISOString(),
      machine: { cores: availableParallelism(), node: process.version, postgres, connectMs },
      settings: {
        seconds: options.seconds,
        warmupSeconds: options.warmupSeconds,
        concurrency: options.concurrency,
        poolSize: POOL_SIZE,
        seed: options.seed,
      },
      targets: Object.fromEntries(targets.map(([name]) => [name, TARGETS[name]])),
      scenarios,
      bundle,
    };
  } finally {
    await monitor?.close();
    await Promise.all(servers.map(stopServer));
    await admin((c) => c.query(`drop database if exists ${database} with (force)`));
  }
}

const fixed = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const ratio = (value: number | null) => (value !== null && Number.isFinite(value) ? `${value.toFixed(2)}x` : 'n/a');

/** The table, as Markdown: what the terminal prints and what BENCH.md holds. */
export function formatReport(report: BenchReport): string {
  const lines: string[] = [];
  const { settings, machine } = report;
  lines.push(
    `${settings.concurrency} clients, ${settings.seconds} s per scenario after ${settings.warmupSeconds} s of warm-up, ` +
      `pool of ${settings.poolSize} connections; ${settings.seed.users} users, ${settings.seed.products} products; ` +
      `${machine.cores} cores, Node ${machine.node}, PostgreSQL ${machine.postgres}.` +
      (machine.connectMs === undefined ? '' : ` A new connection to it takes ${fixed(machine.connectMs, 1)} ms here (pam-workerd opens one per request).`),
    '',
    '| scenario | server | req/s | p50 ms | p99 ms | errors | server CPU ms / req | database CPU ms / req | statements / req | round trips / req |',
    '|---|---|--:|--:|--:|--:|--:|--:|--:|--:|',
  );
  for (const scenario of report.scenarios) {
    for (const [name, r] of Object.entries(scenario.targets)) {
      lines.push(
        `| ${scenario.name} | ${name} | ${fixed(r.perSecond)} | ${fixed(r.p50, 2)} | ${fixed(r.p99, 2)} | ${r.errors} | ` +
          `${fixed(r.cpuMsPerRequest, 2)} | ${fixed(r.databaseCpuMsPerRequest, 2)} | ${fixed(r.statementsPerRequest, 2)} | ${fixed(r.roundTripsPerRequest, 2)} |`,
      );
    }
    // A server with nothing to serve the scenario with: PostGraphile has no webhook for the IPN.
    for (const name of Object.keys(report.targets).filter((target) => !scenario.targets[target])) {
      lines.push(`| ${scenario.name} | ${name} | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a |`);
    }
    const c = scenario.ceiling;
    if (c) lines.push(`| ${scenario.name} | ceiling (pgbench) | ${fixed(c.perSecond)} | ${fixed(c.p50, 2)} | ${fixed(c.p99, 2)} | ${c.errors} | | | | 1 per statement |`);
  }
  const workerd = Boolean(report.targets['pam-workerd']);
  const postgraphile = Boolean(report.targets.postgraphile);
  const replay = Boolean(report.targets.replay);
  const times = (value: number | null | undefined) => `${fixed(value ?? NaN, 2)}x`;
  // The ratio columns, each shown when the run had the servers it compares.
  const columns: { title: string; shown: boolean; cell: (s: ScenarioResult) => string }[] = [
    { title: 'PAM / floor', shown: true, cell: (s) => times(s.ratios.pamToFloor) },
    { title: 'PAM / ceiling', shown: true, cell: (s) => times(s.ratios.pamToCeiling) },
    { title: 'PAM / baseline', shown: Boolean(report.targets.baseline), cell: (s) => times(s.ratios.pamToBaseline) },
    // The Worker as deployed beside PAM in Node mode: what a connection per request and workerd cost.
    { title: 'pam-workerd / PAM', shown: workerd, cell: (s) => times(s.ratios.workerdToPam) },
    // PAM beside what a user would otherwise put in front of the same schema; n/a for the IPN.
    { title: 'PAM / PostGraphile', shown: postgraphile, cell: (s) => ratio(s.ratios.pamToPostgraphile) },
    // How much of what this machine can measure at all PAM (and PostGraphile) reach; n/a for writes.
    { title: 'PAM / replay', shown: replay, cell: (s) => ratio(s.ratios.pamToReplay ?? null) },
    { title: 'PostGraphile / replay', shown: replay && postgraphile, cell: (s) => ratio(s.ratios.postgraphileToReplay ?? null) },
  ];
  const ratioColumns = columns.filter((column) => column.shown);
  lines.push('', '| scenario |' + ratioColumns.map((column) => ` ${column.title} |`).join(''));
  lines.push('|---|' + ratioColumns.map(() => '--:|').join(''));
  for (const s of report.scenarios) {
    lines.push(`| ${s.name}${s.read ? '' : ' (write)'} |` + ratioColumns.map((column) => ` ${column.cell(s)} |`).join(''));
  }
  if (report.bundle) {
    lines.push(
      '',
      `Worker bundle (wrangler deploy --dry-run --minify): ${kib(report.bundle.minifiedBytes)} minified, ` +
        `${kib(report.bundle.gzipBytes)} gzipped. Largest parts (minified): ` +
        report.bundle.largest.map(([name, bytes]) => `${name} ${kib(bytes)}`).join(', ') +
        '.',
    );
  }
  lines.push('', 'Servers: ' + Object.entries(report.targets).map(([name, what]) => `${name} = ${what}`).join('; ') + '.');
  return lines.join('\n');
}

export async function writeReport(report: BenchReport, options: Pick<BenchOptions, 'resultsDir' | 'reportPath'>): Promise<void> {
  await mkdir(options.resultsDir, { recursive: true });
  await writeFile(join(options.resultsDir, 'latest.json'), JSON.stringify(report, null, 2) + '\n');
  const markdown = [
    '# Benchmark',
    '',
    `The last \`npm run bench\` (${report.date}). Every number in a table comes from the same run on the same machine;`,
    'compare ratios, not absolute numbers, between machines. Reads should reach at least 0.9x the floor.',
    ...(report.targets.postgraphile
      ? [
          '',
          'postgraphile is what a user would otherwise put in front of the same schema: PostGraphile v5 on the same',
          'database and pool size, with the same token turned into the same role and claims for the same policies (PAM',
          'also checks the token\'s session in the same statement; PostGraphile does not). Its operations',
          '(bench/postgraphile/operations.ts) ask for the same rows and columns as PAM\'s requests; the',
          'product search goes through a function of the kind a PostGraphile user adds (bench/postgraphile/setup.sql).',
          'It has nothing for the IPN webhook (n/a). PAM / PostGraphile above 1x means PAM serves more requests per second.',
        ]
      : []),
    '',
    formatReport(report),
    '',
  ].join('\n');
  await writeFile(options.reportPath, markdown);
}

export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const smoke = env.BENCH_SMOKE === '1';
  return {
    serverUrl: env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    seconds: Number(env.BENCH_SECONDS ?? (smoke ? 1 : 10)),
    warmupSeconds: smoke ? 0.5 : 2,
    concurrency: Number(env.BENCH_CONCURRENCY ?? 16),
    seed: smoke ? SMOKE_SEED : FULL_SEED,
    baseline: env.BENCH_BASELINE || undefined,
    bundle: !smoke && env.BENCH_BUNDLE !== '0',
    scenarios: (env.BENCH_SCENARIOS ?? '').split(',').filter(Boolean),
    workerd: env.BENCH_WORKERD !== '0',
    postgraphile: env.BENCH_POSTGRAPHILE !== '0',
    replay: env.BENCH_REPLAY !== '0',
    resultsDir: join(root, 'bench/results'),
    reportPath: join(root, 'BENCH.md'),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const options = optionsFromEnv();
  const report = await runBenchmark(options);
  console.log('\n' + formatReport(report));
  if (process.env.BENCH_SMOKE !== '1') {
    await writeReport(report, options);
    console.log('\nWrote bench/results/latest.json and BENCH.md.');
  }
  const failed = report.scenarios.some((s) => Object.values(s.targets).some((t) => t.errors > 0 || t.requests === 0));
  if (failed) process.exitCode = 1;
}
