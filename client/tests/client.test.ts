// The client as an app developer uses it: a small program written against the generated
// types is compiled, then run against PAM over HTTP on a real database.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newApp } from '../../functions/app.ts';
import { type LocalServer, serveFetch } from '../../test/browser/local-servers.ts';
import { connectorFor, signTestToken, testEnv } from '../../test/support/app.ts';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.ts';
import { type TourReport, todoTour } from '../examples/todo-tour.ts';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const examplesProject = fileURLToPath(new URL('../examples/tsconfig.json', import.meta.url));

describe('a program written against the client', () => {
  it('compiles, and the types refuse the mistakes it must not make', { timeout: 120_000 }, async () => {
    const output = await new Promise<{ code: number; text: string }>((resolve) => {
      execFile(process.execPath, [tsc, '-p', examplesProject, '--pretty', 'false'], (error, stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, text: `${stdout}${stderr}` }),
      );
    });
    expect(output.text).toBe('');
    expect(output.code).toBe(0);
  });

  describe('run against PAM', () => {
    let database: TestDatabase;
    let pam: LocalServer;
    let report: TourReport;
    const titles = ['Top up the propane', 'Rotate the tyres', 'Empty the grey tank', 'Book a campsite', 'Renew the insurance'];

    beforeAll(async () => {
      database = await createTestDatabase();
      const app = newApp({ connectDatabase: connectorFor(database) });
      pam = await serveFetch((request) => app.fetch(request, testEnv));
      const token = await signTestToken({
        sub: crypto.randomUUID(),
        email: 'app-developer@example.com',
        role: 'authenticated',
        session_id: crypto.randomUUID(),
      });
      // A function, as an app passes its auth library's current token.
      report = await todoTour(pam.origin, () => token, titles);
    });
    afterAll(async () => {
      await pam?.close();
      await database?.close();
    });

    it('signs in with a real token', () => {
      expect(report.signedInAs).toBe('app-developer@example.com');
    });

    it('pages through every todo with next_cursor, newest first', () => {
      expect(report.pageSizes).toEqual([2, 2, 1]);
      expect(report.listed).toEqual([...titles].reverse());
    });

    it('reads problem responses as typed problem details', () => {
      expect(report.notFound).toEqual({ status: 404, title: expect.any(String), requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
      expect(report.invalid).toEqual({ status: 400, fields: ['title'] });
    });
  });
});
