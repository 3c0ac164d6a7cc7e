// The API reference at /docs, as a reader opens it: the Worker serves the page, its static
// assets serve the renderer, and a real browser renders the reference with every host but
// the Worker unreachable, as on a plane or a locked-down network. What is checked is what
// a person sees on the first screen; a screenshot of it is kept (test/browser/chromium.ts).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchChromium, type PageLog, watch } from '../browser/chromium.ts';
import { openApiDocument } from '../../scripts/openapi-document.ts';
import { closedPort } from './database-endpoint.ts';
import { type LocalWorker, startLocalWorker } from './local-worker.ts';

const SCALAR_STANDALONE = fileURLToPath(
  new URL('../../node_modules/@scalar/api-reference/dist/browser/standalone.js', import.meta.url),
);

// Rendering parses a 3.5 MB script; on a small, busy machine that took over 20 s.
const RENDER_TIMEOUT_MS = 90_000;
/** A common laptop screen; "the first screen" is this much of the page. */
const VIEWPORT = { width: 1280, height: 800 };

let worker: LocalWorker;
let openApi: OpenApiDocument;

beforeAll(async () => {
  // The docs need no database; the Worker still wants a URL, and a closed port is one.
  worker = await startLocalWorker({
    DATABASE_URL: `postgres://postgres@127.0.0.1:${await closedPort()}/postgres`,
    CORS_ALLOWED_ORIGINS: 'https://app.example.com',
  });
  openApi = await (await worker.request('/openapi.json')).json();
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
    // Same-origin paths, or inline data (the empty icon).
    for (const reference of references) expect(reference).toMatch(/^(\/(?!\/)|data:)/);
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

  it('serves the OpenAPI document its build wrote: the one the routes give, with the CORS the API has', async () => {
    const response = await worker.request('/openapi.json', { headers: { origin: 'https://app.example.com' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json\b/);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(await response.json()).toEqual(await openApiDocument());
    expect(openApi.paths['/api/v1/todos']).toBeDefined();
  });
});

describe('GET /docs in Chromium with no network but the Worker', () => {
  let browser: Browser;
  let page: Page;
  let log: PageLog;

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage({ viewport: VIEWPORT });
    log = watch(page);
    await page.goto(new URL('/docs', worker.url).href, { waitUntil: 'load', timeout: RENDER_TIMEOUT_MS });
    await visibleHeading(page, openApi.info.title).waitFor({ timeout: RENDER_TIMEOUT_MS });
    await page.screenshot({ path: await artifactPath('docs-first-screen.png') });
  }, 2 * RENDER_TIMEOUT_MS);
  afterAll(() => browser?.close());

  it('shows one reference, opening with the introduction', async () => {
    await expect(visibleHeading(page, openApi.info.title).count()).resolves.toBe(1);
    await expect(page.locator('.scalar-api-reference').count()).resolves.toBe(1);
    await expectOnFirstScreen(visibleHeading(page, openApi.info.title));
    const firstSentence = openApi.info.description.split('. ')[0]!;
    await expectOnFirstScreen(page.getByText(firstSentence).filter({ visible: true }).first());
  });

  it('lists every part of the API on the first screen, with the operations of the first open', async () => {
    const sidebar = page.getByRole('navigation', { name: `Sidebar for ${openApi.info.title}` });
    const tags = [...new Set(operations(openApi).flatMap(({ tags }) => tags ?? []))];
    expect(tags).toContain('Todos');
    for (const tag of tags) await expectOnFirstScreen(sidebar.getByText(tag, { exact: true }).first());

    const firstTagSummaries = operations(openApi)
      .filter(({ tags: operationTags }) => operationTags?.[0] === tags[0])
      .map(({ summary }) => summary!);
    for (const summary of firstTagSummaries) await expectOnFirstScreen(sidebar.getByText(summary, { exact: true }).first());
  });

  it("shows none of the renderer's features that need its vendor's cloud", async () => {
    for (const label of ['Ask AI', 'Open API Client', 'Deploy', 'Share', 'Configure']) {
      await expect(page.getByText(label, { exact: true }).filter({ visible: true }).count(), label).resolves.toBe(0);
    }
  });

  it('asks no other host for anything (fonts included) and logs no errors', async () => {
    // On a busy machine the page may not go quiet in time; what it did so far is still checked.
    await page.waitForLoadState('networkidle', { timeout: 20_000 }).catch(() => undefined);
    const fromWorker = log.requests.filter(({ url }) => url.origin === worker.url.origin).map(({ url }) => url.pathname);
    expect(fromWorker).toEqual(expect.arrayContaining(['/docs', '/docs/api-reference.js', '/openapi.json']));
    const elsewhere = log.requests
      .filter(({ url }) => url.origin !== worker.url.origin && url.protocol !== 'data:')
      .map(({ url, resourceType }) => `${resourceType} ${url.href} (${log.failures.get(url.href) ?? 'sent'})`);
    expect(elsewhere).toEqual([]);
    expect(log.errors).toEqual([]);
  });

  it('renders the summary of every todos operation at its deep link', { timeout: 2 * RENDER_TIMEOUT_MS }, async () => {
    const todoSummaries = operations(openApi).flatMap(({ tags, summary }) =>
      tags?.includes('Todos') && summary ? [summary] : [],
    );
    expect(todoSummaries).toEqual(expect.arrayContaining(['Create a todo', 'List your todos, newest first']));

    const deepLinked = await browser.newPage({ viewport: VIEWPORT });
    try {
      await deepLinked.goto(new URL('/docs#tag/todos', worker.url).href, { waitUntil: 'load', timeout: RENDER_TIMEOUT_MS });
      for (const summary of todoSummaries) {
        await deepLinked.getByText(summary, { exact: true }).filter({ visible: true }).first().waitFor({ timeout: RENDER_TIMEOUT_MS });
      }
    } finally {
      await deepLinked.close();
    }
  });
});

function visibleHeading(page: Page, name: string): Locator {
  return page.getByRole('heading', { name, exact: true }).filter({ visible: true });
}

/** Visible without scrolling: inside the viewport the page opened with. */
async function expectOnFirstScreen(locator: Locator): Promise<void> {
  const box = await locator.boundingBox();
  expect(box, `${locator} is not shown`).not.toBeNull();
  expect(box!.y, `${locator} starts below the first screen`).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `${locator} ends below the first screen`).toBeLessThanOrEqual(VIEWPORT.height);
}

interface OpenApiOperation {
  tags?: string[];
  summary?: string;
}

interface OpenApiDocument {
  info: { title: string; description: string };
  paths: Record<string, Record<string, OpenApiOperation>>;
}

function operations(openApi: OpenApiDocument): OpenApiOperation[] {
  return Object.values(openApi.paths).flatMap((pathItem) => Object.values(pathItem));
}
