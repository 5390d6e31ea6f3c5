import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { domainsOf } from '../evaluate/compile-policy.js';
import { arbitraryCondition } from '../testing/arbitrary-policy.js';
import { conditionRegion } from './region.js';
import type { FactValue } from '../vocabulary/fact-types.js';
import { standardVocabulary } from '../vocabulary/resolve-vocabulary.js';
import {
  containsScenario,
  createSpace,
  disjoint,
  toMasks,
  intersectMasks,
  mergeCubes,
  regionShare,
  type ScenarioSpace,
  subtractMasks,
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
