import { Block, blockUser, listBlocks, unblockUser } from '../../community/blocks.ts';
import { listOf, PageQuery } from '../../database/pagination.ts';
import { jsonContent, newRouter } from '../../openapi.ts';
import { IdParam } from '../../shapes.ts';
import { operationsOf } from '../operation.ts';

const operation = operationsOf('Blocks');

const block = operation({
  method: 'put',
  path: '/users/{id}/block',
  operationId: 'blockUser',
  summary: 'Block a user',
  description:
    "Their posts and comments disappear for you, and yours for them, everywhere: feed, groups, comments, search. " +
    'Idempotent. Only you know of the block.',
  request: { params: IdParam },
  responses: { 200: { description: 'Blocked', content: jsonContent(Block) } },
});

const unblock = operation({
  method: 'delete',
  path: '/users/{id}/block',
  operationId: 'unblockUser',
  summary: 'Lift a block',
  description: 'Idempotent: lifting a block that is not there answers the same.',
  request: { params: IdParam },
  responses: { 204: { description: 'Not blocked (any more)' } },
});

const list = operation({
  method: 'get',
  path: '/blocks',
  operationId: 'listBlocks',
  oneStatement: true,
  summary: 'The users you blocked, newest first',
  request: { query: PageQuery },
  responses: { 200: { description: 'A page of blocks', content: jsonContent(listOf(Block, 'UserBlockList')) } },
});

export const blocksRouter = newRouter()
  .openapi(block, async (c) => c.json(await blockUser(c.var.db, c.req.valid('param').id), 200))
  .openapi(unblock, async (c) => {
    await unblockUser(c.var.db, c.req.valid('param').id);
    return c.body(null, 204);
  })
  .openapi(list, async (c) => c.json(await listBlocks(c.var.db, c.req.valid('query')), 200));
