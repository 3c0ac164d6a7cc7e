import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { SqlClient } from './sql-client.ts';

export const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: string[];
}

export class MigrationError extends Error {}

/**
 * The session-level advisory lock every migrator holds while it runs. Any fixed number:
 * it only has to be the same for every migrator of this schema.
 */
export const MIGRATION_LOCK_KEY = 7_245_081;

export async function readMigrations(dir = migrationsDir): Promise<Migration[]> {
  const names = (await readdir(dir)).filter((name) => /^\d{4}_[\w-]+\.sql$/.test(name)).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(`${dir}/${name}`, 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

/**
 * Applies pending migrations in order, each in its own transaction, and records them
 * with a checksum. Refuses to run at all when an applied file has since been edited or
 * deleted: the database holds a change the files no longer describe.
 */
export async function migrate(db: SqlClient, dir = migrationsDir): Promise<MigrationResult> {
  const migrations = await readMigrations(dir);
  // The lock comes first: two migrators creating the bookkeeping table at the same moment
  // collide on the catalog's unique indexes, and `if not exists` does not prevent that.
  await db.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
  try {
    await db.exec(`
      create schema if not exists pam_meta;
      create table if not exists pam_meta.schema_migrations (
        name text primary key,
        checksum text not null,
        applied_at timestamptz not null default now()
      );`);
    const { rows } = await db.query<{ name: string; checksum: string }>(
      'select name, checksum from pam_meta.schema_migrations order by name',
    );
    const recorded = new Map(rows.map((row) => [row.name, row.checksum]));
    const edited = migrations.filter((m) => recorded.has(m.name) && recorded.get(m.name) !== m.checksum);
    if (edited.length > 0) {
      throw new MigrationError(
        `Applied migration${edited.length > 1 ? 's were' : ' was'} edited since: ${edited.map((m) => m.name).join(', ')}. ` +
          'Restore the original file and put the change in a new migration.',
      );
    }
    const present = new Set(migrations.map((m) => m.name));
    const deleted = [...recorded.keys()].filter((name) => !present.has(name));
    if (deleted.length > 0) {
      throw new MigrationError(
        `Applied migration${deleted.length > 1 ? 's are' : ' is'} missing from ${dir}: ${deleted.join(', ')}. ` +
          'The database still has their changes: restore the files, and undo a change with a new migration.',
      );
    }
    const result: MigrationResult = { applied: [], alreadyApplied: [] };
    for (const migration of migrations) {
      if (recorded.has(migration.name)) {
        result.alreadyApplied.push(migration.name);
        continue;
      }
      await applyMigration(db, migration);
      result.applied.push(migration.name);
    }
    return result;
  } finally {
    await db.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
  }
}

async function applyMigration(db: SqlClient, migration: Migration): Promise<void> {
  await db.exec('begin');
  try {
    await db.exec(migration.sql);
    await db.query('insert into pam_meta.schema_migrations (name, checksum) values ($1, $2)', [
      migration.name,
      migration.checksum,
    ]);
    await db.exec('commit');
  } catch (error) {
    await db.exec('rollback');
    const reason = error instanceof Error ? error.message : String(error);
    const hint = (error as { hint?: string }).hint;
    throw new MigrationError(`Migration ${migration.name} failed: ${reason}${hint ? `\n${hint}` : ''}`, {
      cause: error,
    });
  }
}
