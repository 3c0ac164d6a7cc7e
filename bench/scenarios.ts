// What the simulated clients do, and how each answer is checked. PAM and the thin floor
// serve the same paths with answers of the same shape, so one check fits both.
import { SignJWT } from 'jose';
import { digistore24Signature } from '../functions/digistore24/signature.ts';
import {
  benchBudgetCategoryId,
  benchBudgetId,
  benchDocumentOwner,
  benchGroupsOf,
  benchUser,
  benchUsersBlocked,
  isPublicBenchGroup,
  KNOWLEDGE_TOPICS,
  knowledgeOwnerFor,
  PRODUCT_WORDS,
} from './seed.ts';

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

/** User n with a token of their own, valid for two hours. */
async function signedUser(n: number): Promise<BenchUser> {
  const { id, email, sessionId } = benchUser(n);
  const token = await new SignJWT({ sub: id, email, role: 'authenticated', session_id: sessionId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt()
    .setExpirationTime('2h')
    .sign(new TextEncoder().encode(BENCH_JWT_SECRET));
  return { n, id, token };
}

export async function benchUsers(count: number): Promise<BenchUser[]> {
  return Promise.all(Array.from({ length: count }, (_, i) => signedUser(i + 1)));
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

export interface FeedPost {
  id: string;
  author_id: string;
  group_id: string | null;
  content: string;
  visibility: string;
  is_active: boolean;
  hidden_at: string | null;
  like_count: number;
  created_at: string;
}

/** The feed's rule (private.can_read_post), applied to the seed's groups and blocks: null when user n may read the post. */
export function whyUnreadable(n: number, post: FeedPost): string | null {
  if (post.author_id === benchUser(n).id) return null;
  if (!post.is_active || post.hidden_at !== null) return 'a removed or held post of someone else';
  if (benchUsersBlocked(n, Number(post.author_id.slice(-12)))) return 'a post across a block';
  const member = post.group_id !== null && benchGroupsOf(n).includes(post.group_id);
  if (post.visibility === 'public' && (post.group_id === null || isPublicBenchGroup(post.group_id) || member)) return null;
  if (post.visibility === 'group' && member) return null;
  return `a ${post.visibility} post the user may not read`;
}

function isFeedPost(value: unknown): value is FeedPost {
  const post = value as FeedPost;
  return (
    typeof post?.id === 'string' &&
    typeof post.author_id === 'string' &&
    typeof post.content === 'string' &&
    typeof post.like_count === 'number' &&
    typeof post.is_active === 'boolean' &&
    typeof post.created_at === 'string'
  );
}

const communityFeed: Scenario = {
  name: 'community-feed',
  title: 'The community feed (GET /api/v1/posts)',
  read: true,
  request: (user) => ({ method: 'GET', path: '/api/v1/posts?limit=20', headers: bearer(user) }),
  check(user, status, body) {
    const wrong = expectStatus(status, 200, body);
    if (wrong) return wrong;
    const page = json(body) as { data?: unknown[]; next_cursor?: unknown } | null;
    if (!Array.isArray(page?.data) || page.data.length !== 20 || typeof page.next_cursor !== 'string') {
      return `expected a page of 20 posts and a cursor: ${body.slice(0, 200)}`;
    }
    if (!page.data.every(isFeedPost)) return `not a post: ${body.slice(0, 200)}`;
    const posts = page.data;
    // The timestamps share one format (UTC, microseconds), so newest first is descending as text.
    if (posts.some((post, i) => i > 0 && post.created_at > posts[i - 1].created_at)) return 'the feed is not newest first';
    for (const post of posts) {
      const problem = whyUnreadable(user.n, post);
      if (problem) return `${problem} in the feed: ${JSON.stringify(post).slice(0, 200)}`;
    }
    return null;
  },
};

// Users beyond the first hundred keep no knowledge: each searches as one who does.
const knowledgeOwners = new Map<number, Promise<BenchUser>>();
function knowledgeOwner(user: BenchUser): Promise<BenchUser> {
  const n = knowledgeOwnerFor(user.n);
  if (n === user.n) return Promise.resolve(user);
  let owner = knowledgeOwners.get(n);
  if (!owner) knowledgeOwners.set(n, (owner = signedUser(n)));
  return owner;
}

interface KnowledgeHit {
  score?: unknown;
  chunk?: { id?: unknown; content?: unknown };
  document?: { id?: string; is_shared?: boolean };
}

/**
 * Hybrid search, the question embedded by PAM's built-in local embedder: the bench gives PAM
 * no provider (EMBEDDINGS_API_KEY / EMBEDDINGS_BASE_URL), which is what makes it choose that
 * embedder, and the seeded chunks carry that embedder's vectors.
 */
const knowledgeSearch: Scenario = {
  name: 'knowledge-search',
  title: 'Knowledge search, by meaning and words (GET /api/v1/knowledge/search)',
  read: true,
  async request(user, sequence) {
    const owner = await knowledgeOwner(user);
    const q = encodeURIComponent(KNOWLEDGE_TOPICS[sequence % KNOWLEDGE_TOPICS.length]);
    return { method: 'GET', path: `/api/v1/knowledge/search?q=${q}&limit=10`, headers: bearer(owner) };
  },
  check(user, status, body) {
    const wrong = expectStatus(status, 200, body);
    if (wrong) return wrong;
    const answer = json(body) as { mode?: string; data?: KnowledgeHit[] } | null;
    if (answer?.mode !== 'hybrid') return `expected a hybrid search: ${body.slice(0, 200)}`;
    if (!Array.isArray(answer.data) || answer.data.length !== 10) return `expected 10 results: ${body.slice(0, 200)}`;
    const owner = knowledgeOwnerFor(user.n);
    for (const hit of answer.data) {
      if (typeof hit.score !== 'number' || typeof hit.chunk?.id !== 'string' || typeof hit.chunk.content !== 'string') {
        return `not a search result: ${JSON.stringify(hit).slice(0, 200)}`;
      }
      const document = hit.document;
      if (!document?.id || (document.is_shared !== true && benchDocumentOwner(document.id) !== owner)) {
        return `another user's knowledge in the results: ${JSON.stringify(document).slice(0, 200)}`;
      }
    }
    if (answer.data.some((hit, i) => i > 0 && (hit.score as number) > (answer.data![i - 1].score as number))) return 'results not best first';
    return null;
  },
};

export const SCENARIOS: Scenario[] = [listTodos, createExpense, budgetSummary, searchProducts, communityFeed, knowledgeSearch, ipn];
