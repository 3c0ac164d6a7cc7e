import type { z } from '@hono/zod-openapi';
import { expect, test as base } from 'vitest';
import type { Env } from '../../functions/env.ts';
import { type ApiResponse, type ApiUser, createTestApi, type TestApi, testEnv } from './app.ts';
import { FAKE_API_KEY, type FakeDigistore24, type MarketplaceEntry, startFakeDigistore24 } from './fake-digistore24.ts';

/**
 * The shared fixture for route tests: one app on one fresh database per file, and
 * signed-in users made on demand, each test its own. Use it instead of a per-file
 * beforeAll/afterAll preamble:
 *
 *   import { test, expect, bodyOf } from '../../../test/support/fixtures.ts';
 *   test('creates a todo', async ({ api, alice }) => { ... });
 */
export interface RouteFixtures {
  api: TestApi;
  /** A signed-in user, fresh for each test. */
  alice: ApiUser;
  /** A second signed-in user, fresh for each test: the one who must not see alice's rows. */
  bob: ApiUser;
  /** A signed-in administrator, fresh for each test. */
  admin: ApiUser;
}

/** An app on its own database with `env`, for as long as `use` runs (a file's tests). */
async function serveApi(env: Env, use: (api: TestApi) => Promise<void>): Promise<void> {
  const api = await createTestApi(env);
  await use(api);
  await api.close();
}

export const test = base.extend<RouteFixtures>({
  // eslint-disable-next-line no-empty-pattern
  api: [async ({}, use) => serveApi(testEnv, use), { scope: 'file' }],
  alice: async ({ api }, use) => use(await api.signIn()),
  bob: async ({ api }, use) => use(await api.signIn()),
  admin: async ({ api }, use) => use(await api.signIn({ admin: true })),
});

export { describe, expect } from 'vitest';

/** The shared fixture on an app with `env` in place of the tests' own. */
export function withEnv(env: Env) {
  // eslint-disable-next-line no-empty-pattern
  return test.extend<{ api: TestApi }>({ api: [async ({}, use) => serveApi(env, use), { scope: 'file' }] });
}

/**
 * The shared fixture on an app that reaches a local Digistore24 speaking the real wire
 * format, listing `listing` in its marketplace: one server per file, and `digistore24`,
 * the same server for each test with its scripted answers and recorded requests cleared.
 */
export function withFakeDigistore24(listing: MarketplaceEntry[]) {
  return test.extend<{ digistore24Server: FakeDigistore24; digistore24: FakeDigistore24; api: TestApi }>({
    digistore24Server: [
      // eslint-disable-next-line no-empty-pattern
      async ({}, use) => {
        const fake = await startFakeDigistore24(listing);
        await use(fake);
        await fake.close();
      },
      { scope: 'file' },
    ],
    api: [
      async ({ digistore24Server }, use) =>
        serveApi({ ...testEnv, DIGISTORE24_API_KEY: FAKE_API_KEY, DIGISTORE24_API_URL: digistore24Server.url }, use),
      { scope: 'file' },
    ],
    digistore24: async ({ digistore24Server }, use) => {
      digistore24Server.reset();
      await use(digistore24Server);
    },
  });
}

/**
 * The response body, checked against the schema the route documents and typed by it:
 * a test reads `todo.title`, not `any`, and a body that drifts from the contract fails.
 */
export async function bodyOf<S extends z.ZodType>(response: ApiResponse, schema: S, status?: number): Promise<z.output<S>> {
  const body: unknown = await response.json();
  if (status !== undefined) expect(response.status, JSON.stringify(body)).toBe(status);
  const parsed = schema.safeParse(body);
  expect(parsed.error?.issues ?? [], 'the body does not match the documented schema').toEqual([]);
  return parsed.data as z.output<S>;
}
