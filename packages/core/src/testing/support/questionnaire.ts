import fc from 'fast-check';
import type { CompiledPolicy } from '../../evaluate/compile-policy.js';
import { evaluate } from '../../evaluate/evaluate.js';
import type { Scenario } from '../../parse/scenario.js';
import { nextQuestion, type QuestionGoal } from '../../plan/next-question.js';
import type { FactValue } from '../../vocabulary/fact-types.js';
import { arbitraryPolicy } from '../arbitrary-policy.js';
import { ENGINE_PATHS } from './engine-paths.js';

// What the planner's tests share: small policies, the goals, a goal's result, the question asked, and the mean a
// questionnaire asks.

/** Small compiled policies, on either engine path: three values per enum fact in conditions keep brute force fast. */
export const smallPolicy = arbitraryPolicy({ maxRules: 5, maxDuties: 2, maxValuesPerFact: 3 }).chain(
  (policy) => fc.constantFrom(...ENGINE_PATHS).map((path) => path.compile(policy)),
);

/** Every goal a questionnaire can have. */
export const goals = fc.constantFrom<QuestionGoal>('outcome', 'duties', 'both');

/** What a goal looks at in a decision of a complete scenario. */
export function goalResult(compiled: CompiledPolicy, scenario: Scenario, goal: QuestionGoal): string {
  const d = evaluate(compiled, scenario, { trusted: true });
  const duties = d.duties.map((x) => x.dutyId).join(',');
  // The outcome goal settles what the decision says beside duties: the outcome, the conditions and the reviewers.
  const ids = (entries: readonly { id: string }[]) => entries.map((e) => e.id).sort();
  const outcome = JSON.stringify([d.outcome, ids(d.conditions), ids(d.reviewers)]);
  return goal === 'outcome' ? outcome : goal === 'duties' ? duties : `${outcome}|${duties}`;
}

/** The question `nextQuestion` asks for a scenario the test knows is valid (`undefined` when settled). */
export function questionFor(...args: Parameters<typeof nextQuestion>) {
  const next = nextQuestion(...args);
  if (!next.ok) throw new Error(`invalid scenario: ${next.issues.map((i) => i.message).join('; ')}`);
  return next.question;
}

/** Every answer to a fact: its values, or for a set fact every set of the members the policy tests. */
export function answersTo(compiled: CompiledPolicy, fact: string): readonly (FactValue | string[])[] {
  if (compiled.vocabulary.facts.get(fact)?.type !== 'set') return compiled.domains(fact);
  const members = compiled.factsInPlay.flatMap((d) =>
    d.startsWith(`${fact}[`) ? [d.slice(fact.length + 1, -1)] : [],
  );
  return members.reduce<string[][]>((sets, m) => sets.flatMap((s) => [s, [...s, m]]), [[]]);
}

/** The mean number of questions a strategy asks, every complete scenario counting once (each answer equally likely). */
export function meanQuestions(
  compiled: CompiledPolicy,
  next: (scenario: Scenario) => string | undefined,
): number {
  const walk = (scenario: Scenario): number => {
    const fact = next(scenario);
    if (fact === undefined) return 0;
    const domain = answersTo(compiled, fact);
    let total = 0;
    for (const value of domain) total += walk({ ...scenario, [fact]: value } as Scenario);
    return 1 + total / domain.length;
  };
  return walk({});
}
