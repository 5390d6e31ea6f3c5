import { describe, expect, it } from 'vitest';
import { PolicySchema } from '../model/policy.js';
import { issueLinesOf, validPolicyJson } from '../testing/support/valid-policy.js';
import { isTimeZone, normaliseDeadlines } from './check-deadlines.js';
import { parsePolicy } from './parse-policy.js';

// biome-ignore lint/suspicious/noExplicitAny: the table breaks policies in ways no type allows.
type Loose = any;

/** Hand-written breaks of a valid policy's deadlines, calendar and review dates, with the issue code and the exact line an author reads. */
const BAD_DEADLINES: [string, (p: Loose) => void, string, unknown][] = [
  [
    'a deadline that is not a duration',
    (p) => {
      p.duties[0].deadline = '24h';
    },
    'invalid-deadline',
    'duties[0].deadline: expected an ISO 8601 duration such as "PT24H", "P2D" or "P1W", or words such as "24 hours", "2 working days" or "1 week"; found "24h"',
  ],
  [
    'a zero deadline',
    (p) => {
      p.duties[0].deadline = 'PT0H';
    },
    'invalid-deadline',
    'duties[0].deadline: a deadline must be longer than zero; found "PT0H"',
  ],
  [
    'a negative deadline',
    (p) => {
      p.duties[0].deadline = '-2 days';
    },
    'invalid-deadline',
    'duties[0].deadline: a deadline cannot be negative; found "-2 days"',
  ],
  [
    'an absurd deadline',
    (p) => {
      p.duties[0].deadline = 'PT9000H';
    },
    'invalid-deadline',
    'duties[0].deadline: a deadline of more than a year is not a support deadline; found "PT9000H"',
  ],
  [
    'working days that are not whole days',
    (p) => {
      p.duties[0].deadline = 'PT36H';
      p.duties[0].workingDays = true;
    },
    'invalid-deadline',
    'duties[0].deadline: working days count whole days only; found "PT36H"',
  ],
  [
    'an unknown time zone',
    (p) => {
      p.calendar = { timeZone: 'Europe/Londres' };
    },
    'invalid-value',
    'calendar.timeZone: unknown time zone "Europe/Londres"',
  ],
  [
    'a next review on or before the last review',
    (p) => {
      p.review = { lastReviewed: '2026-09-01', nextReview: '2026-03-01' };
    },
    'invalid-value',
    'review.nextReview: the next review (2026-03-01) must come after the last review (2026-09-01)',
  ],
];

describe('deadlines in a policy', () => {
  it.each([
    ['24 hours', { deadline: 'PT24H' }],
    ['within 2 Working Days', { deadline: 'P2D', workingDays: true }],
    ['1 week', { deadline: 'P1W' }],
    ['1 day and 12 hours', { deadline: 'P1DT12H' }],
    ['p2d', { deadline: 'P2D' }],
  ])('stores the deadline %j in its canonical form', (written, stored) => {
    const policy: Loose = validPolicyJson();
    policy.duties[0].deadline = written;
    const result = parsePolicy(policy);
    expect(result.ok && result.policy.duties?.[0]).toMatchObject(stored);
    if (result.ok && !('workingDays' in stored))
      expect(result.policy.duties?.[0]).not.toHaveProperty('workingDays');
    if (result.ok) expect(PolicySchema.safeParse(result.policy).success).toBe(true);
  });

  it.each(BAD_DEADLINES)(
    'reports %s with its path and a message saying what was expected',
    (_, mutate, code, line) => {
      expect(issueLinesOf(mutate)).toEqual([[code, line]]);
    },
  );

  it('reports working days set on a duty with no deadline', () => {
    const policy: Loose = validPolicyJson();
    delete policy.duties[0].deadline;
    policy.duties[0].workingDays = true;
    const result = parsePolicy(policy);
    expect(result.ok ? [] : result.issues.map((i) => [i.path.join('.'), i.code])).toEqual([
      ['duties.0.workingDays', 'invalid-deadline'],
    ]);
  });

  it('leaves a policy with no deadline as it is', () => {
    const parsed = parsePolicy({ ...validPolicyJson(), duties: [] });
    if (!parsed.ok) throw new Error('the policy without duties must be valid');
    expect(normaliseDeadlines(parsed.policy)).toBe(parsed.policy);
  });
});

describe('isTimeZone', () => {
  it.each([
    ['Europe/London', true],
    ['UTC', true],
    ['America/Argentina/Buenos_Aires', true],
    ['Europe/Londres', false],
    ['GMT+25', false],
    ['', false],
  ])('knows whether %j is a time zone: %s', (name, known) => {
    expect(isTimeZone(name)).toBe(known);
  });
});
