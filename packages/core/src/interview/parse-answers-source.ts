import { isNode, LineCounter, parseDocument } from 'yaml';
import type { Issue, PathSegment } from '../parse/issue.js';
import { readJsonSource } from '../parse/json-source.js';
import { type ParseInterviewAnswersResult, parseInterviewAnswers } from './interview-answers.js';

/** The longest answers file read: answers are a few hundred bytes; anything near this is not an answers file. */
const MAX_ANSWERS_CHARS = 100_000;

/**
 * Reads interview answers from the text of a file (JSON, or YAML when the name ends `.yaml` or `.yml`), locating
 * every issue by line and column as well as by path: a syntax error, a repeated key, an unknown question, a value
 * that is not one of the options, a duration that cannot be read. Never throws.
 * @example
 * const read = parseInterviewAnswersSource(readFileSync('answers.json', 'utf8'), 'answers.json');
 * if (!read.ok) for (const i of read.issues) console.error(`answers.json:${i.line}:${i.column}: ${i.message}`);
 */
export function parseInterviewAnswersSource(
  text: string,
  filename = 'answers.json',
): ParseInterviewAnswersResult {
  if (text.length > MAX_ANSWERS_CHARS)
    return {
      ok: false,
      issues: [
        {
          path: [],
          code: 'invalid-value',
          message: `an answers file is a few hundred characters; this one has ${text.length}`,
          expected: `at most ${MAX_ANSWERS_CHARS} characters`,
          received: `${text.length} characters`,
          line: 1,
          column: 1,
        },
      ],
    };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return /\.ya?ml$/i.test(filename) ? fromYaml(body) : fromJson(body);
}

function fromJson(text: string): ParseInterviewAnswersResult {
  const position = positionIn(text);
  const read = readJsonSource(text);
  if (!read.ok) return { ok: false, issues: [{ ...read.issue, ...position(read.offset) }] };
  const result = parseInterviewAnswers(read.value);
  if (result.ok) return result;
  return {
    ok: false,
    issues: result.issues.map((issue): Issue => ({ ...issue, ...position(read.locate(issue.path)) })),
  };
}

function fromYaml(text: string): ParseInterviewAnswersResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const [error] = doc.errors;
  if (error)
    return {
      ok: false,
      issues: [
        {
          path: [],
          code: 'invalid-yaml',
          message: error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''),
          ...position(error.pos[0]),
        },
      ],
    };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 0 }) ?? {};
  } catch (thrown) {
    return {
      ok: false,
      issues: [
        { path: [], code: 'invalid-yaml', message: String((thrown as Error).message), line: 1, column: 1 },
      ],
    };
  }
  const result = parseInterviewAnswers(value);
  if (result.ok) return result;
  const locate = (path: readonly PathSegment[]) => {
    // The nearest node that exists: an unknown key is reported at the map that holds it.
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return position(keyOffset(path.slice(0, n)) ?? node.range[0]);
    }
    return { line: 1, column: 1 };
  };
  // For a key that is present, point at the key rather than its value (an unknown key's value may be lines below).
  const keyOffset = (path: readonly PathSegment[]): number | undefined => {
    if (path.length === 0) return undefined;
    const parent = doc.getIn(path.slice(0, -1), true) as
      | { items?: { key?: { value?: unknown; range?: number[] } }[] }
      | undefined;
    return parent?.items?.find((item) => item.key?.value === path[path.length - 1])?.key?.range?.[0];
  };
  return { ok: false, issues: result.issues.map((issue): Issue => ({ ...issue, ...locate(issue.path) })) };
}

/** The 1-based line and column of an offset; lines end at \n, \r\n or a lone \r. */
function positionIn(text: string): (offset: number) => { line: number; column: number } {
  return (offset) => {
    let line = 1;
    let start = 0;
    for (let i = 0; i < offset && i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
        line++;
        start = i + 1;
      }
    }
    return { line, column: offset - start + 1 };
  };
}
