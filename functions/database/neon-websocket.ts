import { Buffer } from 'node:buffer';
import { EventEmitter } from 'node:events';

/**
 * The socket `pg` talks through on Neon: a WebSocket to Neon's proxy, carrying the
 * Postgres wire protocol's bytes in binary messages both ways (the proxy joins them to a
 * TCP connection to the database). It offers what pg's Connection uses of a Node socket:
 * connect, write, end, destroy, `writable`, and the 'connect', 'data', 'error' and
 * 'close' events.
 *
 * TLS is the WebSocket's (wss://): pg must not ask the server for TLS inside it.
 */
export interface NeonWebSocketOptions {
  /**
   * host:port/path of a proxy reached over plain ws:// (a local stand-in in tests). Without
   * it the socket goes to Neon's proxy for the database host, wss://HOST/v2.
   */
  proxy?: string;
  /**
   * Sent together with the startup message, for a proxy known to ask for a cleartext
   * password (Neon's does): the password request's round trip is not waited for. pg's own
   * answer to that request is then dropped. A server that does not ask for a password
   * would take the early one as a protocol error, so leave this unset for those.
   */
  password?: string;
  /** The WebSocket class: the global one (workerd, Node 22) unless given (ws in Node 20). */
  WebSocket?: WebSocketClass;
}

/** What this socket uses of a WebSocket: the standard API, as workerd and `ws` both offer it. */
export interface WebSocketLike {
  binaryType: string;
  readyState: number;
  send(data: Uint8Array): void;
  close(code?: number): void;
  addEventListener(type: 'open' | 'close' | 'error' | 'message', listener: (event: { data?: unknown }) => void): void;
}

export type WebSocketClass = new (url: string) => WebSocketLike;

const PASSWORD_MESSAGE = 0x70; // 'p'
const OPEN = 1;

type WriteCallback = (error?: Error | null) => void;

export class NeonWebSocket extends EventEmitter {
  writable = false;
  destroyed = false;
  #ws: WebSocketLike | null = null;
  /** Bytes written since the last send, and the callbacks waiting for them to go out. */
  #pending: Uint8Array[] = [];
  #written: WriteCallback[] = [];
  #sendScheduled = false;
  #earlyPassword: string | undefined;
  /** Whether pg's own password message, the answer to the request, is still to be dropped. */
  #dropPasswordMessage = false;
  #closed = false;
  #options: NeonWebSocketOptions;

  constructor(options: NeonWebSocketOptions = {}) {
    super();
    this.#options = options;
    this.#earlyPassword = options.password || undefined;
  }

  // pg tunes TCP with these; a WebSocket has nothing to tune, and holds no event loop open.
  setNoDelay(): this {
    return this;
  }
  setKeepAlive(): this {
    return this;
  }
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }

  connect(_port: number | string, host: string): this {
    const url = this.#options.proxy ? `ws://${this.#options.proxy}` : `wss://${host}/v2`;
    let ws: WebSocketLike;
    try {
      const WebSocketImpl = this.#options.WebSocket ?? (globalThis.WebSocket as unknown as WebSocketClass);
      ws = new WebSocketImpl(url);
    } catch (error) {
      queueMicrotask(() => this.#fail(error));
      return this;
    }
    this.#ws = ws;
    ws.binaryType = 'arraybuffer';
    ws.addEventListener('open', () => {
      if (this.#closed) return;
      this.writable = true;
      this.emit('connect');
    });
    ws.addEventListener('message', ({ data }) => {
      if (this.#closed) return;
      this.emit('data', typeof data === 'string' ? Buffer.from(data) : Buffer.from(data as ArrayBuffer));
    });
    ws.addEventListener('error', () => this.#fail(new Error(`The WebSocket to ${url} failed`)));
    ws.addEventListener('close', () => this.#close());
    return this;
  }

  write(data: Uint8Array | string, encoding?: BufferEncoding | WriteCallback, callback?: WriteCallback): boolean {
    const done = typeof encoding === 'function' ? encoding : callback;
    let bytes: Uint8Array = typeof data === 'string' ? Buffer.from(data, typeof encoding === 'string' ? encoding : 'utf8') : data;
    if (this.#earlyPassword !== undefined) {
      // pg's first write is its startup message; the password goes out in the same message.
      bytes = Buffer.concat([bytes, passwordMessage(this.#earlyPassword)]);
      this.#earlyPassword = undefined;
      this.#dropPasswordMessage = true;
    } else if (this.#dropPasswordMessage) {
      this.#dropPasswordMessage = false;
      if (bytes[0] === PASSWORD_MESSAGE) {
        done?.();
        return true;
      }
    }
    this.#pending.push(bytes);
    if (done) this.#written.push(done);
    // Everything pg writes in one go (a pipelined transaction's statements, each statement's
    // Parse, Bind, Execute and Sync) travels as one WebSocket message.
    if (!this.#sendScheduled) {
      this.#sendScheduled = true;
      queueMicrotask(() => this.#send());
    }
    return true;
  }

  /** Closes the WebSocket once what was written has gone out. */
  end(): this {
    this.#send();
    // Nothing more is read after pg's Terminate; the close handshake is not waited for.
    this.#close();
    return this;
  }

  /** Closes the WebSocket, dropping what was not sent yet (pg's connect timeout, a dead session). */
  destroy(): this {
    this.#pending = [];
    this.#written = [];
    this.#close();
    return this;
  }

  #send(): void {
    this.#sendScheduled = false;
    const pending = this.#pending;
    const written = this.#written;
    this.#pending = [];
    this.#written = [];
    if (pending.length > 0 && this.#ws?.readyState === OPEN) {
      this.#ws.send(pending.length === 1 ? pending[0] : Buffer.concat(pending));
    }
    for (const done of written) done();
  }

  #fail(error: unknown): void {
    if (this.#closed) return;
    this.emit('error', error instanceof Error ? error : new Error(String(error)));
    this.#close();
  }

  /**
   * Emits 'close' once, and never within the call that closed: pg's end() listens for
   * the end of the connection only after its call to end the socket has returned.
   */
  #close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.writable = false;
    this.destroyed = true;
    try {
      this.#ws?.close(1000);
    } catch {
      // Already closed, or not yet open in a runtime that refuses to close it then: dropped all the same.
    }
    queueMicrotask(() => this.emit('close'));
  }
}

/** A PasswordMessage: 'p', its length, the password as a C string. */
function passwordMessage(password: string): Buffer {
  const text = Buffer.from(password, 'utf8');
  const message = Buffer.alloc(1 + 4 + text.length + 1);
  message[0] = PASSWORD_MESSAGE;
  message.writeInt32BE(4 + text.length + 1, 1);
  text.copy(message, 5);
  return message;
}
