import { listOf, PageQuery } from '../../database/pagination.ts';
import {
  deleteSharedKnowledge,
  getSharedKnowledge,
  KnowledgeChanges,
  KnowledgeDocument,
  KnowledgeDocumentWithChunks,
  KnowledgeInput,
  listSharedKnowledge,
  publishSharedKnowledge,
  updateSharedKnowledge,
} from '../../knowledge/documents.ts';
import { jsonContent, newRouter } from '../../openapi.ts';
import { IdParam } from '../../shapes.ts';
import { operationsOf } from '../operation.ts';
import { embedAfterCommit, embedOnceCommitted } from './embed-after-commit.ts';

const operation = operationsOf('Administration', 'admin');

const list = operation({
  method: 'get',
  path: '/admin/knowledge',
  operationId: 'listSharedKnowledge',
  summary: 'List shared knowledge, newest first',
  request: { query: PageQuery },
  responses: {
    200: { description: 'A page of shared documents', content: jsonContent(listOf(KnowledgeDocument, 'SharedKnowledgeList')) },
  },
});

const publish = operation({
  method: 'post',
  path: '/admin/knowledge',
  operationId: 'publishSharedKnowledge',
  summary: 'Publish knowledge for every user (travel tips)',
  description: "Every user's knowledge search includes it; no user can change it. Cut into chunks and embedded like a user's document.",
  request: { body: { content: jsonContent(KnowledgeInput), required: true } },
  responses: { 201: { description: 'Published', content: jsonContent(KnowledgeDocumentWithChunks) } },
});

const get = operation({
  method: 'get',
  path: '/admin/knowledge/{id}',
  operationId: 'getSharedKnowledge',
  summary: 'Get a shared document with its chunks',
  request: { params: IdParam },
  responses: { 200: { description: 'The shared document', content: jsonContent(KnowledgeDocumentWithChunks) } },
});

const update = operation({
  method: 'patch',
  path: '/admin/knowledge/{id}',
  operationId: 'updateSharedKnowledge',
  summary: 'Change a shared document',
  description: 'A new `title` or `content` cuts it into new chunks, which are embedded again.',
  request: { params: IdParam, body: { content: jsonContent(KnowledgeChanges), required: true } },
  responses: { 200: { description: 'The changed document', content: jsonContent(KnowledgeDocumentWithChunks) } },
});

const remove = operation({
  method: 'delete',
  path: '/admin/knowledge/{id}',
  operationId: 'deleteSharedKnowledge',
  summary: 'Withdraw a shared document and its chunks',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' } },
});

// Outside the operations' own middleware, so it acts after their transaction has ended.
const router = newRouter();
router.use('/admin/knowledge', embedAfterCommit).use('/admin/knowledge/*', embedAfterCommit);

export const sharedKnowledgeRouter = router
  .openapi(list, async (c) => c.json(await listSharedKnowledge(c.var.db, c.req.valid('query')), 200))
  .openapi(publish, async (c) => {
    const document = await publishSharedKnowledge(c.var.db, c.req.valid('json'));
    embedOnceCommitted(c, document.id);
    c.header('location', `/api/v1/admin/knowledge/${document.id}`);
    return c.json(document, 201);
  })
  .openapi(get, async (c) => c.json(await getSharedKnowledge(c.var.db, c.req.valid('param').id), 200))
  .openapi(update, async (c) => {
    const document = await updateSharedKnowledge(c.var.db, c.req.valid('param').id, c.req.valid('json'));
    if (document.embedding.status !== 'embedded') embedOnceCommitted(c, document.id);
    return c.json(document, 200);
  })
  .openapi(remove, async (c) => {
    await deleteSharedKnowledge(c.var.db, c.req.valid('param').id);
    return c.body(null, 204);
  });
