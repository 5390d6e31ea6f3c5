import { isCollection, isNode, LineCounter, parseDocument, visit } from 'yaml';
import { decodeUtf8, utf8Length } from './decode-source.js';
import type { Issue, PathSegment } from './issue.js';
import { readJsonSource } from './json-source.js';
import { LIMITS, limitIssue } from './limits.js';

// Reading a document from text is the same for every kind of file a person gives Fairpost (a policy, a scenario):
// the size limit, UTF-8, a byte-order mark, JSON read as JSON and YAML as YAML, and a line and column for every
// issue found later. It lives here once, so a policy file and a scenario file can never be read differently.

/** A line and column, both 1-based, as editors show them. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/**
 * A document read from text: its plain value and a way to place a path inside it, or the issues that stopped the
 * reading (each already placed).
 */
export type SourceDocument =
  | {
      readonly ok: true;
      readonly value: unknown;
      /** Where a path points in the text: the key when it is present, otherwise the nearest enclosing value. */
      locate(path: readonly PathSegment[]): SourcePosition;
    }
  | { readonly ok: false; readonly issues: Issue[] };

/**
 * Reads YAML or JSON text (or UTF-8 bytes) into plain data, never throwing: text over `LIMITS.sourceBytes`, bytes
 * that are not UTF-8, syntax errors, duplicate keys and text nested too deeply for the parser are issues with a
 * line and column. A `.json` file is read by a strict JSON reader, and so is text that starts with `{` or `[`
 * unless `filename` ends in `.yaml` or `.yml`; a byte-order mark is accepted.
 */
export function readSourceDocument(source: string | Uint8Array, filename?: string): SourceDocument {
  const size =
    typeof source === 'string'
      ? source.length > LIMITS.sourceBytes
        ? source.length
        : utf8Length(source)
      : source.byteLength;
  if (size > LIMITS.sourceBytes) {
    return { ok: false, issues: [{ ...limitIssue('sourceBytes', size, []), line: 1, column: 1 }] };
  }
  let text: string;
  if (typeof source === 'string') text = source;
  else {
    const decoded = decodeUtf8(source);
    if (!decoded.ok) {
      const { line, column } = lineColumn(decoded.text, decoded.text.length);
      const bad = source[decoded.badByte]!.toString(16).toUpperCase().padStart(2, '0');
      return {
        ok: false,
        issues: [
          {
            path: [],
            code: 'invalid-utf8',
            message: `the text is not UTF-8: byte 0x${bad} cannot start or continue a character here (save the file as UTF-8)`,
            expected: 'UTF-8 text',
            received: `the byte 0x${bad}`,
            line,
            column,
          },
        ],
      };
    }
    text = decoded.text;
  }
  // A byte-order mark is not part of the document (JSON forbids it, editors add it); positions stay as editors show.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return isJsonText(text, filename) ? readJson(text) : readYaml(text);
  } catch (error) {
    // The YAML parser recurses; text nested deeper than the stack allows is refused here, at the start.
    return {
      ok: false,
      issues: [
        {
          path: [],
          code: 'invalid-yaml',
          message: `the text could not be read: ${error instanceof RangeError ? 'it nests too deeply' : String(error)}`,
          line: 1,
          column: 1,
        },
      ],
    };
  }
}

/** Whether text is read as JSON: a `.json` file, or text starting as JSON that is not named as YAML. */
function isJsonText(text: string, filename: string | undefined): boolean {
  const name = filename?.toLowerCase() ?? '';
  if (name.endsWith('.json')) return true;
  if (name.endsWith('.yaml') || name.endsWith('.yml')) return false;
  return /^[ \t\r\n]*[{[]/.test(text);
}

/** The 1-based line and column of an offset; a line ends at \n, \r\n or a lone \r, as JSON and YAML agree. */
function lineColumn(text: string, offset: number): SourcePosition {
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
}

/** Line starts of a text, so that many offsets are located in logarithmic time each. */
function lineLocator(text: string): (offset: number) => SourcePosition {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) starts.push(i + 1);
  }
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

function readJson(text: string): SourceDocument {
  const read = readJsonSource(text);
  const position = lineLocator(text);
  if (!read.ok) return { ok: false, issues: [{ ...read.issue, ...position(read.offset) }] };
  return { ok: true, value: read.value, locate: (path) => position(read.locate(path)) };
}

function readYaml(text: string): SourceDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, merge: false });
  const position = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((error) => ({
        path: [],
        code: 'invalid-yaml',
        message: error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''),
        ...position(error.pos[0]),
      })),
    };
  }
  // A list or map used as a key (`? [a, b]: x`) has no place in the format, and turned into JSON it would become
  // the text "[ a, b ]" without a word: refused where it is written.
  let collectionKey: number | undefined;
  visit(doc, {
    Pair(_, pair) {
      if (isCollection(pair.key)) {
        collectionKey = pair.key.range?.[0] ?? 0;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  if (collectionKey !== undefined)
    return {
      ok: false,
      issues: [
        {
          path: [],
          code: 'invalid-yaml',
          message: 'a key must be text, not a list or a map',
          ...position(collectionKey),
        },
      ],
    };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return {
      ok: false,
      issues: [
        { path: [], code: 'invalid-yaml', message: String((error as Error).message), line: 1, column: 1 },
      ],
    };
  }
  const keyOffset = (path: readonly PathSegment[], n: number): number | undefined => {
    // For a key that is present, point at the key rather than its value.
    const parent = doc.getIn(path.slice(0, n - 1), true) as
      | { items?: { key?: { value?: unknown; range?: number[] } }[] }
      | undefined;
    const key = path[n - 1];
    const pair = parent?.items?.find((item) => item.key?.value === key);
    return pair?.key?.range?.[0];
  };
  const locate = (path: readonly PathSegment[]): SourcePosition => {
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
  return { ok: true, value, locate };
}
