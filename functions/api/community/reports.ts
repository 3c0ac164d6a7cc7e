import { listReports, Report, ReportInput, reportContent } from '../../community/reports.ts';
import { listOf, PageQuery } from '../../database/pagination.ts';
import { jsonContent, newRouter } from '../../openapi.ts';
import { operationsOf } from '../operation.ts';

const operation = operationsOf('Reports');

const create = operation({
  method: 'post',
  path: '/reports',
  operationId: 'reportContent',
  summary: 'Report a post, comment, profile or group you can see',
  description:
    'The server records you, the author and the content as it stands now; the body names the content and the reason ' +
    '(`other` needs `additional_context`). Reporting the same content again while your report is pending answers `200` ' +
    'with that report. Content reported by enough people is hidden until it is reviewed. Content you cannot see, or your ' +
    'own, is `400`. Limited per user (`community.rate_limit.report`).',
  request: { body: { content: jsonContent(ReportInput), required: true } },
  responses: {
    200: { description: 'Already reported by you, pending review', content: jsonContent(Report) },
    201: { description: 'Reported', content: jsonContent(Report) },
  },
  problems: [429],
});

const list = operation({
  method: 'get',
  path: '/reports',
  operationId: 'listReports',
  oneStatement: true,
  summary: 'The reports you filed, newest first, with their status',
  request: { query: PageQuery },
  responses: { 200: { description: 'A page of reports', content: jsonContent(listOf(Report, 'ReportList')) } },
});

export const reportsRouter = newRouter()
  .openapi(create, async (c) => {
    const { report, created } = await reportContent(c.var.db, c.req.valid('json'));
    return created ? c.json(report, 201) : c.json(report, 200);
  })
  .openapi(list, async (c) => c.json(await listReports(c.var.db, c.req.valid('query')), 200));
