import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../parse/scenario.js';
import { containsScenario } from '../region/region.js';
import { arbitraryPolicy } from '../testing/arbitrary-policy.js';
import { completionsOf } from '../testing/arbitrary-scenario.js';
import { ENGINE_PATHS } from '../testing/support/engine-paths.js';
import { holds } from '../testing/support/reference-evaluator.js';
import { compileEngine } from './compile-policy.js';
import { engineRegions } from './engine-regions.js';
import { runs } from '../../../../test/support/property-runs.js';

describe.each(ENGINE_PATHS)('engineRegions ($name)', ({ options }) => {
  it('holds each rule (in priority order) and each duty exactly where its condition holds, built once', () => {
    fc.assert(
      fc.property(arbitraryPolicy({ maxRules: 5, maxDuties: 2, maxValuesPerFact: 3 }), (policy) => {
        const engine = compileEngine(policy, options);
        const regions = engineRegions(engine);
        expect(engineRegions(engine)).toBe(regions);
        const inside = (region: readonly Uint32Array[], scenario: Scenario) =>
          region.some((cube) => containsScenario(cube, scenario, regions.space));
        for (const scenario of completionsOf(engine.compiled, {})) {
          engine.ordered.forEach((rule, p) => {
            expect(inside(regions.ordered[p]!, scenario)).toBe(holds(rule.rule.when, scenario));
          });
          (policy.duties ?? []).forEach((duty, d) => {
            expect(inside(regions.duties[d]!, scenario)).toBe(holds(duty.when, scenario));
          });
        }
      }),
      { numRuns: runs(40) },
    );
  });
});
