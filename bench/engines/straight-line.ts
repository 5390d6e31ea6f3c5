import { OUTCOMES, type Policy, type Scenario } from '@fairpost/core';
import { conditionSource } from './condition-source.js';
import { type Engine, verdictTable } from './engine.js';

/** What the straight-line function returns: the deciding rule (-1 for the default) and the duties owed. */
interface StraightLineResult {
  readonly rule: number;
  readonly duties: readonly string[];
}

/**
 * The floor for a policy with duties: what a person would write by hand for it, as one function: the rules as if
 * statements in the order the resolution tries them, then one if statement per duty pushing its id. Complete
 * scenarios only; no reasons, conditions or reviewers.
 */
export function straightLineEngine(policy: Policy): Engine {
  const strictness = (outcome: string) => OUTCOMES.indexOf(outcome as (typeof OUTCOMES)[number]);
  const order = policy.rules
    .map((rule, index) => ({ rule, index }))
    .sort((a, b) =>
      policy.resolution === 'strictest'
        ? strictness(b.rule.outcome) - strictness(a.rule.outcome) || a.index - b.index
        : a.index - b.index,
    );
  const source = `let rule = -1;
decide: {
${order.map(({ rule, index }) => `if (${conditionSource(rule.when)}) { rule = ${index}; break decide; }`).join('\n')}
}
const duties = [];
${(policy.duties ?? []).map((d) => `if (${conditionSource(d.when)}) duties.push(${JSON.stringify(d.id)});`).join('\n')}
return { rule, duties };`;
  const decide = new Function('s', source) as (s: Scenario) => StraightLineResult;
  const verdict = verdictTable(policy.rules, policy.default.outcome);
  return {
    name: 'straight-line function',
    note: 'the rules and duties as if statements a person would write; returns the deciding rule and duty ids',
    decide,
    verdictOf: (result) => {
      const { rule, duties } = result as StraightLineResult;
      return { ...verdict(rule), duties: duties.join(',') };
    },
    isAsync: false,
  };
}
