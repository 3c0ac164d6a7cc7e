-- Rules that held only while requests came one at a time, or while nobody tried.

-- A todo's subtasks each have a position of their own. Requests that add, move or
-- reorder subtasks lock the todo first (functions/todos/subtasks.ts), so they take turns;
-- the constraint is what makes a duplicate impossible whatever the code does. It is
-- checked at the end of each statement (deferrable), so one UPDATE may still shift or
-- renumber a whole list. Lists that already hold duplicates are renumbered first, in
-- the order they were shown in (position, then age).
with numbered as (
  select id, (row_number() over (partition by todo_id order by position, created_at, id) - 1)::int as renumbered
    from public.todo_subtasks
   where todo_id in (select todo_id from public.todo_subtasks group by todo_id having count(*) > count(distinct position))
)
update public.todo_subtasks s
   set position = numbered.renumbered
  from numbered
 where s.id = numbered.id and s.position <> numbered.renumbered;

drop index public.idx_subtasks_todo_position;
alter table public.todo_subtasks
  add constraint todo_subtasks_todo_id_position_key unique (todo_id, position) deferrable initially immediate;

-- A session that has ended stays as it ended: revoking is final for everyone, and when
-- it ended is a record, not something its owner may rewrite later. (The policy lets a
-- user end their own session; it cannot see the row as it was, so this trigger does.)
create function private.keep_ended_sessions() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if not old.is_active and (new.is_active or new.ended_at is distinct from old.ended_at) then
    raise exception 'session % has ended; it cannot be changed', old.id
      using errcode = '42501';
  end if;
  return new;
end
$$;
create trigger keep_ended_sessions before update on public.user_sessions
  for each row execute function private.keep_ended_sessions();

-- Housekeeping deletes ended sessions once both their end and their expiry are older than
-- this (functions/admin/housekeeping.ts). Revoked sessions without an expiry stay: their
-- rows are what refuse the tokens still issued for that session id.
create index idx_user_sessions_ended on public.user_sessions (greatest(ended_at, expires_at))
  where not is_active and expires_at is not null;

insert into public.system_settings (setting_key, setting_value, description) values
  ('session_retention_days', '30', 'Ended sessions whose end and expiry are older than this are removed by housekeeping')
on conflict (setting_key) do nothing;
