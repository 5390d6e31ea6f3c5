import {
  type CompiledPolicy,
  type CompiledRule,
  FALSE,
  orderedFacts,
  type SettledOutcome,
  TRUE,
  traceFactTest,
  UNKNOWN,
} from './compile-policy.js';
import type {
  Decision,
  DecidingRule,
  RuleTrace,
  TriggeredDuty,
  UndeterminedDuty,
} from '../model/decision.js';
import { deepFreeze } from '../model/deep-freeze.js';
import type { Issue } from '../parse/issue.js';
import { OUTCOMES, type Outcome } from '../model/outcome.js';
import { isEmptyRegion, type Region, restrictRegion, subtract, UNIVERSE } from '../region/region.js';
import { parseScenario, type Scenario } from '../parse/scenario.js';
import type { FactValue } from '../vocabulary/fact-types.js';
import type { CatalogueEntry } from '../vocabulary/vocabulary-schema.js';

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
const DEFAULT_OPTIONS: EvaluateOptions = Object.freeze({});

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
  options: EvaluateOptions = DEFAULT_OPTIONS,
): Decision {
  if (options.trusted !== true && !compiled.acceptsScenario(scenario)) {
    const checked = parseScenario(scenario, compiled.vocabulary);
    if (!checked.ok) throw new InvalidScenarioError(checked.issues);
  }
  const scan = compiled.firstMatchScan;
  // The hot path, kept small enough to inline: a first-match policy without duties, decided by one rule or the
  // default, returns the decision built and frozen at compile time. Everything else takes the general path.
  if (scan !== undefined && compiled.duties.length === 0 && options.trace !== true) {
    const index = scan(scenario);
    if (index >= 0) return compiled.rules[index]!.settled;
    if (index === -1) return compiled.defaultSettled;
    return evaluateFully(compiled, scenario, options, exactFirstMatch(compiled, scenario, compiled.rules));
  }
  const part =
    compiled.policy.resolution === 'first-match'
      ? decideFirstMatch(compiled, scenario)
      : decideStrictest(compiled, scenario);
  return evaluateFully(compiled, scenario, options, part);
}

/** The decision from the outcome part: duties, and the trace when asked for. */
function evaluateFully(
  compiled: CompiledPolicy,
  scenario: Scenario,
  options: EvaluateOptions,
  part: OutcomePart,
): Decision {
  // The fast path allocates nothing: when one rule (or the default) decides and the policy has no duties, the
  // decision is the one built and frozen at compile time.
  const decision: Decision =
    compiled.duties.length === 0
      ? isWholeDecision(part)
        ? part
        : decisionOf(compiled, part, NONE, NONE)
      : evaluateDuties(compiled, scenario, part);
  // Frozen all the way down (the shared parts already are), so an app cannot change the next decision.
  return deepFreeze(
    options.trace === true ? { ...decision, trace: traceRules(compiled, scenario) } : decision,
  );
}

type OutcomePart = SettledOutcome;

/** Whether an outcome part is one of the compiled, frozen decisions (they alone carry the policy id). */
const isWholeDecision = (part: OutcomePart): part is Decision => (part as Decision).policyId !== undefined;

const SINGLE_OUTCOME = new Map<Outcome, readonly Outcome[]>(OUTCOMES.map((o) => [o, Object.freeze([o])]));

function decisionOf(
  compiled: CompiledPolicy,
  part: OutcomePart,
  duties: readonly TriggeredDuty[],
  undeterminedDuties: readonly UndeterminedDuty[],
): Decision {
  return {
    policyId: compiled.policy.id,
    outcome: part.outcome,
    possibleOutcomes: part.possibleOutcomes,
    neededFacts: part.neededFacts,
    decidedBy: part.decidedBy,
    conditions: part.conditions,
    reviewers: part.reviewers,
    duties,
    undeterminedDuties,
  };
}

const byRule = (rule: CompiledRule): OutcomePart => rule.settled;
const byDefault = (compiled: CompiledPolicy): OutcomePart => compiled.defaultSettled;

function decideFirstMatch(compiled: CompiledPolicy, scenario: Scenario): OutcomePart {
  const scan = compiled.firstMatchScan;
  if (scan !== undefined) {
    const index = scan(scenario);
    if (index >= 0) return byRule(compiled.rules[index]!);
    if (index === -1) return byDefault(compiled);
    return exactFirstMatch(compiled, scenario, compiled.rules);
  }
  const decider = compiled.ruleIndex.decider(scenario);
  if (decider !== undefined) return byRule(decider);
  // Only the index's candidates can match: every other rule is false for this scenario and all its completions.
  const candidates = compiled.ruleIndex.candidates(scenario);
  for (let i = 0; i < candidates.length; i++) {
    const rule = candidates[i]!;
    const t = rule.test(scenario);
    if (t === TRUE) return byRule(rule);
    if (t === UNKNOWN) return exactFirstMatch(compiled, scenario, candidates);
  }
  return byDefault(compiled);
}

function decideStrictest(compiled: CompiledPolicy, scenario: Scenario): OutcomePart {
  const candidates = compiled.ruleIndex.candidates(scenario);
  let top = -1;
  let unknownTop = -1;
  for (let i = 0; i < candidates.length; i++) {
    const rule = candidates[i]!;
    const t = rule.test(scenario);
    if (t === TRUE && rule.strictness > top) top = rule.strictness;
    else if (t === UNKNOWN && rule.strictness > unknownTop) unknownTop = rule.strictness;
  }
  // Settled when something is known to match and no unknown rule could reach its level: an unknown rule at the
  // same level cannot change the outcome, but it may be one of the deciders (with its conditions and reviewers).
  if (unknownTop !== -1 && unknownTop >= top) return exactStrictest(compiled, scenario, candidates);
  if (top === -1) return byDefault(compiled);
  const winners = candidates.filter((r) => r.strictness === top && r.test(scenario) === TRUE);
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
function exactFirstMatch(
  compiled: CompiledPolicy,
  scenario: Scenario,
  candidates: readonly CompiledRule[],
): OutcomePart {
  const known = knownIn(scenario);
  const domains = compiled.domains;
  let taken: Region = [];
  const deciders: CompiledRule[] = [];
  const dependsOn: Region[] = [];
  // The index's other rules are false on every completion: their restricted regions are empty, so skipping them
  // changes nothing.
  for (const rule of candidates) {
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
function exactStrictest(
  compiled: CompiledPolicy,
  scenario: Scenario,
  candidates: readonly CompiledRule[],
): OutcomePart {
  const known = knownIn(scenario);
  const domains = compiled.domains;
  const restricted = candidates.map((rule) => ({ rule, here: restrictRegion(rule.region, known) }));
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

function evaluateDuties(compiled: CompiledPolicy, scenario: Scenario, part: OutcomePart): Decision {
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
  return decisionOf(compiled, part, duties, undetermined);
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
