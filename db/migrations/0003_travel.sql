-- Vehicles, their upkeep, and trips. Departures from SCHEMA.md in every table of this
-- project: owner columns are NOT NULL and default to the signed-in user, booleans and
-- timestamps are NOT NULL, and references to another row of the user's are checked by
-- the policy (a foreign key alone would accept another user's row).

create table public.vehicles (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references public.profiles (id) on delete cascade,
  make text not null,
  model text not null,
  year integer not null check (year between 1900 and 2100),
  license_plate text,
  vin text,
  color text,
  fuel_type text not null default 'gasoline'
    check (fuel_type in ('gasoline', 'diesel', 'electric', 'hybrid', 'other')),
  fuel_efficiency jsonb,               -- {city, highway, combined, unit}
  insurance_info jsonb,
  is_primary boolean not null default false,
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index idx_vehicles_user on public.vehicles (user_id, created_at desc);
create trigger set_updated_at before update on public.vehicles
  for each row execute function private.set_updated_at();

alter table public.vehicles enable row level security;
alter table public.vehicles force row level security;
create policy "users read own vehicles" on public.vehicles
  for select to authenticated using (user_id = (select auth.uid()));
create policy "users add own vehicles" on public.vehicles
  for insert to authenticated with check (user_id = (select auth.uid()));
create policy "users update own vehicles" on public.vehicles
  for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
create policy "users delete own vehicles" on public.vehicles
  for delete to authenticated using (user_id = (select auth.uid()));
grant select, insert, delete on public.vehicles to authenticated;
grant update (make, model, year, license_plate, vin, color, fuel_type, fuel_efficiency,
              insurance_info, is_primary, is_active) on public.vehicles to authenticated;

create table public.vehicle_maintenance (
  id uuid primary key default gen_random_uuid(),
  vehicle_id uuid not null references public.vehicles (id) on delete cascade,
  maintenance_type text not null,      -- oil_change, tire_rotation, inspection, ...
  description text,
  cost decimal(10,2) check (cost >= 0),
  mileage integer check (mileage >= 0),
  service_date date not null,
  next_service_date date,
  next_service_mileage integer check (next_service_mileage >= 0),
  vendor text,
  notes text,
  receipt_url text,
  created_at timestamptz not null default now()
);
create index idx_vehicle_maintenance_vehicle on public.vehicle_maintenance (vehicle_id, service_date desc);
create index idx_vehicle_maintenance_next on public.vehicle_maintenance (next_service_date)
  where next_service_date is not null;

alter table public.vehicle_maintenance enable row level security;
alter table public.vehicle_maintenance force row level security;
-- Visibility of the parent vehicle (its own policy) decides access to its records.
create policy "users read maintenance of own vehicles" on public.vehicle_maintenance
  for select to authenticated
  using (exists (select 1 from public.vehicles v where v.id = vehicle_id));
create policy "users log maintenance of own vehicles" on public.vehicle_maintenance
  for insert to authenticated
  with check (exists (select 1 from public.vehicles v where v.id = vehicle_id));
create policy "users update maintenance of own vehicles" on public.vehicle_maintenance
  for update to authenticated
  using (exists (select 1 from public.vehicles v where v.id = vehicle_id))
  with check (exists (select 1 from public.vehicles v where v.id = vehicle_id));
create policy "users delete maintenance of own vehicles" on public.vehicle_maintenance
  for delete to authenticated
  using (exists (select 1 from public.vehicles v where v.id = vehicle_id));
grant select, insert, delete on public.vehicle_maintenance to authenticated;
grant update (maintenance_type, description, cost, mileage, service_date, next_service_date,
              next_service_mileage, vendor, notes, receipt_url)
  on public.vehicle_maintenance to authenticated;

create table public.trips (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references public.profiles (id) on delete cascade,
  vehicle_id uuid references public.vehicles (id) on delete set null,
  name text not null,
  description text,
  origin jsonb not null,               -- {address, coordinates, place_id}
  destination jsonb not null,
  waypoints jsonb not null default '[]',
  start_date date,
  end_date date,
  estimated_distance decimal(10,2) check (estimated_distance >= 0),
  actual_distance decimal(10,2) check (actual_distance >= 0),
  estimated_cost decimal(10,2) check (estimated_cost >= 0),
  actual_cost decimal(10,2) check (actual_cost >= 0),
  estimated_duration integer check (estimated_duration >= 0),   -- minutes
  actual_duration integer check (actual_duration >= 0),
  status text not null default 'planned'
    check (status in ('planned', 'in_progress', 'completed', 'cancelled')),
  route_data jsonb,
  weather_data jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint trips_dates_in_order check (end_date is null or start_date is null or end_date >= start_date)
);
create index idx_trips_user_dates on public.trips (user_id, start_date, end_date);
create index idx_trips_vehicle on public.trips (vehicle_id) where vehicle_id is not null;
create trigger set_updated_at before update on public.trips
  for each row execute function private.set_updated_at();

alter table public.trips enable row level security;
alter table public.trips force row level security;
create policy "users read own trips" on public.trips
  for select to authenticated using (user_id = (select auth.uid()));
create policy "users plan own trips" on public.trips
  for insert to authenticated
  with check (user_id = (select auth.uid())
              and (vehicle_id is null or exists (select 1 from public.vehicles v where v.id = vehicle_id)));
create policy "users update own trips" on public.trips
  for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid())
              and (vehicle_id is null or exists (select 1 from public.vehicles v where v.id = vehicle_id)));
create policy "users delete own trips" on public.trips
  for delete to authenticated using (user_id = (select auth.uid()));
grant select, insert, delete on public.trips to authenticated;
grant update (vehicle_id, name, description, origin, destination, waypoints, start_date, end_date,
              estimated_distance, actual_distance, estimated_cost, actual_cost,
              estimated_duration, actual_duration, status, route_data, weather_data)
  on public.trips to authenticated;
