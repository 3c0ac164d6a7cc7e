// `npm run bench` in miniature, so it keeps working between the times someone runs it:
// every scenario against PAM, the thin floor, PostGraphile and (reads) the replay server (and pgbench when it is
// installed), a second each, on a small data set; every answer checked. The numbers mean
// nothing here. PostGraphile is installed from bench/postgraphile/'s lockfile on the first
// run (35 to 50 s on the project's machine, from the npm registry), a second afterwards.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { findPgbench } from '../../bench/ceiling.ts';
import { POSTGRAPHILE_SCENARIOS } from '../../bench/postgraphile/operations.ts';
import { type BenchReport, formatReport, runBenchmark, writeReport } from '../../bench/request-throughput.ts';
import { SCENARIOS } from '../../bench/scenarios.ts';
import { SMOKE_SEED } from '../../bench/seed.ts';

const database = inject('testDatabase');

describe.skipIf(database.kind !== 'server')('the benchmark, for a second per scenario', () => {
  it('drives every scenario against PAM, the floor and PostGraphile without a wrong answer, and reports it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pam-bench-smoke-'));
    try {
      const options = {
        serverUrl: database.kind === 'server' ? database.serverUrl : '',
        seconds: 1,
        warmupSeconds: 0.2,
        concurrency: 4,
        seed: SMOKE_SEED,
        bundle: false,
        scenarios: [],
        resultsDir: dir,
        reportPath: join(dir, 'BENCH.md'),
      };
      const report = await runBenchmark(options, () => {});
      await writeReport(report, options);

      expect(report.scenarios.map((s) => s.name)).toEqual(SCENARIOS.map((s) => s.name));
      for (const scenario of report.scenarios) {
        const served = Boolean(POSTGRAPHILE_SCENARIOS[scenario.name]);
        for (const target of served ? ['pam', 'floor', 'postgraphile'] : ['pam', 'floor']) {
          const result = scenario.targets[target];
          expect(result.errorSamples, `${scenario.name} on ${target}`).toEqual([]);
          expect(result.errors).toBe(0);
          expect(result.requests).toBeGreaterThan(0);
        }
        // One for each operation of one statement; the IPN's log, savepoint, sale and outcome take four; knowledge search
        // (not one statement: the claims, the fused ranking, then the winners' rows) three.
        expect(scenario.targets.pam.roundTripsPerRequest, scenario.name).toBe(({ ipn: 4, 'knowledge-search': 3 } as Record<string, number>)[scenario.name] ?? 1);
        expect(scenario.ratios.pamToFloor).toBeGreaterThan(0);
        if (served) expect(scenario.ratios.pamToPostgraphile, scenario.name).toBeGreaterThan(0);
        else expect(scenario.targets.postgraphile, `${scenario.name} is not PostGraphile's to serve`).toBeUndefined();
        // The replay server answers reads from memory, as right as PAM's own answers; it has no writes to replay.
        if (scenario.read) {
          expect(scenario.targets.replay.errorSamples, `${scenario.name} on replay`).toEqual([]);
          expect(scenario.targets.replay.requests).toBeGreaterThan(0);
          expect(scenario.ratios.pamToReplay, scenario.name).toBeGreaterThan(0);
        } else expect(scenario.targets.replay, `${scenario.name} is a write`).toBeUndefined();
      }
      if (await findPgbench()) {
        for (const scenario of report.scenarios) {
          expect(scenario.ceiling?.errors, scenario.name).toBe(0);
          expect(scenario.ceiling?.requests, scenario.name).toBeGreaterThan(0);
        }
      }

      const written = JSON.parse(await readFile(join(dir, 'latest.json'), 'utf8')) as BenchReport;
      expect(written.scenarios).toHaveLength(SCENARIOS.length);
      const markdown = await readFile(join(dir, 'BENCH.md'), 'utf8');
      expect(markdown).toContain(formatReport(report));
      for (const scenario of SCENARIOS) expect(markdown).toContain(`| ${scenario.name} | pam |`);
      expect(markdown).toContain('| ipn | postgraphile | n/a |');
      expect(markdown).toContain('PAM / PostGraphile');
      expect(markdown).toContain('| list-todos | replay |');
      expect(markdown).toContain('| ipn | replay | n/a |');
      expect(markdown).toContain('PAM / replay');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 360_000);
});
