import type { AccessTokenClaims } from './auth/verify-access-token.ts';
import type { ConnectDatabase, Database, DatabaseConfig } from './database/types.ts';
import type { ProviderConfig } from './pam/providers/index.ts';

export type { Database };

/** Bindings and vars of the Worker (wrangler.toml, .dev.vars, `wrangler secret`). */
export interface Env extends DatabaseConfig, ProviderConfig {
  JWT_SECRET?: string;
  JWT_JWKS_URL?: string;
  JWT_AUDIENCE?: string;
  JWT_ISSUER?: string;
  DIGISTORE24_IPN_PASSPHRASE?: string;
  DIGISTORE24_API_KEY?: string;
  DIGISTORE24_API_URL?: string;
  /** PAM's Digistore24 affiliate id, the <affiliate> segment of checkout links; without it products carry no checkout_url. */
  DIGISTORE24_AFFILIATE_ID?: string;
  /** "development" under `npm run dev`; a deploy is "production". */
  PAM_ENV?: string;
  /** Origins whose pages may call the API from a browser: exact, comma-separated (https://app.example.com). */
  CORS_ALLOWED_ORIGINS?: string;
  /** An OpenAI-compatible embeddings API for knowledge search; without it (and without a base URL) vectors come from the offline embedder. */
  EMBEDDINGS_API_KEY?: string;
  /** Default https://api.openai.com/v1. */
  EMBEDDINGS_BASE_URL?: string;
  /** Default text-embedding-3-small. Its vectors must have 1536 dimensions. */
  EMBEDDINGS_MODEL?: string;
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
