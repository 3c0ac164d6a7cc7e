import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbeddedDatabase } from '../embedded.ts';
import { migrate, migrationsDir, readMigrations } from '../migrate.ts';

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
