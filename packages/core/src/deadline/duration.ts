import { DURATION_PATTERN } from '../model/policy-format.js';

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

/** Reads an ISO 8601 duration (`PT24H`, `P2D`); `undefined` when it is not one. */
export function parseDuration(text: string): DurationParts | undefined {
  if (!DURATION_PATTERN.test(text)) return undefined;
  const m = DURATION_PARTS.exec(text);
  if (!m) return undefined;
  const n = (i: number) => Number(m[i] ?? 0);
  return { years: n(1), months: n(2), weeks: n(3), days: n(4), hours: n(5), minutes: n(6), seconds: n(7) };
}

/**
 * When a duty falls due: the report time plus the deadline, in UTC calendar arithmetic.
 * @example dueAt(new Date('2026-03-02T09:00:00Z'), 'PT24H') // 2026-03-03T09:00:00Z
 */
export function dueAt(reportedAt: Date, deadline: string): Date {
  const d = parseDuration(deadline);
  if (!d) throw new RangeError(`"${deadline}" is not an ISO 8601 duration such as PT24H or P2D`);
  const due = new Date(reportedAt.getTime());
  due.setUTCFullYear(
    due.getUTCFullYear() + d.years,
    due.getUTCMonth() + d.months,
    due.getUTCDate() + d.weeks * 7 + d.days,
  );
  due.setTime(due.getTime() + ((d.hours * 60 + d.minutes) * 60 + d.seconds) * 1000);
  return due;
}

/** A deadline in words: `PT24H` → "within 24 hours", `P2D` → "within 2 days". */
export function describeDeadline(deadline: string): string {
  const d = parseDuration(deadline);
  if (!d) return deadline;
  const parts: string[] = [];
  const add = (n: number, unit: string) => {
    if (n > 0) parts.push(`${n} ${unit}${n === 1 ? '' : 's'}`);
  };
  add(d.years, 'year');
  add(d.months, 'month');
  add(d.weeks, 'week');
  add(d.days, 'day');
  add(d.hours, 'hour');
  add(d.minutes, 'minute');
  add(d.seconds, 'second');
  return `within ${parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0]}`;
}
