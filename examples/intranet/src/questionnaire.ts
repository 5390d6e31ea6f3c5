import type { CompiledPolicy, FactValue, QuestionGoal, Scenario } from '@fairpost/core';
import { type AskedQuestion, chooseQuestion, questionAbout } from './choose-question.js';
import { h, replaceChildren, uniqueId } from '@fairpost/page-kit/dom';

/** One answered question: the value given, or `undefined` when the person said they were not sure. */
export interface Step {
  readonly fact: string;
  readonly value: FactValue | undefined;
}

/** What the questionnaire knows so far. */
export interface Answers {
  readonly scenario: Scenario;
  /** Facts the person said they were not sure of: still unknown, and not asked again. */
  readonly unsure: ReadonlySet<string>;
}

/** How a view plugs into the questionnaire. */
export interface QuestionnaireOptions {
  readonly compiled: CompiledPolicy;
  /** An accessible name for the form, e.g. "About your post". */
  readonly name: string;
  /** What the questions settle: the posting outcome, or the duties owed. */
  readonly goal: QuestionGoal;
  /** What to show once nothing left is worth asking. */
  readonly result: (answers: Answers) => Node;
}

const UNSURE = 'unsure';

/** The scenario and the unsure facts the steps add up to. */
export function answersOf(steps: readonly Step[]): Answers {
  const scenario: Record<string, FactValue> = {};
  const unsure = new Set<string>();
  for (const step of steps) {
    if (step.value === undefined) unsure.add(step.fact);
    else scenario[step.fact] = step.value;
  }
  return { scenario: scenario as Scenario, unsure };
}

/**
 * A guided questionnaire: one question at a time, only about facts the answer depends on, with the answers so far
 * listed so any can be changed, a way back, and a way to start again. Keyboard first: real radio groups in
 * fieldsets, and focus moves to the new question or the result after each step.
 */
export function createQuestionnaire(options: QuestionnaireOptions): HTMLElement {
  const root = h('div', { class: 'questionnaire' });
  let steps: Step[] = [];

  const update = (next: Step[], moveFocus: boolean) => {
    steps = next;
    render(moveFocus);
  };

  function render(moveFocus: boolean) {
    const answers = answersOf(steps);
    const question = chooseQuestion(options.compiled, answers.scenario, answers.unsure, options.goal);
    const stage = question
      ? questionForm(question, steps.length + 1, (value) =>
          update([...steps, { fact: question.fact, value }], true),
        )
      : h('div', { class: 'result' }, options.result(answers));
    replaceChildren(
      root,
      steps.length > 0
        ? answeredList(options.compiled, steps, (index) => update(steps.slice(0, index), true))
        : null,
      stage,
      steps.length > 0
        ? h(
            'div',
            { class: 'actions' },
            h(
              'button',
              { type: 'button', class: 'secondary', onclick: () => update(steps.slice(0, -1), true) },
              'Back',
            ),
            h(
              'button',
              { type: 'button', class: 'secondary', onclick: () => update([], true) },
              'Start again',
            ),
          )
        : null,
    );
    if (moveFocus) {
      const target = root.querySelector<HTMLElement>('[data-focus-first]');
      target?.focus();
    }
  }

  function questionForm(
    question: AskedQuestion,
    number: number,
    answer: (value: FactValue | undefined) => void,
  ) {
    const name = uniqueId('answer');
    const hintId = uniqueId('hint');
    const radios = [
      ...question.choices.map((choice, index) => ({
        id: String(index),
        label: choice.label,
        value: String(choice.value),
      })),
      { id: UNSURE, label: 'I’m not sure', value: UNSURE },
    ];
    const form = h(
      'form',
      {
        class: 'question',
        'aria-label': options.name,
        'data-fact': question.fact,
        onsubmit: (event: Event) => {
          event.preventDefault();
          const chosen = new FormData(form).get(name);
          if (chosen === null) return;
          answer(chosen === UNSURE ? undefined : question.choices[Number(chosen)]?.value);
        },
      },
      h(
        'fieldset',
        { 'aria-describedby': hintId },
        h(
          'legend',
          {},
          h('span', { class: 'step' }, `Question ${number}`),
          h('span', { class: 'ask' }, question.question),
        ),
        h('p', { class: 'hint', id: hintId }, question.description),
        h(
          'div',
          { class: 'choices' },
          radios.map((radio, index) => {
            const id = uniqueId('choice');
            return h(
              'div',
              { class: radio.id === UNSURE ? 'choice unsure' : 'choice' },
              h('input', {
                type: 'radio',
                id,
                name,
                value: radio.id,
                'data-value': radio.value,
                required: true,
                'data-focus-first': index === 0,
              }),
              h('label', { for: id }, radio.label),
            );
          }),
        ),
      ),
      h('button', { type: 'submit', class: 'primary' }, 'Next'),
    );
    return form;
  }

  render(false);
  return root;
}

function answeredList(compiled: CompiledPolicy, steps: readonly Step[], change: (index: number) => void) {
  return h(
    'div',
    { class: 'answered' },
    h('h3', {}, 'Your answers'),
    h(
      'ol',
      {},
      steps.map((step, index) => {
        const definition = compiled.vocabulary.facts.get(step.fact);
        const question = definition ? questionAbout(definition) : undefined;
        const text = question?.question ?? step.fact;
        const chosen =
          step.value === undefined
            ? 'Not sure'
            : (question?.choices.find((o) => o.value === step.value)?.label ?? String(step.value));
        return h(
          'li',
          {},
          h('span', { class: 'q' }, text),
          ' ',
          h('strong', { class: 'a' }, chosen),
          ' ',
          h(
            'button',
            {
              type: 'button',
              class: 'link',
              'aria-label': `Change your answer to “${text}”`,
              onclick: () => change(index),
            },
            'Change',
          ),
        );
      }),
    ),
  );
}
