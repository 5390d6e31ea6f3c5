import type { Condition, Policy } from '@fairpost/core';
import { type Engine, verdictTable } from './engine.js';

/** Whether a condition holds for a complete scenario, found by walking the condition's JSON every time. */
function holds(condition: Condition, scenario: Record<string, unknown>): boolean {
  if ('all' in condition) return condition.all.every((c) => holds(c, scenario));
  if ('any' in condition) return condition.any.some((c) => holds(c, scenario));
  if ('not' in condition) return !holds(condition.not, scenario);
  const value = scenario[condition.fact];
  if ('is' in condition) return value === condition.is;
  if ('isNot' in condition) return value !== condition.isNot;
  if ('in' in condition) return (condition.in as unknown[]).includes(value);
  if ('notIn' in condition) return !(condition.notIn as unknown[]).includes(value);
  const members = (value ?? []) as unknown[];
  if ('includes' in condition) return members.includes(condition.includes);
  if ('includesAny' in condition)
    return (condition.includesAny as unknown[]).some((m) => members.includes(m));
  return (condition.includesAll as unknown[]).every((m) => members.includes(m));
}

/** A naive interpreter: first-match over the policy's rules, re-reading each condition's JSON per scenario. */
export function naiveInterpreterEngine(policy: Policy): Engine {
  const verdict = verdictTable(policy.rules, policy.default.outcome);
  const rules = policy.rules;
  return {
    name: 'naive interpreter',
    note: 'walks each rule’s JSON condition per scenario (two-valued)',
    decide: (scenario) => rules.findIndex((rule) => holds(rule.when, scenario as Record<string, unknown>)),
    verdictOf: (index) => verdict(index as number),
    isAsync: false,
  };
}
