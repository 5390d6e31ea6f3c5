import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeDeadline, dueAt, formatDuration, parseDuration, readDeadline } from './duration.js';
import { runs } from '../../../../test/support/property-runs.js';

const reported = new Date('2026-03-02T09:00:00Z');

describe('parseDuration', () => {
  it.each([
    ['PT24H', { hours: 24 }],
    ['P2D', { days: 2 }],
    ['P1W', { weeks: 1 }],
    ['P1Y2M3DT4H5M6S', { years: 1, months: 2, days: 3, hours: 4, minutes: 5, seconds: 6 }],
    ['PT90M', { minutes: 90 }],
  ])('reads %s', (text, parts) => {
    const zero = { years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 };
    expect(parseDuration(text)).toEqual({ ...zero, ...parts });
  });

  it.each(['', 'P', 'PT', '24h', 'P1H', 'PT1D', 'P-1D', 'p2d', 'P1.5D', 'PT0H', 'P0D', 'P0Y0M'])(
    'rejects %j',
    (text) => {
      expect(parseDuration(text)).toBeUndefined();
    },
  );
});

describe('dueAt', () => {
  it.each([
    ['PT24H', '2026-03-03T09:00:00.000Z'],
    ['PT1H', '2026-03-02T10:00:00.000Z'],
    ['P2D', '2026-03-04T09:00:00.000Z'],
    ['P1W', '2026-03-09T09:00:00.000Z'],
    ['P1M', '2026-04-02T09:00:00.000Z'],
    ['P1Y', '2027-03-02T09:00:00.000Z'],
    ['P1DT12H', '2026-03-03T21:00:00.000Z'],
  ])('adds %s to the report time', (deadline, due) => {
    expect(dueAt(reported, deadline).toISOString()).toBe(due);
  });

  it('ends a month on the last day of a shorter month, not in the next month', () => {
    expect(dueAt(new Date('2026-01-31T09:00:00Z'), 'P1M').toISOString()).toBe('2026-02-28T09:00:00.000Z');
    expect(dueAt(new Date('2028-01-31T09:00:00Z'), 'P1M').toISOString()).toBe('2028-02-29T09:00:00.000Z');
    expect(dueAt(new Date('2028-02-29T09:00:00Z'), 'P1Y').toISOString()).toBe('2029-02-28T09:00:00.000Z');
    expect(dueAt(new Date('2026-12-31T09:00:00Z'), 'P2M').toISOString()).toBe('2027-02-28T09:00:00.000Z');
  });

  it('counts calendar days in UTC across the end of a month and a leap day', () => {
    expect(dueAt(new Date('2028-02-28T23:30:00Z'), 'P2D').toISOString()).toBe('2028-03-01T23:30:00.000Z');
  });

  it('does not change the report time it was given', () => {
    const at = new Date(reported);
    dueAt(at, 'P2D');
    expect(at).toEqual(reported);
  });

  it('agrees with plain arithmetic for weeks, days, hours, minutes and seconds', () => {
    const parts = fc.record({
      w: fc.nat(5),
      d: fc.nat(40),
      h: fc.nat(48),
      m: fc.nat(120),
      s: fc.nat(120),
    });
    fc.assert(
      fc.property(parts, fc.date({ noInvalidDate: true, min: new Date(0), max: new Date(4e12) }), (p, at) => {
        fc.pre(p.w + p.d + p.h + p.m + p.s > 0);
        const text = `P${p.w ? `${p.w}W` : ''}${p.d ? `${p.d}D` : ''}${p.h + p.m + p.s ? `T${p.h ? `${p.h}H` : ''}${p.m ? `${p.m}M` : ''}${p.s ? `${p.s}S` : ''}` : ''}`;
        const seconds = (((p.w * 7 + p.d) * 24 + p.h) * 60 + p.m) * 60 + p.s;
        expect(dueAt(at, text).getTime() - at.getTime()).toBe(seconds * 1000);
      }),
      { numRuns: runs(200) },
    );
  });

  it('throws a RangeError naming a deadline that is not a duration', () => {
    expect(() => dueAt(reported, '24 hours')).toThrow(
      new RangeError('"24 hours" is not an ISO 8601 duration such as PT24H or P2D'),
    );
  });
});

describe('describeDeadline', () => {
  it.each([
    ['PT24H', 'within 24 hours'],
    ['PT1H', 'within 1 hour'],
    ['P2D', 'within 2 days'],
    ['P1W', 'within 1 week'],
    ['P1DT12H', 'within 1 day and 12 hours'],
    ['P1Y2M3D', 'within 1 year, 2 months and 3 days'],
    ['soon', 'soon'],
  ])('says %s as %j', (deadline, words) => {
    expect(describeDeadline(deadline)).toBe(words);
  });

  it('says working days when the deadline counts them', () => {
    expect(describeDeadline('P2D', { workingDays: true })).toBe('within 2 working days');
  });
});

describe('readDeadline', () => {
  it.each([
    ['PT24H', 'PT24H', false],
    ['p2d', 'P2D', false],
    ['24 hours', 'PT24H', false],
    ['an hour', 'PT1H', false],
    ['2 working days', 'P2D', true],
    ['one business day', 'P1D', true],
    ['1 week', 'P1W', false],
    ['within 48 Hours', 'PT48H', false],
    ['1 day and 12 hours', 'P1DT12H', false],
    ['1 week, 2 days and 3 hours', 'P1W2DT3H', false],
    ['3 months', 'P3M', false],
  ])('reads %j as %s', (text, duration, workingDays) => {
    expect(readDeadline(text)).toEqual({ ok: true, deadline: { duration, workingDays } });
  });

  it.each([
    ['PT0H', 'a deadline must be longer than zero; found "PT0H"'],
    ['0 days', 'a deadline must be longer than zero; found "0 days"'],
    ['-P1D', 'a deadline cannot be negative; found "-P1D"'],
    ['-2 days', 'a deadline cannot be negative; found "-2 days"'],
    ['P2Y', 'a deadline of more than a year is not a support deadline; found "P2Y"'],
    [
      '400 working days',
      'a deadline of more than a year is not a support deadline; found "400 working days"',
    ],
    ['soon', expect.stringMatching(/^expected an ISO 8601 duration .* found "soon"$/)],
    ['1.5 days', expect.stringMatching(/^expected .* found "1.5 days"$/)],
    ['2 working hours', expect.stringMatching(/^expected .* found "2 working hours"$/)],
  ])('rejects %j with a message', (text, message) => {
    const read = readDeadline(text);
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.problem.message).toEqual(message);
      expect(read.problem.received).toBe(JSON.stringify(text));
      expect(read.problem.expected.length).toBeGreaterThan(0);
    }
  });

  const parts = fc.record({
    years: fc.constant(0),
    months: fc.nat(11),
    weeks: fc.nat(4),
    days: fc.nat(30),
    hours: fc.nat(48),
    minutes: fc.nat(59),
    seconds: fc.nat(59),
  });

  it('reads every canonical duration back as itself, and its words as the same duration', () => {
    fc.assert(
      fc.property(parts, (p) => {
        fc.pre(Object.values(p).some((n) => n > 0));
        // Within a year even with the longest months: longer deadlines are refused, and tested apart.
        fc.pre(p.months * 31 + p.weeks * 7 + p.days + (p.hours + 1) / 24 <= 365);
        const iso = formatDuration(p);
        expect(readDeadline(iso)).toEqual({ ok: true, deadline: { duration: iso, workingDays: false } });
        expect(parseDuration(iso)).toEqual(p);
        const words = describeDeadline(iso);
        expect(readDeadline(words)).toEqual({ ok: true, deadline: { duration: iso, workingDays: false } });
      }),
      { numRuns: runs(200) },
    );
  });

  it('never throws on any text, and accepts nothing parseDuration calls zero', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const read = readDeadline(text);
        if (read.ok) expect(parseDuration(read.deadline.duration)).toBeDefined();
      }),
      { numRuns: runs(300) },
    );
  });
});
