import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flagshipPolicy } from '../testing/support/flagship.js';
import { unfrozen } from '../testing/support/unfrozen.js';
import { type CompiledPolicy, compileCondition, compilePolicy, TRUE } from '../evaluate/compile-policy.js';
import { evaluate } from '../evaluate/evaluate.js';
import { compileAlternately } from '../testing/support/engine-paths.js';
import { outcomeStrictness } from '../model/outcome.js';
import { parsePolicy } from '../parse/parse-policy.js';
import type { Policy } from '../model/policy.js';
import { arbitraryPolicy } from '../testing/arbitrary-policy.js';
import { everyScenario } from '../testing/support/every-scenario.js';
import { topicsPolicy } from '../testing/support/topics-policy.js';
import { comparePolicies } from './compare-policies.js';
import { runs } from '../../../../test/support/property-runs.js';

const base = {
  schemaVersion: '1.0.0',
  organisation: 'Test',
  language: 'en-GB',
  vocabulary: 'social-media/1',
  resolution: 'first-match',
} as const;

function policy(extra: Record<string, unknown>): Policy {
  const result = parsePolicy({ ...base, ...extra });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.policy;
}

const current = policy({
  id: 'current',
  title: 'Current',
  version: '1',
  default: { outcome: 'check-first', reviewers: ['comms-team'], reason: 'Ask when unsure.' },
  rules: [
    {
      id: 'own-time',
      when: {
        all: [
          { fact: 'account.kind', in: ['personal', 'pseudonymous'] },
          { fact: 'context.time', is: 'own-time' },
        ],
      },
      outcome: 'out-of-scope',
      reason: 'Your own time is yours.',
    },
  ],
  duties: [
    {
      id: 'report',
      when: {
        all: [
          { fact: 'incident.kind', isNot: 'none' },
          { fact: 'incident.workRelated', is: true },
        ],
      },
      action: 'receive-report',
      holder: 'safety-lead',
      modality: 'must',
      deadline: 'PT24H',
      reason: 'Someone owns it.',
    },
  ],
  commitments: [{ id: 'no-passwords', commitment: 'no-password-requests' }],
});

const proposed = policy({
  id: 'proposed',
  title: 'Proposed',
  version: '2',
  default: { outcome: 'check-first', reviewers: ['comms-team'], reason: 'Ask when unsure.' },
  rules: [
    {
      id: 'never-on-personal',
      when: { fact: 'account.kind', is: 'personal' },
      outcome: 'not-permitted',
      reason: 'Do not post about work anywhere.',
    },
  ],
  duties: [
    {
      id: 'report',
      when: { fact: 'incident.kind', in: ['doxxing'] },
      action: 'receive-report',
      holder: 'safety-lead',
      modality: 'should',
      reason: 'Someone owns it.',
    },
  ],
  commitments: [{ id: 'no-ban', commitment: 'no-ban-on-access' }],
});

describe('comparePolicies on two versions of a policy', () => {
  const diff = comparePolicies(current, proposed);

  it('lists every region that changes, with both outcomes and reasons, and a witness each policy reproduces', () => {
    expect(diff.differences.map((d) => [d.region, d.a.outcome, d.b.outcome, d.verdict])).toEqual([
      ['account is personal account and time is own time', 'out-of-scope', 'not-permitted', 'stricter'],
      ['account is pseudonymous account and time is own time', 'out-of-scope', 'check-first', 'stricter'],
      ['account is personal account and time is work time', 'check-first', 'not-permitted', 'stricter'],
    ]);
    for (const d of diff.differences) {
      expect(evaluate(compilePolicy(current), d.witness).outcome).toBe(d.a.outcome);
      expect(evaluate(compilePolicy(proposed), d.witness).outcome).toBe(d.b.outcome);
    }
    expect(diff.differences[0]!.a.reason).toBe('Your own time is yours.');
    expect(diff.differences[1]!.b).toEqual({
      outcome: 'check-first',
      ruleId: null,
      reason: 'Ask when unsure.',
    });
  });

  it('gives the overall verdict and the shares that become stricter', () => {
    expect(diff.verdict).toBe('stricter');
    expect(diff.stricterShare).toBe(3 / 8);
    expect(diff.looserShare).toBe(0);
    expect(comparePolicies(proposed, current).verdict).toBe('looser');
    expect(comparePolicies(current, current).verdict).toBe('same');
  });

  it('reports changed support and commitments', () => {
    expect(diff.support.map((s) => [s.action, s.a?.modality, s.b?.modality, s.b?.coverage])).toEqual([
      ['receive-report', 'must', 'should', 1 / 7],
    ]);
    expect(diff.commitments).toEqual({ added: ['no-ban-on-access'], removed: ['no-password-requests'] });
  });

  it('measures private-life reach: none for the current policy, all of it for the proposed one', () => {
    expect(diff.metrics.a.privateLifeReach).toBe(0);
    expect(diff.metrics.b.privateLifeReach).toBe(1);
  });

  it('weights shares by a distribution the caller gives', () => {
    const weighted = comparePolicies(current, proposed, {
      distribution: {
        'account.kind': { personal: 1, organisational: 1 },
        'context.time': { 'own-time': 3, 'work-time': 1 },
      },
    });
    // Only personal accounts weigh anything of the stricter region: 1/2 of accounts, all of the time.
    expect(weighted.stricterShare).toBeCloseTo(1 / 2);
    expect(weighted.metrics.a.outcomeShares['out-of-scope']).toBeCloseTo((1 / 2) * (3 / 4));
  });
});

const small = { maxRules: 5, maxValuesPerFact: 3, maxDuties: 2 };
const union = (a: CompiledPolicy, b: CompiledPolicy) => [...new Set([...a.factsInPlay, ...b.factsInPlay])];

describe('comparePolicies agrees with brute-force enumeration of every complete scenario', () => {
  it('finds exactly the scenarios whose outcomes differ, with both outcomes and the right verdicts', () => {
    fc.assert(
      fc.property(arbitraryPolicy(small), arbitraryPolicy(small), (pa, pb) => {
        const a = compileAlternately(pa);
        const b = compileAlternately(pb);
        const diff = comparePolicies(a, b);
        const tests = diff.differences.map((d) => compileCondition(d.when, a.vocabulary).test);
        let stricter = 0;
        let looser = 0;
        const scenarios = everyScenario(union(a, b));
        for (const s of scenarios) {
          const oa = evaluate(a, s, { trusted: true }).outcome;
          const ob = evaluate(b, s, { trusted: true }).outcome;
          const inside = diff.differences.filter((_, i) => tests[i]!(s) === TRUE);
          expect(inside.length).toBe(oa === ob ? 0 : 1);
          if (oa === ob) continue;
          expect([inside[0]!.a.outcome, inside[0]!.b.outcome]).toEqual([oa, ob]);
          if (outcomeStrictness(ob as never) > outcomeStrictness(oa as never)) stricter++;
          else looser++;
        }
        expect(diff.stricterShare).toBeCloseTo(stricter / scenarios.length, 10);
        expect(diff.looserShare).toBeCloseTo(looser / scenarios.length, 10);
        const verdict =
          stricter && looser ? 'incomparable' : stricter ? 'stricter' : looser ? 'looser' : 'same';
        expect(diff.verdict).toBe(verdict);
        for (const d of diff.differences) {
          expect(evaluate(a, d.witness).outcome).toBe(d.a.outcome);
          expect(evaluate(b, d.witness).outcome).toBe(d.b.outcome);
        }
      }),
      { numRuns: runs(40) },
    );
  });
});

describe('set facts in comparison', () => {
  it('finds where "every member" and "some member" differ, with witnesses given as sets and exact conditions', () => {
    const a = topicsPolicy();
    const b: Policy = {
      ...a,
      id: 'topics-any',
      rules: a.rules.map((rule) =>
        rule.id === 'pay-and-employer'
          ? { ...rule, when: { fact: 'content.topics', includesAny: ['employer', 'pay-and-conditions'] } }
          : rule,
      ),
    };
    const comparison = comparePolicies(a, b);
    expect(comparison.differences.length).toBeGreaterThan(0);
    const ca = compilePolicy(a);
    const cb = compilePolicy(b);
    for (const difference of comparison.differences) {
      expect(Array.isArray(difference.witness['content.topics'])).toBe(true);
      expect(evaluate(ca, difference.witness).outcome).toBe(difference.a.outcome);
      expect(evaluate(cb, difference.witness).outcome).toBe(difference.b.outcome);
      // The region as a condition holds for its witness.
      expect(compileCondition(difference.when, ca.vocabulary).test(difference.witness)).toBe(1);
      expect(difference.region).toMatch(/it is (not )?about/);
    }
  });
});

describe('comparePolicies’ result', () => {
  it('is frozen all the way down', () => {
    expect(unfrozen(comparePolicies(flagshipPolicy, flagshipPolicy))).toEqual([]);
  });
});
