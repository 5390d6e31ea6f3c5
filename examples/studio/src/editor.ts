// The YAML editor: CodeMirror 6 with completion, hover and validation from the published JSON Schema
// (codemirror-json-schema), completion of each fact's own values, and Fairpost's own checks as diagnostics.
import {
  autocompletion,
  closeBrackets,
  closeBracketsKeymap,
  type CompletionContext,
  completionKeymap,
} from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { yaml, yamlLanguage } from '@codemirror/lang-yaml';
import {
  bracketMatching,
  defaultHighlightStyle,
  indentOnInput,
  syntaxHighlighting,
} from '@codemirror/language';
import { type Diagnostic, linter, lintGutter, lintKeymap } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView, highlightActiveLine, hoverTooltip, keymap, lineNumbers } from '@codemirror/view';
import { type ResolvedVocabulary, standardVocabulary } from '@fairpost/core';
import policySchema from '@fairpost/schemas/json/draft-07/policy.json';
import { yamlCompletion, yamlSchemaHover, yamlSchemaLinter } from 'codemirror-json-schema/yaml';
import { stateExtensions } from 'codemirror-json-schema';
import { type DraftAnalysis, analyseDraft } from './analyse-draft.js';
import { factValueOptions, factValueSite } from './fact-values.js';

/** What the studio needs from its editor. */
export interface PolicyEditor {
  readonly view: EditorView;
  /** The current text. */
  text(): string;
  /** Replaces the whole text (loading a file, an example or an interview draft). */
  setText(text: string): void;
  /** Moves the cursor to a line and column and focuses the editor. */
  goTo(line: number, column: number): void;
}

/** Options for `createEditor`. */
export interface EditorOptions {
  readonly parent: HTMLElement;
  readonly text: string;
  /** The label screen readers announce for the editing area. */
  readonly label: string;
  /** The id of the help text describing the editor's keys. */
  readonly describedBy: string;
  /** Called with each fresh analysis of the text (on load and after edits settle). */
  readonly onAnalysis: (analysis: DraftAnalysis, text: string) => void;
}

/**
 * Creates the editor. Tab is left to move focus (keyboard users are never trapped); Ctrl-Space opens completion,
 * F8 moves to the next diagnostic.
 * @example createEditor({ parent, text, label: 'Policy (YAML)', onAnalysis: show })
 */
export function createEditor(options: EditorOptions): PolicyEditor {
  // The vocabulary of the last text that parsed: custom facts are offered too.
  let vocabulary: ResolvedVocabulary = standardVocabulary;

  const factValues = (context: CompletionContext) => {
    const site = factValueSite(context.state.doc.toString(), context.pos);
    if (!site) return null;
    const offered = factValueOptions(vocabulary, site.fact).filter((o) => !site.listed.includes(o.value));
    if (offered.length === 0) return null;
    return {
      from: site.from,
      to: site.to,
      options: offered.map((o) => ({ label: o.value, detail: o.label, type: 'enum', boost: 99 })),
      validFor: /^[\w.-]*$/,
    };
  };

  const fairpostChecks = linter(
    (view): Diagnostic[] => {
      const text = view.state.doc.toString();
      const analysis = analyseDraft(text);
      if (analysis.ok) vocabulary = analysis.compiled.vocabulary;
      options.onAnalysis(analysis, text);
      const length = view.state.doc.length;
      return analysis.problems.map((p) => ({
        from: Math.min(p.from, length),
        to: Math.min(p.to, length),
        severity: p.severity,
        source: p.source === 'policy' ? 'Fairpost' : 'Fairpost lint',
        message: p.message,
      }));
    },
    { delay: 400 },
  );

  const schema = policySchema as unknown as Parameters<typeof stateExtensions>[0];
  const view = new EditorView({
    parent: options.parent,
    state: EditorState.create({
      doc: options.text,
      extensions: [
        lineNumbers(),
        lintGutter(),
        history(),
        indentOnInput(),
        bracketMatching(),
        closeBrackets(),
        highlightActiveLine(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        EditorView.lineWrapping,
        // tabindex makes the editing area count as focusable for the scroller around it (axe's scrollable-region rule).
        EditorView.contentAttributes.of({
          'aria-label': options.label,
          'aria-describedby': options.describedBy,
          tabindex: '0',
        }),
        keymap.of([
          ...closeBracketsKeymap,
          ...defaultKeymap,
          ...historyKeymap,
          ...completionKeymap,
          ...lintKeymap,
        ]),
        yaml(),
        stateExtensions(schema),
        autocompletion({ activateOnTyping: true }),
        yamlLanguage.data.of({ autocomplete: factValues }),
        yamlLanguage.data.of({ autocomplete: yamlCompletion() }),
        hoverTooltip(yamlSchemaHover()),
        linter(yamlSchemaLinter(), { delay: 600 }),
        fairpostChecks,
      ],
    }),
  });

  return {
    view,
    text: () => view.state.doc.toString(),
    setText(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    goTo(line, column) {
      const doc = view.state.doc;
      const l = doc.line(Math.min(Math.max(line, 1), doc.lines));
      const pos = Math.min(l.from + Math.max(column, 1) - 1, l.to);
      view.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
      view.focus();
    },
  };
}
