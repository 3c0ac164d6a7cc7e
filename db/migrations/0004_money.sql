-- Budgets, expenses and income. Money is DECIMAL throughout.

create table public.budgets (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references public.profiles (id) on delete cascade,
  name text not null,
  description text,
  total_amount decimal(12,2) not null check (total_amount >= 0),
  currency text not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
  budget_period text not null default 'monthly' check (budget_period in ('weekly', 'monthly', 'yearly')),
  start_date date not null,
  end_date date,
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint budgets_dates_in_order check (end_date is null or end_date >= start_date)
);
create index idx_budgets_user on public.budgets (user_id, created_at desc);
create trigger set_updated_at before update on public.budgets
  for each row execute function private.set_updated_at();

-- Departure from SCHEMA.md: it declares policies on budgets without enabling RLS.
alter table public.budgets enable row level security;
alter table public.budgets force row level security;
create policy "users read own budgets" on public.budgets
  for select to authenticated using (user_id = (select auth.uid()));
create policy "users create own budgets" on public.budgets
  for insert to authenticated with check (user_id = (select auth.uid()));
create policy "users update own budgets" on public.budgets
  for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
create policy "users delete own budgets" on public.budgets
  for delete to authenticated using (user_id = (select auth.uid()));
grant select, insert, delete on public.budgets to authenticated;
grant update (name, description, total_amount, currency, budget_period, start_date, end_date, is_active)
  on public.budgets to authenticated;

create table public.budget_categories (
  id uuid primary key default gen_random_uuid(),
  budget_id uuid not null references public.budgets (id) on delete cascade,
  name text not null,
  description text,
  allocated_amount decimal(12,2) not null check (allocated_amount >= 0),
  -- Kept by the expenses trigger below; never written by users.
  spent_amount decimal(12,2) not null default 0 check (spent_amount >= 0),
  category_type text not null default 'expense'
    check (category_type in ('income', 'expense', 'savings', 'debt')),
  color text check (color ~ '^#[0-9A-Fa-f]{6}$'),
  icon text,
  parent_category_id uuid references public.budget_categories (id) on delete set null,
  sort_order integer not null default 0,
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index idx_budget_categories_budget on public.budget_categories (budget_id, sort_order);
create trigger set_updated_at before update on public.budget_categories
  for each row execute function private.set_updated_at();

-- A parent category must belong to the same budget. Asked with the owner's rights: a
-- policy on budget_categories that reads budget_categories recurses.
create function private.is_category_of_budget(category uuid, budget uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (select 1 from public.budget_categories c where c.id = category and c.budget_id = budget)
$$;
comment on function private.is_category_of_budget(uuid, uuid) is
  '@callable: used by policies; whether a category belongs to a budget';
grant execute on function private.is_category_of_budget(uuid, uuid) to authenticated;

alter table public.budget_categories enable row level security;
alter table public.budget_categories force row level security;
create policy "users read categories of own budgets" on public.budget_categories
  for select to authenticated
  using (exists (select 1 from public.budgets b where b.id = budget_id));
create policy "users add categories to own budgets" on public.budget_categories
  for insert to authenticated
  with check (exists (select 1 from public.budgets b where b.id = budget_id)
              and spent_amount = 0
              and (parent_category_id is null
                   or private.is_category_of_budget(parent_category_id, budget_id)));
create policy "users update categories of own budgets" on public.budget_categories
  for update to authenticated
  using (exists (select 1 from public.budgets b where b.id = budget_id))
  with check (parent_category_id is null
              or private.is_category_of_budget(parent_category_id, budget_id));
create policy "users delete categories of own budgets" on public.budget_categories
  for delete to authenticated
  using (exists (select 1 from public.budgets b where b.id = budget_id));
grant select, insert, delete on public.budget_categories to authenticated;
grant update (name, description, allocated_amount, category_type, color, icon,
              parent_category_id, sort_order, is_active)
  on public.budget_categories to authenticated;

create table public.expenses (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references public.profiles (id) on delete cascade,
  amount decimal(12,2) not null check (amount > 0),
  description text not null,
  category text not null,
  subcategory text,
  expense_date date not null,
  payment_method text,                 -- cash, credit_card, debit_card, ...
  vendor text,
  location jsonb,
  receipt_url text,
  notes text,
  tags text[],
  -- Departure from SCHEMA.md: links an expense to the budget category whose
  -- spent_amount it counts towards.
  budget_category_id uuid references public.budget_categories (id) on delete set null,
  trip_id uuid references public.trips (id) on delete set null,
  is_recurring boolean not null default false,
  recurring_pattern jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index idx_expenses_user_date on public.expenses (user_id, expense_date desc);
create index idx_expenses_category on public.expenses (user_id, category);
create index idx_expenses_user_category_date on public.expenses (user_id, category, expense_date desc);
create index idx_expenses_budget_category on public.expenses (budget_category_id) where budget_category_id is not null;
create index idx_expenses_trip on public.expenses (trip_id) where trip_id is not null;
create index idx_expenses_tags on public.expenses using gin (tags);
create trigger set_updated_at before update on public.expenses
  for each row execute function private.set_updated_at();

alter table public.expenses enable row level security;
alter table public.expenses force row level security;
create policy "users read own expenses" on public.expenses
  for select to authenticated using (user_id = (select auth.uid()));
create policy "users record own expenses" on public.expenses
  for insert to authenticated
  with check (user_id = (select auth.uid())
              and (budget_category_id is null or exists (select 1 from public.budget_categories c where c.id = budget_category_id))
              and (trip_id is null or exists (select 1 from public.trips t where t.id = trip_id)));
create policy "users update own expenses" on public.expenses
  for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid())
              and (budget_category_id is null or exists (select 1 from public.budget_categories c where c.id = budget_category_id))
              and (trip_id is null or exists (select 1 from public.trips t where t.id = trip_id)));
create policy "users delete own expenses" on public.expenses
  for delete to authenticated using (user_id = (select auth.uid()));
grant select, insert, delete on public.expenses to authenticated;
grant update (amount, description, category, subcategory, expense_date, payment_method, vendor,
              location, receipt_url, notes, tags, budget_category_id, trip_id,
              is_recurring, recurring_pattern)
  on public.expenses to authenticated;

-- spent_amount follows the expenses linked to a category. Each change is a relative
-- update of the category row, which the row lock makes exact under concurrency. Runs
-- with the owner's rights because users may not write spent_amount themselves.
create function private.track_category_spending() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if tg_op in ('UPDATE', 'DELETE') and old.budget_category_id is not null then
    update public.budget_categories
       set spent_amount = spent_amount - old.amount
     where id = old.budget_category_id;
  end if;
  if tg_op in ('INSERT', 'UPDATE') and new.budget_category_id is not null then
    update public.budget_categories
       set spent_amount = spent_amount + new.amount
     where id = new.budget_category_id;
  end if;
  return null;
end
$$;

create trigger track_category_spending_on_insert after insert on public.expenses
  for each row when (new.budget_category_id is not null)
  execute function private.track_category_spending();
create trigger track_category_spending_on_update after update of amount, budget_category_id on public.expenses
  for each row when (old.amount is distinct from new.amount
                     or old.budget_category_id is distinct from new.budget_category_id)
  execute function private.track_category_spending();
create trigger track_category_spending_on_delete after delete on public.expenses
  for each row when (old.budget_category_id is not null)
  execute function private.track_category_spending();

-- Departures from SCHEMA.md: the view runs with the caller's rights (so RLS applies),
-- and a budget without categories has its full amount remaining instead of NULL.
create view public.budget_summaries with (security_invoker = true) as
select
  b.id,
  b.user_id,
  b.name,
  b.currency,
  b.total_amount,
  coalesce(sum(bc.allocated_amount), 0)::decimal(12,2) as total_allocated,
  coalesce(sum(bc.spent_amount), 0)::decimal(12,2) as total_spent,
  (b.total_amount - coalesce(sum(bc.spent_amount), 0))::decimal(12,2) as remaining_budget
from public.budgets b
left join public.budget_categories bc on bc.budget_id = b.id and bc.is_active
where b.is_active
group by b.id, b.user_id, b.name, b.currency, b.total_amount;
grant select on public.budget_summaries to authenticated;

create table public.income_sources (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references public.profiles (id) on delete cascade,
  name text not null,
  description text,
  amount decimal(12,2) not null check (amount > 0),
  frequency text not null
    check (frequency in ('one-time', 'weekly', 'bi-weekly', 'monthly', 'quarterly', 'yearly')),
  next_payment_date date,
  is_active boolean not null default true,
  tax_category text,
  employer_info jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index idx_income_sources_user on public.income_sources (user_id, created_at desc);
create trigger set_updated_at before update on public.income_sources
  for each row execute function private.set_updated_at();

alter table public.income_sources enable row level security;
alter table public.income_sources force row level security;
create policy "users read own income sources" on public.income_sources
  for select to authenticated using (user_id = (select auth.uid()));
create policy "users add own income sources" on public.income_sources
  for insert to authenticated with check (user_id = (select auth.uid()));
create policy "users update own income sources" on public.income_sources
  for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
create policy "users delete own income sources" on public.income_sources
  for delete to authenticated using (user_id = (select auth.uid()));
grant select, insert, delete on public.income_sources to authenticated;
grant update (name, description, amount, frequency, next_payment_date, is_active, tax_category, employer_info)
  on public.income_sources to authenticated;

create table public.income_entries (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references public.profiles (id) on delete cascade,
  income_source_id uuid references public.income_sources (id) on delete set null,
  amount decimal(12,2) not null check (amount > 0),
  description text,
  income_date date not null,
  tax_withheld decimal(12,2) not null default 0 check (tax_withheld >= 0),
  notes text,
  created_at timestamptz not null default now()
);
create index idx_income_entries_user_date on public.income_entries (user_id, income_date desc);
create index idx_income_entries_source on public.income_entries (income_source_id) where income_source_id is not null;

alter table public.income_entries enable row level security;
alter table public.income_entries force row level security;
create policy "users read own income entries" on public.income_entries
  for select to authenticated using (user_id = (select auth.uid()));
create policy "users record own income entries" on public.income_entries
  for insert to authenticated
  with check (user_id = (select auth.uid())
              and (income_source_id is null or exists (select 1 from public.income_sources s where s.id = income_source_id)));
create policy "users update own income entries" on public.income_entries
  for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid())
              and (income_source_id is null or exists (select 1 from public.income_sources s where s.id = income_source_id)));
create policy "users delete own income entries" on public.income_entries
  for delete to authenticated using (user_id = (select auth.uid()));
grant select, insert, delete on public.income_entries to authenticated;
grant update (income_source_id, amount, description, income_date, tax_withheld, notes)
  on public.income_entries to authenticated;
