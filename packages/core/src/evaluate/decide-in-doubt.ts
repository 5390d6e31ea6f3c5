import type { AppliedDoubtRule, Decision, DecidingRule } from '../model/decision.js';
import { deepFreeze } from '../model/deep-freeze.js';
import { type Outcome, outcomeStrictness } from '../model/outcome.js';
import type { DoubtRule, FactDoubtRule } from '../model/policy.js';
import type { Scenario, ScenarioWithDoubt } from '../parse/scenario.js';
import type { FactValue } from '../vocabulary/fact-types.js';
import type { CatalogueEntry, CatalogueName } from '../vocabulary/vocabulary-schema.js';
import type { PolicyEngine } from './compile-policy.js';

// Doubt as a layer over the exact evaluator: it never changes what the evaluator says about known and unknown facts,
// it only decides, by the policy's own doubt rules, a decision the evaluator leaves undetermined because of facts
// the person answered "not sure". So a policy without doubt rules, or a scenario without unsure facts, decides
// exactly as before, on either engine path.

/** A doubt rule and where it is written: the policy-wide `doubt.default` or `doubt.facts`. */
interface ScopedRule {
  readonly rule: DoubtRule | FactDoubtRule;
  readonly scope: 'policy' | 'fact';
}

/** One way of settling the outcome in doubt: an outcome, and what goes with it. */
interface Candidate {
  readonly outcome: Outcome;
  readonly decidedBy: readonly DecidingRule[];
  readonly conditions: readonly CatalogueEntry[];
  readonly reviewers: readonly CatalogueEntry[];
}

/**
 * The decision for a scenario with facts answered "not sure", given `base` (the decision with them unknown) and
 * `decide` (the exact evaluator for another scenario). See `evaluate` for the rule in words.
 */
export function decideInDoubt(
  engine: PolicyEngine,
  scenario: ScenarioWithDoubt,
  base: Decision,
  decide: (scenario: Scenario) => Decision,
): Decision {
  const doubt = engine.compiled.policy.doubt;
  if (doubt === undefined || base.outcome !== 'undetermined') return base;
  const unsure = new Set<string>(scenario.unsure ?? []);
  const ruleFor = (fact: string): ScopedRule | undefined => {
    const own = doubt.facts?.find((r) => r.fact === fact);
    if (own !== undefined) return { rule: own, scope: 'fact' };
    return doubt.default === undefined ? undefined : { rule: doubt.default, scope: 'policy' };
  };
  if (!base.neededFacts.some((f) => unsure.has(f))) return base;

  // First the assumptions: decide as if each needed unsure fact with an `assume` rule had its value, again until
  // none is left (an assumption may make another fact needed; each round assumes at least one more, so this ends).
  const completed: Record<string, unknown> = { ...scenario };
  const inDoubt = new Set<string>();
  const applied: AppliedDoubtRule[] = [];
  let current = base;
  while (current.outcome === 'undetermined') {
    const next = current.neededFacts.filter((f) => unsure.has(f) && ruleFor(f)?.rule.resolve === 'assume');
    if (next.length === 0) break;
    for (const fact of next) {
      const scoped = ruleFor(fact)!;
      const value = (scoped.rule as Extract<FactDoubtRule, { resolve: 'assume' }>).value;
      completed[fact] = value;
      inDoubt.add(fact);
      applied.push(appliedRule(scoped, [fact], { value }));
    }
    current = decide(completed as Scenario);
  }
  const inOrder = () => engine.compiled.factsInPlay.filter((f) => inDoubt.has(f));
  if (current.outcome !== 'undetermined')
    return inDoubtDecision(current, base, inOrder(), applied, current.outcome, current);

  // Then the rest: only when every fact still needed was answered "not sure" and has a rule that decides.
  const rest = current.neededFacts;
  const restRules = rest.map((fact) => ({ fact, scoped: ruleFor(fact) }));
  if (restRules.some(({ fact, scoped }) => !unsure.has(fact) || scoped === undefined)) return base;
  const possible = current.possibleOutcomes;
  const strictestPossible = possible.reduce((a, b) => (outcomeStrictness(b) > outcomeStrictness(a) ? b : a));
  const candidates: Candidate[] = [];
  const byRule = new Map<DoubtRule | FactDoubtRule, { scoped: ScopedRule; facts: string[] }>();
  for (const { fact, scoped } of restRules) {
    const entry = byRule.get(scoped!.rule) ?? { scoped: scoped!, facts: [] };
    entry.facts.push(fact);
    inDoubt.add(fact);
    byRule.set(scoped!.rule, entry);
  }
  for (const { scoped, facts } of byRule.values()) {
    const rule = scoped.rule;
    switch (rule.resolve) {
      case 'strictest':
        candidates.push(strictestCandidate(engine, current, strictestPossible));
        applied.push(appliedRule(scoped, facts, { outcome: strictestPossible }));
        break;
      case 'outcome':
        candidates.push({
          outcome: rule.outcome,
          decidedBy: current.decidedBy.filter((d) => d.outcome === rule.outcome),
          conditions: entries(engine, 'conditions', rule.conditions),
          reviewers: entries(engine, 'roles', rule.reviewers),
        });
        applied.push(appliedRule(scoped, facts, { outcome: rule.outcome }));
        break;
      case 'assume':
        // Unreachable: the loop above assumed every needed unsure fact that has an `assume` rule.
        return base;
      default:
        return rule satisfies never;
    }
  }
  const level = Math.max(...candidates.map((c) => outcomeStrictness(c.outcome)));
  const winners = candidates.filter((c) => outcomeStrictness(c.outcome) === level);
  const merged: Candidate = {
    outcome: winners[0]!.outcome,
    decidedBy: uniqueBy(
      winners.flatMap((c) => c.decidedBy),
      (d) => d.ruleId,
    ),
    conditions: uniqueBy(
      winners.flatMap((c) => c.conditions),
      (e) => e.id,
    ),
    reviewers: uniqueBy(
      winners.flatMap((c) => c.reviewers),
      (e) => e.id,
    ),
  };
  return inDoubtDecision(current, base, inOrder(), applied, merged.outcome, merged);
}

function strictestCandidate(engine: PolicyEngine, current: Decision, outcome: Outcome): Candidate {
  const decidedBy = current.decidedBy.filter((d) => d.outcome === outcome);
  const byId = new Map(engine.rules.map((r) => [r.rule.id, r]));
  const conditions: CatalogueEntry[] = [];
  const reviewers: CatalogueEntry[] = [];
  for (const d of decidedBy) {
    const rule = d.ruleId === null ? undefined : byId.get(d.ruleId);
    conditions.push(...(rule?.conditions ?? engine.defaultConditions));
    reviewers.push(...(rule?.reviewers ?? engine.defaultReviewers));
  }
  return { outcome, decidedBy, conditions, reviewers };
}

function inDoubtDecision(
  current: Decision,
  base: Decision,
  facts: readonly string[],
  rules: readonly AppliedDoubtRule[],
  outcome: Outcome,
  settled: Pick<Candidate, 'decidedBy' | 'conditions' | 'reviewers'>,
): Decision {
  return deepFreeze({
    policyId: current.policyId,
    outcome,
    possibleOutcomes: base.possibleOutcomes,
    neededFacts: base.neededFacts,
    decidedBy: settled.decidedBy,
    conditions: settled.conditions,
    reviewers: settled.reviewers,
    duties: current.duties,
    undeterminedDuties: current.undeterminedDuties,
    ...(current.trace === undefined ? {} : { trace: current.trace }),
    doubt: { facts, rules },
  });
}

function appliedRule(
  { rule, scope }: ScopedRule,
  facts: readonly string[],
  what: { value?: FactValue; outcome?: Outcome },
): AppliedDoubtRule {
  return {
    facts,
    resolve: rule.resolve,
    scope,
    ...(what.value === undefined ? {} : { value: what.value }),
    ...(what.outcome === undefined ? {} : { outcome: what.outcome }),
    reason: rule.reason,
    ...(rule.source ? { source: rule.source } : {}),
    ...(rule.assumption ? { assumption: rule.assumption } : {}),
  };
}

function entries(
  engine: PolicyEngine,
  catalogue: CatalogueName,
  ids: readonly string[] = [],
): CatalogueEntry[] {
  const known = engine.compiled.vocabulary.catalogues[catalogue];
  return ids.map((id) => known.get(id) ?? Object.freeze({ id, label: id, phrase: id }));
}

function uniqueBy<T, K>(items: readonly T[], key: (item: T) => K): T[] {
  const seen = new Map<K, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}
