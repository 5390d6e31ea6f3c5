import {
  DEADLINE_NUMBER as NUMBER,
  DEADLINE_UNIT as UNIT,
  DURATION_PATTERN,
} from '../model/policy-format.js';

/** An ISO 8601 duration broken into its parts. */
export interface DurationParts {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const DURATION_PARTS =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** Reads an ISO 8601 duration (`PT24H`, `P2D`); `undefined` when it is not one, or when it is zero (`PT0H`). */
export function parseDuration(text: string): DurationParts | undefined {
  if (!DURATION_PATTERN.test(text)) return undefined;
  const m = DURATION_PARTS.exec(text);
  if (!m) return undefined;
  const n = (i: number) => Number(m[i] ?? 0);
  return { years: n(1), months: n(2), weeks: n(3), days: n(4), hours: n(5), minutes: n(6), seconds: n(7) };
}

/** Writes duration parts as the canonical ISO 8601 text: zero parts left out, units never rolled over. */
export function formatDuration(parts: DurationParts): string {
  const part = (n: number, unit: string) => (n > 0 ? `${n}${unit}` : '');
  const date =
    part(parts.years, 'Y') + part(parts.months, 'M') + part(parts.weeks, 'W') + part(parts.days, 'D');
  const time = part(parts.hours, 'H') + part(parts.minutes, 'M') + part(parts.seconds, 'S');
  return `P${date}${time ? `T${time}` : ''}`;
}

/**
 * A deadline as a policy stores it: an ISO 8601 duration, and whether its days are working days. `P2D` alone is two
 * calendar days; `{ duration: 'P2D', workingDays: true }` is two working days.
 */
export interface Deadline {
  /** The canonical ISO 8601 duration (`PT24H`, `P2D`). */
  readonly duration: string;
  /** Whether the days count working days only (a whole number of days, nothing else). */
  readonly workingDays: boolean;
}

/** Why a deadline could not be read: what was expected and what was found, for an issue. */
export interface DeadlineProblem {
  readonly message: string;
  readonly expected: string;
  readonly received: string;
}

/** The result of reading a deadline a person wrote. */
export type ReadDeadlineResult = { ok: true; deadline: Deadline } | { ok: false; problem: DeadlineProblem };

/** The longest deadline accepted: one year. Anything longer is a typo (`PT2400H`), not a support duty. */
export const LONGEST_DEADLINE_HOURS = 366 * 24;

const UNITS = {
  year: 'years',
  month: 'months',
  week: 'weeks',
  day: 'days',
  hour: 'hours',
  minute: 'minutes',
  second: 'seconds',
} as const satisfies Record<string, keyof DurationParts>;

/** Upper bounds in hours, so that a deadline's length can be checked without a calendar. */
const HOURS_AT_MOST: Record<keyof DurationParts, number> = {
  years: 366 * 24,
  months: 31 * 24,
  weeks: 7 * 24,
  days: 24,
  hours: 1,
  minutes: 1 / 60,
  seconds: 1 / 3600,
};
/** Lower bounds in hours: the shortest a part can be (a day across the spring clock change is 23 hours). */
const HOURS_AT_LEAST: Record<keyof DurationParts, number> = {
  years: 365 * 24,
  months: 28 * 24,
  weeks: 7 * 24 - 1,
  days: 23,
  hours: 1,
  minutes: 1 / 60,
  seconds: 1 / 3600,
};

const EXPECTED =
  'an ISO 8601 duration such as "PT24H", "P2D" or "P1W", or words such as "24 hours", "2 working days" or "1 week"';

const WORD_PART = new RegExp(String.raw`^${NUMBER}\s+${UNIT}$`);
const WORKING_DAYS = new RegExp(String.raw`^${NUMBER}\s+(?:working|business)\s+days?$`);
const WORD_NUMBERS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
};

/**
 * Reads a deadline as people write it — `PT24H`, `P2D`, "24 hours", "2 working days", "1 week", "within 1 day and
 * 12 hours" — into its canonical form. Rejects zero (`PT0H`), negative, fractional and absurd (over a year)
 * deadlines with a problem that says what was expected and what was found.
 * @example
 * readDeadline('2 working days'); // { ok: true, deadline: { duration: 'P2D', workingDays: true } }
 * readDeadline('PT0H').ok;        // false: "a deadline must be longer than zero"
 */
export function readDeadline(text: string): ReadDeadlineResult {
  const received = JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
  const fail = (message: string, expected = EXPECTED): ReadDeadlineResult => ({
    ok: false,
    problem: { message, expected, received },
  });
  const trimmed = text.trim();
  if (trimmed.startsWith('-')) return fail(`a deadline cannot be negative; found ${received}`);
  const iso = /^p/i.test(trimmed) ? trimmed.toUpperCase() : undefined;
  let parts: DurationParts | undefined;
  let workingDays = false;
  if (iso !== undefined) {
    const m = DURATION_PARTS.exec(iso);
    if (!m || iso === 'P' || iso.endsWith('T')) return fail(`expected ${EXPECTED}; found ${received}`);
    const n = (i: number) => Number(m[i] ?? 0);
    parts = { years: n(1), months: n(2), weeks: n(3), days: n(4), hours: n(5), minutes: n(6), seconds: n(7) };
  } else {
    const words = trimmed.toLowerCase().replace(/^within\s+/, '');
    const working = WORKING_DAYS.exec(words);
    parts = { years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 };
    if (working) {
      parts.days = numberWord(working[1] ?? '');
      workingDays = true;
    } else {
      for (const piece of words.split(/\s*,\s*and\s+|\s*,\s*|\s+and\s+/)) {
        const m = WORD_PART.exec(piece);
        if (!m) {
          if (/(^|\s)-\s*\d/.test(piece)) return fail(`a deadline cannot be negative; found ${received}`);
          return fail(`expected ${EXPECTED}; found ${received}`);
        }
        const unit = UNITS[m[2] as keyof typeof UNITS];
        parts[unit] += numberWord(m[1] ?? '');
      }
    }
  }
  const hours = (bounds: Record<keyof DurationParts, number>) =>
    (Object.keys(bounds) as (keyof DurationParts)[]).reduce((sum, k) => sum + parts[k] * bounds[k], 0);
  if (hours(HOURS_AT_MOST) === 0)
    return fail(`a deadline must be longer than zero; found ${received}`, 'a duration longer than zero');
  if (hours(HOURS_AT_LEAST) * (workingDays ? 7 / 5 : 1) > LONGEST_DEADLINE_HOURS)
    return fail(
      `a deadline of more than a year is not a support deadline; found ${received}`,
      'at most a year',
    );
  return { ok: true, deadline: { duration: formatDuration(parts), workingDays } };
}

function numberWord(word: string): number {
  return WORD_NUMBERS[word] ?? Number(word);
}

/**
 * When a duty falls due, roughly: the report time plus the deadline in UTC calendar arithmetic, a month ending on
 * the last day of a shorter month (31 January + `P1M` is 28 or 29 February). It knows no time zone and no working
 * day; use `deadlineDue` from `@fairpost/core/incident` for the due instant an organisation keeps.
 * @example dueAt(new Date('2026-03-02T09:00:00Z'), 'PT24H') // 2026-03-03T09:00:00Z
 */
export function dueAt(reportedAt: Date, deadline: string): Date {
  const d = parseDuration(deadline);
  if (!d) throw new RangeError(`"${deadline}" is not an ISO 8601 duration such as PT24H or P2D`);
  const due = new Date(reportedAt.getTime());
  const monthIndex = due.getUTCMonth() + d.years * 12 + d.months;
  const year = due.getUTCFullYear() + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  due.setUTCFullYear(year, month, Math.min(due.getUTCDate(), lastDay));
  due.setUTCDate(due.getUTCDate() + d.weeks * 7 + d.days);
  due.setTime(due.getTime() + ((d.hours * 60 + d.minutes) * 60 + d.seconds) * 1000);
  return due;
}

/**
 * A deadline in words: `PT24H` → "within 24 hours", `P2D` → "within 2 days", and with `workingDays` → "within 2
 * working days". Text that is not a duration is returned as it is.
 */
export function describeDeadline(deadline: string, options: { workingDays?: boolean } = {}): string {
  const d = parseDuration(deadline);
  if (!d) return deadline;
  const parts: string[] = [];
  const add = (n: number, unit: string) => {
    if (n > 0) parts.push(`${n} ${unit}${n === 1 ? '' : 's'}`);
  };
  add(d.years, 'year');
  add(d.months, 'month');
  add(d.weeks, 'week');
  add(d.days, options.workingDays ? 'working day' : 'day');
  add(d.hours, 'hour');
  add(d.minutes, 'minute');
  add(d.seconds, 'second');
  return `within ${parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0]}`;
}
