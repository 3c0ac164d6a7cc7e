import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Actor,
  anonymous,
  createTestDatabase,
  createUser,
  service,
  type TestDatabase,
  type TestUser,
} from '../../test/support/database.ts';
import type { SqlClient } from '../sql-client.ts';
import {
  attemptAs,
  type Fixtures,
  fixtures,
  type Outcome,
  type Row,
  sessionKeyHash,
  type Statement,
  sql,
  storedCount,
  storedRow,
  whereKey,
} from './fixtures.ts';

// Who may do what with a row that belongs to user A, table by table, checked with the
// real API roles and real claims. The database owner only arranges rows and reads back
// what is stored. Four actors try each of the four commands on A's row:
//   the owner (A), another user (B), an administrator (is_admin), an anonymous caller.
// Each entry lists what the owner and an administrator may do; everyone else may do
// nothing. "May not" means: refused with 42501 (no privilege, or a policy's WITH CHECK)
// or quietly affecting no row — and in both cases the stored row is exactly as before.
// Adding a table to the schema means adding its entry here; the first test insists.

type Command = 'select' | 'insert' | 'update' | 'delete';
const commands: Command[] = ['select', 'insert', 'update', 'delete'];
const everything: Command[] = commands;

interface ArrangedRow {
  /** The columns that identify A's row. */
  key: Row;
}

interface TableRules<Arranged extends ArrangedRow = ArrangedRow> {
  table: string;
  /** Creates, as the database owner, a row belonging to A together with its parents. */
  arrange(f: Fixtures, a: TestUser): Promise<Arranged>;
  /**
   * Inserts that would add a row owned by A or hanging off one of A's rows (for tables
   * nobody owns: the row an administrator would add). Whoever may not insert must be
   * refused every one of them.
   */
  inserts(row: Arranged, a: TestUser): Statement[];
  /** A change to A's row, in columns a user may write where the table has any. */
  change: Row;
  /** What A may do with their own row; for tables nobody owns, A is just another user. */
  owner: Command[];
  /** What a user whose profile has is_admin may do with it. */
  admin: Command[];
}

function table<Arranged extends ArrangedRow>(rules: TableRules<Arranged>): TableRules<Arranged> {
  return rules;
}

const matrix: TableRules[] = [
  // Accounts. Identities, profiles and sessions are created by private.begin_request,
  // audit entries by the audit trigger; no API role writes them directly.
  table({
    table: 'auth.users',
    arrange: async (_f, a) => ({ key: { id: a.id } }),
    inserts: (_row, a) => [sql`insert into auth.users (id, email) values (${randomUUID()}, ${a.email})`],
    change: { email: 'taken-over@example.com' },
    owner: [],
    admin: [],
  }),
  table({
    // Tombstones of deleted accounts, written by public.delete_my_account.
    table: 'auth.deleted_users',
    arrange: async (f) => ({ key: { id: await f.deletedAccount() } }),
    inserts: (_row, a) => [sql`insert into auth.deleted_users (id) values (${a.id})`],
    change: { deleted_at: '2000-01-01T00:00:00Z' },
    owner: [],
    admin: [],
  }),
  table({
    table: 'public.profiles',
    arrange: async (f, a) => ({ key: { id: a.id }, unclaimedIdentity: await f.identity() }),
    inserts: (row) => [
      sql`insert into public.profiles (id, email) values (${row.unclaimedIdentity}, ${`${row.unclaimedIdentity}@example.com`})`,
    ],
    change: { full_name: 'Someone Else' },
    owner: ['select', 'update'],
    admin: ['select'],
  }),
  table({
    table: 'public.user_sessions',
    arrange: async (f, a) => ({ key: { id: await f.session(a) } }),
    inserts: (_row, a) => [
      sql`insert into public.user_sessions (user_id, session_token) values (${a.id}, ${sessionKeyHash()})`,
    ],
    // Revoking is the one change a user makes to a session.
    change: { is_active: false, ended_at: '2024-05-01T12:00:00.000Z' },
    owner: ['select', 'update'],
    admin: [],
  }),
  table({
    table: 'public.audit_logs',
    arrange: async (f, a) => ({ key: { id: await f.auditEntry(a) } }),
    inserts: (_row, a) => [sql`insert into public.audit_logs (user_id, action) values (${a.id}, 'LOGIN')`],
    change: { action: 'TAMPERED' },
    owner: [],
    admin: ['select'],
  }),

  // Vehicles and travel
  table({
    table: 'public.vehicles',
    arrange: async (f, a) => ({ key: { id: await f.vehicle(a) } }),
    inserts: (_row, a) => [
      sql`insert into public.vehicles (user_id, make, model, year) values (${a.id}, 'Fiat', 'Ducato', 2021)`,
    ],
    change: { color: 'Repainted' },
    owner: everything,
    admin: [],
  }),
  table({
    table: 'public.vehicle_maintenance',
    arrange: async (f, a) => {
      const vehicleId = await f.vehicle(a);
      return { key: { id: await f.maintenance(vehicleId) }, vehicleId };
    },
    inserts: (row) => [
      sql`insert into public.vehicle_maintenance (vehicle_id, maintenance_type, service_date)
          values (${row.vehicleId}, 'tire_rotation', '2024-06-01')`,
    ],
    change: { notes: 'Rewritten' },
    owner: everything,
    admin: [],
  }),
  table({
    table: 'public.trips',
    arrange: async (f, a) => {
      const vehicleId = await f.vehicle(a);
      return { key: { id: await f.trip(a, vehicleId) }, vehicleId };
    },
    inserts: (row, a) => [
      sql`insert into public.trips (user_id, name, origin, destination)
          values (${a.id}, 'Alps', '{"address": "Geneva"}', '{"address": "Turin"}')`,
      sql`insert into public.trips (vehicle_id, name, origin, destination)
          values (${row.vehicleId}, 'Alps', '{"address": "Geneva"}', '{"address": "Turin"}')`,
    ],
    change: { name: 'Renamed' },
    owner: everything,
    admin: [],
  }),

  // Money
  table({
    table: 'public.budgets',
    arrange: async (f, a) => ({ key: { id: await f.budget(a) } }),
    inserts: (_row, a) => [
      sql`insert into public.budgets (user_id, name, total_amount, start_date) values (${a.id}, 'Winter', 900, '2024-11-01')`,
    ],
    change: { name: 'Renamed' },
    owner: everything,
    admin: [],
  }),
  table({
    table: 'public.budget_categories',
    arrange: async (f, a) => {
      const budgetId = await f.budget(a);
      return { key: { id: await f.budgetCategory(budgetId) }, budgetId };
    },
    inserts: (row) => [
      sql`insert into public.budget_categories (budget_id, name, allocated_amount) values (${row.budgetId}, 'Campsites', 300)`,
    ],
    change: { name: 'Renamed' },
    owner: everything,
    admin: [],
  }),
  table({
    table: 'public.expenses',
    arrange: async (f, a) => {
      const budgetCategoryId = await f.budgetCategory(await f.budget(a));
      const tripId = await f.trip(a);
      return { key: { id: await f.expense(a, { budgetCategoryId, tripId }) }, budgetCategoryId, tripId };
    },
    inserts: (row, a) => [
      sql`insert into public.expenses (user_id, amount, description, category, expense_date)
          values (${a.id}, 12, 'Toll', 'road', '2024-05-03')`,
      sql`insert into public.expenses (budget_category_id, amount, description, category, expense_date)
          values (${row.budgetCategoryId}, 12, 'Toll', 'road', '2024-05-03')`,
      sql`insert into public.expenses (trip_id, amount, description, category, expense_date)
          values (${row.tripId}, 12, 'Toll', 'road', '2024-05-03')`,
    ],
    change: { description: 'Rewritten' },
    owner: everything,
    admin: [],
  }),
  table({
    table: 'public.income_sources',
    arrange: async (f, a) => ({ key: { id: await f.incomeSource(a) } }),
    inserts: (_row, a) => [
      sql`insert into public.income_sources (user_id, name, amount, frequency) values (${a.id}, 'Rent', 700, 'monthly')`,
    ],
    change: { name: 'Renamed' },
    owner: everything,
    admin: [],
  }),
  table({
    table: 'public.income_entries',
    arrange: async (f, a) => {
      const incomeSourceId = await f.incomeSource(a);
      return { key: { id: await f.incomeEntry(a, incomeSourceId) }, incomeSourceId };
    },
    inserts: (row, a) => [
      sql`insert into public.income_entries (user_id, amount, income_date) values (${a.id}, 50, '2024-05-04')`,
      sql`insert into public.income_entries (income_source_id, amount, income_date)
          values (${row.incomeSourceId}, 50, '2024-05-04')`,
    ],
    change: { description: 'Rewritten' },
    owner: everything,
    admin: [],
  }),

  // Productivity
  table({
    table: 'public.todos',
    arrange: async (f, a) => {
      const tripId = await f.trip(a);
      const budgetId = await f.budget(a);
      const expenseId = await f.expense(a);
      return { key: { id: await f.todo(a, tripId) }, tripId, budgetId, expenseId };
    },
    inserts: (row, a) => [
      sql`insert into public.todos (user_id, title) values (${a.id}, 'Renew insurance')`,
      sql`insert into public.todos (trip_id, title) values (${row.tripId}, 'Pack chains')`,
      sql`insert into public.todos (expense_id, title) values (${row.expenseId}, 'Claim refund')`,
      sql`insert into public.todos (budget_id, title) values (${row.budgetId}, 'Review spending')`,
    ],
    change: { title: 'Rewritten' },
    owner: everything,
    admin: [],
  }),
  table({
    table: 'public.todo_subtasks',
    arrange: async (f, a) => {
      const todoId = await f.todo(a);
      return { key: { id: await f.subtask(todoId) }, todoId };
    },
    inserts: (row) => [
      sql`insert into public.todo_subtasks (todo_id, title, position) values (${row.todoId}, 'Call the port', 1)`,
    ],
    change: { title: 'Rewritten' },
    owner: everything,
    admin: [],
  }),

  // Community: A's rows are arranged out of everyone else's sight (a private post, a
  // private group); who sees shared community rows is the subject of rls-groups.
  table({
    table: 'public.social_groups',
    arrange: async (f, a) => ({ key: { id: await f.group(a, 'private') } }),
    inserts: (_row, a) => [
      sql`insert into public.social_groups (creator_id, name, privacy_level) values (${a.id}, 'Vanlife Lisbon', 'private')`,
    ],
    change: { description: 'Rewritten' },
    owner: everything,
    // Administrators read every group to moderate reports on groups; the posts in it stay members'.
    admin: ['select'],
  }),
  table({
    table: 'public.group_memberships',
    arrange: async (f, a) => {
      const founder = await f.bystander();
      const privateGroupId = await f.group(founder, 'private');
      const publicGroupId = await f.group(founder, 'public');
      return { key: { id: await f.membership(privateGroupId, a) }, publicGroupId };
    },
    inserts: (row, a) => [
      sql`insert into public.group_memberships (group_id, user_id) values (${row.publicGroupId}, ${a.id})`,
    ],
    // Promoting a member is a group admin's call, not the member's own.
    change: { role: 'admin' },
    owner: ['select', 'insert', 'delete'],
    admin: [],
  }),
  table({
    table: 'public.posts',
    arrange: async (f, a) => ({
      key: { id: await f.post(a, { visibility: 'private' }) },
      groupId: await f.group(a, 'private'),
    }),
    inserts: (row, a) => [
      sql`insert into public.posts (author_id, content, visibility) values (${a.id}, 'Note to self', 'private')`,
      sql`insert into public.posts (group_id, content) values (${row.groupId}, 'Meet-up on Friday')`,
    ],
    change: { content: 'Rewritten' },
    owner: everything,
    admin: [],
  }),
  table({
    table: 'public.post_likes',
    arrange: async (f, a) => {
      const postId = await f.post(a, { visibility: 'private' });
      await f.like(postId, a);
      return {
        key: { post_id: postId, user_id: a.id },
        otherPostIds: [await f.post(a, { visibility: 'private' }), await f.post(a, { visibility: 'private' })],
      };
    },
    inserts: (row, a) => [
      sql`insert into public.post_likes (post_id, user_id) values (${row.otherPostIds[0]}, ${a.id})`,
      sql`insert into public.post_likes (post_id) values (${row.otherPostIds[1]})`,
    ],
    // Likes are given or taken back, never edited.
    change: { created_at: '2000-01-01T00:00:00.000Z' },
    owner: ['select', 'insert', 'delete'],
    admin: [],
  }),
  table({
    table: 'public.comments',
    arrange: async (f, a) => {
      const postId = await f.post(a, { visibility: 'private' });
      return { key: { id: await f.comment(postId, a) }, postId };
    },
    inserts: (row, a) => [
      sql`insert into public.comments (post_id, author_id, content) values (${row.postId}, ${a.id}, 'Agreed')`,
      sql`insert into public.comments (post_id, content) values (${row.postId}, 'Agreed')`,
    ],
    change: { content: 'Rewritten' },
    owner: everything,
    admin: [],
  }),
  table({
    // A reports other people's posts: one already, and the insert reports another.
    table: 'public.content_moderation',
    arrange: async (f, a) => {
      const author = await f.bystander();
      const postId = await f.post(author, { visibility: 'public' });
      return { key: { id: await f.report(a, postId) }, otherPostId: await f.post(author, { visibility: 'public' }) };
    },
    inserts: (row, a) => [
      sql`insert into public.content_moderation (content_type, content_id, reporter_id, flagged_reason)
          values ('post', ${row.otherPostId}, ${a.id}, 'harassment')`,
    ],
    change: { status: 'approved' },
    // A reporter files reports and reads them back; the queue is the administrators'.
    owner: ['select', 'insert'],
    admin: ['select', 'update', 'delete'],
  }),

  table({
    // A block is its blocker's alone: the blocked user does not learn of it.
    table: 'public.user_blocks',
    arrange: async (f, a) => {
      const blocked = await f.bystander();
      await f.block(a, blocked);
      return { key: { blocker_id: a.id, blocked_id: blocked.id }, notYetBlocked: (await f.bystander()).id };
    },
    inserts: (row, a) => [
      sql`insert into public.user_blocks (blocker_id, blocked_id) values (${a.id}, ${row.notYetBlocked})`,
    ],
    // Blocks are made or lifted, never edited.
    change: { created_at: '2000-01-01T00:00:00.000Z' },
    owner: ['select', 'insert', 'delete'],
    admin: [],
  }),

  // PAM assistant
  table({
    table: 'public.pam_conversations',
    arrange: async (f, a) => ({ key: { id: await f.conversation(a) } }),
    inserts: (_row, a) => [sql`insert into public.pam_conversations (user_id, title) values (${a.id}, 'Weather')`],
    change: { title: 'Renamed' },
    owner: everything,
    admin: [],
  }),
  table({
    table: 'public.pam_messages',
    arrange: async (f, a) => {
      const conversationId = await f.conversation(a);
      return { key: { id: await f.message(conversationId) }, conversationId };
    },
    inserts: (row) => [
      sql`insert into public.pam_messages (conversation_id, role, content) values (${row.conversationId}, 'user', 'And tomorrow?')`,
    ],
    // A conversation is a record: messages are added, never edited or removed one by one.
    change: { content: 'Rewritten' },
    owner: ['select', 'insert'],
    admin: [],
  }),
  table({
    table: 'public.pam_message_feedback',
    arrange: async (f, a) => {
      const conversationId = await f.conversation(a);
      const rated = await f.message(conversationId, 'assistant');
      // Feedback is one per reply and user: the insert rates another reply of A's.
      return { key: { id: await f.feedback(a, rated) }, unrated: await f.message(conversationId, 'assistant') };
    },
    inserts: (row, a) => [
      sql`insert into public.pam_message_feedback (message_id, user_id, rating) values (${row.unrated}, ${a.id}, 'down')`,
    ],
    change: { rating: 'down', comment: 'Too long' },
    owner: everything,
    admin: [],
  }),
  table({
    table: 'public.pam_notices',
    arrange: async (f, a) => ({ key: { id: await f.notice(a) } }),
    // PAM raises notices (the scheduled job, as service_role); users only read, mark and dismiss them.
    inserts: (_row, a) => [
      sql`insert into public.pam_notices (user_id, kind, dedupe_key, title, body)
          values (${a.id}, 'todo_reminder', 'forged', 'Forged', 'Not from PAM')`,
    ],
    change: { read_at: '2026-01-01T00:00:00Z' },
    owner: ['select', 'update', 'delete'],
    admin: [],
  }),
  table({
    table: 'public.user_knowledge',
    arrange: async (f, a) => ({ key: { id: await f.knowledge(a) } }),
    inserts: (_row, a) => [
      sql`insert into public.user_knowledge (user_id, title, content) values (${a.id}, 'Insurance', 'Policy 42')`,
    ],
    change: { title: 'Renamed' },
    owner: everything,
    admin: [],
  }),
  table({
    // Chunks are cut and replaced, never edited; their embedding columns are PAM's (service_role).
    table: 'public.knowledge_chunks',
    arrange: async (f, a) => {
      const documentId = await f.knowledge(a);
      const { rows } = await db.query<{ id: string }>(
        `insert into public.knowledge_chunks (document_id, position, content, token_count)
         values ($1, 0, 'Tyre pressure 4.5 bar', 6) returning id`,
        [documentId],
      );
      return { key: { id: rows[0].id }, documentId };
    },
    inserts: (row) => [
      sql`insert into public.knowledge_chunks (document_id, position, content, token_count)
          values (${row.documentId}, 1, 'Spare wheel under the floor', 7)`,
    ],
    change: { content: 'Rewritten' },
    owner: ['select', 'insert', 'delete'],
    admin: [],
  }),

  // Shop and administration. An inactive product is hidden from the public; a sale
  // belongs to the affiliate it is credited to; the rest belongs to no user.
  table({
    table: 'public.shop_products',
    arrange: async (f) => ({ key: { id: await f.product({ active: false }) } }),
    inserts: () => [sql`insert into public.shop_products (name, price, category) values ('Water filter', 89, 'water')`],
    change: { name: 'Renamed' },
    owner: [],
    admin: everything,
  }),
  table({
    table: 'public.affiliate_sales',
    arrange: async (f, a) => ({ key: { id: await f.affiliateSale(a) } }),
    inserts: (_row, a) => [
      sql`insert into public.affiliate_sales (user_id, order_id, sale_amount, commission_amount)
          values (${a.id}, ${randomUUID()}, 100, 10)`,
    ],
    change: { status: 'paid' },
    owner: ['select'],
    admin: ['select'],
  }),
  table({
    table: 'public.user_wishlists',
    arrange: async (f, a) => ({
      key: { id: await f.wishlistItem(a, await f.product({ active: true })) },
      otherProductId: await f.product({ active: true }),
    }),
    inserts: (row, a) => [
      sql`insert into public.user_wishlists (user_id, product_id) values (${a.id}, ${row.otherProductId})`,
    ],
    change: { notes: 'Rewritten' },
    owner: everything,
    admin: [],
  }),
  table({
    table: 'public.system_settings',
    arrange: async (f) => ({ key: { id: await f.setting() } }),
    inserts: () => [sql`insert into public.system_settings (setting_key, setting_value) values (${randomUUID()}, '7')`],
    change: { description: 'Rewritten' },
    owner: [],
    admin: everything,
  }),
  table({
    table: 'public.digistore24_sync_logs',
    arrange: async (f) => ({ key: { id: await f.syncLog() } }),
    inserts: () => [sql`insert into public.digistore24_sync_logs (sync_started_at) values (now())`],
    change: { error_message: 'Rewritten' },
    owner: [],
    admin: ['select'],
  }),
  table({
    table: 'public.digistore24_webhook_logs',
    arrange: async (f) => ({ key: { id: await f.webhookLog() } }),
    inserts: () => [
      sql`insert into public.digistore24_webhook_logs (event_type, request_data) values ('on_refund', '{}')`,
    ],
    change: { processed: true },
    owner: [],
    admin: ['select'],
  }),

  // Scheduled work: written by the jobs as service_role, read by no API role.
  table({
    table: 'public.cron_runs',
    arrange: async () => {
      const { rows } = await db.query<{ id: string }>(
        `insert into public.cron_runs (job, cron, started_at, finished_at, succeeded)
         values ('housekeeping', '0 3 * * *', now(), now(), true) returning id`,
      );
      return { key: { id: rows[0].id } };
    },
    inserts: () => [
      sql`insert into public.cron_runs (job, cron, started_at, finished_at, succeeded)
          values ('recurring_work', '30 * * * *', now(), now(), true)`,
    ],
    change: { succeeded: false },
    owner: [],
    admin: [],
  }),
];

let database: TestDatabase;
let db: SqlClient;
let f: Fixtures;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.owner;
  f = fixtures(db);
});
afterAll(async () => {
  await database?.close();
});

describe('the matrix', () => {
  it('has one entry for every table in schemas public and auth', async () => {
    const { rows } = await db.query<{ name: string }>(
      `select schemaname || '.' || tablename as name from pg_tables where schemaname in ('public', 'auth')`,
    );
    const inMatrix = matrix.map((rules) => rules.table).sort();
    expect(inMatrix).toEqual(rows.map((r) => r.name).sort());
    expect(new Set(inMatrix).size).toBe(inMatrix.length);
  });
});

type ActorName = 'the owner' | 'another user' | 'an administrator' | 'an anonymous caller';
const actorNames: ActorName[] = ['the owner', 'another user', 'an administrator', 'an anonymous caller'];

function allowed(rules: TableRules, actor: ActorName, command: Command): boolean {
  if (actor === 'the owner') return rules.owner.includes(command);
  if (actor === 'an administrator') return rules.admin.includes(command);
  return false;
}

/** Refused for lack of a privilege or by a policy's WITH CHECK: the same SQLSTATE either way. */
function expectRefused(outcome: Outcome) {
  expect(outcome).toMatchObject({ refused: '42501' });
}

function expectRefusedOrNoRows(outcome: Outcome, noRows: (rows: Row[]) => void) {
  if ('refused' in outcome) expectRefused(outcome);
  else noRows(outcome.rows);
}

/** For a statement without WHERE: it may go through, as long as it only reaches the caller's own rows. */
function expectRefusedOrOwnRowsOnly(outcome: Outcome) {
  if ('refused' in outcome) expectRefused(outcome);
}

function affectedRows(outcome: Outcome): number {
  if ('refused' in outcome) throw new Error(`refused with ${outcome.refused}: ${outcome.message}`);
  return outcome.rows[0].n as number;
}

interface Attempt {
  rules: TableRules;
  row: ArrangedRow;
  owner: TestUser;
  actor: Actor;
  may: boolean;
}

const attempt: Record<Command, (attempt: Attempt) => Promise<void>> = {
  async select({ rules, row, actor, may }) {
    const outcome = await attemptAs(db, actor, {
      text: `select * from ${rules.table} where ${whereKey(row.key)}`,
      params: Object.values(row.key),
    });
    if (may) expect(outcome).toMatchObject({ rows: [row.key] });
    else expectRefusedOrNoRows(outcome, (rows) => expect(rows).toEqual([]));
  },

  async update({ rules, row, actor, may }) {
    const before = await storedRow(db, rules.table, row.key);
    const changed = Object.keys(rules.change);
    const setClause = changed.map((column, i) => `${column} = $${i + 1}`).join(', ');
    const outcome = await attemptAs(db, actor, {
      text: `with affected as (
               update ${rules.table} set ${setClause} where ${whereKey(row.key, changed.length)} returning 1)
             select count(*)::int as n from affected`,
      params: [...Object.values(rules.change), ...Object.values(row.key)],
    });
    if (may) {
      expect(affectedRows(outcome)).toBe(1);
      const changedRow = { ...row.key, ...rules.change };
      const { rows } = await db.query<{ n: number }>(
        `select count(*)::int as n from ${rules.table} where ${whereKey(changedRow)}`,
        Object.values(changedRow),
      );
      expect(rows[0].n).toBe(1);
      return;
    }
    expectRefusedOrNoRows(outcome, (rows) => expect(rows[0].n).toBe(0));
    expect(await storedRow(db, rules.table, row.key)).toEqual(before);
    // With a WHERE clause the SELECT policy alone would hide A's row; without one only
    // the UPDATE policy stands in the way.
    const blind = await attemptAs(db, actor, {
      text: `update ${rules.table} set ${setClause}`,
      params: Object.values(rules.change),
    });
    expectRefusedOrOwnRowsOnly(blind);
    expect(await storedRow(db, rules.table, row.key)).toEqual(before);
  },

  async delete({ rules, row, actor, may }) {
    const before = await storedRow(db, rules.table, row.key);
    const outcome = await attemptAs(db, actor, {
      text: `with affected as (delete from ${rules.table} where ${whereKey(row.key)} returning 1)
             select count(*)::int as n from affected`,
      params: Object.values(row.key),
    });
    if (may) {
      expect(affectedRows(outcome)).toBe(1);
      expect(await storedRow(db, rules.table, row.key)).toBeUndefined();
      return;
    }
    expectRefusedOrNoRows(outcome, (rows) => expect(rows[0].n).toBe(0));
    expect(await storedRow(db, rules.table, row.key)).toEqual(before);
    // As for update: the DELETE policy on its own, without a SELECT policy's help.
    expectRefusedOrOwnRowsOnly(await attemptAs(db, actor, { text: `delete from ${rules.table}`, params: [] }));
    expect(await storedRow(db, rules.table, row.key)).toEqual(before);
  },

  async insert({ rules, row, owner, actor, may }) {
    const before = await storedRow(db, rules.table, row.key);
    const statements = rules.inserts(row, owner);
    expect(statements.length).toBeGreaterThan(0);
    const countBefore = await storedCount(db, rules.table);
    for (const statement of statements) {
      const outcome = await attemptAs(db, actor, statement);
      if (may) expect(outcome).toEqual({ rows: [] });
      else expectRefused(outcome);
    }
    expect(await storedCount(db, rules.table)).toBe(countBefore + (may ? statements.length : 0));
    expect(await storedRow(db, rules.table, row.key)).toEqual(before);
  },
};

describe.each(matrix)('$table', (rules) => {
  const actors = {} as Record<ActorName, Actor> & { 'the owner': TestUser };

  beforeAll(async () => {
    actors['the owner'] = await createUser(db);
    actors['another user'] = await createUser(db);
    actors['an administrator'] = await createUser(db, { admin: true });
    actors['an anonymous caller'] = anonymous;
  });

  const cases = actorNames.flatMap((actor) =>
    commands.map((command) => {
      const may = allowed(rules, actor, command);
      return { name: `${actor} ${may ? 'may' : 'may not'} ${command}`, actor, command, may };
    }),
  );

  it.each(cases)('$name', async ({ actor, command, may }) => {
    const owner = actors['the owner'];
    const row = await rules.arrange(f, owner);
    expect(await storedRow(db, rules.table, row.key)).toBeDefined();
    await attempt[command]({ rules, row, owner, actor: actors[actor], may });
  });
});

describe('beyond the matrix', () => {
  it('lets every user read shared knowledge and its chunks, and only an administrator in the admin scope change them', async () => {
    const user = await createUser(db);
    const admin = await createUser(db, { admin: true });
    const adminElsewhere: Actor = { ...admin, adminScope: false };
    const { rows: documents } = await db.query<{ id: string }>(
      `insert into public.user_knowledge (user_id, is_shared, title, content) values (null, true, 'Tip', 'Carry water') returning id`,
    );
    const documentId = documents[0].id;
    const { rows: chunks } = await db.query<{ id: string; user_id: string | null }>(
      `insert into public.knowledge_chunks (document_id, position, content, token_count) values ($1, 0, 'Carry water', 3)
       returning id, user_id`,
      [documentId],
    );
    expect(chunks[0].user_id).toBeNull();
    const rowsOf = (outcome: Outcome) => ('refused' in outcome ? outcome : outcome.rows);

    for (const reader of [user, admin, adminElsewhere]) {
      expect(rowsOf(await attemptAs(db, reader, sql`select id from public.user_knowledge where id = ${documentId}`))).toEqual([{ id: documentId }]);
      expect(rowsOf(await attemptAs(db, reader, sql`select id from public.knowledge_chunks where id = ${chunks[0].id}`))).toEqual([{ id: chunks[0].id }]);
    }
    expectRefusedOrNoRows(await attemptAs(db, anonymous, sql`select id from public.knowledge_chunks`), (rows) => expect(rows).toEqual([]));

    const writes = [
      sql`insert into public.user_knowledge (user_id, is_shared, title, content) values (null, true, 'Planted', 'x') returning id`,
      sql`insert into public.knowledge_chunks (document_id, position, content, token_count) values (${documentId}, 1, 'Planted', 1) returning id`,
      sql`update public.user_knowledge set title = 'Taken over' where id = ${documentId} returning id`,
      sql`delete from public.knowledge_chunks where id = ${chunks[0].id} returning id`,
      sql`delete from public.user_knowledge where id = ${documentId} returning id`,
    ];
    const before = [await storedRow(db, 'public.user_knowledge', { id: documentId }), await storedCount(db, 'public.knowledge_chunks')];
    for (const writer of [user, adminElsewhere]) {
      for (const write of writes) expectRefusedOrNoRows(await attemptAs(db, writer, write), (rows) => expect(rows).toEqual([]));
    }
    expect([await storedRow(db, 'public.user_knowledge', { id: documentId }), await storedCount(db, 'public.knowledge_chunks')]).toEqual(before);
    for (const write of writes) expect(rowsOf(await attemptAs(db, admin, write))).toHaveLength(1);
  });

  it('refuses a personal document without an owner rather than sharing it', async () => {
    const outcome = await attemptAs(db, service, sql`insert into public.user_knowledge (title, content) values ('Mine', 'Secret')`);
    expect(outcome).toMatchObject({ refused: '23514' });
  });

  it('shows an anonymous caller active products, public posts and their comments, and nothing else', async () => {
    const author = await createUser(db);
    const product = { active: await f.product({ active: true }), inactive: await f.product({ active: false }) };
    const post = {
      public: await f.post(author, { visibility: 'public' }),
      private: await f.post(author, { visibility: 'private' }),
    };
    const comment = {
      onPublic: await f.comment(post.public, author),
      onPrivate: await f.comment(post.private, author),
    };
    const idsVisible = async (table: string, ids: string[]) => {
      const outcome = await attemptAs(db, anonymous, {
        text: `select id from ${table} where id = any($1)`,
        params: [ids],
      });
      if ('refused' in outcome) throw new Error(outcome.message);
      return outcome.rows.map((r) => r.id);
    };
    expect(await idsVisible('public.shop_products', Object.values(product))).toEqual([product.active]);
    expect(await idsVisible('public.posts', Object.values(post))).toEqual([post.public]);
    expect(await idsVisible('public.comments', Object.values(comment))).toEqual([comment.onPublic]);
  });

  it('lets an administrator read the admin-only tables only while their profile is active', async () => {
    const reporter = await createUser(db);
    const admin = await createUser(db, { admin: true });
    const adminOnly: Array<[string, string]> = [
      ['public.system_settings', await f.setting()],
      ['public.audit_logs', await f.auditEntry(reporter)],
      ['public.digistore24_sync_logs', await f.syncLog()],
      ['public.digistore24_webhook_logs', await f.webhookLog()],
      ['public.content_moderation', await f.report(reporter, await f.post(reporter, { visibility: 'public' }))],
    ];
    const readable = async () => {
      const seen: string[] = [];
      for (const [table, id] of adminOnly) {
        const outcome = await attemptAs(db, admin, { text: `select id from ${table} where id = $1`, params: [id] });
        if ('refused' in outcome) throw new Error(outcome.message);
        if (outcome.rows.length > 0) seen.push(table);
      }
      return seen;
    };
    expect(await readable()).toEqual(adminOnly.map(([table]) => table));
    await db.query('update public.profiles set is_active = false where id = $1', [admin.id]);
    expect(await readable()).toEqual([]);
  });

  // The update counterpart of the matrix's inserts attached to A's rows.
  const reparenting: Array<
    [
      table: string,
      column: string,
      ownRow: (b: TestUser) => Promise<string>,
      parentOfA: (a: TestUser) => Promise<string>,
    ]
  > = [
    ['public.trips', 'vehicle_id', (b) => f.trip(b), (a) => f.vehicle(a)],
    ['public.expenses', 'budget_category_id', (b) => f.expense(b), async (a) => f.budgetCategory(await f.budget(a))],
    ['public.expenses', 'trip_id', (b) => f.expense(b), (a) => f.trip(a)],
    ['public.income_entries', 'income_source_id', (b) => f.incomeEntry(b), (a) => f.incomeSource(a)],
    ['public.todos', 'trip_id', (b) => f.todo(b), (a) => f.trip(a)],
    ['public.todos', 'expense_id', (b) => f.todo(b), (a) => f.expense(a)],
    ['public.todos', 'budget_id', (b) => f.todo(b), (a) => f.budget(a)],
    [
      'public.budget_categories',
      'parent_category_id',
      async (b) => f.budgetCategory(await f.budget(b)),
      async (a) => f.budgetCategory(await f.budget(a)),
    ],
  ];

  it.each(reparenting)(
    "refuses to hang a user's own %s row under another user's row through %s",
    async (table, column, ownRow, parentOfA) => {
      const [a, b] = [await createUser(db), await createUser(db)];
      const id = await ownRow(b);
      const parentId = await parentOfA(a);
      const before = await storedRow(db, table, { id });
      const outcome = await attemptAs(db, b, {
        text: `update ${table} set ${column} = $1 where id = $2`,
        params: [parentId, id],
      });
      expect(outcome).toMatchObject({ refused: '42501' });
      expect(await storedRow(db, table, { id })).toEqual(before);
    },
  );
});
