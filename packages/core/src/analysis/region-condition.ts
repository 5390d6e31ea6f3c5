import { deepFreeze } from '../model/deep-freeze.js';
import type { Condition } from '../model/condition.js';
import { splitMemberDimension } from '../model/condition-node.js';
import { type MaskCube, type MaskRegion, type ScenarioSpace, valuesOf } from '../region/region.js';

/** One fact's test in a cube, or `undefined` when the cube allows it every value. */
function factTest(space: ScenarioSpace, cube: MaskCube, f: number): Condition | undefined {
  const fact = space.facts[f]!;
  const values = valuesOf(cube, f, space);
  if (values.length === space.domains[f]!.length) return undefined;
  // A membership dimension (a proper subset of true/false is one value) is a set test, negated for false.
  const member = splitMemberDimension(fact);
  if (member) {
    const includes = { fact: member.fact, includes: member.member } as Condition;
    return values[0] === true ? includes : { not: includes };
  }
  return (values.length === 1 ? { fact, is: values[0] } : { fact, in: values }) as Condition;
}

function allOf(tests: Condition[]): Condition {
  return tests.length === 1 ? tests[0]! : { all: tests };
}

/**
 * A cube as a condition: `all` of one test per constrained fact (`is` for one value, `in` for several; for a set
 * fact's membership dimension, `includes` or `not` of it).
 */
export function cubeCondition(space: ScenarioSpace, cube: MaskCube): Condition {
  const tests: Condition[] = [];
  for (let f = 0; f < space.facts.length; f++) {
    const test = factTest(space, cube, f);
    if (test) tests.push(test);
  }
  return allOf(tests);
}

/**
 * A region as a condition in the policy format, so that programs can store it, test scenarios against it
 * (`compileCondition`) or turn it back into a region (`conditionRegion`).
 */
export function regionCondition(space: ScenarioSpace, region: MaskRegion): Condition {
  const cubes = region.map((cube) => cubeCondition(space, cube));
  return cubes.length === 1 ? cubes[0]! : { any: cubes };
}

/**
 * `regionCondition` for results that are frozen anyway (analysis findings): each fact's test is built once per set
 * of values and shared, frozen, between the conditions it returns, which keeps thousands of findings cheap.
 */
export function frozenRegionCondition(space: ScenarioSpace): (region: MaskRegion) => Condition {
  const tests = space.facts.map(() => new Map<string, Condition | null>());
  const keyOf = (cube: MaskCube, f: number) => {
    let key = '';
    for (let w = space.offsets[f]!; w < space.offsets[f]! + space.widths[f]!; w++) key += `${cube[w]!},`;
    return key;
  };
  const cubeOf = (cube: MaskCube): Condition => {
    const parts: Condition[] = [];
    for (let f = 0; f < space.facts.length; f++) {
      const key = keyOf(cube, f);
      let test = tests[f]!.get(key);
      if (test === undefined) {
        test = deepFreeze(factTest(space, cube, f)) ?? null;
        tests[f]!.set(key, test);
      }
      if (test) parts.push(test);
    }
    return allOf(parts);
  };
  return (region) => {
    const cubes = region.map(cubeOf);
    return cubes.length === 1 ? cubes[0]! : { any: cubes };
  };
}
