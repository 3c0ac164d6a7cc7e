-- Todos and their subtasks. Departure from SCHEMA.md: todos come after trips, expenses
-- and budgets, which they reference.

create table public.todos (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references public.profiles (id) on delete cascade,
  title text not null,
  description text,
  status text not null default 'pending'
    check (status in ('pending', 'in_progress', 'completed', 'cancelled')),
  priority text not null default 'medium' check (priority in ('low', 'medium', 'high', 'urgent')),
  category text,                       -- travel, financial, personal, ...
  due_date timestamptz,
  completed_at timestamptz,
  trip_id uuid references public.trips (id) on delete set null,
  expense_id uuid references public.expenses (id) on delete set null,
  budget_id uuid references public.budgets (id) on delete set null,
  tags text[],
  metadata jsonb not null default '{}',
  reminder_at timestamptz,
  recurrence_pattern text check (recurrence_pattern in ('daily', 'weekly', 'monthly', 'yearly')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index idx_todos_user_status on public.todos (user_id, status);
create index idx_todos_due_date on public.todos (due_date) where status <> 'completed';
create index idx_todos_category on public.todos (user_id, category);
create index idx_todos_user_created on public.todos (user_id, created_at desc, id desc);
create index idx_todos_trip on public.todos (trip_id) where trip_id is not null;
create index idx_todos_tags on public.todos using gin (tags);
create trigger set_updated_at before update on public.todos
  for each row execute function private.set_updated_at();

-- completed_at belongs to the database: stamped when a todo becomes completed (also
-- when created completed), cleared when it leaves that state.
create function private.track_todo_completion() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.status = 'completed' then
    if tg_op = 'INSERT' or old.status is distinct from 'completed' then
      new.completed_at := now();
    else
      new.completed_at := old.completed_at;
    end if;
  else
    new.completed_at := null;
  end if;
  return new;
end
$$;
create trigger track_todo_completion before insert or update on public.todos
  for each row execute function private.track_todo_completion();

alter table public.todos enable row level security;
alter table public.todos force row level security;
create policy "users read own todos" on public.todos
  for select to authenticated using (user_id = (select auth.uid()));
create policy "users create own todos" on public.todos
  for insert to authenticated
  with check (user_id = (select auth.uid())
              and (trip_id is null or exists (select 1 from public.trips t where t.id = trip_id))
              and (expense_id is null or exists (select 1 from public.expenses e where e.id = expense_id))
              and (budget_id is null or exists (select 1 from public.budgets b where b.id = budget_id)));
create policy "users update own todos" on public.todos
  for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid())
              and (trip_id is null or exists (select 1 from public.trips t where t.id = trip_id))
              and (expense_id is null or exists (select 1 from public.expenses e where e.id = expense_id))
              and (budget_id is null or exists (select 1 from public.budgets b where b.id = budget_id)));
create policy "users delete own todos" on public.todos
  for delete to authenticated using (user_id = (select auth.uid()));
grant select, insert, delete on public.todos to authenticated;
grant update (title, description, status, priority, category, due_date, trip_id, expense_id,
              budget_id, tags, metadata, reminder_at, recurrence_pattern)
  on public.todos to authenticated;

create table public.todo_subtasks (
  id uuid primary key default gen_random_uuid(),
  todo_id uuid not null references public.todos (id) on delete cascade,
  title text not null,
  is_completed boolean not null default false,
  completed_at timestamptz,
  position integer not null check (position >= 0),
  created_at timestamptz not null default now()
);
create index idx_subtasks_todo_position on public.todo_subtasks (todo_id, position);

create function private.track_subtask_completion() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.is_completed then
    if tg_op = 'INSERT' or not old.is_completed then
      new.completed_at := now();
    else
      new.completed_at := old.completed_at;
    end if;
  else
    new.completed_at := null;
  end if;
  return new;
end
$$;
create trigger track_subtask_completion before insert or update on public.todo_subtasks
  for each row execute function private.track_subtask_completion();

alter table public.todo_subtasks enable row level security;
alter table public.todo_subtasks force row level security;
create policy "users read subtasks of own todos" on public.todo_subtasks
  for select to authenticated
  using (exists (select 1 from public.todos t where t.id = todo_id));
create policy "users add subtasks to own todos" on public.todo_subtasks
  for insert to authenticated
  with check (exists (select 1 from public.todos t where t.id = todo_id));
create policy "users update subtasks of own todos" on public.todo_subtasks
  for update to authenticated
  using (exists (select 1 from public.todos t where t.id = todo_id))
  with check (exists (select 1 from public.todos t where t.id = todo_id));
create policy "users delete subtasks of own todos" on public.todo_subtasks
  for delete to authenticated
  using (exists (select 1 from public.todos t where t.id = todo_id));
grant select, insert, delete on public.todo_subtasks to authenticated;
grant update (title, is_completed, position) on public.todo_subtasks to authenticated;
