import type { Outcome, Policy, ResolvedVocabulary, RuleStrength } from '@fairpost/core';
import { priorityOrder, RESOLUTIONS, type ResolutionStrategy, resolveVocabulary } from '@fairpost/core';
import { describeCondition } from './describe-condition.js';
import { escapeMermaid } from './escape-mermaid.js';
import type { RenderOptions } from './handbook.js';
import { capitalise, enGB, type Phrasebook } from './phrasebook.js';

const OUTCOME_CLASSES: Readonly<Record<Outcome, string>> = {
  'out-of-scope': 'outOfScope',
  permitted: 'permitted',
  'permitted-with-conditions': 'conditions',
  'check-first': 'checkFirst',
  'not-permitted': 'notPermitted',
};

const CLASS_DEFS = [
  'classDef outOfScope fill:#e8f0fe,stroke:#3367d6',
  'classDef permitted fill:#e6f4ea,stroke:#188038',
  'classDef conditions fill:#fef7e0,stroke:#b06000',
  'classDef checkFirst fill:#fff4e5,stroke:#e37400',
  'classDef notPermitted fill:#fce8e6,stroke:#c5221f',
];

/**
 * Renders the policy's decisions as a Mermaid flowchart: from “your situation”, one question per rule (its
 * condition in words from the vocabulary) leading to that rule's outcome, in the order the resolution strategy
 * reads them — policy order for first-match, strictest outcome first for strictest — and then the default.
 * Labels are quoted and entity-escaped; the chart has no click directives, callbacks or raw HTML.
 * @example
 * writeFileSync('policy.mmd', renderMermaid(policy));
 */
export function renderMermaid(policy: Policy, options: RenderOptions = {}): string {
  const pb = options.phrasebook ?? enGB;
  const vocabulary = resolveVocabulary(policy.custom);
  // The order the resolution reads the rules in: asking each in turn and stopping at the first yes gives the answer.
  const order = priorityOrder(policy.resolution, policy.rules).map((index) => ({
    rule: policy.rules[index]!,
  }));
  const start = startLabel(RESOLUTIONS[policy.resolution].settledBy, pb);
  const lines = ['flowchart TD', `  start(["${escapeMermaid(start)}"])`];
  let from = 'start';
  let edge = '-->';
  order.forEach(({ rule }, i) => {
    const q = `q${i + 1}`;
    const o = `o${i + 1}`;
    lines.push(
      `  %% rule-${rule.id}`,
      `  ${from} ${edge} ${q}{"${escapeMermaid(questionOf(rule.when, vocabulary, pb))}"}`,
      `  ${q} -->|${escapeMermaid(pb.flowchart.yes)}| ${o}(["${escapeMermaid(outcomeLabel(rule, vocabulary, pb))}"])`,
      `  class ${o} ${OUTCOME_CLASSES[rule.outcome]}`,
    );
    from = q;
    edge = `-->|${escapeMermaid(pb.flowchart.no)}|`;
  });
  lines.push(
    '  %% rule-default',
    `  ${from} ${edge} fallback(["${escapeMermaid(outcomeLabel(policy.default, vocabulary, pb))}"])`,
    `  class fallback ${OUTCOME_CLASSES[policy.default.outcome]}`,
    ...CLASS_DEFS.map((d) => `  ${d}`),
  );
  return `${lines.join('\n')}\n`;
}

function questionOf(
  when: Policy['rules'][number]['when'],
  vocabulary: ResolvedVocabulary,
  pb: Phrasebook,
): string {
  const described = describeCondition(when, { vocabulary, phrasebook: pb });
  if (described.kind === 'clause') return pb.question(described.text);
  return pb.question((described.kind === 'always' ? pb.always : pb.never).toLocaleLowerCase(pb.language));
}

function outcomeLabel(
  rule: Pick<Policy['default'], 'outcome' | 'conditions' | 'reviewers'> & {
    readonly strength?: RuleStrength;
  },
  vocabulary: ResolvedVocabulary,
  pb: Phrasebook,
): string {
  const phrases = (catalogue: 'conditions' | 'roles', ids: readonly string[] = []) =>
    ids.map((id) => vocabulary.catalogues[catalogue].get(id)?.phrase ?? id);
  const sentence = pb.outcomeSentence(
    rule.outcome,
    phrases('conditions', rule.conditions),
    phrases('roles', rule.reviewers),
    rule.strength ?? 'must',
  );
  return `${pb.outcomes[rule.outcome]}: ${capitalise(sentence)}`;
}

/** The chart's first node: under strictness it says the questions come strictest outcome first, not in policy order. */
function startLabel(settledBy: ResolutionStrategy['settledBy'], pb: Phrasebook): string {
  switch (settledBy) {
    case 'policy-order':
      return pb.flowchart.start;
    case 'strictness':
      return `${pb.flowchart.start} (${pb.flowchart.strictestOrder})`;
    default:
      return settledBy satisfies never;
  }
}
