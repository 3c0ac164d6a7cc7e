-- The shop (Digistore24 affiliate catalogue), wishlists, affiliate sales, and the
-- administration tables: system settings and the Digistore24 sync and webhook logs.

create table public.shop_products (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  description text,
  price decimal(10,2) not null check (price >= 0),
  currency text not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
  category text not null,
  subcategory text,
  tags text[],
  image_url text,
  thumbnail_url text,
  product_url text,
  is_featured boolean not null default false,
  is_active boolean not null default true,
  stock_quantity integer check (stock_quantity >= 0),
  digistore24_id varchar(255) unique,
  commission_percentage decimal(5,2) check (commission_percentage between 0 and 100),
  vendor_name varchar(255),
  vendor_rating decimal(3,2),
  auto_approve boolean not null default false,
  marketplace_category varchar(100),
  last_synced_at timestamptz,
  metadata jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index idx_shop_products_category on public.shop_products (category);
create index idx_shop_products_featured on public.shop_products (is_featured) where is_featured;
create index idx_shop_products_active_created on public.shop_products (created_at desc, id desc) where is_active;
create trigger set_updated_at before update on public.shop_products
  for each row execute function private.set_updated_at();
create trigger audit_shop_products_changes
  after insert or update or delete on public.shop_products
  for each row execute function private.audit_changes();

-- Departure from SCHEMA.md ("no RLS as products are public"): RLS is on, and the
-- public may read active products only.
alter table public.shop_products enable row level security;
alter table public.shop_products force row level security;
create policy "anyone reads active products" on public.shop_products
  for select to anon, authenticated using (is_active);
create policy "admins read all products" on public.shop_products
  for select to authenticated using ((select private.is_admin()));
create policy "admins add products" on public.shop_products
  for insert to authenticated with check ((select private.is_admin()));
create policy "admins update products" on public.shop_products
  for update to authenticated
  using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "admins delete products" on public.shop_products
  for delete to authenticated using ((select private.is_admin()));
grant select on public.shop_products to anon;
grant select, insert, update, delete on public.shop_products to authenticated;

-- Departures from SCHEMA.md: a sale is unique per platform, order and order item (one
-- Digistore24 order may hold several items), test-mode sales are flagged, and the
-- buyer's email is stored only as a SHA-256 hex digest.
create table public.affiliate_sales (
  id uuid primary key default gen_random_uuid(),
  user_id uuid references public.profiles (id) on delete cascade,
  product_id uuid references public.shop_products (id) on delete set null,
  order_id varchar(255) not null,
  order_item_id varchar(255) not null default '',
  transaction_id varchar(255),
  external_product_id varchar(255),
  sale_amount decimal(10,2) not null,
  commission_amount decimal(10,2) not null,
  commission_percentage decimal(5,2),
  currency text not null default 'USD',
  status text not null default 'pending'
    check (status in ('pending', 'confirmed', 'paid', 'refunded', 'chargeback', 'cancelled')),
  platform varchar(50) not null default 'digistore24',
  vendor_id varchar(255),
  customer_email varchar(255) check (customer_email ~ '^[0-9a-f]{64}$'),
  is_test boolean not null default false,
  refunded_at timestamptz,
  chargeback_at timestamptz,
  tracking_id text,
  referrer_url text,
  metadata jsonb not null default '{}',
  confirmed_at timestamptz,
  paid_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint affiliate_sales_order_item_key unique (platform, order_id, order_item_id)
);
create index idx_affiliate_sales_user on public.affiliate_sales (user_id, created_at desc);
create index idx_affiliate_sales_status on public.affiliate_sales (status);
create index idx_affiliate_sales_created on public.affiliate_sales (created_at desc);
create trigger set_updated_at before update on public.affiliate_sales
  for each row execute function private.set_updated_at();

alter table public.affiliate_sales enable row level security;
alter table public.affiliate_sales force row level security;
create policy "users read own affiliate sales" on public.affiliate_sales
  for select to authenticated using (user_id = (select auth.uid()));
create policy "admins read all affiliate sales" on public.affiliate_sales
  for select to authenticated using ((select private.is_admin()));
grant select on public.affiliate_sales to authenticated;

create table public.user_wishlists (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references public.profiles (id) on delete cascade,
  product_id uuid not null references public.shop_products (id) on delete cascade,
  notes text,
  priority integer not null default 0,
  created_at timestamptz not null default now(),
  unique (user_id, product_id)
);

alter table public.user_wishlists enable row level security;
alter table public.user_wishlists force row level security;
create policy "users read own wishlist" on public.user_wishlists
  for select to authenticated using (user_id = (select auth.uid()));
create policy "users add to own wishlist" on public.user_wishlists
  for insert to authenticated
  with check (user_id = (select auth.uid())
              and exists (select 1 from public.shop_products p where p.id = product_id));
create policy "users update own wishlist" on public.user_wishlists
  for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
create policy "users remove from own wishlist" on public.user_wishlists
  for delete to authenticated using (user_id = (select auth.uid()));
grant select, insert, delete on public.user_wishlists to authenticated;
grant update (notes, priority) on public.user_wishlists to authenticated;

create table public.system_settings (
  id uuid primary key default gen_random_uuid(),
  setting_key text unique not null,
  setting_value jsonb not null,
  description text,
  updated_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create trigger set_updated_at before update on public.system_settings
  for each row execute function private.set_updated_at();
create trigger audit_system_settings_changes
  after insert or update or delete on public.system_settings
  for each row execute function private.audit_changes();

alter table public.system_settings enable row level security;
alter table public.system_settings force row level security;
create policy "admins read settings" on public.system_settings
  for select to authenticated using ((select private.is_admin()));
create policy "admins add settings" on public.system_settings
  for insert to authenticated with check ((select private.is_admin()));
create policy "admins change settings" on public.system_settings
  for update to authenticated
  using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "admins delete settings" on public.system_settings
  for delete to authenticated using ((select private.is_admin()));
grant select, insert, update, delete on public.system_settings to authenticated;

insert into public.system_settings (setting_key, setting_value, description) values
  ('webhook_log_retention_days', '90', 'Digistore24 webhook log rows older than this are removed by housekeeping'),
  ('audit_log_retention_days', '365', 'Audit log rows older than this are removed by housekeeping');

create table public.digistore24_sync_logs (
  id uuid primary key default gen_random_uuid(),
  sync_started_at timestamptz not null,
  sync_completed_at timestamptz,
  products_added integer not null default 0,
  products_updated integer not null default 0,
  products_removed integer not null default 0,
  categories_synced text[],
  error_message text,
  sync_duration_seconds decimal(10,2),
  created_at timestamptz not null default now()
);
create index idx_sync_logs_started on public.digistore24_sync_logs (sync_started_at desc);

alter table public.digistore24_sync_logs enable row level security;
alter table public.digistore24_sync_logs force row level security;
create policy "admins read sync logs" on public.digistore24_sync_logs
  for select to authenticated using ((select private.is_admin()));
grant select on public.digistore24_sync_logs to authenticated;

create table public.digistore24_webhook_logs (
  id uuid primary key default gen_random_uuid(),
  event_type varchar(50) not null,
  order_id varchar(255),
  product_id varchar(255),
  request_data jsonb not null,
  signature_valid boolean,
  processed boolean not null default false,
  error_message text,
  created_at timestamptz not null default now()
);
create index idx_webhook_logs_order on public.digistore24_webhook_logs (order_id);
create index idx_webhook_logs_created on public.digistore24_webhook_logs (created_at desc);

alter table public.digistore24_webhook_logs enable row level security;
alter table public.digistore24_webhook_logs force row level security;
create policy "admins read webhook logs" on public.digistore24_webhook_logs
  for select to authenticated using ((select private.is_admin()));
grant select on public.digistore24_webhook_logs to authenticated;
