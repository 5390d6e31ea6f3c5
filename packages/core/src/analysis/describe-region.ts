import { splitMemberDimension } from '../model/condition-node.js';
import type { FactValue } from '../vocabulary/fact-types.js';
import type { ResolvedVocabulary } from '../vocabulary/resolve-vocabulary.js';
import { minimiseRegion } from './minimise-region.js';
import {
  type MaskCube,
  type MaskRegion,
  type ScenarioSpace,
  type SpaceWeights,
  valuesOf,
} from '../region/region.js';

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** One fact's constraint in words: "account is personal account or pseudonymous account". */
function describeFact(
  vocabulary: ResolvedVocabulary,
  fact: string,
  values: readonly FactValue[],
  domain: readonly FactValue[],
): string {
  // A membership dimension of a set fact: whether the set includes one member ("it is about party politics").
  const member = splitMemberDimension(fact);
  const set = member ? vocabulary.facts.get(member.fact) : undefined;
  if (member && set?.type === 'set') {
    const phrase = set.values.find((v) => v.value === member.member)?.phrase ?? member.member;
    return `${values[0] === true ? set.phrase : set.negatedPhrase} ${phrase}`;
  }
  const definition = vocabulary.facts.get(fact);
  if (!definition) return `${fact} is ${values.map(String).join(' or ')}`;
  if (definition.type === 'boolean') return values[0] === true ? definition.whenTrue : definition.whenFalse;
  const label = (value: FactValue) =>
    lowerFirst(definition.values.find((v) => v.value === value)?.label ?? String(value));
  // Name the shorter side, in words: "is not organisation's account" reads better than three other accounts.
  const excluded = domain.filter((v) => !values.includes(v));
  const positive = `${lowerFirst(definition.label)} is ${orList(values.map(label))}`;
  const negative = `${lowerFirst(definition.label)} is not ${orList(excluded.map(label))}`;
  return countWords(negative) < countWords(positive) ? negative : positive;
}

/** One fact's constraint in a cube: its words, and how much of the space it rules out. */
interface Clause {
  readonly text: string;
  /** How many words `text` has. */
  readonly words: number;
  /** The share of the fact's weight the clause rules out: the more, the more the clause matters. */
  readonly narrows: number;
}

/** A fact's words for a set of its values, once per space, vocabulary, fact and set of values. */
interface FactWords {
  readonly text: string;
  readonly words: number;
}

// The same few value sets recur across the thousands of cubes an analysis describes: say each once.
const wordsCache = new WeakMap<ScenarioSpace, WeakMap<ResolvedVocabulary, Map<string, FactWords>[]>>();

function factWordsTable(space: ScenarioSpace, vocabulary: ResolvedVocabulary): Map<string, FactWords>[] {
  let byVocabulary = wordsCache.get(space);
  if (!byVocabulary) {
    byVocabulary = new WeakMap();
    wordsCache.set(space, byVocabulary);
  }
  let table = byVocabulary.get(vocabulary);
  if (!table) {
    table = space.facts.map(() => new Map<string, FactWords>());
    byVocabulary.set(vocabulary, table);
  }
  return table;
}

/** The key of fact f's words in a cube: its mask words, which say exactly which values it allows. */
function factKey(space: ScenarioSpace, cube: MaskCube, f: number): string {
  const offset = space.offsets[f]!;
  const width = space.widths[f]!;
  if (width === 1) return String(cube[offset]!);
  let key = '';
  for (let w = 0; w < width; w++) key += `${cube[offset + w]!},`;
  return key;
}

function clausesOf(
  space: ScenarioSpace,
  vocabulary: ResolvedVocabulary,
  cube: MaskCube,
  weights: SpaceWeights,
): Clause[] {
  const clauses: Clause[] = [];
  const table = factWordsTable(space, vocabulary);
  for (let f = 0; f < space.facts.length; f++) {
    if (allowsEvery(space, cube, f)) continue;
    const key = factKey(space, cube, f);
    const known = table[f]!;
    let said = known.get(key);
    const values = said === undefined || weights ? valuesOf(cube, f, space) : undefined;
    const domain = space.domains[f]!;
    if (said === undefined) {
      const text = describeFact(vocabulary, space.facts[f]!, values!, domain);
      said = { text, words: countWords(text) };
      known.set(key, said);
    }
    const w = weights?.[f];
    const kept = w
      ? domain.reduce((sum, v, i) => sum + (values!.includes(v) ? w[i]! : 0), 0)
      : popcountFact(space, cube, f) / domain.length;
    clauses.push({ text: said.text, words: said.words, narrows: 1 - kept });
  }
  return clauses;
}

/** Whether a cube allows fact f every value of its domain. */
function allowsEvery(space: ScenarioSpace, cube: MaskCube, f: number): boolean {
  const offset = space.offsets[f]!;
  for (let w = offset; w < offset + space.widths[f]!; w++) if (cube[w] !== space.full[w]) return false;
  return true;
}

/** How many values a cube allows fact f. */
function popcountFact(space: ScenarioSpace, cube: MaskCube, f: number): number {
  const offset = space.offsets[f]!;
  let n = 0;
  for (let w = offset; w < offset + space.widths[f]!; w++) {
    let x = cube[w]! >>> 0;
    x -= (x >>> 1) & 0x55555555;
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    n += (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return n;
}

/** A cube in words, using vocabulary labels and phrases: "account is personal account naming your job and …". */
export function describeCube(space: ScenarioSpace, vocabulary: ResolvedVocabulary, cube: MaskCube): string {
  const parts = clausesOf(space, vocabulary, cube, undefined).map((c) => c.text);
  return parts.length === 0 ? 'in every situation' : parts.join(' and ');
}

/**
 * A cube in at most `limit` words: every clause when they fit; otherwise the clauses that rule out the most (under
 * the weights), in their usual order, and a count of the rest, which the exact region keeps.
 */
function describeCubeWithin(
  space: ScenarioSpace,
  vocabulary: ResolvedVocabulary,
  cube: MaskCube,
  weights: SpaceWeights,
  limit: number,
): string {
  const clauses = clausesOf(space, vocabulary, cube, weights);
  if (clauses.length === 0) return 'in every situation';
  // " and " between clauses is one word more.
  let wholeWords = clauses.length - 1;
  for (const c of clauses) wholeWords += c.words;
  if (wholeWords <= limit) return clauses.map((c) => c.text).join(' and ');
  const byWeight = clauses.map((c, i) => ({ ...c, i })).sort((x, y) => y.narrows - x.narrows || x.i - y.i);
  for (let keep = clauses.length - 1; keep >= 1; keep--) {
    const chosen = new Set(byWeight.slice(0, keep).map((c) => c.i));
    const rest = clauses.length - keep;
    const text = `${clauses
      .filter((_, i) => chosen.has(i))
      .map((c) => c.text)
      .join(' and ')} (and ${rest} more ${rest === 1 ? 'condition' : 'conditions'})`;
    if (countWords(text) <= limit) return text;
  }
  // One clause alone runs over the limit (a fact with very long labels): say it, whole.
  const first = byWeight[0]!;
  return `${first.text}${clauses.length > 1 ? ` (and ${clauses.length - 1} more conditions)` : ''}`;
}

/** The most words one region description may run to; a region that needs more is said in several descriptions. */
export const REGION_WORD_LIMIT = 40;

/** How many words a text has, as a reader counts them (runs of non-space characters). */
export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}

/** Whether a UTF-16 code unit is white space as `\s` reads it (the ECMAScript WhiteSpace and LineTerminator sets). */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** One description of (part of) a region: at most `REGION_WORD_LIMIT` words, and the cubes it says exactly. */
export interface RegionDescription {
  /** The words: the cubes' descriptions joined by "; or ". */
  readonly text: string;
  /** The cubes it describes; their union, over every description of a region, is the region. */
  readonly cubes: MaskRegion;
}

/**
 * A region in short descriptions: the region minimised to few, large cubes (prime implicants: facts that do not
 * change membership dropped, each fact said by its shorter side in words), then the cubes' descriptions packed, whole,
 * into descriptions of at most `REGION_WORD_LIMIT` words each, in the order of the cubes; a region too long for one is
 * said in several, never cut mid-sentence. A cube that alone needs more words is summarised: the clauses that rule
 * out the most under the weights, and a count of the others. Exact where it counts: the union of every
 * description's cubes is the region, and each description's cubes are what `regionCondition` turns into its `when`.
 */
export function describeRegion(
  space: ScenarioSpace,
  vocabulary: ResolvedVocabulary,
  region: MaskRegion,
  weights?: SpaceWeights,
): RegionDescription[] {
  const out: RegionDescription[] = [];
  let texts: string[] = [];
  let cubes: MaskCube[] = [];
  let words = 0;
  const flush = () => {
    if (cubes.length > 0) out.push({ text: texts.join('; or '), cubes });
    texts = [];
    cubes = [];
    words = 0;
  };
  for (const cube of minimiseRegion(space, region)) {
    const text = describeCubeWithin(space, vocabulary, cube, weights, REGION_WORD_LIMIT);
    const n = countWords(text);
    // "; or" joins two descriptions: one word more.
    if (cubes.length > 0 && words + 1 + n > REGION_WORD_LIMIT) flush();
    texts.push(text);
    cubes.push(cube);
    words += (cubes.length > 1 ? 1 : 0) + n;
  }
  flush();
  return out;
}

/** A region in words: its cubes' descriptions joined by "; or ". */
export function describeMaskRegion(
  space: ScenarioSpace,
  vocabulary: ResolvedVocabulary,
  region: MaskRegion,
): string {
  return region.map((cube) => describeCube(space, vocabulary, cube)).join('; or ');
}
