// One server under test, in its own process so the load generator does not share its
// event loop. Prints its port on stdout once listening.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { drizzle } from 'drizzle-orm/node-postgres';
import { jwtVerify } from 'jose';
import pg from 'pg';
import { newApp } from '../functions/app.ts';
import { connectPg } from '../functions/database/connect.ts';
import type { Database } from '../functions/env.ts';

const [kind, databaseUrl, secret] = process.argv.slice(2);
const key = new TextEncoder().encode(secret);

/** The yardstick: node:http + pg + jose doing the same one RLS query, nothing else. */
function bareHandler(): (req: IncomingMessage, res: ServerResponse) => void {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  return async (req, res) => {
    try {
      const token = (req.headers.authorization ?? '').slice('Bearer '.length);
      const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'] });
      const client = await pool.connect();
      try {
        await client.query('begin');
        await client.query(`select set_config('request.jwt.claims', $1, true), set_config('role', 'authenticated', true)`, [
          JSON.stringify(payload),
        ]);
        const { rows } = await client.query('select * from public.todos order by created_at desc limit 20');
        await client.query('commit');
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: rows }));
      } finally {
        client.release();
      }
    } catch {
      res.writeHead(500).end();
    }
  };
}

/** PAM's app behind a minimal node:http adapter. */
function pamHandler(pooled: boolean): (req: IncomingMessage, res: ServerResponse) => void {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const app = newApp({
    connectDatabase: pooled
      ? async () => {
          const client = await pool.connect();
          return { db: drizzle({ client }) as unknown as Database, close: async () => client.release() };
        }
      : () => connectPg(databaseUrl),
  });
  const env = { JWT_SECRET: secret, DATABASE_URL: databaseUrl };
  return async (req, res) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
    const response = await app.fetch(new Request(`http://bench${req.url}`, { method: req.method, headers }), env);
    res.writeHead(response.status, Object.fromEntries(response.headers)).end(Buffer.from(await response.arrayBuffer()));
  };
}

const handler = kind === 'bare' ? bareHandler() : pamHandler(kind === 'pam-pooled');
const server = createServer(handler);
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
