import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flagshipPolicy } from '../testing/support/flagship.js';
import { unfrozen } from '../testing/support/unfrozen.js';
import { compilePolicy } from '../evaluate/compile-policy.js';
import { evaluate } from '../evaluate/evaluate.js';
import { OUTCOMES } from '../model/outcome.js';
import { parsePolicy } from '../parse/parse-policy.js';
import type { Scenario } from '../parse/scenario.js';
import { arbitraryPolicy } from '../testing/arbitrary-policy.js';
import { compileAlternately } from '../testing/support/engine-paths.js';
import { everyScenario } from '../testing/support/every-scenario.js';
import { holds, referenceDecide, referenceDuties } from '../testing/support/reference-evaluator.js';
import { validPolicyJson } from '../testing/support/valid-policy.js';
import { InvalidDistributionError } from './fact-distribution.js';
import { METRIC_FACTS, policyMetrics, WORK_RELATED_INCIDENT } from './policy-metrics.js';
import { runs } from '../../../../test/support/property-runs.js';

const small = { maxRules: 5, maxValuesPerFact: 3, maxDuties: 2 };

const parsed = parsePolicy(validPolicyJson());
if (!parsed.ok) throw new Error('the base policy of the metrics tests must be valid');
const compiled = compilePolicy(parsed.policy);

describe('policyMetrics', () => {
  it('rejects a distribution naming an unknown fact or value, or unusable weights, with a path', () => {
    const bad = () =>
      policyMetrics(compiled, {
        distribution: { 'account.knid': { personal: 1 }, 'context.time': { weekend: 1, 'own-time': -1 } },
      });
    expect(bad).toThrow(InvalidDistributionError);
    try {
      bad();
    } catch (error) {
      expect((error as InvalidDistributionError).issues.map((i) => [i.path, i.code])).toEqual([
        [['account.knid'], 'unknown-fact'],
        [['context.time', 'weekend'], 'invalid-fact-value'],
        [['context.time', 'own-time'], 'invalid-value'],
      ]);
    }
  });
});

describe('policyMetrics agrees with brute-force enumeration of every complete scenario', () => {
  it('measures outcome shares and private-life reach as brute-force counting does', () => {
    fc.assert(
      fc.property(arbitraryPolicy(small), (p) => {
        const compiled = compileAlternately(p);
        const metrics = policyMetrics(compiled);
        const facts = [...new Set([...compiled.factsInPlay, 'account.kind', 'context.time'])];
        const scenarios = everyScenario(facts);
        const outcomes = scenarios.map((s) => evaluate(compiled, s, { trusted: true }).outcome);
        for (const outcome of OUTCOMES)
          expect(metrics.outcomeShares[outcome]).toBeCloseTo(
            outcomes.filter((o) => o === outcome).length / scenarios.length,
            10,
          );
        const privateLife = scenarios
          .map((s, i) => [s, outcomes[i]] as const)
          .filter(
            ([s]) =>
              (s['account.kind'] === 'personal' || s['account.kind'] === 'pseudonymous') &&
              s['context.time'] === 'own-time',
          );
        const governed = privateLife.filter(([, o]) => o !== 'out-of-scope').length;
        expect(metrics.privateLifeReach).toBeCloseTo(governed / privateLife.length, 10);
      }),
      { numRuns: runs(40) },
    );
  });

  it('measures the default share and the support for work-related incidents as brute-force counting does', () => {
    fc.assert(
      fc.property(arbitraryPolicy(small), (p) => {
        const metrics = policyMetrics(compileAlternately(p));
        const facts = [...new Set([...compilePolicy(p).factsInPlay, ...METRIC_FACTS])];
        const scenarios = everyScenario(facts);
        const byDefault = scenarios.filter((s) => referenceDecide(p, s).deciders[0] === null);
        expect(metrics.defaultShare).toBeCloseTo(byDefault.length / scenarios.length, 10);
        const incidents = scenarios.filter((s) => holds(WORK_RELATED_INCIDENT, s));
        const actionOf = new Map((p.duties ?? []).map((d) => [d.id, d.action]));
        const owed = (s: Scenario) => referenceDuties(p, s);
        // Every duty owed in some work-related incident, by action: its share of the incidents it covers.
        const reaching = new Set(incidents.flatMap(owed));
        const actions = new Set([...reaching].map((id) => actionOf.get(id)!));
        expect(new Set(metrics.support.map((e) => e.action))).toEqual(actions);
        for (const entry of metrics.support) {
          expect(entry.dutyIds).toEqual(
            (p.duties ?? []).filter((d) => reaching.has(d.id) && d.action === entry.action).map((d) => d.id),
          );
          const covered = incidents.filter((s) => owed(s).some((id) => actionOf.get(id) === entry.action));
          expect(entry.coverage).toBeCloseTo(covered.length / incidents.length, 10);
        }
      }),
      { numRuns: runs(30) },
    );
  });
});

describe('policyMetrics’ figures', () => {
  it('are frozen all the way down', () => {
    expect(unfrozen(policyMetrics(flagshipPolicy))).toEqual([]);
  });
});
