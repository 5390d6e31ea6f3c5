import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Duty } from '../model/policy.js';
import { standardVocabulary } from '../vocabulary/resolve-vocabulary.js';
import {
  compareCommitments,
  compareSupport,
  PERSON_TARGETED,
  type SupportDirection,
  type SupportVerdict,
  verdictOf,
} from './compare-support.js';
import type { SupportEntry } from './policy-metrics.js';

/** Support for one duty action, with the aspects compared drawn from small sets. */
const arbitraryEntry = (action: string): fc.Arbitrary<SupportEntry> =>
  fc
    .record({
      action: fc.constant(action),
      label: fc.constant(action),
      holders: fc.subarray(['safety-lead', 'line-manager', PERSON_TARGETED], { minLength: 1 }),
      modality: fc.constantFrom<Duty['modality']>('must', 'should', 'may'),
      deadline: fc.option(fc.constantFrom('PT24H', 'P2D', 'P1W'), { nil: undefined }),
      consentRequired: fc.boolean(),
      coverage: fc.option(fc.constantFrom(0, 0.5, 1), { nil: null }),
      dutyIds: fc.constant([`${action}-duty`]),
    })
    .map((entry) => {
      const { deadline, ...rest } = entry;
      return deadline === undefined ? rest : { ...rest, deadline };
    });

const arbitrarySupport = fc
  .subarray(['receive-report', 'offer-support', 'record-incident'])
  .chain((actions) => fc.tuple(...actions.map(arbitraryEntry)));

const FLIPPED: Record<SupportDirection, SupportDirection> = {
  weaker: 'stronger',
  stronger: 'weaker',
  neutral: 'neutral',
};

const entry = (parts: Partial<SupportEntry> = {}): SupportEntry => ({
  action: 'receive-report',
  label: 'Receive a report',
  holders: ['safety-lead'],
  modality: 'must',
  deadline: 'PT24H',
  consentRequired: true,
  coverage: 1,
  dutyIds: ['report'],
  ...parts,
});

describe('compareSupport', () => {
  it.each<[string, Partial<SupportEntry>, string, SupportDirection]>([
    ['work moved onto the person targeted', { holders: [PERSON_TARGETED] }, 'holder', 'weaker'],
    ['a duty that becomes a should', { modality: 'should' }, 'modality', 'weaker'],
    ['a longer deadline', { deadline: 'P2D' }, 'deadline', 'weaker'],
    ['a shorter deadline', { deadline: 'PT1H' }, 'deadline', 'stronger'],
    ['consent no longer asked', { consentRequired: false }, 'consent', 'weaker'],
    ['fewer incidents covered', { coverage: 0.5 }, 'coverage', 'weaker'],
  ])('reads %s as %s, %s', (_, change, aspect, direction) => {
    const [result] = compareSupport([entry()], [entry(change)]);
    expect(result?.changes.map((c) => [c.aspect, c.direction])).toEqual([[aspect, direction]]);
    expect(result?.verdict).toBe(direction);
  });

  it('calls one holder swapped for another a change, neither weaker nor stronger', () => {
    const [result] = compareSupport([entry()], [entry({ holders: ['line-manager'] })], (id) => `role ${id}`);
    expect(result?.changes).toEqual([
      { aspect: 'holder', from: 'role safety-lead', to: 'role line-manager', direction: 'neutral' },
    ]);
    expect(result?.verdict).toBe('mixed');
  });

  it('lists nothing for the same support, and a duty action on one side only as support added or removed', () => {
    fc.assert(
      fc.property(arbitrarySupport, (support) => {
        expect(compareSupport(support, support)).toEqual([]);
        const added = compareSupport([], support);
        expect(added.map((c) => [c.action, c.verdict, c.changes[0]!.aspect])).toEqual(
          support.map((e) => [e.action, 'stronger', 'presence']),
        );
        expect(compareSupport(support, []).every((c) => c.verdict === 'weaker')).toBe(true);
      }),
    );
  });

  it('reads the same change backwards with from and to swapped and every direction flipped', () => {
    fc.assert(
      fc.property(arbitrarySupport, arbitrarySupport, (a, b) => {
        const forwards = compareSupport(a, b);
        const backwards = compareSupport(b, a);
        expect(backwards.map((c) => c.action).sort()).toEqual(forwards.map((c) => c.action).sort());
        for (const change of forwards) {
          const back = backwards.find((c) => c.action === change.action)!;
          expect(back.changes.map((c) => [c.aspect, c.to, c.from, FLIPPED[c.direction]])).toEqual(
            change.changes.map((c) => [c.aspect, c.from, c.to, c.direction]),
          );
        }
      }),
    );
  });
});

describe('verdictOf', () => {
  it.each<[SupportDirection[], SupportVerdict]>([
    [[], 'same'],
    [['neutral'], 'same'],
    [['weaker', 'neutral'], 'weaker'],
    [['stronger', 'stronger'], 'stronger'],
    [['weaker', 'stronger'], 'mixed'],
  ])('reads %j as %s', (directions, verdict) => {
    expect(verdictOf(directions)).toBe(verdict);
  });
});

describe('commitments compared by polarity', () => {
  it('reads a promise replaced by its opposite as one reversal, weaker for staff', () => {
    expect(
      compareCommitments(
        ['no-monitoring-of-personal-accounts'],
        ['monitor-personal-accounts'],
        standardVocabulary,
      ),
    ).toEqual([
      {
        change: 'reversed',
        commitment: 'no-monitoring-of-personal-accounts',
        opposite: 'monitor-personal-accounts',
        polarity: 'protects',
        direction: 'weaker',
      },
    ]);
  });
  it('reads a restrictive practice dropped as stronger, a promise dropped as weaker', () => {
    expect(
      compareCommitments(['pre-approve-personal-posts', 'no-ban-on-access'], [], standardVocabulary).map(
        (c) => [c.commitment, c.direction],
      ),
    ).toEqual([
      ['pre-approve-personal-posts', 'stronger'],
      ['no-ban-on-access', 'weaker'],
    ]);
  });
});
