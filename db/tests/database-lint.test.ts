import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.ts';
import type { SqlClient } from '../sql-client.ts';

// Catalog checks in the spirit of Supabase's splinter. Each returns its offenders, so an
// empty list means the schema passes; the second describe proves each one can fail.

/** Schemas Postgres itself owns; everything else is ours. */
const systemSchemas = `('pg_catalog', 'information_schema', 'pg_toast')`;

/** Tables whose rows anyone may read, signed in or not (API.md's public endpoints). */
const anonReadableTables = ['public.comments', 'public.posts', 'public.shop_products', 'public.social_groups'];

/** Tables allowed a policy that admits every row. Deliberately none. */
const tablesAllowedUnconditionalPolicies: string[] = [];

async function offenders(db: SqlClient, sql: string, params: unknown[] = []): Promise<string[]> {
  const { rows } = await db.query<{ offender: string }>(sql, params);
  return rows.map((row) => row.offender);
}

function tablesWithoutRls(db: SqlClient) {
  return offenders(
    db,
    `select format('%s.%s', n.nspname, c.relname) as offender
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname in ('public', 'auth') and c.relkind in ('r', 'p') and not c.relrowsecurity
      order by 1`,
  );
}

// Every table in these schemas holds user or operator data. Without FORCE, whoever owns
// a table (a non-superuser migrator, or service_role-owned definer functions) skips its
// policies silently.
function tablesWithoutForcedRls(db: SqlClient) {
  return offenders(
    db,
    `select format('%s.%s', n.nspname, c.relname) as offender
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname in ('public', 'auth') and c.relkind in ('r', 'p') and not c.relforcerowsecurity
      order by 1`,
  );
}

/** A policy on a table without RLS looks like protection and does nothing. */
function policiesOnTablesWithoutRls(db: SqlClient) {
  return offenders(
    db,
    `select format('%s.%s: %s', n.nspname, c.relname, pol.polname) as offender
       from pg_policy pol
       join pg_class c on c.oid = pol.polrelid
       join pg_namespace n on n.oid = c.relnamespace
      where not c.relrowsecurity
      order by 1`,
  );
}

/** RLS without policies denies API roles everything; only intended for `@service-only` tables. */
function rlsTablesWithoutPolicies(db: SqlClient) {
  return offenders(
    db,
    `select format('%s.%s', n.nspname, c.relname) as offender
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname not in ${systemSchemas}
        and c.relkind in ('r', 'p') and c.relrowsecurity
        and not exists (select 1 from pg_policy pol where pol.polrelid = c.oid)
        and coalesce(obj_description(c.oid, 'pg_class'), '') not like '%@service-only%'
      order by 1`,
  );
}

// A view runs with its owner's rights unless told otherwise, which skips the RLS of
// every table it reads. Only the canonical spelling counts, so a reviewer can grep it.
function viewsWithoutSecurityInvoker(db: SqlClient) {
  return offenders(
    db,
    `select format('%s.%s', n.nspname, c.relname) as offender
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'v'
        and not coalesce(c.reloptions, '{}') @> array['security_invoker=true']
      order by 1`,
  );
}

// Without a pinned search_path, a function resolves names through the caller's path,
// so anyone able to create objects earlier in that path can substitute their own.
// Extension functions (pgvector's) are the extension's business.
function functionsWithMutableSearchPath(db: SqlClient) {
  return offenders(
    db,
    `select format('%s.%s(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)) as offender
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname in ('public', 'private', 'auth')
        and not exists (select 1 from unnest(coalesce(p.proconfig, '{}')) setting
                         where setting like 'search_path=%')
        and not exists (select 1 from pg_depend d
                         where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
      order by 1`,
  );
}

/** Owner's rights reachable by API roles must be a deliberate, documented entry point. */
function definerFunctionsExposedToApiRoles(db: SqlClient) {
  return offenders(
    db,
    `select format('%s.%s(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)) as offender
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname not in ${systemSchemas}
        and p.prosecdef
        and (has_function_privilege('anon', p.oid, 'execute')
             or has_function_privilege('authenticated', p.oid, 'execute'))
        and coalesce(obj_description(p.oid, 'pg_proc'), '') not like '@callable%'
      order by 1`,
  );
}

/**
 * Tables force RLS, so a definer function owned by an ordinary migration role (Neon's
 * owner is not a superuser) would see nothing. Each must be owned by a role that bypasses
 * RLS: service_role, or a superuser.
 */
function definerFunctionsSubjectToRls(db: SqlClient) {
  return offenders(
    db,
    `select format('%s.%s(%s) owned by %s', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid), r.rolname) as offender
       from pg_proc p
       join pg_namespace n on n.oid = p.pronamespace
       join pg_roles r on r.oid = p.proowner
      where n.nspname in ('public', 'private', 'auth')
        and p.prosecdef
        and r.rolname <> 'service_role'
      order by 1`,
  );
}

function unconditionalPolicies(db: SqlClient) {
  return offenders(
    db,
    `select format('%s.%s: %s', schemaname, tablename, policyname) as offender
       from pg_policies
      where (qual = 'true' or with_check = 'true')
        and format('%s.%s', schemaname, tablename) <> all ($1::text[])
      order by 1`,
    [tablesAllowedUnconditionalPolicies],
  );
}

// Postgres accepts such a policy but fails every statement it applies to with
// "infinite recursion detected in policy"; the question belongs in a private helper.
// Read from the deparsed expressions, where a table of the search path is unqualified.
function policiesReadingTheirOwnTable(db: SqlClient) {
  return offenders(
    db,
    `select format('%s.%s: %s', schemaname, tablename, policyname) as offender
       from pg_policies
      where concat_ws(' ', qual, with_check)
            ~ format('(FROM|JOIN) (%s\\.)?%s( |\\)|$)', schemaname, tablename)
      order by 1`,
  );
}

// Effective privileges rather than grant rows: they also count grants to PUBLIC, and a
// column-level grant counts as much as a table-level one.
function anonWritePrivileges(db: SqlClient) {
  return offenders(
    db,
    `select format('%s.%s: %s', n.nspname, c.relname, privilege) as offender
       from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
       cross join unnest(array['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE']) privilege
      where n.nspname not in ${systemSchemas}
        and c.relkind in ('r', 'p', 'v', 'm', 'f')
        and case when privilege in ('INSERT', 'UPDATE')
                 then has_any_column_privilege('anon', c.oid, privilege)
                 else has_table_privilege('anon', c.oid, privilege) end
      order by 1`,
  );
}

function anonReadsBeyondPublicData(db: SqlClient) {
  return offenders(
    db,
    `select format('%s.%s', n.nspname, c.relname) as offender
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname not in ${systemSchemas}
        and c.relkind in ('r', 'p', 'v', 'm', 'f')
        and has_any_column_privilege('anon', c.oid, 'SELECT')
        and format('%s.%s', n.nspname, c.relname) <> all ($1::text[])
      order by 1`,
    [anonReadableTables],
  );
}

function tablesWithUnstampedUpdatedAt(db: SqlClient) {
  return offenders(
    db,
    `select format('%s.%s', n.nspname, c.relname) as offender
       from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid and a.attname = 'updated_at' and not a.attisdropped
      where n.nspname not in ${systemSchemas}
        and c.relkind in ('r', 'p')
        and not exists (
          select 1 from pg_trigger t
           where t.tgrelid = c.oid
             and t.tgfoid = 'private.set_updated_at()'::regprocedure
             and t.tgenabled <> 'D'
             -- tgtype bits: 1 row-level, 2 before, 16 update
             and t.tgtype & (1 | 2 | 16) = (1 | 2 | 16))
      order by 1`,
  );
}

const lints = {
  tablesWithoutRls,
  tablesWithoutForcedRls,
  policiesOnTablesWithoutRls,
  rlsTablesWithoutPolicies,
  viewsWithoutSecurityInvoker,
  functionsWithMutableSearchPath,
  definerFunctionsExposedToApiRoles,
  definerFunctionsSubjectToRls,
  unconditionalPolicies,
  policiesReadingTheirOwnTable,
  anonWritePrivileges,
  anonReadsBeyondPublicData,
  tablesWithUnstampedUpdatedAt,
};

let database: TestDatabase;
let db: SqlClient;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.owner;
});
afterAll(async () => {
  await database?.close();
});

describe('the migrated schema passes every lint', () => {
  it.each(Object.entries(lints))('%s reports nothing', async (_name, lint) => {
    expect(await lint(db)).toEqual([]);
  });

  it('finds the objects it is meant to inspect (so an empty report is not vacuous)', async () => {
    const { rows } = await db.query<{ tables: number; views: number; functions: number; stamped: number }>(
      `select
         (select count(*)::int from pg_tables where schemaname in ('public', 'auth')) as tables,
         (select count(*)::int from pg_views where schemaname = 'public') as views,
         (select count(*)::int from pg_proc p join pg_namespace n on n.oid = p.pronamespace
           where n.nspname in ('public', 'private', 'auth') and p.prosecdef) as functions,
         (select count(*)::int from information_schema.columns
           where column_name = 'updated_at' and table_schema in ('public', 'auth')) as stamped`,
    );
    expect(rows[0].tables).toBeGreaterThanOrEqual(29);
    expect(rows[0].views).toBeGreaterThanOrEqual(1);
    expect(rows[0].functions).toBeGreaterThanOrEqual(10);
    expect(rows[0].stamped).toBeGreaterThanOrEqual(15);
  });
});

describe('each lint reports a deliberately bad object', () => {
  /** Creates the bad objects, runs the lint, and leaves the database as it was. */
  async function offendersAfter(setup: string, lint: (db: SqlClient) => Promise<string[]>) {
    await db.exec('begin');
    try {
      await db.exec(setup);
      return await lint(db);
    } finally {
      await db.exec('rollback');
    }
  }

  it('a table without RLS', async () => {
    const found = await offendersAfter(`create table public.lint_probe (id int)`, tablesWithoutRls);
    expect(found).toEqual(['public.lint_probe']);
  });

  it('a table with RLS enabled but not forced', async () => {
    const found = await offendersAfter(
      `create table auth.lint_probe (id int);
       alter table auth.lint_probe enable row level security;`,
      tablesWithoutForcedRls,
    );
    expect(found).toEqual(['auth.lint_probe']);
  });

  it('a policy on a table whose RLS is off, including one switched off later', async () => {
    const found = await offendersAfter(
      `create table public.lint_probe (id int);
       create policy "reads positive ids" on public.lint_probe for select using (id > 0);
       alter table public.todos disable row level security;`,
      policiesOnTablesWithoutRls,
    );
    expect(found).toContain('public.lint_probe: reads positive ids');
    expect(found).toContain('public.todos: users read own todos');
  });

  it('an RLS table without policies, unless it is marked @service-only', async () => {
    const found = await offendersAfter(
      `create table public.lint_probe (id int);
       alter table public.lint_probe enable row level security;
       create table public.lint_probe_service (id int);
       alter table public.lint_probe_service enable row level security;
       comment on table public.lint_probe_service is '@service-only: written by webhooks';`,
      rlsTablesWithoutPolicies,
    );
    expect(found).toEqual(['public.lint_probe']);
  });

  it('a view without security_invoker, or with it switched off', async () => {
    const found = await offendersAfter(
      `create view public.lint_probe_default as select id, user_id from public.todos;
       create view public.lint_probe_off with (security_invoker = false) as select id from public.todos;`,
      viewsWithoutSecurityInvoker,
    );
    expect(found).toEqual(['public.lint_probe_default', 'public.lint_probe_off']);
  });

  it('a function without a pinned search_path', async () => {
    const found = await offendersAfter(
      `create function private.lint_probe(n int) returns int language sql as 'select n + 1';
       create function public.lint_probe_pinned() returns int language sql set search_path = '' as 'select 1';`,
      functionsWithMutableSearchPath,
    );
    expect(found).toEqual(['private.lint_probe(n integer)']);
  });

  it('a SECURITY DEFINER function anon or authenticated can run without @callable', async () => {
    const found = await offendersAfter(
      `create function public.lint_probe_for_users() returns int
         language sql security definer set search_path = '' as 'select 1';
       grant execute on function public.lint_probe_for_users() to authenticated;
       create function private.lint_probe_for_everyone() returns int
         language sql security definer set search_path = '' as 'select 1';
       grant execute on function private.lint_probe_for_everyone() to public;
       create function public.lint_probe_documented() returns int
         language sql security definer set search_path = '' as 'select 1';
       comment on function public.lint_probe_documented() is '@callable: a deliberate entry point';
       grant execute on function public.lint_probe_documented() to authenticated;
       create function public.lint_probe_not_granted() returns int
         language sql security definer set search_path = '' as 'select 1';`,
      definerFunctionsExposedToApiRoles,
    );
    expect(found).toEqual(['private.lint_probe_for_everyone()', 'public.lint_probe_for_users()']);
  });

  it('a SECURITY DEFINER function not owned by service_role', async () => {
    const found = await offendersAfter(
      `create function private.lint_probe_owned_by_migrator() returns int
         language sql security definer set search_path = '' as 'select 1';
       create function private.lint_probe_owned_by_service() returns int
         language sql security definer set search_path = '' as 'select 1';
       alter function private.lint_probe_owned_by_service() owner to service_role;`,
      definerFunctionsSubjectToRls,
    );
    expect(found.filter((f) => f.includes('lint_probe'))).toEqual(['private.lint_probe_owned_by_migrator() owned by postgres']);
  });

  it('a policy with USING (true) or WITH CHECK (true)', async () => {
    const found = await offendersAfter(
      `create policy "everyone reads todos" on public.todos for select to authenticated using (true);
       create policy "everyone adds budgets" on public.budgets for insert to authenticated with check (true);`,
      unconditionalPolicies,
    );
    expect(found).toEqual(['public.budgets: everyone adds budgets', 'public.todos: everyone reads todos']);
  });

  it('a policy that reads its own table', async () => {
    const found = await offendersAfter(
      `create policy "replies to known comments" on public.comments for insert to authenticated
         with check (parent_comment_id is null
                     or exists (select 1 from public.comments c where c.id = comments.parent_comment_id));
       create policy "one budget per name" on public.budgets for insert to authenticated
         with check (not exists (select 1 from public.todos t join public.budgets b on b.id = t.budget_id));`,
      policiesReadingTheirOwnTable,
    );
    expect(found).toEqual(['public.budgets: one budget per name', 'public.comments: replies to known comments']);
  });

  it('anon allowed to write, through table, column or PUBLIC grants', async () => {
    const found = await offendersAfter(
      `grant insert on public.todos to anon;
       grant update (title) on public.posts to anon;
       grant delete on public.comments to public;
       grant truncate on auth.users to anon;`,
      anonWritePrivileges,
    );
    expect(found).toEqual([
      'auth.users: TRUNCATE',
      'public.comments: DELETE',
      'public.posts: UPDATE',
      'public.todos: INSERT',
    ]);
  });

  it('anon allowed to read a table that is not public data, even one column of it', async () => {
    const found = await offendersAfter(
      `grant select on public.budget_summaries to anon;
       grant select (email) on public.profiles to anon;`,
      anonReadsBeyondPublicData,
    );
    expect(found).toEqual(['public.budget_summaries', 'public.profiles']);
  });

  it('a table with updated_at but no BEFORE UPDATE trigger calling private.set_updated_at', async () => {
    const found = await offendersAfter(
      `drop trigger set_updated_at on public.todos;
       create table public.lint_probe (id int, updated_at timestamptz);
       create trigger set_updated_at after update on public.lint_probe
         for each row execute function private.set_updated_at();`,
      tablesWithUnstampedUpdatedAt,
    );
    expect(found).toEqual(['public.lint_probe', 'public.todos']);
  });
});
