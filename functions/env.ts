import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { AccessTokenClaims } from './auth/verify-access-token.ts';
import type { ConnectDatabase } from './db/connect.ts';

/** Bindings and vars of the Worker (wrangler.toml, .dev.vars, `wrangler secret`). */
export interface Env {
  /** Any Postgres URL. A Neon host is reached through Neon's serverless driver. */
  DATABASE_URL?: string;
  /** Optional Hyperdrive binding; takes precedence over DATABASE_URL. */
  HYPERDRIVE?: { connectionString: string };
  /** Forces a driver: 'neon' or 'pg'. Normally chosen from the URL. */
  DATABASE_DRIVER?: string;
  /** host:port/path of a WebSocket-to-Postgres proxy for the Neon driver outside Neon (local tests). */
  NEON_WS_PROXY?: string;
  JWT_SECRET?: string;
  JWT_JWKS_URL?: string;
  JWT_AUDIENCE?: string;
  JWT_ISSUER?: string;
  DIGISTORE24_IPN_PASSPHRASE?: string;
  DIGISTORE24_API_KEY?: string;
  DIGISTORE24_API_URL?: string;
  /** PAM's Digistore24 affiliate id, the <affiliate> segment of checkout links; without it products carry no checkout_url. */
  DIGISTORE24_AFFILIATE_ID?: string;
  ASSETS?: { fetch(request: Request): Promise<Response> };
}

/** The database as handlers see it: already inside the request's transaction, with the caller's role and claims. */
export type Database = PgDatabase<PgQueryResultHKT>;

export interface Caller {
  userId: string;
  claims: AccessTokenClaims;
  sessionKeyHash: string;
}

export interface Vars {
  requestId: string;
  /** Null for anonymous requests. */
  caller: Caller | null;
  db: Database;
  /** Opens a connection of its own, for work that must not run in the caller's transaction (a sync an admin starts). */
  connectDatabase: ConnectDatabase;
}

export interface AppEnv {
  Bindings: Env;
  Variables: Vars;
}
