-- Foundation: extensions, the three API roles, and an `auth` schema that stands in for
-- Supabase Auth so that policies read the same as they would there.

-- pgvector backs PAM's knowledge search. Stop with an actionable message rather than
-- the bare "could not open extension control file" Postgres would give.
do $$
begin
  if not exists (select 1 from pg_available_extensions where name = 'vector') then
    raise exception using
      message = 'PAM needs the PostgreSQL extension "vector" (pgvector), which this server does not have.',
      hint = 'Install pgvector for this PostgreSQL version (for example `apt-get install postgresql-15-pgvector`, or build it from source with `make && make install`), then run the migrations again. On Neon it is available out of the box.';
  end if;
end
$$;
create extension if not exists vector;

-- Roles, as Supabase names them. `authenticated` and `anon` are always subject to RLS;
-- `service_role` bypasses it and is used only by webhooks and scheduled jobs.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
  end if;
end
$$;

-- The login role that runs the Worker switches into these roles per transaction.
do $$
begin
  execute format('grant anon, authenticated, service_role to %I', current_user);
end
$$;

-- Nothing is reachable unless granted below or in a later migration.
revoke all on schema public from public;
grant usage on schema public to anon, authenticated, service_role;
alter default privileges revoke execute on functions from public;

create schema if not exists auth;
grant usage on schema auth to anon, authenticated, service_role;

-- Helpers used inside policies and triggers. Not an API surface.
create schema if not exists private;
grant usage on schema private to anon, authenticated, service_role;

-- Claims arrive per transaction in `request.jwt.claims`. Once set in a session the
-- setting reads '' rather than NULL after the transaction ends, hence nullif.
create function auth.jwt() returns jsonb
language sql stable
set search_path = ''
as $$ select nullif(current_setting('request.jwt.claims', true), '')::jsonb $$;

create function auth.uid() returns uuid
language sql stable
set search_path = ''
as $$ select nullif(auth.jwt() ->> 'sub', '')::uuid $$;

create function auth.role() returns text
language sql stable
set search_path = ''
as $$ select coalesce(auth.jwt() ->> 'role', 'anon') $$;

comment on function auth.jwt() is '@callable: reads the current request''s claims';
comment on function auth.uid() is '@callable: the signed-in user''s id';
comment on function auth.role() is '@callable: the role claim of the current request';
grant execute on function auth.jwt(), auth.uid(), auth.role() to anon, authenticated, service_role;

-- Identities. Supabase keeps these in GoTrue; PAM creates a row on a user's first
-- verified request.
create table auth.users (
  id uuid primary key,
  email text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table auth.users is '@service-only: written by private.begin_request, never read by API roles';
alter table auth.users enable row level security;
alter table auth.users force row level security;
grant all on auth.users to service_role;

-- Shared trigger: every table with `updated_at` stamps it on update.
create function private.set_updated_at() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end
$$;

create trigger set_updated_at before update on auth.users
  for each row execute function private.set_updated_at();
