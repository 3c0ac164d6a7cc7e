-- DELETE /api/v1/admin/products/:id deactivates a product instead of deleting it while
-- affiliate sales or wishlists refer to it: deleting would unlink the sales history and
-- silently empty users' wishlists (ON DELETE CASCADE). Administrators deliberately cannot
-- read wishlists, so this answers only the yes/no question, and only to them.
create function private.product_in_use(product uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select private.is_admin()
     and (exists (select 1 from public.affiliate_sales s where s.product_id = product)
          or exists (select 1 from public.user_wishlists w where w.product_id = product))
$$;
comment on function private.product_in_use(uuid) is
  '@callable: tells an administrator whether sales or wishlists still refer to a product';
grant execute on function private.product_in_use(uuid) to authenticated, service_role;
-- As in 0009: owned by service_role, so FORCE ROW LEVEL SECURITY does not hide the rows
-- whoever runs the migrations.
alter function private.product_in_use(uuid) owner to service_role;
