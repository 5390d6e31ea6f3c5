import type { Policy, Scenario } from '@fairpost/core';
import { conditionSource } from './condition-source.js';
import { type Engine, verdictTable } from './engine.js';

/** Rules per generated function: V8 does not optimise one very large function, so the floor is split like this. */
const RULES_PER_FUNCTION = 100;

/**
 * The rules as generated if statements, split into functions of at most 100 rules each (one function of 2,000 rules
 * is never optimised by V8 and would flatter any engine compared with it). Returns the index of the deciding rule.
 */
export function chunkedIfChain(policy: Policy): (s: Scenario) => number {
  const parts: ((s: Scenario) => number)[] = [];
  for (let offset = 0; offset < policy.rules.length; offset += RULES_PER_FUNCTION) {
    const body = [
      ...policy.rules
        .slice(offset, offset + RULES_PER_FUNCTION)
        .map((rule, i) => `if (${conditionSource(rule.when)}) return ${offset + i};`),
      'return -1;',
    ].join('\n');
    parts.push(new Function('s', body) as (s: Scenario) => number);
  }
  if (parts.length === 1) return parts[0]!;
  return (s) => {
    for (let p = 0; p < parts.length; p++) {
      const found = parts[p]!(s);
      if (found !== -1) return found;
    }
    return -1;
  };
}

/**
 * The floor for policies too large to write by hand: the rules turned into the if statements a person would write
 * (JavaScript source compiled once with `new Function`), in functions of at most 100 rules. Complete scenarios only.
 */
export function ifChainEngine(policy: Policy): Engine {
  const decide = chunkedIfChain(policy);
  const verdict = verdictTable(policy.rules, policy.default.outcome);
  return {
    name: 'generated if-chain (JS)',
    note: 'the rules as if statements in functions of at most 100 rules (new Function): the floor',
    decide,
    verdictOf: (index) => verdict(index as number),
    isAsync: false,
  };
}
