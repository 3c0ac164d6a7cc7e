-- PAM, the assistant: conversations, messages, and the user's knowledge base.

create table public.pam_conversations (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references public.profiles (id) on delete cascade,
  session_id uuid not null default gen_random_uuid(),
  title text,
  context jsonb,
  -- Kept by the message trigger.
  message_count integer not null default 0 check (message_count >= 0),
  last_activity timestamptz not null default now(),
  is_active boolean not null default true,
  created_at timestamptz not null default now()
);
create index idx_pam_conversations_user_activity on public.pam_conversations (user_id, last_activity desc);

alter table public.pam_conversations enable row level security;
alter table public.pam_conversations force row level security;
create policy "users read own conversations" on public.pam_conversations
  for select to authenticated using (user_id = (select auth.uid()));
create policy "users start conversations" on public.pam_conversations
  for insert to authenticated
  with check (user_id = (select auth.uid()) and message_count = 0);
create policy "users update own conversations" on public.pam_conversations
  for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
create policy "users delete own conversations" on public.pam_conversations
  for delete to authenticated using (user_id = (select auth.uid()));
grant select, insert, delete on public.pam_conversations to authenticated;
grant update (title, context, is_active) on public.pam_conversations to authenticated;

create table public.pam_messages (
  id uuid primary key default gen_random_uuid(),
  conversation_id uuid not null references public.pam_conversations (id) on delete cascade,
  role text not null check (role in ('user', 'assistant', 'system')),
  content text not null,
  metadata jsonb,                      -- token usage, tool calls, timings
  created_at timestamptz not null default now()
);
create index idx_messages_conversation_created on public.pam_messages (conversation_id, created_at);

-- Departure from SCHEMA.md: it only let users read messages; the chat handler writes
-- both sides of the exchange with the user's own rights.
alter table public.pam_messages enable row level security;
alter table public.pam_messages force row level security;
create policy "users read messages of own conversations" on public.pam_messages
  for select to authenticated
  using (exists (select 1 from public.pam_conversations c where c.id = conversation_id));
create policy "users add messages to own conversations" on public.pam_messages
  for insert to authenticated
  with check (role in ('user', 'assistant')
              and exists (select 1 from public.pam_conversations c where c.id = conversation_id));
grant select, insert on public.pam_messages to authenticated;

create function private.track_conversation_activity() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  update public.pam_conversations
     set message_count = message_count + 1,
         last_activity = greatest(last_activity, new.created_at)
   where id = new.conversation_id;
  return null;
end
$$;
create trigger track_conversation_activity after insert on public.pam_messages
  for each row execute function private.track_conversation_activity();

create table public.user_knowledge (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references public.profiles (id) on delete cascade,
  title text not null,
  content text not null,
  document_type text,                  -- pdf, text, url, ...
  source_url text,
  embedding vector(1536),
  metadata jsonb,
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index idx_user_knowledge_user on public.user_knowledge (user_id, created_at desc);
create index idx_user_knowledge_search on public.user_knowledge using gin (to_tsvector('english', content));
-- Departure from SCHEMA.md: HNSW instead of IVFFlat. IVFFlat built on an empty table
-- has no useful lists and must be rebuilt as data arrives; HNSW needs no training.
create index idx_user_knowledge_embedding on public.user_knowledge using hnsw (embedding vector_cosine_ops);
create trigger set_updated_at before update on public.user_knowledge
  for each row execute function private.set_updated_at();

alter table public.user_knowledge enable row level security;
alter table public.user_knowledge force row level security;
create policy "users read own knowledge" on public.user_knowledge
  for select to authenticated using (user_id = (select auth.uid()));
create policy "users add own knowledge" on public.user_knowledge
  for insert to authenticated with check (user_id = (select auth.uid()));
create policy "users update own knowledge" on public.user_knowledge
  for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
create policy "users delete own knowledge" on public.user_knowledge
  for delete to authenticated using (user_id = (select auth.uid()));
grant select, insert, delete on public.user_knowledge to authenticated;
grant update (title, content, document_type, source_url, embedding, metadata, is_active)
  on public.user_knowledge to authenticated;
