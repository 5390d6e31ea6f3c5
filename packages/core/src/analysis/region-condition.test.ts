import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCondition, domainsOf, TRUE } from '../evaluate/compile-policy.js';
import type { Condition } from '../model/condition.js';
import { containsScenario, createSpace } from '../region/region.js';
import { arbitraryCompleteScenario } from '../testing/arbitrary-scenario.js';
import { arbitraryRegion } from '../testing/support/arbitrary-region.js';
import { unfrozen } from '../testing/support/unfrozen.js';
import { standardVocabulary } from '../vocabulary/resolve-vocabulary.js';
import { frozenRegionCondition, regionCondition } from './region-condition.js';
import { runs } from '../../../../test/support/property-runs.js';

// A set fact's members are dimensions of their own: their tests come out as `includes` or `not` of it.
const space = createSpace(
  ['account.kind', 'content.hasConsent', 'content.topics[employer]', 'content.topics[clients]'],
  domainsOf(standardVocabulary),
);

describe('regionCondition', () => {
  it('holds for a complete scenario exactly when the region holds it', () => {
    fc.assert(
      fc.property(
        arbitraryRegion(space),
        fc.array(arbitraryCompleteScenario(standardVocabulary, space.facts), { minLength: 1, maxLength: 20 }),
        (region, scenarios) => {
          const { test } = compileCondition(regionCondition(space, region), standardVocabulary);
          for (const scenario of scenarios)
            expect(test(scenario) === TRUE).toBe(
              region.some((cube) => containsScenario(cube, scenario, space)),
            );
        },
      ),
      { numRuns: runs(200) },
    );
  });

  it('is the same condition from frozenRegionCondition, its fact tests frozen and built once', () => {
    const frozen = frozenRegionCondition(space);
    /** The fact tests of a condition made of cubes: `any` of `all` of tests, either level left out when single. */
    const factTests = (condition: Condition) =>
      ((condition as { any?: Condition[] }).any ?? [condition]).flatMap(
        (cube) => (cube as { all?: Condition[] }).all ?? [cube],
      );
    fc.assert(
      fc.property(arbitraryRegion(space), (region) => {
        const condition = frozen(region);
        expect(condition).toEqual(regionCondition(space, region));
        const tests = factTests(condition);
        expect(unfrozen(tests).filter((path) => path !== '$')).toEqual([]);
        factTests(frozen(region)).forEach((test, i) => {
          expect(test).toBe(tests[i]);
        });
      }),
      { numRuns: runs(100) },
    );
  });
});
