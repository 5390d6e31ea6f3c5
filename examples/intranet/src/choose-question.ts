import type { CompiledPolicy, FactDefinition, FactValue } from '@fairpost/core';

/** One answer a question offers. */
export interface AnswerOption {
  readonly value: FactValue;
  readonly label: string;
}

/** A question about one fact, worded for the person answering. */
export interface Question {
  readonly fact: string;
  readonly text: string;
  readonly description: string;
  readonly options: readonly AnswerOption[];
}

/** The question that learns a fact: the vocabulary's own wording, or the fact's label as a question. */
export function questionAbout(definition: FactDefinition): Question {
  return {
    fact: definition.name,
    text: definition.question ?? `${definition.label}?`,
    description: definition.description,
    options:
      definition.type === 'boolean'
        ? [
            { value: true, label: 'Yes' },
            { value: false, label: 'No' },
          ]
        : definition.values.map((v) => ({ value: v.value, label: v.label })),
  };
}

/**
 * The next question worth asking: the first fact the answer still depends on that the person has not said they are
 * unsure of. `needed` comes from the evaluator (`neededFacts`), so a question is only ever asked when its answer can
 * change the outcome. `undefined` when nothing left is worth asking.
 */
export function chooseQuestion(
  compiled: CompiledPolicy,
  needed: readonly string[],
  unsure: ReadonlySet<string>,
): Question | undefined {
  const fact = needed.find((f) => !unsure.has(f));
  const definition = fact === undefined ? undefined : compiled.vocabulary.facts.get(fact);
  return definition ? questionAbout(definition) : undefined;
}
