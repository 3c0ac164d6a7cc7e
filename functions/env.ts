import type { AccessTokenClaims } from './auth/verify-access-token.ts';
import type { ConnectDatabase, Database, DatabaseConfig } from './database/types.ts';

export type { Database };

/** Bindings and vars of the Worker (wrangler.toml, .dev.vars, `wrangler secret`). */
export interface Env extends DatabaseConfig {
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

export interface Caller {
  userId: string;
  claims: AccessTokenClaims;
  sessionKeyHash: string;
}

export interface Vars {
  requestId: string;
  /** Null for anonymous requests. */
  caller: Caller | null;
  /** The request's transaction, under the caller's claims (set by the operation's middleware). */
  db: Database;
  /** Opens a connection of its own: for the request's transaction, and for work that must not run in it (a sync an admin starts). */
  connectDatabase: ConnectDatabase;
}

export interface AppEnv {
  Bindings: Env;
  Variables: Vars;
}
