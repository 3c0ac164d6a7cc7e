// The benchmark's scenarios as GraphQL operations for PostGraphile: the same user, the same
// data, the same page size, order and filters as PAM's request in ../scenarios.ts, and the
// same columns PAM answers with. Each answer is checked as strictly as PAM's, and an
// answer with `errors` is wrong even when it carries data.
//
// The IPN is a webhook (a form post signed by Digistore24): PostGraphile has nothing to
// serve it with, so it is not here and the benchmark reports n/a for it. Nor is knowledge
// search: it embeds the question in the application before asking the database, which no
// function in the database can do for PostGraphile.
import { type BenchRequest, type BenchUser, type FeedPost, type Scenario, whyUnreadable } from '../scenarios.ts';
import { benchBudgetCategoryId, benchBudgetId, PRODUCT_WORDS } from '../seed.ts';

const TODO_FIELDS = `rowId userId title description status priority category dueDate completedAt tripId expenseId
  budgetId tags metadata reminderAt recurrencePattern nextOccurrenceId createdAt updatedAt`;
// PAM answers with the whole row (`returning *`).
const EXPENSE_FIELDS = `rowId userId amount description category subcategory expenseDate paymentMethod vendor location
  receiptUrl notes tags budgetCategoryId tripId isRecurring recurringPattern createdAt updatedAt recurringGeneratedThrough`;
const BUDGET_SUMMARY_FIELDS = 'rowId userId name currency totalAmount totalAllocated totalSpent remainingBudget';
// The columns of PAM's public product (functions/shop/catalogue.ts).
const PRODUCT_FIELDS = `rowId name description price currency category subcategory tags imageUrl thumbnailUrl productUrl
  isFeatured stockQuantity digistore24Id vendorName vendorRating createdAt updatedAt`;

// PAM's post: every column but the automated flags (functions/community/posts.ts).
const POST_FIELDS = `rowId authorId groupId title content postType mediaUrls metadata visibility likeCount commentCount isPinned
  isActive createdAt updatedAt hiddenAt`;

// PAM's page of 20 is `order by created_at desc, id desc limit 21`; `pageInfo` is its next_cursor.
const LIST_TODOS = `query ListTodos($first: Int!) {
  allTodos(first: $first, orderBy: [CREATED_AT_DESC, ROW_ID_DESC]) { nodes { ${TODO_FIELDS} } pageInfo { hasNextPage endCursor } }
}`;
const CREATE_EXPENSE = `mutation CreateExpense($expense: ExpenseInput!) {
  createExpense(input: { expense: $expense }) { expense { ${EXPENSE_FIELDS} } }
}`;
// The view has no primary key, so a condition on its id, as PAM's `where id = $1`.
const BUDGET_SUMMARY = `query BudgetSummary($id: UUID!) {
  allBudgetSummaries(condition: { rowId: $id }) { nodes { ${BUDGET_SUMMARY_FIELDS} } }
}`;
// postgraphile_bench.search_products (setup.sql): PAM's ranked match, relevance then newest first.
const SEARCH_PRODUCTS = `query SearchProducts($search: String!, $first: Int!) {
  postgraphileBenchSearchProducts(search: $search, first: $first) { nodes { ${PRODUCT_FIELDS} } pageInfo { hasNextPage endCursor } }
}`;

// The feed is the posts table as the caller's policy shows it, newest first, as PAM's.
const COMMUNITY_FEED = `query CommunityFeed($first: Int!) {
  allPosts(first: $first, orderBy: [CREATED_AT_DESC, ROW_ID_DESC]) { nodes { ${POST_FIELDS} } pageInfo { hasNextPage endCursor } }
}`;

function graphql(query: string, variables: Record<string, unknown>, user?: BenchUser): BenchRequest {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (user) headers.authorization = `Bearer ${user.token}`;
  return { method: 'POST', path: '/graphql', headers, body: JSON.stringify({ query, variables }) };
}

/** The answer's `data`, or what is wrong with the answer (a status other than 200, `errors`, no data). */
function dataOf(status: number, body: string): { data: Record<string, unknown> } | { problem: string } {
  let answer: { data?: Record<string, unknown> | null; errors?: unknown[] };
  try {
    answer = JSON.parse(body);
  } catch {
    return { problem: `status ${status}, not JSON: ${body.slice(0, 200)}` };
  }
  if (status !== 200) return { problem: `status ${status}, expected 200: ${body.slice(0, 200)}` };
  if (answer.errors?.length) return { problem: `GraphQL errors: ${JSON.stringify(answer.errors).slice(0, 200)}` };
  if (!answer.data) return { problem: `no data: ${body.slice(0, 200)}` };
  return { data: answer.data };
}

interface Connection<Node> {
  nodes?: Node[];
}

const listTodos: Scenario = {
  name: 'list-todos',
  title: 'List my todos (query allTodos)',
  read: true,
  request: (user) => graphql(LIST_TODOS, { first: 20 }, user),
  check(user, status, body) {
    const answer = dataOf(status, body);
    if ('problem' in answer) return answer.problem;
    const nodes = (answer.data.allTodos as Connection<{ userId: string }> | null)?.nodes;
    if (!Array.isArray(nodes) || nodes.length !== 20) return `expected a page of 20 todos: ${body.slice(0, 200)}`;
    if (nodes.some((todo) => todo.userId !== user.id)) return "another user's todo in the list";
    return null;
  },
};

const createExpense: Scenario = {
  name: 'create-expense',
  title: 'Create an expense (mutation createExpense)',
  read: false,
  request: (user, sequence) =>
    graphql(
      CREATE_EXPENSE,
      {
        expense: {
          amount: `${12 + (sequence % 80)}.50`,
          description: `Diesel, fill-up ${sequence}`,
          category: 'fuel',
          expenseDate: '2026-03-14',
          paymentMethod: 'credit_card',
          vendor: 'Roadhouse',
          budgetCategoryId: benchBudgetCategoryId(user.n),
        },
      },
      user,
    ),
  check(user, status, body) {
    const answer = dataOf(status, body);
    if ('problem' in answer) return answer.problem;
    const expense = (answer.data.createExpense as { expense?: { rowId?: string; userId?: string; category?: string } } | null)?.expense;
    if (!expense?.rowId || expense.userId !== user.id || expense.category !== 'fuel') return `not the expense sent: ${body.slice(0, 200)}`;
    return null;
  },
};

const budgetSummary: Scenario = {
  name: 'budget-summary',
  title: 'Budget summary (query allBudgetSummaries by id)',
  read: true,
  request: (user) => graphql(BUDGET_SUMMARY, { id: benchBudgetId(user.n) }, user),
  check(user, status, body) {
    const answer = dataOf(status, body);
    if ('problem' in answer) return answer.problem;
    const nodes = (answer.data.allBudgetSummaries as Connection<{ rowId?: string; userId?: string; totalSpent?: string }> | null)?.nodes;
    const summary = nodes?.length === 1 ? nodes[0] : null;
    if (summary?.rowId !== benchBudgetId(user.n) || summary.userId !== user.id || typeof summary.totalSpent !== 'string') {
      return `not this budget's summary: ${body.slice(0, 200)}`;
    }
    return null;
  },
};

const searchProducts: Scenario = {
  name: 'search-products',
  title: 'Product search, no token (query searchProducts)',
  read: true,
  request: (_user, sequence) => graphql(SEARCH_PRODUCTS, { search: PRODUCT_WORDS[sequence % PRODUCT_WORDS.length], first: 20 }),
  check(_user, status, body) {
    const answer = dataOf(status, body);
    if ('problem' in answer) return answer.problem;
    const nodes = (answer.data.postgraphileBenchSearchProducts as Connection<unknown> | null)?.nodes;
    if (!Array.isArray(nodes) || nodes.length === 0) return `no products found: ${body.slice(0, 200)}`;
    return null;
  },
};

interface GraphqlPost {
  rowId: string;
  authorId: string;
  groupId: string | null;
  content: string;
  visibility: string;
  isActive: boolean;
  hiddenAt: string | null;
  likeCount: number;
  createdAt: string;
}

const communityFeed: Scenario = {
  name: 'community-feed',
  title: 'The community feed (query allPosts)',
  read: true,
  request: (user) => graphql(COMMUNITY_FEED, { first: 20 }, user),
  check(user, status, body) {
    const answer = dataOf(status, body);
    if ('problem' in answer) return answer.problem;
    const feed = answer.data.allPosts as (Connection<GraphqlPost> & { pageInfo?: { hasNextPage?: boolean } }) | null;
    const nodes = feed?.nodes;
    if (!Array.isArray(nodes) || nodes.length !== 20 || feed?.pageInfo?.hasNextPage !== true) {
      return `expected a page of 20 posts and more after it: ${body.slice(0, 200)}`;
    }
    if (nodes.some((post, i) => i > 0 && post.createdAt > nodes[i - 1].createdAt)) return 'the feed is not newest first';
    for (const node of nodes) {
      if (typeof node.content !== 'string' || typeof node.likeCount !== 'number') return `not a post: ${JSON.stringify(node).slice(0, 200)}`;
      const post: FeedPost = {
        id: node.rowId,
        author_id: node.authorId,
        group_id: node.groupId,
        content: node.content,
        visibility: node.visibility,
        is_active: node.isActive,
        hidden_at: node.hiddenAt,
        like_count: node.likeCount,
        created_at: node.createdAt,
      };
      const problem = whyUnreadable(user.n, post);
      if (problem) return `${problem} in the feed: ${JSON.stringify(node).slice(0, 200)}`;
    }
    return null;
  },
};

/** The scenarios PostGraphile serves, by the name of PAM's scenario they stand beside. */
export const POSTGRAPHILE_SCENARIOS: Record<string, Scenario> = Object.fromEntries(
  [listTodos, createExpense, budgetSummary, searchProducts, communityFeed].map((scenario) => [scenario.name, scenario]),
);
