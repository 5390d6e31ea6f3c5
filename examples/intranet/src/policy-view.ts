import type { CompiledPolicy } from '@fairpost/core';
import type { View } from './app.js';
import { outcomeBadge } from './ask-view.js';
import { h, replaceChildren } from './dom.js';
import { capitalise } from './outcome-words.js';

/** The handbook drawn from the policy with DOM text nodes (every string stays text). */
function handbook(compiled: CompiledPolicy): HTMLElement {
  const { policy, vocabulary } = compiled;
  const role = (id: string) => vocabulary.catalogues.roles.get(id);
  return h(
    'article',
    { class: 'handbook' },
    h('h3', {}, policy.title),
    h('p', { class: 'meta' }, `${policy.organisation} · version ${policy.version}`),
    policy.summary ? h('p', {}, policy.summary) : null,
    policy.principles?.length
      ? [
          h('h4', {}, 'What we value'),
          h(
            'ul',
            {},
            policy.principles.map((p) =>
              h('li', {}, p.title ? [h('strong', {}, p.title), ': '] : null, p.text),
            ),
          ),
        ]
      : null,
    h('h4', {}, 'The rules'),
    h(
      'ol',
      { class: 'rules' },
      compiled.rules.map(({ rule, conditions, reviewers }) =>
        h(
          'li',
          {},
          outcomeBadge(rule.outcome),
          ' ',
          rule.title ? h('strong', {}, rule.title) : null,
          h('p', {}, rule.reason),
          conditions.length
            ? h('p', {}, 'As long as you: ', conditions.map((c) => c.phrase).join('; '), '.')
            : null,
          reviewers.length ? h('p', {}, 'Ask: ', reviewers.map((r) => r.phrase).join(' or '), '.') : null,
        ),
      ),
    ),
    compiled.duties.length
      ? [
          h('h4', {}, 'If you are targeted because of your work'),
          h(
            'ul',
            {},
            compiled.duties.map(({ triggered: d }) =>
              h(
                'li',
                {},
                d.text ??
                  `${capitalise(role(d.holder.id)?.phrase ?? d.holder.phrase)} ${d.modality} ${d.action.phrase}.`,
              ),
            ),
          ),
        ]
      : null,
  );
}

/** The "The policy" view: the handbook and a flowchart of its decisions. */
export function createPolicyView(compiled: CompiledPolicy): View {
  const chart = h('div', { class: 'flowchart', 'aria-live': 'polite' });
  replaceChildren(
    chart,
    h('p', { class: 'hint' }, 'The flowchart appears here once the renderer is available.'),
  );
  const element = h(
    'section',
    { class: 'view', 'aria-labelledby': 'policy-title' },
    h('h2', { id: 'policy-title' }, 'The policy'),
    handbook(compiled),
    h('h3', {}, 'The decisions as a flowchart'),
    chart,
  );
  return { element };
}
