// `npm run lint:openapi`: Redocly's recommended rules (redocly.yaml) over the OpenAPI
// document the Worker serves. Fails on any error or warning, as CI does
// (test/contract/openapi-lint.test.ts).
import { describeLintProblems, lintOpenApiDocument } from './openapi-lint.ts';

const problems = await lintOpenApiDocument();
console.log(describeLintProblems(problems));
if (problems.length > 0) process.exitCode = 1;
