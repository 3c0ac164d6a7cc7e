import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { databaseUrl, type PgSqlClient, withPgClient } from '../../db/connect.ts';
import { openEmbeddedDatabase } from '../../db/embedded.ts';
import { migrate } from '../../db/migrate.ts';

/**
 * Migrates one template database per test run; every test file then starts from a
 * copy of it. On a PostgreSQL server (DATABASE_URL) the copy is CREATE DATABASE ...
 * TEMPLATE; embedded, it is a PGlite data-directory dump.
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const template = `pam_template_${randomBytes(4).toString('hex')}`;
    await withServer(serverUrl, (admin) => admin.query(`create database ${template}`));
    const templateUrl = databaseUrl(serverUrl, template);
    await withPgClient(templateUrl, (client) => migrate(client));
    project.provide('testDatabase', { kind: 'server', serverUrl, template });
    return async () => {
      await withServer(serverUrl, async (admin) => {
        const { rows } = await admin.query<{ datname: string }>(
          `select datname from pg_database where datname like $1`,
          [`pam_test_${template.slice('pam_template_'.length)}_%`],
        );
        for (const { datname } of rows) await admin.query(`drop database if exists ${datname} with (force)`);
        await admin.query(`drop database if exists ${template} with (force)`);
      });
    };
  }

  const dir = await mkdtemp(join(tmpdir(), 'pam-test-'));
  const db = await openEmbeddedDatabase();
  await migrate(db);
  const dump = await db.dumpDataDir('gzip');
  await db.close();
  const dumpPath = join(dir, 'template.tar.gz');
  await writeFile(dumpPath, Buffer.from(await dump.arrayBuffer()));
  project.provide('testDatabase', { kind: 'embedded', dumpPath });
  return () => rm(dir, { recursive: true, force: true });
}

export { databaseUrl };

/** Work on the server's maintenance connection (creating and dropping databases). */
export const withServer = <T>(serverUrl: string, work: (client: PgSqlClient) => Promise<T>): Promise<T> =>
  withPgClient(serverUrl, work);

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase:
      | { kind: 'server'; serverUrl: string; template: string }
      | { kind: 'embedded'; dumpPath: string };
  }
}
