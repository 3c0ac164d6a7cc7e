// What the simulated clients do, and how each answer is checked. PAM and the thin floor
// serve the same paths with answers of the same shape, so one check fits both.
import { SignJWT } from 'jose';
import { digistore24Signature } from '../functions/digistore24/signature.ts';
import { benchBudgetCategoryId, benchBudgetId, benchUser, PRODUCT_WORDS } from './seed.ts';

export const BENCH_JWT_SECRET = 'bench-secret-that-is-long-enough-for-hs256';
export const BENCH_IPN_PASSPHRASE = 'bench-ipn-passphrase';
/** Connections each server may hold, and pgbench's clients: the same for all of them. */
export const POOL_SIZE = 10;

/** A simulated user: their number in the seed and a token of their own. */
export interface BenchUser {
  n: number;
  id: string;
  token: string;
}

export interface BenchRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface Scenario {
  name: string;
  title: string;
  /** Reads only: the ones the 0.9x-of-the-floor target applies to. */
  read: boolean;
  request(user: BenchUser, sequence: number): Promise<BenchRequest> | BenchRequest;
  /** Null when the answer is right, else what is wrong with it. */
  check(user: BenchUser, status: number, body: string): string | null;
}

export async function benchUsers(count: number): Promise<BenchUser[]> {
  const key = new TextEncoder().encode(BENCH_JWT_SECRET);
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const { id, email, sessionId } = benchUser(i + 1);
      const token = await new SignJWT({ sub: id, email, role: 'authenticated', session_id: sessionId })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setIssuedAt()
        .setExpirationTime('2h')
        .sign(key);
      return { n: i + 1, id, token };
    }),
  );
}

const bearer = (user: BenchUser) => ({ authorization: `Bearer ${user.token}` });

function json(body: string): Record<string, unknown> | null {
  try {
    return JSON.parse(body) as Record<string, unknown>;
  } catch {
    return null;
  }
}

function expectStatus(status: number, expected: number, body: string): string | null {
  return status === expected ? null : `status ${status}, expected ${expected}: ${body.slice(0, 200)}`;
}

const listTodos: Scenario = {
  name: 'list-todos',
  title: 'List my todos (GET /api/v1/todos)',
  read: true,
  request: (user) => ({ method: 'GET', path: '/api/v1/todos?limit=20', headers: bearer(user) }),
  check(user, status, body) {
    const wrong = expectStatus(status, 200, body);
    if (wrong) return wrong;
    const page = json(body) as { data?: { user_id: string }[] } | null;
    if (!Array.isArray(page?.data) || page.data.length !== 20) return `expected a page of 20 todos: ${body.slice(0, 200)}`;
    if (page.data.some((todo) => todo.user_id !== user.id)) return "another user's todo in the list";
    return null;
  },
};

const createExpense: Scenario = {
  name: 'create-expense',
  title: 'Create an expense (POST /api/v1/expenses)',
  read: false,
  request: (user, sequence) => ({
    method: 'POST',
    path: '/api/v1/expenses',
    headers: { ...bearer(user), 'content-type': 'application/json' },
    body: JSON.stringify({
      amount: `${12 + (sequence % 80)}.50`,
      description: `Diesel, fill-up ${sequence}`,
      category: 'fuel',
      expense_date: '2026-03-14',
      payment_method: 'credit_card',
      vendor: 'Roadhouse',
      budget_category_id: benchBudgetCategoryId(user.n),
    }),
  }),
  check(user, status, body) {
    const wrong = expectStatus(status, 201, body);
    if (wrong) return wrong;
    const expense = json(body) as { id?: string; user_id?: string; category?: string } | null;
    if (!expense?.id || expense.user_id !== user.id || expense.category !== 'fuel') return `not the expense sent: ${body.slice(0, 200)}`;
    return null;
  },
};

const budgetSummary: Scenario = {
  name: 'budget-summary',
  title: 'Budget summary (GET /api/v1/budgets/{id}/summary)',
  read: true,
  request: (user) => ({ method: 'GET', path: `/api/v1/budgets/${benchBudgetId(user.n)}/summary`, headers: bearer(user) }),
  check(user, status, body) {
    const wrong = expectStatus(status, 200, body);
    if (wrong) return wrong;
    const summary = json(body) as { id?: string; user_id?: string; total_spent?: string } | null;
    if (summary?.id !== benchBudgetId(user.n) || summary.user_id !== user.id || typeof summary.total_spent !== 'string') {
      return `not this budget's summary: ${body.slice(0, 200)}`;
    }
    return null;
  },
};

const searchProducts: Scenario = {
  name: 'search-products',
  title: 'Product search, no token (GET /api/v1/products?q=)',
  read: true,
  request: (_user, sequence) => ({
    method: 'GET',
    path: `/api/v1/products?q=${PRODUCT_WORDS[sequence % PRODUCT_WORDS.length]}&limit=20`,
    headers: {},
  }),
  check(_user, status, body) {
    const wrong = expectStatus(status, 200, body);
    if (wrong) return wrong;
    const page = json(body) as { data?: unknown[] } | null;
    if (!Array.isArray(page?.data) || page.data.length === 0) return `no products found: ${body.slice(0, 200)}`;
    return null;
  },
};

let orders = 0;
const ipn: Scenario = {
  name: 'ipn',
  title: 'Signed Digistore24 IPN, a new order each (POST /webhooks/digistore24)',
  read: false,
  async request(user, sequence) {
    orders += 1;
    const fields: Record<string, string> = {
      event: 'on_payment',
      ipn_version: '1.6',
      api_mode: 'live',
      order_id: `BENCH${process.pid}X${orders}X${sequence}`,
      order_item_id: '1',
      transaction_id: String(1_000_000 + orders),
      transaction_type: 'payment',
      product_id: `bench-${1 + (orders % 100)}`,
      product_name: 'Solar kettle',
      amount: '47.00',
      amount_affiliate: '11.75',
      currency: 'EUR',
      email: `traveller-${user.n}@bench.pam.test`,
      buyer_email: `traveller-${user.n}@bench.pam.test`,
      billing_type: 'single_payment',
      pay_method: 'paypal',
      pay_sequence_no: '1',
      custom: '',
    };
    fields.sha_sign = await digistore24Signature(BENCH_IPN_PASSPHRASE, fields);
    return {
      method: 'POST',
      path: '/webhooks/digistore24',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    };
  },
  check: (_user, status, body) => expectStatus(status, 200, body) ?? (body === 'OK' ? null : `answered ${body.slice(0, 100)}`),
};

export const SCENARIOS: Scenario[] = [listTodos, createExpense, budgetSummary, searchProducts, ipn];
