import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../evaluate/evaluate.js';
import { type MaskRegion, containsScenario, type ScenarioSpace } from '../region/region.js';
import type { Scenario } from '../parse/scenario.js';
import { arbitraryPolicy } from '../testing/arbitrary-policy.js';
import { completionsOf } from '../testing/arbitrary-scenario.js';
import { compileAlternately } from '../testing/support/engine-paths.js';
import { holds } from '../testing/support/reference-evaluator.js';
import { decisionPartition, policySpace } from './decision-partition.js';
import { runs } from '../../../../test/support/property-runs.js';

const small = { maxRules: 6, maxValuesPerFact: 3, maxDuties: 0 };

/** How many cubes of a region hold a complete scenario. */
const cubesHolding = (region: MaskRegion, scenario: Scenario, space: ScenarioSpace) =>
  region.filter((cube) => containsScenario(cube, scenario, space)).length;

describe('decisionPartition agrees with evaluating every complete scenario', () => {
  it('puts each scenario in exactly one cube, of the piece of the rule evaluate names first (or the default)', () => {
    fc.assert(
      fc.property(arbitraryPolicy(small), (policy) => {
        const compiled = compileAlternately(policy);
        const { space, pieces, gaps } = decisionPartition(compiled);
        expect(pieces.at(-1)).toBe(gaps);
        for (const scenario of completionsOf(compiled, {})) {
          const decision = evaluate(compiled, scenario);
          const holding = pieces.map((piece) => cubesHolding(piece.cubes, scenario, space));
          expect(holding.reduce((a, b) => a + b, 0)).toBe(1);
          const piece = pieces[holding.indexOf(1)]!;
          expect(piece.rule?.rule.id ?? null).toBe(decision.decidedBy[0]!.ruleId);
          expect(piece.outcome).toBe(decision.outcome);
        }
      }),
      { numRuns: runs(60) },
    );
  });

  it('keeps each rule’s whole region: exactly the scenarios where its condition holds', () => {
    fc.assert(
      fc.property(arbitraryPolicy(small), (policy) => {
        const compiled = compileAlternately(policy);
        const { space, ruleRegions } = decisionPartition(compiled);
        expect(ruleRegions).toHaveLength(policy.rules.length);
        for (const scenario of completionsOf(compiled, {}))
          policy.rules.forEach((rule, i) => {
            expect(cubesHolding(ruleRegions[i]!, scenario, space) > 0).toBe(holds(rule.when, scenario));
          });
      }),
      { numRuns: runs(60) },
    );
  });
});

describe('policySpace', () => {
  it('spans the facts the policy reads, then the extra facts it does not, each once', () => {
    fc.assert(
      fc.property(
        arbitraryPolicy(small),
        fc.subarray(['account.kind', 'incident.kind', 'incident.workRelated']),
        (policy, extra) => {
          const compiled = compileAlternately(policy);
          const space = policySpace(compiled, extra);
          expect(space.facts).toEqual([
            ...compiled.factsInPlay,
            ...extra.filter((f) => !compiled.factsInPlay.includes(f)),
          ]);
          space.facts.forEach((fact, f) => {
            expect(space.domains[f]).toEqual(compiled.domains(fact));
          });
        },
      ),
      { numRuns: runs(60) },
    );
  });
});
