import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePolicy, FALSE, TRUE } from './compile-policy.js';
import { evaluate } from './evaluate.js';
import type { Policy } from '../model/policy.js';
import { arbitraryPolicy } from '../testing/arbitrary-policy.js';
import { arbitraryScenario } from '../testing/arbitrary-scenario.js';

const FACTS = ['account.kind', 'context.time', 'content.kind', 'content.hasConsent'];
const small = arbitraryPolicy({ facts: FACTS, maxRules: 8, maxValuesPerFact: 3, maxDuties: 0 });

/**
 * The same first-match policy grown past the generated-scan limit: never-matching rules between the originals and
 * copies of them after, neither of which can decide anything, so every decision must stay the same.
 */
function grown(policy: Policy): Policy {
  const never = (i: number, j: number) => ({
    id: `never-${i}-${j}`,
    when: { any: [] },
    outcome: policy.rules[i]?.outcome ?? 'permitted',
    reason: 'Never applies.',
  });
  const rules = policy.rules.flatMap((rule, i) => [
    ...Array.from({ length: 6 }, (_, j) => never(i, j)),
    rule,
  ]);
  const copies = Array.from({ length: 4 }, (_, k) =>
    policy.rules.map((r) => ({ ...r, id: `${r.id}-copy-${k}` })),
  );
  const padding = Array.from({ length: 65 }, (_, j) => ({
    ...never(0, j),
    id: `padding-${j}`,
    outcome: 'permitted' as const,
  }));
  return { ...policy, resolution: 'first-match', rules: [...padding, ...rules, ...copies.flat()] };
}

describe('rule index', () => {
  it('keeps, in policy order, every rule not certainly false for the scenario', () => {
    fc.assert(
      fc.property(
        small.map((p) => compilePolicy(grown(p))),
        fc.integer({ min: 0, max: 5 }),
        (compiled, seed) => {
          const scenarios = fc.sample(arbitraryScenario(compiled), { numRuns: 8, seed });
          for (const scenario of scenarios) {
            const candidates = compiled.ruleIndex.candidates(scenario);
            const indices = candidates.map((r) => r.index);
            expect(indices).toEqual([...indices].sort((a, b) => a - b));
            const last = candidates.at(-1);
            for (const rule of compiled.rules) {
              if (candidates.includes(rule)) continue;
              // Dropped rules are false, or come after a rule that is certainly true (first-match never reaches them).
              if (rule.test(scenario) !== FALSE)
                expect(last && last.index < rule.index && last.test(scenario)).toBe(TRUE);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('names a decider only when it holds and every earlier rule is false', () => {
    fc.assert(
      fc.property(
        small.map((p) => compilePolicy(grown(p))),
        fc.integer({ min: 0, max: 5 }),
        (compiled, seed) => {
          for (const scenario of fc.sample(arbitraryScenario(compiled), { numRuns: 8, seed })) {
            const decider = compiled.ruleIndex.decider(scenario);
            if (!decider) continue;
            expect(decider.test(scenario)).toBe(TRUE);
            for (const rule of compiled.rules.slice(0, decider.index))
              expect(rule.test(scenario)).toBe(FALSE);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('gives the same decisions through the index as the generated scan, unknown facts included', () => {
    fc.assert(
      fc.property(small, fc.integer({ min: 0, max: 5 }), (policy, seed) => {
        const first: Policy = { ...policy, resolution: 'first-match' };
        const scanned = compilePolicy(first);
        const indexed = compilePolicy(grown(first));
        expect(indexed.firstMatchScan).toBeUndefined();
        for (const scenario of fc.sample(arbitraryScenario(scanned), { numRuns: 10, seed })) {
          const a = evaluate(scanned, scenario);
          const b = evaluate(indexed, scenario);
          expect({ ...b, policyId: a.policyId }).toEqual(a);
        }
      }),
      { numRuns: 80 },
    );
  });
});
