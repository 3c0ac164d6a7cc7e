// The API reference at /docs, as a reader opens it: the Worker serves the page, its static
// assets serve the renderer, and a real browser renders the reference with every host but
// the Worker unreachable, as on a plane or a locked-down network.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort } from './database-endpoint.ts';
import { type LocalWorker, startLocalWorker } from './local-worker.ts';

/** Debian's package; Playwright's own browser builds cannot be downloaded where CI runs. */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const SCALAR_STANDALONE = fileURLToPath(
  new URL('../../node_modules/@scalar/api-reference/dist/browser/standalone.js', import.meta.url),
);

// Rendering parses a 3.5 MB script; on a small, busy machine that took over 20 s.
const RENDER_TIMEOUT_MS = 90_000;

let worker: LocalWorker;

beforeAll(async () => {
  // The docs need no database; the Worker still wants a URL, and a closed port is one.
  worker = await startLocalWorker({ DATABASE_URL: `postgres://postgres@127.0.0.1:${await closedPort()}/postgres` });
});
afterAll(() => worker?.stop());

describe('GET /docs over HTTP', () => {
  it('is an HTML page whose every script and link is on this Worker', async () => {
    const response = await worker.request('/docs');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html\b/);
    const html = await response.text();

    const references = [...html.matchAll(/\b(?:src|href)\s*=\s*["']([^"']*)["']/gi)].map((match) => match[1]);
    expect(references).toContain('/docs/api-reference.js');
    for (const reference of references) expect(reference).toMatch(/^\/(?!\/)/);
    expect(html).not.toMatch(/https?:\/\//i);
  });

  it('serves the renderer from static assets, byte for byte the installed Scalar build', async () => {
    const response = await worker.request('/docs/api-reference.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^(text|application)\/javascript\b/);
    const served = Buffer.from(await response.arrayBuffer());
    const installed = await readFile(SCALAR_STANDALONE);
    expect(served.length).toBe(installed.length);
    expect(served.equals(installed)).toBe(true);
  });
});

describe('GET /docs in Chromium with no network but the Worker', () => {
  let browser: Browser;
  let page: Page;
  /** Every request the page made, by the browser's own resource type. */
  const requests: { url: URL; resourceType: string }[] = [];
  const failures = new Map<string, string>();
  const uncaughtErrors: Error[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM_PATH)) {
      throw new Error(
        `Chromium is not installed at ${CHROMIUM_PATH}: run \`bash scripts/ensure-chromium.sh\` ` +
          '(or set CHROMIUM_PATH to a Chromium or Chrome binary).',
      );
    }
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // Every other host fails to resolve even on a machine that has a network, so a page
        // that leans on a CDN cannot pass here by luck.
        `--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE ${worker.url.hostname}`,
      ],
    });
    page = await browser.newPage();
    page.on('request', (request) => requests.push({ url: new URL(request.url()), resourceType: request.resourceType() }));
    page.on('requestfailed', (request) => failures.set(request.url(), request.failure()?.errorText ?? 'unknown'));
    page.on('pageerror', (error) => uncaughtErrors.push(error));
    // A deep link to the Todos tag, which opens that section of the reference.
    await page.goto(new URL('/docs#tag/todos', worker.url).href, { waitUntil: 'load', timeout: RENDER_TIMEOUT_MS });
  });
  afterAll(() => browser?.close());

  it('renders the summary of every todos operation in /openapi.json', { timeout: 2 * RENDER_TIMEOUT_MS }, async () => {
    const document: { paths: Record<string, Record<string, OpenApiOperation>> } = await (
      await worker.request('/openapi.json')
    ).json();
    const todoSummaries = Object.values(document.paths)
      .flatMap((pathItem) => Object.values(pathItem))
      .flatMap(({ tags, summary }) => (tags?.includes('Todos') && summary ? [summary] : []));
    expect(todoSummaries).toEqual(expect.arrayContaining(['Create a todo', 'List your todos, newest first']));

    for (const summary of todoSummaries) {
      const shown = page.getByText(summary, { exact: true }).filter({ visible: true });
      await shown.first().waitFor({ timeout: RENDER_TIMEOUT_MS });
    }
  });

  it('takes its page, renderer and OpenAPI document from the Worker alone', async () => {
    // Runs after the reference rendered, so only stragglers are left to settle. On a busy
    // machine the page may not go quiet in time; what it requested so far is still checked.
    await page.waitForLoadState('networkidle', { timeout: 20_000 }).catch(() => undefined);
    const fromWorker = requests.filter(({ url }) => url.origin === worker.url.origin).map(({ url }) => url.pathname);
    expect(fromWorker).toEqual(expect.arrayContaining(['/docs', '/docs/api-reference.js', '/openapi.json']));
    // The renderer would ask its vendor's hosts for fonts and an assistant index; the
    // page's Content-Security-Policy stops them in the browser (Chromium reports the
    // failure as 'csp'; a request that left would fail on name resolution instead).
    const leftTheBrowser = requests
      .filter(({ url }) => url.origin !== worker.url.origin && url.protocol !== 'data:')
      .filter(({ url }) => failures.get(url.href) !== 'csp')
      .map(({ url }) => `${url.href} (${failures.get(url.href) ?? 'sent'})`);
    expect(leftTheBrowser).toEqual([]);
    expect(uncaughtErrors).toEqual([]);
  });
});

interface OpenApiOperation {
  tags?: string[];
  summary?: string;
}
