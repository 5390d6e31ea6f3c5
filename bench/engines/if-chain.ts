import type { Policy, Scenario } from '@fairpost/core';
import { conditionSource } from './condition-source.js';
import { type Engine, verdictTable } from './engine.js';

/**
 * The floor for policies too large to write by hand: the rules turned into the same kind of if statements a person
 * would write (JavaScript source, compiled once by the engine with `new Function`). Complete scenarios only.
 */
export function ifChainEngine(policy: Policy): Engine {
  const body = [
    ...policy.rules.map((rule, index) => `if (${conditionSource(rule.when)}) return ${index};`),
    'return -1;',
  ].join('\n');
  const decide = new Function('s', body) as (s: Scenario) => number;
  const verdict = verdictTable(policy.rules, policy.default.outcome);
  return {
    name: 'generated if-chain (JS)',
    note: 'the rules as generated if statements (new Function); the floor for large policies',
    decide,
    verdictOf: (index) => verdict(index as number),
    isAsync: false,
  };
}
