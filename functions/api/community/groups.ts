import {
  createGroup,
  deleteGroup,
  getGroup,
  Group,
  GroupChanges,
  GroupFilters,
  GroupInput,
  listGroups,
  updateGroup,
} from '../../community/groups.ts';
import { listOf } from '../../database/pagination.ts';
import { jsonContent, newRouter } from '../../openapi.ts';
import { IdParam } from '../../shapes.ts';
import { operationsOf } from '../operation.ts';

const operation = operationsOf('Groups');

const list = operation({
  method: 'get',
  path: '/groups',
  operationId: 'listGroups',
  oneStatement: true,
  summary: 'List public groups and your own, newest first',
  description: 'Private and invite-only groups appear to their members only.',
  request: { query: GroupFilters },
  responses: { 200: { description: 'A page of groups', content: jsonContent(listOf(Group, 'GroupList')) } },
});

const create = operation({
  method: 'post',
  path: '/groups',
  operationId: 'createGroup',
  summary: 'Create a group',
  description: 'You become its admin member. Limited per user (`community.rate_limit.group`).',
  request: { body: { content: jsonContent(GroupInput), required: true } },
  responses: { 201: { description: 'Created', content: jsonContent(Group) } },
  problems: [429],
});

const get = operation({
  method: 'get',
  path: '/groups/{id}',
  operationId: 'getGroup',
  oneStatement: true,
  summary: 'Get a group',
  description: 'A private or invite-only group is `404` to anyone but its members.',
  request: { params: IdParam },
  responses: { 200: { description: 'The group', content: jsonContent(Group) } },
});

const update = operation({
  method: 'patch',
  path: '/groups/{id}',
  operationId: 'updateGroup',
  summary: 'Update a group (its admins)',
  request: { params: IdParam, body: { content: jsonContent(GroupChanges), required: true } },
  responses: { 200: { description: 'The updated group', content: jsonContent(Group) } },
  problems: [403],
});

const remove = operation({
  method: 'delete',
  path: '/groups/{id}',
  operationId: 'deleteGroup',
  summary: 'Delete a group with its memberships and posts (its admins)',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' } },
  problems: [403],
});

export const groupsRouter = newRouter()
  .openapi(list, async (c) => c.json(await listGroups(c.var.db, c.req.valid('query')), 200))
  .openapi(create, async (c) => {
    const group = await createGroup(c.var.db, c.req.valid('json'));
    c.header('location', `/api/v1/groups/${group.id}`);
    return c.json(group, 201);
  })
  .openapi(get, async (c) => c.json(await getGroup(c.var.db, c.req.valid('param').id), 200))
  .openapi(update, async (c) => c.json(await updateGroup(c.var.db, c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(remove, async (c) => {
    await deleteGroup(c.var.db, c.req.valid('param').id);
    return c.body(null, 204);
  });
