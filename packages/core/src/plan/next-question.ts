import { type CompiledPolicy, engineOf } from '../evaluate/compile-policy.js';
import { decisionEffects } from '../evaluate/decision-effects.js';
import { factOfDimension } from '../model/condition-node.js';
import type { Outcome } from '../model/outcome.js';
import { engineRegions } from '../evaluate/engine-regions.js';
import {
  complementMasks,
  type MaskCube,
  type MaskRegion,
  maskFacts,
  pointCube,
  regionDependsOn,
  restrictMasks,
  type ScenarioSpace,
  subtractMasks,
} from '../region/region.js';
import { buildQuestionPlan, PLAN_STATE_BUDGET, type QuestionPlan } from './question-plan.js';
import { parseScenario, type Scenario, type ScenarioWithDoubt } from '../parse/scenario.js';
import type { Issue } from '../parse/issue.js';
import { evaluate } from '../evaluate/evaluate.js';
import type { FactValue } from '../vocabulary/fact-types.js';
import { factDomain } from '../vocabulary/resolve-vocabulary.js';

/**
 * What a questionnaire is trying to settle: the decision's `outcome` with its conditions and reviewers, the `duties`
 * owed, or `both`.
 */
export type QuestionGoal = 'outcome' | 'duties' | 'both';

/** Options for `nextQuestion`. */
export interface NextQuestionOptions {
  /**
   * What to settle: the posting `outcome` (default), the `duties` owed (the "I'm being targeted" flow), or `both`.
   */
  readonly goal?: QuestionGoal;
}

/** One answer a question offers. */
export interface QuestionChoice {
  readonly value: FactValue;
  /** A short label for a form or a numbered list ("Personal account", "Yes"). */
  readonly label: string;
  /** A second-person clause for the answer ("you are using your own account"). */
  readonly phrase: string;
}

/** The next fact to ask, worded for a person. */
export interface Question {
  /** The fact's dotted name. */
  readonly fact: string;
  readonly label: string;
  /** The vocabulary's question, or one made from the label when the fact has none. */
  readonly question: string;
  readonly description: string;
  /**
   * Every value the fact can take, in vocabulary order (yes before no); for a set fact, its members, of which the
   * answer is every one that applies (an array, possibly empty).
   */
  readonly choices: readonly QuestionChoice[];
  /** True for a set fact: the answer is the array of every choice that applies, not one choice. */
  readonly multiple: boolean;
  /** Every fact the answer still depends on (this one included), in vocabulary order. */
  readonly stillRelevant: readonly string[];
}

/**
 * What `nextQuestion` gives: the question to ask next (`undefined` once the goal is settled), or, for a scenario that
 * is not valid for the policy, its issues: an invalid scenario is never mistaken for a settled one.
 */
export type NextQuestionResult =
  | { readonly ok: true; readonly question: Question | undefined }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/**
 * The next fact to ask so that a decision is settled in as few questions as possible; `question` is `undefined` once
 * it is settled. Only facts the answer still depends on are asked (exactly, over the fact domains): a fact is asked
 * only when some two answers to it can lead to a different outcome, conditions or reviewers (or, with
 * `goal: 'duties'`, different duties owed). Among those it picks one that minimises the expected number of
 * questions left, exactly, every complete scenario counting once (a search over the policy's partitions, done once
 * per policy and goal and then shared); ties go to vocabulary order, so the questionnaire is deterministic. Goals
 * too large to search exactly fall back to picking the fact whose answer leaves, on average, the fewest facts open.
 *
 * Never throws: the scenario is checked as `parseScenario` checks it (scenarios come from forms), and an invalid
 * one (an unknown fact, a value its fact cannot take, something that is not plain data) gives `ok: false` with
 * its issues.
 *
 * A fact the scenario lists as `unsure` (answered "not sure") is never asked again. The questions then stop once the
 * policy's doubt rules decide (the decision carries `doubt`), or when only unsure facts are left; without doubt
 * rules for them, `evaluate` then still says `undetermined`.
 * @example
 * let scenario: Scenario = {};
 * for (let next = nextQuestion(compiled, scenario); next.ok && next.question; next = nextQuestion(compiled, scenario))
 *   scenario = { ...scenario, [next.question.fact]: await ask(next.question.question, next.question.choices) };
 * evaluate(compiled, scenario); // settled: never 'undetermined'
 */
export function nextQuestion(
  compiled: CompiledPolicy,
  scenario: Scenario | ScenarioWithDoubt,
  options: NextQuestionOptions = {},
): NextQuestionResult {
  // parseScenario, not the faster acceptsScenario: it reads a hostile value (a throwing getter, a Proxy) safely.
  const checked = parseScenario(scenario, compiled.vocabulary);
  if (!checked.ok) return { ok: false, issues: checked.issues };
  const goal = options.goal ?? 'outcome';
  const engine = engineOf(compiled);
  const { unsure, ...facts } = checked.scenario;
  const question =
    unsure !== undefined && unsure.length > 0
      ? questionBesideDoubt(compiled, checked.scenario, engine.toEngineScenario(facts), new Set(unsure), goal)
      : nextQuestionWithin(compiled, engine.toEngineScenario(checked.scenario), goal, PLAN_STATE_BUDGET);
  return { ok: true, question };
}

/**
 * The next question when some facts were answered "not sure": never one of those. When the policy's doubt rules
 * decide the outcome, the outcome is settled; otherwise the facts still relevant, less the unsure ones, are asked,
 * the greedy way (the exact plan counts every fact as askable). `undefined` when only unsure facts are left.
 * `facts` is the engine's scenario (set facts spelt out as membership dimensions).
 */
function questionBesideDoubt(
  compiled: CompiledPolicy,
  scenario: ScenarioWithDoubt,
  facts: Scenario,
  unsure: ReadonlySet<string>,
  goal: QuestionGoal,
): Question | undefined {
  const settledInDoubt = goal !== 'duties' && evaluate(compiled, scenario).doubt !== undefined;
  const left = settledInDoubt ? (goal === 'both' ? 'duties' : undefined) : goal;
  if (left === undefined) return undefined;
  return greedyQuestion(compiled, facts, left, unsure);
}

/**
 * `nextQuestion` with the exact search limited to `budget` states: over it, the greedy choice. The scenario is the
 * engine's (`toEngineScenario`: set facts spelt out as membership dimensions). Internal; tests use it to exercise
 * the fallback on small policies. A set fact is asked whole, so one question answers every membership dimension
 * of it, and the plan counts it as one question.
 */
export function nextQuestionWithin(
  compiled: CompiledPolicy,
  scenario: Scenario,
  goal: QuestionGoal,
  budget: number,
): Question | undefined {
  const plan = planFor(compiled, goal, budget);
  const state = plan?.stateOf(scenario);
  if (plan && state !== undefined) {
    const fact = plan.bestQuestion(state);
    if (fact < 0) return undefined;
    return describeQuestion(compiled, plan.facts[fact]!, relevantInPlan(plan, state));
  }
  return greedyQuestion(compiled, scenario, goal);
}

/**
 * The least expected number of questions still needed to settle a goal from a scenario, every complete scenario
 * counting once: what following `nextQuestion` asks on average. `undefined` when the goal is too large to search
 * exactly, or the scenario gives a fact a value outside its domain.
 * @example
 * expectedQuestions(compiled, {}); // e.g. 2.1: "about two questions"
 */
export function expectedQuestions(
  compiled: CompiledPolicy,
  scenario: Scenario,
  goal: QuestionGoal = 'outcome',
): number | undefined {
  const plan = planFor(compiled, goal, PLAN_STATE_BUDGET);
  const state = plan?.stateOf(engineOf(compiled).toEngineScenario(scenario));
  return plan && state !== undefined ? plan.expectedQuestions(state) : undefined;
}

/** The greedy choice: the relevant fact whose answer leaves, on average over its values, the fewest facts open. */
function greedyQuestion(
  compiled: CompiledPolicy,
  scenario: Scenario,
  goal: QuestionGoal,
  unsure: ReadonlySet<string> = new Set(),
): Question | undefined {
  const partitions = partitionsFor(compiled, goal);
  const candidates = relevantIn(compiled, partitions, knownIn(compiled, scenario)).filter(
    (f) => !unsure.has(f),
  );
  if (candidates.length === 0) return undefined;
  let best: { fact: string; score: number } | undefined;
  for (const fact of candidates) {
    const domain = compiled.domains(fact);
    let total = 0;
    for (const value of domain) {
      total += openFacts(
        partitions,
        knownIn(compiled, { ...scenario, [fact]: value } as Scenario),
        spaceOf(compiled),
      );
      // No later value can lower the mean below the best already found.
      if (best && total / domain.length > best.score) break;
    }
    const score = total / domain.length;
    if (!best || score < best.score) best = { fact, score };
  }
  return describeQuestion(compiled, best!.fact, candidates);
}

/**
 * The facts a goal still depends on, given what a scenario knows, in vocabulary order: exactly those facts for
 * which two answers can lead to different results. Empty when the goal is settled. For the `outcome` goal this is
 * the `neededFacts` that `evaluate` gives for the same scenario (a property test holds them equal).
 */
export function relevantFacts(
  compiled: CompiledPolicy,
  scenario: Scenario,
  goal: QuestionGoal = 'outcome',
): string[] {
  const plan = planFor(compiled, goal, PLAN_STATE_BUDGET);
  const engineScenario = engineOf(compiled).toEngineScenario(scenario);
  const state = plan?.stateOf(engineScenario);
  if (plan && state !== undefined) return publicFacts(relevantInPlan(plan, state));
  return publicFacts(relevantIn(compiled, partitionsFor(compiled, goal), knownIn(compiled, engineScenario)));
}

/** Dimensions as the facts a scenario gives: a membership dimension stands for its set fact, once. */
const publicFacts = (dimensions: readonly string[]): string[] => [
  ...new Set(dimensions.map(factOfDimension)),
];

const relevantInPlan = (plan: QuestionPlan, state: number): string[] =>
  plan.relevant(state).map((i) => plan.facts[i]!);

const planCache = new WeakMap<CompiledPolicy, Map<string, QuestionPlan | null>>();

/** The question plan of a goal, built once per policy, goal and budget; `undefined` when over the budget. */
function planFor(compiled: CompiledPolicy, goal: QuestionGoal, budget: number): QuestionPlan | undefined {
  const byGoal = planCache.get(compiled) ?? new Map<string, QuestionPlan | null>();
  planCache.set(compiled, byGoal);
  const key = `${goal}:${budget}`;
  let plan = byGoal.get(key);
  if (plan === undefined) {
    plan =
      buildQuestionPlan(partitionsFor(compiled, goal), engineRegions(engineOf(compiled)).space, budget) ??
      null;
    byGoal.set(key, plan);
  }
  return plan ?? undefined;
}

/**
 * What a scenario knows, as the cube of its completions; `undefined` when it gives a fact a value outside the fact's
 * domain (a checked scenario never does).
 */
type Known = MaskCube | undefined;
const knownIn = (compiled: CompiledPolicy, scenario: Scenario): Known =>
  pointCube(scenario as Readonly<Record<string, FactValue | undefined>>, spaceOf(compiled));

const spaceOf = (compiled: CompiledPolicy): ScenarioSpace => engineRegions(engineOf(compiled)).space;

/** A split of the whole scenario space into regions, one per result (an outcome, or a duty owed or not). */
type Partition = readonly MaskRegion[];

const partitionCache = new WeakMap<CompiledPolicy, Map<QuestionGoal, readonly Partition[]>>();

/**
 * The partitions a goal must settle, computed once per policy: the outcome's (following the resolution exactly as
 * `evaluate` does), and for duties each duty's region and its complement. Asking then only restricts them.
 */
function partitionsFor(compiled: CompiledPolicy, goal: QuestionGoal): readonly Partition[] {
  const byGoal = partitionCache.get(compiled) ?? new Map<QuestionGoal, readonly Partition[]>();
  partitionCache.set(compiled, byGoal);
  let partitions = byGoal.get(goal);
  if (!partitions) {
    const list: Partition[] = [];
    if (goal !== 'duties') list.push(...outcomePartitions(compiled));
    if (goal !== 'outcome') {
      const { space, duties } = engineRegions(engineOf(compiled));
      for (const duty of duties) list.push([duty, complementMasks(duty, space)]);
    }
    partitions = list.map((p) => p.filter((region) => region.length > 0));
    byGoal.set(goal, partitions);
  }
  return partitions;
}

/**
 * The partitions that settle a decision's outcome, conditions and reviewers, following the resolution exactly as
 * `evaluate` does (rules in priority order, each taking what it matches outside the rules of better ranks): the
 * regions of the whole space that get each outcome, and for each condition or reviewer where it is brought and not.
 */
function outcomePartitions(compiled: CompiledPolicy): Partition[] {
  const engine = engineOf(compiled);
  const { space, ordered } = engineRegions(engine);
  const byOutcome = new Map<Outcome, MaskCube[]>();
  const add = (outcome: Outcome, region: MaskRegion) => {
    if (region.length === 0) return;
    const into = byOutcome.get(outcome);
    if (into) into.push(...region);
    else byOutcome.set(outcome, [...region]);
  };
  const decides: MaskRegion[] = [];
  const taken: MaskCube[] = [];
  for (let start = 0; start < engine.ordered.length; start = engine.rankEnd[start]!) {
    const group = engine.ordered.slice(start, engine.rankEnd[start]!);
    for (const rule of group) {
      decides[rule.position] = subtractMasks(ordered[rule.position]!, taken, space);
      add(rule.rule.outcome, decides[rule.position]!);
    }
    for (const rule of group) taken.push(...ordered[rule.position]!);
  }
  const rest = subtractMasks([space.full], taken, space);
  add(engine.defaultRule.outcome, rest);
  const brought = decisionEffects(engine).memberships.map(({ positions, includesDefault }) => {
    const region = [...positions.flatMap((p) => decides[p]!), ...(includesDefault ? rest : [])];
    return [region, complementMasks(region, space)];
  });
  return [[...byOutcome.values()], ...brought];
}

/** Each partition restricted to what is known, keeping only the results still reachable. */
function restrictAll(
  partitions: readonly Partition[],
  known: MaskCube,
  space: ScenarioSpace,
): MaskRegion[][] {
  return partitions.map((p) =>
    p.map((region) => restrictMasks(region, known, space)).filter((r) => r.length > 0),
  );
}

/** The exactly relevant facts, in vocabulary order. */
function relevantIn(compiled: CompiledPolicy, partitions: readonly Partition[], known: Known): string[] {
  if (!known) return [];
  const space = spaceOf(compiled);
  const relevant = new Set<number>();
  for (const regions of restrictAll(partitions, known, space)) {
    if (regions.length < 2) continue;
    // With n results left, the last region is the complement of the others: checking n - 1 is enough.
    for (const region of regions.slice(0, -1)) {
      for (const f of maskFacts(region, space)) {
        if (!relevant.has(f) && regionDependsOn(region, f, space)) relevant.add(f);
      }
    }
  }
  // The space's facts are the facts in play, in vocabulary order.
  return space.facts.filter((_, f) => relevant.has(f));
}

/**
 * How open the goal still is, cheaply: the number of facts the unsettled partitions still mention (an upper bound
 * on the questions left; zero when settled). Used to score answers, where exactness is not needed.
 */
function openFacts(partitions: readonly Partition[], known: Known, space: ScenarioSpace): number {
  if (!known) return 0;
  const facts = new Set<number>();
  for (const regions of restrictAll(partitions, known, space)) {
    if (regions.length < 2) continue;
    for (const region of regions) for (const f of maskFacts(region, space)) facts.add(f);
  }
  return facts.size;
}

function describeQuestion(
  compiled: CompiledPolicy,
  dimension: string,
  stillRelevant: readonly string[],
): Question {
  // A membership dimension is asked as its whole set fact: a scenario gives a set whole.
  const fact = factOfDimension(dimension);
  const definition = compiled.vocabulary.facts.get(fact)!;
  const choices: QuestionChoice[] =
    definition.type === 'boolean'
      ? factDomain(definition).map((value) => ({
          value,
          label: value ? 'Yes' : 'No',
          phrase: value ? definition.whenTrue : definition.whenFalse,
        }))
      : definition.values.map(({ value, label, phrase }) => ({ value, label, phrase }));
  return {
    fact,
    label: definition.label,
    question: definition.question ?? `${definition.label}?`,
    description: definition.description,
    choices,
    multiple: definition.type === 'set',
    stillRelevant: publicFacts(stillRelevant),
  };
}
