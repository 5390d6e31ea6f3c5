import type { Condition, Policy } from '@fairpost/core';
import { type EngineResult, Engine as RulesEngine, type TopLevelCondition } from 'json-rules-engine';
import { type Engine, verdictTable } from './engine.js';

type NestedCondition = TopLevelCondition | { fact: string; operator: string; value: unknown };

/** A condition in json-rules-engine's form (facts keep their dotted names as fact ids). */
function toRulesEngine(condition: Condition): NestedCondition {
  const c = condition as Record<string, unknown>;
  if (Array.isArray(c.all)) return { all: (c.all as Condition[]).map(toRulesEngine) } as TopLevelCondition;
  if (Array.isArray(c.any)) return { any: (c.any as Condition[]).map(toRulesEngine) } as TopLevelCondition;
  if (c.not !== undefined) return { not: toRulesEngine(c.not as Condition) } as TopLevelCondition;
  const fact = c.fact as string;
  if (c.is !== undefined) return { fact, operator: 'equal', value: c.is };
  if (c.isNot !== undefined) return { fact, operator: 'notEqual', value: c.isNot };
  if (Array.isArray(c.in)) return { fact, operator: 'in', value: c.in };
  return { fact, operator: 'notIn', value: c.notIn };
}

/** A top-level condition: json-rules-engine wants `all`, `any` or `not` at the top. */
function topLevel(condition: Condition): TopLevelCondition {
  const converted = toRulesEngine(condition);
  return 'fact' in converted ? { all: [converted] } : (converted as TopLevelCondition);
}

/**
 * json-rules-engine, used as its documentation suggests for first-match: one priority per rule (earlier rules
 * higher), and `engine.stop()` on the first success so later priorities are skipped. Runs are awaited one at a
 * time (stop() is engine-wide).
 */
export function jsonRulesEngine(policy: Policy): Engine {
  const engine = new RulesEngine([], { allowUndefinedFacts: false });
  policy.rules.forEach((rule, index) => {
    engine.addRule({
      conditions: topLevel(rule.when),
      event: { type: 'decided', params: { index } },
      priority: policy.rules.length - index,
    });
  });
  engine.on('success', () => {
    engine.stop();
  });
  const verdict = verdictTable(policy.rules, policy.default.outcome);
  return {
    name: 'json-rules-engine',
    note: 'one rule per policy rule, priorities for order, stop() on first success',
    decide: (scenario) => engine.run(scenario as Record<string, unknown>),
    verdictOf: (result) => {
      const first = (result as EngineResult).results[0];
      return verdict(first ? (first.event?.params?.index as number) : -1);
    },
    isAsync: true,
  };
}
