import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Actor,
  anonymous,
  createTestDatabase,
  createUser,
  type TestDatabase,
  type TestUser,
} from '../../test/support/database.ts';
import type { SqlClient } from '../sql-client.ts';
import { attemptAs, type Fixtures, fixtures, type Outcome, sql, storedCount } from './fixtures.ts';

// Who sees and does what in a public, a private and an invite-only group. The creator
// is each group's admin; the author and a fellow member belong to all three; the
// outsider belongs to none. The author has posted with every visibility in every group,
// and twice outside any group.

type Privacy = 'public' | 'private' | 'invite_only';
type Visibility = 'public' | 'group' | 'private';
const privacyLevels: Privacy[] = ['public', 'private', 'invite_only'];
const visibilities: Visibility[] = ['public', 'group', 'private'];

/** A post's placement: `${group privacy or 'no group'}/${visibility}`. */
type Placement = string;
const everyPlacement: Placement[] = [
  ...privacyLevels.flatMap((privacy) => visibilities.map((visibility) => `${privacy}/${visibility}`)),
  'no group/public',
  'no group/private',
];

let database: TestDatabase;
let db: SqlClient;
let f: Fixtures;
const people = {} as Record<'creator' | 'author' | 'fellow' | 'outsider', TestUser>;
const groupIds = {} as Record<Privacy, string>;
const postIds = new Map<Placement, string>();

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.owner;
  f = fixtures(db);
  for (const name of ['creator', 'author', 'fellow', 'outsider'] as const) people[name] = await createUser(db);
  for (const privacy of privacyLevels) {
    groupIds[privacy] = await f.group(people.creator, privacy);
    await f.membership(groupIds[privacy], people.author);
    await f.membership(groupIds[privacy], people.fellow);
    for (const visibility of visibilities) {
      postIds.set(`${privacy}/${visibility}`, await f.post(people.author, { groupId: groupIds[privacy], visibility }));
    }
  }
  postIds.set('no group/public', await f.post(people.author, { visibility: 'public' }));
  postIds.set('no group/private', await f.post(people.author, { visibility: 'private' }));
  expect([...postIds.keys()].sort()).toEqual([...everyPlacement].sort());
});
afterAll(async () => {
  await database?.close();
});

function rowsOf(outcome: Outcome) {
  if ('refused' in outcome) throw new Error(`refused with ${outcome.refused}: ${outcome.message}`);
  return outcome.rows;
}

async function visibleGroups(actor: Actor): Promise<Privacy[]> {
  const outcome = await attemptAs(
    db,
    actor,
    sql`select privacy_level from public.social_groups where id = any(${Object.values(groupIds)})`,
  );
  return rowsOf(outcome)
    .map((r) => r.privacy_level as Privacy)
    .sort();
}

async function visiblePosts(actor: Actor): Promise<Placement[]> {
  const placementOf = new Map([...postIds].map(([placement, id]) => [id, placement]));
  const outcome = await attemptAs(db, actor, sql`select id from public.posts where id = any(${[...postIds.values()]})`);
  return rowsOf(outcome)
    .map((r) => placementOf.get(r.id as string) as Placement)
    .sort();
}

/** The arranged posts that private.search_posts finds for `actor` (every one says "post"). */
async function searchedPosts(actor: Actor): Promise<Placement[]> {
  const placementOf = new Map([...postIds].map(([placement, id]) => [id, placement]));
  const outcome = await attemptAs(
    db,
    actor,
    sql`select post_id from private.search_posts('post') where post_id = any(${[...postIds.values()]})`,
  );
  return rowsOf(outcome)
    .map((r) => placementOf.get(r.post_id as string) as Placement)
    .sort();
}

/** The memberships of the creator, the author and the fellow member that `actor` can read. */
async function visibleMemberships(actor: Actor): Promise<Outcome> {
  const founders = [people.creator.id, people.author.id, people.fellow.id];
  return attemptAs(
    db,
    actor,
    sql`select g.privacy_level, m.user_id from public.group_memberships m
          join public.social_groups g on g.id = m.group_id
         where m.group_id = any(${Object.values(groupIds)}) and m.user_id = any(${founders})`,
  );
}

async function memberCount(groupId: string): Promise<number> {
  const { rows } = await db.query<{ member_count: number }>(
    'select member_count from public.social_groups where id = $1',
    [groupId],
  );
  return rows[0].member_count;
}

const everyGroup: Privacy[] = ['invite_only', 'private', 'public'];
const sharedWithMembers: Placement[] = privacyLevels.flatMap((p) => [`${p}/group`, `${p}/public`]);

const viewers: Array<{
  viewer: string;
  actor: () => Actor;
  groups: Privacy[];
  /** Whose memberships are listed, by group; null when reading memberships is refused. */
  membershipsOf: Privacy[] | null;
  posts: Placement[];
}> = [
  {
    viewer: 'the creator (group admin)',
    actor: () => people.creator,
    groups: everyGroup,
    membershipsOf: everyGroup,
    posts: [...sharedWithMembers, 'no group/public'],
  },
  {
    viewer: 'the author, a member',
    actor: () => people.author,
    groups: everyGroup,
    membershipsOf: everyGroup,
    // Authors see their own posts whatever the visibility.
    posts: everyPlacement,
  },
  {
    viewer: 'a fellow member',
    actor: () => people.fellow,
    groups: everyGroup,
    membershipsOf: everyGroup,
    posts: [...sharedWithMembers, 'no group/public'],
  },
  {
    viewer: 'a non-member',
    actor: () => people.outsider,
    groups: ['public'],
    membershipsOf: ['public'],
    posts: ['no group/public', 'public/public'],
  },
  {
    viewer: 'an anonymous caller',
    actor: () => anonymous,
    groups: ['public'],
    membershipsOf: null,
    posts: ['no group/public', 'public/public'],
  },
];

describe.each(viewers)('what $viewer sees', ({ actor, groups, membershipsOf, posts }) => {
  it('groups', async () => {
    expect(await visibleGroups(actor())).toEqual(groups);
  });

  it('memberships', async () => {
    const outcome = await visibleMemberships(actor());
    if (membershipsOf === null) {
      expect(outcome).toMatchObject({ refused: '42501' });
      return;
    }
    const expected = membershipsOf.flatMap((privacy) =>
      [people.creator, people.author, people.fellow].map((member) => `${privacy} ${member.id}`),
    );
    const seen = rowsOf(outcome).map((r) => `${r.privacy_level} ${r.user_id}`);
    expect(seen.sort()).toEqual(expected.sort());
  });

  it('posts', async () => {
    expect(await visiblePosts(actor())).toEqual([...posts].sort());
  });

  it('posts through the text search, which bypasses the policy to use its index and must agree with it', async () => {
    if (actor() === anonymous) return;
    expect(await searchedPosts(actor())).toEqual([...posts].sort());
  });
});

describe('writing in groups', () => {
  it.each(privacyLevels)('a non-member cannot post in the %s group', async (privacy) => {
    const before = await storedCount(db, 'public.posts');
    const outcome = await attemptAs(
      db,
      people.outsider,
      sql`insert into public.posts (group_id, content, visibility) values (${groupIds[privacy]}, 'Hello all', 'public')`,
    );
    expect(outcome).toMatchObject({ refused: '42501' });
    expect(await storedCount(db, 'public.posts')).toBe(before);
  });

  it.each(privacyLevels)('a member can post in the %s group', async (privacy) => {
    const outcome = await attemptAs(
      db,
      people.fellow,
      sql`insert into public.posts (group_id, content) values (${groupIds[privacy]}, 'Convoy leaves at nine') returning author_id`,
    );
    expect(outcome).toEqual({ rows: [{ author_id: people.fellow.id }] });
  });

  it.each(['private', 'invite_only'] as const)('nobody joins the %s group on their own', async (privacy) => {
    const joiner = await createUser(db);
    const countBefore = await memberCount(groupIds[privacy]);
    const outcome = await attemptAs(
      db,
      joiner,
      sql`insert into public.group_memberships (group_id) values (${groupIds[privacy]})`,
    );
    expect(outcome).toMatchObject({ refused: '42501' });
    expect(await memberCount(groupIds[privacy])).toBe(countBefore);
    expect(await visibleGroups(joiner)).toEqual(['public']);
  });

  it('anyone signed in joins a public group, member_count follows, and leaving undoes it', async () => {
    const joiner = await createUser(db);
    const countBefore = await memberCount(groupIds.public);
    const joined = await attemptAs(
      db,
      joiner,
      sql`insert into public.group_memberships (group_id) values (${groupIds.public}) returning user_id, role`,
    );
    expect(joined).toEqual({ rows: [{ user_id: joiner.id, role: 'member' }] });
    expect(await memberCount(groupIds.public)).toBe(countBefore + 1);
    expect(await visiblePosts(joiner)).toEqual(['no group/public', 'public/group', 'public/public']);

    const left = await attemptAs(
      db,
      joiner,
      sql`delete from public.group_memberships where group_id = ${groupIds.public} and user_id = ${joiner.id} returning 1`,
    );
    expect(rowsOf(left)).toHaveLength(1);
    expect(await memberCount(groupIds.public)).toBe(countBefore);
  });

  it('a joiner cannot make themselves a moderator or admin', async () => {
    const joiner = await createUser(db);
    for (const role of ['moderator', 'admin']) {
      const outcome = await attemptAs(
        db,
        joiner,
        sql`insert into public.group_memberships (group_id, role) values (${groupIds.public}, ${role})`,
      );
      expect(outcome).toMatchObject({ refused: '42501' });
    }
    expect(await visibleGroups(joiner)).toEqual(['public']);
  });

  it('a group admin adds members to a private group, who then see it and its group posts', async () => {
    const newcomer = await createUser(db);
    const countBefore = await memberCount(groupIds.private);
    const outcome = await attemptAs(
      db,
      people.creator,
      sql`insert into public.group_memberships (group_id, user_id) values (${groupIds.private}, ${newcomer.id})`,
    );
    expect(outcome).toEqual({ rows: [] });
    expect(await memberCount(groupIds.private)).toBe(countBefore + 1);
    expect(await visibleGroups(newcomer)).toEqual(['private', 'public']);
    expect(await visiblePosts(newcomer)).toEqual([
      'no group/public',
      'private/group',
      'private/public',
      'public/public',
    ]);
  });

  it('a member who is not an admin cannot add members or promote themselves', async () => {
    const hopeful = await createUser(db);
    const added = await attemptAs(
      db,
      people.fellow,
      sql`insert into public.group_memberships (group_id, user_id) values (${groupIds.private}, ${hopeful.id})`,
    );
    expect(added).toMatchObject({ refused: '42501' });
    const promoted = await attemptAs(
      db,
      people.fellow,
      sql`update public.group_memberships set role = 'admin'
           where group_id = ${groupIds.private} and user_id = ${people.fellow.id} returning 1`,
    );
    expect(promoted).toEqual({ rows: [] });
    expect(await visibleGroups(hopeful)).toEqual(['public']);
  });

  it('only a group admin changes the group', async () => {
    const rename = (actor: Actor) =>
      attemptAs(
        db,
        actor,
        sql`update public.social_groups set description = 'Renamed' where id = ${groupIds.private} returning 1`,
      );
    expect(await rename(people.fellow)).toEqual({ rows: [] });
    expect(await rename(people.outsider)).toEqual({ rows: [] });
    expect(rowsOf(await rename(people.creator))).toHaveLength(1);
  });

  it("a group admin removes a member's post; a fellow member cannot", async () => {
    const postId = await f.post(people.author, { groupId: groupIds.private, visibility: 'group' });
    const remove = (actor: Actor) =>
      attemptAs(db, actor, sql`delete from public.posts where id = ${postId} returning 1`);
    expect(await remove(people.fellow)).toEqual({ rows: [] });
    expect(rowsOf(await remove(people.creator))).toHaveLength(1);
  });
});

describe('comments', () => {
  const comment = (actor: Actor, placement: Placement) =>
    attemptAs(
      db,
      actor,
      sql`insert into public.comments (post_id, content) values (${postIds.get(placement)}, 'Count me in') returning post_id`,
    );
  const commentCount = async (placement: Placement) => {
    const { rows } = await db.query<{ comment_count: number }>('select comment_count from public.posts where id = $1', [
      postIds.get(placement),
    ]);
    return rows[0].comment_count;
  };

  it('go on posts the commenter can see, and comment_count follows', async () => {
    for (const [actor, placement] of [
      [people.outsider, 'public/public'],
      [people.outsider, 'no group/public'],
      [people.fellow, 'private/group'],
      [people.fellow, 'invite_only/public'],
    ] as const) {
      const before = await commentCount(placement);
      expect(await comment(actor, placement)).toEqual({ rows: [{ post_id: postIds.get(placement) }] });
      expect(await commentCount(placement)).toBe(before + 1);
    }
  });

  it('are refused on posts the commenter cannot see', async () => {
    for (const [actor, placement] of [
      [people.outsider, 'public/group'],
      [people.outsider, 'private/public'],
      [people.outsider, 'invite_only/group'],
      [people.fellow, 'private/private'],
      [people.fellow, 'no group/private'],
    ] as const) {
      const before = await commentCount(placement);
      expect(await comment(actor, placement)).toMatchObject({ refused: '42501' });
      expect(await commentCount(placement)).toBe(before);
    }
  });

  it('are read only where the post is visible', async () => {
    const groupPost = await f.post(people.author, { groupId: groupIds.public, visibility: 'group' });
    const publicPost = await f.post(people.author, { groupId: groupIds.public, visibility: 'public' });
    const onGroupPost = await f.comment(groupPost, people.fellow);
    const onPublicPost = await f.comment(publicPost, people.fellow);
    const read = async (actor: Actor) =>
      rowsOf(
        await attemptAs(db, actor, sql`select id from public.comments where id = any(${[onGroupPost, onPublicPost]})`),
      )
        .map((r) => r.id)
        .sort();
    expect(await read(people.fellow)).toEqual([onGroupPost, onPublicPost].sort());
    expect(await read(people.outsider)).toEqual([onPublicPost]);
    expect(await read(anonymous)).toEqual([onPublicPost]);
  });
});

describe('a removed post', () => {
  it('stays visible to its author and to administrators at work only, takes no more comments, and stays removed', async () => {
    const postId = await f.post(people.author, { groupId: groupIds.public, visibility: 'public' });
    // What a moderation decision of `removed` does (see triggers.test.ts).
    await db.query('update public.posts set is_active = false where id = $1', [postId]);
    const administrator = await createUser(db, { admin: true });
    const seenBy = async (actor: Actor) =>
      rowsOf(await attemptAs(db, actor, sql`select id from public.posts where id = ${postId}`)).length;
    expect(await seenBy(people.author)).toBe(1);
    expect(await seenBy(administrator)).toBe(1);
    expect(await seenBy({ ...administrator, adminScope: false })).toBe(0);
    expect(await seenBy(people.fellow)).toBe(0);
    expect(await seenBy(people.outsider)).toBe(0);
    expect(await seenBy(anonymous)).toBe(0);
    const commented = await attemptAs(
      db,
      people.author,
      sql`insert into public.comments (post_id, content) values (${postId}, 'Anyone?')`,
    );
    expect(commented).toMatchObject({ refused: '42501' });
    const restored = await attemptAs(db, people.author, sql`update public.posts set is_active = true where id = ${postId}`);
    expect(restored).toMatchObject({ refused: '42501' });
    expect(await seenBy(people.fellow)).toBe(0);
  });

  it('is a private post of its author even to administrators at work', async () => {
    const administrator = await createUser(db, { admin: true });
    const outcome = await attemptAs(db, administrator, sql`select id from public.posts where id = ${postIds.get('no group/private')}`);
    expect(rowsOf(outcome)).toEqual([]);
  });
});

describe('content held for review', () => {
  it('is hidden from everyone but its author and administrators at work, comments alike', async () => {
    const postId = await f.post(people.author, { groupId: groupIds.public, visibility: 'public' });
    const commentId = await f.comment(await f.post(people.fellow, { visibility: 'public' }), people.author);
    await db.query('update public.posts set hidden_at = now() where id = $1', [postId]);
    await db.query('update public.comments set hidden_at = now() where id = $1', [commentId]);
    const administrator = await createUser(db, { admin: true });
    const seenBy = async (actor: Actor) => [
      rowsOf(await attemptAs(db, actor, sql`select id from public.posts where id = ${postId}`)).length,
      rowsOf(await attemptAs(db, actor, sql`select id from public.comments where id = ${commentId}`)).length,
    ];
    expect(await seenBy(people.author)).toEqual([1, 1]);
    expect(await seenBy(administrator)).toEqual([1, 1]);
    for (const actor of [people.fellow, people.outsider, anonymous, { ...administrator, adminScope: false }]) {
      expect(await seenBy(actor)).toEqual([0, 0]);
    }
  });

  it('cannot be released by its author', async () => {
    const postId = await f.post(people.author, { visibility: 'public' });
    await db.query('update public.posts set hidden_at = now() where id = $1', [postId]);
    const released = await attemptAs(db, people.author, sql`update public.posts set hidden_at = null where id = ${postId}`);
    expect(released).toMatchObject({ refused: '42501' });
  });
});

describe('blocks', () => {
  it("hide each side's posts and comments from the other, in lists, threads and search, and from no one else", async () => {
    const [blocker, blocked, bystander] = [await createUser(db), await createUser(db), await createUser(db)];
    const post = {
      blocker: await f.post(blocker, { visibility: 'public' }),
      blocked: await f.post(blocked, { visibility: 'public' }),
      bystander: await f.post(bystander, { visibility: 'public' }),
    };
    const comment = { blocker: await f.comment(post.bystander, blocker), blocked: await f.comment(post.bystander, blocked) };
    const ids = (rows: { [key: string]: unknown }[], column = 'id') => rows.map((r) => r[column] as string).sort();
    const seen = async (actor: Actor) => ({
      posts: ids(rowsOf(await attemptAs(db, actor, sql`select id from public.posts where id = any(${Object.values(post)})`))),
      comments: ids(rowsOf(await attemptAs(db, actor, sql`select id from public.comments where id = any(${Object.values(comment)})`))),
      searched: ids(
        rowsOf(
          await attemptAs(db, actor, sql`select post_id from private.search_posts('post') where post_id = any(${Object.values(post)})`),
        ),
        'post_id',
      ),
    });
    const everything = { posts: Object.values(post).sort(), comments: Object.values(comment).sort(), searched: Object.values(post).sort() };
    expect(await seen(blocker)).toEqual(everything);

    await f.block(blocker, blocked);
    const withoutBlocked = [post.blocker, post.bystander].sort();
    const withoutBlocker = [post.blocked, post.bystander].sort();
    expect(await seen(blocker)).toEqual({ posts: withoutBlocked, comments: [comment.blocker], searched: withoutBlocked });
    expect(await seen(blocked)).toEqual({ posts: withoutBlocker, comments: [comment.blocked], searched: withoutBlocker });
    expect(await seen(bystander)).toEqual(everything);

    // Nor can either reach the other's content by its id.
    for (const statement of [
      sql`insert into public.comments (post_id, content) values (${post.blocker}, 'Still here')`,
      sql`insert into public.comments (post_id, parent_comment_id, content) values (${post.bystander}, ${comment.blocker}, 'Hey')`,
      sql`insert into public.post_likes (post_id) values (${post.blocker})`,
    ]) {
      expect(await attemptAs(db, blocked, statement)).toMatchObject({ refused: '42501' });
    }
    // Only the blocker knows of the block.
    expect(rowsOf(await attemptAs(db, blocked, sql`select * from public.user_blocks`))).toEqual([]);
    expect(rowsOf(await attemptAs(db, blocker, sql`select blocked_id from public.user_blocks`))).toEqual([{ blocked_id: blocked.id }]);

    const lifted = await attemptAs(db, blocker, sql`delete from public.user_blocks where blocked_id = ${blocked.id} returning 1`);
    expect(rowsOf(lifted)).toHaveLength(1);
    expect(await seen(blocked)).toEqual(everything);
  });

  it('cannot be made in someone else\'s name, or against oneself', async () => {
    const [a, b] = [await createUser(db), await createUser(db)];
    expect(await attemptAs(db, a, sql`insert into public.user_blocks (blocker_id, blocked_id) values (${b.id}, ${a.id})`)).toMatchObject({
      refused: '42501',
    });
    expect(await attemptAs(db, a, sql`insert into public.user_blocks (blocked_id) values (${a.id})`)).toMatchObject({ refused: '23514' });
  });
});

describe("a group's moderators", () => {
  it('add and remove plain members, and neither add nor remove moderators and admins', async () => {
    const moderator = await createUser(db);
    await f.membership(groupIds.invite_only, moderator, 'moderator');
    const [newcomer, hopeful] = [await createUser(db), await createUser(db)];
    const add = (user: TestUser, role: string) =>
      attemptAs(
        db,
        moderator,
        sql`insert into public.group_memberships (group_id, user_id, role) values (${groupIds.invite_only}, ${user.id}, ${role})`,
      );
    expect(await add(newcomer, 'member')).toEqual({ rows: [] });
    expect(await add(hopeful, 'moderator')).toMatchObject({ refused: '42501' });
    expect(await add(hopeful, 'admin')).toMatchObject({ refused: '42501' });
    const remove = (user: TestUser) =>
      attemptAs(
        db,
        moderator,
        sql`delete from public.group_memberships where group_id = ${groupIds.invite_only} and user_id = ${user.id} returning 1`,
      );
    expect(rowsOf(await remove(people.creator))).toEqual([]);
    expect(rowsOf(await remove(newcomer))).toHaveLength(1);
  });

  it("read and decide reports on their group's posts and comments, and no other reports", async () => {
    const moderator = await createUser(db);
    await f.membership(groupIds.public, moderator, 'moderator');
    const reporter = await createUser(db);
    const inGroup = await f.report(reporter, await f.post(people.author, { groupId: groupIds.public, visibility: 'public' }));
    const outsideGroups = await f.report(reporter, await f.post(people.author, { visibility: 'public' }));
    const elsewhere = await f.report(reporter, await f.post(people.author, { groupId: groupIds.private, visibility: 'group' }));
    const { rows } = await db.query<{ id: string }>(
      `insert into public.content_moderation (content_type, content_id, reporter_id, flagged_reason)
       values ('group', $1, $2, 'spam') returning id`,
      [groupIds.public, reporter.id],
    );
    const onTheGroup = rows[0].id;
    const reportIds = [inGroup, outsideGroups, elsewhere, onTheGroup];
    const readable = async (actor: Actor) =>
      rowsOf(await attemptAs(db, actor, sql`select id from public.content_moderation where id = any(${reportIds})`)).map((r) => r.id);
    expect(await readable(moderator)).toEqual([inGroup]);
    expect(await readable(people.fellow)).toEqual([]);
    const decide = (id: string) =>
      attemptAs(db, moderator, sql`update public.content_moderation set status = 'rejected' where id = ${id} returning moderator_id`);
    expect(await decide(inGroup)).toEqual({ rows: [{ moderator_id: moderator.id }] });
    for (const id of [outsideGroups, elsewhere, onTheGroup]) expect(await decide(id)).toEqual({ rows: [] });
  });
});
