-- PAM's chat turn: idempotent sends, replies tied to the message they answer, the state
-- of each reply, feedback on replies, what PAM raises by itself, and per-user rate limits.

-- A client sends each message with an id of its own; a retried or concurrent duplicate
-- finds the first one (unique per conversation) instead of starting a second turn. The
-- reply points at the message it answers, at most one reply each, so a duplicate send
-- can wait for it. A reply is written once, when the turn ends, with how it ended:
-- messages stay a record (no UPDATE for users), and a half-written reply is never seen.
alter table public.pam_messages
  add column client_message_id text check (char_length(client_message_id) between 1 and 200),
  add column reply_to uuid references public.pam_messages (id) on delete cascade,
  add column status text not null default 'complete'
    check (status in ('complete', 'failed', 'interrupted'));
create unique index pam_messages_client_message_id
  on public.pam_messages (conversation_id, client_message_id) where client_message_id is not null;
create unique index pam_messages_one_reply on public.pam_messages (reply_to) where reply_to is not null;

-- Thumbs up or down on one of PAM's replies, one per user and reply, changeable.
create table public.pam_message_feedback (
  id uuid primary key default gen_random_uuid(),
  message_id uuid not null references public.pam_messages (id) on delete cascade,
  user_id uuid not null default auth.uid() references public.profiles (id) on delete cascade,
  rating text not null check (rating in ('up', 'down')),
  comment text check (char_length(comment) <= 2000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (message_id, user_id)
);
create trigger set_updated_at before update on public.pam_message_feedback
  for each row execute function private.set_updated_at();

-- Only PAM's replies in the caller's own conversations take feedback.
create function private.is_own_assistant_message(message uuid) returns boolean
language sql stable
set search_path = ''
as $$
  select exists (
    select 1 from public.pam_messages m
      join public.pam_conversations c on c.id = m.conversation_id
     where m.id = message and m.role = 'assistant')
$$;
comment on function private.is_own_assistant_message(uuid) is
  '@callable: runs with the caller''s rights, so only their own conversations count';
grant execute on function private.is_own_assistant_message(uuid) to authenticated, service_role;

alter table public.pam_message_feedback enable row level security;
alter table public.pam_message_feedback force row level security;
create policy "users read own feedback" on public.pam_message_feedback
  for select to authenticated using (user_id = (select auth.uid()));
create policy "users give feedback on replies in own conversations" on public.pam_message_feedback
  for insert to authenticated
  with check (user_id = (select auth.uid()) and private.is_own_assistant_message(message_id));
create policy "users change own feedback" on public.pam_message_feedback
  for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()) and private.is_own_assistant_message(message_id));
create policy "users remove own feedback" on public.pam_message_feedback
  for delete to authenticated using (user_id = (select auth.uid()));
grant select, insert, delete on public.pam_message_feedback to authenticated;
grant update (rating, comment) on public.pam_message_feedback to authenticated;

-- What PAM raises by itself (a reminder that came due, maintenance within a week, a
-- budget category crossing 80% or 100%): written by the scheduled job as service_role,
-- once each (dedupe_key), shown by GET /api/v1/pam/notices and mentioned by PAM in the
-- user's next turn.
create table public.pam_notices (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.profiles (id) on delete cascade,
  kind text not null check (kind in ('todo_reminder', 'maintenance_due', 'budget_threshold')),
  dedupe_key text not null check (char_length(dedupe_key) <= 300),
  title text not null,
  body text not null,
  data jsonb not null default '{}',
  created_at timestamptz not null default now(),
  -- Set when the user reads it in the app, or when PAM mentioned it in a reply.
  read_at timestamptz,
  mentioned_at timestamptz,
  unique (user_id, dedupe_key)
);
create index idx_pam_notices_user_unread on public.pam_notices (user_id, created_at desc) where read_at is null;

alter table public.pam_notices enable row level security;
alter table public.pam_notices force row level security;
create policy "users read own notices" on public.pam_notices
  for select to authenticated using (user_id = (select auth.uid()));
create policy "users mark own notices" on public.pam_notices
  for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
create policy "users dismiss own notices" on public.pam_notices
  for delete to authenticated using (user_id = (select auth.uid()));
grant select, delete on public.pam_notices to authenticated;
grant update (read_at, mentioned_at) on public.pam_notices to authenticated;
grant all on public.pam_message_feedback, public.pam_notices to service_role;

-- Per-user rate limits that hold across Worker isolates: fixed windows counted in the
-- database, in the caller's own transaction, so a request that fails is not counted.
create table private.rate_limit_windows (
  user_id uuid not null,
  bucket text not null,
  window_start timestamptz not null,
  hits integer not null,
  primary key (user_id, bucket, window_start)
);
comment on table private.rate_limit_windows is
  '@service-only: counted by private.take_rate_limit; old windows are removed by housekeeping';
alter table private.rate_limit_windows enable row level security;
alter table private.rate_limit_windows force row level security;
grant all on private.rate_limit_windows to service_role;

-- Counts one hit for the caller in `bucket_name`; answers 0 when it is within `max_hits` per
-- `window_seconds`, else the seconds until the window ends (the Retry-After).
create function private.take_rate_limit(bucket_name text, max_hits integer, window_seconds integer) returns integer
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  caller uuid := auth.uid();
  started timestamptz;
  used integer;
begin
  if caller is null or max_hits < 1 or window_seconds < 1 then
    raise exception 'take_rate_limit needs a signed-in caller and positive limits' using errcode = '22023';
  end if;
  started := to_timestamp(floor(extract(epoch from now()) / window_seconds) * window_seconds);
  insert into private.rate_limit_windows as w (user_id, bucket, window_start, hits)
  values (caller, bucket_name, started, 1)
  on conflict (user_id, bucket, window_start) do update set hits = w.hits + 1
  returning w.hits into used;
  if used <= max_hits then
    return 0;
  end if;
  return greatest(1, ceil(extract(epoch from (started + make_interval(secs => window_seconds) - now())))::integer);
end
$$;
comment on function private.take_rate_limit(text, integer, integer) is
  '@callable: counts a hit for the caller; 0 when allowed, else seconds to wait';
grant execute on function private.take_rate_limit(text, integer, integer) to authenticated, service_role;
alter function private.take_rate_limit(text, integer, integer) owner to service_role;

-- The scheduled jobs that raise notices and embed knowledge record their runs like the others.
alter table public.cron_runs drop constraint cron_runs_job_check;
alter table public.cron_runs add constraint cron_runs_job_check
  check (job in ('product_sync', 'recurring_work', 'housekeeping', 'pam_notices', 'knowledge_embeddings'));
