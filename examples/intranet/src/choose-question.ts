import {
  type CompiledPolicy,
  type FactDefinition,
  nextQuestion,
  type Question,
  type QuestionGoal,
  type Scenario,
} from '@fairpost/core';

/** A question as the page asks it: core's question without the bookkeeping of what is still relevant. */
export type AskedQuestion = Pick<Question, 'fact' | 'question' | 'description' | 'choices'>;

/** The question that learns a fact, worded as core's `nextQuestion` words it. */
export function questionAbout(definition: FactDefinition): AskedQuestion {
  return {
    fact: definition.name,
    question: definition.question ?? `${definition.label}?`,
    description: definition.description,
    choices:
      definition.type === 'boolean'
        ? [
            { value: true, label: 'Yes', phrase: definition.whenTrue },
            { value: false, label: 'No', phrase: definition.whenFalse },
          ]
        : definition.values,
  };
}

/**
 * The next question worth asking: core's `nextQuestion` (the fact that settles the answer soonest, and only a fact
 * the answer depends on), except that a fact the person said they are unsure of is never asked again; then the next
 * fact still relevant is asked instead. `undefined` when nothing left is worth asking.
 */
export function chooseQuestion(
  compiled: CompiledPolicy,
  scenario: Scenario,
  unsure: ReadonlySet<string>,
  goal: QuestionGoal,
): AskedQuestion | undefined {
  const next = nextQuestion(compiled, scenario, { goal });
  // The page builds the scenario from the question's own choices, so it is always valid for the policy.
  const best = next.ok ? next.question : undefined;
  if (!best || !unsure.has(best.fact)) return best;
  const fact = best.stillRelevant.find((f) => !unsure.has(f));
  const definition = fact === undefined ? undefined : compiled.vocabulary.facts.get(fact);
  return definition ? questionAbout(definition) : undefined;
}
