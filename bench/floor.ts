// The thin floor: the benchmark's scenarios written the plain way, node:http + pg + jose,
// sending the same SQL PAM sends (the same claims statement, the same queries) in one
// transaction per request. No framework, no validation, no token cache, no pipelining:
// what a careful person writes in an afternoon. PAM should not be much slower than this.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { jwtVerify } from 'jose';
import pg from 'pg';
import { digistore24Signature } from '../functions/digistore24/signature.ts';
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
  from shop_products p join private.search_active_products($1) as match on match.product_id = p.id
  where p.is_active order by match.rank desc, p.created_at desc, p.id desc limit $2`;
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
