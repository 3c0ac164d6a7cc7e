import { z } from '@hono/zod-openapi';
import { Comment } from '../../community/comments.ts';
import { Group } from '../../community/groups.ts';
import { ModerationReport, ModerationReportList } from '../../community/moderation.ts';
import { Post } from '../../community/posts.ts';
import { Report } from '../../community/reports.ts';
import type { ApiUser, TestApi } from '../../../test/support/app.ts';
import { bodyOf, describe, expect, test } from '../../../test/support/fixtures.ts';

const ReportPage = z.object({ data: z.array(Report), next_cursor: z.string().nullable() });

async function createPost(api: TestApi, user: ApiUser, body: Record<string, unknown>) {
  return bodyOf(await api.request('/api/v1/posts', { method: 'POST', token: user.token, json: body }), Post, 201);
}

const report = (api: TestApi, user: ApiUser, body: Record<string, unknown>) =>
  api.request('/api/v1/reports', { method: 'POST', token: user.token, json: { flagged_reason: 'spam', ...body } });

/** Every queue entry about one piece of content, as an administrator sees the queue. */
async function queueFor(api: TestApi, admin: ApiUser, contentId: string): Promise<ModerationReport[]> {
  const found: ModerationReport[] = [];
  let cursor: string | null = null;
  do {
    const path: string = `/api/v1/admin/moderation?limit=100${cursor ? `&cursor=${cursor}` : ''}`;
    const page = await bodyOf(await api.request(path, { token: admin.token }), ModerationReportList, 200);
    found.push(...page.data.filter((entry) => entry.content_id === contentId));
    cursor = page.next_cursor;
  } while (cursor);
  return found;
}

async function setting(api: TestApi, admin: ApiUser, key: string, value: unknown) {
  const response = await api.request(`/api/v1/admin/settings/${key}`, { method: 'PUT', token: admin.token, json: { setting_value: value } });
  expect(response.status).toBeLessThan(300);
}

describe('reports', () => {
  test('record the reporter, the author and the text of the content as it stood; the body names only content and reason', async ({
    api,
    alice,
    bob,
    admin,
  }) => {
    const post = await createPost(api, alice, { title: 'Permits', content: 'Send 50 dollars first, permit by mail' });
    const response = await report(api, bob, {
      content_type: 'post',
      content_id: post.id,
      flagged_reason: 'scam',
      additional_context: 'Asks for money up front',
      reporter_id: alice.id,
      author_id: bob.id,
      author_email: 'someone@example.com',
      content_text: 'Made up',
      status: 'removed',
    });
    const filed = await bodyOf(response, Report, 201);
    expect(filed).toMatchObject({ content_type: 'post', content_id: post.id, flagged_reason: 'scam', status: 'pending' });
    await createPost(api, alice, { content: 'unrelated' });
    await api.request(`/api/v1/posts/${post.id}`, { method: 'PATCH', token: alice.token, json: { content: 'Edited afterwards' } });

    const [entry] = await queueFor(api, admin, post.id);
    expect(entry).toMatchObject({
      id: filed.id,
      reporter_id: bob.id,
      author_id: alice.id,
      author_email: null,
      content_text: 'Permits\n\nSend 50 dollars first, permit by mail',
      additional_context: 'Asks for money up front',
      status: 'pending',
      moderator_id: null,
      content: { text: 'Permits\n\nEdited afterwards', is_active: true, hidden: false },
    });
  });

  test('reporting the same content again while the report is pending finds it (200)', async ({ api, alice, bob, admin }) => {
    const post = await createPost(api, alice, { content: 'Cheap diesel, DM me' });
    const first = await bodyOf(await report(api, bob, { content_type: 'post', content_id: post.id }), Report, 201);
    const again = await bodyOf(await report(api, bob, { content_type: 'post', content_id: post.id, flagged_reason: 'scam' }), Report, 200);
    expect(again).toEqual(first);
    expect(await queueFor(api, admin, post.id)).toHaveLength(1);
  });

  test('cover comments, groups and profiles the reporter can see, and nothing hidden from them or of their own', async ({ api, alice, bob }) => {
    const carol = await api.signIn();
    const post = await createPost(api, alice, { content: 'Open road' });
    const comment = await bodyOf(
      await api.request(`/api/v1/posts/${post.id}/comments`, { method: 'POST', token: alice.token, json: { content: 'Rude remark' } }),
      Comment,
      201,
    );
    const group = await bodyOf(await api.request('/api/v1/groups', { method: 'POST', token: alice.token, json: { name: 'Spam central' } }), Group, 201);
    const hiddenGroup = await bodyOf(
      await api.request('/api/v1/groups', { method: 'POST', token: alice.token, json: { name: 'Hush', privacy_level: 'private' } }),
      Group,
      201,
    );
    const diary = await createPost(api, alice, { content: 'Private thoughts', visibility: 'private' });
    const own = await createPost(api, bob, { content: 'My own words' });

    const statusOf = async (body: Record<string, unknown>) => (await report(api, bob, body)).status;
    expect(await statusOf({ content_type: 'comment', content_id: comment.id, flagged_reason: 'harassment' })).toBe(201);
    expect(await statusOf({ content_type: 'group', content_id: group.id })).toBe(201);
    expect(await statusOf({ content_type: 'profile', content_id: alice.id })).toBe(201);
    // Someone bob has never come across, things hidden from him, and his own.
    expect(await statusOf({ content_type: 'profile', content_id: carol.id })).toBe(400);
    expect(await statusOf({ content_type: 'group', content_id: hiddenGroup.id })).toBe(400);
    expect(await statusOf({ content_type: 'post', content_id: diary.id })).toBe(400);
    expect(await statusOf({ content_type: 'post', content_id: own.id })).toBe(400);
    expect(await statusOf({ content_type: 'post', content_id: crypto.randomUUID() })).toBe(400);
  });

  test('list the reporter\'s own reports, newest first, with their status', async ({ api, alice, bob }) => {
    const posts = [await createPost(api, alice, { content: 'One' }), await createPost(api, alice, { content: 'Two' })];
    const filed = [];
    for (const post of posts) filed.push(await bodyOf(await report(api, bob, { content_type: 'post', content_id: post.id }), Report, 201));
    const page = await bodyOf(await api.request('/api/v1/reports', { token: bob.token }), ReportPage, 200);
    expect(page.data).toEqual([...filed].reverse());
    expect((await bodyOf(await api.request('/api/v1/reports', { token: alice.token }), ReportPage, 200)).data).toEqual([]);
  });

  test("by three different people hide content until it is reviewed, except an administrator's", async ({ api, alice, bob, admin }) => {
    const [carol, dave] = [await api.signIn(), await api.signIn()];
    const post = await createPost(api, alice, { content: 'Selling stolen bikes' });
    const byAdmin = await createPost(api, admin, { content: 'House rules: be kind' });
    const status = async (user: ApiUser, id: string) => (await api.request(`/api/v1/posts/${id}`, { token: user.token })).status;

    for (const reporter of [bob, carol]) {
      await report(api, reporter, { content_type: 'post', content_id: post.id, flagged_reason: 'illegal' });
      await report(api, reporter, { content_type: 'post', content_id: byAdmin.id });
    }
    // The same reporter twice counts once.
    await report(api, bob, { content_type: 'post', content_id: post.id, flagged_reason: 'scam' });
    expect(await status(dave, post.id)).toBe(200);

    await report(api, dave, { content_type: 'post', content_id: post.id, flagged_reason: 'illegal' });
    await report(api, dave, { content_type: 'post', content_id: byAdmin.id });
    for (const user of [bob, carol, dave]) expect(await status(user, post.id)).toBe(404);
    expect(await bodyOf(await api.request(`/api/v1/posts/${post.id}`, { token: alice.token }), Post, 200)).toMatchObject({
      hidden_at: expect.any(String),
      is_active: true,
    });
    expect(await status(bob, byAdmin.id)).toBe(200);

    // Reviewed and approved, the post is back, and every pending report on it is settled.
    const [first] = await queueFor(api, admin, post.id);
    const decided = await api.request(`/api/v1/admin/moderation/${first.id}`, { method: 'PATCH', token: admin.token, json: { status: 'approved' } });
    expect(await bodyOf(decided, ModerationReport, 200)).toMatchObject({ status: 'approved', content: { hidden: false } });
    expect(await status(dave, post.id)).toBe(200);
    expect((await queueFor(api, admin, post.id)).map((entry) => entry.status)).toEqual(['approved', 'approved', 'approved']);
  });
});

describe('automated flags', () => {
  const rules = 'community.moderation_rules';

  test("an administrator's word list flags posts and comments as they are written, and queues the high-severity ones", async ({
    api,
    alice,
    admin,
  }) => {
    await setting(api, admin, rules, { blocked_words: { words: ['miracle cure', 'casino'], severity: 'high' } });
    try {
      const flagged = await createPost(api, alice, { content: 'Try this Miracle Cure for rust!' });
      const clean = await createPost(api, alice, { content: 'A cured miracle of a van' });
      const comment = await bodyOf(
        await api.request(`/api/v1/posts/${clean.id}/comments`, { method: 'POST', token: alice.token, json: { content: 'Online CASINO' } }),
        Comment,
        201,
      );
      expect(await queueFor(api, admin, flagged.id)).toEqual([
        expect.objectContaining({
          content_type: 'post',
          reporter_id: null,
          flagged_reason: 'automated',
          status: 'pending',
          author_id: alice.id,
          automated_flags: [{ rule: 'blocked_words', severity: 'high', detail: 'contains "miracle cure"' }],
        }),
      ]);
      expect(await queueFor(api, admin, comment.id)).toEqual([
        expect.objectContaining({ content_type: 'comment', flagged_reason: 'automated', content_text: 'Online CASINO' }),
      ]);
      expect(await queueFor(api, admin, clean.id)).toEqual([]);
      // Flagged content stays up until someone decides.
      expect((await api.request(`/api/v1/posts/${flagged.id}`, { token: admin.token })).status).toBe(200);
    } finally {
      await setting(api, admin, rules, {});
    }
  });

  test('the same text again within minutes is queued; a low-severity flag is only recorded', async ({ api, alice, admin }) => {
    const first = await createPost(api, alice, { content: 'Selling a roof box, 80 euros' });
    const again = await createPost(api, alice, { content: '  selling a ROOF box,   80 euros ' });
    expect(await queueFor(api, admin, first.id)).toEqual([]);
    expect((await queueFor(api, admin, again.id)).map((entry) => entry.automated_flags)).toEqual([
      [{ rule: 'repeated_text', severity: 'high', detail: 'posted before within 10 minutes' }],
    ]);

    const shouted = await createPost(api, alice, { content: 'THE BRIDGE IS CLOSED UNTIL FRIDAY, TAKE THE FERRY' });
    expect(await queueFor(api, admin, shouted.id)).toEqual([]);
    const { rows } = await api.database.owner.query(`select automated_flags from public.posts where id = $1`, [shouted.id]);
    expect(rows[0].automated_flags).toEqual([{ rule: 'shouting', severity: 'low', detail: '100% capital letters' }]);
  });

  test('links from an account younger than a day are queued; an older account posts them freely', async ({ api, alice, admin }) => {
    const link = await createPost(api, alice, { content: 'Cheap insurance at https://example.com/deal' });
    expect((await queueFor(api, admin, link.id)).map((entry) => entry.automated_flags)).toEqual([
      [{ rule: 'links_from_new_accounts', severity: 'high', detail: '1 link from an account 0 h old' }],
    ]);
    await api.database.owner.query(`update public.profiles set created_at = now() - interval '2 days' where id = $1`, [alice.id]);
    const later = await createPost(api, alice, { content: 'Road report: www.example.org/roads' });
    expect(await queueFor(api, admin, later.id)).toEqual([]);
  });

  test('an edit is flagged afresh', async ({ api, alice, admin }) => {
    await setting(api, admin, rules, { blocked_words: { words: ['casino'] } });
    try {
      const post = await createPost(api, alice, { content: 'Nice lake' });
      expect(await queueFor(api, admin, post.id)).toEqual([]);
      await api.request(`/api/v1/posts/${post.id}`, { method: 'PATCH', token: alice.token, json: { content: 'Nice casino' } });
      expect((await queueFor(api, admin, post.id)).map((entry) => entry.automated_flags?.[0].rule)).toEqual(['blocked_words']);
    } finally {
      await setting(api, admin, rules, {});
    }
  });
});
