import fc from 'fast-check';
import {
  type MaskCube,
  type MaskRegion,
  type ScenarioSpace,
  subtractMasks,
  toMasks,
} from '../../region/region.js';
import type { FactValue } from '../../vocabulary/fact-types.js';

/** A random cube of a space: each fact left free or given a non-empty subset of its values. */
export function arbitraryCube(space: ScenarioSpace): fc.Arbitrary<MaskCube> {
  return fc
    .tuple(
      ...space.facts.map((_, f) =>
        fc.option(fc.subarray([...space.domains[f]!], { minLength: 1 }), { nil: undefined, freq: 2 }),
      ),
    )
    .map((choices) => {
      const cube = new Map(
        choices.flatMap((values, f) =>
          values ? [[space.facts[f]!, new Set<FactValue>(values)] as const] : [],
        ),
      );
      return toMasks([cube], space)[0]!;
    });
}

/** A random region of a space: a union of one to eight cubes, which may overlap. */
export const arbitraryRegion = (space: ScenarioSpace): fc.Arbitrary<MaskCube[]> =>
  fc.array(arbitraryCube(space), { minLength: 1, maxLength: 8 });

/** Whether two regions hold the same scenarios. */
export const sameScenarios = (space: ScenarioSpace, x: MaskRegion, y: MaskRegion): boolean =>
  subtractMasks(x, y, space).length === 0 && subtractMasks(y, x, space).length === 0;
