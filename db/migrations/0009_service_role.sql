-- service_role (webhooks, scheduled jobs) may touch every table, bypassing RLS.
-- Functions that run with the owner's rights are owned by service_role, so they are
-- unaffected by FORCE ROW LEVEL SECURITY whoever runs the migrations.

grant all on all tables in schema public to service_role;
-- Needed (by non-superuser migrators) to hand the functions below to service_role.
grant create on schema public, private to service_role;
grant all on all sequences in schema public to service_role;
grant usage, select on all sequences in schema public to authenticated;
grant execute on all functions in schema private to service_role;
grant execute on all functions in schema public to service_role;

do $$
declare
  fn regprocedure;
begin
  for fn in
    select p.oid::regprocedure
      from pg_proc p
      join pg_namespace n on n.oid = p.pronamespace
     where p.prosecdef and n.nspname in ('public', 'private', 'auth')
  loop
    execute format('alter function %s owner to service_role', fn);
  end loop;
end
$$;
