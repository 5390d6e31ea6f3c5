import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, type Policy, resolveVocabulary, standardVocabulary } from '../index.js';
import { arbitraryCompleteScenario, arbitraryPolicy } from '../testing.js';
import { ENGINE_PATHS } from '../testing/support/engine-paths.js';
import { holds, referenceDecide, referenceDuties } from '../testing/support/reference-evaluator.js';
import { runs } from '../../../../test/support/property-runs.js';

const FACTS = ['account.kind', 'context.time', 'content.kind', 'content.hasConsent', 'actor.clientFacing'];
const RUNS = { numRuns: runs(150) };

/** A policy and a complete scenario over the facts its conditions test. */
const policyAndScenario = (resolution?: Policy['resolution']) =>
  fc.tuple(
    arbitraryPolicy({ facts: FACTS, maxValuesPerFact: 3, ...(resolution ? { resolution } : {}) }),
    arbitraryCompleteScenario(standardVocabulary, FACTS),
  );

const ids = (entries: readonly { id: string }[]) => entries.map((e) => e.id);

describe.each(ENGINE_PATHS)('resolution on complete scenarios ($name)', ({ compile }) => {
  it('gives every complete scenario exactly one outcome, never undetermined', () => {
    fc.assert(
      fc.property(policyAndScenario(), ([policy, scenario]) => {
        const decision = evaluate(compile(policy), scenario);
        expect(decision.outcome).not.toBe('undetermined');
        expect(decision.possibleOutcomes).toEqual([decision.outcome]);
        expect(decision.neededFacts).toEqual([]);
        expect(decision.undeterminedDuties).toEqual([]);
      }),
      RUNS,
    );
  });

  it('first-match decides by the first listed rule whose condition holds', () => {
    fc.assert(
      fc.property(policyAndScenario('first-match'), ([policy, scenario]) => {
        const decision = evaluate(compile(policy), scenario);
        const expected = referenceDecide(policy, scenario);
        expect(decision.outcome).toBe(expected.outcome);
        expect(decision.decidedBy.map((d) => d.ruleId)).toEqual(expected.deciders.map((r) => r?.id ?? null));
        expect(ids(decision.conditions)).toEqual(expected.conditions);
        expect(ids(decision.reviewers)).toEqual(expected.reviewers);
      }),
      RUNS,
    );
  });

  it('strictest gives the strictest matching outcome, merging the conditions and reviewers of its rules', () => {
    fc.assert(
      fc.property(policyAndScenario('strictest'), ([policy, scenario]) => {
        const decision = evaluate(compile(policy), scenario);
        const expected = referenceDecide(policy, scenario);
        expect(decision.outcome).toBe(expected.outcome);
        expect(decision.decidedBy.map((d) => d.ruleId)).toEqual(expected.deciders.map((r) => r?.id ?? null));
        expect(ids(decision.conditions)).toEqual(expected.conditions);
        expect(ids(decision.reviewers)).toEqual(expected.reviewers);
      }),
      RUNS,
    );
  });

  it('strictest ignores rule order', () => {
    const shuffled = policyAndScenario('strictest').chain(([policy, scenario]) =>
      fc
        .shuffledSubarray(policy.rules, { minLength: policy.rules.length, maxLength: policy.rules.length })
        .map((rules) => ({ policy, reordered: { ...policy, rules }, scenario })),
    );
    fc.assert(
      fc.property(shuffled, ({ policy, reordered, scenario }) => {
        const a = evaluate(compile(policy), scenario);
        const b = evaluate(compile(reordered), scenario);
        const set = (xs: readonly (string | null)[]) => new Set(xs);
        expect(b.outcome).toBe(a.outcome);
        expect(set(b.decidedBy.map((d) => d.ruleId))).toEqual(set(a.decidedBy.map((d) => d.ruleId)));
        expect(set(ids(b.conditions))).toEqual(set(ids(a.conditions)));
        expect(set(ids(b.reviewers))).toEqual(set(ids(a.reviewers)));
      }),
      RUNS,
    );
  });

  it('applies the default exactly when no rule matches', () => {
    fc.assert(
      fc.property(policyAndScenario(), ([policy, scenario]) => {
        const decision = evaluate(compile(policy), scenario);
        const noRuleMatches = policy.rules.every((rule) => !holds(rule.when, scenario));
        const byDefault = decision.decidedBy.some((d) => d.ruleId === null);
        expect(byDefault).toBe(noRuleMatches);
        if (noRuleMatches) {
          expect(decision.decidedBy).toHaveLength(1);
          expect(decision.outcome).toBe(policy.default.outcome);
          expect(ids(decision.conditions)).toEqual(policy.default.conditions ?? []);
          expect(ids(decision.reviewers)).toEqual(policy.default.reviewers ?? []);
        }
      }),
      RUNS,
    );
  });

  it('triggers exactly the duties whose condition holds, in policy order', () => {
    fc.assert(
      fc.property(policyAndScenario(), ([policy, scenario]) => {
        const decision = evaluate(compile(policy), scenario);
        expect(decision.duties.map((d) => d.dutyId)).toEqual(referenceDuties(policy, scenario));
      }),
      RUNS,
    );
  });

  it('agrees with the reference on policies that use a custom vocabulary', () => {
    const facts = ['account.kind', 'context.time', 'custom.campaignPhase', 'custom.onCall'];
    const everyField = arbitraryPolicy({ facts: facts.slice(0, 2), everyField: true }).chain((policy) =>
      fc.tuple(fc.constant(policy), arbitraryCompleteScenario(resolveVocabulary(policy.custom), facts)),
    );
    fc.assert(
      fc.property(everyField, ([policy, scenario]) => {
        const decision = evaluate(compile(policy), scenario);
        expect(decision.outcome).toBe(referenceDecide(policy, scenario).outcome);
        expect(decision.duties.map((d) => d.dutyId)).toEqual(referenceDuties(policy, scenario));
      }),
      { numRuns: runs(200) },
    );
  });
});
