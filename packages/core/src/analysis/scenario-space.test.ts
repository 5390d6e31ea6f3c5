import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { domainsOf } from '../evaluate/compile-policy.js';
import { arbitraryCondition } from '../testing/arbitrary-policy.js';
import { conditionRegion } from '../region/region.js';
import type { FactValue } from '../vocabulary/fact-types.js';
import { standardVocabulary } from '../vocabulary/resolve-vocabulary.js';
import {
  containsScenario,
  createSpace,
  disjoint,
  maskRegion,
  meet,
  mergeCubes,
  regionShare,
  type ScenarioSpace,
  subtract,
} from './scenario-space.js';

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
  scenarios.map((s) => region.some((cube) => containsScenario(space, cube, s)));

describe('the bitmask scenario space', () => {
  it('subtracts, intersects, separates and merges regions exactly, as sets of scenarios', () => {
    fc.assert(
      fc.property(condition, condition, (x, y) => {
        const a = maskRegion(space, conditionRegion(x, domains));
        const b = maskRegion(space, conditionRegion(y, domains));
        const inA = members(a);
        const inB = members(b);
        expect(members(subtract(space, a, b))).toEqual(inA.map((v, i) => v && !inB[i]));
        expect(members(meet(space, a, b))).toEqual(inA.map((v, i) => v && inB[i]));
        const separated = disjoint(space, a);
        const merged = mergeCubes(space, separated);
        expect(members(merged)).toEqual(inA);
        expect(merged.length).toBeLessThanOrEqual(separated.length);
        // Disjoint cubes: each scenario lies in at most one, so shares add up to the true count.
        expect(regionShare(space, merged, undefined)).toBe(inA.filter(Boolean).length / scenarios.length);
      }),
      { numRuns: 200 },
    );
  });

  it('handles facts with more than 32 values, across several words', () => {
    const values = Array.from({ length: 40 }, (_, i) => `v${i}`);
    const wide = createSpace(['custom.many'], () => values);
    const region = maskRegion(wide, [new Map([['custom.many', new Set(['v3', 'v35'])]])]);
    const rest = subtract(wide, [wide.full], region);
    expect(regionShare(wide, rest, undefined)).toBe(38 / 40);
    expect(containsScenario(wide, region[0]!, { 'custom.many': 'v35' })).toBe(true);
    expect(containsScenario(wide, rest[0]!, { 'custom.many': 'v35' })).toBe(false);
  });
});
