import { Temporal } from 'temporal-polyfill';
import { BANK_HOLIDAYS } from './bank-holidays.js';
import { type Deadline, readDeadline } from './duration.js';
import type { HolidayRegion } from './holiday-rules.js';

/** How an organisation keeps time for deadlines: its IANA time zone and the days that are not working days. */
export interface DeadlineClock {
  /** The IANA time zone (`Europe/London`): days keep local time across its clock changes. */
  readonly timeZone: string;
  /** Whose bank holidays are not working days. */
  readonly holidays?: HolidayRegion;
  /** The organisation's own closure days (`YYYY-MM-DD`). */
  readonly closures?: readonly string[];
}

const holidaySets = new Map<HolidayRegion, ReadonlySet<string>>();
function holidaysOf(region: HolidayRegion): ReadonlySet<string> {
  let set = holidaySets.get(region);
  if (!set) {
    set = new Set(BANK_HOLIDAYS[region].map((h) => h.date));
    holidaySets.set(region, set);
  }
  return set;
}

/**
 * Whether a date is a working day: Monday to Friday, not a bank holiday of the clock's calendar, not a closure.
 * @example isWorkingDay('2026-12-28', { timeZone: 'Europe/London', holidays: 'england-and-wales' }) // false
 */
export function isWorkingDay(date: string, clock: DeadlineClock): boolean {
  const day = Temporal.PlainDate.from(date).dayOfWeek;
  if (day === 6 || day === 7) return false;
  if (clock.holidays && holidaysOf(clock.holidays).has(date)) return false;
  return !(clock.closures ?? []).includes(date);
}

/**
 * When a deadline falls due, counted from an instant in the organisation's time zone: years, months, weeks and
 * days are calendar arithmetic that keeps local time (a day across the spring clock change is 23 hours; 31 January
 * plus a month is the last day of February), hours and smaller are exact; working days skip weekends, the clock's
 * bank holidays and closures, and keep local time. Why not UTC: "by 9am tomorrow" means 9am where the organisation
 * is, whatever the clocks did overnight.
 * @example
 * deadlineDue('2026-03-28T09:00:00Z', 'P1D', { timeZone: 'Europe/London' }).toISOString();
 * // '2026-03-29T08:00:00.000Z' — 09:00 British Summer Time, 23 hours later
 */
export function deadlineDue(from: Date | string, deadline: Deadline | string, clock: DeadlineClock): Date {
  const read = typeof deadline === 'string' ? readDeadline(deadline) : { ok: true as const, deadline };
  if (!read.ok) throw new RangeError(read.problem.message);
  const instant = Temporal.Instant.fromEpochMilliseconds(
    typeof from === 'string' ? Temporal.Instant.from(from).epochMilliseconds : from.getTime(),
  );
  const start = instant.toZonedDateTimeISO(clock.timeZone);
  const { duration, workingDays } = read.deadline;
  if (!workingDays) return new Date(start.add(Temporal.Duration.from(duration)).epochMilliseconds);
  const days = Temporal.Duration.from(duration).days;
  let date = start.toPlainDate();
  for (let counted = 0; counted < days; ) {
    date = date.add({ days: 1 });
    if (isWorkingDay(date.toString(), clock)) counted++;
  }
  const due = start.with({ year: date.year, month: date.month, day: date.day });
  return new Date(due.epochMilliseconds);
}

/** Whether a name is an IANA time zone the runtime knows. */
export function isKnownTimeZone(name: string): boolean {
  try {
    Temporal.Now.instant().toZonedDateTimeISO(name);
    return true;
  } catch {
    return false;
  }
}
