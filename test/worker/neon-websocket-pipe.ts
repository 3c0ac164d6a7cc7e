import { connect, type Socket } from 'node:net';
import { type RawData, WebSocketServer } from 'ws';

/**
 * What Neon's proxy does, minus TLS: every WebSocket connection becomes one TCP
 * connection to Postgres, and the wire protocol's bytes ride inside binary messages both
 * ways. Whatever address the driver asks for, the pipe connects to `target`.
 *
 * With `password`, the pipe also authenticates as Neon's proxy does: it answers the
 * startup message with a request for a cleartext password, checks it, and only then opens
 * the connection to Postgres and hands it the startup message (the test database lets
 * the pipe in without one).
 */
export interface NeonWebSocketPipe {
  /** host:port/path as `NEON_WS_PROXY` takes it. */
  proxyAddress: string;
  /** Connections piped so far; tests check the driver really came through here. */
  connectionCount(): number;
  /** WebSockets not yet closed. */
  openConnections(): number;
  /**
   * Each connection's WebSocket messages from the driver, in order, each as what it
   * carried: statement texts (simple queries and Parse messages), and `<startup>`,
   * `<password>` and `<terminate>` for those messages. Bind, Execute, Sync and the like
   * are left out.
   */
  messagesByConnection(): string[][][];
  close(): Promise<void>;
}

export interface NeonWebSocketPipeOptions {
  password?: string;
}

const SSL_REQUEST_CODE = 80877103;
const QUERY = 0x51; // 'Q'
const PARSE = 0x50; // 'P'
const PASSWORD = 0x70; // 'p'
const TERMINATE = 0x58; // 'X'

export async function startNeonWebSocketPipe(
  target: { host: string; port: number },
  options: NeonWebSocketPipeOptions = {},
): Promise<NeonWebSocketPipe> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  const sockets = new Set<Socket>();
  const messagesByConnection: string[][][] = [];
  let open = 0;

  server.on('connection', (webSocket) => {
    open += 1;
    webSocket.on('close', () => {
      open -= 1;
    });
    const messages: string[][] = [];
    messagesByConnection.push(messages);
    const reader = frontendReader();
    let tcp: Socket | null = null;
    const openTcp = () => {
      const socket = connect(target.port, target.host);
      sockets.add(socket);
      socket.on('close', () => {
        sockets.delete(socket);
        webSocket.close();
      });
      socket.on('error', () => webSocket.terminate());
      socket.on('data', (bytes) => webSocket.send(bytes, { binary: true }));
      return socket;
    };
    if (!options.password) tcp = openTcp();
    let startup: Buffer | null = null;

    webSocket.on('message', (data) => {
      const carried: string[] = [];
      messages.push(carried);
      for (const message of reader.read(toBuffer(data))) {
        const described = describe(message);
        if (described) carried.push(described);
        if (message.kind === 'ssl') {
          webSocket.send(Buffer.from('N'), { binary: true });
          continue;
        }
        if (!tcp) {
          // Authenticating: nothing reaches Postgres before the password is right.
          if (message.kind === 'startup') {
            startup = message.raw;
            webSocket.send(authenticationCleartextPassword(), { binary: true });
          } else if (startup && message.type === PASSWORD && cString(message.body) === options.password) {
            tcp = openTcp();
            tcp.write(startup);
          } else {
            webSocket.send(fatal('28P01', 'password authentication failed'), { binary: true });
            webSocket.close();
            return;
          }
          continue;
        }
        if (options.password && message.type === PASSWORD) {
          // Postgres behind the pipe asks for none: a second one is the driver's mistake.
          webSocket.send(fatal('08P01', 'unexpected password message'), { binary: true });
          webSocket.close();
          return;
        }
        tcp.write(message.raw);
        // A real server hangs up after Terminate; the embedded one's socket server does not,
        // and the driver's end() may wait for the hang-up.
        if (message.type === TERMINATE) tcp.end();
      }
    });
    webSocket.on('close', () => tcp?.end());
    webSocket.on('error', () => tcp?.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as { port: number };

  return {
    proxyAddress: `127.0.0.1:${port}/v2`,
    connectionCount: () => messagesByConnection.length,
    openConnections: () => open,
    messagesByConnection: () => messagesByConnection.map((messages) => messages.map((carried) => [...carried])),
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

interface FrontendMessage {
  kind: 'ssl' | 'startup' | 'typed';
  /** The type byte of a typed message. */
  type?: number;
  body: Buffer;
  /** The whole message as it came, to pass on. */
  raw: Buffer;
}

/**
 * Splits the driver's bytes into frontend messages: untyped startup messages first (an
 * SSLRequest or the StartupMessage), then a type byte and a length each. Messages may
 * span WebSocket messages; a partial one waits for the rest.
 */
function frontendReader() {
  let pending = Buffer.alloc(0);
  let started = false;
  return {
    read(bytes: Buffer): FrontendMessage[] {
      pending = Buffer.concat([pending, bytes]);
      const messages: FrontendMessage[] = [];
      for (;;) {
        if (!started) {
          if (pending.length < 8) break;
          const length = pending.readInt32BE(0);
          if (pending.length < length) break;
          const raw = pending.subarray(0, length);
          const ssl = raw.readInt32BE(4) === SSL_REQUEST_CODE;
          started = !ssl;
          messages.push({ kind: ssl ? 'ssl' : 'startup', body: raw.subarray(8), raw });
          pending = pending.subarray(length);
          continue;
        }
        if (pending.length < 5) break;
        const length = 1 + pending.readInt32BE(1);
        if (pending.length < length) break;
        const raw = pending.subarray(0, length);
        messages.push({ kind: 'typed', type: raw[0], body: raw.subarray(5), raw });
        pending = pending.subarray(length);
      }
      return messages;
    },
  };
}

function describe(message: FrontendMessage): string | null {
  if (message.kind === 'startup') return '<startup>';
  if (message.type === QUERY) return cString(message.body);
  // Parse: the statement's name, then its text.
  if (message.type === PARSE) return cString(message.body.subarray(message.body.indexOf(0) + 1));
  if (message.type === PASSWORD) return '<password>';
  if (message.type === TERMINATE) return '<terminate>';
  return null;
}

function cString(bytes: Buffer): string {
  const end = bytes.indexOf(0);
  return bytes.subarray(0, end < 0 ? bytes.length : end).toString('utf8');
}

function authenticationCleartextPassword(): Buffer {
  const message = Buffer.alloc(9);
  message[0] = 0x52; // 'R'
  message.writeInt32BE(8, 1);
  message.writeInt32BE(3, 5);
  return message;
}

/** An ErrorResponse of severity FATAL, as Postgres sends one before hanging up. */
function fatal(code: string, text: string): Buffer {
  const fields = Buffer.from(`SFATAL\0VFATAL\0C${code}\0M${text}\0\0`, 'utf8');
  const header = Buffer.alloc(5);
  header[0] = 0x45; // 'E'
  header.writeInt32BE(4 + fields.length, 1);
  return Buffer.concat([header, fields]);
}
