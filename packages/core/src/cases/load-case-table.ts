import { formatPath, type PathSegment } from '../parse/issue.js';
import type { z } from 'zod';
import { type Document, isNode, isPair, isScalar, LineCounter, parseDocument } from 'yaml';
import { type CaseTable, CaseTableSchema } from './case-table.js';

/** A problem in a case table, located by JSON path and by line and column. */
export interface CaseTableIssue {
  readonly path: readonly PathSegment[];
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

/** A position in the table's text (1-based). */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

/** The result of loading a case table: the table and a way to locate any path in it, or every issue. */
export type LoadCaseTableResult =
  | { ok: true; table: CaseTable; locate: (path: readonly PathSegment[]) => TextPosition }
  | { ok: false; issues: CaseTableIssue[] };

/**
 * Reads a case table from YAML text and checks it against `CaseTableSchema`. Never throws: syntax errors, unknown
 * keys and wrong values come back as issues with a path, a line and a column.
 * @example
 * const loaded = loadCaseTable(readFileSync(file, 'utf8'));
 * if (!loaded.ok) for (const i of loaded.issues) console.error(`${file}:${i.line}:${i.column}: ${formatCaseTableIssue(i)}`);
 */
export function loadCaseTable(text: string): LoadCaseTableResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const position = (offset: number): TextPosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((error) => ({
        path: [],
        message: error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''),
        ...position(error.pos[0]),
      })),
    };
  }
  const locate = (path: readonly PathSegment[]) => locateIn(doc, path, position);
  const parsed = CaseTableSchema.safeParse(doc.toJS({ maxAliasCount: 100 }), { reportInput: true });
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.flatMap((issue) => {
        const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
        // An unknown key is reported at the key itself, one issue per key, so none is dropped unnoticed.
        if (issue.code === 'unrecognized_keys') {
          return issue.keys.map((key) => ({
            path: [...path, key],
            message: `unknown key "${key}"; expected one of the case-table fields (see examples/README.md)`,
            ...locate([...path, key]),
          }));
        }
        return [{ path, message: describeIssue(issue), ...locate(path) }];
      }),
    };
  }
  return { ok: true, table: parsed.data, locate };
}

/** An issue as one line: `cases[3].expect.outcome: Invalid option: …`. */
export function formatCaseTableIssue(issue: CaseTableIssue): string {
  const at = formatPath(issue.path);
  return at === '' ? issue.message : `${at}: ${issue.message}`;
}

/** Says what is wrong in the author's terms: a missing field is named as required rather than "undefined". */
function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return `"${String(issue.path.at(-1) ?? 'value')}" is required (${issue.expected})`;
  }
  return issue.message;
}

/** The position of a path: the key when present, else the nearest enclosing node that exists. */
function locateIn(
  doc: Document,
  path: readonly PathSegment[],
  position: (offset: number) => TextPosition,
): TextPosition {
  for (let n = path.length; n > 0; n--) {
    const parent = doc.getIn(path.slice(0, n - 1), true);
    const key = path[n - 1];
    if (isNode(parent) && 'items' in parent && Array.isArray(parent.items)) {
      const item: unknown = typeof key === 'number' ? parent.items[key] : undefined;
      if (isNode(item) && item.range) return position(item.range[0]);
      const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
      if (isPair(pair) && isScalar(pair.key) && pair.key.range) return position(pair.key.range[0]);
    }
  }
  const root = doc.contents;
  return isNode(root) && root.range ? position(root.range[0]) : { line: 1, column: 1 };
}
