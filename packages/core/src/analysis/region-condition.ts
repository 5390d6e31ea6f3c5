import type { Condition } from '../model/condition.js';
import { splitMemberDimension } from '../model/condition-node.js';
import { type MaskCube, type MaskRegion, type ScenarioSpace, valuesOf } from '../region/region.js';

/**
 * A cube as a condition: `all` of one test per constrained fact (`is` for one value, `in` for several; for a set
 * fact's membership dimension, `includes` or `not` of it).
 */
export function cubeCondition(space: ScenarioSpace, cube: MaskCube): Condition {
  const tests: Condition[] = [];
  space.facts.forEach((fact, f) => {
    const values = valuesOf(cube, f, space);
    if (values.length === space.domains[f]!.length) return;
    // A membership dimension (a proper subset of true/false is one value) is a set test, negated for false.
    const member = splitMemberDimension(fact);
    if (member) {
      const includes = { fact: member.fact, includes: member.member } as Condition;
      tests.push(values[0] === true ? includes : { not: includes });
      return;
    }
    tests.push((values.length === 1 ? { fact, is: values[0] } : { fact, in: values }) as Condition);
  });
  return tests.length === 1 ? tests[0]! : { all: tests };
}

/**
 * A region as a condition in the policy format, so that programs can store it, test scenarios against it
 * (`compileCondition`) or turn it back into a region (`conditionRegion`).
 */
export function regionCondition(space: ScenarioSpace, region: MaskRegion): Condition {
  const cubes = region.map((cube) => cubeCondition(space, cube));
  return cubes.length === 1 ? cubes[0]! : { any: cubes };
}
