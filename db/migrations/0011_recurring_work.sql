-- Scheduled work (functions/cron/): what the recurring-work job needs to act exactly once
-- however often it runs, a record of every job run, and retention settings for the logs
-- housekeeping prunes.
--
-- Both new columns are the server's: they are left out of the column-level UPDATE grants
-- of todos and expenses, so users cannot reset them to make the job repeat itself.

-- The occurrence a completed recurring todo produced. Set in the same statement that
-- creates the occurrence, and deliberately not a foreign key: when the user deletes that
-- occurrence the mark stays, so the job does not create it again.
alter table public.todos add column next_occurrence_id uuid;
comment on column public.todos.next_occurrence_id is
  'Set by the recurring-work job on a completed recurring todo: the todo it created as the next occurrence';

-- The last date for which the job has created an entry from this recurring expense.
-- Entries after it and up to today are due; earlier ones were made (and may since have
-- been deleted by the user, which is not undone).
alter table public.expenses add column recurring_generated_through date;
comment on column public.expenses.recurring_generated_through is
  'Set by the recurring-work job: the date of the last entry it created from this recurring expense';
create index idx_expenses_recurring on public.expenses (id) where is_recurring;

create table public.cron_runs (
  id uuid primary key default gen_random_uuid(),
  job text not null check (job in ('product_sync', 'recurring_work', 'housekeeping')),
  cron text not null,
  started_at timestamptz not null,
  finished_at timestamptz not null,
  succeeded boolean not null,
  -- What the run did, e.g. {"todos_created": 3}; the job decides the keys.
  summary jsonb not null default '{}',
  error_message text,
  created_at timestamptz not null default now()
);
create index idx_cron_runs_job_started on public.cron_runs (job, started_at desc);
comment on table public.cron_runs is
  '@service-only: one row per scheduled job run, written by functions/cron/scheduled.ts; no API role reads it';

alter table public.cron_runs enable row level security;
alter table public.cron_runs force row level security;
-- 0009's blanket grant covered only the tables that existed then.
grant all on public.cron_runs to service_role;

insert into public.system_settings (setting_key, setting_value, description) values
  ('sync_log_retention_days', '180', 'Digistore24 sync log rows older than this are removed by housekeeping'),
  ('cron_run_retention_days', '90', 'Scheduled job run records older than this are removed by housekeeping')
on conflict (setting_key) do nothing;
