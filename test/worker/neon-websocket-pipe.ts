import { connect, type Socket } from 'node:net';
import { type RawData, WebSocketServer } from 'ws';

/**
 * What Neon's proxy does, minus TLS and auth: every WebSocket connection becomes one TCP
 * connection to Postgres, and the wire protocol's bytes ride inside binary messages both
 * ways. Whatever address the driver asks for, the pipe connects to `target`.
 */
export interface NeonWebSocketPipe {
  /** host:port/path as `NEON_WS_PROXY` takes it. */
  proxyAddress: string;
  /** Connections piped so far; tests check the driver really came through here. */
  connectionCount(): number;
  close(): Promise<void>;
}

const SSL_REQUEST_CODE = 80877103;
const TERMINATE = 0x58; // 'X'

export async function startNeonWebSocketPipe(target: { host: string; port: number }): Promise<NeonWebSocketPipe> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  const sockets = new Set<Socket>();
  let connections = 0;

  server.on('connection', (webSocket) => {
    connections += 1;
    const tcp = connect(target.port, target.host);
    sockets.add(tcp);
    tcp.on('close', () => {
      sockets.delete(tcp);
      webSocket.close();
    });
    tcp.on('error', () => webSocket.terminate());
    tcp.on('data', (bytes) => webSocket.send(bytes, { binary: true }));

    const watcher = terminateWatcher();
    webSocket.on('message', (data) => {
      const bytes = toBuffer(data);
      tcp.write(bytes);
      // A real server hangs up after Terminate; the embedded one's socket server does not,
      // and the driver's end() waits for the hang-up.
      if (watcher.sawTerminate(bytes)) tcp.end();
    });
    webSocket.on('close', () => tcp.end());
    webSocket.on('error', () => tcp.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as { port: number };

  return {
    proxyAddress: `127.0.0.1:${port}/v2`,
    connectionCount: () => connections,
    async close() {
      for (const client of server.clients) client.terminate();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}

/**
 * Follows the frontend message framing (untyped startup messages first, then a type byte
 * and a length) so a Terminate is recognised only at a message boundary, never inside a
 * query's bytes.
 */
function terminateWatcher() {
  let pending = Buffer.alloc(0);
  let started = false;
  return {
    sawTerminate(bytes: Buffer): boolean {
      pending = Buffer.concat([pending, bytes]);
      for (;;) {
        if (!started) {
          if (pending.length < 8) return false;
          const length = pending.readInt32BE(0);
          if (pending.length < length) return false;
          started = pending.readInt32BE(4) !== SSL_REQUEST_CODE;
          pending = pending.subarray(length);
          continue;
        }
        if (pending.length < 5) return false;
        const type = pending[0];
        const length = 1 + pending.readInt32BE(1);
        if (pending.length < length) return false;
        pending = pending.subarray(length);
        if (type === TERMINATE) return true;
      }
    },
  };
}
