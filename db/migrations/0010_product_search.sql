-- Full-text search over the catalogue (GET /api/v1/products?q=): name, description and
-- tags as one English document, indexed with GIN.
--
-- The index and the query must compute the very same expression, so it lives in one
-- function. array_to_string is only STABLE (in general its result depends on the element
-- type's output function), which an index expression does not accept; for text[] it
-- cannot change, so the wrapper may honestly be IMMUTABLE. The text search configuration
-- is named explicitly for the same reason: default_text_search_config is a setting.
create function private.product_search_document(product_name text, product_description text, product_tags text[])
returns tsvector
language sql immutable parallel safe
set search_path = ''
as $$
  select pg_catalog.to_tsvector(
    'pg_catalog.english'::pg_catalog.regconfig,
    product_name || ' ' || coalesce(product_description, '') || ' '
      || coalesce(pg_catalog.array_to_string(product_tags, ' '), '')
  )
$$;
grant execute on function private.product_search_document(text, text, text[]) to anon, authenticated, service_role;

create index idx_shop_products_search on public.shop_products
  using gin (private.product_search_document(name, description, tags));

-- Under RLS the planner may not evaluate a caller's condition before the policy's unless
-- its operator is leakproof, and the text search match (@@) is not: queried as anon or
-- authenticated, the index above would never be used. The search therefore runs with the
-- owner's rights, and makes up for bypassing the policy by returning active products
-- only, the same rows "anyone reads active products" shows to everyone.
create function private.search_active_products(search text)
returns table (product_id uuid, rank real)
language sql stable security definer
set search_path = ''
as $$
  -- The query is spelled out in the condition, not joined in from FROM: the planner
  -- needs it as an expression of the parameter to make it an index condition.
  select p.id,
         pg_catalog.ts_rank(private.product_search_document(p.name, p.description, p.tags),
                            pg_catalog.websearch_to_tsquery('pg_catalog.english'::pg_catalog.regconfig, search))
    from public.shop_products p
   where p.is_active
     and private.product_search_document(p.name, p.description, p.tags)
         operator(pg_catalog.@@) pg_catalog.websearch_to_tsquery('pg_catalog.english'::pg_catalog.regconfig, search)
$$;
comment on function private.search_active_products(text) is
  '@callable: catalogue text search; ids and relevance of matching active products, which are public';
grant execute on function private.search_active_products(text) to anon, authenticated, service_role;
-- As in 0009: owned by service_role, which bypasses RLS, so the search sees the catalogue
-- whoever runs the migrations.
alter function private.search_active_products(text) owner to service_role;
