import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SqlClient } from '../../db/sql-client.ts';
import {
  type Actor,
  actAs,
  anonymous,
  createTestDatabase,
  createUser,
  type TestDatabase,
  type TestUser,
} from '../../test/support/database.ts';

/**
 * Who reads a post (migration 0016's rule; 0020 made the policy ask the caller's
 * questions once per statement). Every kind of post, in every kind of group and state,
 * by authors on either side of a block, read by callers from anonymous to an
 * administrator: what the policy lets through, what private.can_read_post says, what
 * the post search finds and which comments show must all be what the rule below says.
 */

type Visibility = 'public' | 'group' | 'private';
type State = 'active' | 'removed' | 'held';

interface Group {
  name: string;
  id: string;
  privacy: 'public' | 'private' | 'invite_only';
  active: boolean;
}

interface Post {
  id: string;
  label: string;
  author: string;
  group: Group | null;
  visibility: Visibility;
  state: State;
}

interface Comment {
  id: string;
  label: string;
  post: Post;
  author: string;
  held: boolean;
}

interface Caller {
  name: string;
  actor: Actor;
  id: string | null;
  /** An administrator acting as one (inside the admin scope). */
  administrator: boolean;
}

let database: TestDatabase;
let db: SqlClient;
const people = {} as Record<'me' | 'other' | 'blockedByMe' | 'blockerOfMe' | 'neighbour' | 'founder' | 'admin', TestUser>;
const groups: Group[] = [];
const posts: Post[] = [];
const comments: Comment[] = [];
/** Active memberships, by user id (whether the group is still active is the rule's business). */
const memberships = new Map<string, Set<string>>();
const blocks: [string, string][] = [];
let callers: Caller[];

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.owner;
  for (const name of ['me', 'other', 'blockedByMe', 'blockerOfMe', 'neighbour', 'founder'] as const) people[name] = await createUser(db);
  people.admin = await createUser(db, { admin: true });

  // `me` belongs to some groups; one of them lapsed; two of them moderation removed.
  const groupPlan: [string, Group['privacy'], { active: boolean; mine: 'member' | 'lapsed' | null }][] = [
    ['public, mine', 'public', { active: true, mine: 'member' }],
    ['public, not mine', 'public', { active: true, mine: null }],
    ['private, mine', 'private', { active: true, mine: 'member' }],
    ['private, not mine', 'private', { active: true, mine: null }],
    ['invite-only, mine', 'invite_only', { active: true, mine: 'member' }],
    ['public, removed, mine', 'public', { active: false, mine: 'member' }],
    ['private, removed, mine', 'private', { active: false, mine: 'member' }],
    ['private, mine lapsed', 'private', { active: true, mine: 'lapsed' }],
  ];
  for (const [name, privacy, { active, mine }] of groupPlan) {
    const id = randomUUID();
    await db.query('insert into public.social_groups (id, creator_id, name, privacy_level) values ($1, $2, $3, $4)', [
      id,
      people.founder.id,
      name,
      privacy,
    ]);
    if (mine) {
      await db.query('insert into public.group_memberships (group_id, user_id, is_active) values ($1, $2, $3)', [
        id,
        people.me.id,
        mine === 'member',
      ]);
      if (mine === 'member') memberOf(people.me.id).add(id);
    }
    memberOf(people.founder.id).add(id);
    if (!active) await db.query('update public.social_groups set is_active = false where id = $1', [id]);
    groups.push({ name, id, privacy, active });
  }

  for (const [blocker, blocked] of [
    [people.me, people.blockedByMe],
    [people.blockerOfMe, people.me],
    [people.admin, people.other],
  ]) {
    await db.query('insert into public.user_blocks (blocker_id, blocked_id) values ($1, $2)', [blocker.id, blocked.id]);
    blocks.push([blocker.id, blocked.id]);
  }

  const authors = { me: people.me, other: people.other, blockedByMe: people.blockedByMe, blockerOfMe: people.blockerOfMe };
  const placements: [Group | null, Visibility][] = [
    [null, 'public'],
    [null, 'private'],
    ...groups.flatMap((group) => (['public', 'group', 'private'] as const).map((v): [Group, Visibility] => [group, v])),
  ];
  for (const [authorName, author] of Object.entries(authors)) {
    for (const [group, visibility] of placements) {
      for (const state of ['active', 'removed', 'held'] as const) {
        posts.push({
          id: randomUUID(),
          label: `${authorName}'s ${visibility} post ${group ? `in the ${group.name} group` : 'outside groups'}, ${state}`,
          author: author.id,
          group,
          visibility,
          state,
        });
      }
    }
  }
  await db.query(
    `insert into public.posts (id, author_id, group_id, visibility, is_active, hidden_at, content)
     select p.id, p.author_id, p.group_id, p.visibility, p.state <> 'removed',
            case when p.state = 'held' then now() end, 'Convoy news: ' || p.label
       from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[])
            as p (id, author_id, group_id, visibility, state, label)`,
    [
      posts.map((p) => p.id),
      posts.map((p) => p.author),
      posts.map((p) => p.group?.id ?? null),
      posts.map((p) => p.visibility),
      posts.map((p) => p.state),
      posts.map((p) => p.label),
    ],
  );

  // On every post: a neighbour's comment, the same held for review, and one by the user `me` blocked.
  for (const post of posts) {
    const comment = (who: string, author: TestUser, held: boolean) =>
      comments.push({ id: randomUUID(), label: `${who} comment on ${post.label}`, post, author: author.id, held });
    comment("the neighbour's", people.neighbour, false);
    comment("the neighbour's held", people.neighbour, true);
    comment("blockedByMe's", people.blockedByMe, false);
  }
  await db.query(
    `insert into public.comments (id, post_id, author_id, hidden_at, content)
     select c.id, c.post_id, c.author_id, case when c.held then now() end, 'Same here'
       from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::boolean[]) as c (id, post_id, author_id, held)`,
    [comments.map((c) => c.id), comments.map((c) => c.post.id), comments.map((c) => c.author), comments.map((c) => c.held)],
  );

  const signedIn = (name: keyof typeof people, administrator = false): Caller => ({
    name,
    actor: people[name],
    id: people[name].id,
    administrator,
  });
  callers = [
    { name: 'anonymous', actor: anonymous, id: null, administrator: false },
    signedIn('me'),
    signedIn('other'),
    signedIn('blockedByMe'),
    signedIn('blockerOfMe'),
    signedIn('neighbour'),
    signedIn('admin', true),
    { name: 'admin outside the admin scope', actor: { ...people.admin, adminScope: false }, id: people.admin.id, administrator: false },
  ];
});
afterAll(async () => {
  await database?.close();
});

function memberOf(userId: string): Set<string> {
  let set = memberships.get(userId);
  if (!set) memberships.set(userId, (set = new Set()));
  return set;
}

const blockedBetween = (a: string | null, b: string) =>
  a !== null && blocks.some(([blocker, blocked]) => (blocker === a && blocked === b) || (blocker === b && blocked === a));

/** The rule, as PAM promises it (functions/community/posts.ts). */
function readsPost(caller: Caller, post: Post): boolean {
  if (caller.id !== null && post.author === caller.id) return true;
  if (caller.administrator && post.visibility !== 'private') return true;
  if (post.state !== 'active' || blockedBetween(caller.id, post.author)) return false;
  const member = caller.id !== null && post.group !== null && post.group.active && memberOf(caller.id).has(post.group.id);
  if (post.visibility === 'public') return post.group === null || (post.group.privacy === 'public' && post.group.active) || member;
  if (post.visibility === 'group') return member;
  return false;
}

/** Comments: their authors always; others on posts they read, unless removed, held or across a block. */
function readsComment(caller: Caller, comment: Comment): boolean {
  if (caller.id !== null && comment.author === caller.id) return true;
  const shown = caller.administrator || (!comment.held && !blockedBetween(caller.id, comment.author));
  return shown && readsPost(caller, comment.post);
}

async function labelsAs<T extends { id: string; label: string }>(caller: Caller, statement: string, all: T[]): Promise<string[]> {
  const byId = new Map(all.map((item) => [item.id, item.label]));
  const { rows } = await actAs(db, caller.actor, (tx) => tx.query<{ id: string }>(statement, [all.map((item) => item.id)]));
  return rows.map((row) => byId.get(row.id) ?? `unknown row ${row.id}`).sort();
}

const expected = <T extends { label: string }>(all: T[], reads: (item: T) => boolean) => all.filter(reads).map((item) => item.label).sort();

describe('who reads a post', () => {
  test('each caller reads exactly the posts the rule shows them, and no other', async () => {
    for (const caller of callers) {
      const seen = await labelsAs(caller, 'select id from public.posts where id = any($1)', posts);
      expect(seen, caller.name).toEqual(expected(posts, (post) => readsPost(caller, post)));
    }
  });

  test('each case of the rule, named: who reads such posts and who does not', async () => {
    const by = (user: TestUser, group?: string) => (p: Post) =>
      p.author === user.id && (group === undefined || p.group?.name === group);
    const active = (p: Post) => p.state === 'active';
    const cases: [string, (post: Post) => boolean, string[], string[]][] = [
      [
        'own private, removed and held posts',
        (p) => by(people.me)(p) && (p.visibility === 'private' || !active(p)),
        ['me'],
        ['anonymous', 'other'],
      ],
      [
        "others' non-private posts, removed or held, across a block too",
        (p) => by(people.other)(p) && p.visibility !== 'private' && !active(p),
        ['admin'],
        ['me', 'admin outside the admin scope', 'anonymous'],
      ],
      [
        "others' private posts",
        (p) => by(people.blockedByMe)(p) && p.visibility === 'private' && active(p),
        ['blockedByMe'],
        ['admin', 'me', 'other'],
      ],
      [
        'public posts across a block, either way',
        (p) => (by(people.blockedByMe)(p) || by(people.blockerOfMe)(p)) && p.group === null && p.visibility === 'public' && active(p),
        ['other', 'anonymous'],
        ['me'],
      ],
      [
        'public posts in a private group',
        (p) => by(people.other, 'private, mine')(p) && p.visibility === 'public' && active(p),
        ['me'],
        ['neighbour', 'anonymous'],
      ],
      [
        'group posts',
        (p) => by(people.other, 'public, mine')(p) && p.visibility === 'group' && active(p),
        ['me'],
        ['neighbour', 'anonymous'],
      ],
      [
        'public posts in a public group',
        (p) => by(people.other, 'public, not mine')(p) && p.visibility === 'public' && active(p),
        ['anonymous', 'me', 'neighbour'],
        [],
      ],
      [
        'posts in a removed group',
        (p) => by(people.other, 'public, removed, mine')(p) && p.visibility !== 'private' && active(p),
        ['admin'],
        ['me', 'anonymous'],
      ],
      [
        'posts in a group whose membership lapsed',
        (p) => by(people.other, 'private, mine lapsed')(p) && p.visibility !== 'private' && active(p),
        ['admin'],
        ['me'],
      ],
    ];
    const seen = new Map<string, Set<string>>();
    for (const caller of callers) {
      seen.set(caller.name, new Set(await labelsAs(caller, 'select id from public.posts where id = any($1)', posts)));
    }
    for (const [what, matches, readers, nonReaders] of cases) {
      const chosen = posts.filter(matches).map((post) => post.label);
      expect(chosen.length, what).toBeGreaterThan(0);
      for (const name of readers) {
        expect(chosen.filter((label) => !seen.get(name)!.has(label)), `${what}, hidden from ${name}`).toEqual([]);
      }
      for (const name of nonReaders) {
        expect(chosen.filter((label) => seen.get(name)!.has(label)), `${what}, shown to ${name}`).toEqual([]);
      }
    }
  });

  test('private.can_read_post, the post search\'s filter, answers the same for every post', async () => {
    for (const caller of callers) {
      // Read past the policy (service_role bypasses it) with the caller's claims, as the search does.
      const actor: Actor = { role: 'service_role', claims: caller.actor.claims, adminScope: caller.actor.adminScope };
      const { rows } = await actAs(db, actor, (tx) =>
        tx.query<{ id: string; readable: boolean | null }>(
          `select id, private.can_read_post(author_id, group_id, visibility, is_active, hidden_at) as readable
             from public.posts where id = any($1)`,
          [posts.map((p) => p.id)],
        ),
      );
      const label = new Map(posts.map((p) => [p.id, p.label]));
      const readable = rows.filter((row) => row.readable === true).map((row) => label.get(row.id)!).sort();
      expect(rows.every((row) => row.readable !== null), caller.name).toBe(true);
      expect(readable, caller.name).toEqual(expected(posts, (post) => readsPost(caller, post)));
    }
  });

  test('the post search finds the posts the caller reads', async () => {
    for (const caller of callers.filter((c) => c.id !== null)) {
      const found = await labelsAs(
        caller,
        `select m.post_id as id from private.search_posts('convoy') m where m.post_id = any($1)`,
        posts,
      );
      expect(found, caller.name).toEqual(expected(posts, (post) => readsPost(caller, post)));
    }
  });

  test('private.can_read_post gives the answer of the rule as 0016 wrote it, for any arguments, nulls included', async () => {
    const group = (name: string) => groups.find((g) => g.name === name)!.id;
    const authors = [people.me.id, people.other.id, people.blockedByMe.id, people.blockerOfMe.id, null];
    const inGroups = [
      null,
      ...['public, not mine', 'private, mine', 'private, not mine', 'public, removed, mine'].map(group),
      randomUUID(), // no such group
    ];
    for (const caller of callers) {
      const { rows } = await actAs(db, caller.actor, (tx) =>
        tx.query<{ now: boolean | null; rule: boolean | null } & Record<'author' | 'in_group' | 'shown_to' | 'active' | 'hidden', unknown>>(
          `select a.author, g.in_group, s.shown_to, f.active, h.hidden,
                  private.can_read_post(a.author, g.in_group, s.shown_to, f.active, h.hidden) as now,
                  coalesce(a.author = auth.uid(), false)
                  or (private.is_admin() and s.shown_to <> 'private')
                  or (f.active and h.hidden is null
                      and not private.is_blocked_with(a.author)
                      and case s.shown_to
                            when 'public' then g.in_group is null or private.is_public_group(g.in_group)
                                               or private.is_group_member(g.in_group)
                            when 'group' then private.is_group_member(g.in_group)
                            else false
                          end) as rule
             from unnest($1::uuid[]) a (author)
            cross join unnest($2::uuid[]) g (in_group)
            cross join unnest(array['public', 'group', 'private', null]) s (shown_to)
            cross join unnest(array[true, false, null]) f (active)
            cross join unnest(array[null, now()]) h (hidden)`,
          [authors, inGroups],
        ),
      );
      expect(rows.length).toBe(authors.length * inGroups.length * 4 * 3 * 2);
      expect(rows.filter((row) => row.now !== row.rule), caller.name).toEqual([]);
      // Every kind of answer occurs, so agreeing is no accident.
      expect(new Set(rows.map((row) => row.rule)), caller.name).toEqual(new Set([true, false, null]));
    }
  });

  test('comments show on the posts the caller reads, unless held or across a block; their authors always see them', async () => {
    for (const caller of callers) {
      const seen = await labelsAs(caller, 'select id from public.comments where id = any($1)', comments);
      expect(seen, caller.name).toEqual(expected(comments, (comment) => readsComment(caller, comment)));
    }
  });
});

describe('the cost of the rule', () => {
  /** The plan of `statement` as `me`, without timings or costs. */
  async function planAsMe(statement: string): Promise<string> {
    const { rows } = await actAs(db, people.me, (tx) => tx.query<{ 'QUERY PLAN': string }>(`explain (costs off) ${statement}`));
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  }

  /** Functions called in a plan's Filter lines, that is for each row. */
  function perRowCalls(plan: string): string[] {
    const filters = plan.split('\n').filter((line) => /^\s*(->\s*)?Filter:/.test(line));
    expect(filters.length).toBeGreaterThan(0);
    return [...new Set(filters.flatMap((line) => [...line.matchAll(/([a-z_]+\.)?[a-z_]+(?=\()/g)].map((m) => m[0])))].sort();
  }

  test("the feed's policy asks who the caller is, their groups and their blocks once per statement, not per post", async () => {
    const plan = await planAsMe('select id from public.posts order by created_at desc, id desc limit 21');
    expect(plan).toMatch(/InitPlan/);
    // Whether a post's group is public is the only question left for each row.
    expect(perRowCalls(plan)).toEqual(['private.is_public_group']);
  });

  test("a post's comments check their post the same way", async () => {
    const plan = await planAsMe(`select id from public.comments where post_id = '${posts[0].id}' order by created_at, id limit 21`);
    expect(plan).toMatch(/InitPlan/);
    expect(perRowCalls(plan)).toEqual(['private.is_public_group']);
  });
});
