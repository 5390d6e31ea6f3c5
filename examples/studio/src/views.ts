// The live views beside the editor. Each is redrawn from the last draft that parsed; policy text only ever enters
// the page as text, or inside the renderer's escaped HTML and Mermaid's strict-mode SVG.
import {
  type AuditReport,
  type CompiledPolicy,
  compilePolicy,
  evaluate,
  type FactValue,
  parsePolicySource,
  type Scenario,
} from '@fairpost/core';
import { renderAudit, renderDecision, renderHtmlFragment, renderMermaid } from '@fairpost/render';
import type { Problem } from './analyse-draft.js';
import { compareWithDraft } from './compare.js';
import { h, replaceChildren, trustedRendererHtml, uniqueId } from '@fairpost/page-kit/dom';
import { outcomeWords } from '@fairpost/page-kit/outcome-words';

/** A view: its panel content, redrawn for each valid draft, and told when it becomes visible. */
export interface LiveView {
  readonly element: HTMLElement;
  update(compiled: CompiledPolicy, audit: AuditReport, problems: readonly Problem[]): void;
  shown?(): void;
}

/**
 * Labels each table cell with its column heading (as a data attribute, never markup), so that on a phone the
 * tables can stack into cards and each value still says what it is.
 */
function labelCells(root: ParentNode): void {
  for (const table of Array.from(root.querySelectorAll('table'))) {
    const headings = Array.from(table.querySelectorAll('thead th'), (th) => th.textContent ?? '');
    for (const row of Array.from(table.querySelectorAll('tbody tr'))) {
      Array.from(row.children).forEach((cell, index) => {
        const label = headings[index];
        if (label) cell.setAttribute('data-label', label);
      });
    }
  }
}

/** The handbook as the renderer writes it (`renderHtmlFragment`, every piece of policy text escaped). */
export function handbookView(): LiveView {
  const element = h('div', { class: 'handbook' });
  return {
    element,
    update(compiled) {
      const fragment = trustedRendererHtml(renderHtmlFragment(compiled.policy));
      labelCells(fragment);
      replaceChildren(element, fragment);
    },
  };
}

let chartCount = 0;

/**
 * The flowchart of the decisions (`renderMermaid`), drawn by Mermaid in strict mode. Mermaid is large, so it is
 * loaded when the view is first shown, and a chart is drawn only when the view is visible and the source changed.
 */
export function flowchartView(): LiveView {
  const chart = h('div', { class: 'flowchart' }, h('p', { class: 'hint' }, 'Drawing the flowchart…'));
  const text = h('pre', {});
  let source = '';
  let drawn = '';
  let visible = false;
  const draw = async () => {
    if (!visible || source === drawn) return;
    const drawing = source;
    try {
      const { default: mermaid } = await import('mermaid');
      mermaid.initialize({
        startOnLoad: false,
        securityLevel: 'strict',
        theme: 'neutral',
        flowchart: { useMaxWidth: true },
      });
      chartCount += 1;
      const { svg } = await mermaid.render(`studio-flowchart-${chartCount}`, drawing);
      if (drawing !== source) return;
      replaceChildren(chart, trustedRendererHtml(svg));
      const drawnSvg = chart.querySelector('svg');
      drawnSvg?.setAttribute('role', 'img');
      drawnSvg?.setAttribute('aria-label', 'Flowchart of the policy’s decisions');
      drawn = drawing;
    } catch (error) {
      replaceChildren(chart, h('p', { class: 'hint' }, `The flowchart could not be drawn: ${String(error)}`));
    }
  };
  const element = h(
    'div',
    {},
    h('p', { class: 'hint' }, 'Start at the top and follow the answers that fit your situation.'),
    chart,
    h('details', { class: 'as-text' }, h('summary', {}, 'The flowchart as Mermaid text'), text),
  );
  return {
    element,
    update(compiled) {
      source = renderMermaid(compiled.policy);
      text.textContent = source;
      void draw();
    },
    shown() {
      visible = true;
      void draw();
    },
  };
}

const asValue = (text: string): FactValue => (text === 'true' ? true : text === 'false' ? false : text);

/**
 * "Can I post this?" against the draft: every posting fact the draft tests, each with "Not sure" first, and the
 * decision in the renderer's words as the answers change. Answers are kept while the draft is edited.
 */
export function askView(): LiveView {
  const answers = new Map<string, string>();
  const form = h('form', { class: 'ask-form', onsubmit: (e: Event) => e.preventDefault() });
  const result = h('div', { class: 'decision', 'aria-live': 'polite' });
  let compiled: CompiledPolicy | undefined;

  const decide = () => {
    if (!compiled) return;
    // A post, not an incident: the support owed to someone targeted is not this view's question.
    const scenario: Record<string, FactValue> = compiled.vocabulary.facts.has('incident.kind')
      ? { 'incident.kind': 'none' }
      : {};
    for (const [fact, value] of answers)
      if (value !== '' && compiled.vocabulary.facts.has(fact)) scenario[fact] = asValue(value);
    const decision = evaluate(compiled, scenario as Scenario);
    const outcome = decision.outcome;
    const words = outcomeWords(outcome);
    result.setAttribute('data-outcome', outcome);
    replaceChildren(
      result,
      h(
        'p',
        { class: `badge outcome-${outcome}` },
        h('span', { 'aria-hidden': 'true' }, `${words.symbol} `),
        words.label,
      ),
      renderDecision(decision, { vocabulary: compiled })
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => h('p', {}, line)),
    );
  };

  return {
    element: h(
      'div',
      {},
      h(
        'p',
        { class: 'hint' },
        'Describe a post. Leave “Not sure” where you do not know; the answer says what it depends on.',
      ),
      form,
      h('h3', {}, 'What the draft says'),
      result,
    ),
    update(next) {
      compiled = next;
      const facts = next.factsInPlay.filter((f) => !f.startsWith('incident.'));
      replaceChildren(
        form,
        facts.length === 0 ? h('p', { class: 'hint' }, 'The draft has no posting rules yet.') : null,
        facts.map((fact) => {
          const definition = next.vocabulary.facts.get(fact);
          if (!definition) return null;
          const id = uniqueId('ask');
          const values =
            definition.type === 'boolean'
              ? [
                  { value: 'true', label: 'Yes' },
                  { value: 'false', label: 'No' },
                ]
              : definition.values.map((v) => ({ value: v.value, label: v.label }));
          const chosen = answers.get(fact) ?? '';
          return h(
            'div',
            { class: 'field' },
            h('label', { for: id }, definition.question ?? definition.label),
            h(
              'select',
              {
                id,
                'data-fact': fact,
                onchange: (e: Event) => {
                  answers.set(fact, (e.target as HTMLSelectElement).value);
                  decide();
                },
              },
              h('option', { value: '', selected: chosen === '' }, 'Not sure'),
              values.map((v) => h('option', { value: v.value, selected: chosen === v.value }, v.label)),
            ),
          );
        }),
      );
      decide();
    },
  };
}

/**
 * The audit (`auditPolicy` under the default criteria) as the render package writes it (`renderAudit`, every piece of
 * policy and criteria text escaped, sources linked only when their address is a web address): the quotable summary,
 * the counts, then the findings grouped by theme. Lint's findings stay in the editor and the list under it.
 */
export function auditView(): LiveView {
  const element = h('div', { class: 'audit' });
  return {
    element,
    update(_compiled, audit) {
      const page = trustedRendererHtml(renderAudit(audit, { format: 'html' }));
      // Sources open in a new tab, without handing the studio's window to the page they open.
      for (const link of Array.from(page.querySelectorAll('a[href]'))) {
        link.setAttribute('target', '_blank');
        link.setAttribute('rel', 'noopener noreferrer');
      }
      replaceChildren(
        element,
        h(
          'p',
          { class: 'hint' },
          'Checked against the published criteria of a fair social-media policy (core’s auditPolicy, default criteria). Lint’s findings about rule order and gaps are shown in the editor.',
        ),
        page,
      );
    },
  };
}

/** A policy file read in the page: its name and text (never sent anywhere). */
export interface PolicyText {
  readonly name: string;
  readonly text: string;
}

/**
 * Comparison with another policy dropped into the panel (or chosen, or picked from the examples): the theme lines,
 * then every kind of situation where the two decide differently.
 */
export function compareView(examples: readonly PolicyText[]): LiveView {
  let draft: CompiledPolicy | undefined;
  let other: CompiledPolicy | undefined;
  const status = h('div', { class: 'compare-status', role: 'status' });
  const output = h('div', { class: 'comparison' });
  const fileId = uniqueId('compare-file');
  const exampleId = uniqueId('compare-example');

  const draw = () => {
    if (!draft || !other) return;
    const summary = compareWithDraft(draft, other);
    replaceChildren(
      output,
      h('p', { class: 'headline' }, summary.headline),
      h(
        'p',
        { class: 'hint' },
        `By theme, with every share measured under ${summary.weights} (how likely each situation is, as docs/weights.md sets out).`,
      ),
      h(
        'ul',
        { class: 'themes' },
        summary.themes.map((t) => h('li', { class: 'theme-line' }, h('strong', {}, `${t.theme}: `), t.text)),
      ),
      summary.differences.length === 0
        ? null
        : h(
            'table',
            { class: 'differences' },
            h('caption', {}, 'Where the two decide differently'),
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                ['When', 'Share', 'Your draft', other.policy.title].map((c) => h('th', { scope: 'col' }, c)),
              ),
            ),
            h(
              'tbody',
              {},
              summary.differences.map((d) =>
                h(
                  'tr',
                  {},
                  h('td', { 'data-label': 'When' }, d.when),
                  h('td', { 'data-label': 'Share' }, `${Math.round(d.share * 1000) / 10}%`),
                  h('td', { 'data-label': 'Your draft' }, outcomeWords(d.draft as never).label),
                  h('td', { 'data-label': other?.policy.title ?? '' }, outcomeWords(d.other as never).label),
                ),
              ),
            ),
          ),
    );
  };

  const load = (file: PolicyText) => {
    const parsed = parsePolicySource(file.text, { filename: file.name });
    if (!parsed.ok) {
      replaceChildren(
        status,
        h('p', {}, `${file.name} is not a valid policy:`),
        h(
          'ul',
          {},
          parsed.issues
            .slice(0, 10)
            .map((i) => h('li', {}, `${file.name}:${i.line ?? 1}:${i.column ?? 1}: ${i.message}`)),
        ),
      );
      return;
    }
    other = compilePolicy(parsed.policy, { generateCode: false });
    replaceChildren(
      status,
      h('p', {}, 'Comparing with ', h('strong', {}, other.policy.title), ` (${file.name}).`),
    );
    draw();
  };

  const readFile = async (file: File | undefined) => {
    if (file) load({ name: file.name, text: await file.text() });
  };

  const drop = h(
    'div',
    {
      class: 'drop-zone',
      ondragover: (e: Event) => e.preventDefault(),
      ondrop: (e: Event) => {
        e.preventDefault();
        void readFile((e as DragEvent).dataTransfer?.files[0]);
      },
    },
    h('label', { for: fileId }, 'Drop a policy here, or choose a file (YAML or JSON)'),
    h('input', {
      id: fileId,
      type: 'file',
      class: 'compare-file',
      accept: '.yaml,.yml,.json',
      onchange: (e: Event) => void readFile((e.target as HTMLInputElement).files?.[0]),
    }),
    h('label', { for: exampleId }, 'or an example'),
    h(
      'select',
      {
        id: exampleId,
        onchange: (e: Event) => {
          const chosen = examples.find((x) => x.name === (e.target as HTMLSelectElement).value);
          if (chosen) load(chosen);
        },
      },
      h('option', { value: '' }, 'Choose…'),
      examples.map((x) => h('option', { value: x.name }, x.name)),
    ),
  );

  return {
    element: h(
      'div',
      {},
      h(
        'p',
        { class: 'hint' },
        'See how another policy — management’s draft, say — differs from yours. The file stays in your browser.',
      ),
      drop,
      status,
      output,
    ),
    update(compiled) {
      draft = compiled;
      draw();
    },
  };
}
