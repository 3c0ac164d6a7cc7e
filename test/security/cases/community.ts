import type { ApiUser, TestApi } from '../../support/app.ts';
import { created, type RouteSecurityCase } from '../route-cases.ts';

/**
 * The community. The owner's rows that nobody else may reach are a private group, a
 * post private to its author and a comment on it; to anyone else they do not exist.
 */

const privateGroup = (api: TestApi, owner: ApiUser) =>
  created(api, owner, '/api/v1/groups', { name: 'owner group', privacy_level: 'private' });

const privatePost = (api: TestApi, owner: ApiUser) =>
  created(api, owner, '/api/v1/posts', { content: 'owner diary', visibility: 'private' });

async function commentOnPrivatePost(api: TestApi, owner: ApiUser) {
  const post = await privatePost(api, owner);
  return created(api, owner, `/api/v1/posts/${post.id}/comments`, { content: 'owner note' });
}

/** A report the owner filed on a member's post in the owner's private group. */
async function reportInPrivateGroup(api: TestApi, owner: ApiUser) {
  const group = await privateGroup(api, owner);
  const member = await api.signIn();
  await created(api, owner, `/api/v1/groups/${group.id}/members`, { user_id: member.id });
  const post = await created(api, member, '/api/v1/posts', { group_id: group.id, content: 'member post' });
  const report = await created(api, owner, '/api/v1/reports', { content_type: 'post', content_id: post.id, flagged_reason: 'spam' });
  return { group, report };
}

const rowOf =
  (make: (api: TestApi, owner: ApiUser) => Promise<{ id: string }>, body?: unknown): RouteSecurityCase['foreignRow'] =>
  async (api, owner) => ({ params: { id: (await make(api, owner)).id }, body });

const memberOf: RouteSecurityCase['foreignRow'] = async (api, owner) => ({
  params: { id: (await privateGroup(api, owner)).id, user_id: owner.id },
  body: { role: 'member' },
});

const reportBody = { content_type: 'post', content_id: crypto.randomUUID(), flagged_reason: 'spam' };

export const cases: Record<string, RouteSecurityCase> = {
  'GET /api/v1/groups': { foreignList: async (api, owner) => [(await privateGroup(api, owner)).id] },
  'POST /api/v1/groups': { body: { name: 'x' } },
  'GET /api/v1/groups/{id}': { foreignRow: rowOf(privateGroup) },
  'PATCH /api/v1/groups/{id}': { body: { description: 'x' }, foreignRow: rowOf(privateGroup, { description: 'taken over' }) },
  'DELETE /api/v1/groups/{id}': { foreignRow: rowOf(privateGroup) },

  'GET /api/v1/groups/{id}/members': { foreignRow: rowOf(privateGroup) },
  'POST /api/v1/groups/{id}/members': {
    body: { user_id: crypto.randomUUID() },
    foreignRow: async (api, owner) => ({ params: { id: (await privateGroup(api, owner)).id }, body: { user_id: owner.id } }),
  },
  'PATCH /api/v1/groups/{id}/members/{user_id}': { body: { role: 'member' }, foreignRow: memberOf },
  'DELETE /api/v1/groups/{id}/members/{user_id}': { foreignRow: memberOf },
  'POST /api/v1/groups/{id}/join': { foreignRow: rowOf(privateGroup) },
  'POST /api/v1/groups/{id}/leave': { foreignRow: rowOf(privateGroup) },

  'GET /api/v1/posts': {
    foreignList: async (api, owner) => {
      const group = await privateGroup(api, owner);
      const inGroup = await created(api, owner, '/api/v1/posts', { group_id: group.id, content: 'members only' });
      return [(await privatePost(api, owner)).id, inGroup.id];
    },
  },
  'POST /api/v1/posts': { body: { content: 'x' } },
  'GET /api/v1/posts/{id}': { foreignRow: rowOf(privatePost) },
  'PATCH /api/v1/posts/{id}': { body: { content: 'x' }, foreignRow: rowOf(privatePost, { content: 'taken over' }) },
  'DELETE /api/v1/posts/{id}': { foreignRow: rowOf(privatePost) },
  'PUT /api/v1/posts/{id}/like': { foreignRow: rowOf(privatePost) },
  'DELETE /api/v1/posts/{id}/like': { foreignRow: rowOf(privatePost) },
  'GET /api/v1/posts/{id}/comments': { foreignRow: rowOf(privatePost) },
  'POST /api/v1/posts/{id}/comments': { body: { content: 'x' }, foreignRow: rowOf(privatePost, { content: 'intruding' }) },

  'GET /api/v1/comments/{id}': { foreignRow: rowOf(commentOnPrivatePost) },
  'PATCH /api/v1/comments/{id}': { body: { content: 'x' }, foreignRow: rowOf(commentOnPrivatePost, { content: 'taken over' }) },
  'DELETE /api/v1/comments/{id}': { foreignRow: rowOf(commentOnPrivatePost) },

  // Anyone may block anyone; a block is seen by its blocker alone.
  'PUT /api/v1/users/{id}/block': {},
  'DELETE /api/v1/users/{id}/block': {},
  'GET /api/v1/blocks': {
    foreignList: async (api, owner) => {
      const blocked = await api.signIn();
      const response = await api.request(`/api/v1/users/${blocked.id}/block`, { method: 'PUT', token: owner.token });
      if (response.status !== 200) throw new Error(`arranging a block failed: ${response.status}`);
      return [blocked.id];
    },
  },

  'POST /api/v1/reports': { body: reportBody },
  'GET /api/v1/reports': { foreignList: async (api, owner) => [(await reportInPrivateGroup(api, owner)).report.id] },
  'GET /api/v1/groups/{id}/reports': { foreignRow: rowOf(privateGroup) },
  'PATCH /api/v1/groups/{id}/reports/{report_id}': {
    body: { status: 'approved' },
    foreignRow: async (api, owner) => {
      const { group, report } = await reportInPrivateGroup(api, owner);
      return { params: { id: group.id, report_id: report.id }, body: { status: 'removed' } };
    },
  },

  'GET /api/v1/admin/moderation': { adminOnly: true },
  'PATCH /api/v1/admin/moderation/{id}': { adminOnly: true, body: { status: 'approved' } },
};
