import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { databaseUrl, openPgClient, type PgSqlClient } from '../connect.ts';
import { openEmbeddedDatabase } from '../embedded.ts';
import { MIGRATION_LOCK_KEY, type MigrationResult, migrate, migrationsDir, readMigrations } from '../migrate.ts';

describe('migrations on a fresh embedded database', () => {
  let db: PGlite;
  let copyDir: string;

  beforeAll(async () => {
    db = await openEmbeddedDatabase();
    copyDir = await mkdtemp(join(tmpdir(), 'pam-migrations-'));
    await cp(migrationsDir, copyDir, { recursive: true });
  });
  afterAll(async () => {
    await db.close();
    await rm(copyDir, { recursive: true, force: true });
  });

  it('applies every migration from nothing, in order', async () => {
    const files = (await readMigrations(copyDir)).map((m) => m.name);
    const result = await migrate(db, copyDir);
    expect(result.applied).toEqual(files);
    const { rows } = await db.query<{ name: string }>('select name from pam_meta.schema_migrations order by name');
    expect(rows.map((r) => r.name)).toEqual(files);
    const tables = await db.query<{ n: number }>(
      `select count(*)::int as n from pg_tables where schemaname = 'public'`,
    );
    expect(tables.rows[0].n).toBeGreaterThanOrEqual(28);
  });

  it('is a no-op the second time', async () => {
    const before = await db.query('select name, applied_at from pam_meta.schema_migrations order by name');
    const result = await migrate(db, copyDir);
    expect(result.applied).toEqual([]);
    expect(result.alreadyApplied.length).toBe(before.rows.length);
    const after = await db.query('select name, applied_at from pam_meta.schema_migrations order by name');
    expect(after.rows).toEqual(before.rows);
  });

  it('refuses to run when an applied migration was edited', async () => {
    const file = join(copyDir, '0003_travel.sql');
    const original = await readFile(file, 'utf8');
    await writeFile(file, `${original}\n-- an afterthought\n`);
    await writeFile(join(copyDir, '9998_later.sql'), 'create table public.should_not_exist (id int);');
    try {
      await expect(migrate(db, copyDir)).rejects.toThrow(/0003_travel\.sql.*edited|edited.*0003_travel\.sql/s);
      const { rows } = await db.query(`select 1 from pg_tables where tablename = 'should_not_exist'`);
      expect(rows).toHaveLength(0);
    } finally {
      await writeFile(file, original);
      await rm(join(copyDir, '9998_later.sql'));
    }
  });

  it('refuses to run when an applied migration was deleted, and names it', async () => {
    const file = join(copyDir, '0013_admin_scope.sql');
    const original = await readFile(file, 'utf8');
    await rm(file);
    await writeFile(join(copyDir, '9998_later.sql'), 'create table public.should_not_exist (id int);');
    try {
      await expect(migrate(db, copyDir)).rejects.toThrow(/missing.*0013_admin_scope\.sql/s);
      const { rows } = await db.query(`select 1 from pg_tables where tablename = 'should_not_exist'`);
      expect(rows).toHaveLength(0);
    } finally {
      await writeFile(file, original);
      await rm(join(copyDir, '9998_later.sql'));
    }
  });

  it('rolls a failing migration back entirely and names it', async () => {
    await writeFile(
      join(copyDir, '9999_broken.sql'),
      'create table public.half_done (id int);\ninsert into public.no_such_table values (1);',
    );
    try {
      await expect(migrate(db, copyDir)).rejects.toThrow(/9999_broken\.sql/);
      const { rows } = await db.query(`select 1 from pg_tables where tablename = 'half_done'`);
      expect(rows).toHaveLength(0);
      const recorded = await db.query(`select 1 from pam_meta.schema_migrations where name = '9999_broken.sql'`);
      expect(recorded.rows).toHaveLength(0);
    } finally {
      await rm(join(copyDir, '9999_broken.sql'));
    }
  });
});

describe('a database without pgvector', () => {
  it('stops with an error that names the extension and how to install it', async () => {
    // PGlite without its vector extension loaded stands in for a server without pgvector.
    const bare = await PGlite.create();
    try {
      const available = await bare.query(`select 1 from pg_available_extensions where name = 'vector'`);
      expect(available.rows).toHaveLength(0);
      const error = await migrate(bare).catch((e: Error) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(/"vector" \(pgvector\)/);
      expect((error as Error).message).toMatch(/install/i);
      const { rows } = await bare.query(`select 1 from pg_tables where schemaname = 'public'`);
      expect(rows).toHaveLength(0);
    } finally {
      await bare.close();
    }
  });
});

// Two deploys, or a deploy and a developer, may start migrating the same database at the
// same moment. That takes separate connections, which only a PostgreSQL server offers.
const testDatabase = inject('testDatabase');
const serverUrl = testDatabase.kind === 'server' ? testDatabase.serverUrl : undefined;

describe.skipIf(!serverUrl)('migrators starting together on a PostgreSQL server', () => {
  const created: string[] = [];
  const opened: PgSqlClient[] = [];

  /** An empty database of its own on the server, and a way to open connections to it. */
  async function emptyDatabase() {
    const name = `pam_migrate_${randomBytes(4).toString('hex')}`;
    await withServerClient((admin) => admin.query(`create database ${name}`));
    created.push(name);
    return async () => {
      const client = await openPgClient(databaseUrl(serverUrl!, name));
      opened.push(client);
      return client;
    };
  }

  async function withServerClient<T>(work: (client: PgSqlClient) => Promise<T>): Promise<T> {
    const client = await openPgClient(serverUrl!);
    try {
      return await work(client);
    } finally {
      await client.close();
    }
  }

  afterEach(async () => {
    for (const client of opened.splice(0)) await client.close().catch(() => {});
    await withServerClient(async (admin) => {
      for (const name of created.splice(0)) await admin.query(`drop database if exists ${name} with (force)`);
    });
  });

  it('touch nothing until they hold the migration lock', async () => {
    const connect = await emptyDatabase();
    const otherMigrator = await connect();
    await otherMigrator.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);

    const migrator = await connect();
    const { rows: session } = await migrator.query<{ pid: number }>('select pg_backend_pid() as pid');
    const migrating = migrate(migrator);
    let released = false;
    try {
      await waitUntilWaitingForAdvisoryLock(otherMigrator, session[0].pid);
      const { rows } = await otherMigrator.query(`select 1 from pg_namespace where nspname = 'pam_meta'`);
      expect(rows).toHaveLength(0);

      await otherMigrator.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
      released = true;
      const files = (await readMigrations()).map((m) => m.name);
      expect((await migrating).applied).toEqual(files);
    } finally {
      if (!released) await otherMigrator.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
      await migrating.catch(() => {});
    }
  });

  it('apply every migration exactly once between them', async () => {
    const connect = await emptyDatabase();
    const migrators = await Promise.all(Array.from({ length: 4 }, () => connect()));
    const results = await Promise.allSettled(migrators.map((client) => migrate(client)));

    const failures = results.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []));
    expect(failures).toEqual([]);
    const files = (await readMigrations()).map((m) => m.name);
    const applied = results.flatMap((r) => (r as PromiseFulfilledResult<MigrationResult>).value.applied);
    expect(applied.sort()).toEqual(files);
    const { rows } = await migrators[0].query<{ name: string }>('select name from pam_meta.schema_migrations order by name');
    expect(rows.map((r) => r.name)).toEqual(files);
  });
});

/** Polls the server's lock table until session `pid` is queued behind an advisory lock. */
async function waitUntilWaitingForAdvisoryLock(observer: PgSqlClient, pid: number): Promise<void> {  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const waiting = await observer.query(
      `select 1 from pg_locks where locktype = 'advisory' and pid = $1 and not granted`,
      [pid],
    );
    if (waiting.rows.length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the migrator never waited for the migration lock');
}
