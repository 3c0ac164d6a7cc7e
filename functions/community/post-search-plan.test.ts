import { describe, expect, test } from '../../test/support/fixtures.ts';

/**
 * The feed's text search (`GET /api/v1/posts?q=`) is private.search_posts (migrations 0016
 * and 0022): the GIN index on post bodies can only serve it with the owner's rights,
 * because under row-level security the planner will not use an index for the leaky @@
 * operator. It applies the posts' read rule itself, asking the caller's questions once per
 * search (post-read-rule.test.ts holds it to the rule's answers).
 *
 * The plan is read from what the search does: the index's scan count, and how often each
 * function ran (track_functions), counted within one transaction, where the counts are
 * the transaction's own.
 */

/** Posts that match "road"; those up to GEYSERS also match "geyser", two of each kind. */
const POSTS = 5000;
const KINDS = 5;
const GEYSERS = 2 * KINDS;

describe('the post search plan', () => {
  test('reads the GIN index on post bodies, and asks who the caller is once per search, not per match', async ({ api, alice, bob }) => {
    const owner = api.database.owner;
    const { rows: groupRows } = await owner.query<{ id: string; privacy_level: string }>(
      `insert into public.social_groups (creator_id, name, privacy_level)
       values ($1, 'Open road', 'public'), ($1, 'Members only', 'private')
       returning id, privacy_level`,
      [bob.id],
    );
    const openGroup = groupRows.find((g) => g.privacy_level === 'public')!.id;
    const closedGroup = groupRows.find((g) => g.privacy_level === 'private')!.id;
    await owner.query(`insert into public.group_memberships (group_id, user_id) values ($1, $2)`, [closedGroup, alice.id]);
    // Bob's posts, of every kind the rule tells apart; alice reads all but the private ones:
    // public outside groups, public in a public group she is not in, group posts of her
    // group, private, and public ones of her group.
    await owner.query(
      `insert into public.posts (author_id, group_id, visibility, content)
       select $1,
              (array[null, $2, $3, null, $3]::uuid[])[1 + g % ${KINDS}],
              (array['public', 'public', 'group', 'private', 'public'])[1 + g % ${KINDS}],
              'Road report ' || g || case when g <= ${GEYSERS} then ', geysers erupting' else '' end
         from generate_series(1, ${POSTS}) g`,
      [bob.id, openGroup, closedGroup],
    );
    await owner.query('analyze public.posts');
    const readable = POSTS - POSTS / KINDS;
    const claims = JSON.stringify({ sub: alice.id, role: 'authenticated' });

    type Counts = Map<string, number>;
    /** Functions called so far in this transaction, and the GIN index's scans. */
    async function counts(): Promise<{ calls: Counts; indexScans: number }> {
      const { rows } = await owner.query<{ fn: string; calls: number }>(
        `select p.oid::regprocedure::text as fn, pg_stat_get_xact_function_calls(p.oid)::int as calls
           from pg_proc p
          where pg_stat_get_xact_function_calls(p.oid) > 0`,
      );
      const { rows: scans } = await owner.query<{ n: number }>(
        `select pg_stat_get_xact_numscans('public.idx_posts_content_search'::regclass)::int as n`,
      );
      return { calls: new Map(rows.map((row) => [row.fn, row.calls])), indexScans: scans[0].n };
    }
    /** Alice's search for `words`: how many posts it found, the functions it called (and how often), and the index scans. */
    async function searchAsAlice(words: string): Promise<{ found: number; calls: Counts; indexScans: number }> {
      const before = await counts();
      const { rows } = await owner.query<{ n: number }>(`select count(*)::int as n from private.search_posts($1)`, [words]);
      const after = await counts();
      const calls = new Map(
        [...after.calls].map(([fn, n]): [string, number] => [fn, n - (before.calls.get(fn) ?? 0)]).filter(([, n]) => n > 0),
      );
      return { found: rows[0].n, calls, indexScans: after.indexScans - before.indexScans };
    }

    await owner.exec('begin');
    try {
      await owner.query(
        `select set_config('track_functions', 'all', true), set_config('request.jwt.claims', $1, true),
                set_config('role', 'authenticated', true)`,
        [claims],
      );
      // The session's first search also plans the helpers' queries, which calls auth.uid()
      // for the planner's estimates; the plans kept, later searches call only what they run.
      await searchAsAlice('erupting');
      const rare = await searchAsAlice('geyser');
      const common = await searchAsAlice('road');

      expect(rare.found).toBe(GEYSERS - GEYSERS / KINDS);
      expect(common.found).toBe(readable);
      expect(rare.indexScans).toBeGreaterThan(0);
      expect(common.indexScans).toBeGreaterThan(0);

      // The caller's questions, each asked once per search (InitPlans) ...
      for (const fn of ['private.member_group_ids()', 'private.blocked_with_ids()', 'private.is_admin()']) {
        expect(rare.calls.get(fn), fn).toBe(1);
      }
      // ... and nothing per match: not the one-post rule, nor any other function, so a
      // search that finds every post calls what one that finds ten does, as often.
      expect(rare.calls.get('private.can_read_post(uuid,uuid,text,boolean,timestamp with time zone)')).toBeUndefined();
      expect(Object.fromEntries(common.calls)).toEqual(Object.fromEntries(rare.calls));
    } finally {
      await owner.exec('rollback');
    }

    // The same match asked straight of the table under the caller's own rights: the
    // policy comes first, and the index is never used. This is why the function exists.
    await owner.exec('begin');
    try {
      await owner.query(`select set_config('request.jwt.claims', $1, true), set_config('role', 'authenticated', true)`, [claims]);
      const { rows: plan } = await owner.query<{ 'QUERY PLAN': string }>(
        `explain (costs off) select p.id from public.posts p
          where to_tsvector('english', p.content) @@ websearch_to_tsquery('english', 'geyser')`,
      );
      expect(plan.map((line) => line['QUERY PLAN']).join('\n')).not.toMatch(/idx_posts_content_search/);
    } finally {
      await owner.exec('rollback');
    }
  });
});
