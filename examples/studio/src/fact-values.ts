// Completion of a fact's own values after `is:`, `isNot:`, `in:` and `notIn:`. The published schema says which
// values each fact takes (an if/then per fact), but a schema completer that reads the operand without its sibling
// `fact:` offers nothing useful there; this reads the sibling from the text, so it works while the YAML is
// half-typed, and knows the policy's custom facts too.
import type { ResolvedVocabulary } from '@fairpost/core';

/** Where a fact value is being typed: which fact, and the span of the partial value. */
export interface FactValueSite {
  readonly fact: string;
  readonly from: number;
  readonly to: number;
  /** Values already listed in a flow list (`in: [a, b, ▮]`), not offered again. */
  readonly listed: readonly string[];
}

const OPERAND = /^(\s*)(-\s+)?(is|isNot|in|notIn)\s*:\s*(\[(?:[^\]]*,)?\s*)?([\w.-]*)$/;
const LIST_ITEM = /^(\s*)-\s+([\w.-]*)$/;
const KEY = /^(\s*)(-\s+)?([\w.]+)\s*:(.*)$/;

interface Line {
  readonly text: string;
  readonly start: number;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const t of text.split('\n')) {
    lines.push({ text: t, start });
    start += t.length + 1;
  }
  return lines;
}

/** The column of a line's key (after any `- `), or -1 for blank and comment lines. */
function keyColumn(line: string): number {
  const m = KEY.exec(line);
  if (m) return m[1]!.length + (m[2]?.length ?? 0);
  const item = /^(\s*)-\s+(\S)/.exec(line);
  if (item) return item[1]!.length + item[0].length - item[1]!.length - 1;
  return /^\s*(#.*)?$/.test(line) ? -1 : line.length - line.trimStart().length;
}

/** The `fact:` in the mapping whose keys sit at `column`, around line `at`. */
function siblingFact(lines: readonly Line[], at: number, column: number): string | undefined {
  const factAt = (line: string) => {
    const m = KEY.exec(line);
    if (m?.[3] !== 'fact' || m[1]!.length + (m[2]?.length ?? 0) !== column) return undefined;
    return (
      m[4]!
        .trim()
        .replace(/^["']|["']$/g, '')
        .replace(/\s+#.*$/, '') || undefined
    );
  };
  // Upwards until the mapping starts (its first key carries the `- ` of its list item) or a shallower key.
  for (let i = at; i >= 0; i--) {
    const text = lines[i]!.text;
    const col = keyColumn(text);
    if (col === -1) continue;
    if (i !== at) {
      const found = factAt(text);
      if (found) return found;
    }
    if (col < column) break;
    if (col === column && /^\s*-\s/.test(text)) break;
  }
  for (let i = at + 1; i < lines.length; i++) {
    const text = lines[i]!.text;
    const col = keyColumn(text);
    if (col === -1) continue;
    if (col < column || (col === column && /^\s*-\s/.test(text))) break;
    const found = factAt(text);
    if (found) return found;
  }
  return undefined;
}

/**
 * Finds whether the cursor is where a fact's value goes, and which fact.
 * @example factValueSite('when:\n  fact: context.time\n  is: ow', 30)?.fact // 'context.time'
 */
export function factValueSite(text: string, pos: number): FactValueSite | undefined {
  const lines = linesOf(text);
  let index = lines.findIndex(
    (l, i) => pos >= l.start && (i + 1 === lines.length || pos < lines[i + 1]!.start),
  );
  if (index < 0) index = lines.length - 1;
  const line = lines[index]!;
  const before = line.text.slice(0, pos - line.start);
  const operand = OPERAND.exec(before);
  if (operand) {
    const column = operand[1]!.length + (operand[2]?.length ?? 0);
    const fact = siblingFact(lines, index, column);
    if (!fact) return undefined;
    const partial = operand[5]!;
    const listed = (operand[4] ?? '')
      .replace(/^\[/, '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    return { fact, from: pos - partial.length, to: pos, listed };
  }
  // A block list item under `in:` or `notIn:`.
  const item = LIST_ITEM.exec(before);
  if (!item) return undefined;
  const dash = item[1]!.length;
  const listed: string[] = [];
  for (let i = index - 1; i >= 0; i--) {
    const text = lines[i]!.text;
    if (/^\s*(#.*)?$/.test(text)) continue;
    const indent = text.length - text.trimStart().length;
    const sibling = LIST_ITEM.exec(text);
    if (sibling && sibling[1]!.length === dash) {
      listed.push(sibling[2]!);
      continue;
    }
    const key = /^(\s*)(-\s+)?(in|notIn)\s*:\s*$/.exec(text);
    if (!key || indent > dash) return undefined;
    const column = key[1]!.length + (key[2]?.length ?? 0);
    const fact = siblingFact(lines, i, column);
    return fact ? { fact, from: pos - item[2]!.length, to: pos, listed } : undefined;
  }
  return undefined;
}

/** A value to offer: the text to insert and its label in the vocabulary. */
export interface FactValueOption {
  readonly value: string;
  readonly label: string;
}

/**
 * The values a fact can take, with their labels, from the vocabulary (standard or the policy's own).
 * @example factValueOptions(standardVocabulary, 'context.time') // [{ value: 'work-time', … }, { value: 'own-time', … }]
 */
export function factValueOptions(vocabulary: ResolvedVocabulary, fact: string): FactValueOption[] {
  const definition = vocabulary.facts.get(fact);
  if (!definition) return [];
  return definition.type === 'boolean'
    ? [
        { value: 'true', label: 'yes' },
        { value: 'false', label: 'no' },
      ]
    : definition.values.map((v) => ({ value: v.value, label: v.label }));
}
