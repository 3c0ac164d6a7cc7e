-- PAM's knowledge: what a user saved (notes, pasted articles, the campsite list a friend
-- sent) and the travel tips administrators publish for everyone, searched by meaning and
-- by words (functions/knowledge/, GET /api/v1/knowledge/search).
--
-- How it is stored. A document stays one row of public.user_knowledge, as the user wrote
-- it. Its content is cut into chunks (functions/knowledge/chunking.ts: whole paragraphs,
-- else sentences, else words, within a token budget, each chunk repeating the end of the
-- one before), one row each in public.knowledge_chunks, because a chunk is the
-- unit of everything search does: it has its own vector, its own full-text vector, its own
-- embedding state (a provider outage leaves some chunks waiting while others are done), and
-- it is what a search result quotes. A document's whole content would be too long to embed
-- well and too long to show as an answer. Chunks share their document's title (weighted
-- above the passage in the full-text vector, and put before the passage when it is
-- embedded) and its metadata (read from the document, not copied).
--
-- Chunks never change text: saving a new title or content replaces all of a document's
-- chunks in the same transaction, so a chunk's text, its full-text vector and its
-- embedding always belong together, and deleting a document deletes its chunks. Only the
-- embedding columns change afterwards, and only PAM writes them (service_role: the work
-- handed on after the request that saved the document, and the scheduled retries).
--
-- Nothing wrote user_knowledge before this migration (no route, no seed), so there are no
-- documents without chunks to cut here.

-- Documents are no longer embedded whole: the vector and its index move to the chunks, and
-- so does full-text search (a GIN index over all of a document's content served nothing).
drop index public.idx_user_knowledge_search;
drop index public.idx_user_knowledge_embedding;
alter table public.user_knowledge drop column embedding;

-- Shared entries belong to no user. Being shared is said explicitly, not only by a missing
-- owner: a personal document written without an owner (by PAM's own code, where auth.uid()
-- is null) fails the check instead of quietly becoming everyone's.
alter table public.user_knowledge alter column user_id drop not null;
alter table public.user_knowledge add column is_shared boolean not null default false;
alter table public.user_knowledge add constraint user_knowledge_owner_or_shared
  check ((user_id is null) = is_shared);
comment on column public.user_knowledge.is_shared is
  'Published by an administrator for every user: no owner, readable by all, changed only inside the admin scope';

-- The policies say `user_id is null` for shared (the same rows, by the check above): it is
-- what the index on (user_id, created_at) can find.
drop policy "users read own knowledge" on public.user_knowledge;
create policy "users read own and shared knowledge" on public.user_knowledge
  for select to authenticated using (user_id = (select auth.uid()) or user_id is null);
create policy "admins publish shared knowledge" on public.user_knowledge
  for insert to authenticated with check (user_id is null and (select private.is_admin()));
create policy "admins change shared knowledge" on public.user_knowledge
  for update to authenticated
  using (user_id is null and (select private.is_admin())) with check (user_id is null and (select private.is_admin()));
create policy "admins remove shared knowledge" on public.user_knowledge
  for delete to authenticated using (user_id is null and (select private.is_admin()));

create table public.knowledge_chunks (
  id uuid primary key default gen_random_uuid(),
  document_id uuid not null references public.user_knowledge (id) on delete cascade,
  -- The document's owner (null for a shared document), copied by the trigger below. Search
  -- filters by it on every query, and the filter has to be on this row for an index to serve
  -- it (see the index choice below).
  user_id uuid,
  position integer not null check (position >= 0),
  content text not null,
  token_count integer not null check (token_count > 0),
  -- The document's title (weight A) and this passage (weight B), English configuration.
  search_vector tsvector not null,
  embedding vector(1536),
  -- Vectors of different models are not comparable; search uses the current model's only,
  -- and the scheduled job re-embeds chunks another model embedded.
  embedding_model text,
  -- pending: not tried yet; embedded: done; failed: the last attempt failed, the next one
  -- is due at next_attempt_at (one minute after the first failure, doubling, at most six
  -- hours apart, for as long as it takes: an outage delays a chunk, it never drops it).
  embedding_status text not null default 'pending' check (embedding_status in ('pending', 'embedded', 'failed')),
  attempts integer not null default 0 check (attempts >= 0),
  next_attempt_at timestamptz not null default now(),
  last_error text,
  embedded_at timestamptz,
  created_at timestamptz not null default now(),
  unique (document_id, position),
  constraint knowledge_chunks_embedded_has_vector
    check (embedding_status <> 'embedded' or (embedding is not null and embedding_model is not null))
);
comment on table public.knowledge_chunks is
  'The passages of user_knowledge documents that search ranks: full-text and vector, with each chunk''s embedding state';
-- What the scheduled job looks for: chunks still to embed, soonest due first.
create index idx_knowledge_chunks_due on public.knowledge_chunks (next_attempt_at)
  where embedding_status <> 'embedded';

-- The index for search, measured before choosing (bench/knowledge-index.ts on PostgreSQL 15
-- with pgvector 0.8.0, on the project's 2-core machine while other work ran on it).
-- 101,000 chunks: 100,000 over 1,000 users (log-normal sizes: median 58 chunks, the top
-- tenth 229 or more, the largest 1,475) and 1,000 shared ones. 300 questions, each asked as
-- its user (role authenticated, row-level security on) for the 10 nearest chunks by cosine
-- distance; recall@10 against the exact answer, latency of the statement:
--
--   vector index                                      recall@10  p50 ms  p99 ms
--   none: the btree on user_id, an exact scan             1.000     7.0    18.9
--   HNSW (m 16, ef_construction 64), ef_search 40         0.241     8.4    30.6
--     with iterative scan, relaxed order                  0.747    30.5   276.1
--     with iterative scan, strict order                   0.260   131.9   413.1
--   HNSW, ef_search 200, iterative scan, relaxed order    0.774    57.6   364.0
--
-- A user's rows are a thousandth of the table: of the 40 candidates a plain HNSW scan
-- returns, the policy keeps almost only shared chunks, and iterative scans, which go on
-- searching (up to hnsw.max_scan_tuples, 20,000), still miss a quarter of the answer at
-- several times the latency. The exact scan reads the caller's rows and the shared ones
-- through the btree (a BitmapOr of user_id = caller and user_id is null) and sorts them by
-- distance: every answer right, 12 ms at the median for the heaviest tenth of users. Given
-- both indexes the planner chose this scan anyway, so an HNSW index would cost its build
-- (120 s here) and every write, and serve nothing. Hence no vector index, and this btree.
-- The whole hybrid search (both rankings and their fusion) took 30 ms at the median and
-- 74 ms at p99 on the same data. Measure again when users keep tens of thousands of chunks
-- each, or shared knowledge grows as large.
--
-- No GIN index on search_vector either: under RLS the planner cannot apply the text match
-- (@@, not leakproof) before the policy's filter, so such an index would go unused (see
-- 0010), and the same btree has already narrowed the rows to the caller's.
create index idx_knowledge_chunks_user on public.knowledge_chunks (user_id);

-- Owner and full-text vector come from the document, whatever the inserting statement says,
-- so a chunk cannot be filed under someone else or be found by words it does not hold. Runs
-- with the caller's rights: a document the caller cannot see cannot take chunks.
create function private.fill_knowledge_chunk() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  document record;
begin
  select d.user_id, d.title into document from public.user_knowledge d where d.id = new.document_id;
  if not found then
    raise exception using errcode = 'insufficient_privilege',
      message = 'a chunk needs a document the caller can see';
  end if;
  new.user_id := document.user_id;
  new.search_vector :=
    pg_catalog.setweight(pg_catalog.to_tsvector('pg_catalog.english'::pg_catalog.regconfig, document.title), 'A')
    operator(pg_catalog.||)
    pg_catalog.setweight(pg_catalog.to_tsvector('pg_catalog.english'::pg_catalog.regconfig, new.content), 'B');
  return new;
end
$$;
create trigger fill_knowledge_chunk before insert on public.knowledge_chunks
  for each row execute function private.fill_knowledge_chunk();

-- Users read their own chunks and the shared ones, add and remove chunks of their own
-- documents (as the routes re-cut them), and never change one. Inside the admin scope an
-- administrator does the same for shared documents. The embedding columns are PAM's.
alter table public.knowledge_chunks enable row level security;
alter table public.knowledge_chunks force row level security;
create policy "users read own and shared chunks" on public.knowledge_chunks
  for select to authenticated using (user_id = (select auth.uid()) or user_id is null);
create policy "users add chunks to own knowledge" on public.knowledge_chunks
  for insert to authenticated with check (user_id = (select auth.uid()));
create policy "admins add chunks to shared knowledge" on public.knowledge_chunks
  for insert to authenticated with check (user_id is null and (select private.is_admin()));
create policy "users remove chunks of own knowledge" on public.knowledge_chunks
  for delete to authenticated using (user_id = (select auth.uid()));
create policy "admins remove chunks of shared knowledge" on public.knowledge_chunks
  for delete to authenticated using (user_id is null and (select private.is_admin()));
grant select, delete on public.knowledge_chunks to authenticated;
grant insert (document_id, position, content, token_count) on public.knowledge_chunks to authenticated;
-- 0009's blanket grant covered only the tables that existed then.
grant all on public.knowledge_chunks to service_role;
