// Lints the OpenAPI document with the pinned Redocly CLI and the rules in redocly.yaml.
import { execFile } from 'node:child_process';
import { copyFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withOpenApiDocumentFile } from './openapi-document.ts';

const configPath = fileURLToPath(new URL('../redocly.yaml', import.meta.url));
/** The few known exceptions, each with its reason; Redocly reports them as "explicitly ignored". */
const ignorePath = fileURLToPath(new URL('../.redocly.lint-ignore.yaml', import.meta.url));
const redoclyCli = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');

/** No usage reports, no update checks: the lint must give the same answer offline. */
const quietEnv = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };

export interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  /** JSON pointers into the document, e.g. #/paths/~1health/get/responses. */
  pointers: string[];
}

/** Every problem Redocly finds in the document (errors and warnings alike). */
export function lintOpenApiDocument(): Promise<LintProblem[]> {
  return withOpenApiDocumentFile(async (documentPath) => {
    // The ignore file names the document by its path beside the configuration: both go next to it.
    const dir = dirname(documentPath);
    await copyFile(configPath, join(dir, 'redocly.yaml'));
    await copyFile(ignorePath, join(dir, '.redocly.lint-ignore.yaml'));
    return new Promise((resolve, reject) => {
        const args = [redoclyCli, 'lint', 'openapi.json', '--config', 'redocly.yaml', '--format', 'json', '--max-problems', '10000'];
        // Exits 1 when it finds errors; the report on stdout is what counts.
        execFile(process.execPath, args, { cwd: dir, env: quietEnv, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
          try {
            const report = JSON.parse(stdout) as { problems: RedoclyProblem[] };
            resolve(
              report.problems.map((problem) => ({
                ruleId: problem.ruleId,
                severity: problem.severity,
                message: problem.message,
                pointers: problem.location.map((location) => location.pointer ?? ''),
              })),
            );
          } catch {
            reject(new Error(`Redocly CLI gave no report (${error?.message ?? 'no error'}):\n${stderr}`));
          }
        });
    });
  });
}

/** One line per problem, grouped by rule, for a person at a terminal. */
export function describeLintProblems(problems: LintProblem[]): string {
  if (problems.length === 0) return 'The OpenAPI document passes: 0 errors, 0 warnings.';
  const byRule = new Map<string, LintProblem[]>();
  for (const problem of problems) {
    const rule = `${problem.severity} ${problem.ruleId}`;
    byRule.set(rule, [...(byRule.get(rule) ?? []), problem]);
  }
  const lines = [...byRule].flatMap(([rule, found]) => [
    `${rule} (${found.length})`,
    ...found.map((problem) => `  ${problem.pointers.join(', ')}: ${problem.message}`),
  ]);
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  lines.push(`${errors} error${errors === 1 ? '' : 's'}, ${problems.length - errors} warning${problems.length - errors === 1 ? '' : 's'}.`);
  return lines.join('\n');
}

interface RedoclyProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: { pointer?: string }[];
}
