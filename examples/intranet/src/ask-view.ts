import { type CompiledPolicy, type Decision, evaluate, type Outcome } from '@fairpost/core';
import { capitalise, enGB, renderDecision } from '@fairpost/render';
import { h } from '@fairpost/page-kit/dom';
import { outcomeWords } from '@fairpost/page-kit/outcome-words';
import { createQuestionnaire } from './questionnaire.js';

/** A badge for an outcome: symbol and words, coloured by outcome (never colour alone). */
export function outcomeBadge(outcome: Outcome | 'undetermined'): HTMLElement {
  const words = outcomeWords(outcome);
  return h(
    'span',
    { class: `badge outcome-${outcome}` },
    h('span', { 'aria-hidden': 'true' }, words.symbol),
    ' ',
    words.label,
  );
}

function reasons(decision: Decision): HTMLElement {
  const seen = new Set<string>();
  const items = decision.decidedBy.filter((rule) => !seen.has(rule.reason) && seen.add(rule.reason));
  return h(
    'div',
    { class: 'why' },
    h('h4', {}, 'Why'),
    items.map((rule) =>
      h(
        'p',
        {},
        decision.outcome === 'undetermined' ? [outcomeBadge(rule.outcome), ' '] : null,
        rule.title ? [h('strong', {}, rule.title), ': '] : null,
        rule.reason,
      ),
    ),
  );
}

/** The decision in one sentence, in the renderer's words, so the page, the handbook and the CLI agree. */
function headline(decision: Decision): string {
  if (decision.outcome === 'undetermined') return 'It depends on something you were not sure about.';
  const sentence = enGB.outcomeSentence(
    decision.outcome,
    decision.conditions.map((c) => c.phrase),
    decision.reviewers.map((r) => r.phrase),
  );
  return `${capitalise(sentence)}.`;
}

function decisionCard(compiled: CompiledPolicy, decision: Decision): HTMLElement {
  const ask =
    decision.reviewers.length > 0 ? capitalise(enGB.or(decision.reviewers.map((r) => r.phrase))) : undefined;
  const undetermined = decision.outcome === 'undetermined';
  const strictest = decision.possibleOutcomes.at(-1);
  return h(
    'section',
    {
      class: `decision outcome-${decision.outcome}`,
      'aria-labelledby': 'decision-headline',
      'data-outcome': decision.outcome,
    },
    h('p', { class: 'decision-badge' }, outcomeBadge(decision.outcome)),
    h('h3', { id: 'decision-headline', tabindex: -1, 'data-focus-first': true }, headline(decision)),
    !undetermined && decision.conditions.length > 0
      ? h(
          'div',
          { class: 'conditions' },
          h('h4', {}, 'What you need to do'),
          h(
            'ul',
            {},
            decision.conditions.map((c) => h('li', {}, h('strong', {}, c.label), ': ', c.phrase, '.')),
          ),
        )
      : null,
    undetermined
      ? h(
          'div',
          { class: 'depends' },
          h('h4', {}, 'It depends on'),
          h(
            'ul',
            {},
            decision.neededFacts.map((f) => h('li', {}, compiled.vocabulary.facts.get(f)?.label ?? f)),
          ),
          h(
            'p',
            {},
            'Depending on the answers, it could be: ',
            decision.possibleOutcomes.map((o, i) => [i > 0 ? ', ' : '', outcomeBadge(o)]),
            '.',
          ),
          strictest
            ? h(
                'p',
                { class: 'advice' },
                'Until you know, play safe and treat it as ',
                h('strong', {}, outcomeWords(strictest).label),
                '.',
              )
            : null,
        )
      : null,
    ask && !undetermined ? h('p', { class: 'who' }, h('strong', {}, 'Who to ask: '), ask) : null,
    reasons(decision),
    h(
      'details',
      { class: 'as-text' },
      h('summary', {}, 'The answer as text, to paste into an email'),
      h('pre', {}, renderDecision(decision, { vocabulary: compiled })),
    ),
  );
}

/** The "Can I post this?" view: a questionnaire that asks only what the decision depends on, then the decision. */
export function createAskView(compiled: CompiledPolicy): HTMLElement {
  return h(
    'section',
    { class: 'view', id: 'view-ask', 'aria-labelledby': 'ask-title' },
    h('h2', { id: 'ask-title' }, 'Can I post this?'),
    h(
      'p',
      { class: 'lede' },
      'Answer a few questions about what you want to post. You will only be asked what the answer depends on.',
    ),
    createQuestionnaire({
      compiled,
      name: 'About your post',
      goal: 'outcome',
      result: ({ scenario }) => decisionCard(compiled, evaluate(compiled, scenario)),
    }),
  );
}
