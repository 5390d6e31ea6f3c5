import { match } from 'ts-pattern';
import type { Condition, FactOperator } from '../model/condition.js';
import type { Decision, DecidingRule, FactTestTrace, TriggeredDuty } from '../model/decision.js';
import { frozenCopy } from '../model/deep-freeze.js';
import { type Outcome, outcomeStrictness } from '../model/outcome.js';
import type { Duty, Policy, Rule } from '../model/policy.js';
import { generateFirstMatch, generateScenarioCheck } from './generate-test.js';
import { conditionRegion, type Domains, type Region, regionFacts } from '../region/region.js';
import { buildRuleIndex, type RuleIndex } from './rule-index.js';
import type { Scenario } from '../parse/scenario.js';
import type { FactValue } from '../vocabulary/fact-types.js';
import { factDomain, type ResolvedVocabulary, resolveVocabulary } from '../vocabulary/resolve-vocabulary.js';
import type { CatalogueEntry, CatalogueName } from '../vocabulary/vocabulary-schema.js';

/** Three-valued truth, as numbers for the evaluator's hot loop. */
export const FALSE = 0;
export const TRUE = 1;
export const UNKNOWN = 2;
/** Whether a condition holds for a scenario: FALSE, TRUE or UNKNOWN. */
export type TruthValue = typeof FALSE | typeof TRUE | typeof UNKNOWN;

/** A compiled condition: Kleene three-valued logic over a (partial) scenario. */
export type ConditionTest = (scenario: Scenario) => TruthValue;

/** One fact test inside a compiled condition, kept for traces. */
export interface CompiledFactTest {
  readonly fact: string;
  readonly operator: FactOperator;
  readonly expected: FactValue | readonly FactValue[];
  readonly test: ConditionTest;
}

/** What rules and duties share once compiled: the test, its fact tests, and its exact region (computed on demand). */
export interface CompiledCondition {
  readonly test: ConditionTest;
  readonly factTests: readonly CompiledFactTest[];
  /** The facts the condition tests, in vocabulary order. */
  readonly facts: readonly string[];
  /** The exact set of scenarios where the condition holds. */
  readonly region: Region;
}

/** The part of a decision a rule (or the default) settles on its own, built once so evaluating reuses it. */
export type SettledOutcome = Pick<
  Decision,
  'outcome' | 'possibleOutcomes' | 'neededFacts' | 'decidedBy' | 'conditions' | 'reviewers'
>;

/** A rule ready to evaluate. */
export interface CompiledRule extends CompiledCondition {
  readonly rule: Rule;
  readonly index: number;
  readonly strictness: number;
  readonly decidingRule: DecidingRule;
  readonly conditions: readonly CatalogueEntry[];
  readonly reviewers: readonly CatalogueEntry[];
  /**
   * The decision when this rule alone decides and no duty applies: frozen and shared, so the common case
   * allocates nothing (`evaluate` copies its outcome part when duties apply).
   */
  readonly settled: Decision;
}

/** A duty ready to evaluate. */
export interface CompiledDuty extends CompiledCondition {
  readonly duty: Duty;
  readonly triggered: TriggeredDuty;
}

/** A policy compiled once for fast, repeated evaluation. */
export interface CompiledPolicy {
  readonly policy: Policy;
  readonly vocabulary: ResolvedVocabulary;
  readonly rules: readonly CompiledRule[];
  readonly duties: readonly CompiledDuty[];
  /** The default outcome as a deciding entry (ruleId null). */
  readonly defaultRule: DecidingRule;
  readonly defaultConditions: readonly CatalogueEntry[];
  readonly defaultReviewers: readonly CatalogueEntry[];
  /** The decision when the default decides and no duty applies (frozen, shared). */
  readonly defaultSettled: Decision;
  /** Every fact a rule or duty tests, in vocabulary order. */
  readonly factsInPlay: readonly string[];
  /** The values each fact can take. */
  readonly domains: Domains;
  /**
   * First-match policies of up to SCAN_LIMIT rules: every rule's test as one generated function, returning the
   * index of the rule that decides, -1 for the default, or -2 when a fact it needs is missing. Undefined for larger
   * or strictest policies, and where code generation is not allowed; `ruleIndex` serves then.
   */
  readonly firstMatchScan: ((scenario: Scenario) => number) | undefined;
  /** The rules a scenario may match, in order, found without testing the others (built lazily as it is used). */
  readonly ruleIndex: RuleIndex<CompiledRule>;
  /**
   * A fast check that a value is a scenario of this policy's vocabulary: every key a fact, every value one it
   * takes. True implies `parseScenario(...).ok`; on false, `evaluate` asks `parseScenario`, which builds the issues.
   */
  readonly acceptsScenario: (input: unknown) => boolean;
}

const factValueIn = (scenario: Scenario, fact: string): FactValue | undefined =>
  (scenario as Record<string, FactValue | undefined>)[fact];

function compileFactTest(
  fact: string,
  operator: FactOperator,
  expected: FactValue | readonly FactValue[],
): ConditionTest {
  return match(operator)
    .with('is', () => (s: Scenario): TruthValue => {
      const v = factValueIn(s, fact);
      return v === undefined ? UNKNOWN : v === expected ? TRUE : FALSE;
    })
    .with('isNot', () => (s: Scenario): TruthValue => {
      const v = factValueIn(s, fact);
      return v === undefined ? UNKNOWN : v === expected ? FALSE : TRUE;
    })
    .with('in', () => {
      const set = new Set(expected as readonly FactValue[]);
      return (s: Scenario): TruthValue => {
        const v = factValueIn(s, fact);
        return v === undefined ? UNKNOWN : set.has(v) ? TRUE : FALSE;
      };
    })
    .with('notIn', () => {
      const set = new Set(expected as readonly FactValue[]);
      return (s: Scenario): TruthValue => {
        const v = factValueIn(s, fact);
        return v === undefined ? UNKNOWN : set.has(v) ? FALSE : TRUE;
      };
    })
    .exhaustive();
}

function compileAll(tests: ConditionTest[]): ConditionTest {
  if (tests.length === 1) return tests[0]!;
  return (s) => {
    let result: TruthValue = TRUE;
    for (const test of tests) {
      const t = test(s);
      if (t === FALSE) return FALSE;
      if (t === UNKNOWN) result = UNKNOWN;
    }
    return result;
  };
}

function compileAny(tests: ConditionTest[]): ConditionTest {
  if (tests.length === 1) return tests[0]!;
  return (s) => {
    let result: TruthValue = FALSE;
    for (const test of tests) {
      const t = test(s);
      if (t === TRUE) return TRUE;
      if (t === UNKNOWN) result = UNKNOWN;
    }
    return result;
  };
}

// Plain property checks rather than ts-pattern here: compiling runs once per condition node, and structural
// patterns cost more than the rest of compiling together (200 rules: 8 ms with them).
function compileTest(condition: Condition, factTests: CompiledFactTest[]): ConditionTest {
  const c = condition as Record<string, unknown>;
  if (Array.isArray(c.all)) return compileAll((c.all as Condition[]).map((x) => compileTest(x, factTests)));
  if (Array.isArray(c.any)) return compileAny((c.any as Condition[]).map((x) => compileTest(x, factTests)));
  if (c.not !== undefined && c.not !== null) {
    const inner = compileTest(c.not as Condition, factTests);
    return (s: Scenario): TruthValue => {
      const t = inner(s);
      return t === UNKNOWN ? UNKNOWN : t === TRUE ? FALSE : TRUE;
    };
  }
  const t = c as Record<string, FactValue | FactValue[]> & { fact: string };
  const operator = (['is', 'in', 'isNot', 'notIn'] as const).find((op) => t[op] !== undefined)!;
  const compiled = compileFactTest(t.fact, operator, t[operator]!);
  factTests.push({ fact: t.fact, operator, expected: t[operator]!, test: compiled });
  return compiled;
}

/** Compiles one condition: its three-valued test, its fact tests and its exact region. */
export function compileCondition(condition: Condition, vocabulary: ResolvedVocabulary): CompiledCondition {
  const factTests: CompiledFactTest[] = [];
  const test = compileTest(condition, factTests);
  const domains = domainsOf(vocabulary);
  let region: Region | undefined;
  const tested = new Set(factTests.map((t) => t.fact));
  return {
    test,
    factTests,
    facts: [...vocabulary.facts.keys()].filter((f) => tested.has(f)),
    get region() {
      region ??= conditionRegion(condition, domains);
      return region;
    },
  };
}

const domainCache = new WeakMap<ResolvedVocabulary, Domains>();
/** The domain function of a vocabulary: every value each fact can take. */
export function domainsOf(vocabulary: ResolvedVocabulary): Domains {
  let domains = domainCache.get(vocabulary);
  if (!domains) {
    const table = new Map([...vocabulary.facts].map(([name, fact]) => [name, factDomain(fact)]));
    domains = (fact) => table.get(fact) ?? [];
    domainCache.set(vocabulary, domains);
  }
  return domains;
}

function entries(
  vocabulary: ResolvedVocabulary,
  catalogue: CatalogueName,
  ids: readonly string[] = [],
): CatalogueEntry[] {
  return ids.map(
    (id) => vocabulary.catalogues[catalogue].get(id) ?? Object.freeze({ id, label: id, phrase: id }),
  );
}

/** Copies the optional provenance fields that are present, so no key is ever set to undefined. */
function provenance(from: { source?: DecidingRule['source'] | undefined; assumption?: string | undefined }) {
  return {
    ...(from.source ? { source: from.source } : {}),
    ...(from.assumption ? { assumption: from.assumption } : {}),
  };
}

const NONE: readonly never[] = Object.freeze([]);

/**
 * Up to this many rules a straight scan of generated code beats the index's lookups; above it, the index visits
 * far fewer rules than a scan.
 */
const SCAN_LIMIT = 64;

function settledBy(
  policyId: string,
  deciding: DecidingRule,
  conditions: readonly CatalogueEntry[],
  reviewers: readonly CatalogueEntry[],
): Decision {
  return Object.freeze({
    policyId,
    outcome: deciding.outcome,
    possibleOutcomes: Object.freeze([deciding.outcome]) as readonly Outcome[],
    neededFacts: NONE,
    decidedBy: Object.freeze([deciding]),
    conditions,
    reviewers,
    duties: NONE,
    undeterminedDuties: NONE,
  });
}

/**
 * The check behind `acceptsScenario`: unknown fact names and out-of-domain values rejected. Generated code where
 * allowed (conservative: an inherited key fails it, and `evaluate` then asks `parseScenario`; shaped for scenarios
 * that give the facts in play), else own keys only.
 */
function scenarioCheck(
  vocabulary: ResolvedVocabulary,
  factsInPlay: readonly string[],
): (input: unknown) => boolean {
  const generated = generateScenarioCheck(
    new Map([...vocabulary.facts].map(([name, fact]) => [name, factDomain(fact)])),
    factsInPlay,
  );
  // parseScenario reads plain objects only (a Map or a class instance is an issue), so the fast check does too.
  if (generated) return (input) => generated(input) && hasPlainPrototype(input);
  const allowed = new Map([...vocabulary.facts].map(([name, fact]) => [name, new Set(factDomain(fact))]));
  return (input) => {
    if (typeof input !== 'object' || input === null || !hasPlainPrototype(input)) return false;
    const record = input as Record<string, unknown>;
    for (const name in record) {
      if (!Object.hasOwn(record, name)) continue;
      const values = allowed.get(name);
      if (values === undefined) return false;
      const value = record[name];
      if (value !== undefined && !values.has(value as FactValue)) return false;
    }
    return true;
  };
}

function hasPlainPrototype(input: unknown): boolean {
  const prototype = Object.getPrototypeOf(input);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Compiles a valid policy once, for fast and repeated evaluation: conditions become closures, catalogue references
 * are resolved, and the objects a decision shares are built ahead of time.
 * @example
 * const compiled = compilePolicy(policy);
 * evaluate(compiled, { 'account.kind': 'organisational', 'content.kind': 'public-information' });
 */
export function compilePolicy(input: Policy): CompiledPolicy {
  // A frozen copy: the decisions share its reasons and sources, so neither the caller's later edits nor a change
  // to one decision may reach another.
  const policy = frozenCopy(input);
  const vocabulary = resolveVocabulary(policy.custom);
  const rules = policy.rules.map((rule, index): CompiledRule => {
    const compiled = compileCondition(rule.when, vocabulary);
    const decidingRule: DecidingRule = Object.freeze({
      ruleId: rule.id,
      ...(rule.title ? { title: rule.title } : {}),
      outcome: rule.outcome,
      reason: rule.reason,
      ...provenance(rule),
    });
    const conditions = Object.freeze(entries(vocabulary, 'conditions', rule.conditions));
    const reviewers = Object.freeze(entries(vocabulary, 'roles', rule.reviewers));
    return Object.freeze(
      Object.defineProperties(
        {
          rule,
          index,
          strictness: outcomeStrictness(rule.outcome),
          decidingRule,
          conditions,
          reviewers,
          settled: settledBy(policy.id, decidingRule, conditions, reviewers),
          test: compiled.test,
          factTests: compiled.factTests,
          facts: compiled.facts,
        },
        { region: { get: () => compiled.region, enumerable: true } },
      ) as CompiledRule,
    );
  });
  const duties = (policy.duties ?? []).map((duty): CompiledDuty => {
    const compiled = compileCondition(duty.when, vocabulary);
    const triggered: TriggeredDuty = Object.freeze({
      dutyId: duty.id,
      action: entries(vocabulary, 'dutyActions', [duty.action])[0]!,
      holder: entries(vocabulary, 'roles', [duty.holder])[0]!,
      modality: duty.modality,
      ...(duty.deadline ? { deadline: duty.deadline } : {}),
      consentRequired: duty.consentRequired ?? false,
      ...(duty.text ? { text: duty.text } : {}),
      reason: duty.reason,
      ...provenance(duty),
    });
    return Object.defineProperties(
      { duty, triggered, test: compiled.test, factTests: compiled.factTests, facts: compiled.facts },
      { region: { get: () => compiled.region, enumerable: true } },
    ) as CompiledDuty;
  });
  const inPlay = new Set([...rules, ...duties].flatMap((c) => c.facts));
  const factsInPlay = [...vocabulary.facts.keys()].filter((f) => inPlay.has(f));
  const domains = domainsOf(vocabulary);
  const defaultRule: DecidingRule = Object.freeze({
    ruleId: null,
    outcome: policy.default.outcome,
    reason: policy.default.reason,
    ...provenance(policy.default),
  });
  const defaultConditions = Object.freeze(entries(vocabulary, 'conditions', policy.default.conditions));
  const defaultReviewers = Object.freeze(entries(vocabulary, 'roles', policy.default.reviewers));
  return Object.freeze({
    policy,
    vocabulary,
    rules,
    duties,
    defaultRule,
    defaultConditions,
    defaultReviewers,
    defaultSettled: settledBy(policy.id, defaultRule, defaultConditions, defaultReviewers),
    firstMatchScan:
      policy.resolution === 'first-match' && rules.length <= SCAN_LIMIT
        ? generateFirstMatch(policy.rules.map((r) => r.when))
        : undefined,
    factsInPlay,
    domains,
    ruleIndex: buildRuleIndex(rules, {
      facts: factsInPlay,
      domains,
      stopAtCertain: policy.resolution === 'first-match',
    }),
    acceptsScenario: scenarioCheck(vocabulary, factsInPlay),
  });
}

/** The facts a region still depends on, in vocabulary order. */
export function orderedFacts(compiled: CompiledPolicy, region: Region): string[] {
  const facts = new Set(regionFacts(region));
  return compiled.factsInPlay.filter((f) => facts.has(f));
}

/** A compiled fact test as a trace entry for a scenario. */
export function traceFactTest(test: CompiledFactTest, scenario: Scenario): FactTestTrace {
  const actual = factValueIn(scenario, test.fact);
  const t = test.test(scenario);
  return {
    fact: test.fact,
    operator: test.operator,
    expected: test.expected,
    ...(actual === undefined ? {} : { actual }),
    result: t === TRUE ? 'true' : t === FALSE ? 'false' : 'unknown',
  };
}
