import { embedderFromEnv } from '../../knowledge/configured-embedder.ts';
import { KnowledgeSearchQuery, KnowledgeSearchResults, searchKnowledge } from '../../knowledge/search.ts';
import { jsonContent, newRouter } from '../../openapi.ts';
import { operationsOf } from '../operation.ts';

const operation = operationsOf('Knowledge');

const search = operation({
  method: 'get',
  path: '/knowledge/search',
  operationId: 'searchKnowledge',
  summary: 'Search your knowledge and the shared knowledge',
  description:
    'Hybrid ranking: reciprocal rank fusion of similarity in meaning (embeddings, cosine) and full-text rank. ' +
    'When the question cannot be embedded, full text alone ranks and `mode` is `full_text`. ' +
    'Each result carries its `score`, the matching chunk and its document.',
  request: { query: KnowledgeSearchQuery },
  responses: { 200: { description: 'The best chunks, best first', content: jsonContent(KnowledgeSearchResults) } },
});

/** Mounted before the documents' router: /knowledge/search is not a document id. */
export const searchRouter = newRouter().openapi(search, async (c) =>
  c.json(await searchKnowledge(c.var.db, embedderFromEnv(c.env), c.req.valid('query')), 200),
);
