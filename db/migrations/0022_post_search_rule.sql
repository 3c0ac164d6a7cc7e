-- The post search asks who reads a post the way the posts' policy does since 0020: the
-- caller's questions once per search, comparisons for each match.
--
-- It filtered its matches with private.can_read_post, a call per matching post, so a word
-- found in every one of 20,000 posts cost about half a second of the server's time, most
-- of it deciding, post by post, who the caller is. Now the rule is 0020's policy
-- expression, term by term: who the caller is, whether they act as an administrator,
-- their groups and their blocks are subqueries run once per search (InitPlans). Whether a
-- post's group is public is asked of the table rather than of private.is_public_group:
-- that function's own query, which Postgres can answer from the public groups read once
-- into a hash, where a call for each public post in someone else's group cost several
-- times the rest of the filter. The rule is 0016's, unchanged; a test holds the search
-- to the posts private.can_read_post allows.
--
-- The function becomes PL/pgSQL, which keeps its plan for the session (an SQL function
-- that cannot be inlined plans its statement again on every call), and the query text is
-- parsed into a tsquery once per search rather than for each match. The plan is generic,
-- as the SQL function's was: planned for the words in hand, a common word would have the
-- posts read in full and every body parsed twice, once to match and once to rank, where
-- the GIN index finds the matches and each readable one is parsed once, to rank it. That
-- parse is now most of what a common word costs.
--
-- Still security definer, for the reason given in 0016: under row-level security the
-- planner will not use the index for the (leaky) @@ operator.
create or replace function private.search_posts(search text)
returns table (post_id uuid, rank real)
language plpgsql stable security definer
set search_path = ''
set plan_cache_mode = force_generic_plan
as $$
declare
  matching pg_catalog.tsquery := pg_catalog.websearch_to_tsquery('pg_catalog.english'::pg_catalog.regconfig, search);
begin
  return query
    select p.id, pg_catalog.ts_rank(pg_catalog.to_tsvector('pg_catalog.english'::pg_catalog.regconfig, p.content), matching)
      from public.posts p
     where pg_catalog.to_tsvector('pg_catalog.english'::pg_catalog.regconfig, p.content) operator(pg_catalog.@@) matching
       and (p.author_id = (select auth.uid())
            or (p.visibility <> 'private' and (select private.is_admin()))
            or (p.is_active and p.hidden_at is null
                and p.author_id <> all ((select private.blocked_with_ids())::uuid[])
                and ((p.visibility in ('public', 'group') and p.group_id = any ((select private.member_group_ids())::uuid[]))
                     or (p.visibility = 'public'
                         and (p.group_id is null
                              or exists (select 1 from public.social_groups g
                                          where g.id = p.group_id and g.privacy_level = 'public' and g.is_active))))));
end
$$;
comment on function private.search_posts(text) is
  '@callable: post text search; ids and relevance of matching posts the caller may read';
grant execute on function private.search_posts(text) to authenticated, service_role;
alter function private.search_posts(text) owner to service_role;
