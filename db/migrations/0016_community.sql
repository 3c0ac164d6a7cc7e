-- The community, made fit for strangers: blocks, reports that hold content for review,
-- a moderation queue for administrators and group moderators, automated flags, removal
-- that sticks, and the settings behind the limits. Visibility stays the policies' job.

-- Settings an administrator changes without a deploy (PUT /api/v1/admin/settings/:key).
-- functions/community/settings.ts holds the same values as defaults for a missing or
-- malformed row, and a test keeps the two equal.
insert into public.system_settings (setting_key, setting_value, description) values
  ('community.rate_limit.post', '{"max_hits": 20, "window_seconds": 3600}',
   'Posts one user may create per window'),
  ('community.rate_limit.comment', '{"max_hits": 60, "window_seconds": 3600}',
   'Comments one user may write per window'),
  ('community.rate_limit.report', '{"max_hits": 30, "window_seconds": 3600}',
   'Reports one user may file per window'),
  ('community.rate_limit.group', '{"max_hits": 5, "window_seconds": 86400}',
   'Groups one user may create per window'),
  ('community.report_hide_threshold', '3',
   'Distinct users whose pending reports hide a post or comment until it is reviewed (administrators'' content excepted)'),
  ('community.moderation_rules',
   '{"blocked_words": {"words": [], "severity": "high"},
     "links_from_new_accounts": {"account_age_hours": 24, "severity": "high"},
     "shouting": {"min_letters": 20, "uppercase_share": 0.7, "severity": "low"},
     "repeated_text": {"window_minutes": 10, "severity": "high"}}',
   'Automated flags on new posts and comments; high-severity flags put the content in the moderation queue')
on conflict (setting_key) do nothing;

-- What every signed-in request needs of those settings. system_settings itself stays the
-- administrators' (its rows also say who changed them).
create function private.community_settings() returns jsonb
language sql stable security definer
set search_path = ''
as $$
  select coalesce(jsonb_object_agg(s.setting_key, s.setting_value), '{}'::jsonb)
    from public.system_settings s
   where s.setting_key like 'community.%'
$$;
comment on function private.community_settings() is
  '@callable: the community''s rate limits and moderation rules, which every signed-in request applies';
grant execute on function private.community_settings() to authenticated, service_role;
alter function private.community_settings() owner to service_role;

-- Blocks. A block hides each side's posts and comments from the other; only the blocker
-- knows of it.
create table public.user_blocks (
  blocker_id uuid not null default auth.uid() references public.profiles (id) on delete cascade,
  blocked_id uuid not null references public.profiles (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (blocker_id, blocked_id),
  constraint user_blocks_not_self check (blocker_id <> blocked_id)
);
create index idx_user_blocks_blocked on public.user_blocks (blocked_id);

alter table public.user_blocks enable row level security;
alter table public.user_blocks force row level security;
create policy "users read own blocks" on public.user_blocks
  for select to authenticated using (blocker_id = (select auth.uid()));
create policy "users block others" on public.user_blocks
  for insert to authenticated with check (blocker_id = (select auth.uid()));
create policy "users lift own blocks" on public.user_blocks
  for delete to authenticated using (blocker_id = (select auth.uid()));
grant select, insert, delete on public.user_blocks to authenticated;
grant all on public.user_blocks to service_role;

create function private.is_blocked_with(other uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (select 1 from public.user_blocks b
                  where (b.blocker_id = auth.uid() and b.blocked_id = other)
                     or (b.blocker_id = other and b.blocked_id = auth.uid()))
$$;
comment on function private.is_blocked_with(uuid) is
  '@callable: used by policies; whether the caller blocked `other` or was blocked by them';
grant execute on function private.is_blocked_with(uuid) to anon, authenticated, service_role;
alter function private.is_blocked_with(uuid) owner to service_role;

-- Groups. Moderation removes a group by deactivating it (is_active), so that column is no
-- longer its admins' to write: they delete a group instead. A removed group is no group
-- to its members any more: no role in it, no member's view of it or of its posts.
revoke update (is_active) on public.social_groups from authenticated;

create or replace function private.group_role(target_group uuid) returns text
language sql stable security definer
set search_path = ''
as $$
  select m.role from public.group_memberships m
    join public.social_groups g on g.id = m.group_id and g.is_active
   where m.group_id = target_group and m.user_id = auth.uid() and m.is_active
$$;

create policy "admins read all groups" on public.social_groups
  for select to authenticated using ((select private.is_admin()));

-- Members: moderators add and remove plain members too (admins already manage everyone).
create policy "group moderators add members" on public.group_memberships
  for insert to authenticated
  with check (private.group_role(group_id) = 'moderator' and role = 'member');
create policy "group moderators remove members" on public.group_memberships
  for delete to authenticated
  using (private.group_role(group_id) = 'moderator' and role = 'member');

-- A group that has members keeps an admin. Admins leaving or demoted at the same time
-- queue on the group's row, so the second one sees the first one gone. When the last
-- admin's account is deleted, the longest-standing member takes over rather than the
-- deletion failing.
create function private.keep_a_group_admin() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if old.role <> 'admin' or not old.is_active then
    return null;
  end if;
  if tg_op = 'UPDATE' and new.role = 'admin' and new.is_active then
    return null;
  end if;
  perform 1 from public.social_groups g where g.id = old.group_id for update;
  if not found then
    return null; -- the group itself is being deleted
  end if;
  if exists (select 1 from public.group_memberships m
              where m.group_id = old.group_id and m.role = 'admin' and m.is_active)
     or not exists (select 1 from public.group_memberships m
                     where m.group_id = old.group_id and m.is_active) then
    return null;
  end if;
  if not exists (select 1 from public.profiles p where p.id = old.user_id) then
    update public.group_memberships set role = 'admin'
     where id = (select m.id from public.group_memberships m
                  where m.group_id = old.group_id and m.is_active
                  order by m.joined_at, m.id limit 1);
    return null;
  end if;
  raise exception 'A group with members keeps at least one admin.'
    using errcode = '23514', constraint = 'group_keeps_an_admin';
end
$$;
create trigger keep_a_group_admin after update of role, is_active or delete on public.group_memberships
  for each row execute function private.keep_a_group_admin();
alter function private.keep_a_group_admin() owner to service_role;

-- Posts and comments: held from view while enough reports are pending (hidden_at), the
-- automated flags found when they were written, and a cap on their size.
alter table public.posts
  add column hidden_at timestamptz,
  add column automated_flags jsonb not null default '[]' check (jsonb_typeof(automated_flags) = 'array'),
  add constraint posts_content_length check (char_length(content) between 1 and 10000),
  add constraint posts_title_length check (char_length(title) <= 300);
alter table public.comments
  add column hidden_at timestamptz,
  add column automated_flags jsonb not null default '[]' check (jsonb_typeof(automated_flags) = 'array'),
  add constraint comments_content_length check (char_length(content) between 1 and 4000);
-- The feed: newest first across every post the caller may see.
create index idx_posts_created on public.posts (created_at desc, id desc);

-- Who reads a post, in one place: the policy below, and the search, which must bypass
-- the policy to use its index (see private.search_posts), both ask this.
--   its author, always;
--   an administrator inside the admin scope, unless it is private to its author;
--   anyone else only while it is active, not held for review, and neither of the two
--   has blocked the other: a public post outside a group or in a public group to
--   everyone, public and group posts of a group to its members.
create function private.can_read_post(author uuid, in_group uuid, shown_to text, active boolean, hidden timestamptz)
returns boolean
language sql stable
set search_path = ''
as $$
  select coalesce(author = auth.uid(), false)
      or (private.is_admin() and shown_to <> 'private')
      or (active and hidden is null
          and not private.is_blocked_with(author)
          and case shown_to
                when 'public' then in_group is null or private.is_public_group(in_group) or private.is_group_member(in_group)
                when 'group' then private.is_group_member(in_group)
                else false
              end)
$$;
comment on function private.can_read_post(uuid, uuid, text, boolean, timestamptz) is
  '@callable: the rule of who reads a post, used by its policy and by the post search';
grant execute on function private.can_read_post(uuid, uuid, text, boolean, timestamptz) to anon, authenticated, service_role;

drop policy "authors read own posts" on public.posts;
drop policy "anyone reads public posts" on public.posts;
drop policy "members read group posts" on public.posts;
create policy "readers see the posts shown to them" on public.posts
  for select to anon, authenticated
  using (private.can_read_post(author_id, group_id, visibility, is_active, hidden_at));

drop policy "members post in their groups" on public.posts;
create policy "members post in their groups" on public.posts
  for insert to authenticated
  with check (author_id = (select auth.uid())
              and (group_id is null or private.is_group_member(group_id))
              and like_count = 0 and comment_count = 0 and is_active and hidden_at is null);
revoke update (is_active) on public.posts from authenticated;
grant update (automated_flags) on public.posts to authenticated;

-- Full-text search over the posts the caller may read. Under RLS the planner will not
-- use the GIN index for the (leaky) @@ operator (see 0010), so the match runs with the
-- owner's rights and filters with the very rule the policy applies. The statement uses
-- $1 rather than the parameter's name so that a test can plan it as it stands.
create function private.search_posts(search text)
returns table (post_id uuid, rank real)
language sql stable security definer
set search_path = ''
as $$
  select p.id,
         pg_catalog.ts_rank(pg_catalog.to_tsvector('pg_catalog.english'::pg_catalog.regconfig, p.content),
                            pg_catalog.websearch_to_tsquery('pg_catalog.english'::pg_catalog.regconfig, $1))
    from public.posts p
   where pg_catalog.to_tsvector('pg_catalog.english'::pg_catalog.regconfig, p.content)
         operator(pg_catalog.@@) pg_catalog.websearch_to_tsquery('pg_catalog.english'::pg_catalog.regconfig, $1)
     and private.can_read_post(p.author_id, p.group_id, p.visibility, p.is_active, p.hidden_at)
$$;
comment on function private.search_posts(text) is
  '@callable: post text search; ids and relevance of matching posts the caller may read';
grant execute on function private.search_posts(text) to authenticated, service_role;
alter function private.search_posts(text) owner to service_role;

-- Comments follow their post, and the same rules of removal, holds and blocks.
-- Departure: authors always read their own comments, so the account export holds them
-- even on posts they can no longer see.
drop policy "users read comments on visible posts" on public.comments;
create policy "readers see comments on posts they see" on public.comments
  for select to anon, authenticated
  using ((author_id = (select auth.uid())
          or (select private.is_admin())
          or (is_active and hidden_at is null and not private.is_blocked_with(author_id)))
         and exists (select 1 from public.posts p where p.id = post_id));
create policy "users read own comments" on public.comments
  for select to authenticated using (author_id = (select auth.uid()));

create function private.moderates_post(post uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select coalesce(private.group_role((select p.group_id from public.posts p where p.id = post))
                  in ('moderator', 'admin'), false)
$$;
comment on function private.moderates_post(uuid) is
  '@callable: used by policies; whether the caller moderates the group a post is in';
grant execute on function private.moderates_post(uuid) to authenticated, service_role;
alter function private.moderates_post(uuid) owner to service_role;

create policy "group moderators delete comments in their group" on public.comments
  for delete to authenticated using (private.moderates_post(post_id));

create or replace function private.can_reply_to(parent_comment uuid, post uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (select 1 from public.comments c
                  where c.id = parent_comment and c.post_id = post
                    and (c.author_id = auth.uid()
                         or (c.is_active and c.hidden_at is null and not private.is_blocked_with(c.author_id))))
$$;

drop policy "users comment on visible posts" on public.comments;
create policy "users comment on visible posts" on public.comments
  for insert to authenticated
  with check (author_id = (select auth.uid())
              and like_count = 0 and is_active and hidden_at is null
              and exists (select 1 from public.posts p where p.id = post_id and p.is_active)
              and (parent_comment_id is null or private.can_reply_to(parent_comment_id, post_id)));
revoke update (is_active) on public.comments from authenticated;
grant update (automated_flags) on public.comments to authenticated;

-- Departure: users read their own likes whatever became of the post (the export).
create policy "users read own likes" on public.post_likes
  for select to authenticated using (user_id = (select auth.uid()));

-- Reports. The server records who and what was reported as it stood; the reporter
-- names the content and the reason only. group_id says whose moderators may act.
alter table public.content_moderation
  add column group_id uuid references public.social_groups (id) on delete set null,
  add constraint content_moderation_flagged_reason check (flagged_reason in
    ('spam', 'harassment', 'hate', 'sexual', 'violence', 'illegal', 'scam', 'off_topic', 'other', 'automated')),
  add constraint content_moderation_other_explained check (
    flagged_reason <> 'other' or char_length(btrim(coalesce(additional_context, ''))) > 0),
  add constraint content_moderation_context_length check (char_length(additional_context) <= 2000);
-- One pending report per reporter and content: reporting again finds the first one.
create unique index content_moderation_one_pending_report
  on public.content_moderation (reporter_id, content_type, content_id)
  where status = 'pending' and reporter_id is not null;
create index idx_content_moderation_queue on public.content_moderation (created_at, id);
create index idx_content_moderation_group on public.content_moderation (group_id, created_at) where group_id is not null;

-- Whatever the reporter sent, the author, the text and the group come from the content
-- itself, and a new report is pending with no decision. A profile's text is not copied:
-- reporters could read it back, and profiles are not shown to other users.
create function private.fill_report() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  new.status := 'pending';
  new.moderator_id := null;
  new.moderator_notes := null;
  new.author_email := null;
  new.content_text := null;
  new.author_id := null;
  new.group_id := null;
  new.automated_flags := null;
  if new.content_type = 'post' then
    select p.author_id, concat_ws(E'\n\n', p.title, p.content), p.group_id, p.automated_flags
      into new.author_id, new.content_text, new.group_id, new.automated_flags
      from public.posts p where p.id = new.content_id;
  elsif new.content_type = 'comment' then
    select c.author_id, c.content, p.group_id, c.automated_flags
      into new.author_id, new.content_text, new.group_id, new.automated_flags
      from public.comments c join public.posts p on p.id = c.post_id where c.id = new.content_id;
  elsif new.content_type = 'group' then
    select g.creator_id, concat_ws(E'\n\n', g.name, g.description), g.id
      into new.author_id, new.content_text, new.group_id
      from public.social_groups g where g.id = new.content_id;
  elsif new.content_type = 'profile' then
    select p.id into new.author_id from public.profiles p where p.id = new.content_id;
  end if;
  return new;
end
$$;
create trigger fill_report before insert on public.content_moderation
  for each row execute function private.fill_report();
alter function private.fill_report() owner to service_role;

-- Enough distinct reporters hold a post or comment from view until a decision. Reports
-- on one piece of content queue on its row, so reports filed at the same moment are all
-- counted.
create function private.hold_reported_content() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  threshold integer;
  reporters integer;
begin
  if new.reporter_id is null or new.status <> 'pending' or new.content_type not in ('post', 'comment') then
    return null;
  end if;
  if new.content_type = 'post' then
    perform 1 from public.posts where id = new.content_id for update;
  else
    perform 1 from public.comments where id = new.content_id for update;
  end if;
  if not found or exists (select 1 from public.profiles p where p.id = new.author_id and p.is_admin) then
    return null;
  end if;
  select coalesce(max(case when jsonb_typeof(s.setting_value) = 'number'
                           then greatest(1, floor((s.setting_value #>> '{}')::numeric))::integer end), 3)
    into threshold
    from public.system_settings s where s.setting_key = 'community.report_hide_threshold';
  select count(distinct m.reporter_id) into reporters
    from public.content_moderation m
   where m.content_type = new.content_type and m.content_id = new.content_id
     and m.status = 'pending' and m.reporter_id is not null;
  if reporters >= threshold then
    if new.content_type = 'post' then
      update public.posts set hidden_at = now() where id = new.content_id and hidden_at is null;
    else
      update public.comments set hidden_at = now() where id = new.content_id and hidden_at is null;
    end if;
  end if;
  return null;
end
$$;
create trigger hold_reported_content after insert on public.content_moderation
  for each row execute function private.hold_reported_content();
alter function private.hold_reported_content() owner to service_role;

-- A decision is the moderator's who made it, and the content follows it whoever decides
-- (an administrator, or a group moderator for their group's posts and comments):
-- `removed` deactivates the content, undoing a removal reactivates it, and any decision
-- releases a hold. Every change to a report is in the audit log (0006's trigger).
create function private.stamp_moderator() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.status is distinct from old.status then
    new.moderator_id := auth.uid();
  end if;
  return new;
end
$$;
create trigger stamp_moderator before update on public.content_moderation
  for each row execute function private.stamp_moderator();

create function private.apply_moderation_decision() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  active boolean := case when new.status = 'removed' then false when old.status = 'removed' then true end;
begin
  if new.status = old.status then
    return null;
  end if;
  if new.content_type = 'post' then
    update public.posts
       set is_active = coalesce(active, is_active),
           hidden_at = case when new.status = 'pending' then hidden_at end
     where id = new.content_id;
  elsif new.content_type = 'comment' then
    update public.comments
       set is_active = coalesce(active, is_active),
           hidden_at = case when new.status = 'pending' then hidden_at end
     where id = new.content_id;
  elsif new.content_type = 'group' and active is not null then
    update public.social_groups set is_active = active where id = new.content_id;
  elsif new.content_type = 'profile' and active is not null then
    -- Removing a profile closes the account: its sessions stop working.
    update public.profiles set is_active = active where id = new.content_id;
  end if;
  return null;
end
$$;
create trigger apply_moderation_decision after update of status on public.content_moderation
  for each row execute function private.apply_moderation_decision();
alter function private.apply_moderation_decision() owner to service_role;

-- Reporters name content they can see, and not their own. The checks read the content
-- with the reporter's rights, so a report can neither probe for hidden content nor be
-- told apart from one on content that does not exist.
drop policy "users report content" on public.content_moderation;
create policy "users report what they can see" on public.content_moderation
  for insert to authenticated
  with check (
    reporter_id = (select auth.uid())
    and flagged_reason <> 'automated'
    and case content_type
          when 'post' then exists (select 1 from public.posts p
                                    where p.id = content_id and p.author_id <> (select auth.uid()))
          when 'comment' then exists (select 1 from public.comments c
                                       where c.id = content_id and c.author_id <> (select auth.uid()))
          when 'group' then exists (select 1 from public.social_groups g where g.id = content_id)
          when 'profile' then content_id <> (select auth.uid())
                              and (exists (select 1 from public.posts p where p.author_id = content_id)
                                   or exists (select 1 from public.comments c where c.author_id = content_id)
                                   or exists (select 1 from public.group_memberships m where m.user_id = content_id))
          else false
        end);
create policy "group moderators read reports on their group's content" on public.content_moderation
  for select to authenticated
  using (content_type in ('post', 'comment') and private.group_role(group_id) in ('moderator', 'admin'));
create policy "group moderators decide reports on their group's content" on public.content_moderation
  for update to authenticated
  using (content_type in ('post', 'comment') and private.group_role(group_id) in ('moderator', 'admin'))
  with check (content_type in ('post', 'comment') and private.group_role(group_id) in ('moderator', 'admin'));
-- The moderator and the automated flags are the server's to record.
revoke update (moderator_id, automated_flags) on public.content_moderation from authenticated;

-- High-severity automated flags put shared content in the queue, once while a review is
-- pending: when they are found, and when a flagged post stops being private. A post
-- private to its author is nobody else's business, and neither are the comments on it.
create function private.queue_flagged_content() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  kind text := case tg_table_name when 'posts' then 'post' else 'comment' end;
  private_post boolean;
begin
  -- Read as JSON: comments have no visibility of their own.
  if tg_op = 'UPDATE' and new.automated_flags = old.automated_flags
     and not (to_jsonb(old) ->> 'visibility' = 'private' and to_jsonb(new) ->> 'visibility' <> 'private') then
    return null;
  end if;
  if not exists (select 1 from pg_catalog.jsonb_array_elements(new.automated_flags) f
                  where f ->> 'severity' = 'high') then
    return null;
  end if;
  if kind = 'post' then
    private_post := new.visibility = 'private';
  else
    select p.visibility = 'private' into private_post from public.posts p where p.id = new.post_id;
  end if;
  if private_post or exists (select 1 from public.content_moderation m
                              where m.content_type = kind and m.content_id = new.id
                                and m.reporter_id is null and m.status = 'pending') then
    return null;
  end if;
  insert into public.content_moderation (content_type, content_id, reporter_id, flagged_reason)
  values (kind, new.id, null, 'automated');
  return null;
end
$$;
create trigger queue_flagged_content after insert or update of automated_flags, visibility on public.posts
  for each row execute function private.queue_flagged_content();
create trigger queue_flagged_content after insert or update of automated_flags on public.comments
  for each row execute function private.queue_flagged_content();
alter function private.queue_flagged_content() owner to service_role;
