import type {
  Decision,
  DecidingRule,
  RuleTrace,
  TriggeredDuty,
  UndeterminedDuty,
} from '../model/decision.js';
import { deepFreeze } from '../model/deep-freeze.js';
import { OUTCOMES, type Outcome } from '../model/outcome.js';
import type { Issue } from '../parse/issue.js';
import { parseScenario, type Scenario, type ScenarioWithDoubt } from '../parse/scenario.js';
import type { CatalogueEntry } from '../vocabulary/vocabulary-schema.js';
import {
  type CompiledPolicy,
  type CompiledRule,
  engineOf,
  FALSE,
  type PolicyEngine,
  type SettledOutcome,
  TRUE,
  traceFactTest,
  UNKNOWN,
} from './compile-policy.js';
import { decideInDoubt } from './decide-in-doubt.js';
import { partialDuty, partialOutcome } from './partial-evaluate.js';

/** Options for `evaluate`. */
export interface EvaluateOptions {
  /** Include a trace of every rule's fact tests (costs an allocation per rule). Default false. */
  readonly trace?: boolean;
  /**
   * Skip checking the scenario, for callers that already checked it: a plain object whose own enumerable keys are
   * facts with values they take. Default false. A `parseScenario` result needs no flag: `evaluate` recognises it.
   */
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
 * `undetermined`, and `neededFacts` lists exactly the missing facts whose value changes the outcome, the conditions
 * or the reviewers for some way of filling in the others (a fact is never listed when no answer to it can change
 * them). Each undetermined duty lists the same way the facts that decide whether it is triggered. Only the scenario's own enumerable properties are read, as
 * `parseScenario` reads them. Pure and deterministic.
 *
 * Facts listed in the scenario's `unsure` were answered "not sure": they are unknown like the rest, unless the
 * policy has `doubt` rules. Then, when the outcome is undetermined, facts with an `assume` rule take the assumed
 * value; and when what still decides the outcome is only facts answered "not sure" (no fact simply left out), their
 * rules decide: the strictest outcome still possible, or a named outcome, whichever is stricter. Such a decision
 * carries `doubt` (which facts, which rules) and still lists in `neededFacts` what would settle it.
 * Throws `InvalidScenarioError` for an unknown fact or value; use `parseScenario` first on untrusted input.
 * @example
 * const decision = evaluate(compiled, { 'account.kind': 'personal', 'context.time': 'own-time' });
 * decision.outcome; // 'out-of-scope'
 */
export function evaluate(
  compiled: CompiledPolicy,
  scenario: Scenario | ScenarioWithDoubt,
  options: EvaluateOptions = DEFAULT_OPTIONS,
): Decision {
  const engine = engineOf(compiled);
  // Kept small, so that it is inlined where it is called: generated code returns the prebuilt decision of a complete
  // scenario that one rule or the default settles, the common case.
  const settled = engine.settle?.(scenario, options);
  return settled !== undefined ? settled : evaluateInFull(engine, scenario, options);
}

/** `evaluate` beyond the common case: an unchecked or partial scenario, duties, strictest ties or a trace. */
function evaluateInFull(
  engine: PolicyEngine,
  scenario: ScenarioWithDoubt,
  options: EvaluateOptions,
): Decision {
  let s: ScenarioWithDoubt = scenario;
  if (options.trusted !== true && !engine.acceptsScenario(s)) {
    // The slow path: parseScenario builds the issues, or a clean copy (own enumerable facts only) to decide, here
    // without a prototype, so that not even a fact defined on Object.prototype is read through it.
    const checked = parseScenario(s, engine.compiled.vocabulary);
    if (!checked.ok) throw new InvalidScenarioError(checked.issues);
    s = Object.assign(Object.create(null), checked.scenario) as ScenarioWithDoubt;
  }
  const base = decide(engine, s, options);
  const unsure = s.unsure;
  if (unsure === undefined || unsure.length === 0 || engine.compiled.policy.doubt === undefined) return base;
  return decideInDoubt(engine, s, base, (assumed) => decide(engine, assumed, options));
}

/** The decision for the facts the scenario gives, every other fact unknown (unsure or not). */
function decide(engine: PolicyEngine, given: Scenario, options: EvaluateOptions): Decision {
  const s = engine.toEngineScenario(given);
  const first = engine.scan(s, 0);
  const part: OutcomePart =
    first === -1
      ? engine.defaultSettled
      : first >= 0 && engine.rankEnd[first] === first + 1
        ? engine.ordered[first]!.settled
        : decideRest(engine, s, first);
  // The common case allocates nothing: one rule (or the default) decides, no duty, no trace.
  if (options.trace !== true && isWholeDecision(part)) {
    if (engine.duties.length === 0) return part;
    // A complete scenario: the decision follows from the settled part and the duties owed, so it is built once.
    const mask = engine.dutyMask?.(s) ?? -1;
    if (mask >= 0) return settledWithDuties(engine, part, mask);
  }
  const decision =
    engine.duties.length === 0 ? decisionOf(engine, part, NONE, NONE) : withDuties(engine, s, part);
  // Frozen all the way down (the shared parts already are), so an app cannot change the next decision.
  return freezeDecision(options.trace === true ? { ...decision, trace: traceRules(engine, s) } : decision);
}

/**
 * Freezes a decision all the way down, as `deepFreeze` does, reading its own fields directly: most of them are the
 * compiled policy's frozen parts, and `deepFreeze`'s property descriptors cost more than the rest of a decision.
 */
function freezeDecision(decision: Decision): Decision {
  for (const key of Object.keys(decision)) {
    const value = (decision as unknown as Record<string, unknown>)[key];
    if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) deepFreeze(value);
  }
  return Object.freeze(decision);
}

type OutcomePart = SettledOutcome;

/** Whether an outcome part is one of the compiled, frozen decisions (they alone carry the policy id). */
const isWholeDecision = (part: OutcomePart): part is Decision => (part as Decision).policyId !== undefined;

/**
 * The outcome when the scan alone does not settle it: other rules of the winning rank may hold too (strictest), or
 * a rule is unknown before any holds (a partial scenario).
 */
function decideRest(engine: PolicyEngine, scenario: Scenario, first: number): OutcomePart {
  if (first >= 0) {
    const winners: CompiledRule[] = [engine.ordered[first]!];
    const end = engine.rankEnd[first]!;
    for (let p = first + 1; p < end; p++) {
      const t = engine.ordered[p]!.test(scenario);
      if (t === TRUE) winners.push(engine.ordered[p]!);
      // An unknown rule of the winning rank cannot change the outcome, but it may be one of the deciders.
      else if (t === UNKNOWN) return exactly(engine, scenario);
    }
    return merge(engine, winners[0]!.rule.outcome, winners, false, NONE);
  }
  return exactly(engine, scenario);
}

function exactly(engine: PolicyEngine, scenario: Scenario): OutcomePart {
  const { deciders, includeDefault, possible, neededFacts } = partialOutcome(engine, scenario);
  if (possible.length === 1) {
    if (deciders.length === 0) return engine.defaultSettled;
    // The outcome is settled, but the deciders may still differ in conditions or reviewers.
    return merge(engine, possible[0]!, deciders, includeDefault, neededFacts);
  }
  return merge(engine, 'undetermined', deciders, includeDefault, neededFacts, possible);
}

const SINGLE_OUTCOME = new Map<Outcome, readonly Outcome[]>(OUTCOMES.map((o) => [o, Object.freeze([o])]));

/** The outcome part from the deciding rules, merging their conditions and reviewers without repeats. */
function merge(
  engine: PolicyEngine,
  outcome: Outcome | 'undetermined',
  rules: readonly CompiledRule[],
  includeDefault: boolean,
  neededFacts: readonly string[],
  possible?: readonly Outcome[],
): OutcomePart {
  if (rules.length === 1 && !includeDefault && outcome !== 'undetermined' && neededFacts.length === 0)
    return rules[0]!.settled;
  const possibleOutcomes = possible ?? (outcome === 'undetermined' ? NONE : SINGLE_OUTCOME.get(outcome)!);
  const decidedBy: DecidingRule[] = [
    ...rules.map((r) => r.decidingRule),
    ...(includeDefault ? [engine.defaultRule] : []),
  ];
  const conditions = unique([
    ...rules.flatMap((r) => r.conditions),
    ...(includeDefault ? engine.defaultConditions : []),
  ]);
  const reviewers = unique([
    ...rules.flatMap((r) => r.reviewers),
    ...(includeDefault ? engine.defaultReviewers : []),
  ]);
  return {
    outcome,
    possibleOutcomes,
    neededFacts,
    decidedBy,
    conditions,
    reviewers,
  };
}

function unique(entries: readonly CatalogueEntry[]): CatalogueEntry[] {
  const seen = new Map<string, CatalogueEntry>();
  for (const e of entries) if (!seen.has(e.id)) seen.set(e.id, e);
  return [...seen.values()];
}

function decisionOf(
  engine: PolicyEngine,
  part: OutcomePart,
  duties: readonly TriggeredDuty[],
  undeterminedDuties: readonly UndeterminedDuty[],
): Decision {
  return {
    policyId: engine.compiled.policy.id,
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

/** Lists of duties owed, by mask, built once each (a bounded cache: a policy has few distinct lists in use). */
const dutyLists = new WeakMap<PolicyEngine, Map<number, readonly TriggeredDuty[]>>();
const DUTY_LISTS_KEPT = 1024;

function dutiesOwed(engine: PolicyEngine, mask: number): readonly TriggeredDuty[] {
  if (mask === 0) return NONE;
  let lists = dutyLists.get(engine);
  if (lists === undefined) {
    lists = new Map();
    dutyLists.set(engine, lists);
  }
  let list = lists.get(mask);
  if (list === undefined) {
    list = Object.freeze(engine.duties.filter((_, i) => (mask & (1 << i)) !== 0).map((d) => d.triggered));
    if (lists.size < DUTY_LISTS_KEPT) lists.set(mask, list);
  }
  return list;
}

/** Decisions with duties, by settled part and duty mask, built once each (bounded, as the lists of duties are). */
const withDutiesKept = new WeakMap<PolicyEngine, Map<Decision, Map<number, Decision>>>();
const DECISIONS_KEPT = 4096;
const decisionsKept = new WeakMap<PolicyEngine, number>();

function settledWithDuties(engine: PolicyEngine, part: Decision, mask: number): Decision {
  let byPart = withDutiesKept.get(engine);
  if (byPart === undefined) {
    byPart = new Map();
    withDutiesKept.set(engine, byPart);
  }
  let byMask = byPart.get(part);
  const found = byMask?.get(mask);
  if (found !== undefined) return found;
  const decision = freezeDecision(decisionOf(engine, part, dutiesOwed(engine, mask), NONE));
  const kept = decisionsKept.get(engine) ?? 0;
  if (kept < DECISIONS_KEPT) {
    if (byMask === undefined) {
      byMask = new Map();
      byPart.set(part, byMask);
    }
    byMask.set(mask, decision);
    decisionsKept.set(engine, kept + 1);
  }
  return decision;
}

function withDuties(engine: PolicyEngine, scenario: Scenario, part: OutcomePart): Decision {
  const mask = engine.dutyMask?.(scenario) ?? -1;
  if (mask >= 0) return decisionOf(engine, part, dutiesOwed(engine, mask), NONE);
  const duties: TriggeredDuty[] = [];
  const undetermined: UndeterminedDuty[] = [];
  for (const duty of engine.duties) {
    const t = duty.test(scenario);
    if (t === TRUE) duties.push(duty.triggered);
    else if (t === UNKNOWN) {
      const settled = partialDuty(engine, duty, scenario);
      if (settled === 'owed') duties.push(duty.triggered);
      else if (settled !== 'not-owed')
        undetermined.push({ dutyId: duty.duty.id, neededFacts: settled.neededFacts });
    }
  }
  return decisionOf(engine, part, duties, undetermined);
}

function traceRules(engine: PolicyEngine, scenario: Scenario): RuleTrace[] {
  return engine.rules.map((rule) => {
    const t = rule.test(scenario);
    return {
      ruleId: rule.rule.id,
      result: t === TRUE ? 'true' : t === FALSE ? 'false' : 'unknown',
      tests: rule.factTests.map((test) => traceFactTest(test, scenario)),
    };
  });
}
