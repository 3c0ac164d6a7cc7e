import { createRoute } from '@hono/zod-openapi';
import { syncProducts } from '../../cron/product-sync.ts';
import { problems } from '../problems.ts';
import { bearerAuth, jsonContent, newRouter } from '../../openapi.ts';
import { Digistore24SyncLog } from './digistore24-logs.ts';

const runSync = createRoute({
  method: 'post',
  path: '/admin/digistore24/sync',
  tags: ['Administration'],
  security: bearerAuth,
  summary: 'Run the Digistore24 product sync now',
  description:
    'Runs the same sync as the six-hourly schedule and answers with its log row once it has finished. ' +
    'A run that could not read the whole listing is still `200`: its `error_message` says what failed, and the ' +
    'products written before the failure stay written; nothing is deactivated unless the whole listing was read. ' +
    'The sync works as PAM itself on a connection of its own, so it commits whatever becomes of this request.',
  responses: {
    200: { description: 'The log row of this run', content: jsonContent(Digistore24SyncLog) },
    ...problems(401, 403, 503),
  },
});

export const digistore24SyncRouter = newRouter().openapi(runSync, async (c) =>
  c.json(await syncProducts({ connect: c.var.connectDatabase, env: c.env }), 200),
);
