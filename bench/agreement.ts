import type { Scenario } from '@fairpost/core';
import type { BenchCase } from './bench-cases.js';
import type { Verdict } from './engines/engine.js';

/** A scenario on which an engine's verdict differs from the reference engine's. */
export interface Disagreement {
  readonly caseName: string;
  readonly engine: string;
  readonly scenario: Scenario;
  readonly expected: Verdict;
  readonly found: Verdict;
}

/**
 * Runs every engine of a case over its scenarios and lists each scenario where an engine's outcome or deciding rule
 * differs from the first engine's. Timing means nothing until this list is empty.
 */
export async function checkAgreement(benchCase: BenchCase): Promise<Disagreement[]> {
  const [reference, ...others] = benchCase.engines;
  if (!reference) return [];
  const expected = benchCase.scenarios.map((s) => reference.engine.verdictOf(reference.engine.decide(s)));
  const found: Disagreement[] = [];
  for (const { engine, scenarioCount } of others) {
    for (let i = 0; i < scenarioCount; i++) {
      const scenario = benchCase.scenarios[i]!;
      const input = engine.prepare ? engine.prepare(scenario) : scenario;
      const result = engine.isAsync
        ? await engine.decide(input as Scenario)
        : engine.decide(input as Scenario);
      const verdict = engine.verdictOf(result);
      const want = expected[i]!;
      const dutiesDiffer =
        verdict.duties !== undefined && want.duties !== undefined && verdict.duties !== want.duties;
      if (verdict.outcome !== want.outcome || verdict.ruleId !== want.ruleId || dutiesDiffer) {
        found.push({
          caseName: benchCase.name,
          engine: engine.name,
          scenario,
          expected: want,
          found: verdict,
        });
      }
    }
  }
  return found;
}

/** A disagreement in one line, for the terminal. */
export function describeDisagreement(d: Disagreement): string {
  const verdict = (v: Verdict) =>
    `${v.outcome} by ${v.ruleId ?? 'the default'}${v.duties === undefined ? '' : ` owing [${v.duties}]`}`;
  return `${d.caseName}: ${d.engine} says ${verdict(d.found)} where Fairpost says ${verdict(d.expected)} for ${JSON.stringify(d.scenario)}`;
}
