import { z } from '@hono/zod-openapi';
import { Comment } from '../../community/comments.ts';
import { Group } from '../../community/groups.ts';
import { LikeState } from '../../community/likes.ts';
import { Post } from '../../community/posts.ts';
import type { ApiUser, TestApi } from '../../../test/support/app.ts';
import { bodyOf, describe, expect, test } from '../../../test/support/fixtures.ts';

const PostPage = z.object({ data: z.array(Post), next_cursor: z.string().nullable() });
const CommentPage = z.object({ data: z.array(Comment), next_cursor: z.string().nullable() });

async function createPost(api: TestApi, user: ApiUser, body: Record<string, unknown>) {
  return bodyOf(await api.request('/api/v1/posts', { method: 'POST', token: user.token, json: body }), Post, 201);
}

async function publicGroupWith(api: TestApi, admin: ApiUser, ...members: ApiUser[]) {
  const group = await bodyOf(await api.request('/api/v1/groups', { method: 'POST', token: admin.token, json: { name: 'Desert roads' } }), Group, 201);
  for (const member of members) await api.request(`/api/v1/groups/${group.id}/join`, { method: 'POST', token: member.token });
  return group;
}

const feedIds = async (api: TestApi, user: ApiUser, query = '') =>
  (await bodyOf(await api.request(`/api/v1/posts?limit=100${query}`, { token: user.token }), PostPage, 200)).data.map((p) => p.id);

const seen = async (api: TestApi, user: ApiUser, postId: string) => (await api.request(`/api/v1/posts/${postId}`, { token: user.token })).status;

describe('posts', () => {
  test('creates a post: 201, Location, the caller its author; server-owned fields are not taken from the body', async ({ api, alice }) => {
    const response = await api.request('/api/v1/posts', {
      method: 'POST',
      token: alice.token,
      json: {
        title: 'Willow Springs Road',
        content: 'Graded last week, fine for vans.',
        author_id: crypto.randomUUID(),
        like_count: 40,
        comment_count: 9,
        is_active: false,
        hidden_at: '2020-01-01T00:00:00Z',
        automated_flags: [],
      },
    });
    const post = await bodyOf(response, Post, 201);
    expect(response.headers.get('location')).toBe(`/api/v1/posts/${post.id}`);
    expect(post).toMatchObject({
      author_id: alice.id,
      group_id: null,
      visibility: 'public',
      like_count: 0,
      comment_count: 0,
      is_active: true,
      hidden_at: null,
    });
    expect(post).not.toHaveProperty('automated_flags');
    expect(await bodyOf(await api.request(`/api/v1/posts/${post.id}`, { token: alice.token }), Post, 200)).toEqual(post);
  });

  test('public, group and private visibility behave as named', async ({ api, alice, bob }) => {
    const carol = await api.signIn();
    const group = await publicGroupWith(api, alice, bob);
    const post = {
      public: await createPost(api, alice, { group_id: group.id, content: 'Everyone: the pass is open', visibility: 'public' }),
      group: await createPost(api, alice, { group_id: group.id, content: 'Members: convoy at nine' }),
      private: await createPost(api, alice, { group_id: group.id, content: 'Note to self', visibility: 'private' }),
    };
    expect(post.group.visibility).toBe('group');
    const statuses = async (user: ApiUser) => Promise.all(Object.values(post).map((p) => seen(api, user, p.id)));
    expect(await statuses(alice)).toEqual([200, 200, 200]);
    expect(await statuses(bob)).toEqual([200, 200, 404]);
    expect(await statuses(carol)).toEqual([200, 404, 404]);
    expect(await feedIds(api, carol, `&group_id=${group.id}`)).toEqual([post.public.id]);
    expect(await feedIds(api, bob, `&group_id=${group.id}`)).toEqual([post.group.id, post.public.id]);
  });

  test('only members post in a group', async ({ api, alice, bob }) => {
    const group = await publicGroupWith(api, alice);
    const attempt = await api.request('/api/v1/posts', { method: 'POST', token: bob.token, json: { group_id: group.id, content: 'Hi all' } });
    expect(attempt.status).toBe(403);
    const hidden = await bodyOf(
      await api.request('/api/v1/groups', { method: 'POST', token: alice.token, json: { name: 'Hidden', privacy_level: 'private' } }),
      Group,
      201,
    );
    const unseen = await api.request('/api/v1/posts', { method: 'POST', token: bob.token, json: { group_id: hidden.id, content: 'Hi' } });
    expect(unseen.status).toBe(400);
    await api.request(`/api/v1/groups/${group.id}/join`, { method: 'POST', token: bob.token });
    expect((await createPost(api, bob, { group_id: group.id, content: 'Hi all' })).author_id).toBe(bob.id);
  });

  test('authors edit and delete their own posts; anyone else who sees them gets 403', async ({ api, alice, bob }) => {
    const post = await createPost(api, alice, { content: 'Camp spot at km 42' });
    const edit = (user: ApiUser) => api.request(`/api/v1/posts/${post.id}`, { method: 'PATCH', token: user.token, json: { content: 'Mine now' } });
    expect((await edit(bob)).status).toBe(403);
    expect((await api.request(`/api/v1/posts/${post.id}`, { method: 'DELETE', token: bob.token })).status).toBe(403);
    const edited = await bodyOf(await edit(alice), Post, 200);
    expect(edited).toMatchObject({ id: post.id, content: 'Mine now', author_id: alice.id });
    expect((await api.request(`/api/v1/posts/${post.id}`, { method: 'DELETE', token: alice.token })).status).toBe(204);
    expect(await seen(api, alice, post.id)).toBe(404);
  });

  test("a group's moderators and admins remove others' posts in their group, and only there", async ({ api, alice, bob }) => {
    const [carol, dave] = [await api.signIn(), await api.signIn()];
    const group = await publicGroupWith(api, alice, bob, carol, dave);
    await api.request(`/api/v1/groups/${group.id}/members/${bob.id}`, { method: 'PATCH', token: alice.token, json: { role: 'moderator' } });
    const inGroup = [
      await createPost(api, carol, { group_id: group.id, content: 'Selling my awning' }),
      await createPost(api, carol, { group_id: group.id, content: 'And my jack' }),
    ];
    const elsewhere = await createPost(api, carol, { content: 'Outside any group' });
    const remove = (user: ApiUser, postId: string) => api.request(`/api/v1/posts/${postId}`, { method: 'DELETE', token: user.token });
    expect((await remove(dave, inGroup[0].id)).status).toBe(403);
    expect((await remove(bob, elsewhere.id)).status).toBe(403);
    expect((await remove(bob, inGroup[0].id)).status).toBe(204);
    expect((await remove(alice, inGroup[1].id)).status).toBe(204);
    expect(await feedIds(api, carol, `&author_id=${carol.id}`)).toEqual([elsewhere.id]);
  });
});

describe('comments', () => {
  test('thread on posts the caller can see, and only those; comment_count follows', async ({ api, alice, bob }) => {
    const post = await createPost(api, alice, { content: 'Best free campsites near Moab?' });
    const comment = (user: ApiUser, postId: string, body: Record<string, unknown>) =>
      api.request(`/api/v1/posts/${postId}/comments`, { method: 'POST', token: user.token, json: body });
    const first = await bodyOf(await comment(bob, post.id, { content: 'Willow Springs' }), Comment, 201);
    const reply = await bodyOf(await comment(alice, post.id, { content: 'Thanks!', parent_comment_id: first.id }), Comment, 201);
    expect(reply).toMatchObject({ post_id: post.id, author_id: alice.id, parent_comment_id: first.id });

    const page = await bodyOf(await api.request(`/api/v1/posts/${post.id}/comments`, { token: bob.token }), CommentPage, 200);
    expect(page.data.map((c) => [c.content, c.parent_comment_id])).toEqual([
      ['Willow Springs', null],
      ['Thanks!', first.id],
    ]);
    expect((await bodyOf(await api.request(`/api/v1/posts/${post.id}`, { token: bob.token }), Post, 200)).comment_count).toBe(2);

    // A reply belongs on its parent's post; a private post takes no one else's comments.
    const other = await createPost(api, alice, { content: 'Another topic' });
    expect((await comment(bob, other.id, { content: 'Wrong thread', parent_comment_id: first.id })).status).toBe(400);
    const diary = await createPost(api, alice, { content: 'Dear diary', visibility: 'private' });
    expect((await comment(bob, diary.id, { content: 'Peeking' })).status).toBe(404);
    expect((await api.request(`/api/v1/posts/${diary.id}/comments`, { token: bob.token })).status).toBe(404);

    expect((await api.request(`/api/v1/comments/${first.id}`, { method: 'DELETE', token: bob.token })).status).toBe(204);
    // The reply goes with its parent.
    expect((await bodyOf(await api.request(`/api/v1/posts/${post.id}`, { token: alice.token }), Post, 200)).comment_count).toBe(0);
  });

  test('their authors edit and delete them; others get 403', async ({ api, alice, bob }) => {
    const post = await createPost(api, alice, { content: 'Water at the trailhead?' });
    const comment = await bodyOf(
      await api.request(`/api/v1/posts/${post.id}/comments`, { method: 'POST', token: bob.token, json: { content: 'Yes, a tap' } }),
      Comment,
      201,
    );
    const edit = (user: ApiUser) =>
      api.request(`/api/v1/comments/${comment.id}`, { method: 'PATCH', token: user.token, json: { content: 'No, dry' } });
    expect((await edit(alice)).status).toBe(403);
    expect((await api.request(`/api/v1/comments/${comment.id}`, { method: 'DELETE', token: alice.token })).status).toBe(403);
    expect(await bodyOf(await edit(bob), Comment, 200)).toMatchObject({ id: comment.id, content: 'No, dry' });
    expect(await bodyOf(await api.request(`/api/v1/comments/${comment.id}`, { token: alice.token }), Comment, 200)).toMatchObject({
      content: 'No, dry',
    });
  });
});

describe('likes', () => {
  test('PUT and DELETE are idempotent, one like per user, and like_count follows', async ({ api, alice, bob }) => {
    const post = await createPost(api, alice, { content: 'Sunset at the lake' });
    const like = (user: ApiUser) => api.request(`/api/v1/posts/${post.id}/like`, { method: 'PUT', token: user.token });
    const unlike = (user: ApiUser) => api.request(`/api/v1/posts/${post.id}/like`, { method: 'DELETE', token: user.token });
    expect(await bodyOf(await like(bob), LikeState, 200)).toEqual({ post_id: post.id, liked: true, like_count: 1 });
    expect(await bodyOf(await like(bob), LikeState, 200)).toEqual({ post_id: post.id, liked: true, like_count: 1 });
    expect(await bodyOf(await like(alice), LikeState, 200)).toMatchObject({ like_count: 2 });
    expect((await unlike(bob)).status).toBe(204);
    expect((await unlike(bob)).status).toBe(204);
    expect((await bodyOf(await api.request(`/api/v1/posts/${post.id}`, { token: bob.token }), Post, 200)).like_count).toBe(1);
  });

  test('many users liking at once, then unliking at once, leave like_count where it started', async ({ api, alice }) => {
    const post = await createPost(api, alice, { content: 'Northern lights tonight' });
    await api.request(`/api/v1/posts/${post.id}/like`, { method: 'PUT', token: alice.token });
    const fans = await Promise.all(Array.from({ length: 20 }, () => api.signIn()));
    const all = async (method: string) => {
      const responses = await Promise.all(fans.map((fan) => api.request(`/api/v1/posts/${post.id}/like`, { method, token: fan.token })));
      return responses.map((r) => r.status);
    };
    const likeCount = async () => (await bodyOf(await api.request(`/api/v1/posts/${post.id}`, { token: alice.token }), Post, 200)).like_count;
    expect(new Set(await all('PUT'))).toEqual(new Set([200]));
    expect(await likeCount()).toBe(21);
    expect(new Set(await all('DELETE'))).toEqual(new Set([204]));
    expect(await likeCount()).toBe(1);
  });
});

describe('the feed', () => {
  test('shows posts newest first, narrows by author and group, and pages without repeats or gaps', async ({ api, alice, bob }) => {
    const group = await publicGroupWith(api, alice, bob);
    const mine = [];
    for (let i = 0; i < 5; i++) mine.push(await createPost(api, alice, { content: `Day ${i} on the road` }));
    const inGroup = await createPost(api, bob, { group_id: group.id, content: 'Group news' });
    expect(await feedIds(api, bob, `&author_id=${alice.id}`)).toEqual(mine.map((p) => p.id).reverse());
    expect(await feedIds(api, alice, `&group_id=${group.id}`)).toEqual([inGroup.id]);

    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/api/v1/posts?limit=2&author_id=${alice.id}${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await bodyOf(await api.request(query, { token: bob.token }), PostPage, 200);
      paged.push(...page.data.map((p) => p.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(paged).toEqual(mine.map((p) => p.id).reverse());
  });

  test('q searches the posts the caller can see, most relevant first, with English stemming', async ({ api, alice, bob }) => {
    const relevant = await createPost(api, alice, { content: 'Geysers, geysers everywhere: the best geyser list' });
    const lessRelevant = await createPost(api, alice, { content: 'One geyser near the river, and a bakery' });
    const privateMatch = await createPost(api, alice, { content: 'My secret geyser', visibility: 'private' });
    await createPost(api, alice, { content: 'Nothing about it here' });
    expect(await feedIds(api, bob, '&q=geyser')).toEqual([relevant.id, lessRelevant.id]);
    expect(await feedIds(api, alice, '&q=geyser')).toEqual(expect.arrayContaining([privateMatch.id]));
    expect(await feedIds(api, bob, '&q=geyser -bakery')).toEqual([relevant.id]);
    expect(await feedIds(api, bob, `&q=geysers&author_id=${bob.id}`)).toEqual([]);

    const first = await bodyOf(await api.request('/api/v1/posts?q=geyser&limit=1', { token: bob.token }), PostPage, 200);
    const second = await bodyOf(await api.request(`/api/v1/posts?q=geyser&limit=1&cursor=${first.next_cursor}`, { token: bob.token }), PostPage, 200);
    expect([...first.data, ...second.data].map((p) => p.id)).toEqual([relevant.id, lessRelevant.id]);
    expect(second.next_cursor).toBeNull();
  });
});
