import { compilePolicy, type Decision, type EvaluateOptions, evaluate, type Policy } from '@fairpost/core';
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
