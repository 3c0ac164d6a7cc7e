import type { SuppressedCalls } from '../digistore24/webhook-log.ts';

/**
 * Which refused calls to the IPN receiver are logged. Anyone can POST an unsigned or
 * malformed body, and logging each one costs a connection and a row. So in every window
 * the first REFUSED_CALLS_LOGGED_PER_WINDOW are logged in full (what an attack or a wrong
 * passphrase looks like), and the rest are only counted and answered without opening a
 * connection. A window's count is written as one summary row by the next call that opens
 * a connection anyway, refused or verified.
 *
 * The count lives in the isolate's memory. Kept anywhere shared (the database, KV, a
 * Durable Object) it would cost every refused call the round trip it is meant to save,
 * and the database is what needs protecting. Per isolate, each running isolate opens at
 * most REFUSED_CALLS_LOGGED_PER_WINDOW connections and writes as many rows, plus one
 * summary, per window: bounded, whatever is sent. What an isolate counted and had no
 * later call to write is lost with it; only the count is, never a sale.
 */

export const REFUSED_CALL_WINDOW_MS = 10 * 60_000;
export const REFUSED_CALLS_LOGGED_PER_WINDOW = 20;
/** Counts kept while the database cannot take them: a day of windows. */
const MAX_UNWRITTEN_WINDOWS = 144;

export class RefusedCalls {
  private windowStart = Number.NEGATIVE_INFINITY;
  private loggedInWindow = 0;
  private suppressedByStatus = new Map<number, number>();
  private unwritten: SuppressedCalls[] = [];

  /** Whether a call refused with `status` is to be logged in full; when not, it has just been counted. */
  admit(status: number, now = Date.now()): boolean {
    this.roll(now);
    if (this.loggedInWindow < REFUSED_CALLS_LOGGED_PER_WINDOW) {
      this.loggedInWindow++;
      return true;
    }
    this.suppressedByStatus.set(status, (this.suppressedByStatus.get(status) ?? 0) + 1);
    return false;
  }

  /** The counts of ended windows not yet written, handed to the caller to write. */
  takeUnwritten(now = Date.now()): SuppressedCalls[] {
    this.roll(now);
    const taken = this.unwritten;
    this.unwritten = [];
    return taken;
  }

  /** Counts the caller could not write, kept for the next call. */
  giveBack(counts: SuppressedCalls[]): void {
    this.unwritten = [...counts, ...this.unwritten].slice(-MAX_UNWRITTEN_WINDOWS);
  }

  private roll(now: number): void {
    const start = Math.floor(now / REFUSED_CALL_WINDOW_MS) * REFUSED_CALL_WINDOW_MS;
    // A clock that steps back stays in the current window.
    if (start <= this.windowStart) return;
    if (this.suppressedByStatus.size > 0) {
      const byStatus = Object.fromEntries([...this.suppressedByStatus].map(([status, count]) => [String(status), count]));
      this.giveBack([
        {
          windowStart: new Date(this.windowStart),
          windowEnd: new Date(this.windowStart + REFUSED_CALL_WINDOW_MS),
          count: [...this.suppressedByStatus.values()].reduce((sum, count) => sum + count, 0),
          byStatus,
          loggedInFull: this.loggedInWindow,
        },
      ]);
    }
    this.windowStart = start;
    this.loggedInWindow = 0;
    this.suppressedByStatus = new Map();
  }
}
