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
  // YAML reads JSON, but also more than JSON (trailing commas, bare words, comments): a .json file must be JSON.
  const jsonError = isJson ? strictJsonError(text) : undefined;
  if (jsonError) {
    return {
      ok: false,
      issues: [{ path: [], code: 'invalid-json', message: jsonError.message, ...position(jsonError.offset) }],
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

/**
 * Why `text` is not strict JSON, and at which offset. Node's own message does not always give a position, so a
 * small recursive-descent reader finds the first offending character.
 */
function strictJsonError(text: string): { message: string; offset: number } | undefined {
  let at = 0;
  const fail = (expected: string): never => {
    const found = at < text.length ? JSON.stringify(text[at]) : 'the end of the text';
    throw { message: `not valid JSON: expected ${expected}, found ${found}`, offset: at };
  };
  const space = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at]!)) at++;
  };
  const eat = (token: string, expected = JSON.stringify(token)) => {
    if (!text.startsWith(token, at)) fail(expected);
    at += token.length;
  };
  const string = () => {
    eat('"', 'a string');
    for (;;) {
      if (at >= text.length) fail('a closing quote');
      const c = text[at]!;
      if (c === '"') break;
      if (c < ' ') fail('an escaped control character');
      if (c === '\\') {
        at++;
        if (text[at] === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(at + 1, at + 5))) at += 5;
        else if (text[at] !== undefined && '"\\/bfnrt'.includes(text[at]!)) at++;
        else fail('an escape such as \\n or \\u00e9');
      } else at++;
    }
    at++;
  };
  const value = (): void => {
    space();
    const c = text[at];
    if (c === '{') {
      at++;
      space();
      if (text[at] === '}') {
        at++;
        return;
      }
      for (;;) {
        space();
        string();
        space();
        eat(':');
        value();
        space();
        if (text[at] !== ',') break;
        at++;
      }
      eat('}', '"," or "}"');
      return;
    }
    if (c === '[') {
      at++;
      space();
      if (text[at] === ']') {
        at++;
        return;
      }
      for (;;) {
        value();
        space();
        if (text[at] !== ',') break;
        at++;
      }
      eat(']', '"," or "]"');
      return;
    }
    if (c === '"') {
      string();
      return;
    }
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(at));
    if (!literal) fail('a value');
    else at += literal[0].length;
  };
  try {
    value();
    space();
    if (at < text.length) fail('the end of the text');
    return undefined;
  } catch (error) {
    return error as { message: string; offset: number };
  }
}
