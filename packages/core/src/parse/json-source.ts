import type { Issue, PathSegment } from './issue.js';
import { LIMITS, limitIssue } from './limits.js';

/** Where a value sits in the text: its own offset, its key's offset (in an object), and its children. */
interface SourceNode {
  readonly offset: number;
  keyOffset?: number;
  children?: Map<PathSegment, SourceNode>;
}

/** JSON text read: the value and where each part of it is, or the first problem and its offset. */
export type JsonSource =
  | { ok: true; value: unknown; locate(path: readonly PathSegment[]): number }
  | { ok: false; issue: Omit<Issue, 'line' | 'column'>; offset: number };

class JsonProblem {
  constructor(
    readonly issue: Omit<Issue, 'line' | 'column'>,
    readonly offset: number,
  ) {}
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * Reads strict JSON (RFC 8259, exactly what `JSON.parse` accepts) and keeps the offset of every value and key, so
 * that issues found later point at a line and column. A repeated key is an issue (JSON.parse would keep the last
 * silently), and the depth and value limits are checked while reading, so deep or huge text fails at a position.
 */
export function readJsonSource(text: string): JsonSource {
  let at = 0;
  let values = 0;
  const fail = (expected: string): never => {
    const found = at < text.length ? JSON.stringify(text[at]) : 'the end of the text';
    throw new JsonProblem(
      { path: [], code: 'invalid-json', message: `not valid JSON: expected ${expected}, found ${found}` },
      at,
    );
  };
  const space = () => {
    while (at < text.length && WHITESPACE.has(text[at]!)) at++;
  };
  const string = (): string => {
    if (text[at] !== '"') fail('a string');
    at++;
    let out = '';
    let from = at;
    for (;;) {
      if (at >= text.length) fail('a closing quote');
      const c = text.charCodeAt(at);
      if (c === 0x22) break;
      if (c < 0x20) fail('an escaped control character');
      if (c === 0x5c) {
        out += text.slice(from, at);
        at++;
        const e = text[at];
        if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(at + 1, at + 5))) {
          out += String.fromCharCode(Number.parseInt(text.slice(at + 1, at + 5), 16));
          at += 5;
        } else if (e !== undefined && e in ESCAPES) {
          out += ESCAPES[e];
          at++;
        } else fail('an escape such as \\n or \\u00e9');
        from = at;
      } else at++;
    }
    out += text.slice(from, at);
    at++;
    return out;
  };
  const value = (path: PathSegment[], node: SourceNode): unknown => {
    if (++values > LIMITS.values)
      throw new JsonProblem(limitIssue('values', `more than ${LIMITS.values}`, path), at);
    const c = text[at];
    if (c === '{' || c === '[') {
      if (path.length >= LIMITS.documentDepth) {
        throw new JsonProblem(limitIssue('documentDepth', `more than ${LIMITS.documentDepth}`, path), at);
      }
      node.children = new Map();
      at++;
      space();
      return c === '{' ? object(path, node.children) : list(path, node.children);
    }
    if (c === '"') return string();
    NUMBER.lastIndex = at;
    const number = NUMBER.exec(text);
    if (number) {
      at += number[0].length;
      return Number(number[0]);
    }
    for (const [word, literal] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (text.startsWith(word, at)) {
        at += word.length;
        return literal;
      }
    }
    return fail('a value');
  };
  const object = (path: PathSegment[], children: Map<PathSegment, SourceNode>): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    if (text[at] === '}') {
      at++;
      return out;
    }
    for (;;) {
      space();
      const keyOffset = at;
      const key = string();
      if (Object.hasOwn(out, key)) {
        throw new JsonProblem(
          {
            path: [...path, key],
            code: 'duplicate-key',
            message: `the key ${JSON.stringify(key.slice(0, 60))} appears twice in this object`,
          },
          keyOffset,
        );
      }
      space();
      if (text[at] !== ':') fail('":"');
      at++;
      space();
      const child: SourceNode = { offset: at, keyOffset };
      children.set(key, child);
      // defineProperty, not assignment: a key named `__proto__` stays a key, as it does for JSON.parse.
      Object.defineProperty(out, key, {
        value: value([...path, key], child),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      space();
      if (text[at] !== ',') break;
      at++;
    }
    if (text[at] !== '}') fail('"," or "}"');
    at++;
    return out;
  };
  const list = (path: PathSegment[], children: Map<PathSegment, SourceNode>): unknown[] => {
    const out: unknown[] = [];
    if (text[at] === ']') {
      at++;
      return out;
    }
    for (;;) {
      space();
      const child: SourceNode = { offset: at };
      children.set(out.length, child);
      out.push(value([...path, out.length], child));
      space();
      if (text[at] !== ',') break;
      at++;
    }
    if (text[at] !== ']') fail('"," or "]"');
    at++;
    return out;
  };

  try {
    space();
    const root: SourceNode = { offset: at };
    const result = value([], root);
    space();
    if (at < text.length) fail('the end of the text');
    return {
      ok: true,
      value: result,
      locate(path) {
        // The nearest node that exists: a missing key is reported at the object that lacks it; a key that is
        // present, at the key rather than its value.
        let node = root;
        for (const segment of path) {
          const next = node.children?.get(segment);
          if (!next) return node.offset;
          node = next;
        }
        return node.keyOffset ?? node.offset;
      },
    };
  } catch (error) {
    if (error instanceof JsonProblem) return { ok: false, issue: error.issue, offset: error.offset };
    throw error;
  }
}
