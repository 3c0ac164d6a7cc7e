import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, actAs, createTestDatabase, createUser, type TestUser } from '../../test/support/database.ts';
import type { SqlClient } from '../sql-client.ts';

// Counters kept by triggers (like_count, member_count, spent_amount) must stay exact when
// many requests change them at once. That takes real parallel connections, which only a
// PostgreSQL server offers: the embedded database has exactly one.

const connectionCount = 50;

const database = await createTestDatabase();
const { connectionString } = database;
const db = database.owner;

afterAll(async () => {
  await database.close();
});

/**
 * Opens one connection per actor, waits until all are open, then runs every actor's
 * work at the same time. Each connection is its own session, like concurrent requests.
 */
async function simultaneously(
  actors: Actor[],
  work: (client: SqlClient, actor: Actor, index: number) => Promise<void>,
) {
  const pool = new pg.Pool({ connectionString, max: actors.length });
  // pool.end() only asks its connections to close; the file's database is dropped at the
  // end, which would kill any still closing, so wait until every one has.
  let closed: Promise<void>[] = [];
  try {
    const opened = await Promise.allSettled(actors.map(() => pool.connect()));
    const clients = opened.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    closed = clients.map((client) => new Promise<void>((resolve) => client.once('end', () => resolve())));
    try {
      const failed = opened.find((result) => result.status === 'rejected');
      if (failed) throw failed.reason;
      const sessions = new Set(
        await Promise.all(clients.map(async (c) => (await c.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0].pid)),
      );
      expect(sessions.size).toBe(actors.length);
      await Promise.all(
        clients.map((client, i) =>
          work(
            { query: (text, params) => client.query(text, params as unknown[]) as never, exec: (script) => client.query(script) },
            actors[i],
            i,
          ),
        ),
      );
    } finally {
      for (const client of clients) client.release();
    }
  } finally {
    await pool.end();
    await Promise.all(closed);
  }
}

async function value(sql: string, params: unknown[] = []): Promise<unknown> {
  const { rows } = await db.query<Record<string, unknown>>(sql, params);
  return Object.values(rows[0])[0];
}

describe.skipIf(!connectionString)(
  `${connectionCount} simultaneous connections on a PostgreSQL server (skipped on the embedded database, which has one connection)`,
  () => {
    let users: TestUser[];

    beforeAll(async () => {
      const { rows } = await db.query<{ max: number; used: number }>(
        `select current_setting('max_connections')::int as max,
                (select count(*)::int from pg_stat_activity where backend_type = 'client backend') as used`,
      );
      const { max, used } = rows[0];
      if (max - used < connectionCount) {
        throw new Error(
          `max_connections is ${max} and ${used} are in use; these tests need ${connectionCount} more. ` +
            'Raise max_connections or run them when the server is less busy.',
        );
      }
      users = [];
      for (let i = 0; i < connectionCount; i++) users.push(await createUser(db));
    });

    it('keeps like_count equal to the likes while every user likes and unlikes one post at once', async () => {
      const [author] = users;
      const post = await actAs(db, author, async (tx) => {
        const { rows } = await tx.query<{ id: string }>(
          `insert into public.posts (content, visibility) values ('Northern lights tonight', 'public') returning id`,
        );
        return rows[0].id;
      });
      const like = `insert into public.post_likes (post_id) values ($1)`;
      const unlike = `delete from public.post_likes where post_id = $1 and user_id = auth.uid()`;

      await simultaneously(users, async (client, user) => {
        for (const statement of [like, unlike, like, unlike, like]) {
          await actAs(client, user, (tx) => tx.query(statement, [post]));
        }
      });

      const likes = await value(`select count(*)::int from public.post_likes where post_id = $1`, [post]);
      expect(likes).toBe(connectionCount);
      expect(await value(`select like_count from public.posts where id = $1`, [post])).toBe(likes);
    });

    it('brings like_count back where it started when every user likes one post at once, then unlikes it at once', async () => {
      const author = await createUser(db);
      const post = await actAs(db, author, async (tx) => {
        const { rows } = await tx.query<{ id: string }>(
          `insert into public.posts (content, visibility) values ('Pass open again', 'public') returning id`,
        );
        return rows[0].id;
      });
      // One like from before, which must survive the others coming and going.
      await actAs(db, author, (tx) => tx.query(`insert into public.post_likes (post_id) values ($1)`, [post]));
      const likeCount = () => value(`select like_count from public.posts where id = $1`, [post]);
      expect(await likeCount()).toBe(1);

      await simultaneously(users, async (client, user) => {
        await actAs(client, user, (tx) => tx.query(`insert into public.post_likes (post_id) values ($1) on conflict do nothing`, [post]));
      });
      expect(await likeCount()).toBe(connectionCount + 1);

      await simultaneously(users, async (client, user) => {
        await actAs(client, user, (tx) => tx.query(`delete from public.post_likes where post_id = $1 and user_id = auth.uid()`, [post]));
      });
      expect(await likeCount()).toBe(1);
      expect(await value(`select count(*)::int from public.post_likes where post_id = $1`, [post])).toBe(1);
    });

    it('counts every one of the reports filed on one post at the same moment towards holding it for review', async () => {
      const author = await createUser(db);
      const post = await actAs(db, author, async (tx) => {
        const { rows } = await tx.query<{ id: string }>(
          `insert into public.posts (content, visibility) values ('Cheap permits, DM me', 'public') returning id`,
        );
        return rows[0].id;
      });
      const threshold = `update public.system_settings set setting_value = $1 where setting_key = 'community.report_hide_threshold'`;
      await db.query(threshold, [String(connectionCount)]);
      try {
        await simultaneously(users, async (client, user) => {
          await actAs(client, user, (tx) =>
            tx.query(`insert into public.content_moderation (content_type, content_id, flagged_reason) values ('post', $1, 'scam')`, [post]),
          );
        });
      } finally {
        await db.query(threshold, ['3']);
      }
      expect(await value(`select count(*)::int from public.content_moderation where content_id = $1 and status = 'pending'`, [post])).toBe(
        connectionCount,
      );
      expect(await value(`select hidden_at is not null from public.posts where id = $1`, [post])).toBe(true);
    });

    it('keeps member_count equal to the active members while every user joins and leaves one group at once', async () => {
      const creator = await createUser(db);
      const group = await actAs(db, creator, async (tx) => {
        const { rows } = await tx.query<{ id: string }>(`insert into public.social_groups (name) values ('Ice road drivers') returning id`);
        return rows[0].id;
      });
      const join = `insert into public.group_memberships (group_id) values ($1)`;
      const leave = `delete from public.group_memberships where group_id = $1 and user_id = auth.uid()`;

      await simultaneously(users, async (client, user) => {
        for (const statement of [join, leave, join, leave, join]) {
          await actAs(client, user, (tx) => tx.query(statement, [group]));
        }
      });

      const members = await value(
        `select count(*)::int from public.group_memberships where group_id = $1 and is_active`,
        [group],
      );
      expect(members).toBe(connectionCount + 1);
      expect(await value(`select member_count from public.social_groups where id = $1`, [group])).toBe(members);
    });

    it('leaves a group that has members one admin when every admin leaves it at once', async () => {
      const [creator, member] = [await createUser(db), await createUser(db)];
      const group = await actAs(db, creator, async (tx) => {
        const { rows } = await tx.query<{ id: string }>(`insert into public.social_groups (name) values ('Border crossings') returning id`);
        return rows[0].id;
      });
      await db.query(`insert into public.group_memberships (group_id, user_id) values ($1, $2)`, [group, member.id]);
      await db.query(
        `insert into public.group_memberships (group_id, user_id, role) select $1, unnest($2::uuid[]), 'admin'`,
        [group, users.map((user) => user.id)],
      );
      await db.query(`delete from public.group_memberships where group_id = $1 and user_id = $2`, [group, creator.id]);

      const refused: string[] = [];
      await simultaneously(users, async (client, user) => {
        try {
          await actAs(client, user, (tx) => tx.query(`delete from public.group_memberships where group_id = $1 and user_id = auth.uid()`, [group]));
        } catch (error) {
          refused.push((error as { constraint?: string }).constraint ?? String(error));
        }
      });

      expect(refused).toEqual(['group_keeps_an_admin']);
      expect(
        await value(`select count(*)::int from public.group_memberships where group_id = $1 and role = 'admin' and is_active`, [group]),
      ).toBe(1);
      expect(await value(`select member_count from public.social_groups where id = $1`, [group])).toBe(2);
    });

    it("keeps spent_amount equal to the category's expenses while its owner records them from every connection at once", async () => {
      const owner = users[0];
      const category = await actAs(db, owner, async (tx) => {
        const budget = await tx.query<{ id: string }>(
          `insert into public.budgets (name, total_amount, start_date) values ('Winter', 5000, '2026-12-01') returning id`,
        );
        const { rows } = await tx.query<{ id: string }>(
          `insert into public.budget_categories (budget_id, name, allocated_amount) values ($1, 'Fuel', 2000) returning id`,
          [budget.rows[0].id],
        );
        return rows[0].id;
      });
      const sameOwner = Array.from({ length: connectionCount }, () => owner);
      const expensesPerConnection = 3;
      let cents = 0;
      const amounts = sameOwner.map((_, connection) =>
        Array.from({ length: expensesPerConnection }, (_, n) => {
          const amount = connection * expensesPerConnection + n + 1;
          cents += amount;
          return (amount / 100).toFixed(2);
        }),
      );

      await simultaneously(sameOwner, async (client, user, connection) => {
        for (const amount of amounts[connection]) {
          await actAs(client, user, (tx) =>
            tx.query(
              `insert into public.expenses (amount, description, category, expense_date, budget_category_id)
               values ($1, 'Diesel', 'fuel', '2026-12-02', $2)`,
              [amount, category],
            ),
          );
        }
      });

      expect(await value(`select count(*)::int from public.expenses where budget_category_id = $1`, [category])).toBe(
        connectionCount * expensesPerConnection,
      );
      expect(await value(`select sum(amount)::text from public.expenses where budget_category_id = $1`, [category])).toBe(
        (cents / 100).toFixed(2),
      );
      expect(await value(`select spent_amount::text from public.budget_categories where id = $1`, [category])).toBe(
        (cents / 100).toFixed(2),
      );
    });
  },
);
