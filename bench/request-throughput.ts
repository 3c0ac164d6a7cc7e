// `npm run bench`: requests per second of PAM's todo list beside a bare node:http + pg +
// jose server doing the same single RLS query, measured side by side in one run on this
// machine. Needs a PostgreSQL server (DATABASE_URL, default the local one); creates and
// drops its own database. Bounded: a fixed duration per server, loopback only.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { SignJWT } from 'jose';
import { migrate } from '../db/migrate.ts';
import { databaseUrl, openPgClient, type PgSqlClient, withPgClient } from '../db/connect.ts';

const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const durationMs = Number(process.env.BENCH_SECONDS ?? 5) * 1000;
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);
const secret = 'bench-secret-that-is-long-enough-for-hs256';
const database = `pam_bench_${process.pid}`;


const admin = <T>(work: (client: PgSqlClient) => Promise<T>) => withPgClient(serverUrl, work);

async function prepare(): Promise<string> {
  await admin((c) => c.query(`create database ${database}`));
  const client = await openPgClient(databaseUrl(serverUrl, database));
  await migrate(client);
  const userId = randomUUID();
  const sessionId = randomUUID();
  await client.query(`insert into auth.users (id, email) values ($1, 'bench@example.com')`, [userId]);
  await client.query(`insert into public.profiles (id, email) values ($1, 'bench@example.com')`, [userId]);
  await client.query(
    `insert into public.todos (user_id, title) select $1, 'todo ' || n from generate_series(1, 50) n`,
    [userId],
  );
  await client.close();
  return new SignJWT({ sub: userId, email: 'bench@example.com', role: 'authenticated', session_id: sessionId })
    .setProtectedHeader({ alg: 'HS256' })
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(secret));
}

interface Result {
  kind: string;
  requests: number;
  failures: number;
  perSecond: number;
  p50: number;
  p99: number;
}

async function measure(kind: string, path: string, token: string): Promise<Result> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/server.ts', kind, databaseUrl(serverUrl, database), secret], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
  const url = `http://127.0.0.1:${Number(chunk.toString().trim())}${path}`;
  const headers = { authorization: `Bearer ${token}` };
  const latencies: number[] = [];
  let failures = 0;
  const run = async (until: number, record: boolean) => {
    while (performance.now() < until) {
      const started = performance.now();
      const response = await fetch(url, { headers });
      await response.arrayBuffer();
      if (!record) continue;
      if (response.status === 200) latencies.push(performance.now() - started);
      else failures++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, () => run(performance.now() + 1000, false)));
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, () => run(started + durationMs, true)));
  const elapsed = (performance.now() - started) / 1000;
  child.kill('SIGTERM');
  await once(child, 'exit');
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { kind, requests: latencies.length, failures, perSecond: latencies.length / elapsed, p50: at(0.5), p99: at(0.99) };
}

const token = await prepare();
try {
  const results = [
    await measure('bare', '/', token),
    await measure('pam-pooled', '/api/v1/todos', token),
    await measure('pam-connection-per-request', '/api/v1/todos', token),
  ];
  const baseline = results[0].perSecond;
  console.log(`GET todo list, ${concurrency} concurrent clients, ${durationMs / 1000} s each, one machine:`);
  for (const r of results) {
    console.log(
      `${r.kind.padEnd(28)} ${r.perSecond.toFixed(0).padStart(6)} req/s  ${(r.perSecond / baseline).toFixed(2)}x bare` +
        `  p50 ${r.p50.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms  failures ${r.failures}`,
    );
  }
} finally {
  await admin((c) => c.query(`drop database if exists ${database} with (force)`));
}
