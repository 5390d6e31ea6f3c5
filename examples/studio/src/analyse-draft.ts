// One pass over the editor's text: parse it (line:column issues), compile it without code generation (the page's
// CSP forbids eval), lint and audit it, and place every problem in the text so the editor can underline it.
import {
  type AuditReport,
  type CompiledPolicy,
  compilePolicy,
  formatIssue,
  type Issue,
  parsePolicySource,
} from '@fairpost/core';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { auditDraft, type LintFinding, lintDraft } from './audit.js';

/** A problem placed in the text: `from`/`to` are offsets, `line`/`column` 1-based. */
export interface Problem {
  readonly from: number;
  readonly to: number;
  readonly line: number;
  readonly column: number;
  readonly severity: 'error' | 'warning' | 'info';
  /** `policy` for parsing and validation, `lint` for lint's findings (the audit is shown in its own view). */
  readonly source: 'policy' | 'lint';
  readonly message: string;
}

/** What the studio knows about the text in the editor. */
export type DraftAnalysis =
  | {
      readonly ok: true;
      readonly compiled: CompiledPolicy;
      readonly lint: readonly LintFinding[];
      readonly audit: AuditReport;
      readonly problems: readonly Problem[];
    }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** Offsets of the start of every line, for turning line:column into a position. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

/** The span to underline from a line:column: up to the end of the token there (at least one character). */
function spanAt(
  text: string,
  starts: readonly number[],
  line: number,
  column: number,
): { from: number; to: number } {
  const lineIndex = Math.min(Math.max(line, 1), starts.length) - 1;
  const lineStart = starts[lineIndex]!;
  const lineEnd = lineIndex + 1 < starts.length ? starts[lineIndex + 1]! - 1 : text.length;
  const from = Math.min(lineStart + Math.max(column, 1) - 1, lineEnd);
  let to = from;
  while (to < lineEnd && !/[\s,\]}]/.test(text[to]!)) to++;
  return { from, to: Math.max(to, Math.min(from + 1, text.length)) };
}

const OPERATORS = ['is', 'isNot', 'in', 'notIn'] as const;

/**
 * core locates a wrong fact value at its fact test (the mapping); the editor points at the value itself: the
 * operand, or the list item the message quotes. Null when the issue is not about a fact test's value.
 */
function factValueRange(text: string, issue: Issue): [number, number] | null {
  if (issue.code !== 'invalid-fact-value') return null;
  const doc = parseDocument(text);
  const test = doc.getIn(issue.path as (string | number)[], true);
  if (!isMap(test)) return null;
  for (const op of OPERATORS) {
    const operand = test.get(op, true);
    if (!operand) continue;
    const candidates = isSeq(operand) ? operand.items : [operand];
    for (const item of candidates) {
      const node = item as { value?: unknown; range?: [number, number, number] };
      if (node.range && issue.message.includes(JSON.stringify(String(node.value))))
        return [node.range[0], node.range[1]];
    }
    const whole = (operand as { range?: [number, number, number] }).range;
    return whole ? [whole[0], whole[1]] : null;
  }
  return null;
}

/** Where each rule's and duty's `id` is written, by id, so lint findings can point at their subject. */
function idPositions(text: string, list: 'rules' | 'duties'): Map<string, [number, number]> {
  const found = new Map<string, [number, number]>();
  const doc = parseDocument(text, { lineCounter: new LineCounter() });
  const seq = doc.get(list, true);
  if (!isSeq(seq)) return found;
  for (const item of seq.items) {
    if (!isMap(item)) continue;
    const id = item.get('id', true) as { value?: unknown; range?: [number, number, number] } | undefined;
    if (id && typeof id.value === 'string' && id.range && !found.has(id.value))
      found.set(id.value, [id.range[0], id.range[1]]);
  }
  return found;
}

function placeAt(starts: readonly number[], from: number, to: number) {
  let line = 1;
  while (line < starts.length && starts[line]! <= from) line++;
  return { from, to, line, column: from - starts[line - 1]! + 1 };
}

/**
 * Parses, compiles, lints and audits the editor's text, and places every problem (parsing, validation, lint) by
 * line and column.
 * @example analyseDraft(text, 'policy.yaml').problems.map((p) => `${p.line}:${p.column} ${p.message}`)
 */
export function analyseDraft(text: string, filename = 'policy.yaml'): DraftAnalysis {
  const starts = lineStarts(text);
  const parsed = parsePolicySource(text, { filename });
  if (!parsed.ok) {
    return {
      ok: false,
      problems: parsed.issues.map((issue): Problem => {
        const value = factValueRange(text, issue);
        if (value)
          return {
            ...placeAt(starts, value[0], value[1]),
            severity: 'error',
            source: 'policy',
            message: formatIssue(issue),
          };
        const line = issue.line ?? 1;
        const column = issue.column ?? 1;
        return {
          ...spanAt(text, starts, line, column),
          line,
          column,
          severity: 'error',
          source: 'policy',
          message: formatIssue(issue),
        };
      }),
    };
  }
  const compiled = compilePolicy(parsed.policy, { generateCode: false });
  const lint = lintDraft(compiled);
  const audit = auditDraft(compiled);
  const rules = idPositions(text, 'rules');
  const duties = idPositions(text, 'duties');
  const problems = lint.map((finding): Problem => {
    const at =
      (finding.ruleIds[0] !== undefined ? rules.get(finding.ruleIds[0]) : undefined) ??
      (finding.dutyIds[0] !== undefined ? duties.get(finding.dutyIds[0]) : undefined) ??
      ([0, Math.min(1, text.length)] as [number, number]);
    return {
      ...placeAt(starts, at[0], at[1]),
      severity: finding.severity,
      source: 'lint',
      message: finding.message,
    };
  });
  return { ok: true, compiled, lint, audit, problems };
}
