// The thin floor: the benchmark's scenarios written the plain way, node:http + pg + jose,
// sending the same SQL PAM sends (the same claims statement, the same queries) in one
// transaction per request. No framework, no validation, no token cache, no pipelining:
// what a careful person writes in an afternoon. PAM should not be much slower than this.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { jwtVerify } from 'jose';
import pg from 'pg';
import { digistore24Signature } from '../functions/digistore24/signature.ts';
import { vectorLiteral } from '../functions/knowledge/embedder.ts';
import { localEmbedder } from '../functions/knowledge/local-embedder.ts';
import { BENCH_IPN_PASSPHRASE, BENCH_JWT_SECRET } from './scenarios.ts';

const CLAIMS = `select set_config('timezone', 'UTC', true),
  set_config('role', case when private.begin_request(set_config('request.jwt.claims', $1, true)::jsonb, $2,
    nullif(set_config('request.client_ip', $3, true), '')::inet, nullif(set_config('request.user_agent', $4, true), ''),
    $5::timestamptz) then 'authenticated' else 'anon' end, true) = 'authenticated' as session_active`;
const ANONYMOUS = `select set_config('request.jwt.claims', '', true), set_config('timezone', 'UTC', true), set_config('role', 'anon', true)`;
const SERVICE = `select set_config('request.jwt.claims', '', true), set_config('timezone', 'UTC', true), set_config('role', 'service_role', true)`;

const TODOS = `select id, user_id, title, description, status, priority, category, due_date, completed_at, trip_id, expense_id,
  budget_id, tags, metadata, reminder_at, recurrence_pattern, next_occurrence_id, created_at, updated_at
  from todos order by created_at desc, id desc limit $1`;
const EXPENSE = `insert into expenses (amount, description, category, expense_date, payment_method, vendor, budget_category_id)
  values ($1, $2, $3, $4, $5, $6, $7) returning *`;
const BUDGET = `select id, user_id, name, currency, total_amount, total_allocated, total_spent, remaining_budget
  from budget_summaries where id = $1`;
const PRODUCTS = `select p.id, p.name, p.description, p.price, p.currency, p.category, p.subcategory, p.tags, p.image_url,
  p.thumbnail_url, p.product_url, p.is_featured, p.stock_quantity, p.digistore24_id, p.vendor_name, p.vendor_rating,
  p.created_at, p.updated_at, match.rank
  from shop_products p join (select found.product_id, found.rank, found.created_at from private.search_active_products($1) as found
    order by found.rank desc, found.created_at desc, found.product_id desc) as match on match.product_id = p.id
  where p.is_active order by match.rank desc, match.created_at desc, match.product_id desc limit $2`;
const FEED = `select id, author_id, group_id, title, content, post_type, media_urls, metadata, visibility, like_count,
  comment_count, is_pinned, is_active, created_at, updated_at, hidden_at,
  to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as position
  from posts order by created_at desc, id desc limit $1`;
/**
 * The hybrid ranking (functions/knowledge/search.ts) up to the ranks it fuses: the nearest
 * 50 chunks by cosine distance and the best 50 by words. The floor and the ceiling (pgbench)
 * each name the question, its vector and the embedding model their own way.
 */
export function knowledgeRankingCtes(question: string, vector: string, model: string): string {
  return `with query as materialized (
    select strict, case when strict::text like '%!%' then strict else replace(strict::text, ' & ', ' | ')::tsquery end as loose, vector
      from (select websearch_to_tsquery('english', ${question}) as strict, ${vector} as vector) as typed
  ), nearest as (
    select c.id, c.embedding <=> q.vector as distance
      from knowledge_chunks c join user_knowledge d on d.id = c.document_id cross join query q
     where q.vector is not null and d.is_active and c.embedding_model = ${model}
     order by distance, c.id limit 50
  ), by_vector as (
    select id, row_number() over (order by distance, id) as rank from nearest where distance < 1
  ), by_text as (
    select c.id, row_number() over (order by c.search_vector @@ q.strict desc, ts_rank_cd(c.search_vector, q.loose, 1) desc, c.id) as rank
      from knowledge_chunks c join user_knowledge d on d.id = c.document_id cross join query q
     where d.is_active and c.search_vector @@ q.loose
     order by rank limit 50
  ), ranked as (
    select id, rank, 'vector' as ranking from by_vector union all select id, rank, 'text' from by_text
  )`;
}

// Fused by reciprocal rank; then the winners' rows.
const KNOWLEDGE_RANK = `${knowledgeRankingCtes('$1', '$2::vector', '$3')}
  select id, sum(1.0 / (60 + rank))::float8 as score,
         min(rank) filter (where ranking = 'vector')::int as vector_rank, min(rank) filter (where ranking = 'text')::int as text_rank
    from ranked group by id
   order by score desc, least(min(rank) filter (where ranking = 'vector'), min(rank) filter (where ranking = 'text')), id
   limit $4`;
const KNOWLEDGE_HITS = `select c.id, c.position, c.content, c.embedding_status, d.id as document_id, d.title, d.is_shared, d.document_type,
  d.source_url, d.metadata, d.created_at, d.updated_at
  from knowledge_chunks c join user_knowledge d on d.id = c.document_id where c.id = any($1::uuid[])`;
const IPN_LOG = `insert into digistore24_webhook_logs (event_type, order_id, product_id, request_data, signature_valid)
  values ($1, $2, $3, $4, true) returning id`;
const IPN_SALE = `insert into affiliate_sales (platform, order_id, order_item_id, transaction_id, external_product_id,
  product_id, sale_amount, commission_amount, currency, status, customer_email, confirmed_at)
  values ('digistore24', $1, $2, $3, $4::text, (select id from shop_products where digistore24_id = $4::text), $5, $6, $7, 'paid', $8, now())
  on conflict on constraint affiliate_sales_order_item_key do nothing`;
const IPN_SETTLE = `update digistore24_webhook_logs set processed = true where id = $1`;

type Work = (client: pg.PoolClient) => Promise<[number, unknown]>;

export function floorHandler(url: string, options: { max: number; Client: typeof pg.Client }) {
  const pool = new pg.Pool({ connectionString: url, max: options.max, Client: options.Client } as pg.PoolConfig);
  const key = new TextEncoder().encode(BENCH_JWT_SECRET);

  async function transaction(first: string, params: unknown[], work: Work): Promise<[number, unknown]> {
    const client = await pool.connect();
    try {
      await client.query('begin');
      const { rows } = await client.query(first, params);
      if (rows[0]?.session_active === false) {
        await client.query('rollback');
        return [401, { title: 'session ended' }];
      }
      const answer = await work(client);
      await client.query('commit');
      return answer;
    } catch (error) {
      await client.query('rollback').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async function asUser(req: IncomingMessage, work: Work): Promise<[number, unknown]> {
    const token = (req.headers.authorization ?? '').slice('Bearer '.length);
    const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], requiredClaims: ['exp', 'sub'] });
    const sessionKey = createHash('sha256').update(String(payload.session_id)).digest('hex');
    const agent = String(req.headers['user-agent'] ?? '');
    return transaction(CLAIMS, [JSON.stringify(payload), sessionKey, '', agent, null], work);
  }

  async function route(req: IncomingMessage, body: string): Promise<[number, unknown]> {
    const url = new URL(req.url ?? '/', 'http://floor');
    if (req.method === 'GET' && url.pathname === '/api/v1/todos') {
      const limit = Number(url.searchParams.get('limit') ?? 20);
      return asUser(req, async (c) => {
        const { rows } = await c.query(TODOS, [limit + 1]);
        return [200, { data: rows.slice(0, limit), next_cursor: rows.length > limit ? 'more' : null }];
      });
    }
    if (req.method === 'POST' && url.pathname === '/api/v1/expenses') {
      const e = JSON.parse(body);
      const params = [e.amount, e.description, e.category, e.expense_date, e.payment_method, e.vendor, e.budget_category_id];
      return asUser(req, async (c) => [201, (await c.query(EXPENSE, params)).rows[0]]);
    }
    const budget = /^\/api\/v1\/budgets\/([0-9a-f-]{36})\/summary$/.exec(url.pathname);
    if (req.method === 'GET' && budget) {
      return asUser(req, async (c) => {
        const { rows } = await c.query(BUDGET, [budget[1]]);
        return rows[0] ? [200, rows[0]] : [404, { title: 'not found' }];
      });
    }
    if (req.method === 'GET' && url.pathname === '/api/v1/products') {
      const params = [url.searchParams.get('q'), Number(url.searchParams.get('limit') ?? 20)];
      return transaction(ANONYMOUS, [], async (c) => [200, { data: (await c.query(PRODUCTS, params)).rows, next_cursor: null }]);
    }
    if (req.method === 'GET' && url.pathname === '/api/v1/posts') {
      const limit = Number(url.searchParams.get('limit') ?? 20);
      return asUser(req, async (c) => {
        const { rows } = await c.query(FEED, [limit + 1]);
        const data = rows.slice(0, limit).map(({ position: _position, ...post }) => post);
        return [200, { data, next_cursor: rows.length > limit ? 'more' : null }];
      });
    }
    if (req.method === 'GET' && url.pathname === '/api/v1/knowledge/search') {
      const q = url.searchParams.get('q') ?? '';
      const limit = Number(url.searchParams.get('limit') ?? 10);
      const [vector] = await localEmbedder.embed([q]);
      return asUser(req, async (c) => [200, await searchKnowledge(c, q, vector, limit)]);
    }
    if (req.method === 'POST' && url.pathname === '/webhooks/digistore24') {
      const fields = Object.fromEntries(new URLSearchParams(body));
      const { sha_sign: signature, ...signedFields } = fields;
      if (signature !== (await digistore24Signature(BENCH_IPN_PASSPHRASE, signedFields))) return [403, 'bad signature'];
      return transaction(SERVICE, [], async (c) => {
        const { rows } = await c.query(IPN_LOG, [fields.event, fields.order_id, fields.product_id, JSON.stringify(signedFields)]);
        await c.query(IPN_SALE, [
          fields.order_id,
          fields.order_item_id,
          fields.transaction_id,
          fields.product_id,
          fields.amount,
          fields.amount_affiliate,
          fields.currency,
          createHash('sha256').update(fields.email.trim().toLowerCase()).digest('hex'),
        ]);
        await c.query(IPN_SETTLE, [rows[0].id]);
        return [200, 'OK'];
      });
    }
    return [404, { title: 'no route' }];
  }

  async function searchKnowledge(c: pg.PoolClient, q: string, vector: number[], limit: number) {
    const { rows: ranked } = await c.query(KNOWLEDGE_RANK, [q, vectorLiteral(vector), localEmbedder.model, limit]);
    if (ranked.length === 0) return { query: q, mode: 'hybrid', data: [] };
    const { rows } = await c.query(KNOWLEDGE_HITS, [ranked.map((r) => r.id)]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    const data = ranked.flatMap((r) => {
      const row = byId.get(r.id);
      if (!row) return [];
      const { document_id, title, is_shared, document_type, source_url, metadata, created_at, updated_at, ...chunk } = row;
      const document = { id: document_id, title, is_shared, document_type, source_url, metadata, created_at, updated_at };
      return [{ score: r.score, ranks: { vector: r.vector_rank, full_text: r.text_rank }, chunk, document }];
    });
    return { query: q, mode: 'hybrid', data };
  }

  return (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      try {
        const [status, answer] = await route(req, Buffer.concat(chunks).toString('utf8'));
        if (typeof answer === 'string') res.writeHead(status, { 'content-type': 'text/plain' }).end(answer);
        else res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
      } catch (error) {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(String((error as Error).message));
      }
    });
  };
}
