-- Community: groups, memberships, posts, likes, comments, and reports.

create table public.social_groups (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  description text,
  category text,                       -- travel, finance, local, ...
  privacy_level text not null default 'public'
    check (privacy_level in ('public', 'private', 'invite_only')),
  group_image_url text,
  location jsonb,
  -- Kept by the membership trigger: the number of active members.
  member_count integer not null default 0 check (member_count >= 0),
  creator_id uuid default auth.uid() references public.profiles (id) on delete set null,
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index idx_social_groups_public on public.social_groups (created_at desc) where privacy_level = 'public';
create index idx_social_groups_creator on public.social_groups (creator_id);
create trigger set_updated_at before update on public.social_groups
  for each row execute function private.set_updated_at();

create table public.group_memberships (
  id uuid primary key default gen_random_uuid(),
  group_id uuid not null references public.social_groups (id) on delete cascade,
  user_id uuid not null default auth.uid() references public.profiles (id) on delete cascade,
  role text not null default 'member' check (role in ('member', 'moderator', 'admin')),
  joined_at timestamptz not null default now(),
  is_active boolean not null default true,
  unique (group_id, user_id)
);
create index idx_group_memberships_user on public.group_memberships (user_id) where is_active;

-- Membership questions asked inside policies. They read group_memberships with the
-- owner's rights, so the policies on group_memberships itself do not recurse.
create function private.group_role(target_group uuid) returns text
language sql stable security definer
set search_path = ''
as $$
  select m.role from public.group_memberships m
   where m.group_id = target_group and m.user_id = auth.uid() and m.is_active
$$;
comment on function private.group_role(uuid) is '@callable: used by policies; the caller''s role in a group, or null';

create function private.is_group_member(target_group uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$ select private.group_role(target_group) is not null $$;
comment on function private.is_group_member(uuid) is '@callable: used by policies; whether the caller is an active member';

create function private.is_public_group(target_group uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (select 1 from public.social_groups g
                  where g.id = target_group and g.privacy_level = 'public' and g.is_active)
$$;
comment on function private.is_public_group(uuid) is '@callable: used by policies; whether a group is public and active';

grant execute on function private.group_role(uuid), private.is_group_member(uuid),
  private.is_public_group(uuid), private.is_admin() to anon, authenticated;

-- Departure from SCHEMA.md: its policy showed private groups to every signed-in user.
-- Visible means public, or the caller is a member or the creator.
alter table public.social_groups enable row level security;
alter table public.social_groups force row level security;
create policy "anyone reads public groups" on public.social_groups
  for select to anon, authenticated using (privacy_level = 'public' and is_active);
create policy "members and creators read their groups" on public.social_groups
  for select to authenticated
  using (creator_id = (select auth.uid()) or private.is_group_member(id));
create policy "users create groups" on public.social_groups
  for insert to authenticated
  with check (creator_id = (select auth.uid()) and member_count = 0);
create policy "group admins update groups" on public.social_groups
  for update to authenticated
  using (private.group_role(id) = 'admin')
  with check (private.group_role(id) = 'admin');
create policy "group admins delete groups" on public.social_groups
  for delete to authenticated using (private.group_role(id) = 'admin');
grant select on public.social_groups to anon;
grant select, insert, delete on public.social_groups to authenticated;
grant update (name, description, category, privacy_level, group_image_url, location, is_active)
  on public.social_groups to authenticated;

-- The creator becomes the group's first admin.
create function private.add_group_creator() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if new.creator_id is not null then
    insert into public.group_memberships (group_id, user_id, role)
    values (new.id, new.creator_id, 'admin')
    on conflict (group_id, user_id) do nothing;
  end if;
  return null;
end
$$;
create trigger add_group_creator after insert on public.social_groups
  for each row execute function private.add_group_creator();

-- member_count counts active memberships, adjusted relatively so concurrent joins and
-- leaves stay exact.
create function private.track_member_count() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  delta integer := 0;
begin
  if tg_op = 'INSERT' then
    delta := case when new.is_active then 1 else 0 end;
  elsif tg_op = 'DELETE' then
    delta := case when old.is_active then -1 else 0 end;
  elsif old.is_active <> new.is_active then
    delta := case when new.is_active then 1 else -1 end;
  end if;
  if delta <> 0 then
    update public.social_groups set member_count = member_count + delta
     where id = coalesce(new.group_id, old.group_id);
  end if;
  return null;
end
$$;
create trigger track_member_count after insert or delete or update of is_active on public.group_memberships
  for each row execute function private.track_member_count();

alter table public.group_memberships enable row level security;
alter table public.group_memberships force row level security;
create policy "users read own memberships" on public.group_memberships
  for select to authenticated using (user_id = (select auth.uid()));
create policy "members read fellow members" on public.group_memberships
  for select to authenticated using (private.is_group_member(group_id));
create policy "anyone signed in reads members of public groups" on public.group_memberships
  for select to authenticated using (private.is_public_group(group_id));
create policy "users join public groups" on public.group_memberships
  for insert to authenticated
  with check (user_id = (select auth.uid()) and role = 'member' and is_active
              and private.is_public_group(group_id));
create policy "group admins add members" on public.group_memberships
  for insert to authenticated
  with check (private.group_role(group_id) = 'admin');
create policy "group admins change memberships" on public.group_memberships
  for update to authenticated
  using (private.group_role(group_id) = 'admin')
  with check (private.group_role(group_id) = 'admin');
create policy "users leave groups" on public.group_memberships
  for delete to authenticated using (user_id = (select auth.uid()));
create policy "group admins remove members" on public.group_memberships
  for delete to authenticated using (private.group_role(group_id) = 'admin');
grant select, insert, delete on public.group_memberships to authenticated;
grant update (role, is_active) on public.group_memberships to authenticated;

create table public.posts (
  id uuid primary key default gen_random_uuid(),
  author_id uuid not null default auth.uid() references public.profiles (id) on delete cascade,
  group_id uuid references public.social_groups (id) on delete cascade,
  title text,
  content text not null,
  post_type text not null default 'text' check (post_type in ('text', 'image', 'link', 'poll', 'event')),
  media_urls text[],
  metadata jsonb,
  visibility text not null default 'group' check (visibility in ('public', 'group', 'private')),
  like_count integer not null default 0 check (like_count >= 0),
  comment_count integer not null default 0 check (comment_count >= 0),
  is_pinned boolean not null default false,
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- A group post needs a group.
  constraint posts_group_visibility check (visibility <> 'group' or group_id is not null)
);
create index idx_posts_group_created on public.posts (group_id, created_at desc) where is_active;
create index idx_posts_author on public.posts (author_id, created_at desc);
create index idx_posts_public_created on public.posts (created_at desc) where visibility = 'public' and is_active;
create index idx_posts_content_search on public.posts using gin (to_tsvector('english', content));
create trigger set_updated_at before update on public.posts
  for each row execute function private.set_updated_at();

-- Departure from SCHEMA.md: authors see their own posts whatever their visibility, and
-- removed (inactive) posts are hidden from everyone else.
alter table public.posts enable row level security;
alter table public.posts force row level security;
create policy "authors read own posts" on public.posts
  for select to authenticated using (author_id = (select auth.uid()));
create policy "anyone reads public posts" on public.posts
  for select to anon, authenticated
  using (is_active and visibility = 'public'
         and (group_id is null or private.is_public_group(group_id)));
create policy "members read group posts" on public.posts
  for select to authenticated
  using (is_active and visibility in ('public', 'group') and private.is_group_member(group_id));
create policy "members post in their groups" on public.posts
  for insert to authenticated
  with check (author_id = (select auth.uid())
              and (group_id is null or private.is_group_member(group_id))
              and like_count = 0 and comment_count = 0);
create policy "authors edit own posts" on public.posts
  for update to authenticated
  using (author_id = (select auth.uid())) with check (author_id = (select auth.uid()));
create policy "authors delete own posts" on public.posts
  for delete to authenticated using (author_id = (select auth.uid()));
create policy "group moderators delete posts" on public.posts
  for delete to authenticated using (private.group_role(group_id) in ('moderator', 'admin'));
grant select on public.posts to anon;
grant select, insert, delete on public.posts to authenticated;
grant update (title, content, post_type, media_urls, metadata, visibility, is_active)
  on public.posts to authenticated;

-- Departure from SCHEMA.md: likes are rows, one per user and post, so like_count can
-- be kept exact and a like is idempotent.
create table public.post_likes (
  post_id uuid not null references public.posts (id) on delete cascade,
  user_id uuid not null default auth.uid() references public.profiles (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (post_id, user_id)
);
create index idx_post_likes_user on public.post_likes (user_id);

alter table public.post_likes enable row level security;
alter table public.post_likes force row level security;
create policy "users read likes on visible posts" on public.post_likes
  for select to authenticated
  using (exists (select 1 from public.posts p where p.id = post_id));
create policy "users like visible posts" on public.post_likes
  for insert to authenticated
  with check (user_id = (select auth.uid())
              and exists (select 1 from public.posts p where p.id = post_id));
create policy "users unlike" on public.post_likes
  for delete to authenticated using (user_id = (select auth.uid()));
grant select, insert, delete on public.post_likes to authenticated;

create function private.track_like_count() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    update public.posts set like_count = like_count + 1 where id = new.post_id;
  else
    update public.posts set like_count = like_count - 1 where id = old.post_id;
  end if;
  return null;
end
$$;
create trigger track_like_count after insert or delete on public.post_likes
  for each row execute function private.track_like_count();

create table public.comments (
  id uuid primary key default gen_random_uuid(),
  post_id uuid not null references public.posts (id) on delete cascade,
  author_id uuid not null default auth.uid() references public.profiles (id) on delete cascade,
  parent_comment_id uuid references public.comments (id) on delete cascade,
  content text not null,
  like_count integer not null default 0 check (like_count >= 0),
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index idx_comments_post_created on public.comments (post_id, created_at);
create index idx_comments_parent on public.comments (parent_comment_id) where parent_comment_id is not null;
create index idx_comments_author on public.comments (author_id);
create trigger set_updated_at before update on public.comments
  for each row execute function private.set_updated_at();

-- A reply's parent must be a comment on the same post that the caller can see. Asked
-- with the owner's rights: a policy on comments that reads comments recurses.
create function private.can_reply_to(parent_comment uuid, post uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (select 1 from public.comments c
                  where c.id = parent_comment and c.post_id = post
                    and (c.is_active or c.author_id = auth.uid()))
$$;
comment on function private.can_reply_to(uuid, uuid) is
  '@callable: used by policies; whether the caller may reply to a comment on a post';
grant execute on function private.can_reply_to(uuid, uuid) to authenticated;

alter table public.comments enable row level security;
alter table public.comments force row level security;
create policy "users read comments on visible posts" on public.comments
  for select to anon, authenticated
  using ((is_active or author_id = (select auth.uid()))
         and exists (select 1 from public.posts p where p.id = post_id));
create policy "users comment on visible posts" on public.comments
  for insert to authenticated
  with check (author_id = (select auth.uid())
              and like_count = 0
              and exists (select 1 from public.posts p where p.id = post_id and p.is_active)
              and (parent_comment_id is null or private.can_reply_to(parent_comment_id, post_id)));
create policy "authors edit own comments" on public.comments
  for update to authenticated
  using (author_id = (select auth.uid())) with check (author_id = (select auth.uid()));
create policy "authors delete own comments" on public.comments
  for delete to authenticated using (author_id = (select auth.uid()));
grant select on public.comments to anon;
grant select, insert, delete on public.comments to authenticated;
grant update (content, is_active) on public.comments to authenticated;

create function private.track_comment_count() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    update public.posts set comment_count = comment_count + 1 where id = new.post_id;
  else
    update public.posts set comment_count = comment_count - 1 where id = old.post_id;
  end if;
  return null;
end
$$;
create trigger track_comment_count after insert or delete on public.comments
  for each row execute function private.track_comment_count();

-- Reports. Any signed-in user files one; administrators work the queue. Departure
-- from SCHEMA.md: reporters may read back their own reports (POST /reports returns it).
create table public.content_moderation (
  id uuid primary key default gen_random_uuid(),
  content_type text not null check (content_type in ('post', 'comment', 'profile', 'group')),
  content_id uuid not null,
  content_text text,
  author_id uuid references public.profiles (id) on delete set null,
  author_email text,
  reporter_id uuid default auth.uid() references public.profiles (id) on delete set null,
  flagged_reason text not null,
  additional_context text,
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected', 'removed')),
  moderator_id uuid references public.profiles (id) on delete set null,
  moderator_notes text,
  automated_flags jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index idx_content_moderation_status on public.content_moderation (status, created_at desc);
create index idx_content_moderation_content on public.content_moderation (content_type, content_id);
create trigger set_updated_at before update on public.content_moderation
  for each row execute function private.set_updated_at();
create trigger audit_content_moderation_changes
  after update or delete on public.content_moderation
  for each row execute function private.audit_changes();

alter table public.content_moderation enable row level security;
alter table public.content_moderation force row level security;
create policy "users report content" on public.content_moderation
  for insert to authenticated
  with check (reporter_id = (select auth.uid()) and status = 'pending'
              and moderator_id is null and moderator_notes is null and automated_flags is null);
create policy "reporters read own reports" on public.content_moderation
  for select to authenticated using (reporter_id = (select auth.uid()));
create policy "admins read reports" on public.content_moderation
  for select to authenticated using ((select private.is_admin()));
create policy "admins moderate reports" on public.content_moderation
  for update to authenticated
  using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "admins delete reports" on public.content_moderation
  for delete to authenticated using ((select private.is_admin()));
grant select, insert, delete on public.content_moderation to authenticated;
grant update (status, moderator_id, moderator_notes, automated_flags) on public.content_moderation to authenticated;
