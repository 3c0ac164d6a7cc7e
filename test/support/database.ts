import { randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { PGlite } from '@electric-sql/pglite';
import { inject } from 'vitest';
import { openPgClient } from '../../db/connect.ts';
import { openEmbeddedDatabase } from '../../db/embedded.ts';
import type { SqlClient } from '../../db/sql-client.ts';
import { databaseUrl, withServer } from './global-setup.ts';

export interface TestDatabase {
  /** Connected as the owner (a superuser here): bypasses RLS. For arranging and checking. */
  owner: SqlClient;
  /** Set when the database is a PostgreSQL server: lets a test open more connections. */
  connectionString?: string;
  /** Set when the database is embedded: the PGlite instance itself. */
  pglite?: PGlite;
  close(): Promise<void>;
}

/** A fresh, fully migrated database for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const config = inject('testDatabase');
  if (config.kind === 'embedded') {
    const dump = await readFile(config.dumpPath);
    const db = await openEmbeddedDatabase(undefined, { loadDataDir: new Blob([dump]) });
    return { owner: db as unknown as SqlClient, pglite: db, close: () => db.close() };
  }
  const name = `pam_test_${config.template.slice('pam_template_'.length)}_${randomBytes(4).toString('hex')}`;
  await withServer(config.serverUrl, (admin) => admin.query(`create database ${name} template ${config.template}`));
  const connectionString = databaseUrl(config.serverUrl, name);
  const owner = await openPgClient(connectionString);
  return {
    owner,
    connectionString,
    close: async () => {
      await owner.close();
      await withServer(config.serverUrl, (admin) => admin.query(`drop database if exists ${name} with (force)`));
    },
  };
}

export type ApiRole = 'anon' | 'authenticated' | 'service_role';

export interface Actor {
  role: ApiRole;
  /** The JWT claims PAM would set for this request; null for anonymous callers. */
  claims: Record<string, unknown> | null;
  /** Acting as an administrator (the admin scope the /api/v1/admin routes open). */
  adminScope?: boolean;
}

export const anonymous: Actor = { role: 'anon', claims: null };
export const service: Actor = { role: 'service_role', claims: { role: 'service_role' } };

/**
 * Runs `work` the way a request does: one transaction whose first statement sets the
 * role and the claims (both LOCAL). Rolls back when `work` throws, commits otherwise.
 */
export async function actAs<T>(db: SqlClient, actor: Actor, work: (tx: SqlClient) => Promise<T>): Promise<T> {
  await db.exec('begin');
  try {
    await db.query(
      `select set_config('request.jwt.claims', $1, true), set_config('role', $2, true),
              set_config('request.admin_scope', $3, true)`,
      [actor.claims ? JSON.stringify(actor.claims) : '', actor.role, actor.adminScope ? 'on' : ''],
    );
    const result = await work(db);
    await db.exec('commit');
    return result;
  } catch (error) {
    await db.exec('rollback');
    throw error;
  }
}

/** The Postgres error a statement raised as `actor`, or null when it succeeded. */
export async function errorAs(db: SqlClient, actor: Actor, sql: string, params: unknown[] = []) {
  try {
    await actAs(db, actor, (tx) => tx.query(sql, params));
    return null;
  } catch (error) {
    return error as Error & { code?: string };
  }
}

export interface TestUser extends Actor {
  id: string;
  email: string;
}

/** Creates an identity and profile (as the server does on a first request). */
export async function createUser(db: SqlClient, options: { admin?: boolean; email?: string } = {}): Promise<TestUser> {
  const id = randomUUID();
  const email = options.email ?? `user-${id.slice(0, 8)}@example.com`;
  await db.query('insert into auth.users (id, email) values ($1, $2)', [id, email]);
  await db.query('insert into public.profiles (id, email, is_admin) values ($1, $2, $3)', [
    id,
    email,
    options.admin ?? false,
  ]);
  return {
    id,
    email,
    role: 'authenticated',
    claims: { sub: id, email, role: 'authenticated' },
    ...(options.admin ? { adminScope: true } : {}),
  };
}
