// A web app on an origin of its own calls PAM from a real browser: the API listens on one
// port of 127.0.0.1, the app's page is served from another (a different origin to the
// browser), and a third origin, not on the allowed list, is refused.
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newApp } from '../../functions/app.ts';
import type { Env } from '../../functions/env.ts';
import { connectorFor, signTestToken, TEST_JWT_SECRET } from '../support/app.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { launchChromium, type PageLog, watch } from './chromium.ts';
import { type LocalServer, serveFetch, servePage } from './local-servers.ts';

interface ShowTodosResult {
  failed?: string;
  createdStatus?: number;
  location?: string | null;
  listRequestId?: string | null;
  problemStatus?: number;
  problemContentType?: string | null;
}

type WebAppWindow = { pamWebApp: { showTodos(api: string, token: string, title: string): Promise<ShowTodosResult> } };

let database: TestDatabase;
let api: LocalServer;
let webApp: LocalServer;
let otherSite: LocalServer;
let browser: Browser;

beforeAll(async () => {
  const html = await readFile(new URL('./web-app.html', import.meta.url), 'utf8');
  webApp = await servePage(html);
  otherSite = await servePage(html);
  database = await createTestDatabase();
  const app = newApp({ connectDatabase: connectorFor(database) });
  // Production settings: only the exact origin on the list, no development allowance.
  const env: Env = { JWT_SECRET: TEST_JWT_SECRET, CORS_ALLOWED_ORIGINS: webApp.origin, PAM_ENV: 'production' };
  api = await serveFetch((request) => app.fetch(request, env));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  for (const server of [api, webApp, otherSite]) await server?.close();
  await database?.close();
});

async function openPage(origin: string): Promise<{ page: Page; log: PageLog }> {
  const page = await browser.newPage();
  const log = watch(page);
  await page.goto(`${origin}/`);
  return { page, log };
}

function signedInUser(email: string) {
  return signTestToken({ sub: crypto.randomUUID(), email, role: 'authenticated', session_id: crypto.randomUUID() });
}

describe('a page on an allowed origin', () => {
  let page: Page;
  let log: PageLog;
  let result: ShowTodosResult;

  beforeAll(async () => {
    ({ page, log } = await openPage(webApp.origin));
    const token = await signedInUser('traveller@example.com');
    result = await page.evaluate(
      ([apiOrigin, bearer]) => (window as unknown as WebAppWindow).pamWebApp.showTodos(apiOrigin, bearer, 'Check the tyre pressure'),
      [api.origin, token] as const,
    );
  });

  it('signs in with its token and shows the todos it lists', async () => {
    expect(result.failed).toBeUndefined();
    await expect(page.locator('#signed-in-as').textContent()).resolves.toBe('Signed in as traveller@example.com');
    await expect(page.getByRole('listitem').allTextContents()).resolves.toEqual(['Check the tyre pressure']);
    expect(result.createdStatus).toBe(201);
  });

  it('reads the headers PAM exposes, and the problem details of an error', async () => {
    expect(result.location).toMatch(/^\/api\/v1\/todos\/[0-9a-f-]{36}$/);
    expect(result.listRequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.problemStatus).toBe(404);
    expect(result.problemContentType).toMatch(/^application\/problem\+json/);
    await expect(page.locator('#problem').textContent()).resolves.toMatch(/\(404\)$/);
  });

  it('meets no CORS refusal in the console', () => {
    expect(log.errors.filter((error) => /CORS/i.test(error))).toEqual([]);
  });
});

describe('a page on an origin not on the list', () => {
  let page: Page;
  let log: PageLog;
  let result: ShowTodosResult;
  const title = 'Written from a site that is not allowed';

  beforeAll(async () => {
    ({ page, log } = await openPage(otherSite.origin));
    const token = await signedInUser('visitor@example.com');
    result = await page.evaluate(
      ([apiOrigin, bearer, newTitle]) => (window as unknown as WebAppWindow).pamWebApp.showTodos(apiOrigin, bearer, newTitle),
      [api.origin, token, title] as const,
    );
  });

  it('cannot call the API: the browser refuses, and says why in the console', () => {
    expect(result.failed).toMatch(/^TypeError: Failed to fetch/);
    expect(log.errors.some((error) => error.includes(otherSite.origin) && /blocked by CORS policy/.test(error))).toBe(true);
  });

  it('changes nothing: its preflight is refused, so the write is never sent', async () => {
    const { rows } = await database.owner.query('select 1 from public.todos where title = $1', [title]);
    expect(rows).toEqual([]);
    const { rows: profiles } = await database.owner.query(`select 1 from public.profiles where email = 'visitor@example.com'`);
    expect(profiles).toEqual([]);
  });
});
