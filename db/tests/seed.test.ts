import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actAs, createTestDatabase, type Actor, type TestDatabase } from '../../test/support/database.ts';
import { demoUserEmail, seedDemoData, userIdForEmail, type SeedResult } from '../seed.ts';

const seededTables = [
  'auth.users',
  'public.profiles',
  'public.vehicles',
  'public.vehicle_maintenance',
  'public.trips',
  'public.budgets',
  'public.budget_categories',
  'public.expenses',
  'public.income_sources',
  'public.income_entries',
  'public.todos',
  'public.todo_subtasks',
  'public.shop_products',
  'public.social_groups',
  'public.group_memberships',
  'public.posts',
];

async function rowCounts(db: TestDatabase): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of seededTables) {
    const { rows } = await db.owner.query<{ n: number }>(`select count(*)::int as n from ${table}`);
    counts[table] = rows[0]!.n;
  }
  return counts;
}

describe('demo seed', () => {
  let db: TestDatabase;
  let first: SeedResult;
  let countsAfterFirst: Record<string, number>;
  const demoUser = (): Actor => ({
    role: 'authenticated',
    claims: { sub: first.userId, email: demoUserEmail, role: 'authenticated' },
  });

  beforeAll(async () => {
    db = await createTestDatabase();
    first = await seedDemoData(db.owner);
    countsAfterFirst = await rowCounts(db);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('creates the demo identity and profile under the id a token for its email carries', async () => {
    expect(first).toEqual({ seeded: true, userId: userIdForEmail(demoUserEmail) });
    const { rows } = await db.owner.query<{ users: number; profiles: number }>(
      `select (select count(*)::int from auth.users where id = $1 and email = $2) as users,
              (select count(*)::int from public.profiles where id = $1 and email = $2) as profiles`,
      [first.userId, demoUserEmail],
    );
    expect(rows[0]).toEqual({ users: 1, profiles: 1 });
  });

  it('fills every area of the app', () => {
    for (const table of seededTables) expect(countsAfterFirst[table], table).toBeGreaterThan(0);
  });

  it('is visible to the demo user through row-level security', async () => {
    const seen = await actAs(db.owner, demoUser(), async (tx) => {
      const { rows } = await tx.query<Record<string, number>>(
        `select (select count(*)::int from public.todos) as todos,
                (select count(*)::int from public.todo_subtasks) as subtasks,
                (select count(*)::int from public.expenses where budget_category_id is not null) as linked_expenses,
                (select count(*)::int from public.vehicle_maintenance where next_service_date > current_date) as upcoming_services,
                (select count(*)::int from public.trips) as trips,
                (select count(*)::int from public.income_entries where income_source_id is not null) as income_entries,
                (select count(*)::int from public.shop_products where is_active and digistore24_id is not null) as products,
                (select count(*)::int from public.posts p join public.social_groups g on g.id = p.group_id
                  where g.privacy_level = 'public') as public_group_posts`,
      );
      return rows[0]!;
    });
    for (const [what, count] of Object.entries(seen)) expect(count, what).toBeGreaterThan(0);
  });

  it('counts the creator as the group member the trigger made', async () => {
    const { rows } = await db.owner.query<{ member_count: number; role: string }>(
      `select g.member_count, m.role from public.social_groups g
         join public.group_memberships m on m.group_id = g.id and m.user_id = g.creator_id
        where g.creator_id = $1`,
      [first.userId],
    );
    expect(rows).toEqual([{ member_count: 1, role: 'admin' }]);
  });

  it("keeps each budget category's spent_amount equal to the sum of its linked expenses", async () => {
    const { rows } = await db.owner.query<{ name: string; spent_amount: string; linked_total: string }>(
      `select c.name, c.spent_amount::text,
              coalesce((select sum(e.amount) from public.expenses e where e.budget_category_id = c.id), 0)::decimal(12,2)::text
                as linked_total
         from public.budget_categories c
         join public.budgets b on b.id = c.budget_id
        where b.user_id = $1
        order by c.sort_order`,
      [first.userId],
    );
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) expect(row.spent_amount, row.name).toBe(row.linked_total);
    expect(rows.some((row) => Number(row.spent_amount) > 0)).toBe(true);
  });

  it('writes nothing the second time', async () => {
    const second = await seedDemoData(db.owner);
    expect(second).toEqual({ seeded: false, userId: first.userId });
    expect(await rowCounts(db)).toEqual(countsAfterFirst);
  });
});

describe('userIdForEmail', () => {
  it('gives the same UUID for the same address, whatever its case or surrounding spaces', () => {
    expect(userIdForEmail(' Someone@Example.com ')).toBe(userIdForEmail('someone@example.com'));
  });

  it('gives different addresses different ids', () => {
    expect(userIdForEmail('a@example.com')).not.toBe(userIdForEmail('b@example.com'));
  });

  it('is a well-formed RFC 4122 UUID', () => {
    expect(userIdForEmail('someone@example.com')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
