import { describe, expect, it } from 'vitest';
import { datesDue, MAX_ENTRIES_PER_EXPENSE_PER_RUN, occurrence } from './recurring-expenses.ts';

describe('series dates', () => {
  it('counts months from the first date, so month ends and leap days do not drift', () => {
    const monthly = { frequency: 'monthly' as const, interval: 1 };
    expect([1, 2, 3, 12, 13].map((k) => occurrence('2027-01-31', monthly, k))).toEqual([
      '2027-02-28',
      '2027-03-31',
      '2027-04-30',
      '2028-01-31',
      '2028-02-29',
    ]);
    expect(occurrence('2028-02-29', { frequency: 'yearly', interval: 1 }, 1)).toBe('2029-02-28');
    expect(occurrence('2028-02-29', { frequency: 'yearly', interval: 1 }, 4)).toBe('2032-02-29');
    expect(occurrence('2026-12-30', { frequency: 'daily', interval: 3 }, 1)).toBe('2027-01-02');
  });

  it('takes the dates after the last one done, up to today and until, a bounded number per run', () => {
    const daily = { frequency: 'daily' as const, interval: 1 };
    expect(datesDue('2026-01-01', daily, '2026-01-03', '2026-01-05')).toEqual(['2026-01-04', '2026-01-05']);
    expect(datesDue('2026-01-01', { ...daily, until: '2026-01-02' }, null, '2026-01-05')).toEqual(['2026-01-02']);
    expect(datesDue('2026-01-05', daily, null, '2026-01-05')).toEqual([]);
    const backlog = datesDue('2020-01-01', daily, null, '2026-01-01');
    expect(backlog).toHaveLength(MAX_ENTRIES_PER_EXPENSE_PER_RUN);
    expect(datesDue('2020-01-01', daily, backlog[backlog.length - 1], '2026-01-01')[0]).toBe(
      occurrence('2020-01-01', daily, MAX_ENTRIES_PER_EXPENSE_PER_RUN + 1),
    );
  });
});
