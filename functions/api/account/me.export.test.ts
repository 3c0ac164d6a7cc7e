import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountExport } from '../../account/export.ts';
import { type ApiUser, createTestApi, type TestApi } from '../../../test/support/app.ts';
import { bodyOf } from '../../../test/support/fixtures.ts';

/**
 * The account's whole lifecycle over every table with user data: the export holds all
 * of a user's rows and nothing of anyone else, and deleting the account removes exactly
 * those rows. Rows for resources without routes yet are arranged through the owner
 * connection, the way those routes would store them.
 */

let api: TestApi;
let leaving: ApiUser;
let staying: ApiUser;
let productId: string;
/** Someone both users block: a block names another user, who is not the other user of this test. */
let blockedByBoth: ApiUser;

/** How to find a user's rows in each table ($1 is the user's id) and what identifies a row. */
const ownedRows: Record<string, { owner: string; key?: string[] }> = {
  user_sessions: { owner: 'user_id = $1' },
  todos: { owner: 'user_id = $1' },
  todo_subtasks: { owner: 'todo_id in (select id from public.todos where user_id = $1)' },
  budgets: { owner: 'user_id = $1' },
  budget_categories: { owner: 'budget_id in (select id from public.budgets where user_id = $1)' },
  expenses: { owner: 'user_id = $1' },
  income_sources: { owner: 'user_id = $1' },
  income_entries: { owner: 'user_id = $1' },
  vehicles: { owner: 'user_id = $1' },
  vehicle_maintenance: { owner: 'vehicle_id in (select id from public.vehicles where user_id = $1)' },
  trips: { owner: 'user_id = $1' },
  social_groups: { owner: 'creator_id = $1' },
  group_memberships: { owner: 'user_id = $1' },
  posts: { owner: 'author_id = $1' },
  post_likes: { owner: 'user_id = $1', key: ['post_id', 'user_id'] },
  comments: { owner: 'author_id = $1' },
  user_blocks: { owner: 'blocker_id = $1', key: ['blocker_id', 'blocked_id'] },
  content_moderation: { owner: 'reporter_id = $1' },
  pam_conversations: { owner: 'user_id = $1' },
  pam_messages: { owner: 'conversation_id in (select id from public.pam_conversations where user_id = $1)' },
  pam_message_feedback: { owner: 'user_id = $1' },
  pam_notices: { owner: 'user_id = $1' },
  user_knowledge: { owner: 'user_id = $1' },
  knowledge_chunks: { owner: 'user_id = $1' },
  user_wishlists: { owner: 'user_id = $1' },
  affiliate_sales: { owner: 'user_id = $1' },
};

/**
 * Tables that name a user but are not the user's data to export. The audit trail is the
 * administrators' record: users cannot read it, and it outlives the account with user_id
 * set to null (housekeeping removes it after audit_log_retention_days).
 */
const notExported: Record<string, string> = {
  audit_logs: 'administrators-only record of changes',
};

const ownerColumns = ['user_id', 'author_id', 'creator_id', 'reporter_id', 'blocker_id'];

async function one(text: string, params: unknown[]): Promise<string> {
  const { rows } = await api.database.owner.query<{ id: string }>(`${text} returning id`, params);
  return rows[0].id;
}

interface Neighbour {
  user: ApiUser;
  postId: string;
  groupId: string;
}

/** One row or more in every table of `ownedRows`; with a neighbour, also likes, comments on, joins and reports their things. */
async function arrangeEverything(user: ApiUser, neighbour?: Neighbour): Promise<Neighbour> {
  const id = user.id;
  const budget = await one(`insert into public.budgets (user_id, name, total_amount, start_date) values ($1, 'Summer', 3000, '2026-06-01')`, [id]);
  const category = await one(`insert into public.budget_categories (budget_id, name, allocated_amount) values ($1, 'Fuel', 800)`, [budget]);
  const vehicle = await one(`insert into public.vehicles (user_id, make, model, year) values ($1, 'VW', 'California', 2021)`, [id]);
  await one(`insert into public.vehicle_maintenance (vehicle_id, maintenance_type, service_date, cost) values ($1, 'oil_change', '2026-04-01', 120)`, [vehicle]);
  const trip = await one(
    `insert into public.trips (user_id, vehicle_id, name, origin, destination) values ($1, $2, 'North Cape', '{"address": "Oslo"}', '{"address": "Nordkapp"}')`,
    [id, vehicle],
  );
  const expense = await one(
    `insert into public.expenses (user_id, amount, description, category, expense_date, budget_category_id, trip_id)
     values ($1, 61.20, 'Diesel', 'fuel', '2026-06-02', $2, $3)`,
    [id, category, trip],
  );
  const source = await one(`insert into public.income_sources (user_id, name, amount, frequency) values ($1, 'Rent', 800, 'monthly')`, [id]);
  await one(`insert into public.income_entries (user_id, income_source_id, amount, income_date) values ($1, $2, 800, '2026-06-01')`, [id, source]);
  const todo = await one(`insert into public.todos (user_id, title, trip_id, expense_id, budget_id) values ($1, 'Fill up', $2, $3, $4)`, [
    id,
    trip,
    expense,
    budget,
  ]);
  await one(`insert into public.todo_subtasks (todo_id, title, position) values ($1, 'Find a station', 0)`, [todo]);
  // The creator becomes the group's admin member through a trigger.
  const groupId = await one(`insert into public.social_groups (name, creator_id) values ($1, $2)`, [`Group of ${user.email}`, id]);
  const postId = await one(`insert into public.posts (author_id, content, visibility) values ($1, 'Leaving soon', 'public')`, [id]);
  await api.database.owner.query(`insert into public.post_likes (post_id, user_id) values ($1, $2)`, [postId, id]);
  await one(`insert into public.comments (post_id, author_id, content) values ($1, $2, 'Me too')`, [postId, id]);
  const conversation = await one(`insert into public.pam_conversations (user_id, title) values ($1, 'Route')`, [id]);
  await one(`insert into public.pam_messages (conversation_id, role, content) values ($1, 'user', 'Best route north?')`, [conversation]);
  const reply = await one(`insert into public.pam_messages (conversation_id, role, content) values ($1, 'assistant', 'The inland road.')`, [conversation]);
  await one(`insert into public.pam_message_feedback (message_id, user_id, rating) values ($1, $2, 'up')`, [reply, id]);
  await one(
    `insert into public.pam_notices (user_id, kind, dedupe_key, title, body) values ($1, 'maintenance_due', 'maintenance:export', 'Oil change', 'Due in 5 days')`,
    [id],
  );
  const document = await one(`insert into public.user_knowledge (user_id, title, content) values ($1, 'Ferries', 'Book early')`, [id]);
  await one(`insert into public.knowledge_chunks (document_id, position, content, token_count) values ($1, 0, 'Book early', 3)`, [document]);
  await one(`insert into public.user_wishlists (user_id, product_id) values ($1, $2)`, [id, productId]);
  await one(
    `insert into public.affiliate_sales (user_id, product_id, order_id, sale_amount, commission_amount) values ($1, $2, $3, 89, 26.70)`,
    [id, productId, `ORD-${id}`],
  );
  await one(
    `insert into public.content_moderation (content_type, content_id, reporter_id, flagged_reason, additional_context)
     values ('profile', $1, $1, 'other', 'testing my own report')`,
    [id],
  );
  await api.database.owner.query(`insert into public.user_blocks (blocker_id, blocked_id) values ($1, $2)`, [id, blockedByBoth.id]);

  if (neighbour) {
    await api.database.owner.query(`insert into public.post_likes (post_id, user_id) values ($1, $2)`, [neighbour.postId, id]);
    await one(`insert into public.comments (post_id, author_id, content) values ($1, $2, 'Safe travels')`, [neighbour.postId, id]);
    await one(`insert into public.group_memberships (group_id, user_id) values ($1, $2)`, [neighbour.groupId, id]);
    // A moderation queue entry names the reported author; the reporter owns the report.
    await one(
      `insert into public.content_moderation (content_type, content_id, content_text, author_id, author_email, reporter_id, flagged_reason)
       values ('post', $1, 'Leaving soon', $2, $3, $4, 'spam')`,
      [neighbour.postId, neighbour.user.id, neighbour.user.email, id],
    );
  }
  return { user, postId, groupId };
}

async function ownedKeys(table: string, userId: string): Promise<string[]> {
  const { owner, key = ['id'] } = ownedRows[table];
  const { rows } = await api.database.owner.query<{ key: string }>(
    `select concat_ws(':', ${key.join(', ')}) as key from public.${table} where ${owner} order by 1`,
    [userId],
  );
  return rows.map((row) => row.key);
}

async function ownedKeysPerTable(userId: string): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const table of Object.keys(ownedRows)) result[table] = await ownedKeys(table, userId);
  return result;
}

let removedPostId: string;
let exportDocument: Record<string, unknown> & { profile: { id: string } };
let exportedTableNames: string[];

beforeAll(async () => {
  api = await createTestApi();
  leaving = await api.signIn();
  staying = await api.signIn();
  blockedByBoth = await api.signIn();
  productId = await one(`insert into public.shop_products (name, price, category) values ('Water filter', 89, 'water')`, []);
  const neighbour = await arrangeEverything(staying);
  await arrangeEverything(leaving, neighbour);
  // Moderation takes down the neighbour's post that the leaving user liked and commented on.
  await api.database.owner.query(`update public.posts set is_active = false where id = $1`, [neighbour.postId]);
  removedPostId = neighbour.postId;

  const response = await api.request('/api/v1/me/export', { token: leaving.token });
  exportDocument = await bodyOf(response, AccountExport, 200);
  exportedTableNames = Object.keys(exportDocument).filter((key) => key !== 'exported_at' && key !== 'profile');
});
afterAll(() => api.close());

describe('the account export', () => {
  it('covers every table that has an owner column referencing profiles', async () => {
    const { rows } = await api.database.owner.query<{ table_name: string }>(
      `select distinct child.relname as table_name
         from pg_constraint fk
         join pg_class child on child.oid = fk.conrelid
         join pg_namespace ns on ns.oid = child.relnamespace
         join pg_attribute column_ on column_.attrelid = fk.conrelid and column_.attnum = any (fk.conkey)
        where fk.contype = 'f'
          and fk.confrelid = 'public.profiles'::regclass
          and ns.nspname = 'public'
          and column_.attname = any ($1::text[])
        order by 1`,
      [ownerColumns],
    );
    const withOwner = rows.map((row) => row.table_name);
    expect(withOwner.length).toBeGreaterThanOrEqual(15);
    const missing = withOwner.filter((table) => !exportedTableNames.includes(table) && !(table in notExported));
    expect(missing, 'add these tables to exportedTables in functions/account/export.ts (and to ownedRows here)').toEqual([]);
  });

  it("covers every table whose rows are deleted with an exported table's rows", async () => {
    const { rows } = await api.database.owner.query<{ child: string; parent: string }>(
      `select distinct child.relname as child, parent.relname as parent
         from pg_constraint fk
         join pg_class child on child.oid = fk.conrelid
         join pg_class parent on parent.oid = fk.confrelid
         join pg_namespace ns on ns.oid = child.relnamespace
        where fk.contype = 'f' and fk.confdeltype = 'c' and ns.nspname = 'public'
          and parent.relname = any ($1::text[])`,
      [exportedTableNames],
    );
    const missing = rows.filter((row) => !exportedTableNames.includes(row.child)).map((row) => `${row.child} (child of ${row.parent})`);
    expect(missing, 'their rows are user data too: export them').toEqual([]);
  });

  it('is checked here table by table', () => {
    expect(exportedTableNames.sort()).toEqual(Object.keys(ownedRows).sort());
  });

  it('holds the user\'s likes and comments on a post they can no longer see', async () => {
    expect((await api.request(`/api/v1/posts/${removedPostId}`, { token: leaving.token })).status).toBe(404);
    const likes = exportDocument.post_likes as { post_id: string }[];
    const comments = exportDocument.comments as { post_id: string; content: string }[];
    expect(likes.map((like) => like.post_id)).toContain(removedPostId);
    expect(comments.filter((comment) => comment.post_id === removedPostId).map((comment) => comment.content)).toEqual(['Safe travels']);
  });

  it("holds every row the user owns in every table, and none of anyone else's", async () => {
    expect(exportDocument.profile.id).toBe(leaving.id);
    for (const table of exportedTableNames) {
      const { key = ['id'] } = ownedRows[table];
      const owned = await ownedKeys(table, leaving.id);
      expect(owned.length, `${table}: arrange at least one row`).toBeGreaterThan(0);
      const exported = (exportDocument[table] as Record<string, unknown>[]).map((row) => key.map((column) => row[column]).join(':')).sort();
      expect(exported, table).toEqual(owned);
      const others = await ownedKeys(table, staying.id);
      expect(others.length, `${table}: arrange a row for the other user too`).toBeGreaterThan(0);
      expect(exported.filter((k) => others.includes(k)), table).toEqual([]);
    }
    const text = JSON.stringify(exportDocument);
    expect(text).not.toContain(staying.id);
    expect(text).not.toContain(staying.email);
  });
});

describe('deleting the account', () => {
  it("removes the user's rows from every table and leaves the other user's rows", async () => {
    const leavingBefore = await ownedKeysPerTable(leaving.id);
    const stayingBefore = await ownedKeysPerTable(staying.id);
    for (const [table, keys] of Object.entries(leavingBefore)) expect(keys.length, table).toBeGreaterThan(0);

    const response = await api.request('/api/v1/me', { method: 'DELETE', token: leaving.token });
    expect(response.status).toBe(204);

    const leavingAfter = await ownedKeysPerTable(leaving.id);
    expect(Object.fromEntries(Object.entries(leavingAfter).map(([table, keys]) => [table, keys.length]))).toEqual(
      Object.fromEntries(Object.keys(ownedRows).map((table) => [table, 0])),
    );
    expect(await ownedKeysPerTable(staying.id)).toEqual(stayingBefore);

    const { rows } = await api.database.owner.query(
      `select (select count(*)::int from auth.users where id = $1) as identities,
              (select count(*)::int from public.profiles where id = $1) as profiles,
              (select count(*)::int from public.profiles where id = $2) as other_profiles`,
      [leaving.id, staying.id],
    );
    expect(rows[0]).toEqual({ identities: 0, profiles: 0, other_profiles: 1 });
  });
});
