import { Post } from '../../community/posts.ts';
import { bodyOf, describe, expect, test } from '../../../test/support/fixtures.ts';
import { expectProblem, fieldsOf, tableDigest } from '../../../test/support/problem-assertions.ts';

describe('bad input to the community routes', () => {
  test('a post with bad fields is 400 with one error per field, and nothing is written', async ({ api, alice }) => {
    const before = await tableDigest(api, 'posts');
    const response = await api.request('/api/v1/posts', {
      method: 'POST',
      token: alice.token,
      json: { content: '   ', visibility: 'friends', post_type: 'essay', group_id: 'nope', media_urls: ['not a url'] },
    });
    expect(fieldsOf(await expectProblem(response, 400))).toEqual(['content', 'group_id', 'media_urls.0', 'post_type', 'visibility']);
    expect(await tableDigest(api, 'posts')).toBe(before);
  });

  test('a post shown to a group needs a group', async ({ api, alice }) => {
    const created = await api.request('/api/v1/posts', { method: 'POST', token: alice.token, json: { content: 'Hi', visibility: 'group' } });
    expect(fieldsOf(await expectProblem(created, 400))).toEqual(['visibility']);
    const post = await bodyOf(await api.request('/api/v1/posts', { method: 'POST', token: alice.token, json: { content: 'Hi' } }), Post, 201);
    const changed = await api.request(`/api/v1/posts/${post.id}`, { method: 'PATCH', token: alice.token, json: { visibility: 'group' } });
    expect(fieldsOf(await expectProblem(changed, 400))).toEqual(['visibility']);
  });

  test('a report needs a known kind and reason, and words when the reason is `other`', async ({ api, alice }) => {
    const file = (json: unknown) => api.request('/api/v1/reports', { method: 'POST', token: alice.token, json });
    const id = crypto.randomUUID();
    expect(fieldsOf(await expectProblem(await file({ content_type: 'vehicle', content_id: id, flagged_reason: 'rude' }), 400))).toEqual([
      'content_type',
      'flagged_reason',
    ]);
    expect(fieldsOf(await expectProblem(await file({ content_type: 'post', content_id: id, flagged_reason: 'other' }), 400))).toEqual([
      'additional_context',
    ]);
    expect(
      fieldsOf(await expectProblem(await file({ content_type: 'post', content_id: id, flagged_reason: 'other', additional_context: '  ' }), 400)),
    ).toEqual(['additional_context']);
    // `automated` is the moderation rules' reason, not a reporter's.
    expect(fieldsOf(await expectProblem(await file({ content_type: 'post', content_id: id, flagged_reason: 'automated' }), 400))).toEqual([
      'flagged_reason',
    ]);
  });

  test('a group, a member change and a comment with bad fields are 400', async ({ api, alice }) => {
    const group = await api.request('/api/v1/groups', { method: 'POST', token: alice.token, json: { name: '', privacy_level: 'secret' } });
    expect(fieldsOf(await expectProblem(group, 400))).toEqual(['name', 'privacy_level']);
    const someGroup = crypto.randomUUID();
    const member = await api.request(`/api/v1/groups/${someGroup}/members`, { method: 'POST', token: alice.token, json: { user_id: 'x', role: 'owner' } });
    expect(fieldsOf(await expectProblem(member, 400))).toEqual(['role', 'user_id']);
    const post = await bodyOf(await api.request('/api/v1/posts', { method: 'POST', token: alice.token, json: { content: 'Hi' } }), Post, 201);
    const comment = await api.request(`/api/v1/posts/${post.id}/comments`, { method: 'POST', token: alice.token, json: { parent_comment_id: 3 } });
    expect(fieldsOf(await expectProblem(comment, 400))).toEqual(['content', 'parent_comment_id']);
  });

  test('unknown ids are 404, malformed ones too, and a forged cursor is 400', async ({ api, alice }) => {
    const unknown = crypto.randomUUID();
    for (const path of [`/api/v1/groups/${unknown}`, `/api/v1/posts/${unknown}`, `/api/v1/comments/${unknown}`, '/api/v1/posts/not-a-uuid']) {
      await expectProblem(await api.request(path, { token: alice.token }), 404);
    }
    await expectProblem(await api.request(`/api/v1/posts/${unknown}/like`, { method: 'PUT', token: alice.token }), 404);
    await expectProblem(await api.request(`/api/v1/posts/${unknown}/like`, { method: 'DELETE', token: alice.token }), 404);
    await expectProblem(await api.request(`/api/v1/groups/${unknown}/join`, { method: 'POST', token: alice.token }), 404);
    for (const list of ['/api/v1/posts', '/api/v1/groups', '/api/v1/blocks', '/api/v1/reports', '/api/v1/posts?q=camp']) {
      const separator = list.includes('?') ? '&' : '?';
      await expectProblem(await api.request(`${list}${separator}cursor=forged`, { token: alice.token }), 400);
    }
  });

  test('a member who is no moderator gets 403 on the group\'s reports, and an outsider of a private group 404', async ({ api, alice, bob }) => {
    const group = (await (await api.request('/api/v1/groups', { method: 'POST', token: alice.token, json: { name: 'Open' } })).json()) as { id: string };
    await api.request(`/api/v1/groups/${group.id}/join`, { method: 'POST', token: bob.token });
    await expectProblem(await api.request(`/api/v1/groups/${group.id}/reports`, { token: bob.token }), 403);
    const hidden = (await (
      await api.request('/api/v1/groups', { method: 'POST', token: alice.token, json: { name: 'Closed', privacy_level: 'private' } })
    ).json()) as { id: string };
    await expectProblem(await api.request(`/api/v1/groups/${hidden.id}/reports`, { token: bob.token }), 404);
  });
});
