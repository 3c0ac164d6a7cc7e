import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';

/**
 * The interactive API reference. Its renderer is served by this Worker from static
 * assets (public/docs/), never from a CDN, so the page works offline and on locked-down
 * networks.
 */
export const docsRouter = new Hono<AppEnv>().get('/docs', (c) =>
  c.html(`<!doctype html>
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
</html>`),
);
