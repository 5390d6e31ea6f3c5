import { isNode, LineCounter, parseDocument } from 'yaml';
import type { Issue, PathSegment } from './issue.js';
import { type ParsePolicyResult, parsePolicy } from './parse-policy.js';

/** Options for `parsePolicySource`. */
export interface ParsePolicySourceOptions {
  /** The file name, used to tell JSON from YAML (`.json`) and kept for messages. */
  readonly filename?: string;
}

/** The result of parsing policy text; every issue carries a line and column. */
export type ParsePolicySourceResult = ParsePolicyResult & { readonly filename?: string };

/**
 * Parses a policy from YAML or JSON text and validates it, locating every issue by line and column as well as JSON
 * path. Syntax errors and duplicate keys are issues too. Never throws.
 * @example
 * const result = parsePolicySource(readFileSync(file, 'utf8'), { filename: file });
 * if (!result.ok) for (const i of result.issues) console.error(`${file}:${i.line}:${i.column}: ${formatIssue(i)}`);
 */
export function parsePolicySource(
  text: string,
  options: ParsePolicySourceOptions = {},
): ParsePolicySourceResult {
  const named = options.filename === undefined ? {} : { filename: options.filename };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, merge: false });
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const isJson = options.filename?.toLowerCase().endsWith('.json') ?? false;
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((error) => ({
        path: [],
        code: isJson ? 'invalid-json' : 'invalid-yaml',
        message: error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''),
        ...position(error.pos[0]),
      })),
      ...named,
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return {
      ok: false,
      issues: [
        { path: [], code: 'invalid-yaml', message: String((error as Error).message), line: 1, column: 1 },
      ],
      ...named,
    };
  }
  const result = parsePolicy(value);
  if (result.ok) return { ...result, ...named };
  const locate = (path: readonly PathSegment[]) => {
    // Walk up to the nearest node that exists: a missing key is reported at the object that lacks it.
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) {
        return position(
          n < path.length || path.length === 0 ? node.range[0] : (keyOffset(path, n) ?? node.range[0]),
        );
      }
    }
    return { line: 1, column: 1 };
  };
  const keyOffset = (path: readonly PathSegment[], n: number): number | undefined => {
    // For a key that is present, point at the key rather than its value.
    const parent = doc.getIn(path.slice(0, n - 1), true) as
      | { items?: { key?: { value?: unknown; range?: number[] } }[] }
      | undefined;
    const key = path[n - 1];
    const pair = parent?.items?.find((item) => item.key?.value === key);
    return pair?.key?.range?.[0];
  };
  return {
    ok: false,
    issues: result.issues.map((issue): Issue => ({ ...issue, ...locate(issue.path) })),
    ...named,
  };
}
