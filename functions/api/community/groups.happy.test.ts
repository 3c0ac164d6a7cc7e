import { z } from '@hono/zod-openapi';
import { Group } from '../../community/groups.ts';
import { Membership } from '../../community/members.ts';
import { Post } from '../../community/posts.ts';
import type { ApiUser, TestApi } from '../../../test/support/app.ts';
import { bodyOf, describe, expect, test } from '../../../test/support/fixtures.ts';

const GroupPage = z.object({ data: z.array(Group), next_cursor: z.string().nullable() });
const MemberPage = z.object({ data: z.array(Membership), next_cursor: z.string().nullable() });
const PostPage = z.object({ data: z.array(Post), next_cursor: z.string().nullable() });

async function createGroup(api: TestApi, user: ApiUser, body: Record<string, unknown>) {
  return bodyOf(await api.request('/api/v1/groups', { method: 'POST', token: user.token, json: body }), Group, 201);
}

async function addMember(api: TestApi, by: ApiUser, groupId: string, member: ApiUser, role?: string) {
  return api.request(`/api/v1/groups/${groupId}/members`, { method: 'POST', token: by.token, json: { user_id: member.id, role } });
}

async function memberIds(api: TestApi, user: ApiUser, groupId: string) {
  const page = await bodyOf(await api.request(`/api/v1/groups/${groupId}/members`, { token: user.token }), MemberPage, 200);
  return page.data.map((m) => `${m.user_id}:${m.role}`).sort();
}

const memberCount = async (api: TestApi, user: ApiUser, groupId: string) =>
  (await bodyOf(await api.request(`/api/v1/groups/${groupId}`, { token: user.token }), Group, 200)).member_count;

const listedGroups = async (api: TestApi, user: ApiUser) =>
  (await bodyOf(await api.request('/api/v1/groups?limit=100', { token: user.token }), GroupPage, 200)).data.map((g) => g.id);

describe('groups', () => {
  test('creates a group: 201, Location, and its creator is its admin member', async ({ api, alice }) => {
    const response = await api.request('/api/v1/groups', {
      method: 'POST',
      token: alice.token,
      json: { name: 'Boondockers of Baja', category: 'travel', member_count: 999, creator_id: crypto.randomUUID() },
    });
    const group = await bodyOf(response, Group, 201);
    expect(response.headers.get('location')).toBe(`/api/v1/groups/${group.id}`);
    expect(group).toMatchObject({ name: 'Boondockers of Baja', privacy_level: 'public', creator_id: alice.id, member_count: 1, is_active: true });
    expect(await memberIds(api, alice, group.id)).toEqual([`${alice.id}:admin`]);
  });

  test.for(['private', 'invite_only'])(
    'a %s group, its members and its posts are invisible to non-members and visible once they are added',
    async (privacy, { api, alice, bob }) => {
      const group = await createGroup(api, alice, { name: `Quiet ${privacy}`, privacy_level: privacy });
      const posted = async (body: Record<string, unknown>) =>
        bodyOf(await api.request('/api/v1/posts', { method: 'POST', token: alice.token, json: { group_id: group.id, ...body } }), Post, 201);
      const groupPost = await posted({ content: 'Meet at the ferry' });
      const publicPost = await posted({ content: 'Anyone on the coast road?', visibility: 'public' });
      await api.request(`/api/v1/posts/${groupPost.id}/comments`, { method: 'POST', token: alice.token, json: { content: 'Noon' } });

      const statuses = async () =>
        Promise.all(
          [
            `/api/v1/groups/${group.id}`,
            `/api/v1/groups/${group.id}/members`,
            `/api/v1/posts/${groupPost.id}`,
            `/api/v1/posts/${publicPost.id}`,
            `/api/v1/posts/${groupPost.id}/comments`,
          ].map(async (path) => (await api.request(path, { token: bob.token })).status),
        );
      const feed = async () =>
        (await bodyOf(await api.request(`/api/v1/posts?group_id=${group.id}`, { token: bob.token }), PostPage, 200)).data.map((p) => p.id);

      expect(await statuses()).toEqual([404, 404, 404, 404, 404]);
      expect(await listedGroups(api, bob)).not.toContain(group.id);
      expect(await feed()).toEqual([]);
      // Joining is for public groups; to an outsider this group is not there at all.
      expect((await api.request(`/api/v1/groups/${group.id}/join`, { method: 'POST', token: bob.token })).status).toBe(404);

      expect((await addMember(api, alice, group.id, bob)).status).toBe(201);
      expect(await statuses()).toEqual([200, 200, 200, 200, 200]);
      expect(await listedGroups(api, bob)).toContain(group.id);
      expect(await feed()).toEqual([publicPost.id, groupPost.id]);
      expect(await memberIds(api, bob, group.id)).toEqual([`${alice.id}:admin`, `${bob.id}:member`].sort());
      expect(await memberCount(api, bob, group.id)).toBe(2);
    },
  );

  test('public groups are listed to everyone signed in, members and all', async ({ api, alice, bob }) => {
    const group = await createGroup(api, alice, { name: 'Solar setups' });
    expect(await listedGroups(api, bob)).toContain(group.id);
    expect(await memberIds(api, bob, group.id)).toEqual([`${alice.id}:admin`]);
  });

  test('joining works for public groups, once; member_count follows joins and leaves', async ({ api, alice, bob }) => {
    const group = await createGroup(api, alice, { name: 'Ice roads' });
    const join = () => api.request(`/api/v1/groups/${group.id}/join`, { method: 'POST', token: bob.token });
    const joined = await bodyOf(await join(), Membership, 201);
    expect(joined).toMatchObject({ group_id: group.id, user_id: bob.id, role: 'member' });
    expect(await bodyOf(await join(), Membership, 200)).toEqual(joined);
    expect(await memberCount(api, alice, group.id)).toBe(2);

    const left = await api.request(`/api/v1/groups/${group.id}/leave`, { method: 'POST', token: bob.token });
    expect(left.status).toBe(204);
    expect(await memberCount(api, alice, group.id)).toBe(1);
    expect((await api.request(`/api/v1/groups/${group.id}/leave`, { method: 'POST', token: bob.token })).status).toBe(404);
  });

  test('a group turned invite-only takes no more joiners: its admins and moderators add members', async ({ api, alice, bob }) => {
    const group = await createGroup(api, alice, { name: 'Convoy crew' });
    const carol = await api.signIn();
    const dave = await api.signIn();
    await addMember(api, alice, group.id, bob, 'moderator');
    const changed = await api.request(`/api/v1/groups/${group.id}`, { method: 'PATCH', token: alice.token, json: { privacy_level: 'invite_only' } });
    expect((await bodyOf(changed, Group, 200)).privacy_level).toBe('invite_only');

    expect((await api.request(`/api/v1/groups/${group.id}/join`, { method: 'POST', token: carol.token })).status).toBe(404);
    expect((await addMember(api, bob, group.id, carol)).status).toBe(201);
    // A moderator adds plain members only; a plain member adds no one.
    expect((await addMember(api, bob, group.id, dave, 'moderator')).status).toBe(403);
    expect((await addMember(api, carol, group.id, dave)).status).toBe(403);
    expect((await addMember(api, bob, group.id, carol)).status).toBe(409);
    expect(await memberIds(api, alice, group.id)).toEqual([`${alice.id}:admin`, `${bob.id}:moderator`, `${carol.id}:member`].sort());
  });

  test('moderators remove plain members; admins remove anyone and change roles', async ({ api, alice, bob }) => {
    const group = await createGroup(api, alice, { name: 'Van builders', privacy_level: 'private' });
    const [carol, dave] = [await api.signIn(), await api.signIn()];
    for (const member of [bob, carol, dave]) await addMember(api, alice, group.id, member);
    const remove = (by: ApiUser, member: ApiUser) =>
      api.request(`/api/v1/groups/${group.id}/members/${member.id}`, { method: 'DELETE', token: by.token });
    const setRole = (by: ApiUser, member: ApiUser, role: string) =>
      api.request(`/api/v1/groups/${group.id}/members/${member.id}`, { method: 'PATCH', token: by.token, json: { role } });

    expect((await remove(carol, dave)).status).toBe(403);
    expect((await setRole(bob, bob, 'admin')).status).toBe(403);
    expect(await bodyOf(await setRole(alice, bob, 'moderator'), Membership, 200)).toMatchObject({ user_id: bob.id, role: 'moderator' });
    expect((await setRole(bob, carol, 'moderator')).status).toBe(403);

    expect((await remove(bob, dave)).status).toBe(204);
    expect((await remove(bob, alice)).status).toBe(403);
    expect((await remove(alice, bob)).status).toBe(204);
    expect(await memberIds(api, alice, group.id)).toEqual([`${alice.id}:admin`, `${carol.id}:member`].sort());
    // Removed, they no longer see the private group.
    expect((await api.request(`/api/v1/groups/${group.id}`, { token: dave.token })).status).toBe(404);
  });

  test('the last admin cannot leave or step down while the group has members, and can once another is admin', async ({ api, alice, bob }) => {
    const group = await createGroup(api, alice, { name: 'Hot springs' });
    await addMember(api, alice, group.id, bob);
    const leave = () => api.request(`/api/v1/groups/${group.id}/leave`, { method: 'POST', token: alice.token });
    const stepDown = () =>
      api.request(`/api/v1/groups/${group.id}/members/${alice.id}`, { method: 'PATCH', token: alice.token, json: { role: 'member' } });
    expect((await leave()).status).toBe(409);
    expect((await stepDown()).status).toBe(409);
    expect(await memberIds(api, bob, group.id)).toEqual([`${alice.id}:admin`, `${bob.id}:member`].sort());

    await api.request(`/api/v1/groups/${group.id}/members/${bob.id}`, { method: 'PATCH', token: alice.token, json: { role: 'admin' } });
    expect((await leave()).status).toBe(204);
    expect(await memberIds(api, bob, group.id)).toEqual([`${bob.id}:admin`]);
  });

  test("only the group's admins change or delete it", async ({ api, alice, bob }) => {
    const group = await createGroup(api, alice, { name: 'Ferry times' });
    await api.request(`/api/v1/groups/${group.id}/join`, { method: 'POST', token: bob.token });
    const rename = (user: ApiUser) => api.request(`/api/v1/groups/${group.id}`, { method: 'PATCH', token: user.token, json: { name: 'Mine now' } });
    expect((await rename(bob)).status).toBe(403);
    expect((await api.request(`/api/v1/groups/${group.id}`, { method: 'DELETE', token: bob.token })).status).toBe(403);
    expect((await bodyOf(await rename(alice), Group, 200)).name).toBe('Mine now');
    expect((await api.request(`/api/v1/groups/${group.id}`, { method: 'DELETE', token: alice.token })).status).toBe(204);
    expect((await api.request(`/api/v1/groups/${group.id}`, { token: alice.token })).status).toBe(404);
  });
});
