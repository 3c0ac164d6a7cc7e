import { newApp } from '../../app.ts';
import { Group } from '../../community/groups.ts';
import { Post } from '../../community/posts.ts';
import { type ApiUser, connectorFor, type TestApi, testEnv } from '../../../test/support/app.ts';
import { bodyOf, describe, expect, test } from '../../../test/support/fixtures.ts';
import { expectProblem } from '../../../test/support/problem-assertions.ts';

/**
 * Per-user limits on creating posts, comments, reports and groups, set by administrators
 * in system_settings, and the size caps on bodies. Each test sets the limits it needs
 * and puts the defaults back.
 */

async function withLimit<T>(api: TestApi, admin: ApiUser, action: string, limit: { max_hits: number; window_seconds: number }, work: () => Promise<T>) {
  const key = `/api/v1/admin/settings/community.rate_limit.${action}`;
  const before = await (await api.request(key, { token: admin.token })).json();
  await api.request(key, { method: 'PUT', token: admin.token, json: { setting_value: limit } });
  try {
    return await work();
  } finally {
    await api.request(key, { method: 'PUT', token: admin.token, json: { setting_value: before.setting_value } });
  }
}

const post = (api: TestApi, user: ApiUser, content: string) =>
  api.request('/api/v1/posts', { method: 'POST', token: user.token, json: { content } });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('rate limits', () => {
  test('answer 429 with Retry-After once the limit is reached, and let the user post again once it has passed', async ({ api, alice, admin }) => {
    await withLimit(api, admin, 'post', { max_hits: 1, window_seconds: 2 }, async () => {
      // The window is fixed: the first refusal comes within two posts, or three across a window's edge.
      let refused = null;
      for (let attempt = 0; attempt < 4 && !refused; attempt++) {
        const response = await post(api, alice, `Attempt ${attempt}`);
        if (response.status === 429) refused = response;
        else expect(response.status).toBe(201);
      }
      expect(refused).not.toBeNull();
      await expectProblem(refused!, 429);
      const retryAfter = Number(refused!.headers.get('retry-after'));
      expect([1, 2]).toContain(retryAfter);

      await sleep(retryAfter * 1000);
      expect((await post(api, alice, 'After the wait')).status).toBe(201);
    });
  });

  test('count per user, hold across Worker isolates, and do not count refused or failed requests', async ({ api, alice, bob, admin }) => {
    await withLimit(api, admin, 'comment', { max_hits: 2, window_seconds: 3600 }, async () => {
      const target = await bodyOf(await post(api, bob, 'Comment here'), Post, 201);
      const elsewhere = await bodyOf(await post(api, bob, 'Another post'), Post, 201);
      const foreignReply = await api.request(`/api/v1/posts/${elsewhere.id}/comments`, { method: 'POST', token: bob.token, json: { content: 'Hi' } });
      const foreignId = (await foreignReply.json()).id;
      // A second app on the same database stands in for another isolate.
      const otherIsolate = newApp({ connectDatabase: connectorFor(api.database) });
      const comment = (app: 'this' | 'other', user: ApiUser, json: unknown) => {
        const init = { method: 'POST', headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' }, body: JSON.stringify(json) };
        const path = `/api/v1/posts/${target.id}/comments`;
        return app === 'this' ? api.request(path, init) : Promise.resolve(otherIsolate.request(path, init, testEnv));
      };

      // Replies to a comment on another post fail after the limit was taken: they do not count.
      for (let i = 0; i < 3; i++) {
        expect((await comment('this', alice, { content: 'Wrong thread', parent_comment_id: foreignId })).status).toBe(400);
      }
      expect((await comment('this', alice, { content: 'One' })).status).toBe(201);
      expect((await comment('other', alice, { content: 'Two' })).status).toBe(201);
      const third = await comment('other', alice, { content: 'Three' });
      expect(third.status).toBe(429);
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await comment('this', alice, { content: 'Three again' })).status).toBe(429);
      // Refusals are not counted against anyone else either.
      expect((await comment('this', bob, { content: 'Mine' })).status).toBe(201);

      const { rows } = await api.database.owner.query(`select count(*)::int as n from public.comments where post_id = $1 and author_id = $2`, [
        target.id,
        alice.id,
      ]);
      expect(rows[0].n).toBe(2);
    });
  });

  test('apply to reports and groups too', async ({ api, alice, bob, admin }) => {
    const limit = { max_hits: 1, window_seconds: 3600 };
    await withLimit(api, admin, 'group', limit, async () => {
      expect((await api.request('/api/v1/groups', { method: 'POST', token: alice.token, json: { name: 'One' } })).status).toBe(201);
      const refused = await api.request('/api/v1/groups', { method: 'POST', token: alice.token, json: { name: 'Two' } });
      await expectProblem(refused, 429);
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    });
    const [first, second] = [await bodyOf(await post(api, bob, 'Report me'), Post, 201), await bodyOf(await post(api, bob, 'Me too'), Post, 201)];
    await withLimit(api, admin, 'report', limit, async () => {
      const file = (postId: string) =>
        api.request('/api/v1/reports', { method: 'POST', token: alice.token, json: { content_type: 'post', content_id: postId, flagged_reason: 'spam' } });
      expect((await file(first.id)).status).toBe(201);
      expect((await file(second.id)).status).toBe(429);
    });
  });

  test('fall back to the defaults when a setting is malformed', async ({ api, alice, admin }) => {
    await withLimit(api, admin, 'group', { max_hits: 'many', window_seconds: -1 } as never, async () => {
      expect((await bodyOf(await api.request('/api/v1/groups', { method: 'POST', token: alice.token, json: { name: 'Still fine' } }), Group, 201)).name).toBe(
        'Still fine',
      );
    });
  });
});

describe('size caps', () => {
  test('refuse post bodies over 10,000 characters and comment bodies over 4,000', async ({ api, alice }) => {
    expect((await post(api, alice, 'x'.repeat(10_000))).status).toBe(201);
    const tooLong = await expectProblem(await post(api, alice, 'x'.repeat(10_001)), 400);
    expect(tooLong.errors.map((e: { path: string }) => e.path)).toEqual(['content']);

    const target = await bodyOf(await post(api, alice, 'Short'), Post, 201);
    const comment = (content: string) =>
      api.request(`/api/v1/posts/${target.id}/comments`, { method: 'POST', token: alice.token, json: { content } });
    expect((await comment('y'.repeat(4000))).status).toBe(201);
    await expectProblem(await comment('y'.repeat(4001)), 400);
  });
});
