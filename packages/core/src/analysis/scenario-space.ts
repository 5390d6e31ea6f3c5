import type { Cube, Domains, Region } from '../region/region.js';
import { splitMemberDimension } from '../model/condition-node.js';
import type { FactValue, ScenarioValue } from '../vocabulary/fact-types.js';

/**
 * The finite space of complete scenarios over a list of facts. Analysis works here rather than on `Region`'s maps
 * because a cube becomes a bitmask per fact (a few 32-bit words), so intersection, subtraction and emptiness are
 * word operations: exact, and fast enough to analyse hundreds of rules.
 */
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
/** A union of mask cubes. */
export type MaskRegion = readonly MaskCube[];

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

/** A `Region` (as `conditionRegion` builds it) in a space; every fact it constrains must belong to the space. */
export function maskRegion(space: ScenarioSpace, region: Region): MaskCube[] {
  const out: MaskCube[] = [];
  for (const cube of region) {
    const mask = space.full.slice();
    let empty = false;
    for (const [fact, values] of cube) {
      const f = space.index.get(fact);
      if (f === undefined) throw new Error(`fact "${fact}" is not in the scenario space being analysed`);
      const offset = space.offsets[f]!;
      mask.fill(0, offset, offset + space.widths[f]!);
      space.domains[f]!.forEach((value, v) => {
        if (values.has(value)) setBit(mask, offset, v);
      });
      if (isFactEmpty(space, mask, f)) empty = true;
    }
    if (!empty) out.push(mask);
  }
  return out;
}

function isFactEmpty(space: ScenarioSpace, cube: Uint32Array, f: number): boolean {
  const offset = space.offsets[f]!;
  for (let w = 0; w < space.widths[f]!; w++) if (cube[offset + w] !== 0) return false;
  return true;
}

/** Whether two cubes share a scenario. */
export function overlaps(space: ScenarioSpace, a: MaskCube, b: MaskCube): boolean {
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
export function meetCubes(space: ScenarioSpace, a: MaskCube, b: MaskCube): MaskCube | undefined {
  if (!overlaps(space, a, b)) return undefined;
  const out = new Uint32Array(a.length);
  for (let w = 0; w < a.length; w++) out[w] = a[w]! & b[w]!;
  return out;
}

/** The intersection of two regions (disjoint when either is). */
export function meet(space: ScenarioSpace, a: MaskRegion, b: MaskRegion): MaskCube[] {
  const out: MaskCube[] = [];
  for (const x of a)
    for (const y of b) {
      const both = meetCubes(space, x, y);
      if (both) out.push(both);
    }
  return out;
}

/** `a` minus `b` for cubes, as disjoint cubes: peel off, fact by fact, the part of `a` outside `b`. */
export function subtractCube(space: ScenarioSpace, a: MaskCube, b: MaskCube): MaskCube[] {
  if (!overlaps(space, a, b)) return [a];
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
export function subtract(space: ScenarioSpace, a: MaskRegion, b: MaskRegion): MaskCube[] {
  const out: MaskCube[] = [];
  for (const x of a) {
    let rest: MaskCube[] = [x];
    // Only cubes that meet x can cut it (subtracting any other leaves every piece as it is), so they are found first
    // with word operations alone: the pieces come out the same, without carrying them past every cube of a long b.
    for (const y of b) {
      if (!overlaps(space, x, y)) continue;
      if (rest.length === 1) {
        // The common case: skip the allocation of flatMap when one piece is left.
        rest = subtractCube(space, rest[0]!, y);
      } else {
        const next: MaskCube[] = [];
        for (const r of rest) for (const piece of subtractCube(space, r, y)) next.push(piece);
        rest = next;
      }
      if (rest.length === 0) break;
    }
    for (const r of rest) out.push(r);
  }
  return out;
}

/** The same scenarios as a region, as pairwise disjoint cubes (so that sizes add up). */
export function disjoint(space: ScenarioSpace, region: MaskRegion): MaskCube[] {
  const out: MaskCube[] = [];
  for (const cube of region) for (const piece of subtract(space, [cube], out)) out.push(piece);
  return out;
}

/**
 * Merges disjoint cubes that differ in one fact only into one cube, until no two do. The result covers the same
 * scenarios with fewer cubes, which keeps later subtractions small and descriptions short.
 */
export function mergeCubes(space: ScenarioSpace, region: MaskRegion): MaskCube[] {
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
 * Weights per fact and value (each fact's weights sum to 1), for measuring shares of the space; `undefined` means
 * every value equally likely, measured by counting scenarios so that uniform shares are exact fractions.
 */
export type SpaceWeights = readonly (readonly number[])[] | undefined;

/** The share of the space a cube covers under independent per-fact weights. */
export function cubeShare(space: ScenarioSpace, cube: MaskCube, weights: SpaceWeights): number {
  if (!weights) return cubeCount(space, cube) / cubeCount(space, space.full);
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

/** The share of the space a region of disjoint cubes covers. */
export function regionShare(space: ScenarioSpace, region: MaskRegion, weights: SpaceWeights): number {
  if (!weights) {
    let count = 0;
    for (const cube of region) count += cubeCount(space, cube);
    return count / cubeCount(space, space.full);
  }
  let share = 0;
  for (const cube of region) share += cubeShare(space, cube, weights);
  return share;
}

/** How many complete scenarios a cube holds. */
export function cubeCount(space: ScenarioSpace, cube: MaskCube): number {
  let count = 1;
  for (let f = 0; f < space.facts.length; f++) count *= valuesOf(space, cube, f).length;
  return count;
}

/** The values a cube allows a fact (by position), in domain order. */
export function valuesOf(space: ScenarioSpace, cube: MaskCube, f: number): FactValue[] {
  const offset = space.offsets[f]!;
  return space.domains[f]!.filter((_, v) => hasBit(cube, offset, v));
}

/** A cube as a `Region` cube: only the facts it constrains (a fact allowed every value is left out). */
export function toCube(space: ScenarioSpace, cube: MaskCube): Cube {
  const out = new Map<string, ReadonlySet<FactValue>>();
  space.facts.forEach((fact, f) => {
    const values = valuesOf(space, cube, f);
    if (values.length < space.domains[f]!.length) out.set(fact, new Set(values));
  });
  return out;
}

/**
 * One complete scenario inside a cube: the first allowed value of every fact of the space, as a scenario gives it (a
 * set fact's membership dimensions become the array of the members that are in; members outside the space are not).
 */
export function maskWitness(space: ScenarioSpace, cube: MaskCube): Record<string, ScenarioValue> {
  const scenario: Record<string, ScenarioValue> = {};
  space.facts.forEach((fact, f) => {
    const value = valuesOf(space, cube, f)[0]!;
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
  space: ScenarioSpace,
  cube: MaskCube,
  scenario: Readonly<Record<string, ScenarioValue | undefined>>,
): boolean {
  return space.facts.every((fact, f) => {
    const v = space.domains[f]!.indexOf(dimensionValue(scenario, fact) as FactValue);
    return v >= 0 && hasBit(cube, space.offsets[f]!, v);
  });
}
