// The benchmark's data set: people who use PAM for a year, and the shop's catalogue.
// Written as the owner in a few set-based statements; ids are derived from the user's
// number so the load generator, the thin floor and pgbench can name any user's rows
// without asking the database.
import type { SqlClient } from '../db/sql-client.ts';
import { vectorLiteral } from '../functions/knowledge/embedder.ts';
import { embedLocally, LOCAL_EMBEDDING_MODEL } from '../functions/knowledge/local-embedder.ts';

export interface SeedSize {
  users: number;
  todosPerUser: number;
  expensesPerUser: number;
  products: number;
  postsPerUser: number;
}

export const FULL_SEED: SeedSize = { users: 1_000, todosPerUser: 50, expensesPerUser: 300, products: 3_000, postsPerUser: 20 };
export const SMOKE_SEED: SeedSize = { users: 40, todosPerUser: 30, expensesPerUser: 40, products: 200, postsPerUser: 20 };

const BUDGETS_PER_USER = 2;
const CATEGORIES_PER_BUDGET = 5;
const VEHICLES_PER_USER = 2;
const MAINTENANCE_PER_VEHICLE = 4;
const TRIPS_PER_USER = 10;

/** Fixed-width numbered uuids: `numbered('a', 7)` is 00000000-0000-4000-a000-000000000007. */
function numberedSql(variant: string, n: string): string {
  return `('00000000-0000-4000-${variant}000-' || lpad((${n})::text, 12, '0'))::uuid`;
}
function numbered(variant: string, n: number): string {
  return `00000000-0000-4000-${variant}000-${String(n).padStart(12, '0')}`;
}

/** User n (from 1): their id, email and session id (the token's session_id claim). */
export const benchUser = (n: number) => ({
  id: numbered('8', n),
  email: `traveller-${n}@bench.pam.test`,
  sessionId: numbered('9', n),
});
/** The first of user n's budgets. */
export const benchBudgetId = (n: number) => numbered('a', (n - 1) * BUDGETS_PER_USER + 1);
/** A category of user n's first budget. */
export const benchBudgetCategoryId = (n: number) => numbered('b', ((n - 1) * BUDGETS_PER_USER) * CATEGORIES_PER_BUDGET + 1);

/** Ids of a kind of row of our own, in the RFC variant (b) with a kind digit after it: `kindId('1', 7)` is 00000000-0000-4000-b100-000000000007. */
function kindIdSql(kind: string, n: string): string {
  return `('00000000-0000-4000-b${kind}00-' || lpad((${n})::text, 12, '0'))::uuid`;
}
function kindId(kind: string, n: number): string {
  return `00000000-0000-4000-b${kind}00-${String(n).padStart(12, '0')}`;
}
const numberOf = (id: string) => Number(id.slice(-12));

// Fixed whatever the size, so a scenario can tell who sees what without knowing the size.
/** Community groups, and the users who keep knowledge of their own (the first ones, up to this many). */
const GROUPS = 12;
const KNOWLEDGE_USERS = 100;

/** Community group g (from 1). Odd groups are public, even ones private. */
export const benchGroupId = (g: number) => kindId('1', g);
export const isPublicBenchGroup = (groupId: string) => numberOf(groupId) % 2 === 1;
/** The two groups user n is a member of. */
export function benchGroupsOf(n: number): string[] {
  return [benchGroupId(1 + ((n - 1) % GROUPS)), benchGroupId(1 + ((n + 2) % GROUPS))];
}
/** Every tenth user (1, 11, 21, ...) blocked the next one: neither sees the other's posts. */
export function benchUsersBlocked(n: number, m: number): boolean {
  return (n % 10 === 1 && m === n + 1) || (m % 10 === 1 && n === m + 1);
}

/** The user whose knowledge user n searches in the knowledge scenario: one of the users who keep some. */
export const knowledgeOwnerFor = (n: number) => 1 + ((n - 1) % KNOWLEDGE_USERS);
const DOCUMENTS_PER_USER = 8;
const CHUNKS_PER_DOCUMENT = 8;
const SHARED_DOCUMENTS = 20;
const CHUNKS_PER_SHARED_DOCUMENT = 5;
/** The owner (a user's number) of a seeded knowledge document, null for a shared one. */
export function benchDocumentOwner(documentId: string): number | null {
  if (!documentId.startsWith('00000000-0000-4000-b300-')) return null;
  return 1 + Math.floor((numberOf(documentId) - 1) / DOCUMENTS_PER_USER);
}
/**
 * What the knowledge is about: each chunk's text is about one topic, and its embedding is
 * the local embedder's vector of that topic, computed once here rather than once a chunk,
 * so a search for a topic finds its chunks by meaning and by words alike.
 */
export const KNOWLEDGE_TOPICS = [
  'free camping by the river',
  'water refill stations',
  'diesel prices outback',
  'solar panel wiring',
  'dump point locations',
  'wifi at caravan parks',
  'tyre pressure on gravel',
  'dog friendly beaches',
];

/** Words the catalogue is made of, so product searches find something. */
export const PRODUCT_WORDS = ['solar', 'camping', 'kettle', 'awning', 'battery', 'inverter', 'water', 'filter', 'lantern', 'hammock', 'cooler', 'tyre'];

const EXPENSE_CATEGORIES = ['fuel', 'food', 'campground', 'maintenance', 'insurance', 'entertainment'];

export async function seedBenchData(db: SqlClient, size: SeedSize): Promise<void> {
  const users = `generate_series(1, ${size.users}) as u(n)`;
  const userId = numberedSql('8', 'u.n');
  const words = `array[${PRODUCT_WORDS.map((w) => `'${w}'`).join(', ')}]`;
  const categories = `array[${EXPENSE_CATEGORIES.map((w) => `'${w}'`).join(', ')}]`;
  // Triggers are bypassed while seeding (the audit log and the spending totals would cost
  // a row each); what they maintain is filled in directly below.
  await db.exec(`
    begin;
    set local session_replication_role = replica;

    insert into auth.users (id, email)
      select ${userId}, 'traveller-' || u.n || '@bench.pam.test' from ${users};
    insert into public.profiles (id, email, full_name, preferences)
      select ${userId}, 'traveller-' || u.n || '@bench.pam.test', 'Traveller ' || u.n, '{"units": "metric"}' from ${users};
    insert into public.user_sessions (user_id, session_token, user_agent)
      select ${userId}, encode(sha256(convert_to(${numberedSql('9', 'u.n')}::text, 'UTF8')), 'hex'), 'pam-bench'
        from ${users};

    insert into public.vehicles (id, user_id, make, model, year, fuel_type, is_primary)
      select ${numberedSql('c', `(u.n - 1) * ${VEHICLES_PER_USER} + v`)}, ${userId},
             (array['Ford', 'Toyota', 'Fiat', 'Mercedes'])[1 + (u.n + v) % 4], 'Model ' || v, 2010 + (u.n + v) % 14,
             (array['diesel', 'gasoline'])[1 + v % 2], v = 1
        from ${users}, generate_series(1, ${VEHICLES_PER_USER}) v;
    insert into public.vehicle_maintenance (vehicle_id, maintenance_type, cost, mileage, service_date, next_service_date)
      select ${numberedSql('c', `(u.n - 1) * ${VEHICLES_PER_USER} + v`)},
             (array['oil_change', 'tire_rotation', 'inspection', 'brakes'])[m], 80 + m * 35, 10000 * m,
             current_date - (400 - m * 90), current_date - (400 - m * 90) + 180
        from ${users}, generate_series(1, ${VEHICLES_PER_USER}) v, generate_series(1, ${MAINTENANCE_PER_VEHICLE}) m;
    insert into public.trips (user_id, vehicle_id, name, origin, destination, start_date, end_date, estimated_distance, status)
      select ${userId}, ${numberedSql('c', `(u.n - 1) * ${VEHICLES_PER_USER} + 1`)}, 'Trip ' || t,
             jsonb_build_object('address', 'Town ' || t), jsonb_build_object('address', 'Town ' || (t + 1)),
             current_date - 360 + t * 36, current_date - 355 + t * 36, 120 + t * 40,
             case when t < 9 then 'completed' else 'planned' end
        from ${users}, generate_series(1, ${TRIPS_PER_USER}) t;

    insert into public.budgets (id, user_id, name, total_amount, budget_period, start_date)
      select ${numberedSql('a', `(u.n - 1) * ${BUDGETS_PER_USER} + b`)}, ${userId},
             (array['Monthly living', 'Big trip'])[b], 2500 * b, (array['monthly', 'yearly'])[b], date_trunc('year', current_date)::date
        from ${users}, generate_series(1, ${BUDGETS_PER_USER}) b;
    insert into public.budget_categories (id, budget_id, name, allocated_amount, sort_order)
      select ${numberedSql('b', `((u.n - 1) * ${BUDGETS_PER_USER} + b - 1) * ${CATEGORIES_PER_BUDGET} + c`)},
             ${numberedSql('a', `(u.n - 1) * ${BUDGETS_PER_USER} + b`)},
             (${categories})[c], 300 + c * 50, c
        from ${users}, generate_series(1, ${BUDGETS_PER_USER}) b, generate_series(1, ${CATEGORIES_PER_BUDGET}) c;

    insert into public.expenses (user_id, amount, description, category, expense_date, payment_method, vendor, budget_category_id, created_at)
      select ${userId}, round((5 + (e * 37 + u.n) % 190)::numeric + 0.45, 2), 'Expense ' || e,
             (${categories})[1 + e % ${CATEGORIES_PER_BUDGET}], current_date - (e * 365 / ${size.expensesPerUser}),
             (array['cash', 'credit_card', 'debit_card'])[1 + e % 3], 'Vendor ' || (e % 40),
             case when e % 2 = 0 then ${numberedSql('b', `((u.n - 1) * ${BUDGETS_PER_USER}) * ${CATEGORIES_PER_BUDGET} + 1 + e % ${CATEGORIES_PER_BUDGET}`)} end,
             now() - make_interval(days => e * 365 / ${size.expensesPerUser})
        from ${users}, generate_series(1, ${size.expensesPerUser}) e;
    update public.budget_categories c set spent_amount = s.total
      from (select budget_category_id, sum(amount) as total from public.expenses
             where budget_category_id is not null group by budget_category_id) s
     where s.budget_category_id = c.id;

    insert into public.todos (user_id, title, description, status, priority, category, tags, due_date, completed_at, created_at)
      select ${userId}, 'Todo ' || t || ' of traveller ' || u.n, 'Something to do before the next leg',
             (array['pending', 'in_progress', 'completed', 'pending'])[1 + t % 4],
             (array['low', 'medium', 'high', 'urgent'])[1 + t % 4], (array['travel', 'financial', 'personal'])[1 + t % 3],
             array['van', 'week-' || (t % 52)], now() + make_interval(days => t),
             case when t % 4 = 2 then now() - make_interval(days => t) end,
             now() - make_interval(hours => t * 170)
        from ${users}, generate_series(1, ${size.todosPerUser}) t;

    insert into public.shop_products (name, description, price, category, tags, is_active, digistore24_id, vendor_name, created_at)
      select initcap(w1) || ' ' || w2 || ' ' || p, 'A ' || w1 || ' ' || w2 || ' for life on the road, model ' || p,
             round((9 + p % 300)::numeric + 0.99, 2), (array['power', 'kitchen', 'outdoor', 'vehicle'])[1 + p % 4],
             array[w1, w2], p % 50 <> 0, 'bench-' || p, 'Vendor ' || (p % 30), now() - make_interval(mins => p)
        from generate_series(1, ${size.products}) p,
             lateral (select (${words})[1 + p % ${PRODUCT_WORDS.length}] as w1,
                             (${words})[1 + (p / ${PRODUCT_WORDS.length}) % ${PRODUCT_WORDS.length}] as w2) w;
    insert into private.product_search_documents (product_id, document)
      select p.id, private.product_search_document(p.name, p.description, p.tags) from public.shop_products p;
${communitySql(size)}
${knowledgeSql(size)}
    commit;
  `);
  // What autovacuum would have done by the time a real database saw this much traffic:
  // statistics for the planner, and the GIN indexes' pending lists merged (a search would
  // otherwise scan the whole freshly inserted list on every request).
  await db.exec('vacuum analyze');
}

/**
 * Groups, memberships, posts and a few blocks. Posts are interleaved in time across users
 * so the newest page of anyone's feed mixes authors, and of every kind: public ones outside
 * groups, public and members-only ones in public and private groups, private ones, and a
 * few that moderation removed or reports hold, which only their authors see.
 */
function communitySql(size: SeedSize): string {
  const users = `generate_series(1, ${size.users}) as u(n)`;
  const userId = numberedSql('8', 'u.n');
  const groupOf = (which: 1 | 2) => kindIdSql('1', which === 1 ? `1 + (u.n - 1) % ${GROUPS}` : `1 + (u.n + 2) % ${GROUPS}`);
  return `
    insert into public.social_groups (id, name, description, category, privacy_level, member_count, creator_id, created_at)
      select ${kindIdSql('1', 'g')}, 'Group ' || g, 'Travellers who talk about stop ' || g,
             (array['travel', 'finance', 'local'])[1 + g % 3], case when g % 2 = 1 then 'public' else 'private' end,
             0, ${numberedSql('8', `1 + (g - 1) % ${size.users}`)}, now() - make_interval(days => g)
        from generate_series(1, ${GROUPS}) g;
    insert into public.group_memberships (group_id, user_id, role)
      select ${groupOf(1)}, ${userId}, 'member' from ${users}
      union all
      select ${groupOf(2)}, ${userId}, 'member' from ${users};
    update public.social_groups g set member_count = m.count
      from (select group_id, count(*) as count from public.group_memberships group by group_id) m
     where m.group_id = g.id;
    insert into public.user_blocks (blocker_id, blocked_id)
      select ${userId}, ${numberedSql('8', 'u.n + 1')} from ${users} where u.n % 10 = 1 and u.n < ${size.users};
    insert into public.posts (author_id, group_id, title, content, post_type, visibility, is_active, hidden_at, created_at, updated_at)
      select ${userId},
             case p % 5 when 1 then ${groupOf(1)} when 2 then ${groupOf(2)} end,
             case when p % 3 = 0 then 'Leg ' || p end,
             'Day ' || p || ' on the road for traveller ' || u.n || ': camped by the river, the van held up fine.',
             'text', (array['public', 'public', 'group', 'private', 'public'])[1 + p % 5],
             p % 17 <> 0, case when p % 19 = 0 then now() end,
             now() - make_interval(mins => (p - 1) * ${size.users} + u.n),
             now() - make_interval(mins => (p - 1) * ${size.users} + u.n)
        from ${users}, generate_series(1, ${size.postsPerUser}) p;`;
}

/**
 * Documents cut into chunks, embedded and ready to search, for the first
 * KNOWLEDGE_USERS users, and shared documents everyone reads. The chunk trigger (owner
 * and full-text vector) is off while seeding, so both are filled here.
 */
function knowledgeSql(size: SeedSize): string {
  const owners = Math.min(KNOWLEDGE_USERS, size.users);
  const topics = KNOWLEDGE_TOPICS.map((topic, i) => `(${i + 1}, '${topic}', '${vectorLiteral(embedLocally(topic))}'::vector)`).join(',\n');
  const userDocument = `(u.n - 1) * ${DOCUMENTS_PER_USER} + d`;
  const topicOf = (n: string) => `1 + (${n}) % ${KNOWLEDGE_TOPICS.length}`;
  return `
    create temporary table bench_topics (n integer primary key, words text not null, embedding vector(1536) not null) on commit drop;
    insert into bench_topics values ${topics};
    insert into public.user_knowledge (id, user_id, is_shared, title, content, document_type, created_at)
      select ${kindIdSql('3', userDocument)}, ${numberedSql('8', 'u.n')}, false, 'Notes on ' || t.words || ' ' || d,
             'What traveller ' || u.n || ' wrote down about ' || t.words, 'text', now() - make_interval(days => d)
        from generate_series(1, ${owners}) as u(n), generate_series(1, ${DOCUMENTS_PER_USER}) d, bench_topics t
       where t.n = ${topicOf('u.n + d')}
      union all
      select ${kindIdSql('4', 'd')}, null, true, 'Travel tip: ' || t.words || ' ' || d, 'What every traveller should know about ' || t.words,
             'text', now() - make_interval(days => d)
        from generate_series(1, ${SHARED_DOCUMENTS}) d, bench_topics t where t.n = ${topicOf('d')};
    insert into public.knowledge_chunks (document_id, user_id, position, content, token_count, search_vector, embedding,
                                         embedding_model, embedding_status, embedded_at)
      select k.id, k.user_id, c - 1, chunk.content, 40,
             setweight(to_tsvector('english', k.title), 'A') || setweight(to_tsvector('english', chunk.content), 'B'),
             t.embedding, '${LOCAL_EMBEDDING_MODEL}', 'embedded', now()
        from public.user_knowledge k
        join bench_topics t on k.title like '%' || t.words || '%'
        cross join generate_series(1, case when k.is_shared then ${CHUNKS_PER_SHARED_DOCUMENT} else ${CHUNKS_PER_DOCUMENT} end) c
        cross join lateral (select 'Part ' || c || ' about ' || t.words || ': the place past the bridge, open all year, '
                                   || 'cash only, ask at the kiosk.' as content) chunk;`;
}
