// Real HTTP servers on free ports of 127.0.0.1: each one is an origin of its own to the
// browser (same host, another port), as a web app and the API are in production.
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';

export interface LocalServer {
  /** http://127.0.0.1:<port>, exactly as a browser sends it in the Origin header. */
  origin: string;
  close(): Promise<void>;
}

export async function serveFetch(fetch: (request: Request) => Response | Promise<Response>): Promise<LocalServer> {
  // Node's own Request and Response stay in place: the app under test uses them too.
  const server = createAdaptorServer({ fetch, overrideGlobalObjects: false });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A static page at `/`, as a web app's host would serve it. */
export function servePage(html: string): Promise<LocalServer> {
  return serveFetch((request) =>
    new URL(request.url).pathname === '/'
      ? new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } })
      : new Response('Not found', { status: 404 }),
  );
}
