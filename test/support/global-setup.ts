import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { databaseUrl } from '../../db/connect.ts';
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
    const client = new pg.Client({ connectionString: templateUrl });
    await client.connect();
    try {
      await migrate({ query: (t, p) => client.query(t, p as unknown[]) as never, exec: (s) => client.query(s) });
    } finally {
      await client.end();
    }
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

export async function withServer<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase:
      | { kind: 'server'; serverUrl: string; template: string }
      | { kind: 'embedded'; dumpPath: string };
  }
}
