-- Administrators see more than their own rows only where they asked to act as
-- administrators: inside the admin scope, a LOCAL setting that the /api/v1/admin routes
-- open after checking is_admin (functions/auth/require-admin.ts). Everywhere else (the
-- personal routes, PAM's tools) an administrator is an ordinary user, so no user-facing
-- query needs a `where user_id = ...` to keep other people's rows out of its answer.
--
-- The setting alone grants nothing: the caller's profile must still say is_admin and
-- is_active. It is transaction-local, so it cannot outlive the request that set it.

create or replace function private.is_admin() returns boolean
language sql stable security definer
set search_path = ''
as $$
  select coalesce(current_setting('request.admin_scope', true), '') = 'on'
     and coalesce(
       (select p.is_admin and p.is_active from public.profiles p where p.id = auth.uid()),
       false)
$$;
comment on function private.is_admin() is
  '@callable: used by policies to recognise an administrator acting as one (inside the admin scope)';
