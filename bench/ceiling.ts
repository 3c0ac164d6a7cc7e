// The ceiling: pgbench sending exactly one request's SQL per transaction (the claims and
// the role, then the scenario's statements), from C, with prepared statements, over the
// same number of connections PAM may hold. No HTTP, no JavaScript: nothing PAM does can
// be faster than this.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { vectorLiteral } from '../functions/knowledge/embedder.ts';
import { embedLocally, LOCAL_EMBEDDING_MODEL } from '../functions/knowledge/local-embedder.ts';
import { knowledgeRankingCtes } from './floor.ts';
import type { Tally } from './load.ts';
import { KNOWLEDGE_TOPICS, PRODUCT_WORDS } from './seed.ts';

const run = promisify(execFile);

const user = (variant: string, n: string) => `('00000000-0000-4000-${variant}000-' || lpad((${n})::text, 12, '0'))`;

const CLAIMS = `select set_config('timezone', 'UTC', true),
  set_config('role', case when private.begin_request(
      set_config('request.jwt.claims', json_build_object('sub', ${user('8', ':n')}, 'email', 'traveller-' || :n || '@bench.pam.test',
        'role', 'authenticated', 'session_id', ${user('9', ':n')}, 'exp', 4102444800)::text, true)::jsonb,
      encode(sha256(convert_to(${user('9', ':n')}, 'UTF8')), 'hex'), null, nullif(set_config('request.user_agent', 'pgbench', true), ''), null)
    then 'authenticated' else 'anon' end, true) = 'authenticated' as session_active;`;
const ANONYMOUS = `select set_config('request.jwt.claims', '', true), set_config('timezone', 'UTC', true), set_config('role', 'anon', true);`;
const SERVICE = `select set_config('request.jwt.claims', '', true), set_config('timezone', 'UTC', true), set_config('role', 'service_role', true);`;

// pgbench reads any :word as a variable, even inside a string literal.
const EXACT_TIMESTAMP = `to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24' || chr(58) || 'MI' || chr(58) || 'SS.US"Z"')`;

// The knowledge questions and their vectors (the local embedder's, as PAM's), chosen by :t.
const QUESTION = `(array[${KNOWLEDGE_TOPICS.map((topic) => `'${topic}'`).join(', ')}])[:t]`;
const QUESTION_VECTOR = `(array[${KNOWLEDGE_TOPICS.map((topic) => `'${vectorLiteral(embedLocally(topic))}'::vector`).join(', ')}])[:t]`;

const oneLine = (statement: string) => statement.replace(/\s*\n\s*/g, ' ');

/** Each scenario's transaction, as pgbench scripts (one statement per line). */
export const CEILING_SCRIPTS: Record<string, string[]> = {
  'list-todos': [
    'begin;',
    CLAIMS,
    `select id, user_id, title, description, status, priority, category, due_date, completed_at, trip_id, expense_id,
       budget_id, tags, metadata, reminder_at, recurrence_pattern, next_occurrence_id, created_at, updated_at, ${EXACT_TIMESTAMP}
       from todos order by created_at desc, id desc limit 21;`,
    'commit;',
  ],
  'create-expense': [
    'begin;',
    CLAIMS,
    `insert into expenses (amount, description, category, expense_date, payment_method, vendor, budget_category_id)
       values (12.50, 'Diesel, fill-up', 'fuel', '2026-03-14', 'credit_card', 'Roadhouse', ${user('b', '(:n - 1) * 10 + 1')}::uuid)
       returning *;`,
    'commit;',
  ],
  'budget-summary': [
    'begin;',
    CLAIMS,
    `select id, user_id, name, currency, total_amount, total_allocated, total_spent, remaining_budget
       from budget_summaries where id = ${user('a', '(:n - 1) * 2 + 1')}::uuid;`,
    'commit;',
  ],
  'search-products': [
    `\\set w random(1, ${PRODUCT_WORDS.length})`,
    'begin;',
    ANONYMOUS,
    `select p.*, ${EXACT_TIMESTAMP.replace('created_at', 'p.created_at')}, match.rank::text
       from shop_products p join (select found.product_id, found.rank, found.created_at
         from private.search_active_products((array[${PRODUCT_WORDS.map((w) => `'${w}'`).join(', ')}])[:w]) as found
         order by found.rank desc, found.created_at desc, found.product_id desc) as match on match.product_id = p.id
      where p.is_active order by match.rank desc, match.created_at desc, match.product_id desc limit 21;`,
    'commit;',
  ],
  'community-feed': [
    'begin;',
    CLAIMS,
    `select id, author_id, group_id, title, content, post_type, media_urls, metadata, visibility, like_count, comment_count,
       is_pinned, is_active, created_at, updated_at, hidden_at, ${EXACT_TIMESTAMP}
       from posts order by created_at desc, id desc limit 21;`,
    'commit;',
  ],
  // As the load generator does, users past the first hundred search as one of them (the ones with knowledge).
  'knowledge-search': [
    '\\set n 1 + (:n - 1) % 100',
    `\\set t random(1, ${KNOWLEDGE_TOPICS.length})`,
    'begin;',
    CLAIMS,
    `${knowledgeRankingCtes(QUESTION, QUESTION_VECTOR, `'${LOCAL_EMBEDDING_MODEL}'`)}, fused as (
       select id, sum(1.0 / (60 + rank))::float8 as score
         from ranked group by id
        order by score desc, least(min(rank) filter (where ranking = 'vector'), min(rank) filter (where ranking = 'text')), id
        limit 10
     )
     select array_agg(id)::text as ids from fused \\gset`,
    `select c.id, c.position, c.content, c.embedding_status, d.id, d.title, d.is_shared, d.document_type, d.source_url, d.metadata,
       d.created_at, d.updated_at
       from knowledge_chunks c join user_knowledge d on d.id = c.document_id where c.id = any(:ids::uuid[]);`,
    'commit;',
  ],
  ipn: [
    '\\set order random(1, 1000000000000)',
    'begin;',
    SERVICE,
    `insert into digistore24_webhook_logs (event_type, order_id, product_id, request_data, signature_valid)
       values ('on_payment', 'PGB' || :order, 'bench-1', '{"event": "on_payment"}', true) returning id as log_id \\gset`,
    `insert into affiliate_sales (platform, order_id, order_item_id, transaction_id, external_product_id, product_id,
       sale_amount, commission_amount, currency, status, customer_email, confirmed_at)
       values ('digistore24', 'PGB' || :order, '1', :order, 'bench-1', (select id from shop_products where digistore24_id = 'bench-1'),
               47.00, 11.75, 'EUR', 'paid', encode(sha256(convert_to('PGB' || :order, 'UTF8')), 'hex'), now())
       on conflict on constraint affiliate_sales_order_item_key do nothing;`,
    `update digistore24_webhook_logs set processed = true where id = :log_id;`,
    'commit;',
  ],
};

/** pgbench from PATH, or from the PostgreSQL server's own bin directory; null when there is none. */
export async function findPgbench(): Promise<string | null> {
  try {
    const { stdout } = await run('sh', ['-c', 'command -v pgbench']);
    if (stdout.trim()) return stdout.trim();
  } catch {
    // not on PATH
  }
  for (const version of ['17', '16', '15', '14']) {
    const path = `/usr/lib/postgresql/${version}/bin/pgbench`;
    if (existsSync(path)) return path;
  }
  return null;
}

/** Runs pgbench for about `seconds` and adds its transactions and their latencies to `tally`. */
export async function runCeiling(
  pgbench: string,
  databaseUrl: string,
  scenario: string,
  options: { connections: number; seconds: number; users: number },
  tally: Tally,
): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'pam-ceiling-'));
  try {
    const script = join(dir, `${scenario}.sql`);
    // The user is drawn afresh for every transaction, as the load generator changes user on every request.
    await writeFile(script, ['\\set n random(1, :users)', ...CEILING_SCRIPTS[scenario].map(oneLine)].join('\n') + '\n');
    const seconds = Math.max(1, Math.round(options.seconds));
    const args = [
      '--no-vacuum',
      '--protocol=prepared',
      `--client=${options.connections}`,
      '--jobs=2',
      `--time=${seconds}`,
      `--define=users=${options.users}`,
      `--file=${script}`,
      '--log',
      `--log-prefix=${join(dir, 'log')}`,
      databaseUrl,
    ];
    let stdout: string;
    try {
      ({ stdout } = await run(pgbench, args, { maxBuffer: 16 * 1024 * 1024 }));
    } catch (error) {
      // A script that stops working (a renamed column) is a finding, not a crash of the run.
      tally.errors += 1;
      const stderr = String((error as { stderr?: string }).stderr ?? (error as Error).message);
      if (tally.errorSamples.length < 3) tally.errorSamples.push(`pgbench: ${stderr.split('\n')[0]}`);
      return;
    }
    const failed = Number(/number of failed transactions: (\d+)/.exec(stdout)?.[1] ?? 0);
    for (const file of (await readdir(dir)).filter((name) => name.startsWith('log'))) {
      for (const line of (await readFile(join(dir, file), 'utf8')).split('\n')) {
        // client, transaction, latency in microseconds, script, epoch seconds, microseconds
        const microseconds = Number(line.split(' ')[2]);
        if (line && Number.isFinite(microseconds)) tally.latencies.push(microseconds / 1000);
      }
    }
    tally.errors += failed;
    if (failed > 0 && tally.errorSamples.length < 3) tally.errorSamples.push(`pgbench: ${failed} failed transactions`);
    tally.elapsedMs += seconds * 1000;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
