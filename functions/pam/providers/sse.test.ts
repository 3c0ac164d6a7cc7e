import { describe, expect, it } from 'vitest';
import { parseServerSentEvents, type ServerSentEvent } from './sse.ts';

const encoder = new TextEncoder();

/** A byte stream delivering exactly these pieces, one per read. */
function streamOf(...pieces: (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  const queue = pieces.map((p) => (typeof p === 'string' ? encoder.encode(p) : p));
  return new ReadableStream({
    pull(controller) {
      const next = queue.shift();
      if (next) controller.enqueue(next);
      else controller.close();
    },
  });
}

function everyByte(text: string): Uint8Array[] {
  return [...encoder.encode(text)].map((byte) => Uint8Array.of(byte));
}

async function eventsOf(stream: ReadableStream<Uint8Array>): Promise<ServerSentEvent[]> {
  const events: ServerSentEvent[] = [];
  for await (const event of parseServerSentEvents(stream)) events.push(event);
  return events;
}

describe('parseServerSentEvents', () => {
  const wire = 'event: greeting\ndata: {"text":"héllo 👋"}\n\ndata: second\n\n';
  const expected = [
    { event: 'greeting', data: '{"text":"héllo 👋"}' },
    { event: 'message', data: 'second' },
  ];

  it('reads events separated by blank lines, naming unnamed ones "message"', async () => {
    expect(await eventsOf(streamOf(wire))).toEqual(expected);
  });

  it.each([
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('reads %s line endings', async (_name, ending) => {
    expect(await eventsOf(streamOf(wire.replace(/\n/g, ending)))).toEqual(expected);
  });

  it('reads a stream split at every byte, UTF-8 sequences and CRLF pairs included', async () => {
    expect(await eventsOf(streamOf(...everyByte(wire)))).toEqual(expected);
    expect(await eventsOf(streamOf(...everyByte(wire.replace(/\n/g, '\r\n'))))).toEqual(expected);
  });

  it('keeps a CR at the end of one read and an LF at the start of the next as one line end', async () => {
    const events = await eventsOf(streamOf('data: a\r', '\ndata: b\r', '\n\r', '\n'));
    expect(events).toEqual([{ event: 'message', data: 'a\nb' }]);
  });

  it('joins multi-line data with newlines and keeps empty data lines', async () => {
    expect(await eventsOf(streamOf('data: one\ndata:\ndata:  two\n\n'))).toEqual([{ event: 'message', data: 'one\n\n two' }]);
  });

  it('skips comments and unknown fields, and events with no data', async () => {
    const events = await eventsOf(streamOf(': keep-alive\n\nretry: 1000\nfoo: bar\n\nevent: ping\n\ndata: x\n\n'));
    expect(events).toEqual([{ event: 'message', data: 'x' }]);
  });

  it('takes a field with no space after the colon, and a line with no colon as a field with an empty value', async () => {
    expect(await eventsOf(streamOf('event:named\ndata:tight\n\ndata\n\n'))).toEqual([
      { event: 'named', data: 'tight' },
      { event: 'message', data: '' },
    ]);
  });

  it('carries the last id onto the events that follow it', async () => {
    expect(await eventsOf(streamOf('id: 7\ndata: a\n\ndata: b\n\n'))).toEqual([
      { event: 'message', data: 'a', id: '7' },
      { event: 'message', data: 'b', id: '7' },
    ]);
  });

  it('drops a leading byte-order mark', async () => {
    expect(await eventsOf(streamOf(Uint8Array.of(0xef, 0xbb), Uint8Array.of(0xbf), 'data: x\n\n'))).toEqual([
      { event: 'message', data: 'x' },
    ]);
  });

  it('never dispatches an event the stream ends in the middle of', async () => {
    expect(await eventsOf(streamOf('data: complete\n\ndata: [DONE]'))).toEqual([{ event: 'message', data: 'complete' }]);
    expect(await eventsOf(streamOf('data: complete\n\ndata: [DONE]\n'))).toEqual([{ event: 'message', data: 'complete' }]);
  });

  it('yields each event as soon as its blank line arrives, before the stream ends', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (sent++ === 0) return controller.enqueue(encoder.encode('data: first\n\n'));
        await gate;
        controller.enqueue(encoder.encode('data: second\n\n'));
        controller.close();
      },
    });
    const events = parseServerSentEvents(stream);
    expect((await events.next()).value).toEqual({ event: 'message', data: 'first' });
    release();
    expect((await events.next()).value).toEqual({ event: 'message', data: 'second' });
    expect((await events.next()).done).toBe(true);
  });

  it('cancels the source when the consumer stops early', async () => {
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(encoder.encode('data: again\n\n'));
      },
      cancel() {
        cancelled = true;
      },
    });
    for await (const event of parseServerSentEvents(stream)) {
      expect(event.data).toBe('again');
      break;
    }
    expect(cancelled).toBe(true);
  });
});
