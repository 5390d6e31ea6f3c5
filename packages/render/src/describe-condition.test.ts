import { type Condition, compileCondition, resolveVocabulary, standardVocabulary } from '@fairpost/core';
import { arbitraryCondition, arbitraryScenario } from '@fairpost/core/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeCondition } from './describe-condition.js';
import { normaliseCondition, toCondition } from './normalise-condition.js';
import { enGB } from './phrasebook.js';
import { runs } from '../../../test/support/property-runs.js';

const text = (condition: Condition) => {
  const d = describeCondition(condition);
  return d.kind === 'clause' ? d.text : d.kind;
};

describe('describeCondition', () => {
  it.each<[string, Condition, string]>([
    [
      'one value',
      { fact: 'account.kind', is: 'organisational' },
      'you are posting on one of the organisation’s accounts',
    ],
    ['a boolean', { fact: 'content.identifiesClient', is: false }, 'it could not identify a client'],
    [
      'a boolean negated',
      { fact: 'content.identifiesClient', isNot: true },
      'it could not identify a client',
    ],
    [
      'in, as alternatives',
      { fact: 'context.time', in: ['work-time', 'own-time'] },
      'you can answer “Is this in work time or your own time?”',
    ],
    ['isNot with one value left', { fact: 'context.time', isNot: 'work-time' }, 'it is in your own time'],
    [
      'isNot with many values left, as a negated question',
      { fact: 'incident.kind', isNot: 'none' },
      'the answer to “Is anything happening to you online?” is not “Nothing”',
    ],
    [
      'notIn',
      { fact: 'incident.severity', notIn: ['low'] },
      'it is serious or there is a risk to your safety',
    ],
    [
      'all, with alternatives last',
      {
        all: [
          { fact: 'account.kind', in: ['personal', 'pseudonymous'] },
          { fact: 'context.time', is: 'own-time' },
        ],
      },
      'it is in your own time and you are using your own account or an account that does not carry your name',
    ],
    [
      'not of any, by De Morgan',
      {
        not: {
          any: [
            { fact: 'content.hasConsent', is: true },
            { fact: 'context.time', is: 'own-time' },
          ],
        },
      },
      'not everyone shown or named has agreed and it is during work time',
    ],
    [
      'any of all',
      {
        any: [
          {
            all: [
              { fact: 'content.hasConsent', is: true },
              { fact: 'content.showsChildren', is: false },
            ],
          },
          { fact: 'content.kind', is: 'public-information' },
        ],
      },
      'both everyone shown or named has agreed and it does not show children or young people or the information is already public',
    ],
    ['all of nothing', { all: [] }, 'always'],
    ['any of nothing', { any: [] }, 'never'],
    ['not of all of nothing', { not: { all: [] } }, 'never'],
  ])('phrases %s', (_name, condition, expected) => {
    expect(text(condition)).toBe(expected);
  });

  it('uses a custom fact’s own phrases, and the phrasebook’s overrides over the vocabulary’s', () => {
    const vocabulary = resolveVocabulary({
      facts: [
        {
          name: 'custom.campaignPhase',
          type: 'enum',
          label: 'Campaign phase',
          description: 'd',
          values: [
            { value: 'quiet', label: 'Quiet', phrase: 'the campaign is quiet' },
            { value: 'live', label: 'Live', phrase: 'the campaign is live' },
          ],
        },
      ],
    });
    expect(describeCondition({ fact: 'custom.campaignPhase', is: 'live' }, { vocabulary })).toEqual({
      kind: 'clause',
      text: 'the campaign is live',
    });
    const phrasebook = {
      ...enGB,
      facts: { 'context.time': { values: { 'own-time': 'it is your time off' } } },
    };
    expect(describeCondition({ fact: 'context.time', is: 'own-time' }, { phrasebook })).toEqual({
      kind: 'clause',
      text: 'it is your time off',
    });
  });
});

describe('normaliseCondition', () => {
  it('means exactly what the condition means, unknown facts included (De Morgan holds in three-valued logic)', () => {
    const facts = ['account.kind', 'context.time', 'content.hasConsent', 'incident.kind'];
    fc.assert(
      fc.property(
        arbitraryCondition(facts, 4),
        arbitraryScenario(standardVocabulary, facts),
        (condition, scenario) => {
          const original = compileCondition(condition, standardVocabulary).test(scenario);
          const normal = compileCondition(
            toCondition(normaliseCondition(condition)),
            standardVocabulary,
          ).test(scenario);
          expect(normal).toBe(original);
        },
      ),
      { numRuns: runs(300) },
    );
  });

  it('leaves no not, and no all directly inside all or any inside any', () => {
    fc.assert(
      fc.property(arbitraryCondition(undefined, 4), (condition) => {
        const walk = (c: Condition, parent?: 'all' | 'any'): void => {
          expect('not' in c).toBe(false);
          if ('all' in c) {
            expect(parent).not.toBe('all');
            for (const item of c.all) walk(item, 'all');
          }
          if ('any' in c) {
            expect(parent).not.toBe('any');
            for (const item of c.any) walk(item, 'any');
          }
        };
        const normal = normaliseCondition(condition);
        if (normal.kind !== 'always' && normal.kind !== 'never') walk(toCondition(normal));
      }),
      { numRuns: runs(200) },
    );
  });
});

describe('alternatives about one fact', () => {
  it('say their shared opening once', () => {
    const described = describeCondition({
      fact: 'account.kind',
      in: ['personal-named', 'personal', 'pseudonymous'],
    });
    expect(described).toEqual({
      kind: 'clause',
      text: 'you are using your own account that says where you work, your own account or an account that does not carry your name',
    });
  });

  it('keep every phrase whole when the openings differ', () => {
    const described = describeCondition({
      fact: 'content.kind',
      in: ['legal-matter', 'financial-information'],
    });
    expect(described).toEqual({
      kind: 'clause',
      text: 'it concerns a legal matter or it includes financial figures',
    });
  });
});

describe('set tests', () => {
  it.each<[string, Condition, string]>([
    [
      'every member',
      { fact: 'content.topics', includesAll: ['pay-and-conditions', 'employer'] },
      'it is about pay or working conditions and the organisation itself',
    ],
    ['one member', { fact: 'content.topics', includes: 'party-politics' }, 'it is about party politics'],
    [
      'some member',
      { fact: 'content.topics', includesAny: ['clients', 'colleagues'] },
      'it is about clients or service users or your colleagues',
    ],
    [
      'none of them, through not',
      { not: { fact: 'content.topics', includesAny: ['party-politics', 'union-activity'] } },
      'it is not about party politics or union activity',
    ],
    [
      'not both, through not',
      { not: { fact: 'content.topics', includesAll: ['employer', 'finances'] } },
      'it is not about both the organisation itself and financial figures',
    ],
    [
      'beside other tests',
      {
        all: [
          { fact: 'account.kind', is: 'personal' },
          { fact: 'content.topics', includesAll: ['employer', 'pay-and-conditions'] },
        ],
      },
      'you are using your own account and it is about the organisation itself and pay or working conditions',
    ],
  ])('%s', (_, condition, expected) => {
    expect(text(condition)).toBe(expected);
  });

  it('normalise to a condition that means the same on every scenario', () => {
    const facts = ['content.topics', 'account.kind'];
    fc.assert(
      fc.property(
        arbitraryCondition(facts, 4),
        arbitraryScenario(standardVocabulary, facts),
        (condition, scenario) => {
          const original = compileCondition(condition, standardVocabulary).test(scenario);
          const normal = compileCondition(
            toCondition(normaliseCondition(condition)),
            standardVocabulary,
          ).test(scenario);
          expect(normal).toBe(original);
        },
      ),
      { numRuns: runs(300) },
    );
  });
});
