import type { z } from '@hono/zod-openapi';
import { Comment } from '../../community/comments.ts';
import { Group } from '../../community/groups.ts';
import { ModerationReport, ModerationReportList } from '../../community/moderation.ts';
import { Post } from '../../community/posts.ts';
import { Report } from '../../community/reports.ts';
import type { ApiUser, TestApi } from '../../../test/support/app.ts';
import { bodyOf, describe, expect, test } from '../../../test/support/fixtures.ts';

async function created<S extends z.ZodType>(api: TestApi, user: ApiUser, path: string, json: unknown, schema: S) {
  return bodyOf(await api.request(path, { method: 'POST', token: user.token, json }), schema, 201);
}

describe("a group's reports", () => {
  test('are worked by its moderators and admins, cover only its posts and comments, and are 403 to other members', async ({
    api,
    alice,
    bob,
  }) => {
    const [carol, dave, erin] = [await api.signIn(), await api.signIn(), await api.signIn()];
    const group = await created(api, alice, '/api/v1/groups', { name: 'Overlanders' }, Group);
    for (const user of [bob, carol, dave]) await api.request(`/api/v1/groups/${group.id}/join`, { method: 'POST', token: user.token });
    await api.request(`/api/v1/groups/${group.id}/members/${bob.id}`, { method: 'PATCH', token: alice.token, json: { role: 'moderator' } });

    const post = await created(api, carol, '/api/v1/posts', { group_id: group.id, content: 'Buy my ebook!!' }, Post);
    const comment = await created(api, carol, `/api/v1/posts/${post.id}/comments`, { content: 'Link in bio' }, Comment);
    const elsewhere = await created(api, carol, '/api/v1/posts', { content: 'Outside the group' }, Post);
    const file = (contentType: string, id: string) =>
      created(api, dave, '/api/v1/reports', { content_type: contentType, content_id: id, flagged_reason: 'spam' }, Report);
    const onPost = await file('post', post.id);
    const onComment = await file('comment', comment.id);
    const outside = await file('post', elsewhere.id);
    const onGroup = await file('group', group.id);

    const list = (user: ApiUser, query = '') => api.request(`/api/v1/groups/${group.id}/reports${query}`, { token: user.token });
    for (const moderator of [bob, alice]) {
      const page = await bodyOf(await list(moderator), ModerationReportList, 200);
      expect(page.data.map((entry) => entry.id)).toEqual([onPost.id, onComment.id]);
      expect(page.data[0]).toMatchObject({ reporter_id: dave.id, author_id: carol.id, group_id: group.id, content_text: 'Buy my ebook!!' });
    }
    for (const user of [carol, dave, erin]) expect((await list(user)).status).toBe(403);

    const decide = (user: ApiUser, reportId: string, status: string) =>
      api.request(`/api/v1/groups/${group.id}/reports/${reportId}`, { method: 'PATCH', token: user.token, json: { status } });
    expect((await decide(dave, onPost.id, 'removed')).status).toBe(403);
    for (const id of [outside.id, onGroup.id]) expect((await decide(bob, id, 'removed')).status).toBe(404);

    const removed = await bodyOf(await decide(bob, onPost.id, 'removed'), ModerationReport, 200);
    expect(removed).toMatchObject({ status: 'removed', moderator_id: bob.id, content: null });
    expect((await api.request(`/api/v1/posts/${post.id}`, { token: dave.token })).status).toBe(404);
    expect(await bodyOf(await api.request(`/api/v1/posts/${post.id}`, { token: carol.token }), Post, 200)).toMatchObject({ is_active: false });

    const kept = await bodyOf(await decide(alice, onComment.id, 'rejected'), ModerationReport, 200);
    expect(kept).toMatchObject({ status: 'rejected', moderator_id: alice.id });
    expect((await bodyOf(await list(bob, '?status=pending'), ModerationReportList, 200)).data).toEqual([]);
  });
});
