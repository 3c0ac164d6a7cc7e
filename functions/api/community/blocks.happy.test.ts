import { z } from '@hono/zod-openapi';
import { Block } from '../../community/blocks.ts';
import { Comment } from '../../community/comments.ts';
import { Group } from '../../community/groups.ts';
import { Post } from '../../community/posts.ts';
import type { ApiUser, TestApi } from '../../../test/support/app.ts';
import { bodyOf, describe, expect, test } from '../../../test/support/fixtures.ts';

const PostPage = z.object({ data: z.array(Post), next_cursor: z.string().nullable() });
const CommentPage = z.object({ data: z.array(Comment), next_cursor: z.string().nullable() });
const BlockPage = z.object({ data: z.array(Block), next_cursor: z.string().nullable() });

async function created<S extends z.ZodType>(api: TestApi, user: ApiUser, path: string, json: unknown, schema: S) {
  return bodyOf(await api.request(path, { method: 'POST', token: user.token, json }), schema, 201);
}

const block = (api: TestApi, blocker: ApiUser, blocked: ApiUser) =>
  api.request(`/api/v1/users/${blocked.id}/block`, { method: 'PUT', token: blocker.token });
const unblock = (api: TestApi, blocker: ApiUser, blocked: ApiUser) =>
  api.request(`/api/v1/users/${blocked.id}/block`, { method: 'DELETE', token: blocker.token });

describe('blocks', () => {
  test("hide each side's posts and comments from the other in the feed, groups, threads and search; nobody else's view changes", async ({
    api,
    alice,
    bob,
  }) => {
    const carol = await api.signIn();
    const group = await created(api, carol, '/api/v1/groups', { name: 'Salt flats' }, Group);
    for (const user of [alice, bob]) await api.request(`/api/v1/groups/${group.id}/join`, { method: 'POST', token: user.token });
    const post = (user: ApiUser, content: string, groupId?: string) =>
      created(api, user, '/api/v1/posts', { content, group_id: groupId }, Post);
    const alicePost = await post(alice, 'Alice: tyre shop open until six');
    const bobPost = await post(bob, 'Bob: tyre shop closed on Sunday', group.id);
    const carolPost = await post(carol, 'Carol: who knows a tyre shop?', group.id);
    const comment = (user: ApiUser, content: string) =>
      created(api, user, `/api/v1/posts/${carolPost.id}/comments`, { content }, Comment);
    const aliceComment = await comment(alice, 'Alice: try the one by the dam');
    const bobComment = await comment(bob, 'Bob: the dam one is shut');

    const view = async (user: ApiUser) => {
      const ids = async (path: string) =>
        (await bodyOf(await api.request(path, { token: user.token }), PostPage, 200)).data.map((p) => p.id).sort();
      return {
        feed: await ids('/api/v1/posts?limit=100'),
        group: await ids(`/api/v1/posts?limit=100&group_id=${group.id}`),
        search: await ids('/api/v1/posts?limit=100&q=tyre'),
        thread: (
          await bodyOf(await api.request(`/api/v1/posts/${carolPost.id}/comments`, { token: user.token }), CommentPage, 200)
        ).data
          .map((c) => c.id)
          .sort(),
        bobPost: (await api.request(`/api/v1/posts/${bobPost.id}`, { token: user.token })).status,
        alicePost: (await api.request(`/api/v1/posts/${alicePost.id}`, { token: user.token })).status,
      };
    };
    const everything = {
      feed: [alicePost.id, bobPost.id, carolPost.id].sort(),
      group: [bobPost.id, carolPost.id].sort(),
      search: [alicePost.id, bobPost.id, carolPost.id].sort(),
      thread: [aliceComment.id, bobComment.id].sort(),
      bobPost: 200,
      alicePost: 200,
    };
    expect(await view(alice)).toEqual(everything);

    expect((await block(api, alice, bob)).status).toBe(200);
    expect(await view(alice)).toEqual({
      feed: [alicePost.id, carolPost.id].sort(),
      group: [carolPost.id],
      search: [alicePost.id, carolPost.id].sort(),
      thread: [aliceComment.id],
      bobPost: 404,
      alicePost: 200,
    });
    expect(await view(bob)).toEqual({
      feed: [bobPost.id, carolPost.id].sort(),
      group: [bobPost.id, carolPost.id].sort(),
      search: [bobPost.id, carolPost.id].sort(),
      thread: [bobComment.id],
      bobPost: 200,
      alicePost: 404,
    });
    expect(await view(carol)).toEqual(everything);

    // Bob cannot reach Alice's post by its id either.
    const reach = [
      await api.request(`/api/v1/posts/${alicePost.id}/like`, { method: 'PUT', token: bob.token }),
      await api.request(`/api/v1/posts/${alicePost.id}/comments`, { method: 'POST', token: bob.token, json: { content: 'Hey' } }),
      await api.request(`/api/v1/posts/${carolPost.id}/comments`, {
        method: 'POST',
        token: bob.token,
        json: { content: 'Hey', parent_comment_id: aliceComment.id },
      }),
    ];
    expect(reach.map((r) => r.status)).toEqual([404, 404, 400]);

    expect((await unblock(api, alice, bob)).status).toBe(204);
    expect(await view(alice)).toEqual(everything);
    expect(await view(bob)).toEqual(everything);
  });

  test('are idempotent, listed to the blocker alone, and refused for oneself and for users that do not exist', async ({ api, alice, bob }) => {
    const first = await bodyOf(await block(api, alice, bob), Block, 200);
    expect(first).toMatchObject({ blocker_id: alice.id, blocked_id: bob.id });
    expect(await bodyOf(await block(api, alice, bob), Block, 200)).toEqual(first);
    expect(await bodyOf(await api.request('/api/v1/blocks', { token: alice.token }), BlockPage, 200)).toEqual({ data: [first], next_cursor: null });
    expect(await bodyOf(await api.request('/api/v1/blocks', { token: bob.token }), BlockPage, 200)).toEqual({ data: [], next_cursor: null });

    expect((await block(api, alice, alice)).status).toBe(400);
    const nobody = await api.request(`/api/v1/users/${crypto.randomUUID()}/block`, { method: 'PUT', token: alice.token });
    expect(nobody.status).toBe(404);

    expect((await unblock(api, alice, bob)).status).toBe(204);
    expect((await unblock(api, alice, bob)).status).toBe(204);
    expect((await bodyOf(await api.request('/api/v1/blocks', { token: alice.token }), BlockPage, 200)).data).toEqual([]);
  });
});
