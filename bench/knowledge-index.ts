// `node --import tsx bench/knowledge-index.ts`: which index the vector half of knowledge
// search should use, measured rather than assumed. Needs a PostgreSQL server with pgvector
// (DATABASE_URL, default the local one); creates and drops its own database. Not part of
// `npm test` or `npm run bench`: it takes a few minutes and most of two cores.
//
// Data: 100,000 chunks over 1,000 users plus 1,000 shared chunks, with per-user sizes drawn
// from a log-normal distribution (median about 60 chunks, a long tail into the thousands),
// since a few heavy users and many light ones is what note-taking looks like. Texts are
// generated from a Zipf-distributed vocabulary, each user with topic words of their own, and
// embedded by the local embedder. Not random unit vectors: in 1536 dimensions those are all
// nearly orthogonal to each other, with no neighbourhoods, which is the one case graph
// indexes are known to handle worst and nothing like text; hashed n-grams of text with
// shared vocabulary and per-user topics have the clustered structure of real embeddings,
// if not their semantics.
//
// Queries: BENCH_QUERIES (default 300) of a random user, a few words of one of their chunks
// as the question, run as that user (role authenticated, their claims, row-level security
// on) exactly as the API runs them: top 10 chunks by cosine distance. Recall@10 is measured
// against the exact answer; latency is the statement's wall time on this machine.
//
// Strategies: an exact scan of the caller's rows through the btree on user_id; HNSW
// (m 16, ef_construction 64) with ef_search 40, plain and with pgvector 0.8's iterative
// scans (relaxed and strict order), and ef_search 200 relaxed; and the planner's own pick
// with both indexes present. Then the full hybrid search (searchKnowledge) with the chosen
// index. Prints a table and the plans.
import { migrate, migrationsDir } from '../db/migrate.ts';
import { databaseUrl, openPgClient, type PgSqlClient, withPgClient } from '../db/connect.ts';
import { drizzle } from 'drizzle-orm/node-postgres';
import { sql } from 'drizzle-orm';
import { vectorLiteral } from '../functions/knowledge/embedder.ts';
import { embedLocally, LOCAL_EMBEDDING_MODEL, localEmbedder } from '../functions/knowledge/local-embedder.ts';
import { searchKnowledge } from '../functions/knowledge/search.ts';
import type { Database } from '../functions/database/types.ts';

const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const USERS = 1000;
const USER_CHUNKS = 100_000;
const SHARED_CHUNKS = 1000;
const CHUNKS_PER_DOCUMENT = 10;
const QUERIES = Number(process.env.BENCH_QUERIES ?? 300);
const database = `pam_bench_knowledge_${process.pid}`;

/** Deterministic, so two runs measure the same data. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(20260401);
const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());

const syllables = 'ba be bi bo bu ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo wa we wi dra kri sto plu gre'.split(' ');
const vocabulary = Array.from({ length: 20_000 }, (_, i) => {
  let word = '';
  for (let n = 2 + (i % 3); n > 0; n--) word += syllables[Math.floor(rand() * syllables.length)];
  return word;
});
// Zipf: the word of rank r is drawn with weight 1/r.
const zipf = (() => {
  const cdf: number[] = [];
  let total = 0;
  for (let r = 1; r <= vocabulary.length; r++) cdf.push((total += 1 / r));
  return () => {
    const x = rand() * total;
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return vocabulary[lo];
  };
})();

function passage(topic: string[], words: number): string {
  return Array.from({ length: words }, () => (rand() < 0.5 ? topic[Math.floor(rand() * topic.length)] : zipf())).join(' ');
}

interface User {
  id: string;
  topic: string[];
  chunks: number;
}

function userSizes(): number[] {
  const raw = Array.from({ length: USERS }, () => Math.exp(normal() * 1.1));
  const scale = USER_CHUNKS / raw.reduce((a, b) => a + b, 0);
  const sizes = raw.map((x) => Math.max(1, Math.round(x * scale)));
  sizes[0] += USER_CHUNKS - sizes.reduce((a, b) => a + b, 0);
  return sizes;
}

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

async function seed(client: PgSqlClient): Promise<{ users: User[]; samples: Map<string, string[]> }> {
  const sizes = userSizes();
  const users: User[] = sizes.map((chunks, i) => ({
    id: uuid(i + 1),
    topic: Array.from({ length: 40 }, () => vocabulary[Math.floor(rand() * vocabulary.length)]),
    chunks,
  }));
  await client.query(
    `insert into auth.users (id, email) select u, u::text || '@bench.example' from unnest($1::uuid[]) u;
     `.trim(),
    [users.map((u) => u.id)],
  );
  await client.query(`insert into public.profiles (id, email) select id, email from auth.users`);

  const samples = new Map<string, string[]>();
  const owners: (User | null)[] = [...users, null];
  let documentNumber = 0;
  let rows: { document: string; position: number; content: string; embedding: string }[] = [];
  const flush = async () => {
    if (rows.length === 0) return;
    await client.query(
      `insert into public.knowledge_chunks (document_id, position, content, token_count, embedding, embedding_status, embedding_model)
       select d, p, c, 100, e::vector, 'embedded', $5
         from unnest($1::uuid[], $2::int[], $3::text[], $4::text[]) as u(d, p, c, e)`,
      [rows.map((r) => r.document), rows.map((r) => r.position), rows.map((r) => r.content), rows.map((r) => r.embedding), LOCAL_EMBEDDING_MODEL],
    );
    rows = [];
  };
  for (const owner of owners) {
    const count = owner ? owner.chunks : SHARED_CHUNKS;
    const topic = owner ? owner.topic : Array.from({ length: 200 }, () => vocabulary[Math.floor(rand() * vocabulary.length)]);
    const texts: string[] = [];
    for (let start = 0; start < count; start += CHUNKS_PER_DOCUMENT) {
      const document = uuid(1_000_000 + ++documentNumber);
      const title = passage(topic, 4);
      await client.query(
        `insert into public.user_knowledge (id, user_id, is_shared, title, content) values ($1, $2, $3, $4, '(generated)')`,
        [document, owner?.id ?? null, owner === null, title],
      );
      for (let position = 0; position < Math.min(CHUNKS_PER_DOCUMENT, count - start); position++) {
        const content = passage(topic, 70 + Math.floor(rand() * 40));
        texts.push(content);
        rows.push({ document, position, content, embedding: vectorLiteral(embedLocally(`${title}\n\n${content}`)) });
        if (rows.length >= 500) await flush();
      }
    }
    if (owner) samples.set(owner.id, texts);
  }
  await flush();
  await client.query('vacuum analyze public.knowledge_chunks');
  await client.query('vacuum analyze public.user_knowledge');
  return { users, samples };
}

interface Query {
  user: User;
  vector: string;
  text: string;
}

function queries(users: User[], samples: Map<string, string[]>): Query[] {
  return Array.from({ length: QUERIES }, () => {
    const user = users[Math.floor(rand() * users.length)];
    const texts = samples.get(user.id)!;
    const words = texts[Math.floor(rand() * texts.length)].split(' ');
    const start = Math.floor(rand() * (words.length - 4));
    const text = words.slice(start, start + 4).join(' ');
    return { user, text, vector: vectorLiteral(embedLocally(text)) };
  });
}

const TOP_10 = `select c.id from public.knowledge_chunks c
                where c.embedding_model = $2
                order by c.embedding operator(public.<=>) $1::public.vector limit 10`;

/** Runs `statement` as the query's user under RLS, after `settings`; returns ids and the statement's time. */
async function asUser(client: PgSqlClient, query: Query, settings: string[], statement = TOP_10) {
  await client.query('begin');
  try {
    await client.query(`select set_config('request.jwt.claims', $1, true), set_config('role', 'authenticated', true)`, [
      JSON.stringify({ sub: query.user.id, role: 'authenticated' }),
    ]);
    for (const setting of settings) await client.query(setting);
    const started = performance.now();
    const { rows } = await client.query<{ id: string }>(statement, [query.vector, LOCAL_EMBEDDING_MODEL]);
    const ms = performance.now() - started;
    return { ids: rows.map((r) => r.id), ms };
  } finally {
    await client.query('rollback');
  }
}

async function planOf(client: PgSqlClient, query: Query, settings: string[]): Promise<string> {
  await client.query('begin');
  try {
    await client.query(`select set_config('request.jwt.claims', $1, true), set_config('role', 'authenticated', true)`, [
      JSON.stringify({ sub: query.user.id, role: 'authenticated' }),
    ]);
    for (const setting of settings) await client.query(setting);
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(`explain (costs off) ${TOP_10}`, [query.vector, LOCAL_EMBEDDING_MODEL]);
    return rows.map((r) => r['QUERY PLAN'].replace(/'\[[^\]]*\]'/g, "'[...]'")).join('\n');
  } finally {
    await client.query('rollback');
  }
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

interface Measured {
  strategy: string;
  recall: number;
  p50: number;
  p99: number;
  heavyP50: number;
}

async function measure(
  client: PgSqlClient,
  strategy: string,
  all: Query[],
  truth: Map<Query, string[]> | null,
  settings: string[],
  heavy: Set<string>,
): Promise<{ measured: Measured; results: Map<Query, string[]> }> {
  for (const query of all.slice(0, 10)) await asUser(client, query, settings);
  const results = new Map<Query, string[]>();
  const times: number[] = [];
  const heavyTimes: number[] = [];
  let found = 0;
  let expected = 0;
  for (const query of all) {
    const { ids, ms } = await asUser(client, query, settings);
    results.set(query, ids);
    times.push(ms);
    if (heavy.has(query.user.id)) heavyTimes.push(ms);
    const exact = truth?.get(query) ?? ids;
    expected += exact.length;
    found += ids.filter((id) => exact.includes(id)).length;
  }
  return {
    measured: {
      strategy,
      recall: found / expected,
      p50: percentile(times, 50),
      p99: percentile(times, 99),
      heavyP50: heavyTimes.length ? percentile(heavyTimes, 50) : Number.NaN,
    },
    results,
  };
}

async function main() {
  const migrations = process.env.BENCH_MIGRATIONS_DIR ?? migrationsDir;
  await withPgClient(serverUrl, (admin) => admin.query(`create database ${database}`));
  const url = databaseUrl(serverUrl, database);
  const client = await openPgClient(url);
  const began = performance.now();
  const elapsed = () => `${((performance.now() - began) / 1000).toFixed(0)} s`;
  try {
    await migrate(client, migrations);
    const { rows: version } = await client.query<{ v: string }>(`select extversion as v from pg_extension where extname = 'vector'`);
    const { users, samples } = await seed(client);
    const sizes = users.map((u) => u.chunks).sort((a, b) => a - b);
    console.log(
      `knowledge index: ${USER_CHUNKS + SHARED_CHUNKS} chunks (${USERS} users, ${SHARED_CHUNKS} shared), pgvector ${version[0].v}, ` +
        `chunks per user: median ${percentile(sizes, 50)}, p90 ${percentile(sizes, 90)}, max ${sizes.at(-1)}; seeded in ${elapsed()}`,
    );
    const heavyThreshold = percentile(sizes, 90);
    const heavy = new Set(users.filter((u) => u.chunks >= heavyThreshold).map((u) => u.id));
    const all = queries(users, samples);

    const table: Measured[] = [];
    const plans: Record<string, string> = {};
    const exact = await measure(client, 'exact: btree on user_id, no HNSW', all, null, [], heavy);
    table.push(exact.measured);
    plans.exact = await planOf(client, all[0], []);
    const truth = exact.results;

    let started = performance.now();
    await client.query(`set maintenance_work_mem = '2GB'`);
    await client.query(
      `create index bench_knowledge_chunks_hnsw on public.knowledge_chunks using hnsw (embedding vector_cosine_ops)`,
    );
    const buildSeconds = (performance.now() - started) / 1000;
    await client.query('analyze public.knowledge_chunks');

    table.push((await measure(client, 'both indexes, the planner picks', all, truth, [], heavy)).measured);
    plans['both indexes'] = await planOf(client, all[0], []);

    await client.query('drop index public.idx_knowledge_chunks_user');
    const forced = ['set local enable_seqscan = off'];
    const variants: [string, string[]][] = [
      ['HNSW ef_search 40', [...forced, 'set local hnsw.ef_search = 40']],
      ['HNSW ef_search 40, iterative relaxed', [...forced, 'set local hnsw.ef_search = 40', `set local hnsw.iterative_scan = relaxed_order`]],
      ['HNSW ef_search 40, iterative strict', [...forced, 'set local hnsw.ef_search = 40', `set local hnsw.iterative_scan = strict_order`]],
      ['HNSW ef_search 200, iterative relaxed', [...forced, 'set local hnsw.ef_search = 200', `set local hnsw.iterative_scan = relaxed_order`]],
    ];
    for (const [name, settings] of variants) table.push((await measure(client, name, all, truth, settings, heavy)).measured);
    plans.HNSW = await planOf(client, all[0], variants[1][1]);

    // Back to what the migration ships, for the end-to-end search.
    await client.query('drop index public.bench_knowledge_chunks_hnsw');
    started = performance.now();
    await client.query('create index idx_knowledge_chunks_user on public.knowledge_chunks (user_id)');
    await client.query('analyze public.knowledge_chunks');
    const db = drizzle({ client: client.pg }) as unknown as Database;
    const searchTimes: number[] = [];
    for (const query of all) {
      await client.query('begin');
      try {
        await db.execute(sql`select set_config('request.jwt.claims', ${JSON.stringify({ sub: query.user.id, role: 'authenticated' })}, true),
                                    set_config('role', 'authenticated', true)`);
        const t = performance.now();
        await searchKnowledge(db, localEmbedder, { q: query.text, limit: 10 });
        searchTimes.push(performance.now() - t);
      } finally {
        await client.query('rollback');
      }
    }

    console.log(`HNSW build (m 16, ef_construction 64, maintenance_work_mem 2GB): ${buildSeconds.toFixed(0)} s`);
    console.log(`${QUERIES} queries; "heavy" = users with >= ${heavyThreshold} chunks (the top 10%)`);
    console.log('strategy                                   | recall@10 | p50 ms | p99 ms | heavy p50 ms');
    for (const row of table) {
      console.log(
        `${row.strategy.padEnd(42)} | ${row.recall.toFixed(3).padStart(9)} | ${row.p50.toFixed(2).padStart(6)} | ${row.p99
          .toFixed(2)
          .padStart(6)} | ${row.heavyP50.toFixed(2).padStart(12)}`,
      );
    }
    console.log(
      `searchKnowledge (hybrid, local embedder, exact vector side): p50 ${percentile(searchTimes, 50).toFixed(2)} ms, p99 ${percentile(searchTimes, 99).toFixed(2)} ms`,
    );
    for (const [name, plan] of Object.entries(plans)) console.log(`\nplan, ${name}:\n${plan}`);
    console.log(`\ntotal ${elapsed()}`);
  } finally {
    await client.close();
    await withPgClient(serverUrl, (admin) => admin.query(`drop database if exists ${database} with (force)`));
  }
}

await main();
