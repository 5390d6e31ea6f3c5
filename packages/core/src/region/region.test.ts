import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holds } from '../testing/support/reference-evaluator.js';
import type { Scenario } from '../parse/scenario.js';
import { arbitraryCondition } from '../testing/arbitrary-policy.js';
import { domainsOf } from '../evaluate/compile-policy.js';
import { toConditionNode } from '../model/condition-node.js';
import {
  complement,
  complementMasks,
  conditionRegion,
  containsScenario,
  createSpace,
  type Cube,
  cubeSize,
  cubeWitness,
  type Domains,
  disjoint,
  fromMasks,
  intersect,
  intersectMasks,
  isEmptyRegion,
  maskFacts,
  mergeCubes,
  nodeMasks,
  pointCube,
  type Region,
  regionDependsOn,
  regionShare,
  restrictMasks,
  restrictRegion,
  type ScenarioSpace,
  subtract,
  subtractMasks,
  toMasks,
} from './region.js';
import type { FactValue } from '../vocabulary/fact-types.js';
import { standardVocabulary } from '../vocabulary/resolve-vocabulary.js';
import { runs } from '../../../../test/support/property-runs.js';

// Small domains, so the whole space (3 × 2 × 2 = 12 scenarios) can be enumerated.
const DOMAINS: Record<string, readonly FactValue[]> = {
  'context.time': ['work-time', 'own-time'],
  'incident.severity': ['low', 'serious', 'risk-to-safety'],
  'content.hasConsent': [true, false],
};
const FACTS = Object.keys(DOMAINS);
const domains: Domains = (fact) => DOMAINS[fact] ?? [];

type Point = Record<string, FactValue>;
const SPACE: Point[] = FACTS.reduce<Point[]>(
  (points, fact) => points.flatMap((p) => DOMAINS[fact]!.map((v) => ({ ...p, [fact]: v }))),
  [{}],
);

const inCube = (cube: Cube, point: Point) => [...cube].every(([fact, values]) => values.has(point[fact]!));
const inRegion = (region: Region, point: Point) => region.some((cube) => inCube(cube, point));
/** The points of the space a region holds, as a sorted list of keys. */
const members = (region: Region) =>
  SPACE.filter((p) => inRegion(region, p))
    .map((p) => JSON.stringify(p))
    .sort();
const where = (test: (p: Point) => boolean) =>
  SPACE.filter(test)
    .map((p) => JSON.stringify(p))
    .sort();

const arbitraryCube: fc.Arbitrary<Cube> = fc
  .subarray(FACTS)
  .chain((facts) =>
    fc.tuple(
      ...facts.map((f) => fc.subarray([...DOMAINS[f]!], { minLength: 1 }).map((vs) => [f, vs] as const)),
    ),
  )
  .map((entries) => new Map(entries.map(([f, vs]) => [f, new Set(vs)])));
const arbitraryRegion: fc.Arbitrary<Region> = fc.array(arbitraryCube, { maxLength: 4 });
const RUNS = { numRuns: runs(300) };

describe('region algebra against enumeration of the whole space', () => {
  it('intersects to exactly the points in both regions', () => {
    fc.assert(
      fc.property(arbitraryRegion, arbitraryRegion, (a, b) => {
        expect(members(intersect(a, b))).toEqual(where((p) => inRegion(a, p) && inRegion(b, p)));
      }),
      RUNS,
    );
  });

  it('subtracts to exactly the points of the first region outside the second', () => {
    fc.assert(
      fc.property(arbitraryRegion, arbitraryRegion, (a, b) => {
        expect(members(subtract(a, b, domains))).toEqual(where((p) => inRegion(a, p) && !inRegion(b, p)));
      }),
      RUNS,
    );
  });

  it('complements to exactly the points outside the region', () => {
    fc.assert(
      fc.property(arbitraryRegion, (a) => {
        expect(members(complement(a, domains))).toEqual(where((p) => !inRegion(a, p)));
      }),
      RUNS,
    );
  });

  it('is empty exactly when it holds no point, once subtraction has removed what is covered', () => {
    fc.assert(
      fc.property(arbitraryRegion, arbitraryRegion, (a, b) => {
        const rest = subtract(a, b, domains);
        expect(isEmptyRegion(rest)).toBe(members(rest).length === 0);
      }),
      RUNS,
    );
  });

  it('maps a condition to exactly the points where it holds', () => {
    fc.assert(
      fc.property(arbitraryCondition(FACTS, 3, standardVocabulary), (condition) => {
        expect(members(conditionRegion(condition, domains))).toEqual(
          where((p) => holds(condition, p as Scenario)),
        );
      }),
      RUNS,
    );
  });

  it('restricts to exactly the completions of the known facts that lie in the region', () => {
    const known = fc
      .subarray(FACTS)
      .chain((facts) =>
        fc.tuple(...facts.map((f) => fc.constantFrom(...DOMAINS[f]!).map((v) => [f, v] as const))),
      );
    fc.assert(
      fc.property(arbitraryRegion, known, (region, entries) => {
        const fixed: Point = Object.fromEntries(entries);
        const restricted = restrictRegion(region, (fact) => fixed[fact]);
        const consistent = (p: Point) => Object.entries(fixed).every(([f, v]) => p[f] === v);
        expect(
          SPACE.filter(consistent)
            .filter((p) => inRegion(restricted, p))
            .map((p) => JSON.stringify(p))
            .sort(),
        ).toEqual(where((p) => consistent(p) && inRegion(region, p)));
        for (const cube of restricted) for (const fact of cube.keys()) expect(fact in fixed).toBe(false);
      }),
      RUNS,
    );
  });

  it('measures a cube by the points it holds, and finds a witness inside it', () => {
    fc.assert(
      fc.property(arbitraryCube, (cube) => {
        expect(cubeSize(cube, FACTS, domains)).toBe(members([cube]).length);
        const witness = cubeWitness(cube);
        for (const [fact, values] of cube) expect(values.has(witness[fact]!)).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('regions as bitmask cubes, the engine’s form', () => {
  // A space of the vocabulary's own facts (4 × 2 × 2 × 2 = 32 scenarios), with names of its own in this block.
  const facts = ['account.kind', 'context.time', 'content.hasConsent', 'actor.clientFacing'];
  const domains = domainsOf(standardVocabulary);
  const space = createSpace(facts, domains);
  const condition = arbitraryCondition(facts, 3, standardVocabulary, 3);

  function everyScenario(s: ScenarioSpace): Record<string, FactValue>[] {
    let out: Record<string, FactValue>[] = [{}];
    s.facts.forEach((fact, f) => {
      out = out.flatMap((x) => s.domains[f]!.map((v) => ({ ...x, [fact]: v })));
    });
    return out;
  }
  const scenarios = everyScenario(space);
  const members = (region: readonly Uint32Array[]) =>
    scenarios.map((s) => region.some((cube) => containsScenario(cube, s, space)));

  describe('the bitmask scenario space', () => {
    it('subtracts, intersects, separates and merges regions exactly, as sets of scenarios', () => {
      fc.assert(
        fc.property(condition, condition, (x, y) => {
          const a = toMasks(conditionRegion(x, domains), space);
          const b = toMasks(conditionRegion(y, domains), space);
          const inA = members(a);
          const inB = members(b);
          expect(members(subtractMasks(a, b, space))).toEqual(inA.map((v, i) => v && !inB[i]));
          expect(members(intersectMasks(a, b, space))).toEqual(inA.map((v, i) => v && inB[i]));
          const separated = disjoint(a, space);
          const merged = mergeCubes(separated, space);
          expect(members(merged)).toEqual(inA);
          expect(merged.length).toBeLessThanOrEqual(separated.length);
          // Disjoint cubes: each scenario lies in at most one, so shares add up to the true count.
          expect(regionShare(merged, space, undefined)).toBe(inA.filter(Boolean).length / scenarios.length);
        }),
        { numRuns: runs(200) },
      );
    });

    it('handles facts with more than 32 values, across several words', () => {
      const values = Array.from({ length: 40 }, (_, i) => `v${i}`);
      const wide = createSpace(['custom.many'], () => values);
      const region = toMasks([new Map([['custom.many', new Set(['v3', 'v35'])]])], wide);
      const rest = subtractMasks([wide.full], region, wide);
      expect(regionShare(rest, wide, undefined)).toBe(38 / 40);
      expect(containsScenario(region[0]!, { 'custom.many': 'v35' }, wide)).toBe(true);
      expect(containsScenario(rest[0]!, { 'custom.many': 'v35' }, wide)).toBe(false);
    });
  });

  /** A scenario with some facts left out, as a point of the space. */
  const partialScenario = fc
    .tuple(...facts.map((fact) => fc.option(fc.constantFrom(...domains(fact)), { nil: undefined })))
    .map((values) =>
      Object.fromEntries(facts.flatMap((fact, i) => (values[i] === undefined ? [] : [[fact, values[i]]]))),
    );

  describe('the region algebra on masks, against enumeration of the whole space', () => {
    it('builds the region where a condition holds, exactly, and converts to the public form and back', () => {
      fc.assert(
        fc.property(condition, (c) => {
          const region = nodeMasks(toConditionNode(c), space);
          expect(members(region)).toEqual(scenarios.map((s) => holds(c, s as Scenario)));
          expect(members(toMasks(fromMasks(region, space), space))).toEqual(members(region));
          expect(members(complementMasks(region, space))).toEqual(members(region).map((v) => !v));
        }),
        { numRuns: runs(200) },
      );
    });

    it('fixes the known facts with pointCube, and restricts a region to them as restrictRegion does', () => {
      fc.assert(
        fc.property(condition, partialScenario, (c, known) => {
          const region = nodeMasks(toConditionNode(c), space);
          const at = pointCube(known, space)!;
          const agrees = (s: Record<string, FactValue>) =>
            facts.every((f) => known[f] === undefined || s[f] === known[f]);
          expect(members([at])).toEqual(scenarios.map(agrees));
          // Restricted, the known facts are free: a scenario is in it when, with the known values put back, it is in
          // the region.
          const restricted = restrictMasks(region, at, space);
          expect(members(restricted)).toEqual(scenarios.map((s) => holds(c, { ...s, ...known } as Scenario)));
        }),
        { numRuns: runs(200) },
      );
    });

    it('finds exactly the facts membership depends on', () => {
      fc.assert(
        fc.property(condition, (c) => {
          const region = nodeMasks(toConditionNode(c), space);
          const inside = members(region);
          const byBruteForce = facts.flatMap((fact, f) =>
            scenarios.some((s, i) =>
              space.domains[f]!.some((v) => {
                const j = scenarios.findIndex((t) =>
                  facts.every((g) => (g === fact ? t[g] === v : t[g] === s[g])),
                );
                return inside[j] !== inside[i];
              }),
            )
              ? [f]
              : [],
          );
          expect(maskFacts(region, space).filter((f) => regionDependsOn(region, f, space))).toEqual(
            byBruteForce,
          );
        }),
        { numRuns: runs(100) },
      );
    });

    it("gives no point for a value outside its fact's domain", () => {
      expect(pointCube({ 'account.kind': 'no-such-account' }, space)).toBeUndefined();
      expect(pointCube({}, space)).toEqual(space.full);
    });
  });
});
