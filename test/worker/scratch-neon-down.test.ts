import { afterAll, beforeAll, expect, it } from 'vitest';
import { signTestToken, TEST_JWT_SECRET } from '../support/app.ts';
import { closedPort } from './database-endpoint.ts';
import { type LocalWorker, startLocalWorker } from './local-worker.ts';
import { type NeonWebSocketPipe, startNeonWebSocketPipe } from './neon-websocket-pipe.ts';
let worker: LocalWorker; let pipe: NeonWebSocketPipe;
beforeAll(async () => {
  pipe = await startNeonWebSocketPipe({ host: '127.0.0.1', port: await closedPort() });
  worker = await startLocalWorker({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres', DATABASE_DRIVER: 'neon', NEON_WS_PROXY: pipe.proxyAddress, JWT_SECRET: TEST_JWT_SECRET });
});
afterAll(async () => { await worker?.stop(); await pipe?.close(); });
it('health', async () => { const r = await worker.request('/health'); console.log(r.status, await r.text(), pipe.connectionCount()); });
it('todos', async () => { const token = await signTestToken({ sub: crypto.randomUUID(), email: 'a@b.c', role: 'authenticated', session_id: crypto.randomUUID() });
  const t0 = Date.now(); const r = await worker.request('/api/v1/todos', { token }); console.log(r.status, r.headers.get('retry-after'), await r.text(), Date.now()-t0); });
it('closed ws port', async () => {});
