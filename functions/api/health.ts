import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import type { ConnectDatabase } from '../database/connect.ts';
import { newRouter } from '../openapi.ts';

const Health = z
  .object({ status: z.enum(['ok', 'degraded']), database: z.enum(['ok', 'unavailable']) })
  .openapi('Health');

const getHealth = createRoute({
  method: 'get',
  path: '/health',
  operationId: 'getHealth',
  tags: ['Meta'],
  summary: 'Liveness and database reachability',
  responses: {
    200: { description: 'Serving, database reachable', content: { 'application/json': { schema: Health } } },
    503: { description: 'Database unreachable', content: { 'application/json': { schema: Health } } },
  },
});

const PROBE_TIMEOUT_MS = 3_000;

export function healthRouter(connect: ConnectDatabase) {
  return newRouter().openapi(getHealth, async (c) => {
    if (await databaseAnswers(() => connect(c.env))) return c.json({ status: 'ok' as const, database: 'ok' as const }, 200);
    c.header('retry-after', '5');
    return c.json({ status: 'degraded' as const, database: 'unavailable' as const }, 503);
  });
}

async function databaseAnswers(open: () => ReturnType<ConnectDatabase>): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS);
  });
  const probe = (async () => {
    const connection = await open();
    try {
      await connection.db.execute(sql`select 1`);
      return true;
    } finally {
      await connection.close();
    }
  })().catch(() => false);
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
