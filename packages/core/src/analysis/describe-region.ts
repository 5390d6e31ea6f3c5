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
} from './scenario-space.js';

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
  /** The share of the fact's weight the clause rules out: the more, the more the clause matters. */
  readonly narrows: number;
}

function clausesOf(
  space: ScenarioSpace,
  vocabulary: ResolvedVocabulary,
  cube: MaskCube,
  weights: SpaceWeights,
): Clause[] {
  const clauses: Clause[] = [];
  space.facts.forEach((fact, f) => {
    const values = valuesOf(space, cube, f);
    const domain = space.domains[f]!;
    if (values.length === domain.length) return;
    const w = weights?.[f];
    const kept = w
      ? domain.reduce((sum, v, i) => sum + (values.includes(v) ? w[i]! : 0), 0)
      : values.length / domain.length;
    clauses.push({ text: describeFact(vocabulary, fact, values, domain), narrows: 1 - kept });
  });
  return clauses;
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
  const whole = clauses.map((c) => c.text).join(' and ');
  if (countWords(whole) <= limit) return whole;
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
  return text.split(/\s+/).filter((w) => w.length > 0).length;
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
