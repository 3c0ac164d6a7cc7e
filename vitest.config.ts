import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', '.pam/**', '.wrangler/**'],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    // A file's shared app (test/support/fixtures.ts) is made inside its first test, so that
    // test's time includes a fresh database: room for a busy machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
