import { Digistore24SyncLog } from '../../admin/digistore24-logs.ts';
import { syncProducts } from '../../digistore24/product-sync.ts';
import { jsonContent, newRouter } from '../../openapi.ts';
import { operationsOf } from '../operation.ts';

const operation = operationsOf('Administration', 'admin');

const sync = operation({
  method: 'post',
  path: '/admin/digistore24/sync',
  operationId: 'syncProducts',
  summary: 'Run the Digistore24 product sync now',
  description:
    'Runs the same sync as the six-hourly schedule and answers with its log row once it has finished. ' +
    'A run that could not read the whole listing is still `200`: its `error_message` says what failed, and the ' +
    'products written before the failure stay written; nothing is deactivated unless the whole listing was read. ' +
    'The sync works as PAM itself on a connection of its own, so it commits whatever becomes of this request.',
  responses: { 200: { description: 'The log row of this run', content: jsonContent(Digistore24SyncLog) } },
});

export const digistore24SyncRouter = newRouter().openapi(sync, async (c) =>
  c.json(await syncProducts({ connect: c.var.connectDatabase, env: c.env }), 200),
);
