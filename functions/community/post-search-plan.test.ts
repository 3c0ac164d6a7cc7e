import { describe, expect, test } from '../../test/support/fixtures.ts';

/**
 * The feed's text search (`GET /api/v1/posts?q=`) is private.search_posts (migration
 * 0016): the GIN index on post bodies can only serve it with the owner's rights, because
 * under row-level security the planner will not use an index for the leaky @@ operator.
 * These plans are of the very statement that function runs.
 */

const PLAN_OWNER = 'service_role';

describe('the post search plan', () => {
  test('reads the GIN index on post bodies, and filters what it finds with the policy rule', async ({ api, alice }) => {
    const owner = api.database.owner;
    await owner.query(
      `insert into public.posts (author_id, content, visibility)
       select $1, 'Road report ' || g || case when g % 500 = 0 then ', geysers erupting' else '' end, 'public'
         from generate_series(1, 5000) g`,
      [alice.id],
    );
    await owner.query('analyze public.posts');
    const { rows } = await owner.query<{ body: string }>(`select prosrc as body from pg_proc where oid = 'private.search_posts(text)'::regprocedure`);
    const claims = JSON.stringify({ sub: alice.id, role: 'authenticated' });

    /** EXPLAIN of `statement` as `role`, planned generically as SQL functions plan their statements. */
    async function planOf(role: string, statement: string): Promise<string> {
      await owner.exec('begin');
      try {
        await owner.query(
          `select set_config('request.jwt.claims', $1, true), set_config('role', $2, true), set_config('plan_cache_mode', 'force_generic_plan', true)`,
          [claims, role],
        );
        await owner.query(`prepare post_search(text) as ${statement}`);
        const { rows: plan } = await owner.query<{ 'QUERY PLAN': string }>(`explain (costs off) execute post_search('geyser')`);
        await owner.query('deallocate post_search');
        return plan.map((line) => line['QUERY PLAN']).join('\n');
      } finally {
        await owner.exec('rollback');
      }
    }

    const searchPlan = await planOf(PLAN_OWNER, rows[0].body);
    expect(searchPlan).toMatch(/Bitmap Index Scan on idx_posts_content_search/);
    expect(searchPlan).toMatch(/Index Cond: \(to_tsvector\('english'::regconfig, content\) @@ websearch_to_tsquery\('english'::regconfig, \$1\)\)/);
    expect(searchPlan).toMatch(/Filter: private\.can_read_post\(author_id, group_id, visibility, is_active, hidden_at\)/);

    // The same match asked straight of the table under the caller's own rights: the
    // policy comes first, and the index is never used. This is why the function exists.
    const direct = `select p.id from public.posts p
                     where to_tsvector('english', p.content) @@ websearch_to_tsquery('english', $1)`;
    const directPlan = await planOf('authenticated', direct);
    expect(directPlan).not.toMatch(/idx_posts_content_search/);

    const { rows: found } = await owner.query<{ n: number }>(
      `select count(*)::int as n from public.posts where to_tsvector('english', content) @@ websearch_to_tsquery('english', 'geyser')`,
    );
    expect(found[0].n).toBe(10);
  });
});
