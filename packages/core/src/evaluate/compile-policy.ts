import type { Condition, FactOperator, SetOperator } from '../model/condition.js';
import {
  type ConditionNode,
  checkDepth,
  lowerSetTest,
  memberDimension,
  nodeDimensions,
  splitMemberDimension,
  toConditionNode,
} from '../model/condition-node.js';
import type { Decision, DecidingRule, FactTestTrace, TriggeredDuty } from '../model/decision.js';
import { frozenCopy } from '../model/deep-freeze.js';
import { type Outcome, outcomeStrictness } from '../model/outcome.js';
import type { Duty, Policy, Rule } from '../model/policy.js';
import { CHECKED_AGAINST, type Scenario } from '../parse/scenario.js';
import { type Domains, nodeRegion, type Region } from '../region/region.js';
import type { FactValue, ScenarioValue } from '../vocabulary/fact-types.js';
import {
  factDomain,
  type ResolvedVocabulary,
  resolveVocabulary,
  standardVocabulary,
} from '../vocabulary/resolve-vocabulary.js';
import type { CatalogueEntry, CatalogueName } from '../vocabulary/vocabulary-schema.js';
import {
  canGenerateCode,
  type GeneratedSourceListener,
  generateDutyMask,
  generateAcceptance,
  generateInheritanceGuard,
  generatePriorityScan,
  generateScenarioCheck,
  generateSettle,
  type PriorityScan,
  type SettleEntry,
} from './generate-code.js';
import { priorityOrder, RESOLUTIONS, type ResolutionStrategy } from './resolution.js';

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
  readonly operator: FactOperator | SetOperator;
  readonly expected: FactValue | readonly FactValue[];
  readonly test: ConditionTest;
}

/**
 * One condition compiled on its own: its three-valued test (0 false, 1 true, 2 unknown), its fact tests, the facts
 * it tests and its exact region. For tools that check a condition outside a policy (the renderers' tests do).
 */
export interface CompiledCondition {
  readonly test: ConditionTest;
  readonly factTests: readonly CompiledFactTest[];
  /**
   * The facts the condition tests, in vocabulary order; a set fact appears as the membership dimension
   * (`content.topics[employer]`) of each member it tests.
   */
  readonly facts: readonly string[];
  /** The exact set of scenarios where the condition holds (computed on first use). */
  readonly region: Region;
}

/** The part of a decision a rule (or the default) settles on its own, built once so evaluating reuses it. */
export type SettledOutcome = Pick<
  Decision,
  'outcome' | 'possibleOutcomes' | 'neededFacts' | 'decidedBy' | 'conditions' | 'reviewers'
>;

/** A condition inside the engine: the internal tree and everything built from it. Internal. */
export interface EngineCondition extends CompiledCondition {
  readonly node: ConditionNode;
}

/** A rule ready to evaluate. Internal. */
export interface CompiledRule extends EngineCondition {
  readonly rule: Rule;
  /** Its place in the policy. */
  readonly index: number;
  /** Its place in priority order (`PolicyEngine.ordered`). */
  readonly position: number;
  /** Its rank under the policy's resolution: lower wins. */
  readonly rank: number;
  readonly strictness: number;
  readonly decidingRule: DecidingRule;
  readonly conditions: readonly CatalogueEntry[];
  readonly reviewers: readonly CatalogueEntry[];
  /** The decision when this rule alone decides and no duty applies: frozen and shared, so it allocates nothing. */
  readonly settled: Decision;
}

/** A duty ready to evaluate. Internal. */
export interface CompiledDuty extends EngineCondition {
  readonly duty: Duty;
  readonly triggered: TriggeredDuty;
}

/**
 * A policy compiled once for fast, repeated evaluation: what a user needs of it. The engine's internals (rules in
 * priority order, generated code, prebuilt decisions) are kept apart, so making the engine faster never changes
 * this type.
 */
export interface CompiledPolicy {
  readonly policy: Policy;
  readonly vocabulary: ResolvedVocabulary;
  /**
   * Every fact a rule or duty tests, in vocabulary order: the dimensions of the scenario space the policy reads. A
   * set fact appears as one true-or-false membership dimension per member some test names
   * (`content.topics[employer]`, see `memberDimension`); `factOfDimension` gives its fact.
   */
  readonly factsInPlay: readonly string[];
  /** The values each fact (and each membership dimension: true or false) can take. */
  readonly domains: Domains;
}

/** Options for `compilePolicy`. */
export interface CompileOptions {
  /**
   * Compile conditions to generated JavaScript (`new Function`) for speed. Default true where the environment
   * allows it; false for pages whose Content Security Policy forbids `unsafe-eval`. Both give the same decisions.
   */
  readonly generateCode?: boolean;
  /** Called with the name and source of each generated function, to read or test the generated code. */
  readonly onGeneratedSource?: GeneratedSourceListener;
}

/** Options the engine's own tests use beside the public ones. Internal. */
export interface EngineOptions extends CompileOptions {
  /** Partial scenarios with at most this many completions are decided by enumerating them; larger by regions. */
  readonly completionLimit?: number;
}

/** Everything evaluation needs beyond the public `CompiledPolicy`. Internal. */
export interface PolicyEngine {
  readonly compiled: CompiledPolicy;
  readonly strategy: ResolutionStrategy;
  /** Rules in policy order. */
  readonly rules: readonly CompiledRule[];
  /** Rules in priority order (by rank, then policy order): the order every scan tries them. */
  readonly ordered: readonly CompiledRule[];
  /** For each position in `ordered`, the position just after the last rule of the same rank. */
  readonly rankEnd: Int32Array;
  readonly duties: readonly CompiledDuty[];
  readonly defaultRule: DecidingRule;
  readonly defaultConditions: readonly CatalogueEntry[];
  readonly defaultReviewers: readonly CatalogueEntry[];
  /** The decision when the default decides and no duty applies (frozen, shared). */
  readonly defaultSettled: Decision;
  /** The facts some rule tests, in vocabulary order: the outcome depends on these alone. */
  readonly ruleFacts: readonly string[];
  /** The scan over `ordered` (see `PriorityScan`): generated code, or closures when generation is off. */
  readonly scan: PriorityScan;
  /** The duties a complete scenario triggers as a bit mask, or -1; undefined without generated code or > 30 duties. */
  readonly dutyMask: ((scenario: Scenario) => number) | undefined;
  /**
   * A fast check that a value is a plain scenario of this vocabulary, or a `parseScenario` result checked against it
   * (or the standard vocabulary); false sends `evaluate` to `parseScenario`.
   */
  readonly acceptsScenario: (input: unknown) => boolean;
  /**
   * The scenario as the engine reads it: with each set fact in play spelt out as its membership dimensions (true or
   * false when the set is given, unknown when it is not). The identity when no set fact is in play.
   */
  readonly toEngineScenario: (scenario: Scenario) => Scenario;
  /**
   * The whole decision of a scenario, prebuilt, when one rule (or the default) settles it on facts the scenario gives
   * (a complete scenario always does) and the policy has no duties; undefined (the function, or its result) where
   * `evaluate` must decide in full. Generated code only.
   */
  readonly settle: SettleEntry<Decision> | undefined;
  /** Whether the scan and checks are generated code. */
  readonly generated: boolean;
  readonly completionLimit: number;
}

/**
 * Where a compiled policy keeps its engine: a module-private symbol (a non-enumerable property), so the public type
 * does not show it and reading it costs one property load on every `evaluate`, where a WeakMap lookup cost more.
 */
const ENGINE: unique symbol = Symbol('fairpost.engine');

/** The engine behind a compiled policy. Internal: throws for an object `compilePolicy` did not make. */
export function engineOf(compiled: CompiledPolicy): PolicyEngine {
  const engine = (compiled as { [ENGINE]?: PolicyEngine })[ENGINE];
  if (engine === undefined) throw new TypeError('expected a policy compiled by compilePolicy');
  return engine;
}

const factValueIn = (scenario: Scenario, fact: string): FactValue | undefined =>
  (scenario as Record<string, FactValue | undefined>)[fact];

const scenarioValueIn = (scenario: Scenario, fact: string): ScenarioValue | undefined =>
  (scenario as Record<string, ScenarioValue | undefined>)[fact];

/**
 * Builds `toEngineScenario` for the membership dimensions in play. A set is given whole, so each dimension is known
 * exactly when its set is; a dimension never comes from the caller (a trusted scenario naming one is overwritten).
 */
function engineScenarioOf(dimensions: readonly string[]): (scenario: Scenario) => Scenario {
  const members = dimensions.flatMap((name) => {
    const split = splitMemberDimension(name);
    return split ? [{ name, ...split }] : [];
  });
  if (members.length === 0) return (scenario) => scenario;
  return (scenario) => {
    const out: Record<string, ScenarioValue | undefined> = Object.assign(Object.create(null), scenario);
    for (const { name, fact, member } of members) {
      const set = out[fact];
      out[name] = Array.isArray(set) ? set.includes(member) : undefined;
    }
    return out as Scenario;
  };
}

function compileFactTest(fact: string, values: readonly FactValue[], positive: boolean): ConditionTest {
  const [yes, no] = positive ? ([TRUE, FALSE] as const) : ([FALSE, TRUE] as const);
  if (values.length === 1) {
    const expected = values[0];
    return (s) => {
      const v = factValueIn(s, fact);
      return v === undefined ? UNKNOWN : v === expected ? yes : no;
    };
  }
  const set = new Set(values);
  return (s) => {
    const v = factValueIn(s, fact);
    return v === undefined ? UNKNOWN : set.has(v) ? yes : no;
  };
}

/** A condition as closures: the path where code generation is off, and the tests behind traces. */
function compileTest(node: ConditionNode, factTests: CompiledFactTest[]): ConditionTest {
  switch (node.kind) {
    case 'all': {
      const tests = node.children.map((c) => compileTest(c, factTests));
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
    case 'any': {
      const tests = node.children.map((c) => compileTest(c, factTests));
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
    case 'not': {
      const inner = compileTest(node.child, factTests);
      return (s) => {
        const t = inner(s);
        return t === UNKNOWN ? UNKNOWN : t === TRUE ? FALSE : TRUE;
      };
    }
    case 'test': {
      const test = compileFactTest(node.fact, node.values, node.positive);
      const single = node.operator === 'is' || node.operator === 'isNot';
      factTests.push({
        fact: node.fact,
        operator: node.operator,
        expected: single ? node.values[0]! : node.values,
        test,
      });
      return test;
    }
    case 'set-test': {
      // Over the membership dimensions, so the closures read what the generated code and the regions read.
      const test = compileTest(lowerSetTest(node), []);
      factTests.push({
        fact: node.fact,
        operator: node.operator,
        expected: node.operator === 'includes' ? node.members[0]! : node.members,
        test,
      });
      return test;
    }
    default:
      return node satisfies never;
  }
}

function engineCondition(node: ConditionNode, vocabulary: ResolvedVocabulary): EngineCondition {
  const factTests: CompiledFactTest[] = [];
  const test = compileTest(node, factTests);
  const domains = domainsOf(vocabulary);
  const tested = nodeDimensions(node);
  let region: Region | undefined;
  return {
    node,
    test,
    factTests,
    facts: dimensionsOf(vocabulary).filter((f) => tested.has(f)),
    get region() {
      region ??= nodeRegion(node, domains);
      return region;
    },
  };
}

/**
 * Compiles one condition on its own: its three-valued test, its fact tests and its exact region. Throws
 * `ConditionTooDeepError` for a condition nested deeper than `MAX_CONDITION_DEPTH`.
 * @example
 * compileCondition({ fact: 'account.kind', is: 'personal' }, standardVocabulary).test({}); // 2: unknown
 */
export function compileCondition(condition: Condition, vocabulary: ResolvedVocabulary): CompiledCondition {
  const compiled = engineCondition(toConditionNode(condition), vocabulary);
  // A caller's scenario gives a set fact as an array: spell it out as the dimensions the test reads.
  const toEngine = engineScenarioOf(compiled.facts);
  const test: ConditionTest = compiled.facts.some((f) => splitMemberDimension(f) !== undefined)
    ? (s) => compiled.test(toEngine(s))
    : compiled.test;
  return {
    test,
    factTests: compiled.factTests,
    facts: compiled.facts,
    get region() {
      return compiled.region;
    },
  };
}

const domainCache = new WeakMap<ResolvedVocabulary, Domains>();
const BOOLEAN_DOMAIN: readonly FactValue[] = Object.freeze([true, false]);
/**
 * The domain function of a vocabulary: every value each fact can take, and true or false for each membership
 * dimension of a set fact (a set fact's own name gives its members).
 */
export function domainsOf(vocabulary: ResolvedVocabulary): Domains {
  let domains = domainCache.get(vocabulary);
  if (!domains) {
    const table = new Map<string, readonly FactValue[]>(
      [...vocabulary.facts].map(([name, fact]) => [name, factDomain(fact)]),
    );
    for (const fact of vocabulary.facts.values())
      if (fact.type === 'set')
        for (const { value } of fact.values) table.set(memberDimension(fact.name, value), BOOLEAN_DOMAIN);
    domains = (fact) => table.get(fact) ?? [];
    domainCache.set(vocabulary, domains);
  }
  return domains;
}

const dimensionCache = new WeakMap<ResolvedVocabulary, readonly string[]>();
/**
 * The engine's dimensions of a vocabulary in vocabulary order: each fact, with a set fact replaced by the membership
 * dimension of each of its members, in the order they are listed. Internal.
 */
export function dimensionsOf(vocabulary: ResolvedVocabulary): readonly string[] {
  let dimensions = dimensionCache.get(vocabulary);
  if (!dimensions) {
    dimensions = [...vocabulary.facts.values()].flatMap((fact) =>
      fact.type === 'set' ? fact.values.map((m) => memberDimension(fact.name, m.value)) : [fact.name],
    );
    dimensionCache.set(vocabulary, dimensions);
  }
  return dimensions;
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
 * The closure form of `acceptsScenario`, where code generation is off: a plain object (prototype `Object.prototype`
 * or null), own enumerable keys that are facts with values they take, and no fact in play readable otherwise.
 */
function scenarioCheck(
  vocabulary: ResolvedVocabulary,
  factsInPlay: readonly string[],
): (input: unknown) => boolean {
  const allowed = new Map([...vocabulary.facts].map(([name, fact]) => [name, new Set(factDomain(fact))]));
  return (input) => {
    if (typeof input !== 'object' || input === null) return false;
    const proto = Object.getPrototypeOf(input);
    if (proto !== Object.prototype && proto !== null) return false;
    const record = input as Record<string, unknown>;
    for (const name in record) {
      if (!Object.hasOwn(record, name)) return false;
      const values = allowed.get(name);
      if (values === undefined) return false;
      const value = record[name];
      if (value !== undefined && !values.has(value as FactValue)) return false;
    }
    for (const name of factsInPlay)
      if (record[name] !== undefined && !Object.prototype.propertyIsEnumerable.call(record, name))
        return false;
    return true;
  };
}

/** The closure form of `generateAcceptance`, where code generation is off. */
function acceptance(
  checkedBy: readonly ResolvedVocabulary[],
  nothingInherited: () => boolean,
  check: (input: unknown) => boolean,
): (input: unknown) => boolean {
  return (input) => {
    if (typeof input === 'object' && input !== null) {
      const by = (input as { [CHECKED_AGAINST]?: ResolvedVocabulary })[CHECKED_AGAINST];
      if (by !== undefined && checkedBy.includes(by)) return nothingInherited();
    }
    return check(input);
  };
}

/** The scan over rules in priority order with their closures (see `PriorityScan`). */
function closureScan(ordered: readonly CompiledRule[]): PriorityScan {
  return (scenario, from) => {
    for (let p = from; p < ordered.length; p++) {
      const t = ordered[p]!.test(scenario);
      if (t === TRUE) return p;
      if (t === UNKNOWN) return -2;
    }
    return -1;
  };
}

/** Duties beyond this many take the closure loop: the generated mask is a 31-bit integer. */
const MASKED_DUTIES = 30;
/** Partial scenarios with at most this many completions are decided by enumerating them. */
export const COMPLETION_LIMIT = 4096;

/**
 * Compiles a valid policy once, for fast and repeated evaluation: conditions become one internal tree, then
 * generated code (or closures, with `generateCode: false`); catalogue references are resolved, and the objects a
 * decision shares are built ahead of time. Throws `ConditionTooDeepError` for a condition nested deeper than
 * `MAX_CONDITION_DEPTH` (which `parsePolicy` refuses too).
 * @example
 * const compiled = compilePolicy(policy);
 * evaluate(compiled, { 'account.kind': 'organisational', 'content.kind': 'public-information' });
 * const strict = compilePolicy(policy, { generateCode: false }); // for a page without 'unsafe-eval'
 */
export function compilePolicy(policy: Policy, options: CompileOptions = {}): CompiledPolicy {
  return compileEngine(policy, options).compiled;
}

/** `compilePolicy` with the engine's internal options, returning the engine. Internal. */
export function compileEngine(input: Policy, options: EngineOptions = {}): PolicyEngine {
  // Depth first, without recursion: the copy below recurses, and must never meet a condition the engine refuses.
  input.rules.forEach((rule, i) => {
    checkDepth(rule.when, ['rules', i, 'when']);
  });
  (input.duties ?? []).forEach((duty, i) => {
    checkDepth(duty.when, ['duties', i, 'when']);
  });
  // A frozen copy: the decisions share its reasons and sources, so neither the caller's later edits nor a change
  // to one decision may reach another.
  const policy = frozenCopy(input);
  const vocabulary = resolveVocabulary(policy.custom);
  const strategy = RESOLUTIONS[policy.resolution];
  const order = priorityOrder(policy.resolution, policy.rules);
  const positionOf = new Int32Array(order.length);
  order.forEach((index, position) => {
    positionOf[index] = position;
  });
  const rules = policy.rules.map((rule, index): CompiledRule => {
    const condition = engineCondition(toConditionNode(rule.when, ['rules', index, 'when']), vocabulary);
    const decidingRule: DecidingRule = Object.freeze({
      ruleId: rule.id,
      ...(rule.title ? { title: rule.title } : {}),
      outcome: rule.outcome,
      reason: rule.reason,
      ...provenance(rule),
    });
    const conditions = Object.freeze(entries(vocabulary, 'conditions', rule.conditions));
    const reviewers = Object.freeze(entries(vocabulary, 'roles', rule.reviewers));
    return {
      rule,
      index,
      position: positionOf[index]!,
      rank: strategy.rank(rule, index),
      strictness: outcomeStrictness(rule.outcome),
      decidingRule,
      conditions,
      reviewers,
      settled: settledBy(policy.id, decidingRule, conditions, reviewers),
      node: condition.node,
      test: condition.test,
      factTests: condition.factTests,
      facts: condition.facts,
      get region() {
        return condition.region;
      },
    };
  });
  const duties = (policy.duties ?? []).map((duty, index): CompiledDuty => {
    const condition = engineCondition(toConditionNode(duty.when, ['duties', index, 'when']), vocabulary);
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
    return {
      duty,
      triggered,
      node: condition.node,
      test: condition.test,
      factTests: condition.factTests,
      facts: condition.facts,
      get region() {
        return condition.region;
      },
    };
  });
  const ordered = order.map((index) => rules[index]!);
  const rankEnd = new Int32Array(ordered.length);
  for (let p = ordered.length - 1; p >= 0; p--)
    rankEnd[p] =
      p + 1 < ordered.length && ordered[p + 1]!.rank === ordered[p]!.rank ? rankEnd[p + 1]! : p + 1;
  const inVocabularyOrder = (facts: Iterable<string>) => {
    const set = new Set(facts);
    return dimensionsOf(vocabulary).filter((f) => set.has(f));
  };
  const factsInPlay = inVocabularyOrder([...rules, ...duties].flatMap((c) => c.facts));
  const domains = domainsOf(vocabulary);
  const defaultRule: DecidingRule = Object.freeze({
    ruleId: null,
    outcome: policy.default.outcome,
    reason: policy.default.reason,
    ...provenance(policy.default),
  });
  const defaultConditions = Object.freeze(entries(vocabulary, 'conditions', policy.default.conditions));
  const defaultReviewers = Object.freeze(entries(vocabulary, 'roles', policy.default.reviewers));
  const generated = (options.generateCode ?? true) && canGenerateCode();
  const listen = options.onGeneratedSource;
  const factValues = new Map([...vocabulary.facts].map(([name, fact]) => [name, factDomain(fact)]));
  const compiled: CompiledPolicy = { policy, vocabulary, factsInPlay, domains };
  const defaultSettled = settledBy(policy.id, defaultRule, defaultConditions, defaultReviewers);
  // A parseScenario result checked against this vocabulary or the standard one (whose facts every compiled vocabulary
  // keeps as they are) is frozen, so still valid: it needs only the guard against facts inherited from
  // Object.prototype, its prototype.
  const checkedBy = [vocabulary, standardVocabulary];
  const nothingInherited = generated
    ? generateInheritanceGuard(factsInPlay, listen)
    : () => factsInPlay.every((f) => (Object.prototype as Record<string, unknown>)[f] === undefined);
  const acceptsScenario = generated
    ? generateAcceptance(
        CHECKED_AGAINST,
        checkedBy,
        nothingInherited,
        generateScenarioCheck(factValues, factsInPlay, listen),
      )
    : acceptance(checkedBy, nothingInherited, scenarioCheck(vocabulary, factsInPlay));
  const engine: PolicyEngine = Object.freeze({
    compiled,
    strategy,
    rules,
    ordered,
    rankEnd,
    duties,
    defaultRule,
    defaultConditions,
    defaultReviewers,
    defaultSettled,
    ruleFacts: inVocabularyOrder(rules.flatMap((r) => r.facts)),
    scan: generated
      ? generatePriorityScan(
          ordered.map((r) => r.node),
          strategy.ranksShared,
          listen,
        )
      : closureScan(ordered),
    // Not with set facts in play: the if-chain reads membership dimensions, which exist only once
    // toEngineScenario has spelt them out (and a caller's own dimension keys must never be read).
    settle:
      generated && duties.length === 0 && !factsInPlay.some((f) => splitMemberDimension(f) !== undefined)
        ? generateSettle(
            ordered.map((r) => r.node),
            ordered.map((r, p) => (rankEnd[p] === p + 1 ? r.settled : undefined)),
            defaultSettled,
            acceptsScenario,
            listen,
          )
        : undefined,
    dutyMask:
      generated && duties.length > 0 && duties.length <= MASKED_DUTIES
        ? generateDutyMask(
            duties.map((d) => d.node),
            listen,
          )
        : undefined,
    acceptsScenario,
    toEngineScenario: engineScenarioOf(factsInPlay),
    generated,
    completionLimit: options.completionLimit ?? COMPLETION_LIMIT,
  });
  Object.defineProperty(compiled, ENGINE, { value: engine });
  Object.freeze(compiled);
  return engine;
}

/** A compiled fact test as a trace entry for a scenario. */
export function traceFactTest(test: CompiledFactTest, scenario: Scenario): FactTestTrace {
  const actual = scenarioValueIn(scenario, test.fact);
  const t = test.test(scenario);
  return {
    fact: test.fact,
    operator: test.operator,
    expected: test.expected,
    // A copy of a set: the decision is frozen, and the caller's own array must not be.
    ...(actual === undefined ? {} : { actual: Array.isArray(actual) ? [...actual] : actual }),
    result: t === TRUE ? 'true' : t === FALSE ? 'false' : 'unknown',
  };
}
