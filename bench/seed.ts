// The benchmark's data set: people who use PAM for a year, and the shop's catalogue.
// Written as the owner in a few set-based statements; ids are derived from the user's
// number so the load generator, the thin floor and pgbench can name any user's rows
// without asking the database.
import type { SqlClient } from '../db/sql-client.ts';

export interface SeedSize {
  users: number;
  todosPerUser: number;
  expensesPerUser: number;
  products: number;
}

export const FULL_SEED: SeedSize = { users: 1_000, todosPerUser: 50, expensesPerUser: 300, products: 3_000 };
export const SMOKE_SEED: SeedSize = { users: 40, todosPerUser: 30, expensesPerUser: 40, products: 200 };

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
    commit;
    analyze;
  `);
}
