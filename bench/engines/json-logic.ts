import type { Condition, Policy, Scenario } from '@fairpost/core';
import jsonLogic, { type RulesLogic } from 'json-logic-js';
import { type Engine, verdictTable } from './engine.js';

/** A condition as JsonLogic. */
function toJsonLogic(condition: Condition): RulesLogic {
  const c = condition as Record<string, unknown>;
  if (Array.isArray(c.all))
    return c.all.length === 0 ? true : { and: (c.all as Condition[]).map(toJsonLogic) };
  if (Array.isArray(c.any))
    return c.any.length === 0 ? false : { or: (c.any as Condition[]).map(toJsonLogic) };
  if (c.not !== undefined) return { '!': toJsonLogic(c.not as Condition) };
  const value = { var: c.fact as string };
  if (c.is !== undefined) return { '===': [value, c.is] } as RulesLogic;
  if (c.isNot !== undefined) return { '!==': [value, c.isNot] } as RulesLogic;
  if (Array.isArray(c.in)) return { in: [value, c.in] } as RulesLogic;
  return { '!': { in: [value, c.notIn] } } as RulesLogic;
}

/** JsonLogic reads `a.b` as a nested path, so a scenario's dotted fact names become nested objects. */
export function nestScenario(scenario: Scenario): Record<string, Record<string, unknown>> {
  const nested: Record<string, Record<string, unknown>> = {};
  for (const [name, value] of Object.entries(scenario)) {
    const [group, key] = name.split('.') as [string, string];
    nested[group] ??= {};
    nested[group][key] = value;
  }
  return nested;
}

/** json-logic-js: the policy as one JsonLogic `if` chain (first match returns the rule's index). */
export function jsonLogicEngine(policy: Policy): Engine {
  const logic = {
    if: [...policy.rules.flatMap((rule, index) => [toJsonLogic(rule.when), index]), -1],
  } as RulesLogic;
  const verdict = verdictTable(policy.rules, policy.default.outcome);
  return {
    name: 'json-logic-js',
    note: 'the policy as one JsonLogic if-chain, interpreted per scenario',
    decide: (data) => jsonLogic.apply(logic, data),
    verdictOf: (index) => verdict(index as number),
    isAsync: false,
    prepare: nestScenario,
  };
}
