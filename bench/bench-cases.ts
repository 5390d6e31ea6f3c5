// The cases `pnpm bench` measures and test/bench-agreement.test.ts checks: each policy with its scenarios and
// the engines that decide it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compilePolicy, type Policy, parsePolicySource, type Scenario } from '@fairpost/core';
import type { Engine } from './engines/engine.js';
import { fairpostEngine, fairpostParsedEngine } from './engines/fairpost.js';
import { handWrittenEngine } from './engines/hand-written.js';
import { ifChainEngine } from './engines/if-chain.js';
import { jsonLogicEngine } from './engines/json-logic.js';
import { jsonRulesEngine } from './engines/json-rules-engine.js';
import { naiveInterpreterEngine } from './engines/naive-interpreter.js';
import { straightLineEngine } from './engines/straight-line.js';
import {
  BENCH_FACTS,
  generatedPolicy,
  generatedScenarios,
  LARGE_FACTS,
  sixteenRulePolicy,
} from './workload.js';

/** An engine in a case, with how many of the case's scenarios it runs (slow peers run a prefix). */
export interface CaseEngine {
  readonly engine: Engine;
  readonly scenarioCount: number;
}

/** One policy, its scenarios, and the engines measured on it; the first engine is the reference. */
export interface BenchCase {
  readonly name: string;
  readonly policy: Policy;
  /** The facts the scenarios give (every one, for complete scenarios). */
  readonly facts: readonly string[];
  readonly scenarios: readonly Scenario[];
  readonly engines: readonly CaseEngine[];
  /** The engine the others are measured against: the hand-written function, or the if-chain for large policies. */
  readonly floor: string;
}

/** Options for `benchCases`. */
export interface BenchCaseOptions {
  /** Scenarios per case (default 10,000). */
  readonly scenarios?: number;
  /** At most this many scenarios for json-rules-engine, per rule count (it is slow; default 1,000 / 200 / 50). */
  readonly slowEngineScenarios?: (ruleCount: number) => number;
}

const defaultSlowEngineScenarios = (rules: number) => (rules <= 40 ? 1000 : rules <= 200 ? 200 : 50);

/** The flagship policy (examples/policies/000_staff-union-alternative.yaml): first-match, with its duties. */
export function flagshipPolicy(): Policy {
  const file = fileURLToPath(
    new URL('../examples/policies/000_staff-union-alternative.yaml', import.meta.url),
  );
  const parsed = parsePolicySource(readFileSync(file, 'utf8'), { filename: file });
  if (!parsed.ok) throw new Error(`${file}: ${parsed.issues.map((i) => i.message).join('; ')}`);
  return parsed.policy;
}

/** The seed of the scenarios every case is agreed and timed on (other seeds give unseen scenarios). */
export const SCENARIO_SEED = 20_240_611;

/**
 * The 16-rule policy, the flagship with its duties, and generated policies of 200 and 2,000 rules over twelve and
 * more facts, each with seeded complete scenarios and every engine built for it. Fairpost (validated) comes first:
 * agreement is checked against it.
 */
export function benchCases(options: BenchCaseOptions = {}): BenchCase[] {
  const count = options.scenarios ?? 10_000;
  const slow = options.slowEngineScenarios ?? defaultSlowEngineScenarios;
  const flagship = flagshipPolicy();
  const policies: { policy: Policy; facts: readonly string[]; name: string }[] = [
    { policy: sixteenRulePolicy(), facts: BENCH_FACTS, name: '16 rules' },
    { policy: flagship, facts: compilePolicy(flagship).factsInPlay, name: 'flagship with duties' },
    { policy: generatedPolicy(200, 200, LARGE_FACTS), facts: LARGE_FACTS, name: '200 rules' },
    { policy: generatedPolicy(2000, 2000, LARGE_FACTS), facts: LARGE_FACTS, name: '2,000 rules' },
  ];
  return policies.map(({ policy, facts, name }) => {
    const all = (engine: Engine): CaseEngine => ({ engine, scenarioCount: count });
    const floor =
      policy.id === 'bench-sixteen-rules'
        ? handWrittenEngine(policy)
        : (policy.duties ?? []).length > 0
          ? straightLineEngine(policy)
          : ifChainEngine(policy);
    return {
      name,
      policy,
      facts,
      scenarios: generatedScenarios(count, SCENARIO_SEED, facts),
      floor: floor.name,
      engines: [
        all(fairpostEngine(policy)),
        all(fairpostEngine(policy, { trusted: true })),
        all(floor),
        all(fairpostParsedEngine(policy)),
        ...(floor.name === 'generated if-chain (JS)' ? [] : [all(ifChainEngine(policy))]),
        all(naiveInterpreterEngine(policy)),
        all(jsonLogicEngine(policy)),
        { engine: jsonRulesEngine(policy), scenarioCount: Math.min(count, slow(policy.rules.length)) },
      ],
    };
  });
}
