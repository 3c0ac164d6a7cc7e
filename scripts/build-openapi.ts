// Writes PAM's OpenAPI document into the Worker's static assets (public/openapi.json), from
// which the Worker serves GET /openapi.json. wrangler runs this before every build of the
// Worker (wrangler.toml [build]: `wrangler dev`, `wrangler deploy`), so the document always
// matches the routes of the script beside it, and the document generator stays out of
// the script (wrangler.toml [alias]).
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApiDocument } from './openapi-document.ts';

export const BUILT_API_DOCUMENT = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'openapi.json');

export async function buildApiDocument(path = BUILT_API_DOCUMENT): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, JSON.stringify(await openApiDocument()));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildApiDocument();
