// Round trips to the database, counted at the driver: a pg.Client subclass that watches
// the statements it sends. A statement starts a new round trip when the client has
// nothing in flight (it waited for every answer before sending it), or always when the
// client is not in pipeline mode (pg then waits for each answer before the next write).
// Statements written while others are still in flight share their round trip.
import pg from 'pg';

export interface RoundTripCount {
  statements: number;
  roundTrips: number;
  /** Each statement's text in order, when recording (tests). */
  texts: string[];
}

export interface RoundTripCounter {
  Client: typeof pg.Client;
  count: RoundTripCount;
  reset(): void;
  /** Keeps each statement's text as well (off by default: a benchmark sends millions). */
  record(on: boolean): void;
}

export function roundTripCounter(): RoundTripCounter {
  const count: RoundTripCount = { statements: 0, roundTrips: 0, texts: [] };
  let recording = false;

  class CountingClient extends pg.Client {
    #inFlight = 0;

    // pg's overloads do not survive a subclass; drizzle and PAM only use the promise form.
    query(config: unknown, values?: unknown, callback?: unknown): never {
      const pipelined = (this as unknown as { pipeline: boolean }).pipeline;
      count.statements += 1;
      if (!pipelined || this.#inFlight === 0) count.roundTrips += 1;
      if (recording) count.texts.push(typeof config === 'string' ? config : String((config as { text?: string }).text));
      this.#inFlight += 1;
      const settled = () => {
        this.#inFlight -= 1;
      };
      const result = (super.query as (...args: unknown[]) => unknown)(config, values, callback);
      if (result && typeof (result as Promise<unknown>).then === 'function') (result as Promise<unknown>).then(settled, settled);
      else this.#inFlight -= 1;
      return result as never;
    }
  }

  return {
    Client: CountingClient as unknown as typeof pg.Client,
    count,
    reset() {
      count.statements = 0;
      count.roundTrips = 0;
      count.texts.length = 0;
    },
    record(on) {
      recording = on;
    },
  };
}
