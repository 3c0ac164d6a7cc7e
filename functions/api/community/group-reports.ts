import {
  GroupReportParams,
  listGroupReports,
  ModerationDecision,
  ModerationFilters,
  ModerationReport,
  ModerationReportList,
  moderateGroupReport,
} from '../../community/moderation.ts';
import { jsonContent, newRouter } from '../../openapi.ts';
import { IdParam } from '../../shapes.ts';
import { operationsOf } from '../operation.ts';

/** A group's moderators and admins work the reports on its posts and comments; other members get 403. */
const operation = operationsOf('Reports');

const list = operation({
  method: 'get',
  path: '/groups/{id}/reports',
  operationId: 'listGroupReports',
  summary: "Reports on a group's posts and comments, oldest first (its moderators and admins)",
  request: { params: IdParam, query: ModerationFilters },
  responses: { 200: { description: 'A page of reports', content: jsonContent(ModerationReportList) } },
  problems: [403],
});

const decide = operation({
  method: 'patch',
  path: '/groups/{id}/reports/{report_id}',
  operationId: 'moderateGroupReport',
  summary: "Decide a report on a group's post or comment (its moderators and admins)",
  description:
    '`removed` deactivates the content (only its author and administrators still see it); `approved` and `rejected` ' +
    'leave it up and release a hold. The decision settles every pending report on the same content and is audited.',
  request: { params: GroupReportParams, body: { content: jsonContent(ModerationDecision), required: true } },
  responses: { 200: { description: 'The decided report', content: jsonContent(ModerationReport) } },
  problems: [403],
});

export const groupReportsRouter = newRouter()
  .openapi(list, async (c) => c.json(await listGroupReports(c.var.db, c.req.valid('param').id, c.req.valid('query')), 200))
  .openapi(decide, async (c) => {
    const { id, report_id } = c.req.valid('param');
    return c.json(await moderateGroupReport(c.var.db, id, report_id, c.req.valid('json')), 200);
  });
