// The Worker's script as Cloudflare would receive it, built by wrangler with the same
// settings as a deploy: it must stay within its size budget, because a Worker parses its
// whole script on every cold start.
import { beforeAll, describe, expect, it } from 'vitest';
import { measureWorkerBundle, WORKER_GZIP_BUDGET_KIB, type WorkerBundle } from '../../bench/worker-bundle.ts';

let bundle: WorkerBundle;

beforeAll(async () => {
  bundle = await measureWorkerBundle();
}, 180_000);

describe('the Worker bundle', () => {
  it(`stays within ${WORKER_GZIP_BUDGET_KIB} KiB gzipped`, () => {
    const gzipKib = bundle.gzipBytes / 1024;
    const largest = bundle.largest.map(([name, bytes]) => `${name} ${(bytes / 1024).toFixed(0)} KiB`).join(', ');
    expect(gzipKib, `largest parts, minified: ${largest}`).toBeLessThanOrEqual(WORKER_GZIP_BUDGET_KIB);
  });

  it("carries zod's English messages and none of its other locales", () => {
    expect(bundle.script).toContain('Invalid input: expected');
    // German and French, as zod words them.
    expect(bundle.script).not.toContain('Eingabe');
    expect(bundle.script).not.toContain('Entrée invalide');
  });

  it('gives the stand-ins to the modules they were made for, and to no other', () => {
    // The aliases match import paths as written; a new dependency that happened to import
    // "./native" or "./compile.js" of its own would silently get a stand-in instead.
    const madeFor: Record<string, RegExp> = {
      'zod-locales.js': /^node_modules\/zod\/v4\/(classic|core)\//,
      'zod-compile.js': /^node_modules\/zod\/v4\/core\//,
      'zod-from-json-schema.js': /^node_modules\/zod\/v4\/classic\//,
      'pg-pool.cjs': /^node_modules\/pg\/lib\//,
      'pgpass.cjs': /^node_modules\/pg\/lib\//,
      'pg-native.cjs': /^node_modules\/pg\/lib\//,
      'zod-to-openapi.js': /^node_modules\/@hono\/zod-openapi\//,
    };
    expect(bundle.standIns.length).toBeGreaterThan(0);
    const misplaced = bundle.standIns.filter(({ importer, standIn }) => !madeFor[standIn.split('/').pop()!]?.test(importer));
    expect(misplaced).toEqual([]);
  });

  it('leaves out the OpenAPI document generator: the Worker serves the document its build wrote', () => {
    expect(bundle.modules.filter((path) => path.includes('@asteasolutions/zod-to-openapi'))).toEqual([]);
    expect(bundle.standIns).toContainEqual({ importer: 'node_modules/@hono/zod-openapi/dist/index.mjs', standIn: 'build/worker-aliases/zod-to-openapi.js' });
  });

  it('leaves out the parts of pg that only work in Node', () => {
    const nodeOnly = bundle.modules.filter((path) => /node_modules\/(pg-pool|pgpass|split2)\/|node_modules\/pg\/lib\/native\//.test(path));
    expect(nodeOnly).toEqual([]);
    expect(bundle.modules).toContain('node_modules/pg/lib/client.js');
  });
});
