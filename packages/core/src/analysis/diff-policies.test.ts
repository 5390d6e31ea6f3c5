import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../evaluate/compile-policy.js';
import { evaluate } from '../evaluate/evaluate.js';
import type { Policy } from '../model/policy.js';
import { parsePolicySource } from '../parse/parse-policy-source.js';
import type { Scenario } from '../parse/scenario.js';
import { arbitraryPolicy } from '../testing/arbitrary-policy.js';
import type { FactValue } from '../vocabulary/fact-types.js';
import { factDomain, standardVocabulary } from '../vocabulary/resolve-vocabulary.js';
import { diffPolicies } from './diff-policies.js';
import { runs } from '../../../../test/support/property-runs.js';

const root = join(import.meta.dirname, '..', '..', '..', '..');
function load(path: string): Policy {
  const parsed = parsePolicySource(readFileSync(join(root, path), 'utf8'));
  if (!parsed.ok) throw new Error(`${path}: ${parsed.issues.map((i) => i.message).join('; ')}`);
  return parsed.policy;
}
const v1 = load('examples/policies/000_staff-union-alternative.yaml');
const v2 = load('examples/versions/000_staff-union-alternative.v2.yaml');

describe('diffPolicies on a support cut (examples/versions)', () => {
  const diff = diffPolicies(v1, v2);
  const change = (action: string) => diff.comparison.support.find((c) => c.action === action);

  it('reports weaker support, and no change in decisions', () => {
    expect(diff.meaningChanged).toBe(true);
    expect(diff.verdicts).toEqual({ decisions: 'same', support: 'weaker', commitments: 'same' });
    expect(diff.themes).toEqual([]);
  });

  it('reports the longer deadline as weaker', () => {
    expect(change('receive-report')?.changes).toEqual([
      { aspect: 'deadline', from: 'PT4H', to: 'PT24H', direction: 'weaker' },
    ]);
  });

  it('reports the dropped duty as support removed', () => {
    expect(change('risk-assessment')).toMatchObject({
      b: null,
      verdict: 'weaker',
      changes: [{ aspect: 'presence', direction: 'weaker' }],
    });
    expect(diff.text).toContainEqual(
      expect.objectContaining({ subject: 'duty', id: 'risk-assessment', field: 'presence', to: null }),
    );
  });

  it('reports a duty moved onto the person targeted as weaker', () => {
    expect(change('report-to-platforms')?.changes).toEqual([
      { aspect: 'holder', from: 'the comms team', to: 'you yourself', direction: 'weaker' },
    ]);
  });

  it('reports the changed reason, and the changed duty text and reason', () => {
    expect(diff.text).toContainEqual({
      subject: 'rule',
      id: 'union-activity',
      field: 'reason',
      from: 'Lawful union activity is protected, in work time as well as your own.',
      to: 'Lawful union activity is protected in your own time; at work, ask your line manager first.',
    });
    expect(diff.text).toContainEqual(
      expect.objectContaining({ subject: 'duty', id: 'safety-lead-receives-report', field: 'text' }),
    );
  });

  it('reads the same change backwards as stronger support', () => {
    const back = diffPolicies(v2, v1);
    expect(back.verdicts.support).toBe('stronger');
  });
});

describe('diffPolicies when nothing changes in meaning', () => {
  it('reports no change at all for identical policies', () => {
    const diff = diffPolicies(v1, v1);
    expect(diff.meaningChanged).toBe(false);
    expect(diff.text).toEqual([]);
    expect(diff.comparison.differences).toEqual([]);
    expect(diff.comparison.support).toEqual([]);
  });

  it('reports no change in meaning when rules, duties and commitments are reordered without changing a decision', () => {
    // The flagship is first-match: swap two rules that never both match (confidentiality and harassment of
    // colleagues; union activity and personal accounts at work), so that no decision changes.
    const byId = (id: string) => v1.rules.find((r) => r.id === id)!;
    const order = [
      'replying-while-targeted',
      'no-harassing-colleagues',
      'groups-we-support-stay-confidential',
      'speaking-as-yourself',
      'own-time-is-your-own',
      'personal-accounts-at-work',
      'union-activity',
      'organisation-accounts-public-information',
      'organisation-accounts-new-content',
    ];
    expect([...order].sort()).toEqual(v1.rules.map((r) => r.id).sort());
    const reordered: Policy = {
      ...v1,
      rules: order.map(byId),
      duties: [...(v1.duties ?? [])].reverse(),
      commitments: [...(v1.commitments ?? [])].reverse(),
    };
    const diff = diffPolicies(v1, reordered);
    expect(diff.meaningChanged).toBe(false);
    expect(diff.text).toEqual([]);
    // A swap that does change decisions is a change in meaning.
    const swapped: Policy = { ...v1, rules: [v1.rules[1]!, v1.rules[0]!, ...v1.rules.slice(2)] };
    expect(diffPolicies(v1, swapped).meaningChanged).toBe(true);
  });

  it('reports a change in meaning exactly when some scenario is decided differently (reordered generated policies)', () => {
    const small = { maxRules: 5, maxValuesPerFact: 3, maxDuties: 2 };
    fc.assert(
      fc.property(arbitraryPolicy(small), fc.infiniteStream(fc.nat()), (policy, random) => {
        const order = policy.rules.map((r, i) => ({ r, k: random.next().value as number, i }));
        order.sort((x, y) => x.k - y.k || x.i - y.i);
        const reordered: Policy = {
          ...policy,
          rules: order.map((o) => o.r),
          duties: [...(policy.duties ?? [])].reverse(),
        };
        const a = compilePolicy(policy);
        const b = compilePolicy(reordered);
        let scenarios: Record<string, FactValue>[] = [{}];
        for (const fact of a.factsInPlay) {
          const domain = factDomain(standardVocabulary.facts.get(fact)!);
          scenarios = scenarios.flatMap((s) => domain.map((v) => ({ ...s, [fact]: v })));
        }
        const changes = scenarios.some(
          (s) =>
            evaluate(a, s as Scenario, { trusted: true }).outcome !==
            evaluate(b, s as Scenario, { trusted: true }).outcome,
        );
        const diff = diffPolicies(a, b, { distribution: {} });
        expect(diff.meaningChanged).toBe(changes);
        expect(diff.text).toEqual([]);
      }),
      { numRuns: runs(40) },
    );
  });
});

describe('diffPolicies on what “not sure” means', () => {
  const guidance = load('examples/policies/government-department-guidance.yaml');
  const withDoubt = (doubt: NonNullable<Policy['doubt']>): Policy => ({ ...guidance, doubt });
  const doubt = guidance.doubt!;

  it('reports a doubt rule resolved differently, added or removed as a change in meaning, by fact', () => {
    const changed = withDoubt({
      default: { resolve: 'strictest', reason: 'If in doubt, do not post.' },
      facts: [
        { fact: 'account.kind', resolve: 'assume', value: 'organisational', reason: 'Assume it is ours.' },
      ],
    });
    const diff = diffPolicies(guidance, changed);
    expect(diff.meaningChanged).toBe(true);
    expect(diff.comparison.differences).toEqual([]);
    expect(diff.doubt.map((d) => [d.fact, d.from?.resolve ?? null, d.to?.resolve ?? null])).toEqual([
      [null, 'outcome', 'strictest'],
      ['account.kind', null, 'assume'],
      ['content.kind', 'strictest', null],
    ]);
  });

  it('reports no change for reworded or reordered doubt rules, nor for reviewers listed in another order', () => {
    const reworded = withDoubt({
      default: { ...doubt.default!, reason: 'Ask the press office first.' },
      facts: doubt.facts!.map((r) => ({ ...r, reason: 'Reworded.' })),
    });
    expect(diffPolicies(guidance, reworded).doubt).toEqual([]);
    expect(diffPolicies(guidance, reworded).meaningChanged).toBe(false);
    const twoReviewers = (reviewers: string[]) =>
      withDoubt({ default: { resolve: 'outcome', outcome: 'check-first', reviewers, reason: 'r' } });
    expect(
      diffPolicies(twoReviewers(['comms-team', 'line-manager']), twoReviewers(['line-manager', 'comms-team']))
        .doubt,
    ).toEqual([]);
  });
});
