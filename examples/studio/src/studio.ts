// The studio: the policy text in an editor on the left, live views of the last valid draft on the right, and the
// downloads. Everything happens in this page; nothing is sent anywhere.
import type { AuditReport, CompiledPolicy } from '@fairpost/core';
import { buildHandbook, renderHtml } from '@fairpost/render';
import type { DraftAnalysis, Problem } from './analyse-draft.js';
import { h, replaceChildren, uniqueId } from '@fairpost/page-kit/dom';
import { interviewView } from './interview-view.js';
import { download } from './download.js';
import { createEditor, type PolicyEditor } from './editor.js';
import {
  askView,
  auditView,
  compareView,
  flowchartView,
  handbookView,
  type LiveView,
  type PolicyText,
} from './views.js';

/** The browser's storage key for the draft, so a reload never loses work. */
const STORAGE_KEY = 'fairpost-studio-draft';

interface Tab {
  readonly id: string;
  readonly label: string;
  readonly view: LiveView;
}

function savedDraft(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function saveDraft(text: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, text);
  } catch {
    // Storage can be full or switched off; the draft is still in the editor.
  }
}

/**
 * Builds the studio in `root`.
 * @example createStudio(document.getElementById('app')!, bundledPolicies)
 */
export function createStudio(root: HTMLElement, examples: readonly PolicyText[]): void {
  const starter = examples.find((p) => p.name === 'starter.yaml') ?? examples[0];
  let current: { compiled: CompiledPolicy; audit: AuditReport; problems: readonly Problem[] } | undefined;
  let editor: PolicyEditor | undefined;

  const goTo = (line: number, column: number) => editor?.goTo(line, column);
  const interview = interviewView({
    currentText: () => editor?.text() ?? '',
    useDraft: (yaml) => editor?.setText(yaml),
  });
  const tabs: Tab[] = [
    {
      id: 'interview',
      label: 'Interview',
      view: { element: interview.element, update: () => {}, shown: interview.shown },
    },
    { id: 'handbook', label: 'Handbook', view: handbookView() },
    { id: 'flowchart', label: 'Flowchart', view: flowchartView() },
    { id: 'ask', label: 'Can I post this?', view: askView() },
    { id: 'audit', label: 'Audit', view: auditView() },
    { id: 'compare', label: 'Compare', view: compareView(examples) },
  ];

  // The status line and the list of problems: the same diagnostics the editor underlines, as a list a screen
  // reader can walk, each a button to its place in the text.
  const status = h('p', { class: 'draft-status', role: 'status' });
  const problemsList = h('ul', { class: 'problems', 'aria-label': 'Problems in the policy text' });

  const showAnalysis = (analysis: DraftAnalysis, text: string) => {
    saveDraft(text);
    const policyProblems = analysis.problems.filter((p) => p.source === 'policy');
    replaceChildren(
      problemsList,
      analysis.problems.map((p) =>
        h(
          'li',
          { class: `problem severity-${p.severity}`, 'data-line': p.line },
          h(
            'button',
            { type: 'button', class: 'link-button', onclick: () => goTo(p.line, p.column) },
            `Line ${p.line}:${p.column}`,
          ),
          ` ${p.source === 'lint' ? 'Lint: ' : ''}${p.message}`,
        ),
      ),
    );
    if (!analysis.ok) {
      status.className = 'draft-status has-errors';
      status.textContent = current
        ? `${policyProblems.length} ${policyProblems.length === 1 ? 'problem' : 'problems'} to fix. The views and downloads show the last version that worked.`
        : `${policyProblems.length} ${policyProblems.length === 1 ? 'problem' : 'problems'} to fix before anything can be shown.`;
      return;
    }
    current = { compiled: analysis.compiled, audit: analysis.audit, problems: analysis.problems };
    const lintErrors = analysis.lint.filter((f) => f.severity === 'error').length;
    const auditErrors = analysis.audit.counts.error;
    const errors = (n: number, what: string) =>
      n > 0 ? [`${n} ${what} ${n === 1 ? 'error' : 'errors'}`] : [];
    const told = [...errors(lintErrors, 'lint'), ...errors(auditErrors, 'audit')];
    status.className = told.length > 0 ? 'draft-status has-errors' : 'draft-status ok';
    status.textContent = `“${analysis.compiled.policy.title}” is valid${told.length > 0 ? `, with ${told.join(' and ')}` : ''}.`;
    for (const tab of tabs) tab.view.update(analysis.compiled, analysis.audit, analysis.problems);
  };

  // Tabs: a real tablist (arrow keys, Home and End move between tabs; Tab moves into the panel).
  const tabButtons = tabs.map((tab, index) =>
    h(
      'button',
      {
        type: 'button',
        role: 'tab',
        id: `tab-${tab.id}`,
        'aria-controls': `panel-${tab.id}`,
        'aria-selected': 'false',
        tabindex: -1,
        onclick: () => select(index),
        onkeydown: (e: Event) => {
          const key = (e as KeyboardEvent).key;
          const next =
            key === 'ArrowRight'
              ? (index + 1) % tabs.length
              : key === 'ArrowLeft'
                ? (index - 1 + tabs.length) % tabs.length
                : key === 'Home'
                  ? 0
                  : key === 'End'
                    ? tabs.length - 1
                    : -1;
          if (next < 0) return;
          e.preventDefault();
          select(next);
          tabButtons[next]!.focus();
        },
      },
      tab.label,
    ),
  );
  const panels = tabs.map((tab) =>
    h(
      'section',
      {
        role: 'tabpanel',
        id: `panel-${tab.id}`,
        'aria-labelledby': `tab-${tab.id}`,
        tabindex: 0,
        hidden: true,
        class: 'panel',
      },
      tab.view.element,
    ),
  );
  function select(index: number): void {
    tabs.forEach((tab, i) => {
      tabButtons[i]!.setAttribute('aria-selected', i === index ? 'true' : 'false');
      tabButtons[i]!.tabIndex = i === index ? 0 : -1;
      panels[i]!.hidden = i !== index;
      if (i === index) tab.view.shown?.();
    });
  }

  // Starting points and files.
  const exampleId = uniqueId('example');
  const fileId = uniqueId('file');
  const exampleSelect = h(
    'select',
    { id: exampleId },
    examples.map((p) => h('option', { value: p.name, selected: p === starter }, p.name)),
  );
  const loadText = (text: string) => {
    editor?.setText(text);
    editor?.view.focus();
  };
  const start = h(
    'div',
    { class: 'start' },
    h('label', { for: exampleId }, 'Start from an example'),
    h(
      'div',
      { class: 'inline' },
      exampleSelect,
      h(
        'button',
        {
          type: 'button',
          onclick: () => {
            const chosen = examples.find((p) => p.name === exampleSelect.value);
            if (chosen) loadText(chosen.text);
          },
        },
        'Open example',
      ),
    ),
    h('label', { for: fileId }, 'Or open your own policy (YAML or JSON)'),
    h('input', {
      id: fileId,
      type: 'file',
      class: 'open-file',
      accept: '.yaml,.yml,.json',
      onchange: async (e: Event) => {
        const file = (e.target as HTMLInputElement).files?.[0];
        if (file) loadText(await file.text());
      },
    }),
    h('p', { class: 'hint' }, 'Opening replaces the text in the editor; Ctrl+Z brings yours back.'),
  );

  // Downloads, each from the last valid draft and the one handbook structure.
  const fileBase = () => current?.compiled.policy.id ?? 'policy';
  const needsDraft = (make: (compiled: CompiledPolicy) => void | Promise<void>) => () => {
    if (!current) {
      status.textContent = 'Nothing to download yet: fix the problems listed under the editor first.';
      return;
    }
    void make(current.compiled);
  };
  const downloads = h(
    'div',
    { class: 'downloads', role: 'group', 'aria-labelledby': 'downloads-title' },
    h('h2', { id: 'downloads-title' }, 'Download'),
    h(
      'button',
      {
        type: 'button',
        id: 'download-yaml',
        onclick: () =>
          download(new Blob([editor?.text() ?? ''], { type: 'text/yaml' }), `${fileBase()}.yaml`),
      },
      'Policy (YAML)',
    ),
    h(
      'button',
      {
        type: 'button',
        id: 'download-html',
        onclick: needsDraft((c) =>
          download(new Blob([renderHtml(c.policy)], { type: 'text/html' }), `${c.policy.id}-handbook.html`),
        ),
      },
      'Handbook (HTML)',
    ),
    h(
      'button',
      {
        type: 'button',
        id: 'download-docx',
        onclick: needsDraft(async (c) => {
          // The Word writer is loaded only when first asked for.
          const { handbookDocx } = await import('./handbook-docx.js');
          download(await handbookDocx(buildHandbook(c.policy)), `${c.policy.id}-handbook.docx`);
        }),
      },
      'Handbook (Word)',
    ),
    h(
      'button',
      {
        type: 'button',
        id: 'download-pdf',
        onclick: needsDraft(() => {
          select(tabs.findIndex((t) => t.id === 'handbook'));
          window.print();
        }),
      },
      'Handbook (PDF: print, then “Save as PDF”)',
    ),
  );

  const editorHost = h('div', { class: 'editor-host' });
  // The masthead is in index.html (painted before this runs); the studio goes after it.
  root.append(
    h(
      'main',
      { id: 'main', tabindex: -1 },
      h(
        'div',
        { class: 'columns' },
        h(
          'section',
          { class: 'editor-pane', 'aria-labelledby': 'editor-title' },
          h('h2', { id: 'editor-title' }, 'Policy text'),
          start,
          h(
            'p',
            { class: 'hint', id: 'editor-help' },
            'Ctrl+Space suggests what can go where the cursor is; after “is:” it offers the fact’s own values. F8 jumps to the next problem. Tab leaves the editor.',
          ),
          editorHost,
          status,
          problemsList,
          downloads,
        ),
        h(
          'section',
          { class: 'preview-pane', 'aria-label': 'Live views of the draft' },
          h('div', { role: 'tablist', 'aria-label': 'Views of the draft', class: 'tabs' }, tabButtons),
          panels,
        ),
      ),
    ),
  );

  // Someone new starts with the interview; someone coming back to a draft starts with its handbook.
  const saved = savedDraft();
  select(saved === null ? 0 : 1);
  editor = createEditor({
    parent: editorHost,
    text: saved ?? starter?.text ?? '',
    label: 'Policy text (YAML or JSON)',
    describedBy: 'editor-help',
    onAnalysis: showAnalysis,
  });
}
