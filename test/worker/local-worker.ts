import { fileURLToPath } from 'node:url';
import { getNodeCompat } from 'miniflare';

/** Wrangler and Miniflare otherwise send usage metrics and fetch request.cf data from Cloudflare. */
const offlineEnv = { WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' } as const;
Object.assign(process.env, offlineEnv);

const wranglerConfigPath = fileURLToPath(new URL('../../wrangler.toml', import.meta.url));

// Generous: bundling plus workerd's start take seconds on a small, shared machine.
const READY_TIMEOUT_MS = 60_000;

/** Tests read bodies of many shapes; they assert on them rather than type them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type WorkerResponse = Omit<Response, 'json'> & { json(): Promise<any> };

export interface LocalWorker {
  url: URL;
  /** A real HTTP request to the Worker, as a client sends it. */
  request(path: string, init?: RequestInit & { token?: string; json?: unknown }): Promise<WorkerResponse>;
  stop(): Promise<void>;
}

/**
 * The Worker as `wrangler dev` runs it: wrangler.toml, bundled by wrangler, served by
 * workerd on a free port of 127.0.0.1, with `vars` in place of .dev.vars and secrets.
 */
export async function startLocalWorker(vars: Record<string, string>): Promise<LocalWorker> {
  // Imported late so the offline settings above are in place before wrangler reads them.
  const { unstable_startWorker } = await import('wrangler');
  const worker = await unstable_startWorker({
    config: wranglerConfigPath,
    // These override wrangler.toml [vars] and whatever a developer's .dev.vars holds.
    bindings: Object.fromEntries(Object.entries(vars).map(([name, value]) => [name, { type: 'plain_text', value }])),
    sendMetrics: false,
    build: {
      // The CLI derives this from the config; the programmatic API leaves it unset, and the
      // bundle would then fail on every node: import.
      nodejsCompatMode: (config) => getNodeCompat(config.compatibility_date, config.compatibility_flags ?? []).mode,
    },
    dev: {
      server: { hostname: '127.0.0.1', port: 0 },
      inspector: false,
      persist: false,
      watch: false,
      liveReload: false,
      remote: false,
      logLevel: 'error',
    },
  });
  try {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    await beforeDeadline(worker.ready, deadline, 'the Worker to start');
    const url = await beforeDeadline(worker.url, deadline, 'the Worker URL');
    await waitUntilServing(url, deadline);
    return {
      url,
      async request(path, init = {}) {
        const { token, json, ...rest } = init;
        const headers = new Headers(rest.headers);
        if (token) headers.set('authorization', `Bearer ${token}`);
        let body = rest.body;
        if (json !== undefined) {
          headers.set('content-type', 'application/json');
          body = JSON.stringify(json);
        }
        return (await fetch(new URL(path, url), { ...rest, headers, body })) as WorkerResponse;
      },
      stop: () => worker.dispose(),
    };
  } catch (error) {
    await worker.dispose().catch(() => {});
    throw error;
  }
}

/** `ready` can settle before the first bundle is served; a route without a database says when it is. */
export async function waitUntilServing(url: URL, deadline: number): Promise<void> {
  let lastProblem = 'no answer';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(new URL('/openapi.json', url), { signal: AbortSignal.timeout(5_000) });
      await response.body?.cancel();
      if (response.status === 200) return;
      lastProblem = `status ${response.status}`;
    } catch (error) {
      lastProblem = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The Worker at ${url.href} did not start serving in time (${lastProblem})`);
}

async function beforeDeadline<T>(promise: Promise<T>, deadline: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out waiting for ${what}`)), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
