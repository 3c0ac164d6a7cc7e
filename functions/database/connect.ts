import { Client as NeonClient, neonConfig } from '@neondatabase/serverless';
import { drizzle as drizzleNeon } from 'drizzle-orm/neon-serverless';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { databaseUnavailable } from './errors.ts';
import type { ConnectDatabase, Database, DatabaseConnection } from './types.ts';

export type { ConnectDatabase, DatabaseConnection };

const CONNECT_TIMEOUT_MS = 5_000;

/** Picks the driver for the configured database: Neon's serverless driver for Neon hosts, `pg` otherwise. */
export const connectFromEnv: ConnectDatabase = async (env) => {
  const url = env.HYPERDRIVE?.connectionString ?? env.DATABASE_URL;
  if (!url) throw databaseUnavailable(new Error('DATABASE_URL is not configured'));
  const driver = env.DATABASE_DRIVER ?? (!env.HYPERDRIVE && isNeonHost(url) ? 'neon' : 'pg');
  return driver === 'neon' ? connectNeon(url, env.NEON_WS_PROXY) : connectPg(url);
};

export function isNeonHost(url: string): boolean {
  try {
    const { hostname } = new URL(url);
    return hostname.endsWith('.neon.tech') || hostname.endsWith('.neon.build');
  } catch {
    return false;
  }
}

export async function connectPg(url: string): Promise<DatabaseConnection> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // An idle client that loses its socket emits 'error'; without a listener that would crash the isolate.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw databaseUnavailable(error);
  }
  return {
    db: drizzlePg({ client }) as unknown as Database,
    close: () => client.end().catch(() => {}),
  };
}

export async function connectNeon(url: string, wsProxy?: string): Promise<DatabaseConnection> {
  if (wsProxy) {
    // A plain Postgres behind a WebSocket-to-TCP pipe (local tests): no TLS, no pipelining.
    neonConfig.wsProxy = () => wsProxy;
    neonConfig.useSecureWebSocket = false;
    neonConfig.pipelineTLS = false;
    neonConfig.pipelineConnect = false;
  }
  const client = new NeonClient({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    // Not awaited: after a failed connect Neon's Client.end() waits for an 'end' event the
    // connection has already emitted, which would hang the request (workerd then answers 500).
    // Its synchronous part still closes the socket.
    void client.end().catch(() => {});
    throw databaseUnavailable(error);
  }
  return {
    db: drizzleNeon({ client }) as unknown as Database,
    close: () => client.end().catch(() => {}),
  };
}
