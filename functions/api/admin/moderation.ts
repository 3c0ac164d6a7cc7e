import {
  listModerationQueue,
  ModerationDecision,
  ModerationFilters,
  ModerationReport,
  ModerationReportList,
  moderateReport,
} from '../../community/moderation.ts';
import { jsonContent, newRouter } from '../../openapi.ts';
import { IdParam } from '../../shapes.ts';
import { operationsOf } from '../operation.ts';

const operation = operationsOf('Administration', 'admin');

const list = operation({
  method: 'get',
  path: '/admin/moderation',
  operationId: 'listModerationQueue',
  summary: 'The moderation queue: reports, oldest first',
  description:
    "Users' reports and the moderation rules' own (`reporter_id` null, `flagged_reason` `automated`). " +
    '`content` is the reported content as it is now, removed or not.',
  request: { query: ModerationFilters },
  responses: { 200: { description: 'A page of reports', content: jsonContent(ModerationReportList) } },
});

const decide = operation({
  method: 'patch',
  path: '/admin/moderation/{id}',
  operationId: 'moderateReport',
  summary: 'Decide a report',
  description:
    '`removed` deactivates the content (`is_active = false`): only its author and administrators still see it, and ' +
    'a later `approved` or `rejected` restores it. `approved` and `rejected` leave the content up and release a hold. ' +
    'The decision settles every pending report on the same content; each change is in the audit log.',
  request: { params: IdParam, body: { content: jsonContent(ModerationDecision), required: true } },
  responses: { 200: { description: 'The decided report', content: jsonContent(ModerationReport) } },
});

export const moderationRouter = newRouter()
  .openapi(list, async (c) => c.json(await listModerationQueue(c.var.db, c.req.valid('query')), 200))
  .openapi(decide, async (c) => c.json(await moderateReport(c.var.db, c.req.valid('param').id, c.req.valid('json')), 200));
