// The cases `pnpm bench` measures and test/bench-agreement.test.ts checks: each policy with its scenarios and
// the engines that decide it.
import type { Policy, Scenario } from '@fairpost/core';
import type { Engine } from './engines/engine.js';
import { fairpostEngine } from './engines/fairpost.js';
import { handWrittenEngine } from './engines/hand-written.js';
import { ifChainEngine } from './engines/if-chain.js';
import { jsonLogicEngine } from './engines/json-logic.js';
import { jsonRulesEngine } from './engines/json-rules-engine.js';
import { naiveInterpreterEngine } from './engines/naive-interpreter.js';
import { generatedPolicy, generatedScenarios, sixteenRulePolicy } from './workload.js';

/** An engine in a case, with how many of the case's scenarios it runs (slow peers run a prefix). */
export interface CaseEngine {
  readonly engine: Engine;
  readonly scenarioCount: number;
}

/** One policy, its scenarios, and the engines measured on it; the first engine is the reference. */
export interface BenchCase {
  readonly name: string;
  readonly policy: Policy;
  readonly scenarios: readonly Scenario[];
  readonly engines: readonly CaseEngine[];
}

/** Options for `benchCases`. */
export interface BenchCaseOptions {
  /** Scenarios per case (default 10,000). */
  readonly scenarios?: number;
  /** At most this many scenarios for json-rules-engine, per rule count (it is slow; default 2,000 / 1,000 / 500). */
  readonly slowEngineScenarios?: (ruleCount: number) => number;
}

const defaultSlowEngineScenarios = (rules: number) => (rules <= 16 ? 2000 : rules <= 200 ? 1000 : 500);

/**
 * The 16-rule policy and generated policies of 200 and 2,000 rules, each with the same seeded complete scenarios,
 * and every engine built for each. Fairpost (validated) comes first: the others are compared with it.
 */
export function benchCases(options: BenchCaseOptions = {}): BenchCase[] {
  const count = options.scenarios ?? 10_000;
  const slow = options.slowEngineScenarios ?? defaultSlowEngineScenarios;
  const scenarios = generatedScenarios(count, 20_240_611);
  const policies = [sixteenRulePolicy(), generatedPolicy(200), generatedPolicy(2000)];
  return policies.map((policy) => {
    const all = (engine: Engine): CaseEngine => ({ engine, scenarioCount: count });
    const floor = policy.rules.length === 16 ? handWrittenEngine(policy) : ifChainEngine(policy);
    return {
      name: `${policy.rules.length} rules`,
      policy,
      scenarios,
      engines: [
        all(fairpostEngine(policy)),
        all(fairpostEngine(policy, { trusted: true })),
        all(floor),
        ...(policy.rules.length === 16 ? [all(ifChainEngine(policy))] : []),
        all(naiveInterpreterEngine(policy)),
        all(jsonLogicEngine(policy)),
        { engine: jsonRulesEngine(policy), scenarioCount: Math.min(count, slow(policy.rules.length)) },
      ],
    };
  });
}
