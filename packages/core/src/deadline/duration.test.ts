import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeDeadline, dueAt, parseDuration } from './duration.js';

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

  it.each(['', 'P', 'PT', '24h', 'P1H', 'PT1D', 'P-1D', 'p2d', 'P1.5D'])('rejects %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
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
      { numRuns: 200 },
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
});
