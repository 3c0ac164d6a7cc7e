-- Product search spent most of its time outside the match itself. The catalogue's query
-- joined every match to shop_products and only then sorted by rank, so the planner hashed
-- the whole catalogue (every active product, every column) on each search, to keep 20 rows;
-- building and freeing that table cost several times what the search did. With the
-- product's created_at among the function's columns, the query can sort the matches by
-- their full sort key (rank, created_at, id) first and fetch only the page's products by
-- primary key (functions/shop/catalogue.ts).
--
-- The function also becomes PL/pgSQL: a SQL function that cannot be inlined (security
-- definer, a pinned search_path) has its body parsed and planned again on every call,
-- where PL/pgSQL keeps the plan for the session, and pooled connections last many requests.
-- The query text is parsed into a tsquery once per call, not once per ranked row.
--
-- Still security definer, for the reason given in 0010, and still active products only.
-- The new column means a new function: a result type cannot be changed in place.
drop function private.search_active_products(text);

create function private.search_active_products(search text)
returns table (product_id uuid, rank real, created_at timestamptz)
language plpgsql stable security definer
set search_path = ''
as $$
declare
  matching pg_catalog.tsquery := pg_catalog.websearch_to_tsquery('pg_catalog.english'::pg_catalog.regconfig, search);
begin
  return query
    select p.id, pg_catalog.ts_rank(d.document, matching), p.created_at
      from private.product_search_documents d
      join public.shop_products p on p.id = d.product_id
     where p.is_active
       and d.document operator(pg_catalog.@@) matching;
end
$$;
comment on function private.search_active_products(text) is
  '@callable: catalogue text search; ids, relevance and creation times of matching active products, which are public';
grant execute on function private.search_active_products(text) to anon, authenticated, service_role;
-- As in 0010: owned by service_role, which bypasses RLS.
alter function private.search_active_products(text) owner to service_role;
