import type { Context } from 'hono';

/**
 * The Worker's execution context, for work that outlives the response (`waitUntil`), or
 * null where there is none: the app called in-process, as in Node and the tests, where
 * such work either runs to its end on its own or is left to a scheduled job.
 */
export function executionContextOf(c: Context): Pick<Context['executionCtx'], 'waitUntil'> | null {
  try {
    return c.executionCtx;
  } catch {
    return null;
  }
}
