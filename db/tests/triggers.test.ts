import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Actor,
  actAs,
  createTestDatabase,
  createUser,
  errorAs,
  type TestDatabase,
  type TestUser,
} from '../../test/support/database.ts';
import type { SqlClient } from '../sql-client.ts';

// Timestamps and money are read as text: JavaScript dates drop microseconds and numbers
// would hide whether 0.10 + 0.20 is exactly 0.30. now() is the transaction's start time,
// so every "changed on update" check arranges the row in an earlier transaction.

let database: TestDatabase;
let db: SqlClient;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.owner;
});
afterAll(async () => {
  await database?.close();
});

type Row = Record<string, any>;

/** Runs one statement as `actor` in its own transaction and returns its rows. */
async function rowsAs(actor: Actor, sql: string, params: unknown[] = []): Promise<Row[]> {
  return actAs(db, actor, async (tx) => (await tx.query<Row>(sql, params)).rows);
}

async function rowAs(actor: Actor, sql: string, params: unknown[] = []): Promise<Row> {
  const rows = await rowsAs(actor, sql, params);
  expect(rows).toHaveLength(1);
  return rows[0];
}

/** Reads as the owner, past RLS: what the database holds, not what a user may see. */
async function stored(sql: string, params: unknown[] = []): Promise<Row[]> {
  return (await db.query<Row>(sql, params)).rows;
}

async function storedValue(sql: string, params: unknown[] = []): Promise<unknown> {
  const rows = await stored(sql, params);
  expect(rows).toHaveLength(1);
  return Object.values(rows[0])[0];
}

function sessionKeyHash(): string {
  return createHash('sha256').update(randomBytes(32)).digest('hex');
}

describe('todo and subtask completion', () => {
  it('stamps completed_at when a todo becomes completed, keeps it while completed, clears it after', async () => {
    const user = await createUser(db);
    const created = await rowAs(user, `insert into public.todos (title) values ('Renew registration') returning id, completed_at`);
    expect(created.completed_at).toBeNull();

    const completed = await rowAs(
      user,
      `update public.todos set status = 'completed' where id = $1 returning completed_at::text, now()::text as tx_time`,
      [created.id],
    );
    expect(completed.completed_at).toBe(completed.tx_time);

    const retitled = await rowAs(
      user,
      `update public.todos set title = 'Renewed registration' where id = $1 returning completed_at::text, now()::text as tx_time`,
      [created.id],
    );
    expect(retitled.tx_time).not.toBe(completed.tx_time);
    expect(retitled.completed_at).toBe(completed.completed_at);

    const completedAgain = await rowAs(
      user,
      `update public.todos set status = 'completed' where id = $1 returning completed_at::text`,
      [created.id],
    );
    expect(completedAgain.completed_at).toBe(completed.completed_at);

    const reopened = await rowAs(
      user,
      `update public.todos set status = 'in_progress' where id = $1 returning completed_at`,
      [created.id],
    );
    expect(reopened.completed_at).toBeNull();
  });

  it('stamps a todo created completed, and overrides a completed_at the client sends', async () => {
    const user = await createUser(db);
    const createdDone = await rowAs(
      user,
      `insert into public.todos (title, status, completed_at) values ('Paid the toll', 'completed', '2001-01-01')
       returning completed_at::text, now()::text as tx_time`,
    );
    expect(createdDone.completed_at).toBe(createdDone.tx_time);

    const createdPending = await rowAs(
      user,
      `insert into public.todos (title, completed_at) values ('Pay the toll', '2001-01-01') returning completed_at`,
    );
    expect(createdPending.completed_at).toBeNull();
  });

  it('does the same for subtasks through is_completed', async () => {
    const user = await createUser(db);
    const todo = await rowAs(user, `insert into public.todos (title) values ('Pack the van') returning id`);
    const subtask = await rowAs(
      user,
      `insert into public.todo_subtasks (todo_id, title, position) values ($1, 'Water tank', 0) returning id, completed_at`,
      [todo.id],
    );
    expect(subtask.completed_at).toBeNull();

    const ticked = await rowAs(
      user,
      `update public.todo_subtasks set is_completed = true where id = $1 returning completed_at::text, now()::text as tx_time`,
      [subtask.id],
    );
    expect(ticked.completed_at).toBe(ticked.tx_time);

    const moved = await rowAs(
      user,
      `update public.todo_subtasks set position = 3, is_completed = true where id = $1
       returning completed_at::text, now()::text as tx_time`,
      [subtask.id],
    );
    expect(moved.tx_time).not.toBe(ticked.tx_time);
    expect(moved.completed_at).toBe(ticked.completed_at);

    const unticked = await rowAs(
      user,
      `update public.todo_subtasks set is_completed = false where id = $1 returning completed_at`,
      [subtask.id],
    );
    expect(unticked.completed_at).toBeNull();

    const createdDone = await rowAs(
      user,
      `insert into public.todo_subtasks (todo_id, title, position, is_completed) values ($1, 'Gas bottle', 1, true)
       returning completed_at::text, now()::text as tx_time`,
      [todo.id],
    );
    expect(createdDone.completed_at).toBe(createdDone.tx_time);
  });
});

describe('updated_at', () => {
  // Each case arranges one row of the user's (in a single transaction) and names a
  // change the user is allowed to make to it.
  const cases: { table: string; arrange: string; change: string }[] = [
    { table: 'profiles', arrange: `select id from public.profiles where id = auth.uid()`, change: `full_name = 'Ada'` },
    { table: 'todos', arrange: `insert into public.todos (title) values ('Oil change') returning id`, change: `priority = 'high'` },
    {
      table: 'budgets',
      arrange: `insert into public.budgets (name, total_amount, start_date) values ('June', 900, '2026-06-01') returning id`,
      change: `total_amount = 950`,
    },
    {
      table: 'budget_categories',
      arrange: `insert into public.budget_categories (budget_id, name, allocated_amount)
                select id, 'Fuel', 200 from public.budgets where user_id = auth.uid() returning id`,
      change: `allocated_amount = 250`,
    },
    {
      table: 'expenses',
      arrange: `insert into public.expenses (amount, description, category, expense_date)
                values (42.50, 'Diesel', 'fuel', '2026-06-02') returning id`,
      change: `vendor = 'Truck stop'`,
    },
    {
      table: 'income_sources',
      arrange: `insert into public.income_sources (name, amount, frequency) values ('Pension', 1200, 'monthly') returning id`,
      change: `amount = 1250`,
    },
    {
      table: 'vehicles',
      arrange: `insert into public.vehicles (make, model, year) values ('Ford', 'Transit', 2019) returning id`,
      change: `color = 'white'`,
    },
    {
      table: 'trips',
      arrange: `insert into public.trips (name, origin, destination) values ('Coast', '{"address":"A"}', '{"address":"B"}') returning id`,
      change: `status = 'in_progress'`,
    },
    {
      table: 'social_groups',
      arrange: `insert into public.social_groups (name) values ('Van lifers') returning id`,
      change: `description = 'People living in vans'`,
    },
    {
      table: 'posts',
      arrange: `insert into public.posts (content, visibility) values ('Hello road', 'public') returning id`,
      change: `content = 'Hello, road'`,
    },
    {
      table: 'comments',
      arrange: `insert into public.comments (post_id, content)
                select id, 'First' from public.posts where author_id = auth.uid() returning id`,
      change: `content = 'First!'`,
    },
    {
      table: 'user_knowledge',
      arrange: `insert into public.user_knowledge (title, content) values ('Tyres', 'Check pressure weekly') returning id`,
      change: `title = 'Tyre care'`,
    },
  ];
  let user: TestUser;
  const arranged = new Map<string, { id: string; updatedAt: string }>();

  beforeAll(async () => {
    user = await createUser(db);
    await actAs(db, user, async (tx) => {
      for (const { table, arrange } of cases) {
        const { rows } = await tx.query<{ id: string }>(arrange);
        const { rows: stamped } = await tx.query<{ updated_at: string }>(
          `select updated_at::text from public.${table} where id = $1`,
          [rows[0].id],
        );
        arranged.set(table, { id: rows[0].id, updatedAt: stamped[0].updated_at });
      }
    });
  });

  it.each(cases.map((c) => [c.table, c] as const))(
    'moves to the updating transaction time on %s',
    async (table, { change }) => {
      const before = arranged.get(table)!;
      const after = await rowAs(
        user,
        `update public.${table} set ${change} where id = $1
         returning updated_at::text, now()::text as tx_time, updated_at > $2::timestamptz as later`,
        [before.id, before.updatedAt],
      );
      expect(after.updated_at).toBe(after.tx_time);
      expect(after.updated_at).not.toBe(before.updatedAt);
      expect(after.later).toBe(true);
    },
  );
});

describe('audit trail of profiles', () => {
  it("records a user's update of their own profile, which the user could not write themselves", async () => {
    const user = await createUser(db);
    const direct = await errorAs(
      db,
      user,
      `insert into public.audit_logs (user_id, action, table_name, record_id) values ($1, 'UPDATE', 'profiles', $1)`,
      [user.id],
    );
    expect(direct?.code).toBe('42501');

    await rowsAs(user, `update public.profiles set full_name = 'Grace Hopper', bio = 'Full-timer' where id = $1`, [user.id]);

    const audit = await stored(
      `select action, table_name, record_id, user_id, old_values, new_values
         from public.audit_logs where record_id = $1 and action = 'UPDATE'`,
      [user.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'UPDATE', table_name: 'profiles', record_id: user.id, user_id: user.id });
    expect(audit[0].old_values).toMatchObject({ id: user.id, email: user.email, full_name: null, bio: null });
    expect(audit[0].new_values).toMatchObject({ id: user.id, email: user.email, full_name: 'Grace Hopper', bio: 'Full-timer' });
  });

  it('keeps a DELETE entry when a user deletes their account, which removes everything they own', async () => {
    const leaving = await createUser(db);
    const staying = await createUser(db);
    const [product] = await stored(
      `insert into public.shop_products (name, price, category) values ('Solar panel', 199.00, 'power') returning id`,
    );
    const neighbour = await actAs(db, staying, async (tx) => {
      const post = (await tx.query<Row>(`insert into public.posts (content, visibility) values ('Campsite tips', 'public') returning id`)).rows[0];
      const group = (await tx.query<Row>(`insert into public.social_groups (name) values ('Desert camping') returning id`)).rows[0];
      const todo = (await tx.query<Row>(`insert into public.todos (title) values ('Stay put') returning id`)).rows[0];
      return { postId: post.id as string, groupId: group.id as string, todoId: todo.id as string };
    });

    const owned = await actAs(db, leaving, async (tx) => {
      const one = async (sql: string, params: unknown[] = []) => (await tx.query<Row>(sql, params)).rows[0].id as string;
      const vehicle = await one(`insert into public.vehicles (make, model, year) values ('VW', 'California', 2021) returning id`);
      const maintenance = await one(
        `insert into public.vehicle_maintenance (vehicle_id, maintenance_type, service_date) values ($1, 'oil_change', '2026-05-01') returning id`,
        [vehicle],
      );
      const trip = await one(
        `insert into public.trips (vehicle_id, name, origin, destination) values ($1, 'North', '{}', '{}') returning id`,
        [vehicle],
      );
      const budget = await one(`insert into public.budgets (name, total_amount, start_date) values ('Trip', 500, '2026-05-01') returning id`);
      const category = await one(
        `insert into public.budget_categories (budget_id, name, allocated_amount) values ($1, 'Fuel', 300) returning id`,
        [budget],
      );
      const expense = await one(
        `insert into public.expenses (amount, description, category, expense_date, budget_category_id, trip_id)
         values (61.20, 'Diesel', 'fuel', '2026-05-02', $1, $2) returning id`,
        [category, trip],
      );
      const incomeSource = await one(`insert into public.income_sources (name, amount, frequency) values ('Rent', 800, 'monthly') returning id`);
      const incomeEntry = await one(
        `insert into public.income_entries (income_source_id, amount, income_date) values ($1, 800, '2026-05-01') returning id`,
        [incomeSource],
      );
      const todo = await one(
        `insert into public.todos (title, trip_id, expense_id, budget_id) values ('Fill up', $1, $2, $3) returning id`,
        [trip, expense, budget],
      );
      const subtask = await one(`insert into public.todo_subtasks (todo_id, title, position) values ($1, 'Find station', 0) returning id`, [todo]);
      const group = await one(`insert into public.social_groups (name) values ('Nordic roads') returning id`);
      const post = await one(`insert into public.posts (content, visibility) values ('Leaving soon', 'public') returning id`);
      await tx.query(`insert into public.post_likes (post_id) values ($1), ($2)`, [post, neighbour.postId]);
      const comment = await one(`insert into public.comments (post_id, content) values ($1, 'Me too') returning id`, [post]);
      const neighbourComment = await one(`insert into public.comments (post_id, content) values ($1, 'Thanks') returning id`, [
        neighbour.postId,
      ]);
      await tx.query(`insert into public.group_memberships (group_id) values ($1)`, [neighbour.groupId]);
      const conversation = await one(`insert into public.pam_conversations (title) values ('Route') returning id`);
      const message = await one(
        `insert into public.pam_messages (conversation_id, role, content) values ($1, 'user', 'Best route north?') returning id`,
        [conversation],
      );
      const knowledge = await one(`insert into public.user_knowledge (title, content) values ('Ferries', 'Book early') returning id`);
      const wish = await one(`insert into public.user_wishlists (product_id) values ($1) returning id`, [product.id]);
      await tx.query(`update public.profiles set full_name = 'Leaving User' where id = auth.uid()`);
      return {
        vehicles: vehicle,
        vehicle_maintenance: maintenance,
        trips: trip,
        budgets: budget,
        budget_categories: category,
        expenses: expense,
        income_sources: incomeSource,
        income_entries: incomeEntry,
        todos: todo,
        todo_subtasks: subtask,
        posts: post,
        comments: comment,
        pam_conversations: conversation,
        pam_messages: message,
        user_knowledge: knowledge,
        user_wishlists: wish,
        neighbourComment,
        group,
      };
    });
    const sessionHash = sessionKeyHash();
    expect(await storedValue(`select private.begin_request($1, $2)`, [leaving.claims, sessionHash])).toBe(true);

    const neighbourCounts = `select p.like_count, p.comment_count, g.member_count
                               from public.posts p, public.social_groups g where p.id = $1 and g.id = $2`;
    expect(await stored(neighbourCounts, [neighbour.postId, neighbour.groupId])).toEqual([
      { like_count: 1, comment_count: 1, member_count: 2 },
    ]);

    await rowsAs(leaving, `select public.delete_my_account()`);

    const deletion = await stored(
      `select action, table_name, user_id, old_values ->> 'email' as email
         from public.audit_logs where record_id = $1 and action = 'DELETE'`,
      [leaving.id],
    );
    expect(deletion).toEqual([{ action: 'DELETE', table_name: 'profiles', user_id: null, email: leaving.email }]);

    expect(await stored(`select id from auth.users where id = $1`, [leaving.id])).toEqual([]);
    expect(await stored(`select id from public.profiles where id = $1`, [leaving.id])).toEqual([]);
    expect(await stored(`select id from public.user_sessions where session_token = $1`, [sessionHash])).toEqual([]);
    const { neighbourComment, group, ...ownedRows } = owned;
    for (const [table, id] of Object.entries(ownedRows)) {
      expect(await stored(`select id from public.${table} where id = $1`, [id]), table).toEqual([]);
    }
    expect(await stored(`select id from public.comments where id = $1`, [neighbourComment])).toEqual([]);

    // Any column that names a person must no longer name this one, anywhere.
    const personColumns = await stored(
      `select table_name, column_name from information_schema.columns
        where table_schema = 'public' and column_name in ('user_id', 'author_id', 'creator_id', 'reporter_id', 'updated_by')
          and table_name in (select tablename from pg_tables where schemaname = 'public')`,
    );
    expect(personColumns.length).toBeGreaterThan(10);
    for (const { table_name, column_name } of personColumns) {
      const remaining = await storedValue(`select count(*)::int from public.${table_name} where ${column_name} = $1`, [leaving.id]);
      expect(remaining, `${table_name}.${column_name}`).toBe(0);
    }

    // The group outlives its creator; the other user's rows and counters are intact.
    expect(await stored(`select creator_id, member_count from public.social_groups where id = $1`, [group])).toEqual([
      { creator_id: null, member_count: 0 },
    ]);
    expect(await stored(neighbourCounts, [neighbour.postId, neighbour.groupId])).toEqual([
      { like_count: 0, comment_count: 0, member_count: 1 },
    ]);
    expect(await stored(`select id from public.todos where id = $1`, [neighbour.todoId])).toHaveLength(1);
    expect(await stored(`select id from public.profiles where id = $1`, [staying.id])).toHaveLength(1);
  });
});

describe('budget_categories.spent_amount', () => {
  it('follows expenses through insert, amount change, category change, unlinking and delete, to the cent', async () => {
    const user = await createUser(db);
    const { food, fuel } = await actAs(db, user, async (tx) => {
      const budget = (await tx.query<Row>(
        `insert into public.budgets (name, total_amount, start_date) values ('July', 1000, '2026-07-01') returning id`,
      )).rows[0];
      const { rows } = await tx.query<Row>(
        `insert into public.budget_categories (budget_id, name, allocated_amount)
         values ($1, 'Food', 400), ($1, 'Fuel', 300) returning id, name`,
        [budget.id],
      );
      return { food: rows.find((r) => r.name === 'Food')!.id as string, fuel: rows.find((r) => r.name === 'Fuel')!.id as string };
    });
    const spent = async () => {
      const rows = await rowsAs(user, `select id, spent_amount::text from public.budget_categories where id in ($1, $2)`, [food, fuel]);
      const byId = new Map(rows.map((r) => [r.id, r.spent_amount]));
      return { food: byId.get(food), fuel: byId.get(fuel) };
    };
    const addExpense = async (amount: string, categoryId: string | null) =>
      (await rowAs(
        user,
        `insert into public.expenses (amount, description, category, expense_date, budget_category_id)
         values ($1, 'Groceries', 'food', '2026-07-02', $2) returning id`,
        [amount, categoryId],
      )).id as string;

    const coffee = await addExpense('0.10', food);
    expect(await spent()).toEqual({ food: '0.10', fuel: '0.00' });
    const tea = await addExpense('0.20', food);
    expect(await spent()).toEqual({ food: '0.30', fuel: '0.00' });
    await addExpense('5.00', null);
    expect(await spent()).toEqual({ food: '0.30', fuel: '0.00' });

    await rowsAs(user, `update public.expenses set amount = 0.15 where id = $1`, [coffee]);
    expect(await spent()).toEqual({ food: '0.35', fuel: '0.00' });

    await rowsAs(user, `update public.expenses set description = 'Tea and biscuits' where id = $1`, [tea]);
    expect(await spent()).toEqual({ food: '0.35', fuel: '0.00' });

    await rowsAs(user, `update public.expenses set budget_category_id = $2 where id = $1`, [tea, fuel]);
    expect(await spent()).toEqual({ food: '0.15', fuel: '0.20' });

    await rowsAs(user, `update public.expenses set budget_category_id = $2, amount = 0.25 where id = $1`, [tea, food]);
    expect(await spent()).toEqual({ food: '0.40', fuel: '0.00' });

    await rowsAs(user, `update public.expenses set budget_category_id = null where id = $1`, [coffee]);
    expect(await spent()).toEqual({ food: '0.25', fuel: '0.00' });

    await rowsAs(user, `delete from public.expenses where id = $1`, [tea]);
    expect(await spent()).toEqual({ food: '0.00', fuel: '0.00' });

    await rowsAs(user, `delete from public.expenses where id = $1`, [coffee]);
    expect(await spent()).toEqual({ food: '0.00', fuel: '0.00' });
  });
});

describe('budget_summaries', () => {
  it("shows a full remaining amount without categories, total minus spent with them, and only to the budget's owner", async () => {
    const owner = await createUser(db);
    const other = await createUser(db);
    const { empty, planned } = await actAs(db, owner, async (tx) => {
      const one = async (sql: string, params: unknown[] = []) => (await tx.query<Row>(sql, params)).rows[0].id as string;
      const empty = await one(`insert into public.budgets (name, total_amount, start_date) values ('Spare', 250, '2026-08-01') returning id`);
      const planned = await one(`insert into public.budgets (name, total_amount, start_date) values ('August', 1000, '2026-08-01') returning id`);
      const camping = await one(`insert into public.budget_categories (budget_id, name, allocated_amount) values ($1, 'Camping', 300) returning id`, [planned]);
      const fuel = await one(`insert into public.budget_categories (budget_id, name, allocated_amount) values ($1, 'Fuel', 200.50) returning id`, [planned]);
      await tx.query(
        `insert into public.expenses (amount, description, category, expense_date, budget_category_id)
         values (12.34, 'Site fee', 'camping', '2026-08-02', $1), (0.66, 'Water', 'camping', '2026-08-02', $1),
                (40.10, 'Diesel', 'fuel', '2026-08-03', $2)`,
        [camping, fuel],
      );
      return { empty, planned };
    });
    const summaryColumns = `id, total_amount::text, total_allocated::text, total_spent::text, remaining_budget::text`;

    const seenByOwner = await rowsAs(owner, `select ${summaryColumns} from public.budget_summaries order by name`);
    expect(seenByOwner).toEqual([
      { id: planned, total_amount: '1000.00', total_allocated: '500.50', total_spent: '53.10', remaining_budget: '946.90' },
      { id: empty, total_amount: '250.00', total_allocated: '0.00', total_spent: '0.00', remaining_budget: '250.00' },
    ]);

    const seenByOther = await rowsAs(other, `select ${summaryColumns} from public.budget_summaries where id in ($1, $2)`, [empty, planned]);
    expect(seenByOther).toEqual([]);
    expect(await stored(`select count(*)::int as n from public.budget_summaries where id in ($1, $2)`, [empty, planned])).toEqual([
      { n: 2 },
    ]);
  });
});

describe('counters', () => {
  it('keeps posts.like_count with likes and unlikes; a second like by the same user is refused', async () => {
    const [author, fan, critic] = [await createUser(db), await createUser(db), await createUser(db)];
    const post = await rowAs(author, `insert into public.posts (content, visibility) values ('Sunset at the lake', 'public') returning id`);
    const counts = () =>
      stored(
        `select like_count, (select count(*)::int from public.post_likes where post_id = p.id) as likes
           from public.posts p where id = $1`,
        [post.id],
      );
    const like = `insert into public.post_likes (post_id) values ($1)`;

    await rowsAs(fan, like, [post.id]);
    await rowsAs(critic, like, [post.id]);
    expect(await counts()).toEqual([{ like_count: 2, likes: 2 }]);

    const duplicate = await errorAs(db, fan, like, [post.id]);
    expect(duplicate?.code).toBe('23505');
    expect(await counts()).toEqual([{ like_count: 2, likes: 2 }]);

    await rowsAs(fan, `delete from public.post_likes where post_id = $1`, [post.id]);
    expect(await counts()).toEqual([{ like_count: 1, likes: 1 }]);
    const visible = await rowAs(critic, `select like_count from public.posts where id = $1`, [post.id]);
    expect(visible.like_count).toBe(1);
  });

  it('keeps posts.comment_count with comments added and deleted', async () => {
    const [author, reader] = [await createUser(db), await createUser(db)];
    const post = await rowAs(author, `insert into public.posts (content, visibility) values ('Best free campsites?', 'public') returning id`);
    const commentCount = () => storedValue(`select comment_count from public.posts where id = $1`, [post.id]);

    const comment = await rowAs(reader, `insert into public.comments (post_id, content) values ($1, 'Try the forest road') returning id`, [post.id]);
    expect(await commentCount()).toBe(1);
    await rowAs(author, `insert into public.comments (post_id, parent_comment_id, content) values ($1, $2, 'Thanks!') returning id`, [
      post.id,
      comment.id,
    ]);
    expect(await commentCount()).toBe(2);
    await rowsAs(author, `insert into public.comments (post_id, content) values ($1, 'Update: found one')`, [post.id]);
    expect(await commentCount()).toBe(3);

    const elsewhere = await rowAs(author, `insert into public.posts (content, visibility) values ('Another topic', 'public') returning id`);
    const misplacedReply = await errorAs(
      db,
      reader,
      `insert into public.comments (post_id, parent_comment_id, content) values ($1, $2, 'Wrong thread')`,
      [elsewhere.id, comment.id],
    );
    expect(misplacedReply?.code).toBe('42501');
    expect(await storedValue(`select comment_count from public.posts where id = $1`, [elsewhere.id])).toBe(0);

    await rowsAs(author, `delete from public.comments where post_id = $1 and parent_comment_id is null and author_id = auth.uid()`, [post.id]);
    expect(await commentCount()).toBe(2);
    // The reply goes with its parent.
    await rowsAs(reader, `delete from public.comments where id = $1`, [comment.id]);
    expect(await commentCount()).toBe(0);
  });

  it('keeps social_groups.member_count with the creator, joins, leaves and an admin toggling is_active', async () => {
    const [creator, joiner, leaver] = [await createUser(db), await createUser(db), await createUser(db)];
    const group = await rowAs(creator, `insert into public.social_groups (name) values ('Solar setups') returning id`);
    const memberCount = () => storedValue(`select member_count from public.social_groups where id = $1`, [group.id]);
    const activeMembers = () =>
      storedValue(`select count(*)::int from public.group_memberships where group_id = $1 and is_active`, [group.id]);

    expect(await memberCount()).toBe(1);
    const creatorMembership = await rowAs(
      creator,
      `select role, is_active from public.group_memberships where group_id = $1 and user_id = auth.uid()`,
      [group.id],
    );
    expect(creatorMembership).toEqual({ role: 'admin', is_active: true });

    const join = `insert into public.group_memberships (group_id) values ($1)`;
    await rowsAs(joiner, join, [group.id]);
    await rowsAs(leaver, join, [group.id]);
    expect(await memberCount()).toBe(3);

    await rowsAs(leaver, `delete from public.group_memberships where group_id = $1 and user_id = auth.uid()`, [group.id]);
    expect(await memberCount()).toBe(2);

    const toggle = `update public.group_memberships set is_active = $3 where group_id = $1 and user_id = $2 returning id`;
    await rowAs(creator, toggle, [group.id, joiner.id, false]);
    expect(await memberCount()).toBe(1);
    await rowAs(creator, toggle, [group.id, joiner.id, false]);
    expect(await memberCount()).toBe(1);
    await rowAs(creator, toggle, [group.id, joiner.id, true]);
    expect(await memberCount()).toBe(2);
    expect(await activeMembers()).toBe(2);
  });

  it('keeps pam_conversations.message_count and last_activity with each message', async () => {
    const user = await createUser(db);
    const conversation = await rowAs(
      user,
      `insert into public.pam_conversations (title) values ('Weather on the pass') returning id, last_activity::text`,
    );
    const exchange = await actAs(db, user, async (tx) => {
      const { rows } = await tx.query<Row>(
        `insert into public.pam_messages (conversation_id, role, content)
         values ($1, 'user', 'Is the pass open?'), ($1, 'assistant', 'Yes, until 18:00.')
         returning created_at::text`,
        [conversation.id],
      );
      return rows;
    });
    const after = await rowAs(
      user,
      `select message_count, last_activity::text from public.pam_conversations where id = $1`,
      [conversation.id],
    );
    expect(after.message_count).toBe(2);
    expect(after.last_activity).toBe(exchange[1].created_at);
    expect(after.last_activity).not.toBe(conversation.last_activity);
  });
});

describe('private.begin_request', () => {
  const beginRequest = async (claims: Record<string, unknown>, hash: string, expiresAt: string | null = null) =>
    (await storedValue(`select private.begin_request($1, $2, $3, $4, $5)`, [
      claims,
      hash,
      '203.0.113.7',
      'PAM-iOS/2.1',
      expiresAt,
    ])) as boolean;
  const newIdentity = () => {
    const id = randomUUID();
    const email = `first-${id.slice(0, 8)}@example.com`;
    const actor: TestUser = { id, email, role: 'authenticated', claims: { sub: id, email, role: 'authenticated' } };
    return actor;
  };
  const footprint = async (id: string) => ({
    users: await stored(`select email from auth.users where id = $1`, [id]),
    profiles: await stored(`select email, is_active from public.profiles where id = $1`, [id]),
    sessions: await stored(
      `select session_token, host(ip_address) as ip, user_agent, is_active from public.user_sessions where user_id = $1`,
      [id],
    ),
  });

  it('creates the user, profile and session on the first request, and nothing more on the next', async () => {
    const newcomer = newIdentity();
    const hash = sessionKeyHash();
    expect(await footprint(newcomer.id)).toEqual({ users: [], profiles: [], sessions: [] });

    expect(await beginRequest(newcomer.claims!, hash)).toBe(true);
    const first = await footprint(newcomer.id);
    expect(first).toEqual({
      users: [{ email: newcomer.email }],
      profiles: [{ email: newcomer.email, is_active: true }],
      sessions: [{ session_token: hash, ip: '203.0.113.7', user_agent: 'PAM-iOS/2.1', is_active: true }],
    });

    expect(await beginRequest(newcomer.claims!, hash)).toBe(true);
    expect(await footprint(newcomer.id)).toEqual(first);
  });

  it('refuses a session the user revoked', async () => {
    const user = newIdentity();
    const hash = sessionKeyHash();
    expect(await beginRequest(user.claims!, hash)).toBe(true);
    await rowAs(
      user,
      `update public.user_sessions set is_active = false, ended_at = now() where session_token = $1 returning id`,
      [hash],
    );
    expect(await beginRequest(user.claims!, hash)).toBe(false);
  });

  it('refuses an expired session, whether it arrives expired or expires later', async () => {
    const user = newIdentity();
    const alreadyExpired = sessionKeyHash();
    expect(await beginRequest(user.claims!, alreadyExpired, new Date(Date.now() - 60_000).toISOString())).toBe(false);

    const expiresLater = sessionKeyHash();
    expect(await beginRequest(user.claims!, expiresLater, new Date(Date.now() + 3_600_000).toISOString())).toBe(true);
    await stored(`update public.user_sessions set expires_at = now() - interval '1 second' where session_token = $1`, [expiresLater]);
    expect(await beginRequest(user.claims!, expiresLater)).toBe(false);
  });

  it("refuses another user's session key and leaves that session with its owner", async () => {
    const holder = newIdentity();
    const intruder = newIdentity();
    const hash = sessionKeyHash();
    expect(await beginRequest(holder.claims!, hash)).toBe(true);

    expect(await beginRequest(intruder.claims!, hash)).toBe(false);
    expect(await stored(`select user_id, is_active from public.user_sessions where session_token = $1`, [hash])).toEqual([
      { user_id: holder.id, is_active: true },
    ]);
    expect(await beginRequest(holder.claims!, hash)).toBe(true);
  });

  it('refuses every session of a deactivated account', async () => {
    const user = newIdentity();
    const known = sessionKeyHash();
    expect(await beginRequest(user.claims!, known)).toBe(true);
    await stored(`update public.profiles set is_active = false where id = $1`, [user.id]);

    expect(await beginRequest(user.claims!, known)).toBe(false);
    expect(await beginRequest(user.claims!, sessionKeyHash())).toBe(false);
  });
});

describe('a group keeps an admin', () => {
  async function groupWithMember() {
    const [creator, member] = [await createUser(db), await createUser(db)];
    const group = await rowAs(creator, `insert into public.social_groups (name) values ('Hot springs') returning id`);
    await rowsAs(member, `insert into public.group_memberships (group_id) values ($1)`, [group.id]);
    return { creator, member, groupId: group.id as string };
  }
  const roles = (groupId: string) =>
    stored(`select user_id, role from public.group_memberships where group_id = $1 order by joined_at, id`, [groupId]);

  it('while it has members: its last admin can neither leave nor step down, until another member is admin', async () => {
    const { creator, member, groupId } = await groupWithMember();
    const leave = `delete from public.group_memberships where group_id = $1 and user_id = auth.uid()`;
    const stepDown = `update public.group_memberships set role = 'member' where group_id = $1 and user_id = auth.uid()`;
    for (const statement of [leave, stepDown]) {
      const refused = await errorAs(db, creator, statement, [groupId]);
      expect(refused).toMatchObject({ code: '23514', constraint: 'group_keeps_an_admin' });
    }
    expect(await roles(groupId)).toEqual([
      { user_id: creator.id, role: 'admin' },
      { user_id: member.id, role: 'member' },
    ]);

    await rowsAs(creator, `update public.group_memberships set role = 'admin' where group_id = $1 and user_id = $2`, [groupId, member.id]);
    await rowsAs(creator, leave, [groupId]);
    expect(await roles(groupId)).toEqual([{ user_id: member.id, role: 'admin' }]);
    // Alone, the last admin may go: a group without members needs no admin.
    await rowsAs(member, leave, [groupId]);
    expect(await roles(groupId)).toEqual([]);
  });

  it("hands the group to its longest-standing member when the last admin's account is deleted", async () => {
    const { creator, member, groupId } = await groupWithMember();
    await rowsAs(creator, `select public.delete_my_account()`);
    expect(await roles(groupId)).toEqual([{ user_id: member.id, role: 'admin' }]);
  });

  it('lets the group itself be deleted with all its members', async () => {
    const { creator, groupId } = await groupWithMember();
    await rowsAs(creator, `delete from public.social_groups where id = $1`, [groupId]);
    expect(await roles(groupId)).toEqual([]);
  });
});

describe('reports', () => {
  async function reportedPost(options: { authorIsAdmin?: boolean } = {}) {
    const author = await createUser(db, { admin: options.authorIsAdmin });
    const post = await rowAs(
      { ...author, adminScope: false },
      `insert into public.posts (title, content, visibility) values ('Free spot', 'By the lake, no signs', 'public') returning id`,
    );
    return { author, postId: post.id as string };
  }
  const report = (reporter: TestUser, postId: string, reason = 'spam') =>
    rowAs(
      reporter,
      `insert into public.content_moderation (content_type, content_id, flagged_reason) values ('post', $1, $2)
       returning id, reporter_id, author_id, author_email, content_text, status`,
      [postId, reason],
    );
  const hiddenAt = (postId: string) => storedValue(`select hidden_at from public.posts where id = $1`, [postId]);

  it('record the reporter, the author and the content as it stood, whatever the reporter sent', async () => {
    const { author, postId } = await reportedPost();
    const reporter = await createUser(db);
    const [filed] = await rowsAs(
      reporter,
      `insert into public.content_moderation (content_type, content_id, flagged_reason, author_id, author_email, content_text,
                                              status, moderator_notes, automated_flags)
       values ('post', $1, 'scam', $2, 'someone@example.com', 'made up', 'removed', 'done', '[]')
       returning id`,
      [postId, reporter.id],
    );
    expect(await stored(`select reporter_id, author_id, author_email, content_text, status, moderator_notes from public.content_moderation where id = $1`, [filed.id])).toEqual([
      { reporter_id: reporter.id, author_id: author.id, author_email: null, content_text: 'Free spot\n\nBy the lake, no signs', status: 'pending', moderator_notes: null },
    ]);
    await rowsAs(author, `update public.posts set content = 'Edited' where id = $1`, [postId]);
    expect(await storedValue(`select content_text from public.content_moderation where id = $1`, [filed.id])).toBe('Free spot\n\nBy the lake, no signs');
  });

  it('are one pending report per reporter and content', async () => {
    const { postId } = await reportedPost();
    const reporter = await createUser(db);
    await report(reporter, postId);
    const again = await errorAs(db, reporter, `insert into public.content_moderation (content_type, content_id, flagged_reason) values ('post', $1, 'hate')`, [postId]);
    expect(again?.code).toBe('23505');
  });

  it('by enough distinct reporters hold the content until a decision; the setting says how many', async () => {
    await stored(`update public.system_settings set setting_value = '2' where setting_key = 'community.report_hide_threshold'`);
    try {
      const { postId } = await reportedPost();
      const [first, second] = [await createUser(db), await createUser(db)];
      await report(first, postId);
      expect(await hiddenAt(postId)).toBeNull();
      await report(second, postId);
      expect(await hiddenAt(postId)).not.toBeNull();

      const admin = await createUser(db, { admin: true });
      const decided = await rowsAs(admin, `update public.content_moderation set status = 'approved' where content_id = $1 returning moderator_id`, [postId]);
      expect(decided).toEqual([{ moderator_id: admin.id }, { moderator_id: admin.id }]);
      expect(await hiddenAt(postId)).toBeNull();
    } finally {
      await stored(`update public.system_settings set setting_value = '3' where setting_key = 'community.report_hide_threshold'`);
    }
  });

  it("never hold an administrator's content", async () => {
    const { postId } = await reportedPost({ authorIsAdmin: true });
    for (let i = 0; i < 3; i++) await report(await createUser(db), postId);
    expect(await hiddenAt(postId)).toBeNull();
    expect(await storedValue(`select count(*)::int from public.content_moderation where content_id = $1 and status = 'pending'`, [postId])).toBe(3);
  });

  it('decided `removed` deactivate the content; undoing the decision restores it; each change is audited', async () => {
    const { postId } = await reportedPost();
    const filed = await report(await createUser(db), postId);
    const admin = await createUser(db, { admin: true });
    const decide = (status: string) =>
      rowsAs(admin, `update public.content_moderation set status = $2, moderator_notes = 'checked' where id = $1`, [filed.id, status]);
    const isActive = () => storedValue(`select is_active from public.posts where id = $1`, [postId]);

    await decide('removed');
    expect(await isActive()).toBe(false);
    await decide('approved');
    expect(await isActive()).toBe(true);
    const audit = await stored(
      `select user_id, old_values ->> 'status' as was, new_values ->> 'status' as became from public.audit_logs
        where table_name = 'content_moderation' and record_id = $1 order by created_at`,
      [filed.id],
    );
    expect(audit).toEqual([
      { user_id: admin.id, was: 'pending', became: 'removed' },
      { user_id: admin.id, was: 'removed', became: 'approved' },
    ]);
  });
});

describe('automated flags', () => {
  const high = JSON.stringify([{ rule: 'repeated_text', severity: 'high', detail: 'posted before' }]);
  const low = JSON.stringify([{ rule: 'shouting', severity: 'low', detail: '90% capital letters' }]);
  const queued = (postId: string) =>
    stored(
      `select reporter_id, flagged_reason, status, automated_flags from public.content_moderation where content_type = 'post' and content_id = $1`,
      [postId],
    );

  it('of high severity put shared content in the queue once; low ones and private posts stay out of it', async () => {
    const author = await createUser(db);
    const post = (visibility: string, flags: string) =>
      rowAs(author, `insert into public.posts (content, visibility, automated_flags) values ('Buy now', $1, $2) returning id`, [visibility, flags]);
    const flagged = await post('public', high);
    expect(await queued(flagged.id)).toEqual([{ reporter_id: null, flagged_reason: 'automated', status: 'pending', automated_flags: JSON.parse(high) }]);
    await rowsAs(author, `update public.posts set automated_flags = $2, content = 'Buy now!' where id = $1`, [flagged.id, high.replace('posted before', 'again')]);
    expect(await queued(flagged.id)).toHaveLength(1);

    expect(await queued((await post('public', low)).id)).toEqual([]);
    const diary = await post('private', high);
    expect(await queued(diary.id)).toEqual([]);
    // Shared later, it is queued then.
    await rowsAs(author, `update public.posts set visibility = 'public' where id = $1`, [diary.id]);
    expect(await queued(diary.id)).toHaveLength(1);
  });
});
