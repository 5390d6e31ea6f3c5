import { describe, expectTypeOf, it } from 'vitest';
import type { Condition } from '../model/condition.js';
import { definePolicy, type PolicyDefinition } from './define-policy.js';
import type { Policy } from '../model/policy.js';
import { tinyDefinition } from '../testing/support/valid-policy.js';

const base = tinyDefinition;

describe('definePolicy types', () => {
  it('accepts a policy whose facts and values are in the vocabulary', () => {
    const policy = definePolicy({
      ...base,
      rules: [
        {
          id: 'public',
          when: {
            all: [
              { fact: 'content.kind', in: ['public-information', 'pointer'] },
              { fact: 'content.identifiesClient', is: false },
              { not: { fact: 'account.kind', is: 'organisational' } },
              { fact: 'custom.campaignPhase', is: 'live' },
            ],
          },
          outcome: 'permitted',
          reason: 'It is public.',
        },
      ],
      custom: {
        facts: [
          {
            name: 'custom.campaignPhase',
            type: 'enum',
            label: 'Campaign phase',
            description: 'Where the campaign stands.',
            values: [{ value: 'live', label: 'Live', phrase: 'the campaign is live' }],
          },
        ],
      },
    });
    expectTypeOf(policy).toEqualTypeOf<Policy>();
  });

  it('rejects a value the fact does not have', () => {
    definePolicy({
      ...base,
      rules: [
        {
          id: 'a',
          // @ts-expect-error "twitter" is not a value of account.kind
          when: { fact: 'account.kind', is: 'twitter' },
          outcome: 'permitted',
          reason: 'r',
        },
      ],
    });
  });

  it('rejects a fact name the vocabulary does not have', () => {
    definePolicy({
      ...base,
      rules: [
        {
          id: 'a',
          // @ts-expect-error "account.type" is not a fact (custom facts start "custom.")
          when: { fact: 'account.type', is: 'personal' },
          outcome: 'permitted',
          reason: 'r',
        },
      ],
    });
  });

  it('rejects a boolean given to an enum fact', () => {
    definePolicy({
      ...base,
      rules: [
        {
          id: 'a',
          // @ts-expect-error account.kind takes one of its listed values, not true
          when: { fact: 'account.kind', is: true },
          outcome: 'permitted',
          reason: 'r',
        },
      ],
    });
  });

  it('rejects a string given to a boolean fact', () => {
    definePolicy({
      ...base,
      rules: [
        {
          id: 'a',
          // @ts-expect-error content.hasConsent is true or false
          when: { fact: 'content.hasConsent', is: 'yes' },
          outcome: 'permitted',
          reason: 'r',
        },
      ],
    });
  });

  it('rejects a value the fact does not have inside a nested list', () => {
    definePolicy({
      ...base,
      rules: [
        {
          id: 'a',
          // @ts-expect-error account.kind has no value "facebook"
          when: { all: [{ not: { fact: 'account.kind', in: ['personal', 'facebook'] } }] },
          outcome: 'permitted',
          reason: 'r',
        },
      ],
    });
  });

  it('rejects an outcome that does not exist', () => {
    definePolicy({
      ...base,
      rules: [
        {
          id: 'a',
          when: { fact: 'content.hasConsent', is: true },
          // @ts-expect-error "forbidden" is not an outcome
          outcome: 'forbidden',
          reason: 'r',
        },
      ],
    });
  });

  it('types a rule condition as the vocabulary-aware Condition', () => {
    expectTypeOf<Policy['rules'][number]['when']>().toEqualTypeOf<Condition>();
    expectTypeOf<Extract<Condition, { fact: 'account.kind'; is: unknown }>['is']>().toEqualTypeOf<
      'organisational' | 'personal-named' | 'personal' | 'pseudonymous'
    >();
  });

  it('accepts a rule that is advice with a consequence, and a policy that names its jurisdictions', () => {
    definePolicy({
      ...base,
      jurisdictions: ['uk', 'us'],
      rules: [
        {
          id: 'a',
          when: { fact: 'actor.workJurisdiction', is: 'us' },
          outcome: 'not-permitted',
          strength: 'should',
          consequence: 'informal-conversation',
          reason: 'r',
        },
      ],
    });
  });

  it('rejects a strength that is neither must nor should, and a jurisdiction it does not know', () => {
    definePolicy({
      ...base,
      // @ts-expect-error "england" is not a jurisdiction
      jurisdictions: ['england'],
      rules: [
        {
          id: 'a',
          when: { fact: 'actor.capacity', is: 'personal' },
          outcome: 'permitted',
          // @ts-expect-error "may" is not a rule strength
          strength: 'may',
          reason: 'r',
        },
      ],
    });
  });

  it('accepts set tests with members of the set fact, negated through not', () => {
    definePolicy({
      ...base,
      rules: [
        {
          id: 'pay',
          when: {
            all: [
              { fact: 'content.topics', includesAll: ['employer', 'pay-and-conditions'] },
              { not: { fact: 'content.topics', includesAny: ['party-politics', 'clients'] } },
              { fact: 'content.topics', includes: 'union-activity' },
            ],
          },
          outcome: 'permitted',
          reason: 'r',
        },
      ],
    });
    expectTypeOf<
      Extract<Condition, { fact: 'content.topics'; includes: unknown }>['includes']
    >().toEqualTypeOf<
      | 'employer'
      | 'pay-and-conditions'
      | 'colleagues'
      | 'clients'
      | 'partners-and-funders'
      | 'party-politics'
      | 'union-activity'
      | 'legal-matters'
      | 'finances'
      | 'personal-life'
    >();
  });

  it('rejects a member the set fact does not have', () => {
    definePolicy({
      ...base,
      rules: [
        {
          id: 'a',
          // @ts-expect-error "politics" is not a member of content.topics (it is "party-politics")
          when: { fact: 'content.topics', includesAny: ['employer', 'politics'] },
          outcome: 'permitted',
          reason: 'r',
        },
      ],
    });
  });

  it('rejects a one-value operator on a set fact and a set operator on a one-value fact', () => {
    definePolicy({
      ...base,
      rules: [
        {
          id: 'a',
          // @ts-expect-error content.topics is a set: it is tested with includes, not is
          when: { fact: 'content.topics', is: 'employer' },
          outcome: 'permitted',
          reason: 'r',
        },
        {
          id: 'b',
          // @ts-expect-error account.kind takes one value: it has no includes
          when: { fact: 'account.kind', includes: 'personal' },
          outcome: 'permitted',
          reason: 'r',
        },
      ],
    });
  });
});

describe('definePolicy types doubt rules as it types conditions', () => {
  const rules = [
    { id: 'a', when: { fact: 'content.identifiesClient', is: true }, outcome: 'not-permitted', reason: 'r' },
  ] satisfies PolicyDefinition['rules'];

  it('accepts an assumed value the fact takes, and strictest or a named outcome for any fact, set facts too', () => {
    definePolicy({
      ...base,
      rules,
      doubt: {
        default: { resolve: 'strictest', reason: 'If in doubt, leave it out.' },
        facts: [
          { fact: 'content.identifiesClient', resolve: 'assume', value: true, reason: 'Assume it could.' },
          {
            fact: 'account.kind',
            resolve: 'assume',
            value: 'personal-named',
            reason: 'Assume it names you.',
          },
          { fact: 'content.topics', resolve: 'strictest', reason: 'r' },
          { fact: 'custom.phase', resolve: 'assume', value: 'live', reason: 'r' },
        ],
      },
    });
  });

  it('rejects an assumed value the fact does not take, a fact the vocabulary lacks, and assuming a set', () => {
    definePolicy({
      ...base,
      rules,
      doubt: {
        facts: [
          // @ts-expect-error account.kind has no value "twitter"
          { fact: 'account.kind', resolve: 'assume', value: 'twitter', reason: 'r' },
          // @ts-expect-error content.identifiesClient is true or false
          { fact: 'content.identifiesClient', resolve: 'assume', value: 'yes', reason: 'r' },
          // @ts-expect-error "account.type" is not a fact
          { fact: 'account.type', resolve: 'strictest', reason: 'r' },
          // @ts-expect-error a set fact has no one value to assume
          { fact: 'content.topics', resolve: 'assume', value: 'employer', reason: 'r' },
        ],
      },
    });
  });
});
