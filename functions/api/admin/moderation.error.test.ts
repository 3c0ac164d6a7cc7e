import { Post } from '../../community/posts.ts';
import { Report } from '../../community/reports.ts';
import { bodyOf, describe, expect, test } from '../../../test/support/fixtures.ts';
import { expectProblem, fieldsOf, tableDigest } from '../../../test/support/problem-assertions.ts';

describe('bad requests to the moderation queue', () => {
  test('an ordinary user gets 403 and changes nothing', async ({ api, alice, bob }) => {
    const post = await bodyOf(await api.request('/api/v1/posts', { method: 'POST', token: alice.token, json: { content: 'Hello' } }), Post, 201);
    const filed = await bodyOf(
      await api.request('/api/v1/reports', { method: 'POST', token: bob.token, json: { content_type: 'post', content_id: post.id, flagged_reason: 'spam' } }),
      Report,
      201,
    );
    const before = await tableDigest(api, 'content_moderation');
    await expectProblem(await api.request('/api/v1/admin/moderation', { token: bob.token }), 403);
    const decided = await api.request(`/api/v1/admin/moderation/${filed.id}`, { method: 'PATCH', token: alice.token, json: { status: 'approved' } });
    await expectProblem(decided, 403);
    expect(await tableDigest(api, 'content_moderation')).toBe(before);
  });

  test('a decision must be approved, rejected or removed', async ({ api, admin }) => {
    const id = crypto.randomUUID();
    for (const status of ['pending', 'deleted', undefined]) {
      const response = await api.request(`/api/v1/admin/moderation/${id}`, { method: 'PATCH', token: admin.token, json: { status } });
      expect(fieldsOf(await expectProblem(response, 400))).toEqual(['status']);
    }
  });

  test('an unknown report is 404, and bad filters are 400', async ({ api, admin }) => {
    const response = await api.request(`/api/v1/admin/moderation/${crypto.randomUUID()}`, {
      method: 'PATCH',
      token: admin.token,
      json: { status: 'approved' },
    });
    await expectProblem(response, 404);
    const filtered = await api.request('/api/v1/admin/moderation?status=open&content_type=video', { token: admin.token });
    expect(fieldsOf(await expectProblem(filtered, 400))).toEqual(['content_type', 'status']);
  });
});
