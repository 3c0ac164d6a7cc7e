import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';

/**
 * The interactive API reference. Its renderer is served by this Worker from static
 * assets (public/docs/), never from a CDN, so the page works offline and on locked-down
 * networks. The renderer would also fetch web fonts and an assistant index from its
 * vendor's servers on every view; the policy keeps the page to this origin.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
].join('; ');

export const docsRouter = new Hono<AppEnv>().get('/docs', (c) => {
  c.header('content-security-policy', contentSecurityPolicy);
  return c.html(`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>PAM API reference</title>
  </head>
  <body>
    <div id="api-reference"></div>
    <script src="/docs/api-reference.js"></script>
    <script>
      Scalar.createApiReference('#api-reference', { url: '/openapi.json', hideClientButton: false });
    </script>
  </body>
</html>`);
});
