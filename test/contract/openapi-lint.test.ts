// The OpenAPI document client developers generate code from passes Redocly's recommended
// rules (redocly.yaml) with nothing left over: no errors and no warnings.
import { describe, expect, it } from 'vitest';
import { describeLintProblems, lintOpenApiDocument } from '../../scripts/openapi-lint.ts';

describe('the OpenAPI document under Redocly lint', () => {
  it('has 0 errors and 0 warnings', { timeout: 120_000 }, async () => {
    const problems = await lintOpenApiDocument();
    expect(problems, describeLintProblems(problems)).toEqual([]);
  });
});
