import { listOf } from '../../database/pagination.ts';
import {
  createKnowledge,
  deleteKnowledge,
  getKnowledge,
  KnowledgeChanges,
  KnowledgeDocument,
  KnowledgeDocumentWithChunks,
  KnowledgeFilters,
  KnowledgeInput,
  listKnowledge,
  updateKnowledge,
} from '../../knowledge/documents.ts';
import { jsonContent, newRouter } from '../../openapi.ts';
import { IdParam } from '../../shapes.ts';
import { operationsOf } from '../operation.ts';
import { embedAfterCommit, embedOnceCommitted } from './embed-after-commit.ts';

const operation = operationsOf('Knowledge');

const list = operation({
  method: 'get',
  path: '/knowledge',
  operationId: 'listKnowledge',
  summary: 'List your knowledge and the shared knowledge, newest first',
  request: { query: KnowledgeFilters },
  responses: { 200: { description: 'A page of documents', content: jsonContent(listOf(KnowledgeDocument, 'KnowledgeDocumentList')) } },
});

const create = operation({
  method: 'post',
  path: '/knowledge',
  operationId: 'createKnowledge',
  summary: 'Save a note, an article or a list for PAM to answer from',
  description:
    'Answers at once with the document cut into chunks (by paragraph and sentence, within a token budget, with overlap). ' +
    'The chunks are `pending` until embedded, shortly after the answer; full-text search finds them straight away.',
  request: { body: { content: jsonContent(KnowledgeInput), required: true } },
  responses: { 201: { description: 'Saved', content: jsonContent(KnowledgeDocumentWithChunks) } },
});

const get = operation({
  method: 'get',
  path: '/knowledge/{id}',
  operationId: 'getKnowledge',
  summary: 'Get a document with its chunks and their embedding state',
  request: { params: IdParam },
  responses: { 200: { description: 'The document', content: jsonContent(KnowledgeDocumentWithChunks) } },
});

const update = operation({
  method: 'patch',
  path: '/knowledge/{id}',
  operationId: 'updateKnowledge',
  summary: 'Change one of your documents',
  description:
    'A new `title` or `content` cuts the document into new chunks, which are embedded again; other changes keep the chunks. ' +
    'Shared knowledge is read-only here (`403`).',
  problems: [403],
  request: { params: IdParam, body: { content: jsonContent(KnowledgeChanges), required: true } },
  responses: { 200: { description: 'The changed document', content: jsonContent(KnowledgeDocumentWithChunks) } },
});

const remove = operation({
  method: 'delete',
  path: '/knowledge/{id}',
  operationId: 'deleteKnowledge',
  summary: 'Delete one of your documents and its chunks',
  description: 'Shared knowledge cannot be deleted here (`403`).',
  problems: [403],
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' } },
});

// Outside the operations' own middleware, so it acts after their transaction has ended.
const router = newRouter();
router.use('/knowledge', embedAfterCommit).use('/knowledge/*', embedAfterCommit);

export const documentsRouter = router
  .openapi(list, async (c) => c.json(await listKnowledge(c.var.db, c.req.valid('query')), 200))
  .openapi(create, async (c) => {
    const document = await createKnowledge(c.var.db, c.req.valid('json'));
    embedOnceCommitted(c, document.id);
    c.header('location', `/api/v1/knowledge/${document.id}`);
    return c.json(document, 201);
  })
  .openapi(get, async (c) => c.json(await getKnowledge(c.var.db, c.req.valid('param').id), 200))
  .openapi(update, async (c) => {
    const document = await updateKnowledge(c.var.db, c.req.valid('param').id, c.req.valid('json'));
    if (document.embedding.status !== 'embedded') embedOnceCommitted(c, document.id);
    return c.json(document, 200);
  })
  .openapi(remove, async (c) => {
    await deleteKnowledge(c.var.db, c.req.valid('param').id);
    return c.body(null, 204);
  });
