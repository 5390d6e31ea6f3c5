import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { domainsOf } from '../evaluate/compile-policy.js';
import { arbitraryCondition } from '../testing/arbitrary-policy.js';
import type { FactValue } from '../vocabulary/fact-types.js';
import { standardVocabulary } from '../vocabulary/resolve-vocabulary.js';
import { toConditionNode } from '../model/condition-node.js';
import type { Scenario } from '../parse/scenario.js';
import { holds } from '../testing/support/reference-evaluator.js';
import {
  complementMasks,
  conditionRegion,
  containsScenario,
  createSpace,
  disjoint,
  fromMasks,
  intersectMasks,
  maskFacts,
  mergeCubes,
  nodeMasks,
  pointCube,
  regionDependsOn,
  regionShare,
  restrictMasks,
  type ScenarioSpace,
  subtractMasks,
  toMasks,
} from './region.js';

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
      { numRuns: 200 },
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
      { numRuns: 200 },
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
      { numRuns: 200 },
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
      { numRuns: 100 },
    );
  });

  it("gives no point for a value outside its fact's domain", () => {
    expect(pointCube({ 'account.kind': 'no-such-account' }, space)).toBeUndefined();
    expect(pointCube({}, space)).toEqual(space.full);
  });
});
