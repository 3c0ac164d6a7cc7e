import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';

/** Where `npm run dev` and `npm run db:migrate` keep the embedded database (git-ignored). */
export const embeddedDataDir = fileURLToPath(new URL('../.pam/pglite', import.meta.url));

/**
 * Opens PGlite with the extensions the schema needs. With no directory it lives in
 * memory; `loadDataDir` starts it from a dump (the test harness's migrated template).
 */
export async function openEmbeddedDatabase(
  dataDir?: string,
  options: Pick<PGliteOptions, 'loadDataDir'> = {},
): Promise<PGlite> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  return PGlite.create({ dataDir, extensions: { vector }, ...options });
}
