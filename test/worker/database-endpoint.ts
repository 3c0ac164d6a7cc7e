import { createServer } from 'node:net';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import type { TestDatabase } from '../support/database.ts';

/** Where a process outside this one (workerd) reaches the test database over TCP. */
export interface DatabaseEndpoint {
  url: string;
  host: string;
  port: number;
  close(): Promise<void>;
}

// All connections share PGlite's single backend (the server queues statements and a
// transaction holds the queue); the default of one would refuse the Worker's second
// connection while a first is still closing.
const EMBEDDED_MAX_CONNECTIONS = 10;

/** The server database as it is; the embedded one served on a free port of 127.0.0.1. */
export async function serveTestDatabase(database: TestDatabase): Promise<DatabaseEndpoint> {
  if (database.connectionString) {
    const url = new URL(database.connectionString);
    return {
      url: database.connectionString,
      host: url.hostname,
      port: Number(url.port || 5432),
      close: async () => {},
    };
  }
  const server = new PGLiteSocketServer({
    db: database.pglite!,
    host: '127.0.0.1',
    port: 0,
    maxConnections: EMBEDDED_MAX_CONNECTIONS,
  });
  await server.start();
  const port = Number(server.getServerConn().split(':').pop());
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    host: '127.0.0.1',
    port,
    close: () => server.stop(),
  };
}

/** A port nothing listens on (bound, then released), for a database that is down. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
