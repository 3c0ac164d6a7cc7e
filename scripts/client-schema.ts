// The TypeScript types of the client package (client/), generated from the OpenAPI
// document: a path's parameters, bodies and responses, and every named schema.
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { openApiDocument } from './openapi-document.ts';

/** Committed, so the package builds without the backend; a test fails when it is stale. */
export const clientSchemaPath = fileURLToPath(new URL('../client/src/schema.ts', import.meta.url));

const header = `// Generated from PAM's OpenAPI document (GET /openapi.json) by \`npm run client:generate\`.
// Do not edit: regenerate after changing a route or a schema.

`;

export async function clientSchemaSource(): Promise<string> {
  const document = (await openApiDocument()) as unknown as OpenAPI3;
  return header + astToString(await openapiTS(document, { silent: true }));
}
