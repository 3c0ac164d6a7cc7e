import { z } from '@hono/zod-openapi';
import { AuditLog } from '../../admin/audit-logs.ts';
import { Comment } from '../../community/comments.ts';
import { Group } from '../../community/groups.ts';
import { ModerationReport, ModerationReportList } from '../../community/moderation.ts';
import { Post } from '../../community/posts.ts';
import { Report } from '../../community/reports.ts';
import type { ApiUser, TestApi } from '../../../test/support/app.ts';
import { bodyOf, describe, expect, test } from '../../../test/support/fixtures.ts';

const AuditLogPage = z.object({ data: z.array(AuditLog), next_cursor: z.string().nullable() });

async function createPost(api: TestApi, user: ApiUser, body: Record<string, unknown>) {
  return bodyOf(await api.request('/api/v1/posts', { method: 'POST', token: user.token, json: body }), Post, 201);
}

async function report(api: TestApi, user: ApiUser, contentType: string, contentId: string) {
  const response = await api.request('/api/v1/reports', {
    method: 'POST',
    token: user.token,
    json: { content_type: contentType, content_id: contentId, flagged_reason: 'harassment' },
  });
  return bodyOf(response, Report, 201);
}

const decide = (api: TestApi, admin: ApiUser, id: string, body: Record<string, unknown>) =>
  api.request(`/api/v1/admin/moderation/${id}`, { method: 'PATCH', token: admin.token, json: body });

async function queue(api: TestApi, admin: ApiUser, query = '') {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const path: string = `/api/v1/admin/moderation?limit=2${query}${cursor ? `&cursor=${cursor}` : ''}`;
    const page = await bodyOf(await api.request(path, { token: admin.token }), ModerationReportList, 200);
    ids.push(...page.data.map((entry) => entry.id));
    cursor = page.next_cursor;
  } while (cursor);
  return ids;
}

const status = async (api: TestApi, user: ApiUser, path: string) => (await api.request(path, { token: user.token })).status;

describe('the moderation queue', () => {
  test('lists reports oldest first, page by page, and narrows them by status and content type', async ({ api, alice, bob, admin }) => {
    const posts = [await createPost(api, alice, { content: 'First' }), await createPost(api, alice, { content: 'Second' })];
    const reports = [await report(api, bob, 'post', posts[0].id), await report(api, bob, 'post', posts[1].id), await report(api, bob, 'profile', alice.id)];
    await decide(api, admin, reports[1].id, { status: 'rejected' });

    const everything = await queue(api, admin);
    expect(everything.filter((id) => reports.some((r) => r.id === id))).toEqual(reports.map((r) => r.id));
    const pending = await queue(api, admin, '&status=pending');
    expect(pending).toEqual(expect.arrayContaining([reports[0].id, reports[2].id]));
    expect(pending).not.toContain(reports[1].id);
    expect(await queue(api, admin, '&status=rejected')).toEqual([reports[1].id]);
    expect(await queue(api, admin, '&status=pending&content_type=profile')).toEqual([reports[2].id]);
  });

  test('`removed` takes a post down for everyone but its author and administrators, settles its other reports, and is audited', async ({
    api,
    alice,
    bob,
    admin,
  }) => {
    const carol = await api.signIn();
    const post = await createPost(api, alice, { content: 'You are all idiots' });
    const first = await report(api, bob, 'post', post.id);
    const second = await report(api, carol, 'post', post.id);

    const response = await decide(api, admin, first.id, { status: 'removed', moderator_notes: 'Insults' });
    expect(await bodyOf(response, ModerationReport, 200)).toMatchObject({
      id: first.id,
      status: 'removed',
      moderator_id: admin.id,
      moderator_notes: 'Insults',
      content: { text: 'You are all idiots', is_active: false, hidden: false },
    });

    for (const user of [bob, carol]) expect(await status(api, user, `/api/v1/posts/${post.id}`)).toBe(404);
    expect(await bodyOf(await api.request(`/api/v1/posts/${post.id}`, { token: alice.token }), Post, 200)).toMatchObject({ is_active: false });
    // Outside the admin routes an administrator is an ordinary user.
    expect(await status(api, admin, `/api/v1/posts/${post.id}`)).toBe(404);
    // Its author cannot bring it back.
    await api.request(`/api/v1/posts/${post.id}`, { method: 'PATCH', token: alice.token, json: { content: 'Sorry', is_active: true } });
    expect(await status(api, bob, `/api/v1/posts/${post.id}`)).toBe(404);

    const reporterView = await bodyOf(await api.request('/api/v1/reports', { token: carol.token }), z.object({ data: z.array(Report) }), 200);
    expect(reporterView.data.find((r) => r.id === second.id)?.status).toBe('removed');

    const audit = await bodyOf(
      await api.request(`/api/v1/admin/audit-logs?table_name=content_moderation&record_id=${first.id}`, { token: admin.token }),
      AuditLogPage,
      200,
    );
    expect(audit.data.map((entry) => [entry.user_id, entry.old_values?.status, entry.new_values?.status])).toEqual([
      [admin.id, 'pending', 'removed'],
    ]);
  });

  test('a later decision restores removed content', async ({ api, alice, bob, admin }) => {
    const post = await createPost(api, alice, { content: 'Misread as rude' });
    const filed = await report(api, bob, 'post', post.id);
    await decide(api, admin, filed.id, { status: 'removed' });
    expect(await status(api, bob, `/api/v1/posts/${post.id}`)).toBe(404);
    const restored = await bodyOf(await decide(api, admin, filed.id, { status: 'approved', moderator_notes: 'On second look, fine' }), ModerationReport, 200);
    expect(restored).toMatchObject({ status: 'approved', content: { is_active: true } });
    expect(await status(api, bob, `/api/v1/posts/${post.id}`)).toBe(200);
  });

  test('removes comments and groups the same way: gone for all but their authors', async ({ api, alice, bob, admin }) => {
    const post = await createPost(api, bob, { content: 'Road trip photos' });
    const comment = await bodyOf(
      await api.request(`/api/v1/posts/${post.id}/comments`, { method: 'POST', token: alice.token, json: { content: 'Ugly van' } }),
      Comment,
      201,
    );
    const group = await bodyOf(await api.request('/api/v1/groups', { method: 'POST', token: alice.token, json: { name: 'Hate club' } }), Group, 201);
    await api.request(`/api/v1/groups/${group.id}/join`, { method: 'POST', token: bob.token });
    for (const filed of [await report(api, bob, 'comment', comment.id), await report(api, bob, 'group', group.id)]) {
      expect((await decide(api, admin, filed.id, { status: 'removed' })).status).toBe(200);
    }
    const thread = await api.request(`/api/v1/posts/${post.id}/comments`, { token: bob.token });
    expect((await thread.json()).data).toEqual([]);
    expect(await status(api, alice, `/api/v1/comments/${comment.id}`)).toBe(200);
    expect(await status(api, bob, `/api/v1/groups/${group.id}`)).toBe(404);
    expect(await status(api, alice, `/api/v1/groups/${group.id}`)).toBe(200);
  });

  test('removing a reported profile closes the account', async ({ api, alice, bob, admin }) => {
    await createPost(api, alice, { content: 'Buy followers here' });
    const filed = await report(api, bob, 'profile', alice.id);
    await decide(api, admin, filed.id, { status: 'removed', moderator_notes: 'Spam account' });
    expect(await status(api, alice, '/api/v1/me')).toBe(401);
  });
});
