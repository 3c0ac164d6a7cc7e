import { listOf } from '../../database/pagination.ts';
import { jsonContent, newRouter } from '../../openapi.ts';
import {
  Conversation,
  ConversationFilters,
  ConversationInput,
  ConversationWithMessages,
  deleteConversation,
  Feedback,
  FeedbackInput,
  getConversation,
  listConversations,
  rateReply,
  startConversation,
} from '../../pam/conversations.ts';
import { IdParam } from '../../shapes.ts';
import { operationsOf } from '../operation.ts';

const operation = operationsOf('PAM');

const list = operation({
  method: 'get',
  path: '/pam/conversations',
  operationId: 'listConversations',
  oneStatement: true,
  summary: 'Your conversations with PAM, newest first',
  request: { query: ConversationFilters },
  responses: { 200: { description: 'A page of conversations', content: jsonContent(listOf(Conversation, 'PamConversationList')) } },
});

const start = operation({
  method: 'post',
  path: '/pam/conversations',
  operationId: 'startConversation',
  summary: 'Start a conversation',
  description: 'The title comes from the first message unless one is given.',
  request: { body: { content: jsonContent(ConversationInput), required: true } },
  responses: { 201: { description: 'Started', content: jsonContent(Conversation) } },
});

const get = operation({
  method: 'get',
  path: '/pam/conversations/{id}',
  operationId: 'getConversation',
  summary: 'A conversation with its messages, oldest first',
  request: { params: IdParam },
  responses: { 200: { description: 'The conversation', content: jsonContent(ConversationWithMessages) } },
});

const remove = operation({
  method: 'delete',
  path: '/pam/conversations/{id}',
  operationId: 'deleteConversation',
  summary: 'Delete a conversation and its messages',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' } },
});

const feedback = operation({
  method: 'post',
  path: '/pam/messages/{id}/feedback',
  operationId: 'rateReply',
  summary: "Thumbs up or down on one of PAM's replies",
  description: 'Sending it again replaces your earlier rating of the same reply.',
  request: { params: IdParam, body: { content: jsonContent(FeedbackInput), required: true } },
  responses: { 200: { description: 'Your feedback as stored', content: jsonContent(Feedback) } },
});

export const conversationsRouter = newRouter()
  .openapi(list, async (c) => c.json(await listConversations(c.var.db, c.req.valid('query')), 200))
  .openapi(start, async (c) => {
    const conversation = await startConversation(c.var.db, c.req.valid('json'));
    c.header('location', `/api/v1/pam/conversations/${conversation.id}`);
    return c.json(conversation, 201);
  })
  .openapi(get, async (c) => c.json(await getConversation(c.var.db, c.req.valid('param').id), 200))
  .openapi(remove, async (c) => {
    await deleteConversation(c.var.db, c.req.valid('param').id);
    return c.body(null, 204);
  })
  .openapi(feedback, async (c) => c.json(await rateReply(c.var.db, c.req.valid('param').id, c.req.valid('json')), 200));
