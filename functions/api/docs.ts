import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';

/**
 * The interactive API reference. Its renderer is served by this Worker from static
 * assets (public/docs/), never from a CDN, so the page works offline and on locked-down
 * networks. The policy keeps the page to this origin; the configuration below turns off
 * everything of the renderer that would reach for its vendor's servers, so nothing is
 * left for the policy to block and the console stays clean.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
].join('; ');

/** Options of the installed renderer (@scalar/api-reference 1.46). */
const referenceConfiguration = {
  url: '/openapi.json',
  // The system font stack: the default web fonts come from the vendor's font host.
  withDefaultFonts: false,
  // The assistant ("Ask AI") needs the vendor's cloud and its registry of public APIs.
  agent: { disabled: true },
  // "Open API Client" links to the vendor's hosted client, which cannot read this
  // document from a local or private host; "Test Request" in the page does work.
  hideClientButton: true,
  // The developer toolbar (deploy, share, configure) is for the vendor's hosted docs.
  showDeveloperTools: 'never',
  telemetry: false,
};

/**
 * The renderer also mounts itself, unconfigured, on any element whose id is
 * "api-reference"; that second instance never finishes loading and pushes the real one
 * below the fold. The mount point therefore has another id.
 */
const MOUNT_POINT_ID = 'pam-reference';

/** The page; its empty icon keeps the browser from asking for /favicon.ico, a 404 in the console. */
export const docsRouter = new Hono<AppEnv>().get('/docs', (c) => {
  c.header('content-security-policy', contentSecurityPolicy);
  return c.html(`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>PAM API reference</title>
    <link rel="icon" href="data:," />
  </head>
  <body>
    <div id="${MOUNT_POINT_ID}"></div>
    <script src="/docs/api-reference.js"></script>
    <script>
      Scalar.createApiReference('#${MOUNT_POINT_ID}', ${JSON.stringify(referenceConfiguration)});
    </script>
  </body>
</html>`);
});
