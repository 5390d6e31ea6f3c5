import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePolicy, evaluate, type Policy, type Scenario, standardVocabulary } from '../index.js';
import { arbitraryCompleteScenario, arbitraryPolicy, completionsOf } from '../testing.js';
import { referenceDecide, referenceDuties } from '../testing/support/reference-evaluator.js';

// Small domains (4 × 2 × 3 × 2 × 2 = 96 complete scenarios) so every completion can be enumerated.
const FACTS = [
  'account.kind',
  'context.time',
  'incident.severity',
  'content.hasConsent',
  'actor.clientFacing',
];
const RUNS = { numRuns: 250 };

interface Case {
  readonly policy: Policy;
  readonly partial: Scenario;
  readonly more: Scenario;
}

/**
 * A compiled policy, a partial scenario, and a scenario that knows at least as much: both are cut from one complete
 * scenario, so `more` only adds facts to `partial`.
 */
const arbitraryCase: fc.Arbitrary<Case> = fc
  .tuple(
    arbitraryPolicy({ facts: FACTS, maxRules: 6 }),
    arbitraryCompleteScenario(standardVocabulary, FACTS),
    fc.array(fc.constantFrom('unknown', 'known-later', 'known'), {
      minLength: FACTS.length,
      maxLength: FACTS.length,
    }),
  )
  .map(([policy, complete, knowledge]) => {
    const keep = (levels: string[]) =>
      Object.fromEntries(
        Object.entries(complete).filter((_, i) => levels.includes(knowledge[i]!)),
      ) as Scenario;
    return { policy, partial: keep(['known']), more: keep(['known', 'known-later']) };
  });

const missingFrom = (scenario: Scenario) => (fact: string) => !(fact in scenario);

describe('partial knowledge', () => {
  it('never changes a determined outcome when facts are added', () => {
    fc.assert(
      fc.property(arbitraryCase, ({ policy, partial, more }) => {
        const compiled = compilePolicy(policy);
        const before = evaluate(compiled, partial);
        fc.pre(before.outcome !== 'undetermined');
        expect(evaluate(compiled, more).outcome).toBe(before.outcome);
      }),
      RUNS,
    );
  });

  it('gives a determined outcome only when every completion gets that outcome', () => {
    fc.assert(
      fc.property(arbitraryCase, ({ policy, partial }) => {
        const compiled = compilePolicy(policy);
        const decision = evaluate(compiled, partial);
        const outcomes = new Set(
          completionsOf(compiled, partial).map((c) => referenceDecide(policy, c).outcome),
        );
        if (decision.outcome === 'undetermined') expect(outcomes.size).toBeGreaterThanOrEqual(2);
        else expect([...outcomes]).toEqual([decision.outcome]);
      }),
      RUNS,
    );
  });

  it('lists as possible outcomes exactly the outcomes of the completions', () => {
    fc.assert(
      fc.property(arbitraryCase, ({ policy, partial }) => {
        const compiled = compilePolicy(policy);
        const decision = evaluate(compiled, partial);
        const outcomes = new Set(
          completionsOf(compiled, partial).map((c) => referenceDecide(policy, c).outcome),
        );
        expect(new Set(decision.possibleOutcomes)).toEqual(outcomes);
      }),
      RUNS,
    );
  });

  it('names as deciding exactly the rules that decide some completion', () => {
    fc.assert(
      fc.property(arbitraryCase, ({ policy, partial }) => {
        const compiled = compilePolicy(policy);
        const decision = evaluate(compiled, partial);
        const deciders = new Set(
          completionsOf(compiled, partial).flatMap((c) =>
            referenceDecide(policy, c).deciders.map((r) => r?.id ?? null),
          ),
        );
        expect(new Set(decision.decidedBy.map((d) => d.ruleId))).toEqual(deciders);
      }),
      RUNS,
    );
  });

  it('asks only for facts the scenario leaves out, and for some when undetermined', () => {
    fc.assert(
      fc.property(arbitraryCase, ({ policy, partial }) => {
        const compiled = compilePolicy(policy);
        const decision = evaluate(compiled, partial);
        expect(decision.neededFacts.every(missingFrom(partial))).toBe(true);
        expect(decision.neededFacts.length > 0).toBe(decision.outcome === 'undetermined');
      }),
      RUNS,
    );
  });

  it('triggers a duty only when every completion triggers it, and leaves undetermined exactly the rest that some do', () => {
    fc.assert(
      fc.property(arbitraryCase, ({ policy, partial }) => {
        const compiled = compilePolicy(policy);
        const decision = evaluate(compiled, partial);
        const completions = completionsOf(compiled, partial).map((c) => referenceDuties(policy, c));
        const triggeredIn = (id: string) => completions.filter((duties) => duties.includes(id)).length;
        const all = (policy.duties ?? []).map((d) => d.id);
        expect(decision.duties.map((d) => d.dutyId)).toEqual(
          all.filter((id) => triggeredIn(id) === completions.length),
        );
        expect(decision.undeterminedDuties.map((d) => d.dutyId)).toEqual(
          all.filter((id) => triggeredIn(id) > 0 && triggeredIn(id) < completions.length),
        );
        for (const duty of decision.undeterminedDuties) {
          expect(duty.neededFacts.length).toBeGreaterThan(0);
          expect(duty.neededFacts.every(missingFrom(partial))).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('never changes a triggered duty when facts are added', () => {
    fc.assert(
      fc.property(arbitraryCase, ({ policy, partial, more }) => {
        const compiled = compilePolicy(policy);
        const before = evaluate(compiled, partial).duties.map((d) => d.dutyId);
        const after = evaluate(compiled, more).duties.map((d) => d.dutyId);
        expect(after).toEqual(expect.arrayContaining(before));
      }),
      RUNS,
    );
  });
});
