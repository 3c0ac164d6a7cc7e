// Writes PAM's OpenAPI document into the Worker's static assets (public/openapi.json), from
// which the Worker serves GET /openapi.json. wrangler runs this before every build of the
// Worker (wrangler.toml [build]: `wrangler dev`, `wrangler deploy`), so the document always
// matches the routes of the script beside it, and the document generator stays out of
// the script (wrangler.toml [alias]).
import { mkdir, writeFile } from 'node:fs/promises';
import { openApiDocument } from './openapi-document.ts';

const target = new URL('../public/openapi.json', import.meta.url);
await mkdir(new URL('.', target), { recursive: true });
await writeFile(target, JSON.stringify(await openApiDocument()));
