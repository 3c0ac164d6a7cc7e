import { likePost, LikeState, unlikePost } from '../../community/likes.ts';
import { createPost, deletePost, FeedQuery, getPost, listFeed, Post, PostChanges, PostInput, updatePost } from '../../community/posts.ts';
import { listOf } from '../../database/pagination.ts';
import { jsonContent, newRouter } from '../../openapi.ts';
import { IdParam } from '../../shapes.ts';
import { operationsOf } from '../operation.ts';

const operation = operationsOf('Posts');

const list = operation({
  method: 'get',
  path: '/posts',
  operationId: 'listFeed',
  oneStatement: true,
  summary: 'The feed: posts you may see, newest first, or matching a search',
  description:
    'Public posts, your groups\' posts and your own, without what moderation removed or holds for review and without ' +
    'posts of anyone you blocked or who blocked you. Filter by `group_id` or `author_id`; `q` searches and ranks by relevance.',
  request: { query: FeedQuery },
  responses: { 200: { description: 'A page of posts', content: jsonContent(listOf(Post, 'PostList')) } },
});

const create = operation({
  method: 'post',
  path: '/posts',
  operationId: 'createPost',
  summary: 'Create a post',
  description:
    'In a group you must be a member (`403` otherwise). Bodies are capped at 10,000 characters. Limited per user ' +
    '(`community.rate_limit.post`). The moderation rules flag it as it is written; a high-severity flag queues it for review.',
  request: { body: { content: jsonContent(PostInput), required: true } },
  responses: { 201: { description: 'Created', content: jsonContent(Post) } },
  problems: [403, 429],
});

const get = operation({
  method: 'get',
  path: '/posts/{id}',
  operationId: 'getPost',
  oneStatement: true,
  summary: 'Get a post',
  request: { params: IdParam },
  responses: { 200: { description: 'The post', content: jsonContent(Post) } },
});

const update = operation({
  method: 'patch',
  path: '/posts/{id}',
  operationId: 'updatePost',
  summary: 'Edit your post',
  request: { params: IdParam, body: { content: jsonContent(PostChanges), required: true } },
  responses: { 200: { description: 'The updated post', content: jsonContent(Post) } },
  problems: [403],
});

const remove = operation({
  method: 'delete',
  path: '/posts/{id}',
  operationId: 'deletePost',
  summary: "Delete a post (its author, or its group's moderators and admins)",
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' } },
  problems: [403],
});

const like = operation({
  method: 'put',
  path: '/posts/{id}/like',
  operationId: 'likePost',
  summary: 'Like a post',
  description: 'Idempotent: one like per user; `like_count` is kept by the database.',
  request: { params: IdParam },
  responses: { 200: { description: 'Liked', content: jsonContent(LikeState) } },
});

const unlike = operation({
  method: 'delete',
  path: '/posts/{id}/like',
  operationId: 'unlikePost',
  summary: 'Take back your like',
  description: 'Idempotent: without a like there is nothing to take back, and the answer is the same.',
  request: { params: IdParam },
  responses: { 204: { description: 'Not liked (any more)' } },
});

export const postsRouter = newRouter()
  .openapi(list, async (c) => c.json(await listFeed(c.var.db, c.req.valid('query')), 200))
  .openapi(create, async (c) => {
    const post = await createPost(c.var.db, c.req.valid('json'));
    c.header('location', `/api/v1/posts/${post.id}`);
    return c.json(post, 201);
  })
  .openapi(get, async (c) => c.json(await getPost(c.var.db, c.req.valid('param').id), 200))
  .openapi(update, async (c) => c.json(await updatePost(c.var.db, c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(remove, async (c) => {
    await deletePost(c.var.db, c.req.valid('param').id);
    return c.body(null, 204);
  })
  .openapi(like, async (c) => c.json(await likePost(c.var.db, c.req.valid('param').id), 200))
  .openapi(unlike, async (c) => {
    await unlikePost(c.var.db, c.req.valid('param').id);
    return c.body(null, 204);
  });
