import { z } from '@hono/zod-openapi';
import { jsonContent, newRouter } from '../../openapi.ts';
import { pamTools } from '../../pam/tools/index.ts';
import { toolDefinition } from '../../pam/tools/tool.ts';
import { operationsOf } from '../operation.ts';

const Tool = z
  .object({
    name: z.string().openapi({ example: 'log_expense' }),
    description: z.string(),
    parameters: z.record(z.string(), z.unknown()).openapi({ description: 'JSON Schema of the arguments' }),
    asks_first: z.boolean().openapi({ description: 'Writes something others can see: PAM asks the user to confirm first' }),
  })
  .openapi('PamTool');

const operation = operationsOf('PAM');

const list = operation({
  method: 'get',
  path: '/pam/tools',
  operationId: 'listPamTools',
  summary: 'The tools PAM can use, exactly as it is offered them',
  responses: { 200: { description: 'Every registered tool', content: jsonContent(z.object({ data: z.array(Tool) }).openapi('PamToolList')) } },
});

export const toolsRouter = newRouter().openapi(list, (c) =>
  c.json({ data: pamTools.map((tool) => ({ ...toolDefinition(tool), asks_first: tool.public === true })) }, 200),
);
