import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { domainsOf } from '../evaluate/compile-policy.js';
import {
  createSpace,
  type MaskCube,
  type MaskRegion,
  subtractMasks,
  toCube,
  toMasks,
} from '../region/region.js';
import { arbitraryRegion as arbitraryRegionOf, sameScenarios } from '../testing/support/arbitrary-region.js';
import type { FactValue } from '../vocabulary/fact-types.js';
import { standardVocabulary } from '../vocabulary/resolve-vocabulary.js';
import { constrainedFacts, minimiseRegion } from './minimise-region.js';
import { runs } from '../../../../test/support/property-runs.js';

const space = createSpace(
  ['account.kind', 'context.time', 'content.hasConsent', 'actor.clientFacing', 'incident.workRelated'],
  domainsOf(standardVocabulary),
);
const arbitraryRegion = arbitraryRegionOf(space);

/** The cubes one value larger than `cube` on one fact: the ways it could still grow. */
function grownByOneValue(cube: MaskCube): MaskCube[] {
  const given = toCube(cube, space);
  return space.facts.flatMap((fact, f) => {
    const values = given.get(fact);
    if (values === undefined) return [];
    return space.domains[f]!.filter((v) => !values.has(v)).map(
      (v) => toMasks([new Map([...given, [fact, new Set<FactValue>([...values, v])]])], space)[0]!,
    );
  });
}

const inside = (cube: MaskCube, region: MaskRegion) => subtractMasks([cube], region, space).length === 0;

describe('minimiseRegion', () => {
  it('minimising a region keeps exactly its scenarios', () => {
    fc.assert(
      fc.property(arbitraryRegion, (region) => {
        const minimised = minimiseRegion(space, region);
        expect(sameScenarios(space, minimised, region)).toBe(true);
        expect(minimised.length).toBeLessThanOrEqual(region.length);
      }),
      { numRuns: runs(150) },
    );
  });

  it('grows every cube it returns as far as the region allows: one more value of any fact leaves the region', () => {
    fc.assert(
      fc.property(arbitraryRegion, (region) => {
        for (const cube of minimiseRegion(space, region)) {
          expect(inside(cube, region)).toBe(true);
          for (const grown of grownByOneValue(cube)) expect(inside(grown, region)).toBe(false);
        }
      }),
      { numRuns: runs(150) },
    );
  });

  it('grows cubes to primes even where a merged piece of the region straddles two of them (a case fast-check found)', () => {
    const region = [
      [8, 3, 3, 3, 3],
      [15, 3, 1, 3, 2],
      [2, 1, 3, 3, 3],
      [15, 2, 3, 1, 3],
      [12, 3, 1, 3, 3],
    ].map((words) => Uint32Array.from(words));
    const minimised = minimiseRegion(space, region);
    expect(sameScenarios(space, minimised, region)).toBe(true);
    for (const cube of minimised)
      for (const grown of grownByOneValue(cube)) expect(inside(grown, region)).toBe(false);
  });

  it('gives no cube for the empty region and one unconstrained cube for the whole space', () => {
    expect(minimiseRegion(space, [])).toEqual([]);
    const halves = toMasks(
      [
        new Map([['context.time', new Set<FactValue>(['own-time'])]]),
        new Map([['context.time', new Set<FactValue>(['work-time'])]]),
      ],
      space,
    );
    expect(minimiseRegion(space, halves)).toEqual([space.full]);
    expect(constrainedFacts(space, space.full)).toBe(0);
  });
});

describe('constrainedFacts', () => {
  it('counts the facts a cube does not leave free', () => {
    fc.assert(
      fc.property(arbitraryRegion, (region) => {
        for (const cube of region) expect(constrainedFacts(space, cube)).toBe(toCube(cube, space).size);
      }),
      { numRuns: runs(100) },
    );
  });
});
