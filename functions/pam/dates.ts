/**
 * Dates as the user says them ("next Friday", "tomorrow at 5pm", "on 12 March", "in 3
 * days", "last month"), resolved against the user's own today and timezone.
 *
 * PAM's system prompt carries one machine-readable line that says what "today" is for
 * the user (`formatTodayLine` writes it, `parseTodayLine` reads it):
 *
 *     Today: 2026-12-02 (Wednesday) 14:05, timezone Australia/Perth
 *
 * Calendar arithmetic works on plain `YYYY-MM-DD` dates; only the final step to an
 * instant (`zonedIso`) looks at the timezone, so daylight-saving changes land right.
 *
 * How phrases resolve (see `extractWhen`):
 * - "Friday", "on Friday", "coming Friday": the next Friday after today; "this Friday" may
 *   be today. "next Friday" is the Friday of next week (weeks start on Monday).
 * - "12 March", "March 12th", "the 12th": the next such day, today included; with
 *   direction 'past' (an expense), the latest such day up to today, and weekdays the
 *   latest one before today.
 * - "in 3 days / 2 weeks / a month / a year", "3 days from now", "2 days ago".
 * - "next week" is its Monday, "next month" its first day, "this weekend" the coming
 *   Saturday, "end of the month" its last day.
 * - Times: "at 5pm", "5.30 pm", "17:00", "noon", "midnight", "in the morning" (09:00),
 *   "afternoon" (15:00), "evening" (18:00), "tonight" (20:00), "at 5" (1-6 read as pm),
 *   "in 2 hours" / "in 30 minutes" (when the line gives the time of day).
 */

export interface UserClock {
  /** The user's date, `YYYY-MM-DD`. */
  today: string;
  /** IANA timezone name. */
  timeZone: string;
  /** The user's time of day, `HH:MM`, when known. */
  time?: string;
}

export interface When {
  date: string;
  /** `HH:MM`; null when the phrase named no time. */
  time: string | null;
}

export interface FoundWhen extends When {
  /** The text with the date and time phrases taken out. */
  rest: string;
}

export interface DateRange {
  from: string;
  to: string;
  /** The text with the range phrase taken out. */
  rest: string;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

// ---------------------------------------------------------------------------------------
// The "Today:" line and timezones

const TODAY_LINE =
  /^\s*Today:\s*(\d{4}-\d{2}-\d{2})(?:\s*\(\s*[A-Za-z]+\s*\))?(?:\s+(\d{1,2}:\d{2}))?\s*(?:,\s*timezone\s+([A-Za-z0-9_+\-/]+))?\s*$/im;

export function formatTodayLine(now: Date, timeZone: string): string {
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
  const local = localDateTime(now, zone);
  return `Today: ${local.date} (${WEEKDAYS[weekdayOf(local.date)]}) ${local.time}, timezone ${zone}`;
}

/** Finds the "Today:" line anywhere in `text` (a system prompt); null when there is none. */
export function parseTodayLine(text: string): UserClock | null {
  const match = TODAY_LINE.exec(text);
  if (!match || !isValidDate(match[1])) return null;
  const timeZone = match[3] && isValidTimeZone(match[3]) ? match[3] : 'UTC';
  const time = match[2] ? normaliseTime(match[2]) : null;
  return { today: match[1], timeZone, ...(time ? { time } : {}) };
}

/** The clock of a user whose prompt said nothing: now, in `timeZone`. */
export function clockAt(now: Date, timeZone = 'UTC'): UserClock {
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
  const local = localDateTime(now, zone);
  return { today: local.date, time: local.time, timeZone: zone };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock date and time of an instant in a timezone. */
export function localDateTime(instant: Date, timeZone: string): { date: string; time: string; seconds: number } {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  const hour = parts.hour === '24' ? '00' : parts.hour;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${hour}:${parts.minute}`,
    seconds: Number(parts.second),
  };
}

function offsetMinutes(instant: Date, timeZone: string): number {
  const local = localDateTime(instant, timeZone);
  const [y, m, d] = local.date.split('-').map(Number);
  const [hh, mm] = local.time.split(':').map(Number);
  const wall = Date.UTC(y, m - 1, d, hh, mm, local.seconds);
  return Math.round((wall - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * A wall-clock date and time in a timezone as an RFC 3339 timestamp with that zone's
 * offset, e.g. `2026-12-11T09:00:00+08:00`. A time that a daylight-saving change skips
 * moves forward with the clocks.
 */
export function zonedIso(date: string, time: string, timeZone: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  const HALF_DAY = 12 * 3_600_000;
  // The offsets in force half a day either side; the wall time belongs to one of them
  // (both when the clocks go back: the earlier instant is taken), or to neither when the
  // clocks skip it, and then the offset from before the change carries it forward.
  const before = offsetMinutes(new Date(wall - HALF_DAY), timeZone);
  const after = offsetMinutes(new Date(wall + HALF_DAY), timeZone);
  const fits = (offset: number) => {
    const local = localDateTime(new Date(wall - offset * 60_000), timeZone);
    return local.date === date && local.time === time;
  };
  const offset = fits(before) ? before : fits(after) ? after : before;
  const instant = new Date(wall - offset * 60_000);
  const local = localDateTime(instant, timeZone);
  return `${local.date}T${local.time}:00${formatOffset(offsetMinutes(instant, timeZone))}`;
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

// ---------------------------------------------------------------------------------------
// Calendar arithmetic on YYYY-MM-DD

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function toDate(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function fromParts(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

function fromDate(date: Date): string {
  return fromParts(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

export function isValidDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  return fromDate(toDate(date)) === date;
}

export function addDays(date: string, days: number): string {
  const d = toDate(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromDate(d);
}

/** Calendar months later (or earlier), the day clamped to the month's length: 31 Jan + 1 month = 28/29 Feb. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return fromParts(year, month, Math.min(d, daysInMonth(year, month)));
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekdayOf(date: string): number {
  return toDate(date).getUTCDay();
}

/** The Monday of the week `date` is in. */
function mondayOf(date: string): string {
  return addDays(date, -((weekdayOf(date) + 6) % 7));
}

function firstOfMonth(date: string): string {
  return `${date.slice(0, 8)}01`;
}

function lastOfMonth(date: string): string {
  const [y, m] = date.split('-').map(Number);
  return fromParts(y, m, daysInMonth(y, m));
}

// ---------------------------------------------------------------------------------------
// Phrases

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, 'a couple of': 2, 'a few': 3,
};
const NUMBER = `(\\d{1,3}|a couple of|a few|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)`;
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const WEEKDAY_FULL = '(monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
/** Short forms only after "on", "next", ...; "sat" and "sun" are left out ("next sat nav update", "this sun cream"). */
const WEEKDAY_ANY = '(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri)';
const ORDINAL = '(\\d{1,2})(?:st|nd|rd|th)?';
/** Words that lead into a date and go with it when it is taken out of the text. */
const LEAD = '(?:(?:by|before|until|due(?:\\s+on)?|on|for|from)\\s+)?';

function numberOf(word: string): number {
  const lower = word.toLowerCase();
  return /^\d+$/.test(lower) ? Number(lower) : (NUMBER_WORDS[lower] ?? 1);
}

function monthOf(word: string): number {
  return MONTHS.findIndex((name) => name.toLowerCase().startsWith(word.toLowerCase().slice(0, 3))) + 1;
}

function weekdayIndex(word: string): number {
  const lower = word.toLowerCase();
  return WEEKDAYS.findIndex((name) => name.toLowerCase().startsWith(lower.slice(0, 3)));
}

type Direction = 'future' | 'past';

interface DateRule {
  pattern: RegExp;
  /** The date (and a time the phrase implies), or null when the words do not make a real date. */
  resolve(match: RegExpExecArray, clock: UserClock, direction: Direction): { date: string; time?: string } | null;
}

/** The day `day` of `month` nearest to today in `direction`, or in `year` when one was given. */
function dayOfMonth(day: number, month: number, year: number | null, clock: UserClock, direction: Direction): string | null {
  const thisYear = Number(clock.today.slice(0, 4));
  const candidate = (y: number) => {
    const date = fromParts(y, month, day);
    return isValidDate(date) ? date : null;
  };
  if (year !== null) return candidate(year);
  for (let offset = 0; offset <= 4; offset++) {
    const date = candidate(direction === 'future' ? thisYear + offset : thisYear - offset);
    if (date && (direction === 'future' ? date >= clock.today : date <= clock.today)) return date;
  }
  return null;
}

function yearOf(text: string | undefined): number | null {
  return text ? Number(text) : null;
}

const DATE_RULES: DateRule[] = [
  {
    pattern: new RegExp(`\\b${LEAD}(\\d{4})-(\\d{2})-(\\d{2})\\b`, 'gi'),
    resolve: (m) => {
      const date = `${m[1]}-${m[2]}-${m[3]}`;
      return isValidDate(date) ? { date } : null;
    },
  },
  {
    pattern: new RegExp(`\\b${LEAD}(?:the\\s+)?${ORDINAL}\\s+(?:of\\s+)?${MONTH}\\b(?:,?\\s+(\\d{4})\\b)?`, 'gi'),
    resolve: (m, clock, direction) => {
      const date = dayOfMonth(Number(m[1]), monthOf(m[2]), yearOf(m[3]), clock, direction);
      return date ? { date } : null;
    },
  },
  {
    pattern: new RegExp(`\\b${LEAD}${MONTH}\\s+(?:the\\s+)?${ORDINAL}\\b(?:,?\\s+(\\d{4})\\b)?`, 'gi'),
    resolve: (m, clock, direction) => {
      const date = dayOfMonth(Number(m[2]), monthOf(m[1]), yearOf(m[3]), clock, direction);
      return date ? { date } : null;
    },
  },
  {
    pattern: new RegExp(`\\b${LEAD}the\\s+(\\d{1,2})(?:st|nd|rd|th)\\b`, 'gi'),
    resolve: (m, clock, direction) => {
      const day = Number(m[1]);
      for (let step = 0; step <= 12; step++) {
        const month = addMonths(firstOfMonth(clock.today), direction === 'future' ? step : -step);
        const date = `${month.slice(0, 8)}${pad(day)}`;
        if (isValidDate(date) && (direction === 'future' ? date >= clock.today : date <= clock.today)) return { date };
      }
      return null;
    },
  },
  {
    pattern: new RegExp(`\\b${LEAD}(?:the\\s+)?day\\s+after\\s+tomorrow\\b`, 'gi'),
    resolve: (_m, clock) => ({ date: addDays(clock.today, 2) }),
  },
  {
    pattern: new RegExp(`\\b${LEAD}(?:the\\s+)?day\\s+before\\s+yesterday\\b`, 'gi'),
    resolve: (_m, clock) => ({ date: addDays(clock.today, -2) }),
  },
  {
    pattern: /\b(?:(?:by|before|until|due|for|from)\s+)?(today|tonight|tomorrow|tmrw|yesterday)\b/gi,
    resolve: (m, clock) => {
      const word = m[1].toLowerCase();
      if (word === 'yesterday') return { date: addDays(clock.today, -1) };
      if (word === 'today') return { date: clock.today };
      if (word === 'tonight') return { date: clock.today, time: '20:00' };
      return { date: addDays(clock.today, 1) };
    },
  },
  {
    pattern: new RegExp(`\\b(?:(?:by|before|until|due|on|for|from)\\s+)?(next|this|last|coming)\\s+${WEEKDAY_ANY}\\b`, 'gi'),
    resolve: (m, clock, direction) => {
      const target = weekdayIndex(m[2]);
      const today = weekdayOf(clock.today);
      const which = m[1].toLowerCase();
      if (which === 'next') return { date: addDays(mondayOf(clock.today), 7 + ((target + 6) % 7)) };
      if (which === 'last') return { date: addDays(clock.today, -(((today - target + 7) % 7) || 7)) };
      if (which === 'this' && direction === 'past') return { date: addDays(clock.today, -((today - target + 7) % 7)) };
      if (which === 'this') return { date: addDays(clock.today, (target - today + 7) % 7) };
      return { date: addDays(clock.today, ((target - today + 7) % 7) || 7) };
    },
  },
  {
    pattern: new RegExp(`\\b(?:(?:(?:by|before|until|due|for|from)\\s+)?on\\s+${WEEKDAY_ANY}|${LEAD}${WEEKDAY_FULL})\\b`, 'gi'),
    resolve: (m, clock, direction) => {
      const target = weekdayIndex(m[1] ?? m[2]);
      const today = weekdayOf(clock.today);
      return direction === 'past'
        ? { date: addDays(clock.today, -(((today - target + 7) % 7) || 7)) }
        : { date: addDays(clock.today, ((target - today + 7) % 7) || 7) };
    },
  },
  {
    pattern: new RegExp(`\\b(?:in\\s+${NUMBER}\\s+(day|week|fortnight|month|year)s?|${NUMBER}\\s+(day|week|fortnight|month|year)s?\\s+(from now|later|ago))\\b`, 'gi'),
    resolve: (m, clock) => {
      const amount = numberOf(m[1] ?? m[3]);
      const unit = (m[2] ?? m[4]).toLowerCase();
      const sign = m[5]?.toLowerCase() === 'ago' ? -1 : 1;
      if (unit === 'day') return { date: addDays(clock.today, sign * amount) };
      if (unit === 'week') return { date: addDays(clock.today, sign * amount * 7) };
      if (unit === 'fortnight') return { date: addDays(clock.today, sign * amount * 14) };
      if (unit === 'month') return { date: addMonths(clock.today, sign * amount) };
      return { date: addMonths(clock.today, sign * amount * 12) };
    },
  },
  {
    pattern: /\b(?:(?:by|before|until|due|for|from)\s+)?(next|this)\s+(week|weekend|month|year|fortnight)\b/gi,
    resolve: (m, clock) => {
      const which = m[1].toLowerCase();
      const unit = m[2].toLowerCase();
      const monday = mondayOf(clock.today);
      if (unit === 'weekend') {
        const saturday = addDays(monday, 5);
        if (which === 'next') return { date: addDays(saturday, 7) };
        return { date: saturday >= clock.today ? saturday : clock.today };
      }
      if (which === 'this') return { date: clock.today };
      if (unit === 'week') return { date: addDays(monday, 7) };
      if (unit === 'fortnight') return { date: addDays(clock.today, 14) };
      if (unit === 'month') return { date: firstOfMonth(addMonths(clock.today, 1)) };
      return { date: `${Number(clock.today.slice(0, 4)) + 1}-01-01` };
    },
  },
  {
    pattern: /\b(?:(?:by|before|until|at|on)\s+)?(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?month\b/gi,
    resolve: (_m, clock) => ({ date: lastOfMonth(clock.today) }),
  },
];

interface TimeRule {
  pattern: RegExp;
  resolve(match: RegExpExecArray, clock: UserClock): { time: string; dayOffset?: number } | null;
}

function clockTime(hour: number, minute: number): string | null {
  return hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 ? `${pad(hour)}:${pad(minute)}` : null;
}

function normaliseTime(text: string): string | null {
  const [h, m] = text.split(':').map(Number);
  return clockTime(h, m);
}

const TIME_RULES: TimeRule[] = [
  {
    pattern: /\b(?:at\s+|by\s+|from\s+)?(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)(?=\W|$)/gi,
    resolve: (m) => {
      let hour = Number(m[1]);
      if (hour < 1 || hour > 12) return null;
      const pm = m[3].toLowerCase().startsWith('p');
      if (hour === 12) hour = pm ? 12 : 0;
      else if (pm) hour += 12;
      const time = clockTime(hour, Number(m[2] ?? 0));
      return time ? { time } : null;
    },
  },
  {
    pattern: /\b(?:at\s+|by\s+|from\s+)?([01]?\d|2[0-3]):([0-5]\d)\b(?!\s*(?:a\.?m|p\.?m))/gi,
    resolve: (m) => {
      const time = clockTime(Number(m[1]), Number(m[2]));
      return time ? { time } : null;
    },
  },
  {
    pattern: /\bat\s+(\d{1,2})\b(?![:.]\d|\s*(?:a\.?m|p\.?m|%|km|kms|l|litres?|liters?|dollars?|\$))/gi,
    resolve: (m) => {
      const hour = Number(m[1]);
      // "at 3 Mile Creek" is a place, not three o'clock.
      if (hour < 1 || hour > 12 || /^\s+[A-Z]/.test(m.input.slice(m.index + m[0].length))) return null;
      return { time: `${pad(hour <= 6 ? hour + 12 : hour)}:00` };
    },
  },
  {
    pattern: /\b(?:at\s+)?(noon|midday|midnight)\b/gi,
    resolve: (m) => ({ time: m[1].toLowerCase() === 'midnight' ? '00:00' : '12:00' }),
  },
  {
    pattern: /\b(?:in\s+the\s+|this\s+|first\s+thing\s+in\s+the\s+)?(morning|afternoon|evening)\b/gi,
    resolve: (m) => {
      const part = m[1].toLowerCase();
      return { time: part === 'morning' ? '09:00' : part === 'afternoon' ? '15:00' : '18:00' };
    },
  },
  {
    pattern: new RegExp(`\\bin\\s+${NUMBER}\\s+(hour|hr|minute|min)s?\\b`, 'gi'),
    resolve: (m, clock) => {
      if (!clock.time) return null;
      const minutes = numberOf(m[1]) * (m[2].toLowerCase().startsWith('h') ? 60 : 1);
      const [h, min] = clock.time.split(':').map(Number);
      const total = h * 60 + min + minutes;
      return { time: `${pad(Math.floor(total / 60) % 24)}:${pad(total % 60)}`, dayOffset: Math.floor(total / 1440) };
    },
  },
];

interface Span {
  start: number;
  end: number;
}

/** Every match of every rule; the one ending last (then the longest) wins, since dates and times trail the sentence. */
function lastMatch<R extends { pattern: RegExp }, V>(
  text: string,
  rules: R[],
  resolve: (rule: R, match: RegExpExecArray) => V | null,
  avoid: Span | null,
): (Span & { value: V }) | null {
  let best: (Span & { value: V }) | null = null;
  for (const rule of rules) {
    rule.pattern.lastIndex = 0;
    for (let match = rule.pattern.exec(text); match; match = rule.pattern.exec(text)) {
      const span = { start: match.index, end: match.index + match[0].length };
      if (match[0].length === 0) {
        rule.pattern.lastIndex++;
        continue;
      }
      if (avoid && span.start < avoid.end && avoid.start < span.end) continue;
      const value = resolve(rule, match);
      if (value === null) continue;
      if (!best || span.end > best.end || (span.end === best.end && span.end - span.start > best.end - best.start)) {
        best = { ...span, value };
      }
    }
  }
  return best;
}

function without(text: string, spans: Span[]): string {
  let rest = text;
  for (const span of [...spans].sort((a, b) => b.start - a.start)) {
    rest = `${rest.slice(0, span.start)} ${rest.slice(span.end)}`;
  }
  return rest
    .replace(/\s+([,.;:!?])/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .replace(/[\s,;:]+$/g, '')
    .replace(/\s+(?:on|at|by|for|from|due|before|until|and)$/i, '')
    .trim();
}

/**
 * The date and time a sentence names, and the sentence without them. A time with no
 * date is today's, or tomorrow's when that time has already passed today; a date with
 * no time leaves `time` null (callers pick their default). Null when the sentence names
 * neither.
 */
export function extractWhen(text: string, clock: UserClock, direction: Direction = 'future'): FoundWhen | null {
  const date = lastMatch(text, DATE_RULES, (rule, m) => rule.resolve(m, clock, direction), null);
  const time = lastMatch(text, TIME_RULES, (rule, m) => rule.resolve(m, clock), date);
  if (!date && !time) return null;

  let day = date?.value.date ?? clock.today;
  let at = time?.value.time ?? date?.value.time ?? null;
  if (time?.value.dayOffset) day = addDays(day, time.value.dayOffset);
  else if (!date && at && clock.time && at <= clock.time && direction === 'future') day = addDays(day, 1);

  return { date: day, time: at, rest: without(text, [date, time].filter((s): s is NonNullable<typeof s> => s !== null)) };
}

/**
 * The period a question asks about ("this month", "last week", "in the last 30 days",
 * "since 1 March", "in March", "today", "this year"), as inclusive dates that stop at
 * today; null when it names none.
 */
export function extractDateRange(text: string, clock: UserClock): DateRange | null {
  const today = clock.today;
  const rules: { pattern: RegExp; range(m: RegExpExecArray): { from: string; to: string } | null }[] = [
    {
      pattern: /\b(?:in\s+|over\s+|during\s+)?(?:the\s+)?(past)\s+(week|fortnight|month|year)\b/gi,
      range: (m) => {
        const unit = m[2].toLowerCase();
        if (unit === 'week') return { from: addDays(today, -6), to: today };
        if (unit === 'fortnight') return { from: addDays(today, -13), to: today };
        return { from: addDays(addMonths(today, unit === 'month' ? -1 : -12), 1), to: today };
      },
    },
    {
      pattern: /\b(this|last|previous)\s+(week|month|year|fortnight)(?:\s+so far)?\b/gi,
      range: (m) => {
        const current = m[1].toLowerCase() === 'this';
        const unit = m[2].toLowerCase();
        if (unit === 'week') {
          const monday = mondayOf(today);
          return current ? { from: monday, to: today } : { from: addDays(monday, -7), to: addDays(monday, -1) };
        }
        if (unit === 'fortnight') return { from: addDays(today, current ? -13 : -27), to: current ? today : addDays(today, -14) };
        if (unit === 'month') {
          const first = firstOfMonth(today);
          return current ? { from: first, to: today } : { from: addMonths(first, -1), to: addDays(first, -1) };
        }
        const year = Number(today.slice(0, 4));
        return current ? { from: `${year}-01-01`, to: today } : { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
      },
    },
    {
      pattern: new RegExp(`\\b(?:in\\s+|over\\s+|for\\s+|during\\s+)?(?:the\\s+)?(?:last|past)\\s+${NUMBER}\\s+(day|week|month)s?\\b`, 'gi'),
      range: (m) => {
        const amount = numberOf(m[1]);
        const unit = m[2].toLowerCase();
        if (unit === 'day') return { from: addDays(today, -(amount - 1)), to: today };
        if (unit === 'week') return { from: addDays(today, -(amount * 7 - 1)), to: today };
        return { from: addDays(addMonths(today, -amount), 1), to: today };
      },
    },
    {
      pattern: /\b(today|yesterday)\b/gi,
      range: (m) => {
        const day = m[1].toLowerCase() === 'today' ? today : addDays(today, -1);
        return { from: day, to: day };
      },
    },
    {
      pattern: new RegExp(`\\bsince\\s+(.{1,30}?)(?=[?.!,]|$)`, 'gi'),
      range: (m) => {
        const when = extractWhen(m[1], clock, 'past');
        return when && when.rest === '' && when.date <= today ? { from: when.date, to: today } : null;
      },
    },
    {
      pattern: new RegExp(`\\b(?:in|for|during)\\s+${MONTH}(?:\\s+(\\d{4}))?\\b`, 'gi'),
      range: (m) => {
        const month = monthOf(m[1]);
        let year = m[2] ? Number(m[2]) : Number(today.slice(0, 4));
        if (!m[2] && fromParts(year, month, 1) > today) year -= 1;
        const first = fromParts(year, month, 1);
        const last = lastOfMonth(first);
        return { from: first, to: last < today ? last : today };
      },
    },
  ];
  const found = lastMatch(text, rules, (rule, m) => rule.range(m), null);
  return found ? { ...found.value, rest: without(text, [found]) } : null;
}

// ---------------------------------------------------------------------------------------
// Saying dates back

/** "Friday 11 December", with the year when it is not this year's. */
export function describeDate(date: string, clock: UserClock): string {
  const [y, m, d] = date.split('-').map(Number);
  const year = date.slice(0, 4) === clock.today.slice(0, 4) ? '' : ` ${y}`;
  return `${WEEKDAYS[weekdayOf(date)]} ${d} ${MONTHS[m - 1]}${year}`;
}

/** "2026-12" as "December 2026". */
export function describeMonth(month: string): string {
  return `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** "9:00 am", "5:30 pm". */
export function describeTime(time: string): string {
  const [h, m] = time.split(':').map(Number);
  const hour = h % 12 === 0 ? 12 : h % 12;
  return `${hour}:${pad(m)} ${h < 12 ? 'am' : 'pm'}`;
}

/** A timestamp or a date as the user would say it, in their timezone: "Friday 11 December at 9:00 am". */
export function describeMoment(value: string, clock: UserClock): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return describeDate(value, clock);
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return value;
  const local = localDateTime(instant, clock.timeZone);
  return `${describeDate(local.date, clock)} at ${describeTime(local.time)}`;
}
