// PAM's OpenAPI document as the Worker serves it at /openapi.json. Building it needs no
// database and no configuration: it comes from the route definitions alone.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newApp } from '../functions/app.ts';

export type OpenApiDocument = Record<string, unknown> & { paths: Record<string, unknown> };

export async function openApiDocument(): Promise<OpenApiDocument> {
  const response = await newApp().request('/openapi.json');
  if (response.status !== 200) throw new Error(`GET /openapi.json answered ${response.status}: ${await response.text()}`);
  return response.json();
}

/** Runs `work` with the document written to a temporary file, for tools that read files. */
export async function withOpenApiDocumentFile<T>(work: (path: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'pam-openapi-'));
  try {
    const path = join(dir, 'openapi.json');
    await writeFile(path, `${JSON.stringify(await openApiDocument(), null, 2)}\n`);
    return await work(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
