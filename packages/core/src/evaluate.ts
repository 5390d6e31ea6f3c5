import {
  type CompiledPolicy,
  type CompiledRule,
  FALSE,
  orderedFacts,
  TRUE,
  traceFactTest,
  UNKNOWN,
} from './compile-policy.js';
import type { Decision, DecidingRule, RuleTrace, TriggeredDuty, UndeterminedDuty } from './decision.js';
import type { Issue } from './issue.js';
import { OUTCOMES, type Outcome } from './outcome.js';
import { isEmptyRegion, type Region, restrictRegion, subtract, UNIVERSE } from './region.js';
import { parseScenario, type Scenario } from './scenario.js';
import type { FactValue } from './vocabulary/fact-types.js';
import type { CatalogueEntry } from './vocabulary/vocabulary-schema.js';

/** Options for `evaluate`. */
export interface EvaluateOptions {
  /** Include a trace of every rule's fact tests (costs an allocation per rule). Default false. */
  readonly trace?: boolean;
  /** Skip checking the scenario against the vocabulary, for callers that already checked it. Default false. */
  readonly trusted?: boolean;
}

/** Thrown by `evaluate` for a scenario that does not fit the policy's vocabulary: a programmer error. */
export class InvalidScenarioError extends Error {
  override readonly name = 'InvalidScenarioError';
  /** Every problem found, each with the fact's path. */
  readonly issues: readonly Issue[];
  constructor(issues: readonly Issue[]) {
    super(`invalid scenario: ${issues.map((i) => `${String(i.path[0] ?? '')}: ${i.message}`).join('; ')}`);
    this.issues = issues;
  }
}

const NONE: readonly never[] = Object.freeze([]);

/**
 * What the policy says about a scenario: the outcome, the deciding rules and reasons, the conditions to meet, who to
 * ask, and the duties triggered. Facts the scenario leaves out are unknown: if the outcome depends on them it is
 * `undetermined` and `neededFacts` lists them. Pure and deterministic.
 * Throws `InvalidScenarioError` for an unknown fact or value; use `parseScenario` first on untrusted input.
 * @example
 * const decision = evaluate(compiled, { 'account.kind': 'personal', 'context.time': 'own-time' });
 * decision.outcome; // 'out-of-scope'
 */
export function evaluate(
  compiled: CompiledPolicy,
  scenario: Scenario,
  options: EvaluateOptions = {},
): Decision {
  if (!options.trusted) {
    const checked = parseScenario(scenario, compiled.vocabulary);
    if (!checked.ok) throw new InvalidScenarioError(checked.issues);
  }
  const base =
    compiled.policy.resolution === 'first-match'
      ? decideFirstMatch(compiled, scenario)
      : decideStrictest(compiled, scenario);
  const { duties, undeterminedDuties } = evaluateDuties(compiled, scenario);
  const decision: Decision = { policyId: compiled.policy.id, ...base, duties, undeterminedDuties };
  return options.trace ? { ...decision, trace: traceRules(compiled, scenario) } : decision;
}

type OutcomePart = Pick<
  Decision,
  'outcome' | 'possibleOutcomes' | 'neededFacts' | 'decidedBy' | 'conditions' | 'reviewers'
>;

const SINGLE_OUTCOME = new Map<Outcome, readonly Outcome[]>(OUTCOMES.map((o) => [o, Object.freeze([o])]));

function byRule(rule: CompiledRule): OutcomePart {
  return {
    outcome: rule.rule.outcome,
    possibleOutcomes: SINGLE_OUTCOME.get(rule.rule.outcome)!,
    neededFacts: NONE,
    decidedBy: [rule.decidingRule],
    conditions: rule.conditions,
    reviewers: rule.reviewers,
  };
}

function byDefault(compiled: CompiledPolicy): OutcomePart {
  return {
    outcome: compiled.defaultRule.outcome,
    possibleOutcomes: SINGLE_OUTCOME.get(compiled.defaultRule.outcome)!,
    neededFacts: NONE,
    decidedBy: [compiled.defaultRule],
    conditions: compiled.defaultConditions,
    reviewers: compiled.defaultReviewers,
  };
}

function decideFirstMatch(compiled: CompiledPolicy, scenario: Scenario): OutcomePart {
  for (const rule of compiled.rules) {
    const t = rule.test(scenario);
    if (t === TRUE) return byRule(rule);
    if (t === UNKNOWN) return exactFirstMatch(compiled, scenario);
  }
  return byDefault(compiled);
}

function decideStrictest(compiled: CompiledPolicy, scenario: Scenario): OutcomePart {
  let top = -1;
  let unknownTop = -1;
  for (const rule of compiled.rules) {
    const t = rule.test(scenario);
    if (t === TRUE && rule.strictness > top) top = rule.strictness;
    else if (t === UNKNOWN && rule.strictness > unknownTop) unknownTop = rule.strictness;
  }
  // Settled when something is known to match and no unknown rule could reach its level: an unknown rule at the
  // same level cannot change the outcome, but it may be one of the deciders (with its conditions and reviewers).
  if (unknownTop !== -1 && unknownTop >= top) return exactStrictest(compiled, scenario);
  if (top === -1) return byDefault(compiled);
  const winners = compiled.rules.filter((r) => r.strictness === top && r.test(scenario) === TRUE);
  return merge(
    winners[0]!.rule.outcome,
    winners.map((r) => r.decidingRule),
    winners,
    [],
    compiled,
    false,
  );
}

/** Builds the outcome part from the deciding rules, merging their conditions and reviewers without repeats. */
function merge(
  outcome: Outcome | 'undetermined',
  decidedBy: readonly DecidingRule[],
  rules: readonly CompiledRule[],
  neededFacts: readonly string[],
  compiled: CompiledPolicy,
  includeDefault: boolean,
  possibleOutcomes: readonly Outcome[] = outcome === 'undetermined' ? NONE : SINGLE_OUTCOME.get(outcome)!,
): OutcomePart {
  if (rules.length === 1 && !includeDefault && outcome !== 'undetermined') return byRule(rules[0]!);
  const conditions = unique([
    ...rules.flatMap((r) => r.conditions),
    ...(includeDefault ? compiled.defaultConditions : []),
  ]);
  const reviewers = unique([
    ...rules.flatMap((r) => r.reviewers),
    ...(includeDefault ? compiled.defaultReviewers : []),
  ]);
  return { outcome, possibleOutcomes, neededFacts, decidedBy, conditions, reviewers };
}

function unique(entries: readonly CatalogueEntry[]): CatalogueEntry[] {
  const seen = new Map<string, CatalogueEntry>();
  for (const e of entries) if (!seen.has(e.id)) seen.set(e.id, e);
  return [...seen.values()];
}

const knownIn =
  (scenario: Scenario) =>
  (fact: string): FactValue | undefined =>
    (scenario as Record<string, FactValue | undefined>)[fact];

/**
 * First-match when a rule's test is unknown: walk the rules over the space of the missing facts, keeping what
 * earlier rules already take, and collect every outcome some completion reaches.
 */
function exactFirstMatch(compiled: CompiledPolicy, scenario: Scenario): OutcomePart {
  const known = knownIn(scenario);
  const domains = compiled.domains;
  let taken: Region = [];
  const deciders: CompiledRule[] = [];
  const dependsOn: Region[] = [];
  for (const rule of compiled.rules) {
    const here = restrictRegion(rule.region, known);
    if (isEmptyRegion(here)) continue;
    const fresh = subtract(here, taken, domains);
    if (isEmptyRegion(fresh)) continue;
    deciders.push(rule);
    dependsOn.push(here);
    taken = [...taken, ...fresh];
  }
  const rest = subtract(UNIVERSE, taken, domains);
  const includeDefault = !isEmptyRegion(rest);
  if (includeDefault) dependsOn.push(taken);
  return settle(compiled, deciders, includeDefault, dependsOn);
}

/** Strictest when some rules' tests are unknown: find every level some completion reaches. */
function exactStrictest(compiled: CompiledPolicy, scenario: Scenario): OutcomePart {
  const known = knownIn(scenario);
  const domains = compiled.domains;
  const restricted = compiled.rules.map((rule) => ({ rule, here: restrictRegion(rule.region, known) }));
  let higher: Region = [];
  const deciders: CompiledRule[] = [];
  const dependsOn: Region[] = [];
  for (let level = 4; level >= 0; level--) {
    const atLevel = restricted.filter((r) => r.rule.strictness === level && !isEmptyRegion(r.here));
    if (atLevel.length === 0) continue;
    const region = atLevel.flatMap((r) => r.here);
    const fresh = subtract(region, higher, domains);
    if (!isEmptyRegion(fresh)) {
      // The rules of this level that match somewhere the level wins.
      for (const r of atLevel) if (!isEmptyRegion(subtract(r.here, higher, domains))) deciders.push(r.rule);
      dependsOn.push(region);
    }
    higher = [...higher, ...region];
  }
  const includeDefault = !isEmptyRegion(subtract(UNIVERSE, higher, domains));
  if (includeDefault) dependsOn.push(higher);
  return settle(compiled, deciders, includeDefault, dependsOn);
}

function settle(
  compiled: CompiledPolicy,
  deciders: readonly CompiledRule[],
  includeDefault: boolean,
  dependsOn: readonly Region[],
): OutcomePart {
  const reached = new Set<Outcome>(deciders.map((r) => r.rule.outcome));
  if (includeDefault) reached.add(compiled.defaultRule.outcome);
  const possible = OUTCOMES.filter((o) => reached.has(o));
  const decidedBy = [
    ...deciders.map((r) => r.decidingRule),
    ...(includeDefault ? [compiled.defaultRule] : []),
  ];
  if (possible.length === 1) {
    if (deciders.length === 0) return byDefault(compiled);
    return merge(possible[0]!, decidedBy, deciders, NONE, compiled, includeDefault);
  }
  const needed = orderedFacts(compiled, dependsOn.flat());
  return merge('undetermined', decidedBy, deciders, needed, compiled, includeDefault, possible);
}

function evaluateDuties(
  compiled: CompiledPolicy,
  scenario: Scenario,
): { duties: readonly TriggeredDuty[]; undeterminedDuties: readonly UndeterminedDuty[] } {
  if (compiled.duties.length === 0) return { duties: NONE, undeterminedDuties: NONE };
  const duties: TriggeredDuty[] = [];
  const undetermined: UndeterminedDuty[] = [];
  for (const duty of compiled.duties) {
    const t = duty.test(scenario);
    if (t === TRUE) duties.push(duty.triggered);
    else if (t === UNKNOWN) {
      const here = restrictRegion(duty.region, knownIn(scenario));
      // Kleene logic can be unsure of a condition that every completion settles (x is a, or x is not a).
      if (isEmptyRegion(here)) continue;
      if (isEmptyRegion(subtract(UNIVERSE, here, compiled.domains))) duties.push(duty.triggered);
      else undetermined.push({ dutyId: duty.duty.id, neededFacts: orderedFacts(compiled, here) });
    }
  }
  return { duties, undeterminedDuties: undetermined };
}

function traceRules(compiled: CompiledPolicy, scenario: Scenario): RuleTrace[] {
  return compiled.rules.map((rule) => {
    const t = rule.test(scenario);
    return {
      ruleId: rule.rule.id,
      result: t === TRUE ? 'true' : t === FALSE ? 'false' : 'unknown',
      tests: rule.factTests.map((test) => traceFactTest(test, scenario)),
    };
  });
}
