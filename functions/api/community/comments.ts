import {
  addComment,
  Comment,
  CommentChanges,
  CommentInput,
  deleteComment,
  getComment,
  listComments,
  updateComment,
} from '../../community/comments.ts';
import { listOf, PageQuery } from '../../database/pagination.ts';
import { jsonContent, newRouter } from '../../openapi.ts';
import { IdParam } from '../../shapes.ts';
import { operationsOf } from '../operation.ts';

const operation = operationsOf('Posts');

const list = operation({
  method: 'get',
  path: '/posts/{id}/comments',
  operationId: 'listComments',
  oneStatement: true,
  summary: "A post's comments, oldest first",
  description: 'Threads through `parent_comment_id`. `404` unless you can see the post.',
  request: { params: IdParam, query: PageQuery },
  responses: { 200: { description: 'A page of comments', content: jsonContent(listOf(Comment, 'CommentList')) } },
});

const add = operation({
  method: 'post',
  path: '/posts/{id}/comments',
  operationId: 'addComment',
  summary: 'Comment on a post, or answer a comment',
  description:
    'On a post you can see; a reply names a comment on the same post you can see. Bodies are capped at 4,000 characters. ' +
    'Limited per user (`community.rate_limit.comment`); `comment_count` is kept by the database.',
  request: { params: IdParam, body: { content: jsonContent(CommentInput), required: true } },
  responses: { 201: { description: 'Created', content: jsonContent(Comment) } },
  problems: [429],
});

const get = operation({
  method: 'get',
  path: '/comments/{id}',
  operationId: 'getComment',
  oneStatement: true,
  summary: 'Get a comment',
  request: { params: IdParam },
  responses: { 200: { description: 'The comment', content: jsonContent(Comment) } },
});

const update = operation({
  method: 'patch',
  path: '/comments/{id}',
  operationId: 'updateComment',
  summary: 'Edit your comment',
  request: { params: IdParam, body: { content: jsonContent(CommentChanges), required: true } },
  responses: { 200: { description: 'The updated comment', content: jsonContent(Comment) } },
  problems: [403],
});

const remove = operation({
  method: 'delete',
  path: '/comments/{id}',
  operationId: 'deleteComment',
  summary: "Delete a comment and its replies (its author, or the group's moderators and admins)",
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' } },
  problems: [403],
});

export const commentsRouter = newRouter()
  .openapi(list, async (c) => c.json(await listComments(c.var.db, c.req.valid('param').id, c.req.valid('query')), 200))
  .openapi(add, async (c) => {
    const comment = await addComment(c.var.db, c.req.valid('param').id, c.req.valid('json'));
    c.header('location', `/api/v1/comments/${comment.id}`);
    return c.json(comment, 201);
  })
  .openapi(get, async (c) => c.json(await getComment(c.var.db, c.req.valid('param').id), 200))
  .openapi(update, async (c) => c.json(await updateComment(c.var.db, c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(remove, async (c) => {
    await deleteComment(c.var.db, c.req.valid('param').id);
    return c.body(null, 204);
  });
