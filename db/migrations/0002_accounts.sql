-- Accounts: profiles, sessions, the audit trail, and the per-request entry point.

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  email text unique not null,
  full_name text,
  avatar_url text,
  bio text,
  phone text,
  date_of_birth date,
  location jsonb,                      -- {city, state, country, coordinates}
  preferences jsonb not null default '{}',
  subscription_tier text not null default 'free'
    check (subscription_tier in ('free', 'premium', 'enterprise')),
  subscription_expires_at timestamptz,
  is_admin boolean not null default false,
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create trigger set_updated_at before update on public.profiles
  for each row execute function private.set_updated_at();

-- Policies may need to know whether the caller is an administrator; reading profiles
-- from inside a profiles policy would recurse, so this runs with the owner's rights.
create function private.is_admin() returns boolean
language sql stable security definer
set search_path = ''
as $$
  select coalesce(
    (select p.is_admin and p.is_active from public.profiles p where p.id = auth.uid()),
    false)
$$;
comment on function private.is_admin() is '@callable: used by policies to recognise administrators';

alter table public.profiles enable row level security;
alter table public.profiles force row level security;

create policy "users read own profile" on public.profiles
  for select to authenticated using (id = (select auth.uid()));
create policy "admins read all profiles" on public.profiles
  for select to authenticated using ((select private.is_admin()));
create policy "users update own profile" on public.profiles
  for update to authenticated
  using (id = (select auth.uid()))
  with check (id = (select auth.uid()));

-- Departure from SCHEMA.md: only the self-service columns are writable by users, so
-- is_admin, subscription_tier, subscription_expires_at and is_active stay server-owned.
grant select on public.profiles to authenticated;
grant update (full_name, avatar_url, bio, phone, date_of_birth, location, preferences)
  on public.profiles to authenticated;

-- Sessions. Departure from SCHEMA.md: session_token holds the SHA-256 hex digest of the
-- session key (the token's session_id claim, or the token itself), never the key.
create table public.user_sessions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.profiles (id) on delete cascade,
  session_token text unique not null check (session_token ~ '^[0-9a-f]{64}$'),
  ip_address inet,
  user_agent text,
  device_info jsonb,
  location jsonb,
  is_active boolean not null default true,
  expires_at timestamptz,
  created_at timestamptz not null default now(),
  ended_at timestamptz
);
create index idx_user_sessions_user on public.user_sessions (user_id, created_at desc);
create index idx_user_sessions_expiry on public.user_sessions (expires_at) where is_active;

alter table public.user_sessions enable row level security;
alter table public.user_sessions force row level security;

create policy "users read own sessions" on public.user_sessions
  for select to authenticated using (user_id = (select auth.uid()));
-- Revoking is the only change a user makes to a session, and it cannot be undone.
create policy "users revoke own sessions" on public.user_sessions
  for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()) and not is_active and ended_at is not null);

grant select on public.user_sessions to authenticated;
grant update (is_active, ended_at) on public.user_sessions to authenticated;

-- Audit trail. Only administrators read it; rows are written by the audit trigger.
create table public.audit_logs (
  id uuid primary key default gen_random_uuid(),
  user_id uuid references public.profiles (id) on delete set null,
  action text not null,
  table_name text,
  record_id uuid,
  old_values jsonb,
  new_values jsonb,
  ip_address inet,
  user_agent text,
  created_at timestamptz not null default now()
);
create index idx_audit_logs_created on public.audit_logs (created_at desc);
create index idx_audit_logs_table on public.audit_logs (table_name, created_at desc);
create index idx_audit_logs_user on public.audit_logs (user_id, created_at desc);

alter table public.audit_logs enable row level security;
alter table public.audit_logs force row level security;
create policy "admins read audit logs" on public.audit_logs
  for select to authenticated using ((select private.is_admin()));
grant select on public.audit_logs to authenticated;

-- Runs with the owner's rights so that an ordinary profile update is audited instead of
-- rejected (users cannot insert into audit_logs). Departures from SCHEMA.md: UPDATE
-- records the old values too, and the client's address comes from the request settings.
create function private.audit_changes() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  actor uuid := auth.uid();
begin
  -- The actor may be the very profile being deleted; the log keeps the event, not the link.
  if actor is not null and not exists (select 1 from public.profiles where id = actor) then
    actor := null;
  end if;
  insert into public.audit_logs (user_id, action, table_name, record_id,
                                 old_values, new_values, ip_address, user_agent)
  values (
    actor,
    tg_op,
    tg_table_name,
    case when tg_op = 'DELETE' then old.id else new.id end,
    case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) end,
    case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) end,
    nullif(current_setting('request.client_ip', true), '')::inet,
    nullif(current_setting('request.user_agent', true), '')
  );
  return coalesce(new, old);
end
$$;

create trigger audit_profiles_changes
  after insert or update or delete on public.profiles
  for each row execute function private.audit_changes();

-- The first statement of every authenticated request calls this (together with the
-- set_config calls for claims and role), so a request costs one round trip for it:
-- a known, active session is a single index lookup; a new user or session is created
-- on the spot. Returns false for a revoked or expired session or a disabled account.
create function private.begin_request(
  claims jsonb,
  session_key_hash text,
  client_ip inet default null,
  client_user_agent text default null,
  session_expires_at timestamptz default null
) returns boolean
language plpgsql security definer
set search_path = ''
as $$
declare
  subject uuid := (claims ->> 'sub')::uuid;
  session record;
begin
  select s.user_id, s.is_active, s.expires_at, p.is_active as account_active
    into session
    from public.user_sessions s
    join public.profiles p on p.id = s.user_id
   where s.session_token = session_key_hash;

  if not found then
    if exists (select 1 from auth.deleted_users d where d.id = subject) then
      return false;
    end if;
    insert into auth.users (id, email) values (subject, claims ->> 'email')
      on conflict (id) do nothing;
    insert into public.profiles (id, email)
      values (subject, coalesce(nullif(claims ->> 'email', ''), subject::text || '@users.invalid'))
      on conflict do nothing;
    -- The email may belong to an older identity; the new one still gets a profile.
    insert into public.profiles (id, email)
      values (subject, subject::text || '@users.invalid')
      on conflict do nothing;
    insert into public.user_sessions (user_id, session_token, ip_address, user_agent, expires_at)
      values (subject, session_key_hash, client_ip, client_user_agent, session_expires_at)
      on conflict (session_token) do nothing;
    select s.user_id, s.is_active, s.expires_at, p.is_active as account_active
      into session
      from public.user_sessions s
      join public.profiles p on p.id = s.user_id
     where s.session_token = session_key_hash;
  end if;

  return found
     and session.user_id = subject
     and session.is_active
     and session.account_active
     and (session.expires_at is null or session.expires_at > now());
end
$$;
comment on function private.begin_request(jsonb, text, inet, text, timestamptz) is
  'Called by the API''s login role before it switches to the authenticated role; not granted to API roles.';

-- DELETE /api/v1/me: removes the identity, and with it every row the user owns. Its
-- sessions go too, so a token issued before the deletion would look like a first request
-- and quietly create an empty account again; a tombstone of the id (a random UUID, no
-- personal data) makes such tokens fail instead.
create table auth.deleted_users (
  id uuid primary key,
  deleted_at timestamptz not null default now()
);
comment on table auth.deleted_users is '@service-only: ids of deleted accounts, checked by private.begin_request';
alter table auth.deleted_users enable row level security;
alter table auth.deleted_users force row level security;
grant all on auth.deleted_users to service_role;

create function public.delete_my_account() returns void
language sql security definer
set search_path = ''
as $$
  insert into auth.deleted_users (id) select auth.uid() where auth.uid() is not null on conflict do nothing;
  delete from auth.users where id = auth.uid();
$$;
comment on function public.delete_my_account() is '@callable: a signed-in user deletes their own account';
grant execute on function public.delete_my_account() to authenticated;
