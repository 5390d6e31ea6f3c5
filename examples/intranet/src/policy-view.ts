import type { CompiledPolicy } from '@fairpost/core';
import { renderHtmlFragment, renderMermaid } from '@fairpost/render';
import type { View } from './app.js';
import { h, replaceChildren, trustedRendererHtml } from '@fairpost/page-kit/dom';

let chartCount = 0;

/**
 * Draws a Mermaid flowchart into a container. Mermaid (large) is loaded only when a chart is first shown, and runs
 * with `securityLevel: 'strict'`: labels are encoded, HTML in them is sanitised and click directives are off, on top
 * of the renderer quoting and escaping every label.
 */
async function drawFlowchart(container: HTMLElement, source: string): Promise<void> {
  try {
    const { default: mermaid } = await import('mermaid');
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      theme: 'neutral',
      flowchart: { useMaxWidth: true },
    });
    chartCount += 1;
    const { svg } = await mermaid.render(`policy-flowchart-${chartCount}`, source);
    replaceChildren(container, trustedRendererHtml(svg));
    container.querySelector('svg')?.setAttribute('aria-label', 'Flowchart of the policy’s decisions');
    container.querySelector('svg')?.setAttribute('role', 'img');
  } catch (error) {
    replaceChildren(
      container,
      h('p', { class: 'hint' }, `The flowchart could not be drawn: ${String(error)}`),
    );
  }
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

/**
 * Writes the audit summary into its box. The audit (its criteria are validated data) is loaded only when the policy
 * view is first shown, in a chunk of its own, so the questions stay as small as they are.
 */
async function showAudit(container: HTMLElement, compiled: CompiledPolicy): Promise<void> {
  try {
    const { auditSummary } = await import('./audit-summary.js');
    const report = auditSummary(compiled);
    replaceChildren(
      container,
      h('h3', {}, 'How fair is this policy?'),
      h('p', { class: 'audit-summary' }, report.summary),
      h(
        'p',
        { class: 'hint' },
        `Judged against published criteria (${report.criteria.id} ${report.criteria.version}): ${report.counts.error} errors, ${report.counts.warning} warnings; shares under ${report.weights === 'default' ? 'the default weights' : report.weights === 'uniform' ? 'uniform weights' : 'the weights given'}. Run fairpost audit for the findings, their sources and fixes.`,
      ),
    );
  } catch (error) {
    replaceChildren(container, h('p', { class: 'hint' }, `The audit could not be run: ${String(error)}`));
  }
}

/**
 * The "The policy" view: the handbook as the renderer writes it (every piece of policy text escaped by
 * `renderHtmlFragment`) and a flowchart of its decisions, drawn when the view is first shown.
 */
export function createPolicyView(compiled: CompiledPolicy): View {
  const chart = h('div', { class: 'flowchart' }, h('p', { class: 'hint' }, 'Drawing the flowchart…'));
  const source = renderMermaid(compiled.policy);
  const handbook = trustedRendererHtml(renderHtmlFragment(compiled.policy));
  const audit = h(
    'div',
    { class: 'audit', role: 'region', 'aria-label': 'Audit summary' },
    h('p', { class: 'hint' }, 'Auditing the policy…'),
  );
  let audited = false;
  labelCells(handbook);
  const element = h(
    'section',
    { class: 'view', id: 'view-policy', 'aria-labelledby': 'policy-title' },
    h('h2', { id: 'policy-title' }, 'The policy'),
    h(
      'p',
      { class: 'lede' },
      'The whole policy, and below it a flowchart of how it decides. The questions in “Can I post this?” follow the same rules.',
    ),
    audit,
    h(
      'div',
      { class: 'handbook', role: 'region', 'aria-label': 'The policy in full', tabindex: 0 },
      handbook,
    ),
    h('h3', {}, 'How the policy decides'),
    h('p', { class: 'hint' }, 'Start at the top and follow the answers that fit your situation.'),
    chart,
    h(
      'details',
      { class: 'as-text' },
      h('summary', {}, 'The flowchart as Mermaid text'),
      h('pre', {}, source),
    ),
  );
  const shown = () => {
    // The audit runs when the view is first shown, not when a policy is loaded: other views never wait for it.
    if (!audited) {
      audited = true;
      void showAudit(audit, compiled);
    }
    void drawFlowchart(chart, source);
  };
  return { element, shown };
}
