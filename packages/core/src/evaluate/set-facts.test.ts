import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CompiledPolicy,
  compilePolicy,
  evaluate,
  type Policy,
  relevantFacts,
  type Scenario,
} from '../index.js';
import { arbitraryPolicy, arbitraryScenario, completionsOf } from '../testing.js';
import { PARTIAL_ENGINE_PATHS } from '../testing/support/engine-paths.js';
import { referenceDecide, referenceDuties } from '../testing/support/reference-evaluator.js';
import { topicsPolicy } from '../testing/support/topics-policy.js';

// A set fact (three members drawn, so eight sets) beside two ordinary facts: small enough to enumerate every
// completion of every partial scenario.
const FACTS = ['content.topics', 'account.kind', 'content.hasConsent'];
const RUNS = { numRuns: 60 };

const arbitraryCase = arbitraryPolicy({ facts: FACTS, maxRules: 6, maxValuesPerFact: 3 }).chain((policy) =>
  arbitraryScenario(compilePolicy(policy)).map((partial) => ({ policy, partial })),
);

/** What a complete scenario's decision says beside its duties, by the reference: outcome, conditions, reviewers. */
const effectOf = (policy: Policy, scenario: Scenario): string => {
  const { outcome, conditions, reviewers } = referenceDecide(policy, scenario);
  return JSON.stringify([outcome, [...conditions].sort(), [...reviewers].sort()]);
};

/**
 * By brute force over whole completions: the facts the scenario leaves out (a set fact as one fact) for which two
 * completions that differ only in that fact get different effects.
 */
function neededByBruteForce(compiled: CompiledPolicy, policy: Policy, partial: Scenario): string[] {
  const completions = completionsOf(compiled, partial);
  const facts = [...new Set(completions.flatMap((c) => Object.keys(c)))].filter((f) => !(f in partial));
  const valuesOf = (fact: string) => {
    const seen = new Map<string, unknown>();
    for (const c of completions)
      seen.set(JSON.stringify(c[fact as keyof Scenario]), c[fact as keyof Scenario]);
    return [...seen.values()];
  };
  const needed = facts.filter((fact) =>
    completions.some((c) =>
      valuesOf(fact).some(
        (value) => effectOf(policy, c) !== effectOf(policy, { ...c, [fact]: value } as Scenario),
      ),
    ),
  );
  return [...compiled.vocabulary.facts.keys()].filter((f) => needed.includes(f));
}

describe.each(PARTIAL_ENGINE_PATHS)('set-valued facts ($name)', ({ compile }) => {
  it('decides complete scenarios as the reference evaluator does, duties included', () => {
    fc.assert(
      fc.property(arbitraryCase, ({ policy }) => {
        const compiled = compile(policy);
        for (const complete of completionsOf(compiled, {}).slice(0, 64)) {
          const decision = evaluate(compiled, complete);
          const reference = referenceDecide(policy, complete);
          expect(decision.outcome).toBe(reference.outcome);
          expect(decision.decidedBy.map((d) => d.ruleId)).toEqual(
            reference.deciders.map((r) => (r === null ? null : r.id)),
          );
          expect(decision.duties.map((d) => d.dutyId)).toEqual(referenceDuties(policy, complete));
        }
      }),
      RUNS,
    );
  });

  it('is exact on partial scenarios: the outcomes every completion reaches, and exactly the facts needed', () => {
    fc.assert(
      fc.property(arbitraryCase, ({ policy, partial }) => {
        const compiled = compile(policy);
        const decision = evaluate(compiled, partial);
        const completions = completionsOf(compiled, partial);
        const outcomes = new Set(completions.map((c) => referenceDecide(policy, c).outcome));
        expect(new Set(decision.possibleOutcomes)).toEqual(outcomes);
        expect(decision.outcome === 'undetermined').toBe(outcomes.size > 1);
        expect(decision.neededFacts).toEqual(neededByBruteForce(compiled, policy, partial));
        // The planner's relevant facts are the same facts, a set fact named once.
        expect(relevantFacts(compiled, partial)).toEqual(decision.neededFacts);
      }),
      RUNS,
    );
  });

  it('settles an undetermined duty only when every completion agrees', () => {
    fc.assert(
      fc.property(arbitraryCase, ({ policy, partial }) => {
        const compiled = compile(policy);
        const decision = evaluate(compiled, partial);
        const owed = completionsOf(compiled, partial).map((c) => referenceDuties(policy, c));
        for (const duty of policy.duties ?? []) {
          const everywhere = owed.every((ids) => ids.includes(duty.id));
          const nowhere = owed.every((ids) => !ids.includes(duty.id));
          expect(decision.duties.some((d) => d.dutyId === duty.id)).toBe(everywhere);
          expect(decision.undeterminedDuties.some((d) => d.dutyId === duty.id)).toBe(!everywhere && !nowhere);
        }
      }),
      RUNS,
    );
  });
});

describe('set-valued facts in a scenario', () => {
  it('is undetermined while the set is unknown, and settled once it is given', () => {
    const compiled = compilePolicy(topicsPolicy());
    const unknown = evaluate(compiled, {});
    expect(unknown.outcome).toBe('undetermined');
    expect(unknown.neededFacts).toEqual(['content.topics']);
    const about = evaluate(compiled, {
      'content.topics': ['pay-and-conditions', 'employer', 'party-politics'],
    });
    expect(about.outcome).toBe('permitted-with-conditions');
    expect(evaluate(compiled, { 'content.topics': ['party-politics'] }).outcome).toBe('permitted');
    expect(evaluate(compiled, { 'content.topics': [] }).decidedBy[0]!.ruleId).toBe('not-politics');
  });

  it('never changes or freezes the caller’s array, even in a trace', () => {
    const compiled = compilePolicy(topicsPolicy());
    const topics = ['employer', 'pay-and-conditions'] as const;
    const scenario = { 'content.topics': [...topics] } as Scenario;
    const decision = evaluate(compiled, scenario, { trace: true });
    expect(decision.trace![0]!.tests[0]).toMatchObject({
      fact: 'content.topics',
      operator: 'includesAll',
      actual: ['employer', 'pay-and-conditions'],
      result: 'true',
    });
    expect(Object.isFrozen(scenario['content.topics'])).toBe(false);
    expect(scenario['content.topics']).toEqual([...topics]);
  });

  it('never reads a membership dimension the caller sets, only the set it gives', () => {
    const compiled = compilePolicy(topicsPolicy());
    const sneaky = {
      'content.topics[employer]': true,
      'content.topics[pay-and-conditions]': true,
    } as Scenario;
    expect(evaluate(compiled, sneaky, { trusted: true }).outcome).toBe('undetermined');
  });
});
