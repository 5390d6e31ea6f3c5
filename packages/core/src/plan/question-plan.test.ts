import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CompiledPolicy, compilePolicy } from '../evaluate/compile-policy.js';
import { decisionPartition } from '../analysis/decision-partition.js';
import { factOfDimension } from '../model/condition-node.js';
import { containsScenario } from '../region/region.js';
import type { Scenario } from '../parse/scenario.js';
import { arbitraryPolicy } from '../testing/arbitrary-policy.js';
import { arbitraryScenario, completionsOf } from '../testing/arbitrary-scenario.js';
import { compileAlternately } from '../testing/support/engine-paths.js';
import { topicsPolicy } from '../testing/support/topics-policy.js';
import {
  answersTo,
  goalResult,
  goals,
  meanQuestions,
  questionFor,
  smallPolicy,
} from '../testing/support/questionnaire.js';
import type { FactValue } from '../vocabulary/fact-types.js';
import { expectedQuestions, type QuestionGoal } from './next-question.js';
import { buildQuestionPlan } from './question-plan.js';
import { runs } from '../../../../test/support/property-runs.js';

/**
 * The least mean number of questions any questionnaire needs, by exhaustive search over raw fact values (no merging
 * of values, no pruning): the minimum over every unknown fact of one plus the mean over its answers.
 */
function optimumByBruteForce(compiled: CompiledPolicy, goal: QuestionGoal): number {
  // A set fact is one question, answered with a whole set.
  const facts = [...new Set(compiled.factsInPlay.map(factOfDimension))];
  const keyOf = (value: unknown) => JSON.stringify(Array.isArray(value) ? [...value].sort() : value);
  const complete = completionsOf(compiled, {}).map((s) => ({
    values: s as Record<string, unknown>,
    result: goalResult(compiled, s, goal),
  }));
  const memo = new Map<string, number>();
  const search = (known: Record<string, unknown>, matching: typeof complete): number => {
    if (matching.every((m) => m.result === matching[0]?.result)) return 0;
    const key = facts.map((f) => (known[f] === undefined ? '?' : keyOf(known[f]))).join('|');
    const cached = memo.get(key);
    if (cached !== undefined) return cached;
    let best = Number.POSITIVE_INFINITY;
    for (const fact of facts) {
      if (known[fact] !== undefined) continue;
      const answers = answersTo(compiled, fact);
      let total = 0;
      for (const value of answers)
        total += search(
          { ...known, [fact]: value },
          matching.filter((m) => keyOf(m.values[fact]) === keyOf(value)),
        );
      best = Math.min(best, 1 + total / answers.length);
    }
    memo.set(key, best);
    return best;
  };
  return search({}, complete);
}

const scenarioCount = (compiled: CompiledPolicy) =>
  compiled.factsInPlay.reduce((n, f) => n * compiled.domains(f).length, 1);

describe('the questionnaire nextQuestion builds', () => {
  it.each([
    ['asks the fewest questions possible on average', {}],
    // A set fact is asked whole, as one question (`Question.multiple`), however many members the policy tests.
    [
      'asks a set fact whole, as one question',
      { facts: ['content.topics', 'account.kind', 'content.hasConsent'] },
    ],
  ] as const)('%s, as exhaustive search over every questionnaire finds', (_name, facts) => {
    fc.assert(
      fc.property(
        arbitraryPolicy({ ...facts, maxRules: 4, maxDuties: 2, maxValuesPerFact: 3 })
          .map(compileAlternately)
          .filter((compiled) => scenarioCount(compiled) <= 1500),
        goals,
        (compiled, goal) => {
          const optimum = optimumByBruteForce(compiled, goal);
          expect(meanQuestions(compiled, (s) => questionFor(compiled, s, { goal })?.fact)).toBeCloseTo(
            optimum,
            9,
          );
          expect(expectedQuestions(compiled, {}, goal)).toBeCloseTo(optimum, 9);
        },
      ),
      { numRuns: runs(25) },
    );
  });

  it('counts one question for a set fact however many of its members the policy tests', () => {
    const compiled = compilePolicy(topicsPolicy());
    expect(compiled.factsInPlay.length).toBe(4);
    // One question settles everything: the answer is the whole set of topics.
    expect(expectedQuestions(compiled, {})).toBe(1);
    expect(meanQuestions(compiled, (s) => questionFor(compiled, s)?.fact)).toBe(1);
  });

  it('reports with expectedQuestions the mean it will ask from any partial answer', () => {
    fc.assert(
      fc.property(
        smallPolicy.chain((compiled) => fc.tuple(fc.constant(compiled), arbitraryScenario(compiled), goals)),
        ([compiled, scenario, goal]) => {
          const known = scenario as Record<string, FactValue | undefined>;
          const mean = (s: Scenario): number => {
            const q = questionFor(compiled, s, { goal });
            if (!q) return 0;
            return (
              1 +
              q.choices.reduce((t, c) => t + mean({ ...s, [q.fact]: c.value } as Scenario), 0) /
                q.choices.length
            );
          };
          fc.pre(compiled.factsInPlay.filter((f) => known[f] === undefined).length <= 6);
          expect(expectedQuestions(compiled, scenario, goal)).toBeCloseTo(mean(scenario), 9);
        },
      ),
      { numRuns: runs(40) },
    );
  });
});

/** A plan over the pieces each rule decides (one partition), with the part a complete scenario falls in. */
function rulePlan(compiled: CompiledPolicy, budget?: number) {
  const { space, pieces } = decisionPartition(compiled);
  const partition = pieces.map((p) => p.cubes);
  const partOf = (s: Scenario) =>
    partition.findIndex((region) => region.some((cube) => containsScenario(cube, s, space)));
  return { plan: buildQuestionPlan([partition], space, budget), partOf };
}

describe('buildQuestionPlan', () => {
  it('gives no plan when its states would exceed the budget, and one within it', () => {
    fc.assert(
      fc.property(smallPolicy, (compiled) => {
        const { plan } = rulePlan(compiled);
        expect(plan).toBeDefined();
        fc.pre(plan!.facts.length > 0);
        // A fact to ask has at least two answer classes and unknown: three states, more than a budget of two.
        expect(rulePlan(compiled, 2).plan).toBeUndefined();
      }),
      { numRuns: runs(30) },
    );
  });

  it('settles a state exactly when all its scenarios fall in one part, and asks only a fact that can change the part', () => {
    fc.assert(
      fc.property(
        smallPolicy.chain((compiled) => fc.tuple(fc.constant(compiled), arbitraryScenario(compiled))),
        ([compiled, scenario]) => {
          const { plan, partOf } = rulePlan(compiled);
          const state = plan!.stateOf(scenario)!;
          const completions = completionsOf(compiled, scenario);
          const parts = new Set(completions.map(partOf));
          expect(parts.has(-1)).toBe(false);
          expect(plan!.isSettled(state)).toBe(parts.size === 1);
          // By brute force: the unknown facts whose value alone moves some completion to another part.
          const known = scenario as Record<string, unknown>;
          const relevant = plan!.facts.flatMap((fact, i) =>
            known[fact] === undefined &&
            completions.some((c) =>
              compiled.domains(fact).some((v) => partOf({ ...c, [fact]: v } as Scenario) !== partOf(c)),
            )
              ? [i]
              : [],
          );
          expect(plan!.relevant(state)).toEqual(relevant);
          const best = plan!.bestQuestion(state);
          if (parts.size === 1) expect(best).toBe(-1);
          else expect(relevant).toContain(best);
        },
      ),
      { numRuns: runs(60) },
    );
  });

  it('has no state for a value outside its fact’s domain', () => {
    fc.assert(
      fc.property(smallPolicy, (compiled) => {
        const { plan } = rulePlan(compiled);
        fc.pre(plan!.facts.length > 0);
        expect(plan!.stateOf({ [plan!.facts[0]!]: 'no-such-value' } as Scenario)).toBeUndefined();
      }),
      { numRuns: runs(30) },
    );
  });
});
