// Copies the API reference renderer into the Worker's static assets (public/), so /docs
// never depends on a CDN. Runs after every install.
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'node_modules/@scalar/api-reference/dist/browser/standalone.js');
const target = join(root, 'public/docs/api-reference.js');
await mkdir(dirname(target), { recursive: true });
await copyFile(source, target);
