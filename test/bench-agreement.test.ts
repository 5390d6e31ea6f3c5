import { describe, expect, it } from 'vitest';
import { checkAgreement, describeDisagreement } from '../bench/agreement.js';
import { benchCases } from '../bench/bench-cases.js';

// The benchmark's precondition, proved in CI without timing anything: on the same scenarios, Fairpost, the
// hand-written function, the naive interpreter, json-logic-js and json-rules-engine reach the same outcome through
// the same rule, for the 16-rule policy and the generated 200- and 2,000-rule policies.
describe('benchmark engines', () => {
  const cases = benchCases({ scenarios: 400, slowEngineScenarios: () => 40 });
  // The flagship case also checks the duties owed (Fairpost against the straight-line function).

  it.each(cases.map((c) => [c.name, c] as const))(
    'agree on every scenario for the %s policy',
    async (_name, benchCase) => {
      const disagreements = await checkAgreement(benchCase);
      expect(disagreements.map(describeDisagreement)).toEqual([]);
      expect(benchCase.engines.length).toBeGreaterThanOrEqual(6);
    },
  );

  it('notices an engine that disagrees', async () => {
    const [benchCase] = cases;
    const reference = benchCase!.engines[0]!;
    const alwaysDefault = {
      name: 'always the default',
      note: 'ignores the rules',
      decide: () => null,
      verdictOf: () => ({ outcome: benchCase!.policy.default.outcome, ruleId: null }),
      isAsync: false,
    };
    const disagreements = await checkAgreement({
      ...benchCase!,
      engines: [reference, { engine: alwaysDefault, scenarioCount: 50 }],
    });
    expect(disagreements.length).toBeGreaterThan(0);
    expect(describeDisagreement(disagreements[0]!)).toContain(
      'always the default says check-first by the default',
    );
  });
});
