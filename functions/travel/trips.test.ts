import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors.ts';
import { assertTripStatusChange, type TripStatus } from './trips.ts';

describe('the trip status rule', () => {
  // Written out by hand from the documented life of a trip, not derived from the code.
  const allowedWithoutReopen: [TripStatus, TripStatus][] = [
    ['planned', 'planned'],
    ['planned', 'in_progress'],
    ['planned', 'completed'],
    ['planned', 'cancelled'],
    ['in_progress', 'in_progress'],
    ['in_progress', 'planned'],
    ['in_progress', 'completed'],
    ['in_progress', 'cancelled'],
    ['completed', 'completed'],
    ['cancelled', 'cancelled'],
  ];
  const allowedOnlyWithReopen: [TripStatus, TripStatus][] = [
    ['completed', 'planned'],
    ['completed', 'in_progress'],
    ['cancelled', 'planned'],
    ['cancelled', 'in_progress'],
  ];
  const neverAllowed: [TripStatus, TripStatus][] = [
    ['completed', 'cancelled'],
    ['cancelled', 'completed'],
  ];
  const refusal = (from: TripStatus, to: TripStatus, reopen: boolean) => {
    try {
      assertTripStatusChange(from, to, reopen);
      return null;
    } catch (error) {
      return error instanceof ApiError ? error.status : error;
    }
  };

  it('covers every pair of statuses', () => {
    expect(allowedWithoutReopen.length + allowedOnlyWithReopen.length + neverAllowed.length).toBe(16);
  });

  it.each(allowedWithoutReopen)('allows %s -> %s', (from, to) => {
    expect(refusal(from, to, false)).toBeNull();
    expect(refusal(from, to, true)).toBeNull();
  });

  it.each(allowedOnlyWithReopen)('allows %s -> %s only with reopen', (from, to) => {
    expect(refusal(from, to, false)).toBe(409);
    expect(refusal(from, to, true)).toBeNull();
  });

  it.each(neverAllowed)('refuses %s -> %s even with reopen', (from, to) => {
    expect(refusal(from, to, false)).toBe(409);
    expect(refusal(from, to, true)).toBe(409);
  });
});
