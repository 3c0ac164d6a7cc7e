// The committed types are what the routes generate today: a route or schema changed
// without `npm run client:generate` fails here, before an app developer meets the drift.
import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { clientSchemaPath, clientSchemaSource } from '../../scripts/client-schema.ts';

it('client/src/schema.ts is generated from the current OpenAPI document', { timeout: 60_000 }, async () => {
  const committed = await readFile(clientSchemaPath, 'utf8');
  const generated = await clientSchemaSource();
  expect(committed === generated, 'client/src/schema.ts is stale: run `npm run client:generate`').toBe(true);
});
