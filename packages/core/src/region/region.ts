import type { Condition } from '../model/condition.js';
import {
  type ConditionNode,
  lowerSetTest,
  nodeDimensions,
  splitMemberDimension,
  toConditionNode,
} from '../model/condition-node.js';
import type { FactValue, ScenarioValue } from '../vocabulary/fact-types.js';

// The one region algebra: the exact evaluator's partial evaluation, the question planner and the partition behind
// analysis and comparison all compute here. A cube is a bitmask per fact (a few 32-bit words), so intersection,
// subtraction and emptiness are word operations: exact, and 15–35 times faster than a Map of Sets per cube on a
// 200-rule partition (measured when the two algebras were merged). `Region`, a list of Maps, is the public and
// readable form: `toMasks` and `fromMasks` convert, and the public operations on it convert, compute on masks, and
// convert back.
//
// Conventions: operands first, then the space (or the domains) that gives them meaning, then options. An operation
// on masks carries `Masks` in its name where the same operation on the public form exists.

/**
 * A cube: for some facts, the set of values they may take; facts it does not mention are unconstrained.
 * Never empty: every set has at least one value.
 */
export type Cube = ReadonlyMap<string, ReadonlySet<FactValue>>;

/** A region of the scenario space: a union of cubes (possibly overlapping). The empty list is the empty region. */
export type Region = readonly Cube[];

/** The values each fact can take. */
export type Domains = (fact: string) => readonly FactValue[];

/** The whole scenario space. */
export const UNIVERSE: Region = [new Map()];

/** The finite space of complete scenarios over a list of facts, in which mask cubes live. */
export interface ScenarioSpace {
  /** The facts, in the order given. */
  readonly facts: readonly string[];
  /** The values of each fact, by position. */
  readonly domains: readonly (readonly FactValue[])[];
  /** Each fact's position. */
  readonly index: ReadonlyMap<string, number>;
  /** Where each fact's words start in a mask cube. */
  readonly offsets: readonly number[];
  /** How many words each fact uses. */
  readonly widths: readonly number[];
  /** Every scenario of the space. */
  readonly full: MaskCube;
}

/** A cube as bitmasks: bit v of fact f's words is set when f may take its v-th value. Never empty on any fact. */
export type MaskCube = Uint32Array;
/** A union of mask cubes; the empty list is the empty region. */
export type MaskRegion = readonly MaskCube[];

// ---------------------------------------------------------------------------------------------------------------
// The space

/** The space of complete scenarios over `facts`, each taking the values `domains` gives. */
export function createSpace(facts: readonly string[], domains: Domains): ScenarioSpace {
  const doms = facts.map((f) => domains(f));
  const widths = doms.map((d) => Math.max(1, Math.ceil(d.length / 32)));
  const offsets: number[] = [];
  let total = 0;
  for (const w of widths) {
    offsets.push(total);
    total += w;
  }
  const full = new Uint32Array(total);
  doms.forEach((d, f) => {
    for (let v = 0; v < d.length; v++) setBit(full, offsets[f]!, v);
  });
  return { facts, domains: doms, index: new Map(facts.map((f, i) => [f, i])), offsets, widths, full };
}

function setBit(cube: Uint32Array, offset: number, value: number): void {
  const word = offset + (value >>> 5);
  cube[word] = (cube[word]! | (1 << (value & 31))) >>> 0;
}

function hasBit(cube: Uint32Array, offset: number, value: number): boolean {
  return ((cube[offset + (value >>> 5)]! >>> (value & 31)) & 1) === 1;
}

function isFactFull(cube: Uint32Array, f: number, space: ScenarioSpace): boolean {
  const offset = space.offsets[f]!;
  for (let w = offset; w < offset + space.widths[f]!; w++) if (cube[w] !== space.full[w]) return false;
  return true;
}

/** Fact f of a cube limited to the values `keep` accepts (by position); false when none is left. */
function keepValues(
  cube: Uint32Array,
  f: number,
  space: ScenarioSpace,
  keep: (v: number) => boolean,
): boolean {
  const offset = space.offsets[f]!;
  let any = false;
  const domain = space.domains[f]!;
  for (let w = 0; w < space.widths[f]!; w++) cube[offset + w] = 0;
  for (let v = 0; v < domain.length; v++)
    if (keep(v)) {
      setBit(cube, offset, v);
      any = true;
    }
  return any;
}

/**
 * The cube of the scenarios that agree with `point` on every fact of the space it gives (keys are the space's facts,
 * membership dimensions included); facts it leaves out are free. `undefined` when it gives a fact a value outside
 * the fact's domain.
 */
export function pointCube(
  point: Readonly<Record<string, FactValue | undefined>>,
  space: ScenarioSpace,
): MaskCube | undefined {
  const cube = space.full.slice();
  for (let f = 0; f < space.facts.length; f++) {
    const value = point[space.facts[f]!];
    if (value === undefined) continue;
    const v = space.domains[f]!.indexOf(value);
    if (v < 0) return undefined;
    keepValues(cube, f, space, (k) => k === v);
  }
  return cube;
}

// ---------------------------------------------------------------------------------------------------------------
// Building regions from conditions

/** The region where a condition in the internal form holds, as mask cubes of a space holding every fact it tests. */
export function nodeMasks(node: ConditionNode, space: ScenarioSpace): MaskCube[] {
  switch (node.kind) {
    case 'all': {
      let acc: MaskCube[] = [space.full];
      for (const child of node.children) {
        acc = intersectMasks(acc, nodeMasks(child, space), space);
        if (acc.length === 0) break;
      }
      return acc;
    }
    case 'any':
      return node.children.flatMap((c) => nodeMasks(c, space));
    case 'not':
      return complementMasks(nodeMasks(node.child, space), space);
    case 'test': {
      const f = space.index.get(node.fact);
      if (f === undefined) throw new Error(`fact "${node.fact}" is not in the scenario space`);
      const cube = space.full.slice();
      const domain = space.domains[f]!;
      return keepValues(cube, f, space, (v) => node.values.includes(domain[v]!) === node.positive)
        ? [cube]
        : [];
    }
    case 'set-test':
      // Over the membership dimensions: a set fact of k members is k true-or-false dimensions.
      return nodeMasks(lowerSetTest(node), space);
    default:
      return node satisfies never;
  }
}

/** The region where a condition holds, exactly, over finite fact domains. */
export function conditionRegion(condition: Condition, domains: Domains): Region {
  return nodeRegion(toConditionNode(condition), domains);
}

/** The region where a condition in the internal form holds, exactly, over finite fact domains. */
export function nodeRegion(node: ConditionNode, domains: Domains): Region {
  const space = createSpace([...nodeDimensions(node)], domains);
  return fromMasks(nodeMasks(node, space), space);
}

// ---------------------------------------------------------------------------------------------------------------
// The public form and masks

/** A `Region` in a space; every fact it constrains must belong to the space. */
export function toMasks(region: Region, space: ScenarioSpace): MaskCube[] {
  const out: MaskCube[] = [];
  for (const cube of region) {
    const mask = space.full.slice();
    let empty = false;
    for (const [fact, values] of cube) {
      const f = space.index.get(fact);
      if (f === undefined) throw new Error(`fact "${fact}" is not in the scenario space`);
      const domain = space.domains[f]!;
      if (!keepValues(mask, f, space, (v) => values.has(domain[v]!))) empty = true;
    }
    if (!empty) out.push(mask);
  }
  return out;
}

/** A mask cube as a `Cube`: only the facts it constrains (a fact allowed every value is left out). */
export function toCube(cube: MaskCube, space: ScenarioSpace): Cube {
  const out = new Map<string, ReadonlySet<FactValue>>();
  space.facts.forEach((fact, f) => {
    if (!isFactFull(cube, f, space)) out.set(fact, new Set(valuesOf(cube, f, space)));
  });
  return out;
}

/** Mask cubes as a `Region`. */
export function fromMasks(region: MaskRegion, space: ScenarioSpace): Region {
  return region.map((cube) => toCube(cube, space));
}

/** The space over every fact some regions constrain. */
function spaceOf(regions: readonly Region[], domains: Domains): ScenarioSpace {
  const facts = new Set<string>();
  for (const region of regions) for (const cube of region) for (const fact of cube.keys()) facts.add(fact);
  return createSpace([...facts], domains);
}

/**
 * The domains under which intersecting is exact without knowing the facts' real domains: the values the regions
 * name, and one more standing for every other value (never named, so never kept by a constrained fact).
 */
function namedDomains(regions: readonly Region[]): Domains {
  const named = new Map<string, Set<FactValue>>();
  for (const region of regions)
    for (const cube of region)
      for (const [fact, values] of cube) {
        const set = named.get(fact) ?? new Set<FactValue>();
        for (const v of values) set.add(v);
        named.set(fact, set);
      }
  const other = Symbol('any other value') as unknown as FactValue;
  return (fact) => [...(named.get(fact) ?? []), other];
}

// ---------------------------------------------------------------------------------------------------------------
// The algebra on masks

/** Whether two cubes share a scenario. */
export function overlaps(a: MaskCube, b: MaskCube, space: ScenarioSpace): boolean {
  for (let f = 0; f < space.facts.length; f++) {
    const offset = space.offsets[f]!;
    let any = false;
    for (let w = 0; w < space.widths[f]!; w++) {
      if ((a[offset + w]! & b[offset + w]!) !== 0) {
        any = true;
        break;
      }
    }
    if (!any) return false;
  }
  return true;
}

/** Whether cube `a` lies inside cube `b`. */
export function within(a: MaskCube, b: MaskCube): boolean {
  for (let w = 0; w < a.length; w++) if ((a[w]! & ~b[w]!) !== 0) return false;
  return true;
}

/** The intersection of two cubes, or `undefined` when they do not meet. */
export function intersectMaskCubes(a: MaskCube, b: MaskCube, space: ScenarioSpace): MaskCube | undefined {
  if (!overlaps(a, b, space)) return undefined;
  const out = new Uint32Array(a.length);
  for (let w = 0; w < a.length; w++) out[w] = a[w]! & b[w]!;
  return out;
}

/** The intersection of two regions (disjoint when either is). */
export function intersectMasks(a: MaskRegion, b: MaskRegion, space: ScenarioSpace): MaskCube[] {
  const out: MaskCube[] = [];
  for (const x of a)
    for (const y of b) {
      const both = intersectMaskCubes(x, y, space);
      if (both) out.push(both);
    }
  return out;
}

/** `a` minus `b` for cubes, as disjoint cubes: peel off, fact by fact, the part of `a` outside `b`. */
export function subtractMaskCube(a: MaskCube, b: MaskCube, space: ScenarioSpace): MaskCube[] {
  if (!overlaps(a, b, space)) return [a];
  if (within(a, b)) return [];
  const out: MaskCube[] = [];
  const current = a.slice();
  for (let f = 0; f < space.facts.length; f++) {
    const offset = space.offsets[f]!;
    const width = space.widths[f]!;
    let outside = false;
    for (let w = 0; w < width; w++) if ((current[offset + w]! & ~b[offset + w]!) !== 0) outside = true;
    if (!outside) continue;
    const piece = current.slice();
    for (let w = 0; w < width; w++) {
      piece[offset + w] = (current[offset + w]! & ~b[offset + w]!) >>> 0;
      current[offset + w] = (current[offset + w]! & b[offset + w]!) >>> 0;
    }
    out.push(piece);
  }
  return out;
}

/** The part of region `a` outside region `b`; disjoint when `a` is. */
export function subtractMasks(a: MaskRegion, b: MaskRegion, space: ScenarioSpace): MaskCube[] {
  const out: MaskCube[] = [];
  for (const x of a) {
    let rest: MaskCube[] = [x];
    // Only cubes that meet x can cut it (subtracting any other leaves every piece as it is), so they are found first
    // with word operations alone: the pieces come out the same, without carrying them past every cube of a long b.
    for (const y of b) {
      if (!overlaps(x, y, space)) continue;
      if (rest.length === 1) {
        // The common case: skip the allocation of flatMap when one piece is left.
        rest = subtractMaskCube(rest[0]!, y, space);
      } else {
        const next: MaskCube[] = [];
        for (const r of rest) for (const piece of subtractMaskCube(r, y, space)) next.push(piece);
        rest = next;
      }
      if (rest.length === 0) break;
    }
    for (const r of rest) out.push(r);
  }
  return out;
}

/** Everything of the space outside a region, as disjoint cubes. */
export function complementMasks(region: MaskRegion, space: ScenarioSpace): MaskCube[] {
  return subtractMasks([space.full], region, space);
}

/** The same scenarios as a region, as pairwise disjoint cubes (so that sizes add up). */
export function disjoint(region: MaskRegion, space: ScenarioSpace): MaskCube[] {
  const out: MaskCube[] = [];
  for (const cube of region) for (const piece of subtractMasks([cube], out, space)) out.push(piece);
  return out;
}

/**
 * Merges disjoint cubes that differ in one fact only into one cube, until no two do. The result covers the same
 * scenarios with fewer cubes, which keeps later subtractions small and descriptions short.
 */
export function mergeCubes(region: MaskRegion, space: ScenarioSpace): MaskCube[] {
  let cubes = [...region];
  let changed = cubes.length > 1;
  // Each pass that changes something removes at least one cube, so this ends.
  while (changed) {
    changed = false;
    for (let f = 0; f < space.facts.length && cubes.length > 1; f++) {
      const offset = space.offsets[f]!;
      const end = offset + space.widths[f]!;
      // Bucket by a hash of every word outside fact f, then compare those words exactly within a bucket.
      const buckets = new Map<number, MaskCube[]>();
      const out: MaskCube[] = [];
      for (const cube of cubes) {
        let hash = 0;
        for (let w = 0; w < cube.length; w++)
          if (w < offset || w >= end) hash = (Math.imul(hash, 31) + cube[w]!) | 0;
        const bucket = buckets.get(hash);
        const group = bucket?.find((g) => sameOutside(g, cube, offset, end));
        if (group) {
          for (let w = offset; w < end; w++) group[w] = (group[w]! | cube[w]!) >>> 0;
          changed = true;
        } else {
          const copy = cube.slice();
          if (bucket) bucket.push(copy);
          else buckets.set(hash, [copy]);
          out.push(copy);
        }
      }
      cubes = out;
    }
  }
  return cubes;
}

function sameOutside(a: MaskCube, b: MaskCube, offset: number, end: number): boolean {
  for (let w = 0; w < a.length; w++) if ((w < offset || w >= end) && a[w] !== b[w]) return false;
  return true;
}

/**
 * The region left once the facts a point fixes are known: cubes that exclude a known value are dropped, and the
 * known facts are freed (every value allowed), so the result reads as a region over the unknown facts.
 */
export function restrictMasks(region: MaskRegion, point: MaskCube, space: ScenarioSpace): MaskCube[] {
  const known: number[] = [];
  for (let f = 0; f < space.facts.length; f++) if (!isFactFull(point, f, space)) known.push(f);
  if (known.length === 0) return [...region];
  const out: MaskCube[] = [];
  for (const cube of region) {
    if (!overlaps(cube, point, space)) continue;
    const freed = cube.slice();
    for (const f of known) {
      const offset = space.offsets[f]!;
      for (let w = offset; w < offset + space.widths[f]!; w++) freed[w] = space.full[w]!;
    }
    out.push(freed);
  }
  return out;
}

/** The facts (by position) some cube of a region constrains, ascending. */
export function maskFacts(region: MaskRegion, space: ScenarioSpace): number[] {
  const out: number[] = [];
  for (let f = 0; f < space.facts.length; f++)
    if (region.some((cube) => !isFactFull(cube, f, space))) out.push(f);
  return out;
}

/**
 * Whether membership of a region changes with a fact's value (by position): some two scenarios that differ only in
 * that fact fall one inside and one outside. Exact: the slices of the region along the fact are compared as sets.
 */
export function regionDependsOn(region: MaskRegion, f: number, space: ScenarioSpace): boolean {
  const slices = space.domains[f]!.map((_, v) => {
    const at = space.full.slice();
    keepValues(at, f, space, (k) => k === v);
    return restrictMasks(region, at, space);
  });
  const first = slices[0] ?? [];
  return slices.some(
    (slice) => subtractMasks(slice, first, space).length > 0 || subtractMasks(first, slice, space).length > 0,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Measuring and reading cubes

/**
 * One fact's rates conditional on another fact of the space, by position: `rates[v][u]` is the probability that
 * fact `fact` takes its u-th value when fact `given` takes its v-th (each row sums to 1). The given fact's own
 * weights are independent, so conditionals never chain.
 */
export interface ConditionalSpaceWeights {
  /** The conditional fact's position. */
  readonly fact: number;
  /** The position of the fact it is conditional on. */
  readonly given: number;
  /** One row per value of the given fact: the conditional fact's rates under that value. */
  readonly rates: readonly (readonly number[])[];
}

/**
 * Weights per fact and value (each fact's weights sum to 1), for measuring shares of the space; `undefined` means
 * every value equally likely, measured by counting scenarios so that uniform shares are exact fractions. Facts are
 * independent unless `conditional` says otherwise; a conditional fact's entry then holds its marginal rates (what
 * one fact alone is worth), and shares of cubes use the conditional rates.
 */
export type SpaceWeights =
  | (readonly (readonly number[])[] & { readonly conditional?: readonly ConditionalSpaceWeights[] })
  | undefined;

/**
 * The share of the space a cube covers under per-fact weights: a product of independent factors, where a fact with
 * conditional rates is grouped with the fact it is conditional on (summed over that fact's allowed values), so the
 * share is exact for the joint distribution.
 */
export function cubeShare(cube: MaskCube, space: ScenarioSpace, weights: SpaceWeights): number {
  if (!weights) return cubeCount(cube, space) / cubeCount(space.full, space);
  if (weights.conditional && weights.conditional.length > 0)
    return conditionalCubeShare(cube, space, weights, weights.conditional);
  let share = 1;
  for (let f = 0; f < space.facts.length; f++) {
    const offset = space.offsets[f]!;
    const w = weights[f]!;
    let sum = 0;
    for (let v = 0; v < w.length; v++) if (hasBit(cube, offset, v)) sum += w[v]!;
    share *= sum;
  }
  return share;
}

/** `cubeShare` when some facts have rates conditional on another fact. */
function conditionalCubeShare(
  cube: MaskCube,
  space: ScenarioSpace,
  weights: readonly (readonly number[])[],
  conditional: readonly ConditionalSpaceWeights[],
): number {
  const allowed = (f: number, w: readonly number[]) => {
    const offset = space.offsets[f]!;
    let sum = 0;
    for (let v = 0; v < w.length; v++) if (hasBit(cube, offset, v)) sum += w[v]!;
    return sum;
  };
  const grouped = new Set<number>();
  const byGiven = new Map<number, ConditionalSpaceWeights[]>();
  for (const c of conditional) {
    grouped.add(c.fact).add(c.given);
    byGiven.set(c.given, [...(byGiven.get(c.given) ?? []), c]);
  }
  let share = 1;
  for (let f = 0; f < space.facts.length; f++) if (!grouped.has(f)) share *= allowed(f, weights[f]!);
  for (const [g, dependents] of byGiven) {
    const offset = space.offsets[g]!;
    const w = weights[g]!;
    let sum = 0;
    for (let v = 0; v < w.length; v++) {
      if (!hasBit(cube, offset, v)) continue;
      let p = w[v]!;
      for (const c of dependents) p *= allowed(c.fact, c.rates[v]!);
      sum += p;
    }
    share *= sum;
  }
  return share;
}

/** The share of the space a region of disjoint cubes covers. */
export function regionShare(region: MaskRegion, space: ScenarioSpace, weights: SpaceWeights): number {
  if (!weights) {
    let count = 0;
    for (const cube of region) count += cubeCount(cube, space);
    return count / cubeCount(space.full, space);
  }
  let share = 0;
  for (const cube of region) share += cubeShare(cube, space, weights);
  return share;
}

/** How many complete scenarios a cube holds. */
export function cubeCount(cube: MaskCube, space: ScenarioSpace): number {
  let count = 1;
  for (let f = 0; f < space.facts.length; f++) count *= valuesOf(cube, f, space).length;
  return count;
}

/** The values a cube allows a fact (by position), in domain order. */
export function valuesOf(cube: MaskCube, f: number, space: ScenarioSpace): FactValue[] {
  const offset = space.offsets[f]!;
  return space.domains[f]!.filter((_, v) => hasBit(cube, offset, v));
}

/**
 * One complete scenario inside a cube: the first allowed value of every fact of the space, as a scenario gives it (a
 * set fact's membership dimensions become the array of the members that are in; members outside the space are not).
 */
export function maskWitness(cube: MaskCube, space: ScenarioSpace): Record<string, ScenarioValue> {
  const scenario: Record<string, ScenarioValue> = {};
  space.facts.forEach((fact, f) => {
    const value = valuesOf(cube, f, space)[0]!;
    const member = splitMemberDimension(fact);
    if (!member) scenario[fact] = value;
    else {
      const members = (scenario[member.fact] ?? []) as string[];
      scenario[member.fact] = value === true ? [...members, member.member] : members;
    }
  });
  return scenario;
}

/** A dimension's value in a scenario: a set fact's membership is read from its array. */
function dimensionValue(
  scenario: Readonly<Record<string, ScenarioValue | undefined>>,
  dimension: string,
): FactValue | undefined {
  const member = splitMemberDimension(dimension);
  if (!member) return scenario[dimension] as FactValue | undefined;
  const set = scenario[member.fact];
  return Array.isArray(set) ? set.includes(member.member) : undefined;
}

/** Whether a complete scenario of the space lies in a cube. */
export function containsScenario(
  cube: MaskCube,
  scenario: Readonly<Record<string, ScenarioValue | undefined>>,
  space: ScenarioSpace,
): boolean {
  return space.facts.every((fact, f) => {
    const v = space.domains[f]!.indexOf(dimensionValue(scenario, fact) as FactValue);
    return v >= 0 && hasBit(cube, space.offsets[f]!, v);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The public form's operations: convert, compute on masks, convert back

/** The intersection of two regions. */
export function intersect(a: Region, b: Region): Region {
  const space = spaceOf([a, b], namedDomains([a, b]));
  return fromMasks(intersectMasks(toMasks(a, space), toMasks(b, space), space), space);
}

/** The part of region `a` outside region `b`. */
export function subtract(a: Region, b: Region, domains: Domains): Region {
  const space = spaceOf([a, b], domains);
  return fromMasks(subtractMasks(toMasks(a, space), toMasks(b, space), space), space);
}

/** Everything outside a region. */
export function complement(region: Region, domains: Domains): Region {
  return subtract(UNIVERSE, region, domains);
}

/** Whether a region contains no scenario. */
export function isEmptyRegion(region: Region): boolean {
  return region.length === 0;
}

/**
 * The region left once the facts a scenario knows are fixed: cubes that exclude a known value are dropped, and
 * the known facts are no longer constrained. The result lives in the space of the unknown facts.
 */
export function restrictRegion(region: Region, known: (fact: string) => FactValue | undefined): Region {
  const space = spaceOf([region], namedDomains([region]));
  const point: Record<string, FactValue | undefined> = {};
  for (const fact of space.facts) point[fact] = known(fact);
  // A known value no cube names is the stand-in for "any other value", which no constrained fact allows.
  const at = pointCube(point, space) ?? pointCube(otherValues(point, space), space)!;
  return fromMasks(restrictMasks(toMasks(region, space), at, space), space);
}

/** A point with each value outside its fact's named values replaced by the stand-in for them. */
function otherValues(
  point: Readonly<Record<string, FactValue | undefined>>,
  space: ScenarioSpace,
): Record<string, FactValue | undefined> {
  const out: Record<string, FactValue | undefined> = {};
  space.facts.forEach((fact, f) => {
    const value = point[fact];
    const domain = space.domains[f]!;
    out[fact] = value === undefined || domain.includes(value) ? value : domain.at(-1);
  });
  return out;
}

/** The facts a region constrains, in first-seen order. */
export function regionFacts(region: Region): string[] {
  const facts = new Set<string>();
  for (const cube of region) for (const fact of cube.keys()) facts.add(fact);
  return [...facts];
}

/** One scenario inside a cube: the first allowed value of each fact it constrains. */
export function cubeWitness(cube: Cube): Record<string, FactValue> {
  const scenario: Record<string, FactValue> = {};
  for (const [fact, values] of cube) scenario[fact] = values.values().next().value as FactValue;
  return scenario;
}

/** The number of scenarios in a cube over the given facts (facts it does not constrain count their whole domain). */
export function cubeSize(cube: Cube, facts: readonly string[], domains: Domains): number {
  let size = 1;
  for (const fact of facts) size *= cube.get(fact)?.size ?? domains(fact).length;
  return size;
}
