import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, createUser, type TestDatabase, type TestUser } from '../../test/support/database.ts';
import type { SqlClient } from '../sql-client.ts';
import { attemptAs, type Fixtures, fixtures, type Statement, sql, storedCount, storedRow } from './fixtures.ts';

// Columns the server keeps: flags and subscriptions on profiles, counters kept by
// triggers, and the column that says whose a row is. A user may not write them even on
// their own row; the database refuses with 42501 rather than ignoring the value.

let database: TestDatabase;
let db: SqlClient;
let f: Fixtures;
let owner: TestUser;
let someoneElse: TestUser;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.owner;
  f = fixtures(db);
  owner = await createUser(db);
  someoneElse = await createUser(db);
});
afterAll(async () => {
  await database?.close();
});

interface ServerOwnedColumn {
  table: string;
  column: string;
  /** Arranges a row belonging to `owner` and returns its id. */
  arrange(): Promise<string>;
  /** What the owner tries to write (read late: the users exist only once beforeAll ran). */
  value: () => unknown;
}

const profileId = async () => owner.id;
const ownGroup = () => f.group(owner, 'public');

const updates: ServerOwnedColumn[] = [
  { table: 'public.profiles', column: 'is_admin', arrange: profileId, value: () => true },
  { table: 'public.profiles', column: 'subscription_tier', arrange: profileId, value: () => 'enterprise' },
  {
    table: 'public.profiles',
    column: 'subscription_expires_at',
    arrange: profileId,
    value: () => '2099-01-01T00:00:00Z',
  },
  { table: 'public.profiles', column: 'is_active', arrange: profileId, value: () => false },

  {
    table: 'public.posts',
    column: 'like_count',
    arrange: () => f.post(owner, { visibility: 'public' }),
    value: () => 1000,
  },
  {
    table: 'public.posts',
    column: 'comment_count',
    arrange: () => f.post(owner, { visibility: 'public' }),
    value: () => 1000,
  },
  {
    table: 'public.comments',
    column: 'like_count',
    arrange: async () => f.comment(await f.post(owner, { visibility: 'public' }), owner),
    value: () => 1000,
  },
  // The owner is the group's admin, so the row itself is theirs to update.
  { table: 'public.social_groups', column: 'member_count', arrange: ownGroup, value: () => 1000 },
  {
    table: 'public.pam_conversations',
    column: 'message_count',
    arrange: () => f.conversation(owner),
    value: () => 1000,
  },
  {
    table: 'public.budget_categories',
    column: 'spent_amount',
    arrange: async () => f.budgetCategory(await f.budget(owner)),
    value: () => 0.01,
  },
  { table: 'public.todos', column: 'completed_at', arrange: () => f.todo(owner), value: () => '2020-01-01T00:00:00Z' },

  // Handing a row to someone else.
  ...(
    [
      ['public.vehicles', 'user_id', () => f.vehicle(owner)],
      ['public.trips', 'user_id', () => f.trip(owner)],
      ['public.budgets', 'user_id', () => f.budget(owner)],
      ['public.expenses', 'user_id', () => f.expense(owner)],
      ['public.income_sources', 'user_id', () => f.incomeSource(owner)],
      ['public.income_entries', 'user_id', () => f.incomeEntry(owner)],
      ['public.todos', 'user_id', () => f.todo(owner)],
      ['public.pam_conversations', 'user_id', () => f.conversation(owner)],
      ['public.user_knowledge', 'user_id', () => f.knowledge(owner)],
      ['public.user_sessions', 'user_id', () => f.session(owner)],
      ['public.affiliate_sales', 'user_id', () => f.affiliateSale(owner)],
      ['public.user_wishlists', 'user_id', async () => f.wishlistItem(owner, await f.product({ active: true }))],
      ['public.group_memberships', 'user_id', async () => f.membership(await f.group(someoneElse, 'public'), owner)],
      ['public.posts', 'author_id', () => f.post(owner, { visibility: 'public' })],
      ['public.comments', 'author_id', async () => f.comment(await f.post(owner, { visibility: 'public' }), owner)],
      ['public.social_groups', 'creator_id', ownGroup],
      [
        'public.content_moderation',
        'reporter_id',
        async () => f.report(owner, await f.post(owner, { visibility: 'public' })),
      ],
    ] as const
  ).map(([table, column, arrange]) => ({ table, column, arrange, value: () => someoneElse.id })),
];

describe('as the owner of the row, a user cannot set', () => {
  it.each(updates.map((update) => ({ ...update, name: `${update.table}.${update.column}` })))(
    '$name',
    async ({ table, column, arrange, value }) => {
      const id = await arrange();
      const before = await storedRow(db, table, { id });
      const outcome = await attemptAs(db, owner, {
        text: `update ${table} set ${column} = $1 where id = $2`,
        params: [value(), id],
      });
      expect(outcome).toMatchObject({ refused: '42501' });
      expect(await storedRow(db, table, { id })).toEqual(before);
    },
  );
});

/** Inserts that set a counter, with the value to set it to. */
const insertsWithCounters: Array<{ counter: string; insert: (count: number) => Promise<Statement> }> = [
  {
    counter: 'posts.like_count',
    insert: async (count) =>
      sql`insert into public.posts (content, visibility, like_count) values ('Hi', 'public', ${count})`,
  },
  {
    counter: 'posts.comment_count',
    insert: async (count) =>
      sql`insert into public.posts (content, visibility, comment_count) values ('Hi', 'public', ${count})`,
  },
  {
    counter: 'comments.like_count',
    insert: async (count) =>
      sql`insert into public.comments (post_id, content, like_count)
          values (${await f.post(owner, { visibility: 'public' })}, 'Hi', ${count})`,
  },
  {
    counter: 'social_groups.member_count',
    insert: async (count) => sql`insert into public.social_groups (name, member_count) values ('Road crew', ${count})`,
  },
  {
    counter: 'pam_conversations.message_count',
    insert: async (count) =>
      sql`insert into public.pam_conversations (title, message_count) values ('Long chat', ${count})`,
  },
  {
    counter: 'budget_categories.spent_amount',
    insert: async (count) =>
      sql`insert into public.budget_categories (budget_id, name, allocated_amount, spent_amount)
          values (${await f.budget(owner)}, 'Food', 400, ${count})`,
  },
];

describe('a user cannot start a counter at anything but zero', () => {
  it.each(insertsWithCounters)('$counter', async ({ counter, insert }) => {
    const table = `public.${counter.split('.')[0]}`;
    const statement = await insert(50);
    const before = await storedCount(db, table);
    expect(await attemptAs(db, owner, statement)).toMatchObject({ refused: '42501' });
    expect(await storedCount(db, table)).toBe(before);
  });

  it('while the same inserts starting the counters at zero go through', async () => {
    // Shows the refusals above are about the counters, not about inserting at all.
    for (const { counter, insert } of insertsWithCounters) {
      expect(await attemptAs(db, owner, await insert(0)), counter).toEqual({ rows: [] });
    }
  });
});

describe('sessions', () => {
  const revoke = (sessionId: string) =>
    attemptAs(
      db,
      owner,
      sql`update public.user_sessions set is_active = false, ended_at = now() where id = ${sessionId} returning is_active`,
    );

  it('a user revokes their own session', async () => {
    const sessionId = await f.session(owner);
    expect(await revoke(sessionId)).toEqual({ rows: [{ is_active: false }] });
    const stored = await storedRow(db, 'public.user_sessions', { id: sessionId });
    expect(stored).toMatchObject({ is_active: false, ended_at: expect.any(String) });
  });

  it('cannot reactivate it afterwards', async () => {
    const sessionId = await f.session(owner);
    await revoke(sessionId);
    const revoked = await storedRow(db, 'public.user_sessions', { id: sessionId });
    for (const statement of [
      sql`update public.user_sessions set is_active = true, ended_at = null where id = ${sessionId}`,
      sql`update public.user_sessions set is_active = true where id = ${sessionId}`,
    ]) {
      expect(await attemptAs(db, owner, statement)).toMatchObject({ refused: '42501' });
    }
    expect(await storedRow(db, 'public.user_sessions', { id: sessionId })).toEqual(revoked);
  });

  it("a revocation must say when it ended, and nothing else about a session is the user's to change", async () => {
    const sessionId = await f.session(owner);
    const before = await storedRow(db, 'public.user_sessions', { id: sessionId });
    for (const statement of [
      sql`update public.user_sessions set is_active = false where id = ${sessionId}`,
      sql`update public.user_sessions set expires_at = '2099-01-01' where id = ${sessionId}`,
      sql`update public.user_sessions set session_token = ${'0'.repeat(64)} where id = ${sessionId}`,
    ]) {
      expect(await attemptAs(db, owner, statement)).toMatchObject({ refused: '42501' });
    }
    expect(await storedRow(db, 'public.user_sessions', { id: sessionId })).toEqual(before);
  });
});
