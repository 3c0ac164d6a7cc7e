-- What a PostGraphile user adds to PAM's schema so that GraphQL can serve the benchmark's
-- product search: PostGraphile exposes functions of the schemas it is given, and PAM's
-- full-text match lives in `private`. Created by the benchmark on its own database only.
--
-- Not needed for the other scenarios: todos and expenses are tables PostGraphile exposes
-- as they are, and the budget summary is the view budget_summaries.
create schema postgraphile_bench;
grant usage on schema postgraphile_bench to anon, authenticated;

-- The same rows in the same order as PAM's GET /api/v1/products?q=: active products
-- matching the search, by relevance, then newest first. Runs with the caller's rights, so
-- the catalogue's policy applies as it does to PAM's query; the match itself runs with
-- its owner's rights, as it does for PAM, so that it can use the search index.
-- No `set search_path` (the names are qualified): that would keep Postgres from inlining
-- the function into PostGraphile's query, and the page's limit from reaching the sort.
-- PostGraphile exposes it as the connection `searchProducts(search:, first:)`.
create function postgraphile_bench.search_products(search text)
returns setof public.shop_products
language sql stable
as $$
  select p.*
    from public.shop_products p
    join private.search_active_products(search) as match on match.product_id = p.id
   where p.is_active
   order by match.rank desc, p.created_at desc, p.id desc
$$;
grant execute on function postgraphile_bench.search_products(text) to anon, authenticated;
