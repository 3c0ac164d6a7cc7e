import { describe, expect, it } from 'vitest';
import {
  addMonths,
  clockAt,
  describeMoment,
  extractDateRange,
  extractWhen,
  formatTodayLine,
  parseTodayLine,
  type UserClock,
  zonedIso,
} from './dates.ts';

/** Wednesday 2 December 2026, 14:05 in Perth. */
const clock: UserClock = { today: '2026-12-02', time: '14:05', timeZone: 'Australia/Perth' };

describe('the "Today:" line', () => {
  it('says the user’s date, weekday, time and timezone', () => {
    expect(formatTodayLine(new Date('2026-12-02T06:05:30Z'), 'Australia/Perth')).toBe(
      'Today: 2026-12-02 (Wednesday) 14:05, timezone Australia/Perth',
    );
    // Already Thursday in Sydney while it is Wednesday in UTC.
    expect(formatTodayLine(new Date('2026-12-02T14:30:00Z'), 'Australia/Sydney')).toBe(
      'Today: 2026-12-03 (Thursday) 01:30, timezone Australia/Sydney',
    );
  });

  it('falls back to UTC for a timezone that does not exist', () => {
    expect(formatTodayLine(new Date('2026-12-02T06:05:00Z'), 'Mars/Olympus_Mons')).toBe('Today: 2026-12-02 (Wednesday) 06:05, timezone UTC');
  });

  it('is read back from anywhere in a system prompt, with or without the time', () => {
    const prompt = `You are PAM.\n${formatTodayLine(new Date('2026-12-02T06:05:00Z'), 'Australia/Perth')}\nBe brief.`;
    expect(parseTodayLine(prompt)).toEqual(clock);
    expect(parseTodayLine('Today: 2026-12-02 (Wednesday), timezone Australia/Perth')).toEqual({
      today: '2026-12-02',
      timeZone: 'Australia/Perth',
    });
    expect(parseTodayLine('Today: 2026-12-02')).toEqual({ today: '2026-12-02', timeZone: 'UTC' });
  });

  it('is not found where there is none, or where its date is not a date', () => {
    expect(parseTodayLine('You are PAM.')).toBeNull();
    expect(parseTodayLine('Today: 2026-02-30 (Monday), timezone UTC')).toBeNull();
    expect(parseTodayLine('Today: 2026-12-02, timezone Nowhere/Town')).toEqual({ today: '2026-12-02', timeZone: 'UTC' });
  });

  it('has a stand-in clock for a prompt without the line', () => {
    expect(clockAt(new Date('2026-12-02T06:05:00Z'), 'Australia/Perth')).toEqual(clock);
  });
});

describe('extractWhen, looking ahead', () => {
  const when = (text: string, c: UserClock = clock) => extractWhen(text, c);

  it.each([
    ['rotate the tyres next Friday', '2026-12-11', 'rotate the tyres'],
    ['rotate the tyres on Friday', '2026-12-04', 'rotate the tyres'],
    ['rotate the tyres Friday', '2026-12-04', 'rotate the tyres'],
    ['rotate the tyres this Friday', '2026-12-04', 'rotate the tyres'],
    ['rotate the tyres coming Monday', '2026-12-07', 'rotate the tyres'],
    ['call home this Wednesday', '2026-12-02', 'call home'],
    ['call home on Wednesday', '2026-12-09', 'call home'],
    ['call home next Wednesday', '2026-12-09', 'call home'],
    ['call home next Monday', '2026-12-07', 'call home'],
    ['call home on fri', '2026-12-04', 'call home'],
    ['pay the rego tomorrow', '2026-12-03', 'pay the rego'],
    ['pay the rego the day after tomorrow', '2026-12-04', 'pay the rego'],
    ['pay the rego today', '2026-12-02', 'pay the rego'],
    ['check the oil in 3 days', '2026-12-05', 'check the oil'],
    ['check the oil in three days', '2026-12-05', 'check the oil'],
    ['check the oil 3 days from now', '2026-12-05', 'check the oil'],
    ['check the oil in a week', '2026-12-09', 'check the oil'],
    ['check the oil in two weeks', '2026-12-16', 'check the oil'],
    ['check the oil in a fortnight', '2026-12-16', 'check the oil'],
    ['check the oil in a month', '2027-01-02', 'check the oil'],
    ['check the oil in a year', '2027-12-02', 'check the oil'],
    ['renew insurance on 12 March', '2027-03-12', 'renew insurance'],
    ['renew insurance on the 12th of March 2028', '2028-03-12', 'renew insurance'],
    ['renew insurance March 12th', '2027-03-12', 'renew insurance'],
    ['renew insurance by Dec 2', '2026-12-02', 'renew insurance'],
    ['renew insurance on 1 December', '2027-12-01', 'renew insurance'],
    ['renew insurance on 2026-12-25', '2026-12-25', 'renew insurance'],
    ['pay rent on the 15th', '2026-12-15', 'pay rent'],
    ['pay rent on the 1st', '2027-01-01', 'pay rent'],
    ['book the ferry next week', '2026-12-07', 'book the ferry'],
    ['book the ferry next month', '2027-01-01', 'book the ferry'],
    ['book the ferry next year', '2027-01-01', 'book the ferry'],
    ['wash the van this weekend', '2026-12-05', 'wash the van'],
    ['wash the van next weekend', '2026-12-12', 'wash the van'],
    ['file receipts by the end of the month', '2026-12-31', 'file receipts'],
    ['call the mechanic by Friday', '2026-12-04', 'call the mechanic'],
  ])('"%s" is on %s', (text, date, rest) => {
    expect(when(text)).toEqual({ date, time: null, rest });
  });

  it('takes the phrase at the end when a sentence has two', () => {
    expect(when('call the Friday market organisers next Monday')).toEqual({
      date: '2026-12-07',
      time: null,
      rest: 'call the Friday market organisers',
    });
  });

  it.each([
    ['call Bob at 5pm', '2026-12-02', '17:00'],
    ['call Bob at 5:30 pm', '2026-12-02', '17:30'],
    ['call Bob at 5.30pm', '2026-12-02', '17:30'],
    ['call Bob at 17:00', '2026-12-02', '17:00'],
    ['call Bob at 5', '2026-12-02', '17:00'],
    ['call Bob at 9am', '2026-12-03', '09:00'],
    ['call Bob at 8', '2026-12-03', '08:00'],
    ['call Bob at noon', '2026-12-03', '12:00'],
    ['call Bob at midnight', '2026-12-03', '00:00'],
    ['call Bob at 12am', '2026-12-03', '00:00'],
    ['call Bob in the evening', '2026-12-02', '18:00'],
    ['call Bob tonight', '2026-12-02', '20:00'],
    ['call Bob tonight at 9pm', '2026-12-02', '21:00'],
    ['call Bob tomorrow at 5:30 pm', '2026-12-03', '17:30'],
    ['call Bob tomorrow morning', '2026-12-03', '09:00'],
    ['call Bob friday afternoon', '2026-12-04', '15:00'],
    ['call Bob next Friday at 17:00', '2026-12-11', '17:00'],
    ['call Bob at 7am on 12 March', '2027-03-12', '07:00'],
    ['call Bob in 2 hours', '2026-12-02', '16:05'],
    ['call Bob in 30 minutes', '2026-12-02', '14:35'],
    ['call Bob in 10 hours', '2026-12-03', '00:05'],
  ])('"%s" is on %s at %s', (text, date, time) => {
    expect(when(text)).toEqual({ date, time, rest: 'call Bob' });
  });

  it('keeps a time with no date today when it has not passed yet, and without a known time of day', () => {
    expect(when('call Bob at 9am', { today: '2026-12-02', timeZone: 'UTC' })).toEqual({ date: '2026-12-02', time: '09:00', rest: 'call Bob' });
  });

  it('cannot count hours from now without the time of day', () => {
    expect(when('call Bob in 2 hours', { today: '2026-12-02', timeZone: 'UTC' })).toBeNull();
  });

  it.each([
    'buy 20 litres of water',
    'buy 2 kg of rice and 3 tins',
    'meet the group at 3 Mile Creek',
    'fix the sat nav',
    'rotate the tyres',
    'renew insurance on 31 February',
  ])('finds nothing in "%s"', (text) => {
    expect(when(text)).toBeNull();
  });

  it('keeps numbers that are not dates in the rest', () => {
    expect(when('buy 20 litres of water tomorrow')).toEqual({ date: '2026-12-03', time: null, rest: 'buy 20 litres of water' });
  });
});

describe('extractWhen, looking back (expenses)', () => {
  it.each([
    ['diesel yesterday', '2026-12-01'],
    ['diesel on Monday', '2026-11-30'],
    ['diesel Monday', '2026-11-30'],
    ['diesel on Wednesday', '2026-11-25'],
    ['diesel last Friday', '2026-11-27'],
    ['diesel this Monday', '2026-11-30'],
    ['diesel 3 days ago', '2026-11-29'],
    ['diesel on 12 March', '2026-03-12'],
    ['diesel on 2 December', '2026-12-02'],
    ['diesel on 3 December', '2025-12-03'],
    ['diesel on the 15th', '2026-11-15'],
  ])('"%s" was on %s', (text, date) => {
    expect(extractWhen(text, clock, 'past')).toEqual({ date, time: null, rest: 'diesel' });
  });
});

describe('zonedIso', () => {
  it.each([
    ['2026-12-11', '09:00', 'Australia/Perth', '2026-12-11T09:00:00+08:00', '2026-12-11T01:00:00.000Z'],
    ['2026-12-11', '09:00', 'Australia/Sydney', '2026-12-11T09:00:00+11:00', '2026-12-10T22:00:00.000Z'],
    ['2026-07-11', '09:00', 'Australia/Sydney', '2026-07-11T09:00:00+10:00', '2026-07-10T23:00:00.000Z'],
    ['2026-12-11', '09:00', 'Asia/Kolkata', '2026-12-11T09:00:00+05:30', '2026-12-11T03:30:00.000Z'],
    ['2026-12-11', '09:00', 'America/Denver', '2026-12-11T09:00:00-07:00', '2026-12-11T16:00:00.000Z'],
    ['2026-12-11', '23:30', 'UTC', '2026-12-11T23:30:00+00:00', '2026-12-11T23:30:00.000Z'],
  ])('%s %s in %s is %s', (date, time, zone, iso, utc) => {
    expect(zonedIso(date, time, zone)).toBe(iso);
    expect(new Date(iso).toISOString()).toBe(utc);
  });

  it('moves a time that a daylight-saving change skips forward with the clocks', () => {
    expect(zonedIso('2026-03-08', '02:30', 'America/New_York')).toBe('2026-03-08T03:30:00-04:00');
  });

  it('takes the earlier of the two instants when the clocks go back and the hour repeats', () => {
    expect(zonedIso('2026-11-01', '01:30', 'America/New_York')).toBe('2026-11-01T01:30:00-04:00');
  });
});

describe('extractDateRange', () => {
  it.each([
    ['how much did I spend this month', '2026-12-01', '2026-12-02'],
    ['how much did I spend last month', '2026-11-01', '2026-11-30'],
    ['how much did I spend this week', '2026-11-30', '2026-12-02'],
    ['how much did I spend last week', '2026-11-23', '2026-11-29'],
    ['how much did I spend in the past week', '2026-11-26', '2026-12-02'],
    ['how much did I spend in the last 30 days', '2026-11-03', '2026-12-02'],
    ['how much did I spend over the last 2 weeks', '2026-11-19', '2026-12-02'],
    ['how much did I spend today', '2026-12-02', '2026-12-02'],
    ['how much did I spend yesterday', '2026-12-01', '2026-12-01'],
    ['how much did I spend since 12 March', '2026-03-12', '2026-12-02'],
    ['how much did I spend in March', '2026-03-01', '2026-03-31'],
    ['how much did I spend in December', '2026-12-01', '2026-12-02'],
    ['how much did I spend this year', '2026-01-01', '2026-12-02'],
    ['how much did I spend last year', '2025-01-01', '2025-12-31'],
  ])('"%s" runs from %s to %s', (text, from, to) => {
    expect(extractDateRange(text, clock)).toEqual({ from, to, rest: 'how much did I spend' });
  });

  it('finds nothing where no period is named', () => {
    expect(extractDateRange('how much did I spend', clock)).toBeNull();
  });
});

describe('describeMoment', () => {
  it('says a timestamp in the user’s own time, and a date as a day', () => {
    expect(describeMoment('2026-12-11T09:00:00+08:00', clock)).toBe('Friday 11 December at 9:00 am');
    expect(describeMoment('2026-12-11T01:00:00Z', { ...clock, timeZone: 'Australia/Sydney' })).toBe('Friday 11 December at 12:00 pm');
    expect(describeMoment('2027-03-12', clock)).toBe('Friday 12 March 2027');
    expect(describeMoment('2026-12-11T09:30:00Z', clock)).toBe('Friday 11 December at 5:30 pm');
  });
});

describe('addMonths', () => {
  it('clamps the day to the length of the month it lands in', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-12-15', -12)).toBe('2025-12-15');
  });
});
