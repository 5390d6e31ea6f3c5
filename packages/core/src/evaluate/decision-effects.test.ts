import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { outcomeStrictness } from '../model/outcome.js';
import { arbitraryPolicy } from '../testing/arbitrary-policy.js';
import { compileEngine, type PolicyEngine } from './compile-policy.js';
import { decisionEffects } from './decision-effects.js';
import { runs } from '../../../../test/support/property-runs.js';

/** What a set of deciders brings, written out: strictness of the first, and the entries of all, by list and id. */
function effectOf(engine: PolicyEngine, positions: readonly number[] | 'default'): string {
  const parts =
    positions === 'default'
      ? [
          {
            strictness: outcomeStrictness(engine.compiled.policy.default.outcome),
            conditions: engine.compiled.policy.default.conditions ?? [],
            reviewers: engine.compiled.policy.default.reviewers ?? [],
          },
        ]
      : positions.map((p) => {
          const { rule } = engine.ordered[p]!;
          return {
            strictness: outcomeStrictness(rule.outcome),
            conditions: rule.conditions ?? [],
            reviewers: rule.reviewers ?? [],
          };
        });
  const entries = new Set(
    parts.flatMap((x) => [...x.conditions.map((c) => `c ${c}`), ...x.reviewers.map((r) => `r ${r}`)]),
  );
  return `${parts[0]!.strictness}: ${[...entries].sort().join(', ')}`;
}

const engines = arbitraryPolicy({ maxRules: 8 }).map((policy) => compileEngine(policy));

describe('decisionEffects', () => {
  it('gives deciders the same code exactly when they bring the same outcome, conditions and reviewers', () => {
    fc.assert(
      fc.property(
        engines
          .filter((engine) => engine.ordered.length > 0)
          .chain((engine) =>
            fc.tuple(
              fc.constant(engine),
              fc.array(fc.subarray([...engine.ordered.keys()], { minLength: 1 }), {
                minLength: 2,
                maxLength: 6,
              }),
            ),
          ),
        ([engine, groups]) => {
          const { codeOf, defaultCode, ruleCode } = decisionEffects(engine);
          // Deciders that decide together share an outcome: keep groups of one strictness, as strictest makes them.
          const same = groups.filter((g) =>
            g.every((p) => engine.ordered[p]!.strictness === engine.ordered[g[0]!]!.strictness),
          );
          const coded = [
            ...same.map((g) => [codeOf(g), effectOf(engine, g)] as const),
            ...[...engine.ordered.keys()].map((p) => [ruleCode[p]!, effectOf(engine, [p])] as const),
            [defaultCode, effectOf(engine, 'default')] as const,
          ];
          for (const [code, effect] of coded)
            for (const [other, otherEffect] of coded) expect(code === other).toBe(effect === otherEffect);
        },
      ),
      { numRuns: runs(150) },
    );
  });

  it('lists for every condition and reviewer the deciders that bring it, once for each distinct set', () => {
    fc.assert(
      fc.property(engines, (engine) => {
        const { memberships } = decisionEffects(engine);
        const keyOf = (m: { positions: readonly number[]; includesDefault: boolean }) =>
          `${m.positions.join(',')}|${m.includesDefault}`;
        const expected = new Set<string>();
        const { policy } = engine.compiled;
        const entries = (x: { conditions?: readonly string[]; reviewers?: readonly string[] }) => [
          ...(x.conditions ?? []).map((c) => `c ${c}`),
          ...(x.reviewers ?? []).map((r) => `r ${r}`),
        ];
        const all = new Set([...engine.ordered.flatMap((r) => entries(r.rule)), ...entries(policy.default)]);
        for (const entry of all)
          expected.add(
            keyOf({
              positions: [...engine.ordered.keys()].filter((p) =>
                entries(engine.ordered[p]!.rule).includes(entry),
              ),
              includesDefault: entries(policy.default).includes(entry),
            }),
          );
        expect(memberships.map(keyOf).sort()).toEqual([...expected].sort());
        expect(decisionEffects(engine)).toBe(decisionEffects(engine));
      }),
      { numRuns: runs(150) },
    );
  });
});
