import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Policy } from '../model/policy.js';
import { arbitraryPolicy } from '../testing/arbitrary-policy.js';
import { topicsPolicy } from '../testing/support/topics-policy.js';
import { validPolicyJson } from '../testing/support/valid-policy.js';
import { checkPolicyReferences } from './check-policy-references.js';
import { parsePolicy } from './parse-policy.js';
import { runs } from '../../../../test/support/property-runs.js';

/** The small valid policy of the tests with some parts replaced. */
const validPolicy = (parts: Record<string, unknown>): Policy =>
  ({ ...validPolicyJson(), ...parts }) as Policy;

describe('checkPolicyReferences', () => {
  it('finds nothing to report in a valid policy, custom vocabulary included', () => {
    fc.assert(
      fc.property(fc.oneof(arbitraryPolicy(), arbitraryPolicy({ everyField: true })), (policy) => {
        expect(checkPolicyReferences(policy)).toEqual([]);
      }),
      { numRuns: runs(100) },
    );
  });

  it('reports a rule id used twice and a reviewer no catalogue lists at their paths, and nothing else', () => {
    fc.assert(
      fc.property(arbitraryPolicy({ maxRules: 6 }), fc.nat(), (policy, pick) => {
        fc.pre(policy.rules.length >= 2);
        const at = 1 + (pick % (policy.rules.length - 1));
        const rules = policy.rules.map((rule, i) =>
          i === at ? { ...rule, id: policy.rules[0]!.id, reviewers: ['comms-teem'] } : rule,
        );
        const issues = checkPolicyReferences({ ...policy, rules });
        expect(issues.map((i) => [i.path.join('.'), i.code])).toEqual([
          [`rules.${at}.id`, 'duplicate-id'],
          [`rules.${at}.reviewers.0`, 'unknown-catalogue-entry'],
        ]);
        expect(issues[1]!.message).toContain('did you mean "comms-team"?');
      }),
      { numRuns: runs(100) },
    );
  });

  it('refuses doubt rules for unknown facts, twice for one fact, or assuming a value the fact cannot take', () => {
    const result = parsePolicy(
      validPolicy({
        doubt: {
          default: { resolve: 'outcome', outcome: 'check-first', reviewers: ['comms-teem'], reason: 'Ask.' },
          facts: [
            { fact: 'content.kind', resolve: 'assume', value: 'gossip', reason: 'r' },
            { fact: 'content.kind', resolve: 'strictest', reason: 'r' },
            { fact: 'content.kinds', resolve: 'strictest', reason: 'r' },
          ],
        },
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.path.join('.'), i.code])).toEqual([
      ['doubt.default.reviewers.0', 'unknown-catalogue-entry'],
      ['doubt.facts.0.value', 'invalid-fact-value'],
      ['doubt.facts.1.fact', 'duplicate-id'],
      ['doubt.facts.2.fact', 'unknown-fact'],
    ]);
  });
});

describe('set tests in a policy', () => {
  const withWhen = (when: unknown) => ({
    ...topicsPolicy(),
    rules: [{ id: 'r', when, outcome: 'permitted', reason: 'Because.' }],
  });

  it('points at an unknown member with what was expected, what was found and a likely typo', () => {
    const parsed = parsePolicy(withWhen({ fact: 'content.topics', includesAny: ['employer', 'politcs'] }));
    expect(parsed.ok).toBe(false);
    const issue = parsed.ok ? undefined : parsed.issues[0];
    expect(issue).toMatchObject({
      path: ['rules', 0, 'when', 'includesAny', 1],
      code: 'invalid-fact-value',
      received: '"politcs"',
    });
    expect(issue!.expected).toContain('party-politics');
  });

  it('refuses a one-value operator on a set fact and a set operator on a one-value fact', () => {
    const scalarOnSet = parsePolicy(withWhen({ fact: 'content.topics', is: 'employer' }));
    expect(scalarOnSet.ok || scalarOnSet.issues[0]!.path).toEqual(['rules', 0, 'when', 'is']);
    const setOnScalar = parsePolicy(withWhen({ fact: 'account.kind', includes: 'personal' }));
    expect(setOnScalar.ok || setOnScalar.issues[0]!.path).toEqual(['rules', 0, 'when', 'includes']);
  });
});
