import { describe, expect, it } from 'vitest';
import { toApiError } from './problems.ts';

/** How driver failures reach clients: a lost database is a 503 to retry, never a 500. */
describe('toApiError for lost connections', () => {
  const wrapped = (cause: Error) => Object.assign(new Error('Failed query: commit'), { cause });

  it.each([
    ['ECONNRESET', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['ECONNREFUSED', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['pg: not queryable', new Error('Client has encountered a connection error and is not queryable')],
    ['pg: terminated', new Error('Connection terminated unexpectedly')],
    ['server shutdown (57P01)', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
  ])('maps %s to 503 with Retry-After', (_name, error) => {
    for (const thrown of [error, wrapped(error)]) {
      const apiError = toApiError(thrown);
      expect(apiError.status).toBe(503);
      expect(apiError.options.headers?.['retry-after']).toMatch(/^\d+$/);
    }
  });

  it('keeps other failures a 500', () => {
    expect(toApiError(new Error('undefined is not a function')).status).toBe(500);
  });
});
