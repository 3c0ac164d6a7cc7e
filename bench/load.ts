// The load generator: a fixed number of simulated clients, each sending its next request
// as soon as the previous answer is in (a closed loop), for a fixed time. Every answer is
// checked; a wrong one counts as an error, never as throughput.
import { Agent, request as httpRequest } from 'node:http';
import type { BenchRequest, BenchUser, Scenario } from './scenarios.ts';

export interface LoadResult {
  requests: number;
  errors: number;
  perSecond: number;
  p50: number;
  p99: number;
  /** The first few things that went wrong, for the report. */
  errorSamples: string[];
}

interface Answer {
  status: number;
  body: string;
}

function send(agent: Agent, port: number, request: BenchRequest): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...request.headers };
    if (request.body !== undefined) headers['content-length'] = Buffer.byteLength(request.body);
    const outgoing = httpRequest({ agent, host: '127.0.0.1', port, method: request.method, path: request.path, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}

/** Raw measurements of one or more slices of a run, added up. */
export interface Tally {
  latencies: number[];
  errors: number;
  errorSamples: string[];
  elapsedMs: number;
}

export const emptyTally = (): Tally => ({ latencies: [], errors: 0, errorSamples: [], elapsedMs: 0 });

/**
 * Drives `scenario` against the server on `port` for `durationMs`, adding what it measures to
 * `tally` (or measuring nothing, for a warm-up, when there is none).
 */
export async function drive(
  scenario: Scenario,
  options: { port: number; concurrency: number; users: BenchUser[]; durationMs: number; everyUser?: boolean },
  tally: Tally | null,
): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const started = performance.now();
  const until = started + options.durationMs;

  const client = async (index: number) => {
    let turn = 0;
    // everyUser: keep going until each user has sent a request (a warm-up that has seen every
    // token once, as a server that has been up a while has).
    const users = options.everyUser ? Math.ceil((options.users.length - index) / options.concurrency) : 0;
    while (performance.now() < until || turn < users) {
      // Each client goes through the users in its own stride, so consecutive requests on one
      // connection are different people and every request runs under its own claims.
      const user = options.users[(index + turn * options.concurrency) % options.users.length];
      turn += 1;
      const requestStarted = performance.now();
      let problem: string | null;
      try {
        const answer = await send(agent, options.port, await scenario.request(user, sequence++));
        problem = scenario.check(user, answer.status, answer.body);
      } catch (error) {
        problem = `request failed: ${(error as Error).message}`;
      }
      if (!tally) continue;
      if (problem === null) {
        tally.latencies.push(performance.now() - requestStarted);
      } else {
        tally.errors += 1;
        if (tally.errorSamples.length < 3) tally.errorSamples.push(problem);
      }
    }
  };

  await Promise.all(Array.from({ length: options.concurrency }, (_, index) => client(index)));
  if (tally) tally.elapsedMs += performance.now() - started;
  agent.destroy();
}

let sequence = 0;

export function summarize(tally: Tally): LoadResult {
  const latencies = [...tally.latencies].sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return {
    requests: latencies.length,
    errors: tally.errors,
    perSecond: latencies.length / (tally.elapsedMs / 1000),
    p50: at(0.5),
    p99: at(0.99),
    errorSamples: tally.errorSamples,
  };
}
