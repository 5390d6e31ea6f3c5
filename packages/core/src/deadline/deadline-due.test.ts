import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DeadlineClock, deadlineDue, isWorkingDay } from './deadline-due.js';
import { formatDuration } from './duration.js';
import { runs } from '../../../../test/support/property-runs.js';

const RUNS = { numRuns: runs(200) };
const london: DeadlineClock = { timeZone: 'Europe/London', holidays: 'england-and-wales' };

/** Local date and time in a zone, read with Intl (not with the date library under test). */
function local(at: Date, timeZone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}:${parts.second}`,
  };
}
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Instants from 2018 to 2030 at whole seconds (the years the bank-holiday data covers). */
const instants = fc
  .integer({ min: Date.UTC(2018, 0, 1) / 1000, max: Date.UTC(2030, 11, 1) / 1000 })
  .map((s) => new Date(s * 1000));
const zones = fc.constantFrom('Europe/London', 'America/New_York', 'Australia/Sydney', 'UTC', 'Asia/Kolkata');

describe('deadlineDue', () => {
  it.each([
    [
      'P1D across the spring clock change keeps 09:00 local',
      '2026-03-28T09:00:00Z',
      'P1D',
      '2026-03-29T08:00:00.000Z',
    ],
    [
      'PT24H across the spring clock change is exactly 24 hours',
      '2026-03-28T09:00:00Z',
      'PT24H',
      '2026-03-29T09:00:00.000Z',
    ],
    [
      'P1D across the autumn clock change keeps 09:00 local',
      '2026-10-24T08:00:00Z',
      'P1D',
      '2026-10-25T09:00:00.000Z',
    ],
    ['P1M from 31 January is 28 February', '2026-01-31T09:00:00Z', 'P1M', '2026-02-28T09:00:00.000Z'],
    [
      'P1M from 31 January in a leap year is 29 February',
      '2028-01-31T09:00:00Z',
      'P1M',
      '2028-02-29T09:00:00.000Z',
    ],
    ['P1Y from 29 February is 28 February', '2028-02-29T09:00:00Z', 'P1Y', '2029-02-28T09:00:00.000Z'],
    [
      '2 working days over Christmas skip the bank holidays',
      '2026-12-24T09:00:00Z',
      '2 working days',
      '2026-12-30T09:00:00.000Z',
    ],
    [
      '1 working day from a Friday is the Monday',
      '2026-03-27T09:30:00Z',
      '1 working day',
      '2026-03-30T08:30:00.000Z',
    ],
    [
      '1 working day before Easter skips Good Friday and Easter Monday',
      '2026-04-02T10:00:00Z',
      '1 working day',
      '2026-04-07T10:00:00.000Z',
    ],
  ])('%s', (_, from, deadline, due) => {
    expect(deadlineDue(from, deadline, london).toISOString()).toBe(due);
  });

  it('skips the organisation’s closures as well as bank holidays', () => {
    // 25 and 28 December and 1 January are bank holidays; 29 to 31 December are closed: Monday 4 January is the first.
    const clock = { ...london, closures: ['2026-12-29', '2026-12-30', '2026-12-31'] };
    expect(deadlineDue('2026-12-24T09:00:00Z', '2 working days', clock).toISOString()).toBe(
      '2027-01-05T09:00:00.000Z',
    );
  });

  it('counts Scotland’s and Northern Ireland’s own holidays', () => {
    // 2 January is a holiday in Scotland only; 17 March in Northern Ireland only.
    expect(
      deadlineDue('2026-01-01T09:00:00Z', '1 working day', {
        timeZone: 'Europe/London',
        holidays: 'scotland',
      }).toISOString(),
    ).toBe('2026-01-05T09:00:00.000Z');
    expect(deadlineDue('2026-01-01T09:00:00Z', '1 working day', london).toISOString()).toBe(
      '2026-01-02T09:00:00.000Z',
    );
    expect(
      deadlineDue('2026-03-16T10:00:00Z', '1 working day', {
        timeZone: 'Europe/London',
        holidays: 'northern-ireland',
      }).toISOString(),
    ).toBe('2026-03-18T10:00:00.000Z');
  });

  it('rejects a deadline that is zero with a RangeError saying so', () => {
    expect(() => deadlineDue('2026-01-01T09:00:00Z', 'PT0H', london)).toThrow('longer than zero');
  });

  it('is monotone: a later report is never due earlier', () => {
    const deadlines = fc.constantFrom(
      'PT24H',
      'P1D',
      'P1M',
      'P1Y',
      'P1W',
      'P2D',
      '2 working days',
      'P1DT12H',
      'P3M',
    );
    fc.assert(
      fc.property(instants, instants, deadlines, zones, (a, b, deadline, timeZone) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const clock = { timeZone, holidays: 'england-and-wales' as const };
        expect(deadlineDue(early, deadline, clock).getTime()).toBeLessThanOrEqual(
          deadlineDue(late, deadline, clock).getTime(),
        );
      }),
      RUNS,
    );
  });

  it('adds hours, minutes and seconds as exact time, whatever the clocks do', () => {
    const time = fc.record({ hours: fc.nat(200), minutes: fc.nat(90), seconds: fc.nat(90) });
    fc.assert(
      fc.property(instants, time, zones, (at, t, timeZone) => {
        fc.pre(t.hours + t.minutes + t.seconds > 0);
        const iso = formatDuration({ years: 0, months: 0, weeks: 0, days: 0, ...t });
        const due = deadlineDue(at, iso, { timeZone });
        expect(due.getTime() - at.getTime()).toBe(((t.hours * 60 + t.minutes) * 60 + t.seconds) * 1000);
      }),
      RUNS,
    );
  });

  it('adds days and weeks as local calendar days at the same local time (read back with Intl)', () => {
    fc.assert(
      fc.property(
        instants,
        fc.nat(3),
        fc.integer({ min: 1, max: 40 }),
        zones,
        (at, weeks, days, timeZone) => {
          const due = deadlineDue(
            at,
            formatDuration({ years: 0, months: 0, weeks, days, hours: 0, minutes: 0, seconds: 0 }),
            { timeZone },
          );
          const before = local(at, timeZone);
          const after = local(due, timeZone);
          expect(dayNumber(after.date) - dayNumber(before.date)).toBe(weeks * 7 + days);
          // Only a local time that the clock change skips may move (by the size of the gap).
          if (after.time !== before.time)
            expect(
              Math.abs(due.getTime() - at.getTime() - (weeks * 7 + days) * 86_400_000),
            ).toBeLessThanOrEqual(3_600_000);
        },
      ),
      RUNS,
    );
  });

  it('adds months ending on the last day of a shorter month, leap years included', () => {
    fc.assert(
      fc.property(instants, fc.integer({ min: 1, max: 12 }), zones, (at, months, timeZone) => {
        const due = deadlineDue(at, `P${months}M`, { timeZone });
        const [y, m, d] = local(at, timeZone).date.split('-').map(Number) as [number, number, number];
        const index = m - 1 + months;
        const ty = y + Math.floor(index / 12);
        const tm = (index % 12) + 1;
        const expected = `${ty}-${String(tm).padStart(2, '0')}-${String(Math.min(d, daysInMonth(ty, tm))).padStart(2, '0')}`;
        expect(local(due, timeZone).date).toBe(expected);
      }),
      RUNS,
    );
  });

  it('lands n working days on: a working day, with exactly n - 1 working days between', () => {
    fc.assert(
      fc.property(instants, fc.integer({ min: 1, max: 15 }), (at, n) => {
        const due = deadlineDue(at, `${n} working days`, london);
        const from = local(at, 'Europe/London').date;
        const to = local(due, 'Europe/London').date;
        expect(isWorkingDay(to, london)).toBe(true);
        let between = 0;
        for (let day = dayNumber(from) + 1; day < dayNumber(to); day++)
          if (isWorkingDay(new Date(day * 86_400_000).toISOString().slice(0, 10), london)) between++;
        expect(between).toBe(n - 1);
      }),
      RUNS,
    );
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2026-12-25', false],
    ['2026-12-28', false],
    ['2026-12-29', true],
    ['2026-05-04', false],
    ['2026-05-05', true],
    ['2026-06-06', false],
  ])('%s is a working day in England: %s', (date, working) => {
    expect(isWorkingDay(date, london)).toBe(working);
  });
});
