import {
  addGroupMember,
  changeMemberRole,
  joinGroup,
  leaveGroup,
  listGroupMembers,
  MemberAdd,
  MemberParams,
  MemberRoleChange,
  Membership,
  removeGroupMember,
} from '../../community/members.ts';
import { listOf, PageQuery } from '../../database/pagination.ts';
import { jsonContent, newRouter } from '../../openapi.ts';
import { IdParam } from '../../shapes.ts';
import { operationsOf } from '../operation.ts';

const operation = operationsOf('Groups');

const list = operation({
  method: 'get',
  path: '/groups/{id}/members',
  operationId: 'listGroupMembers',
  oneStatement: true,
  summary: "List a group's active members, longest-standing first",
  description: 'Anyone signed in for a public group; only members for a private or invite-only one (`404` to others).',
  request: { params: IdParam, query: PageQuery },
  responses: { 200: { description: 'A page of memberships', content: jsonContent(listOf(Membership, 'GroupMembershipList')) } },
});

const add = operation({
  method: 'post',
  path: '/groups/{id}/members',
  operationId: 'addGroupMember',
  summary: 'Add a member (group admins and moderators)',
  description:
    'How private and invite-only groups take members. Moderators add plain members; admins may add moderators and admins. ' +
    'Adding someone who is already a member is `409`.',
  request: { params: IdParam, body: { content: jsonContent(MemberAdd), required: true } },
  responses: { 201: { description: 'Added', content: jsonContent(Membership) } },
  problems: [403, 409],
});

const changeRole = operation({
  method: 'patch',
  path: '/groups/{id}/members/{user_id}',
  operationId: 'changeMemberRole',
  summary: "Change a member's role (group admins)",
  description: 'A group with members keeps at least one admin: demoting the last one is `409`.',
  request: { params: MemberParams, body: { content: jsonContent(MemberRoleChange), required: true } },
  responses: { 200: { description: 'The membership', content: jsonContent(Membership) } },
  problems: [403, 409],
});

const remove = operation({
  method: 'delete',
  path: '/groups/{id}/members/{user_id}',
  operationId: 'removeGroupMember',
  summary: 'Remove a member (moderators: plain members; admins: anyone)',
  description: 'Removing yourself is leaving. The last admin of a group that has members cannot be removed (`409`).',
  request: { params: MemberParams },
  responses: { 204: { description: 'Removed' } },
  problems: [403, 409],
});

const join = operation({
  method: 'post',
  path: '/groups/{id}/join',
  operationId: 'joinGroup',
  summary: 'Join a public group',
  description:
    'Answers `201` with the new membership, or `200` with the existing one when you are already a member. ' +
    'Private and invite-only groups take members their admins and moderators add (`403`).',
  request: { params: IdParam },
  responses: {
    200: { description: 'Already a member', content: jsonContent(Membership) },
    201: { description: 'Joined', content: jsonContent(Membership) },
  },
  problems: [403],
});

const leave = operation({
  method: 'post',
  path: '/groups/{id}/leave',
  operationId: 'leaveGroup',
  summary: 'Leave a group',
  description: 'The last admin of a group that still has members cannot leave it (`409`): make another member admin first.',
  request: { params: IdParam },
  responses: { 204: { description: 'Left' } },
  problems: [409],
});

export const membersRouter = newRouter()
  .openapi(list, async (c) => c.json(await listGroupMembers(c.var.db, c.req.valid('param').id, c.req.valid('query')), 200))
  .openapi(add, async (c) => {
    const { id } = c.req.valid('param');
    const membership = await addGroupMember(c.var.db, id, c.req.valid('json'));
    c.header('location', `/api/v1/groups/${id}/members/${membership.user_id}`);
    return c.json(membership, 201);
  })
  .openapi(changeRole, async (c) => {
    const { id, user_id } = c.req.valid('param');
    return c.json(await changeMemberRole(c.var.db, id, user_id, c.req.valid('json')), 200);
  })
  .openapi(remove, async (c) => {
    const { id, user_id } = c.req.valid('param');
    await removeGroupMember(c.var.db, id, user_id);
    return c.body(null, 204);
  })
  .openapi(join, async (c) => {
    const { membership, joined } = await joinGroup(c.var.db, c.req.valid('param').id);
    return joined ? c.json(membership, 201) : c.json(membership, 200);
  })
  .openapi(leave, async (c) => {
    await leaveGroup(c.var.db, c.req.valid('param').id);
    return c.body(null, 204);
  });
