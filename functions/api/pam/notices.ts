import { listOf } from '../../database/pagination.ts';
import { jsonContent, newRouter } from '../../openapi.ts';
import { listNotices, markNotice, Notice, NoticeChanges, NoticeFilters } from '../../pam/notices.ts';
import { IdParam } from '../../shapes.ts';
import { operationsOf } from '../operation.ts';

const operation = operationsOf('PAM');

const list = operation({
  method: 'get',
  path: '/pam/notices',
  operationId: 'listNotices',
  oneStatement: true,
  summary: 'What PAM raised by itself: reminders due, maintenance coming up, budgets running out',
  description: 'Newest first. PAM also mentions unseen ones in its next reply (their `mentioned_at` is then set).',
  request: { query: NoticeFilters },
  responses: { 200: { description: 'A page of notices', content: jsonContent(listOf(Notice, 'PamNoticeList')) } },
});

const mark = operation({
  method: 'patch',
  path: '/pam/notices/{id}',
  operationId: 'markNotice',
  summary: 'Mark a notice read (or unread)',
  request: { params: IdParam, body: { content: jsonContent(NoticeChanges), required: true } },
  responses: { 200: { description: 'The notice', content: jsonContent(Notice) } },
});

export const noticesRouter = newRouter()
  .openapi(list, async (c) => c.json(await listNotices(c.var.db, c.req.valid('query')), 200))
  .openapi(mark, async (c) => c.json(await markNotice(c.var.db, c.req.valid('param').id, c.req.valid('json')), 200));
