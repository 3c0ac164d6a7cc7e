-- Who reads a post (0016), asked once per caller and statement instead of once per row.
--
-- The policy on posts called private.can_read_post for every row it looked at. That
-- function cannot be inlined (it pins its search_path), nor can the helpers it calls
-- (owner's rights), and each of them asked auth.uid() again and planned its own query
-- afresh: about 0.3 ms a row, so the feed spent most of its time deciding, post by post,
-- who the caller is. Now the policy asks the caller's questions in subqueries that
-- Postgres runs once per statement (InitPlans): who the caller is, whether they act as
-- an administrator, the groups they belong to, and whom they have blocked or been
-- blocked by. What is left for each row is comparisons with those answers and, only for
-- a public post in a group the caller is not in, whether that group is public.
--
-- The rule is 0016's, unchanged. private.can_read_post still answers it for the post
-- search, now in one function that keeps its plans; tests hold the policy and the
-- function to the same answers.
--
-- The helpers are PL/pgSQL because it keeps a function's query plans for the session,
-- where an SQL function that cannot be inlined plans its query again in every statement.

-- The active groups the caller is an active member of (private.is_group_member's groups).
create function private.member_group_ids() returns uuid[]
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return array(select m.group_id
                 from public.group_memberships m
                 join public.social_groups g on g.id = m.group_id and g.is_active
                where m.user_id = auth.uid() and m.is_active);
end
$$;
comment on function private.member_group_ids() is
  '@callable: used by policies; the groups the caller is an active member of';
grant execute on function private.member_group_ids() to anon, authenticated, service_role;
alter function private.member_group_ids() owner to service_role;

-- The users the caller blocked or was blocked by (private.is_blocked_with's `other`).
create function private.blocked_with_ids() returns uuid[]
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return array(select b.blocked_id from public.user_blocks b where b.blocker_id = auth.uid()
               union
               select b.blocker_id from public.user_blocks b where b.blocked_id = auth.uid());
end
$$;
comment on function private.blocked_with_ids() is
  '@callable: used by policies; the users the caller blocked or was blocked by';
grant execute on function private.blocked_with_ids() to anon, authenticated, service_role;
alter function private.blocked_with_ids() owner to service_role;

-- 0016's rule, case by case: the author; an administrator acting as one, unless the post
-- is private; anyone else while it is active, not held, and not across a block: members
-- of its group for public and group posts, everyone for a public post outside a group or
-- in a public group. Every (select ...) is an InitPlan; the cheap tests come first, so
-- private.is_public_group runs only for public posts in groups the caller is not in.
-- (The casts make `any (...)` and `all (...)` read the array, not a subquery's rows.)
drop policy "readers see the posts shown to them" on public.posts;
create policy "readers see the posts shown to them" on public.posts
  for select to anon, authenticated
  using (author_id = (select auth.uid())
         or (visibility <> 'private' and (select private.is_admin()))
         or (is_active and hidden_at is null
             and author_id <> all ((select private.blocked_with_ids())::uuid[])
             and ((visibility in ('public', 'group') and group_id = any ((select private.member_group_ids())::uuid[]))
                  or (visibility = 'public' and (group_id is null or private.is_public_group(group_id))))));

-- Comments asked the same block question per row, and read their post through the
-- policy above.
drop policy "readers see comments on posts they see" on public.comments;
create policy "readers see comments on posts they see" on public.comments
  for select to anon, authenticated
  using ((author_id = (select auth.uid())
          or (select private.is_admin())
          or (is_active and hidden_at is null and author_id <> all ((select private.blocked_with_ids())::uuid[])))
         and exists (select 1 from public.posts p where p.id = post_id));

-- The same rule for one post at a time, as the post search asks it (it reads posts with
-- the owner's rights to use its index, so no policy applies there). It called a helper
-- per question, each planning its query again on every call; it now asks the tables
-- itself, with plans kept for the session, and only what the post in hand needs. Calls
-- to auth.uid() and private.is_admin() cost more than all the rest, so it reads the
-- request's settings as they do: the claims' `sub`, and the admin scope without which
-- nobody is an administrator. The answer is 0016's expression term by term, nulls
-- included: its author; anyone it is shown to while it is active, not held and not
-- across a block; an administrator, unless it is private.
create or replace function private.can_read_post(author uuid, in_group uuid, shown_to text, active boolean, hidden timestamptz)
returns boolean
language plpgsql stable security definer
set search_path = ''
as $$
declare
  me uuid := nullif(nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub', '')::uuid;
  shown boolean := active and hidden is null;
begin
  if author = me then
    return true;
  end if;
  if shown is not false then
    if exists (select 1 from public.user_blocks b
                where (b.blocker_id = me and b.blocked_id = author) or (b.blocker_id = author and b.blocked_id = me)) then
      shown := false;
    elsif shown_to = 'public' and in_group is null then
      null; -- shown to everyone
    elsif shown_to = 'public' and exists (select 1 from public.social_groups g
                                           where g.id = in_group and g.privacy_level = 'public' and g.is_active) then
      null; -- shown to everyone who may see the group
    elsif shown_to in ('public', 'group') and exists (select 1 from public.group_memberships m
                                                        join public.social_groups g on g.id = m.group_id and g.is_active
                                                       where m.group_id = in_group and m.user_id = me and m.is_active) then
      null; -- shown to the group's members
    else
      shown := false;
    end if;
  end if;
  if shown or coalesce(current_setting('request.admin_scope', true), '') <> 'on' then
    return shown;
  end if;
  return (private.is_admin() and shown_to <> 'private') or shown;
end
$$;
alter function private.can_read_post(uuid, uuid, text, boolean, timestamptz) owner to service_role;
