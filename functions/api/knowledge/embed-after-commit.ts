import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../../env.ts';
import { executionContextOf } from '../../execution-context.ts';
import { embedderFromEnv } from '../../knowledge/configured-embedder.ts';
import { embedSavedDocuments } from '../../knowledge/embedding-jobs.ts';

/**
 * A saved document is answered at once; its chunks are embedded after the answer. A route
 * that saved one names it with `embedOnceCommitted`; this middleware, placed outside the
 * request's transaction, hands the embedding to `waitUntil` once that transaction has
 * committed (before then another connection would not see the chunks). A request that
 * failed or was rolled back hands on nothing.
 *
 * Without an execution context (the app called in-process, as the tests do) nothing runs
 * after the response: the chunks stay due and `embedPendingChunks` picks them up.
 */

const savedDocuments = new WeakMap<Context, string[]>();

export function embedOnceCommitted(c: Context<AppEnv>, documentId: string): void {
  savedDocuments.set(c, [...(savedDocuments.get(c) ?? []), documentId]);
}


export const embedAfterCommit = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  const documentIds = savedDocuments.get(c);
  savedDocuments.delete(c);
  if (!documentIds || c.error || c.res.status >= 400) return;
  executionContextOf(c)?.waitUntil(
    embedSavedDocuments({ connect: c.var.connectDatabase, config: c.env, embedder: embedderFromEnv(c.env), documentIds }),
  );
});
