/**
 * An incremental reader of server-sent events (the WHATWG `text/event-stream` format)
 * over a byte stream: events are yielded as soon as their closing blank line arrives,
 * however the bytes were split across reads.
 *
 * Lines end in CRLF, LF or a lone CR; a CR that ends one read may be the first half of a
 * CRLF, so it is held until the next read says which. The decoder keeps a UTF-8 sequence
 * split across reads until it is complete and drops a leading byte-order mark. Comment
 * lines (starting with `:`) are skipped, consecutive `data:` lines join with `\n`, and an
 * event the stream ends in the middle of is never dispatched: a cut-off stream shows up
 * as a missing terminal event, not as a truncated one.
 */

export interface ServerSentEvent {
  /** The `event:` field; `message` when the event named none. */
  event: string;
  data: string;
  /** The last `id:` seen on the stream, when there was one. */
  id?: string;
}

const LF = 10;
const CR = 13;

export async function* parseServerSentEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<ServerSentEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let eventName = '';
  let dataLines: string[] = [];
  let lastEventId: string | undefined;
  let finished = false;

  /** Applies one line; returns the event it completes, if any. */
  const takeLine = (line: string): ServerSentEvent | null => {
    if (line === '') {
      const event =
        dataLines.length > 0
          ? { event: eventName || 'message', data: dataLines.join('\n'), ...(lastEventId === undefined ? {} : { id: lastEventId }) }
          : null;
      eventName = '';
      dataLines = [];
      return event;
    }
    if (line.charCodeAt(0) === 58 /* : */) return null;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') dataLines.push(value);
    else if (field === 'event') eventName = value;
    else if (field === 'id' && !value.includes('\0')) lastEventId = value;
    return null;
  };

  try {
    for (;;) {
      const { done, value } = await reader.read();
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      let lineStart = 0;
      for (let i = 0; i < buffer.length; i++) {
        const code = buffer.charCodeAt(i);
        if (code !== LF && code !== CR) continue;
        if (code === CR && i === buffer.length - 1 && !done) break;
        const event = takeLine(buffer.slice(lineStart, i));
        if (code === CR && buffer.charCodeAt(i + 1) === LF) i++;
        lineStart = i + 1;
        if (event) yield event;
      }
      buffer = buffer.slice(lineStart);
      if (done) break;
    }
    finished = true;
  } finally {
    // Leaving early (the consumer stopped, or an error) must let go of the connection.
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
