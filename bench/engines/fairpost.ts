import {
  compilePolicy,
  type Decision,
  type EvaluateOptions,
  evaluate,
  type Policy,
  parseScenario,
  type Scenario,
} from '@fairpost/core';
import type { Engine } from './engine.js';

/** Fairpost's compiled `evaluate`: the full decision with reasons, conditions, reviewers and duties. */
export function fairpostEngine(policy: Policy, options: EvaluateOptions = {}): Engine {
  const compiled = compilePolicy(policy);
  return {
    name: options.trusted ? 'Fairpost evaluate, trusted' : 'Fairpost evaluate',
    note: options.trusted
      ? 'full decision; scenario already checked ({ trusted: true })'
      : 'full decision; checks the scenario against the vocabulary (the default)',
    decide: (scenario) => evaluate(compiled, scenario, options),
    verdictOf: (result) => {
      const decision = result as Decision;
      return {
        outcome: decision.outcome,
        ruleId: decision.decidedBy[0]?.ruleId ?? null,
        duties: decision.duties.map((d) => d.dutyId).join(','),
      };
    },
    isAsync: false,
  };
}

/**
 * Fairpost's `evaluate` on scenarios `parseScenario` checked once ahead of time (outside the timing): `evaluate`
 * recognises them as checked, with no option, as an app that checks its input once and decides it many times does.
 */
export function fairpostParsedEngine(policy: Policy): Engine {
  const compiled = compilePolicy(policy);
  const engine = fairpostEngine(policy);
  return {
    ...engine,
    name: 'Fairpost evaluate, parsed scenarios',
    note: 'full decision; scenarios checked once by parseScenario, which evaluate recognises',
    decide: (scenario) => evaluate(compiled, scenario),
    prepare: (scenario: Scenario) => {
      const checked = parseScenario(scenario, compiled);
      if (!checked.ok) throw new Error(`bench scenario invalid: ${checked.issues[0]?.message}`);
      return checked.scenario;
    },
  };
}
