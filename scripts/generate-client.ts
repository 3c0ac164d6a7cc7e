// `npm run client:generate`: rewrites client/src/schema.ts from the current routes.
import { writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { clientSchemaPath, clientSchemaSource } from './client-schema.ts';

await writeFile(clientSchemaPath, await clientSchemaSource());
console.log(`Wrote ${relative(process.cwd(), clientSchemaPath)}`);
