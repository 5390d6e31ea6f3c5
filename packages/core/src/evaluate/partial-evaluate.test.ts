import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CompiledPolicy,
  compilePolicy,
  evaluate,
  nextQuestion,
  type Policy,
  relevantFacts,
  type Scenario,
  standardVocabulary,
} from '../index.js';
import { arbitraryCompleteScenario, arbitraryPolicy, arbitraryScenario, completionsOf } from '../testing.js';
import { PARTIAL_ENGINE_PATHS } from '../testing/support/engine-paths.js';
import { referenceDecide, referenceDuties } from '../testing/support/reference-evaluator.js';
import { runs } from '../../../../test/support/property-runs.js';
import { SMALL_FACTS } from '../testing/support/small-facts.js';

const FACTS = SMALL_FACTS;
const RUNS = { numRuns: runs(60) };

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

/**
 * By brute force: the missing facts (in vocabulary order) for which two completions that differ only in that fact
 * are told apart by `differ`.
 */
function varyingFacts(
  compiled: CompiledPolicy,
  partial: Scenario,
  differ: (a: Scenario, b: Scenario) => boolean,
): string[] {
  const completions = completionsOf(compiled, partial);
  return compiled.factsInPlay.filter(
    (fact) =>
      missingFrom(partial)(fact) &&
      completions.some((c) =>
        compiled.domains(fact).some((value) => differ(c, { ...c, [fact]: value } as Scenario)),
      ),
  );
}

const missingFrom = (scenario: Scenario) => (fact: string) => !(fact in scenario);

/** What a complete scenario's decision says beside its duties, by the reference: outcome, conditions, reviewers. */
const effectOf = (policy: Policy, scenario: Scenario): string => {
  const { outcome, conditions, reviewers } = referenceDecide(policy, scenario);
  return JSON.stringify([outcome, [...conditions].sort(), [...reviewers].sort()]);
};

describe.each(PARTIAL_ENGINE_PATHS)('partial knowledge ($name)', ({ compile }) => {
  it('never changes a determined outcome when facts are added', () => {
    fc.assert(
      fc.property(arbitraryCase, ({ policy, partial, more }) => {
        const compiled = compile(policy);
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
        const compiled = compile(policy);
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
        const compiled = compile(policy);
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
        const compiled = compile(policy);
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
        const compiled = compile(policy);
        const decision = evaluate(compiled, partial);
        expect(decision.neededFacts.every(missingFrom(partial))).toBe(true);
        if (decision.outcome === 'undetermined') expect(decision.neededFacts.length).toBeGreaterThan(0);
        // A determined outcome may still need facts: those that choose between deciders' conditions or reviewers.
        const effects = new Set(completionsOf(compiled, partial).map((c) => effectOf(policy, c)));
        expect(decision.neededFacts.length > 0).toBe(effects.size > 1);
      }),
      RUNS,
    );
  });

  it('triggers a duty only when every completion triggers it, and leaves undetermined exactly the rest that some do', () => {
    fc.assert(
      fc.property(arbitraryCase, ({ policy, partial }) => {
        const compiled = compile(policy);
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

  it('lists in neededFacts exactly the missing facts some completion changes the outcome, conditions or reviewers by varying', () => {
    fc.assert(
      fc.property(arbitraryCase, ({ policy, partial }) => {
        const compiled = compile(policy);
        const decision = evaluate(compiled, partial);
        expect(decision.neededFacts).toEqual(
          varyingFacts(compiled, partial, (a, b) => effectOf(policy, a) !== effectOf(policy, b)),
        );
      }),
      RUNS,
    );
  });

  it('lists for an undetermined duty exactly the missing facts some completion changes it by varying', () => {
    fc.assert(
      fc.property(arbitraryCase, ({ policy, partial }) => {
        const compiled = compile(policy);
        for (const duty of evaluate(compiled, partial).undeterminedDuties) {
          const owed = (s: Scenario) => referenceDuties(policy, s).includes(duty.dutyId);
          expect(duty.neededFacts).toEqual(varyingFacts(compiled, partial, (a, b) => owed(a) !== owed(b)));
        }
      }),
      RUNS,
    );
  });

  it('agrees with the question planner: neededFacts is what relevantFacts finds, and nextQuestion asks one of them', () => {
    fc.assert(
      fc.property(arbitraryCase, ({ policy, partial }) => {
        const compiled = compile(policy);
        const decision = evaluate(compiled, partial);
        expect(relevantFacts(compiled, partial, 'outcome')).toEqual(decision.neededFacts);
        const next = nextQuestion(compiled, partial, { goal: 'outcome' });
        expect(next.ok).toBe(true);
        const question = next.ok ? next.question : undefined;
        if (decision.neededFacts.length > 0) expect(decision.neededFacts).toContain(question?.fact);
        else expect(question).toBeUndefined();
      }),
      RUNS,
    );
  });

  it('never changes a triggered duty when facts are added', () => {
    fc.assert(
      fc.property(arbitraryCase, ({ policy, partial, more }) => {
        const compiled = compile(policy);
        const before = evaluate(compiled, partial).duties.map((d) => d.dutyId);
        const after = evaluate(compiled, more).duties.map((d) => d.dutyId);
        expect(after).toEqual(expect.arrayContaining(before));
      }),
      RUNS,
    );
  });
});

// A set fact (three members drawn, so eight sets) beside two ordinary facts: small enough to enumerate every
// completion of every partial scenario.
const SET_FACTS = ['content.topics', 'account.kind', 'content.hasConsent'];

const arbitrarySetCase = arbitraryPolicy({ facts: SET_FACTS, maxRules: 6, maxValuesPerFact: 3 }).chain(
  (policy) => arbitraryScenario(compilePolicy(policy)).map((partial) => ({ policy, partial })),
);

/**
 * By brute force over whole completions: the facts the scenario leaves out (a set fact as one fact) for which two
 * completions that differ only in that fact get different effects.
 */
function setNeededByBruteForce(compiled: CompiledPolicy, policy: Policy, partial: Scenario): string[] {
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
      fc.property(arbitrarySetCase, ({ policy }) => {
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
      fc.property(arbitrarySetCase, ({ policy, partial }) => {
        const compiled = compile(policy);
        const decision = evaluate(compiled, partial);
        const completions = completionsOf(compiled, partial);
        const outcomes = new Set(completions.map((c) => referenceDecide(policy, c).outcome));
        expect(new Set(decision.possibleOutcomes)).toEqual(outcomes);
        expect(decision.outcome === 'undetermined').toBe(outcomes.size > 1);
        expect(decision.neededFacts).toEqual(setNeededByBruteForce(compiled, policy, partial));
        // The planner's relevant facts are the same facts, a set fact named once.
        expect(relevantFacts(compiled, partial)).toEqual(decision.neededFacts);
      }),
      RUNS,
    );
  });

  it('settles an undetermined duty only when every completion agrees', () => {
    fc.assert(
      fc.property(arbitrarySetCase, ({ policy, partial }) => {
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
