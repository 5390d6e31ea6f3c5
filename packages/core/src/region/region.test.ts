import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holds } from '../testing/support/reference-evaluator.js';
import type { Scenario } from '../parse/scenario.js';
import { arbitraryCondition } from '../testing/arbitrary-policy.js';
import {
  complement,
  conditionRegion,
  type Cube,
  cubeSize,
  cubeWitness,
  type Domains,
  intersect,
  isEmptyRegion,
  type Region,
  restrictRegion,
  subtract,
} from './region.js';
import type { FactValue } from '../vocabulary/fact-types.js';
import { standardVocabulary } from '../vocabulary/resolve-vocabulary.js';

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
const RUNS = { numRuns: 300 };

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
