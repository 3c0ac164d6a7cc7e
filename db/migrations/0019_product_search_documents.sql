-- Product search ranked each match by computing its document again (ts_rank over
-- private.product_search_document(...)), and rechecked rows the same way: at 3,000
-- products a search for a common word spent its time in to_tsvector, not in the index.
-- The document is now stored, once per product change, beside the catalogue; the search
-- matches and ranks the stored one. It lives in the private schema so the catalogue's
-- rows, and every answer built from them, stay as they were.
create table private.product_search_documents (
  product_id uuid primary key references public.shop_products (id) on delete cascade,
  document tsvector not null
);
comment on table private.product_search_documents is
  '@service-only: each product''s search document (name, description, tags), kept by a trigger on shop_products and read by private.search_active_products';
alter table private.product_search_documents enable row level security;
alter table private.product_search_documents force row level security;
grant all on private.product_search_documents to service_role;
create index idx_product_search_documents on private.product_search_documents using gin (document);

insert into private.product_search_documents (product_id, document)
select p.id, private.product_search_document(p.name, p.description, p.tags)
  from public.shop_products p;

-- Runs with service_role's rights, as the search does: whoever changes a product (an
-- administrator, the product sync) cannot write this table directly.
create function private.store_product_search_document() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  insert into private.product_search_documents (product_id, document)
  values (new.id, private.product_search_document(new.name, new.description, new.tags))
  on conflict (product_id) do update set document = excluded.document;
  return null;
end
$$;
alter function private.store_product_search_document() owner to service_role;

create trigger store_product_search_document
  after insert or update of name, description, tags on public.shop_products
  for each row execute function private.store_product_search_document();

create or replace function private.search_active_products(search text)
returns table (product_id uuid, rank real)
language sql stable security definer
set search_path = ''
as $$
  -- As before, the query is spelled out in the condition so the planner can use the index.
  select p.id,
         pg_catalog.ts_rank(d.document,
                            pg_catalog.websearch_to_tsquery('pg_catalog.english'::pg_catalog.regconfig, search))
    from private.product_search_documents d
    join public.shop_products p on p.id = d.product_id
   where p.is_active
     and d.document operator(pg_catalog.@@) pg_catalog.websearch_to_tsquery('pg_catalog.english'::pg_catalog.regconfig, search)
$$;

drop index public.idx_shop_products_search;
