// A real browser for the tests that check what a person or a web app sees: Debian's
// Chromium driven by playwright-core, with every host but this machine unreachable.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's package; Playwright's own browser builds cannot be downloaded where CI runs. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Screenshots a person can look at after the run; CI keeps this directory as an artifact. */
export const ARTIFACTS_DIR =
  process.env.TEST_ARTIFACTS_DIR ?? fileURLToPath(new URL('../../.pam/test-artifacts/', import.meta.url));

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}: run \`bash scripts/ensure-chromium.sh\` ` +
        '(or set CHROMIUM_PATH to a Chromium or Chrome binary).',
    );
  }
  return chromium.launch({
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
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
}

/** Where a test's screenshot goes; the directory is created on first use. */
export async function artifactPath(name: string): Promise<string> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  return join(ARTIFACTS_DIR, name);
}

export interface PageLog {
  /** Every request the page made, with the browser's own resource type. */
  requests: { url: URL; resourceType: string }[];
  /** Why each failed request failed, by URL (Chromium says 'csp' for a policy block). */
  failures: Map<string, string>;
  /** What the browser's console shows as errors, and uncaught exceptions. */
  errors: string[];
}

/** Records what the page asks for and what its console would show a developer. */
export function watch(page: Page): PageLog {
  const log: PageLog = { requests: [], failures: new Map(), errors: [] };
  page.on('request', (request) => log.requests.push({ url: new URL(request.url()), resourceType: request.resourceType() }));
  page.on('requestfailed', (request) => log.failures.set(request.url(), request.failure()?.errorText ?? 'unknown'));
  page.on('console', (message) => {
    if (message.type() === 'error') log.errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => log.errors.push(`uncaught: ${error.message}`));
  return log;
}
