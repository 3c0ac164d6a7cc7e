import { createHash, randomUUID } from 'node:crypto';
import type { SqlClient } from './sql-client.ts';

/** The account the local demo data belongs to; `npm run token -- --email demo@pam.local` signs in as it. */
export const demoUserEmail = 'demo@pam.local';

// Any fixed number: it only serialises concurrent seeders of the same database.
const SEED_LOCK_KEY = 7_245_082;

/**
 * The user id local tokens carry for an email: a name-based UUID (version 5 layout, SHA-256
 * instead of SHA-1), so the same email is always the same user across restarts, fresh
 * databases and machines, and the seeded demo profile is the one a demo token reaches.
 */
export function userIdForEmail(email: string): string {
  const digest = createHash('sha256').update(`pam-local-user:${email.trim().toLowerCase()}`).digest();
  const bytes = digest.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface SeedResult {
  /** False when the demo profile already existed and nothing was written. */
  seeded: boolean;
  userId: string;
}

/**
 * Writes a believable month of life on the road for the demo user, plus a small shop
 * catalogue and a community group. Runs as the connected role (the owner, which bypasses
 * RLS) in one transaction, and only once: it does nothing when the demo profile exists.
 * Dates are relative to today so the data stays current.
 */
export async function seedDemoData(db: SqlClient): Promise<SeedResult> {
  const userId = userIdForEmail(demoUserEmail);
  await db.exec('begin');
  try {
    await db.query('select pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
    const { rows } = await db.query('select 1 from public.profiles where id = $1 or email = $2', [
      userId,
      demoUserEmail,
    ]);
    if (rows.length > 0) {
      await db.exec('commit');
      return { seeded: false, userId };
    }
    await seedDemoUser(db, userId);
    await seedShopProducts(db);
    await db.exec('commit');
    return { seeded: true, userId };
  } catch (error) {
    await db.exec('rollback');
    throw error;
  }
}

async function seedDemoUser(db: SqlClient, userId: string): Promise<void> {
  await db.query('insert into auth.users (id, email) values ($1, $2) on conflict (id) do nothing', [
    userId,
    demoUserEmail,
  ]);
  await db.query(
    `insert into public.profiles (id, email, full_name, bio, location, preferences)
     values ($1, $2, 'Dana Rivers',
             'Full-time in a converted Transit since 2022. Remote web designer, part-time campground host.',
             '{"city": "Moab", "state": "UT", "country": "US", "coordinates": {"lat": 38.5733, "lng": -109.5498}}',
             '{"units": "imperial", "currency": "USD", "theme": "system"}')`,
    [userId, demoUserEmail],
  );

  const vehicleId = randomUUID();
  await db.query(
    `insert into public.vehicles (id, user_id, make, model, year, license_plate, color, fuel_type,
                                  fuel_efficiency, is_primary)
     values ($1, $2, 'Ford', 'Transit 350 HD High Roof', 2019, 'UT 7PAM21', 'Oxford White', 'gasoline',
             '{"city": 13, "highway": 16, "combined": 14, "unit": "mpg"}', true)`,
    [vehicleId, userId],
  );
  await db.query(
    `insert into public.vehicle_maintenance (vehicle_id, maintenance_type, description, cost, mileage,
                                             service_date, next_service_date, next_service_mileage, vendor)
     values ($1, 'oil_change', 'Full synthetic 5W-30, new filter', 89.99, 48210,
             current_date - 75, current_date + 12, 53210, 'Grand Teton Lube, Moab'),
            ($1, 'tire_rotation', 'Rotated and balanced, pressures set to 80 psi rear', 45.00, 46030,
             current_date - 130, current_date + 50, 56030, 'Discount Tire, Grand Junction'),
            ($1, 'inspection', 'Annual safety inspection; passed', 35.00, 44800,
             current_date - 190, null, null, 'Moab Auto Repair')`,
    [vehicleId],
  );

  const tripId = randomUUID();
  await db.query(
    `insert into public.trips (id, user_id, vehicle_id, name, description, origin, destination, waypoints,
                               start_date, end_date, estimated_distance, estimated_cost, estimated_duration)
     values ($1, $2, $3, 'Moab to Yellowstone', 'Two weeks north before the summer crowds',
             '{"address": "Moab, UT", "coordinates": {"lat": 38.5733, "lng": -109.5498}}',
             '{"address": "West Yellowstone, MT", "coordinates": {"lat": 44.6621, "lng": -111.1041}}',
             '[{"address": "Salt Lake City, UT", "coordinates": {"lat": 40.7608, "lng": -111.891}},
               {"address": "Jackson, WY", "coordinates": {"lat": 43.4799, "lng": -110.7624}}]',
             current_date + 10, current_date + 24, 612.40, 420.00, 660)`,
    [tripId, userId, vehicleId],
  );

  const budgetId = randomUUID();
  await db.query(
    `insert into public.budgets (id, user_id, name, description, total_amount, currency, budget_period, start_date)
     values ($1, $2, 'Life on the road', 'Monthly spending plan', 3200.00, 'USD', 'monthly',
             date_trunc('month', current_date)::date)`,
    [budgetId, userId],
  );
  const categories = {
    fuel: randomUUID(),
    campgrounds: randomUUID(),
    groceries: randomUUID(),
    upkeep: randomUUID(),
    fun: randomUUID(),
  };
  await db.query(
    `insert into public.budget_categories (id, budget_id, name, allocated_amount, color, icon, sort_order)
     values ($1, $6, 'Fuel', 600.00, '#E4572E', 'fuel', 0),
            ($2, $6, 'Campgrounds', 900.00, '#29335C', 'tent', 1),
            ($3, $6, 'Groceries', 700.00, '#F3A712', 'cart', 2),
            ($4, $6, 'Vehicle upkeep', 400.00, '#669BBC', 'wrench', 3),
            ($5, $6, 'Fun', 300.00, '#A8C686', 'sparkles', 4)`,
    [categories.fuel, categories.campgrounds, categories.groceries, categories.upkeep, categories.fun, budgetId],
  );
  // Linked expenses reach spent_amount through the expenses trigger, as they would via the API.
  // Dates stay inside the budget's month and never in the future.
  await db.query(
    `insert into public.expenses (user_id, amount, description, category, expense_date, payment_method,
                                  vendor, budget_category_id, tags)
     select $1, e.amount, e.description, e.category,
            least(current_date, date_trunc('month', current_date)::date + e.day_of_month),
            e.payment_method, e.vendor, e.budget_category_id, e.tags
       from (values
         (78.45, 'Fill-up, 23 gal regular', 'fuel', 0, 'credit_card', 'Maverik, Moab', $2::uuid, '{fuel}'::text[]),
         (91.20, 'Fill-up before the Needles drive', 'fuel', 6, 'credit_card', 'Shell, Monticello', $2::uuid, '{fuel}'::text[]),
         (42.00, 'Two nights, site B14', 'lodging', 1, 'debit_card', 'Sand Flats Recreation Area', $3::uuid, '{camping}'::text[]),
         (64.00, 'Full hookup, one night', 'lodging', 4, 'credit_card', 'Moab KOA', $3::uuid, '{camping,hookups}'::text[]),
         (126.34, 'Weekly groceries', 'food', 2, 'debit_card', 'City Market', $4::uuid, '{groceries}'::text[]),
         (89.99, 'Oil change', 'vehicle', 3, 'credit_card', 'Grand Teton Lube, Moab', $5::uuid, '{maintenance}'::text[]),
         (24.00, 'Arches timed-entry ticket', 'entertainment', 5, 'credit_card', 'Recreation.gov', $6::uuid, '{parks}'::text[]),
         (12.50, 'Laundromat', 'personal', 5, 'cash', 'Moab Laundry Express', null::uuid, '{}'::text[])
       ) as e(amount, description, category, day_of_month, payment_method, vendor, budget_category_id, tags)`,
    [userId, categories.fuel, categories.campgrounds, categories.groceries, categories.upkeep, categories.fun],
  );

  const designIncomeId = randomUUID();
  const hostIncomeId = randomUUID();
  await db.query(
    `insert into public.income_sources (id, user_id, name, description, amount, frequency, next_payment_date, tax_category)
     values ($1, $3, 'Freelance web design', 'Retainer with two small clients', 2800.00, 'monthly',
             (date_trunc('month', current_date) + interval '1 month')::date, 'self_employment'),
            ($2, $3, 'Campground host stipend', 'Sand Flats, spring season', 600.00, 'monthly',
             (date_trunc('month', current_date) + interval '1 month' + interval '14 days')::date, 'wages')`,
    [designIncomeId, hostIncomeId, userId],
  );
  await db.query(
    `insert into public.income_entries (user_id, income_source_id, amount, description, income_date, tax_withheld)
     values ($1, $2, 2800.00, 'Retainer, last month', (date_trunc('month', current_date) - interval '1 month')::date, 0),
            ($1, $2, 2800.00, 'Retainer, this month', date_trunc('month', current_date)::date, 0),
            ($1, $3, 600.00, 'Host stipend, last month',
             (date_trunc('month', current_date) - interval '1 month' + interval '14 days')::date, 45.90)`,
    [userId, designIncomeId, hostIncomeId],
  );

  const campsitesTodoId = randomUUID();
  const oilChangeTodoId = randomUUID();
  await db.query(
    `insert into public.todos (id, user_id, title, description, status, priority, category, due_date,
                               trip_id, budget_id, tags, recurrence_pattern)
     values ($1, $3, 'Book campsites near Yellowstone', 'Madison fills up weeks ahead', 'in_progress', 'high',
             'travel', current_date + 5, $4, null, '{yellowstone,camping}', null),
            ($2, $3, 'Oil change before the trip', null, 'pending', 'medium',
             'vehicle', current_date + 9, $4, null, '{maintenance}', null),
            (gen_random_uuid(), $3, 'Review the monthly budget', 'Move what is left of Fun into savings', 'pending', 'low',
             'financial', (date_trunc('month', current_date) + interval '1 month' - interval '1 day')::date, null, $5,
             '{money}', 'monthly'),
            (gen_random_uuid(), $3, 'Renew the America the Beautiful pass', null, 'completed', 'medium',
             'travel', current_date - 3, null, null, '{parks}', null)`,
    [campsitesTodoId, oilChangeTodoId, userId, tripId, budgetId],
  );
  await db.query(
    `insert into public.todo_subtasks (todo_id, title, is_completed, position)
     values ($1, 'Check Madison Campground availability', true, 0),
            ($1, 'Compare Grant Village and Bridge Bay', false, 1),
            ($1, 'Reserve and pay the deposit', false, 2),
            ($2, 'Call the shop for a slot', true, 0),
            ($2, 'Buy a spare oil filter', false, 1)`,
    [campsitesTodoId, oilChangeTodoId],
  );

  // The creator becomes the group's admin (and first member) through the group trigger.
  const groupId = randomUUID();
  await db.query(
    `insert into public.social_groups (id, name, description, category, privacy_level, location, creator_id)
     values ($1, 'Boondockers of the Southwest', 'Free and cheap camping across Utah, Arizona and New Mexico: spots, road conditions, water.',
             'travel', 'public', '{"region": "Southwest US"}', $2)`,
    [groupId, userId],
  );
  await db.query(
    `insert into public.posts (author_id, group_id, title, content, post_type, visibility)
     values ($1, $2, 'Willow Springs Road is open again',
             'Graded last week; fine for vans and small trailers up to the first pullouts. No water, no services, great sunsets. Pack out everything.',
             'text', 'public')`,
    [userId, groupId],
  );
}

async function seedShopProducts(db: SqlClient): Promise<void> {
  // Marked as demo data in metadata; a real sync may later update the same ids.
  await db.query(
    `insert into public.shop_products (name, description, price, currency, category, tags, product_url,
                                       is_featured, digistore24_id, commission_percentage, vendor_name,
                                       vendor_rating, marketplace_category, metadata)
     values
       ('Solar Power for RVers', 'Video course: size, wire and mount a solar system for a van or RV.', 47.00, 'USD',
        'education', '{solar,off-grid}', 'https://www.digistore24.com/redir/410001/pam/', true, '410001', 50.00,
        'Off-Grid Academy', 4.60, 'Home & Garden', '{"demo": true}'),
       ('The Boondocking Field Guide', 'eBook: finding, reaching and leaving no trace at free campsites.', 19.95, 'USD',
        'ebooks', '{camping,free-camping}', 'https://www.digistore24.com/redir/410002/pam/', false, '410002', 60.00,
        'Wild Roads Press', 4.30, 'E-business & E-marketing', '{"demo": true}'),
       ('Road Budget Planner', 'Spreadsheet templates for fuel, campgrounds and irregular income.', 14.00, 'USD',
        'finance', '{budgeting}', 'https://www.digistore24.com/redir/410003/pam/', false, '410003', 40.00,
        'Nomad Numbers', 4.10, 'Money & Business', '{"demo": true}'),
       ('Van Life Photography Masterclass', 'Shoot and edit landscape photos on the road with a phone or a camera.', 67.00, 'USD',
        'education', '{photography}', 'https://www.digistore24.com/redir/410004/pam/', true, '410004', 45.00,
        'Open Road Studio', 4.80, 'Arts & Crafts', '{"demo": true}')
     on conflict (digistore24_id) do nothing`,
  );
}
