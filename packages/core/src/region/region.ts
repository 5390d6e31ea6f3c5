import type { Condition } from '../model/condition.js';
import { type ConditionNode, lowerSetTest, toConditionNode } from '../model/condition-node.js';
import type { FactValue } from '../vocabulary/fact-types.js';

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

/** The region where a condition holds, exactly, over finite fact domains. */
export function conditionRegion(condition: Condition, domains: Domains): Region {
  return nodeRegion(toConditionNode(condition), domains);
}

/** The region where a condition in the internal form holds, exactly, over finite fact domains. */
export function nodeRegion(node: ConditionNode, domains: Domains): Region {
  switch (node.kind) {
    case 'all':
      return node.children.reduce<Region>((acc, c) => intersect(acc, nodeRegion(c, domains)), UNIVERSE);
    case 'any':
      return node.children.flatMap((c) => nodeRegion(c, domains));
    case 'not':
      return complement(nodeRegion(node.child, domains), domains);
    case 'test': {
      const allowed = domains(node.fact).filter((v) => node.values.includes(v) === node.positive);
      return allowed.length === 0 ? [] : [new Map([[node.fact, new Set(allowed)]])];
    }
    case 'set-test':
      // Over the membership dimensions: a set fact of k members is k true-or-false dimensions.
      return nodeRegion(lowerSetTest(node), domains);
    default:
      return node satisfies never;
  }
}

/** The intersection of two cubes, or `undefined` when they do not meet. */
export function intersectCubes(a: Cube, b: Cube): Cube | undefined {
  const out = new Map(a);
  for (const [fact, values] of b) {
    const mine = out.get(fact);
    if (!mine) {
      out.set(fact, values);
      continue;
    }
    const both = new Set([...mine].filter((v) => values.has(v)));
    if (both.size === 0) return undefined;
    out.set(fact, both);
  }
  return out;
}

/** The intersection of two regions. */
export function intersect(a: Region, b: Region): Region {
  const out: Cube[] = [];
  for (const x of a) {
    for (const y of b) {
      const both = intersectCubes(x, y);
      if (both) out.push(both);
    }
  }
  return out;
}

/** `a` minus `b` for cubes, as disjoint cubes. */
export function subtractCube(a: Cube, b: Cube, domains: Domains): Cube[] {
  if (!intersectCubes(a, b)) return [a];
  const out: Cube[] = [];
  const current = new Map(a);
  for (const [fact, remove] of b) {
    const have = current.get(fact) ?? new Set(domains(fact));
    const outside = new Set([...have].filter((v) => !remove.has(v)));
    const inside = new Set([...have].filter((v) => remove.has(v)));
    if (outside.size > 0) out.push(new Map(current).set(fact, outside));
    current.set(fact, inside);
  }
  return out;
}

/** The part of region `a` outside region `b`. */
export function subtract(a: Region, b: Region, domains: Domains): Region {
  let rest: Cube[] = [...a];
  for (const y of b) {
    rest = rest.flatMap((x) => subtractCube(x, y, domains));
    if (rest.length === 0) break;
  }
  return rest;
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
  const out: Cube[] = [];
  for (const cube of region) {
    let rest: Map<string, ReadonlySet<FactValue>> | undefined;
    let excluded = false;
    for (const [fact, values] of cube) {
      const value = known(fact);
      if (value === undefined) continue;
      if (!values.has(value)) {
        excluded = true;
        break;
      }
      rest ??= new Map(cube);
      rest.delete(fact);
    }
    if (!excluded) out.push(rest ?? cube);
  }
  return out;
}

/**
 * Whether membership of a region changes with a fact's value: some two scenarios that differ only in that fact fall
 * one inside and one outside. Exact: two slices of the region along the fact are compared as sets.
 */
export function regionDependsOn(region: Region, fact: string, domains: Domains): boolean {
  const slices = domains(fact).map((value) =>
    restrictRegion(region, (f) => (f === fact ? value : undefined)),
  );
  const first = slices[0] ?? [];
  return slices.some(
    (slice) =>
      !isEmptyRegion(subtract(slice, first, domains)) || !isEmptyRegion(subtract(first, slice, domains)),
  );
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
