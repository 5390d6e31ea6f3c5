// How many questions the planner (`nextQuestion`) asks, against asking facts in a fixed order, over every complete
// scenario of each example policy. Imported by `pnpm bench`; run alone with
// `node --conditions=fairpost-source --import tsx bench/planner-figures.ts`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  type CompiledPolicy,
  type Condition,
  compileCondition,
  compilePolicy,
  evaluate,
  expectedQuestions,
  type FactValue,
  factOfDimension,
  nextQuestion,
  parsePolicySource,
  type QuestionGoal,
  relevantFacts,
  type Scenario,
} from '@fairpost/core';

/** Mean and maximum number of questions one strategy asks, over every complete scenario. */
export interface QuestionCount {
  readonly mean: number;
  readonly max: number;
}

/** The planner's figures for one policy and goal. */
export interface PlannerFigures {
  readonly policy: string;
  readonly goal: QuestionGoal;
  /** The facts the goal's rules or duties test (the fixed orders walk these). */
  readonly facts: number;
  /** Complete scenarios over the facts in play: every one is counted, by walking the question tree. */
  readonly scenarios: number;
  readonly planner: QuestionCount;
  /** Vocabulary order, asking every fact in turn until the goal is settled. */
  readonly fixedOrder: QuestionCount;
  /** Vocabulary order, skipping facts the goal no longer depends on. */
  readonly fixedOrderRelevantOnly: QuestionCount;
  /** planner.mean / fixedOrder.mean. */
  readonly ratio: number;
  /**
   * The least mean any questionnaire can reach (exhaustive search over the goal's partition), or `undefined` when
   * the goal is too large to search exactly.
   */
  readonly optimum: number | undefined;
  /** Time to walk the whole question tree. */
  readonly milliseconds: number;
  /** The first question on a freshly compiled policy: it includes building the plan. */
  readonly firstQuestionMs: number;
  /** The slowest and the mean question over the rest of the walk (the plan is built by then). */
  readonly laterQuestionMs: { readonly mean: number; readonly max: number };
}

/** The share of fixed order's mean the requirement allows the planner (outcome goal). */
export const REQUIRED_RATIO = 0.6;

/** Chooses the next fact to ask, or undefined when the goal is settled. */
type Strategy = (scenario: Scenario) => string | undefined;

/**
 * Walks the question tree a strategy builds: each answer is equally likely, as it is when every complete scenario
 * counts once, so the mean is exact without enumerating the scenarios themselves.
 */
function countQuestions(compiled: CompiledPolicy, strategy: Strategy): QuestionCount {
  let mean = 0;
  let max = 0;
  const walk = (scenario: Scenario, depth: number, weight: number) => {
    if (depth > compiled.factsInPlay.length) throw new Error('a strategy asked more facts than are in play');
    const fact = strategy(scenario);
    if (fact === undefined) {
      mean += depth * weight;
      max = Math.max(max, depth);
      return;
    }
    const domain = answersTo(compiled, fact);
    for (const value of domain)
      walk({ ...scenario, [fact]: value } as Scenario, depth + 1, weight / domain.length);
  };
  walk({}, 0, 1);
  return { mean, max };
}

/**
 * The answers a question about `fact` can get, each equally likely: its values, or for a set fact (asked whole, as
 * one question) every set of the members the policy tests.
 */
function answersTo(compiled: CompiledPolicy, fact: string): readonly (FactValue | string[])[] {
  if (compiled.vocabulary.facts.get(fact)?.type !== 'set') return compiled.domains(fact);
  const members = compiled.factsInPlay.flatMap((d) =>
    factOfDimension(d) === fact ? [d.slice(fact.length + 1, -1)] : [],
  );
  return members.reduce<string[][]>((sets, m) => sets.flatMap((set) => [set, [...set, m]]), [[]]);
}

function goalFacts(compiled: CompiledPolicy, goal: QuestionGoal): string[] {
  const { policy, vocabulary } = compiled;
  const factsOf = (when: Condition) => compileCondition(when, vocabulary).facts;
  const tested = new Set([
    ...(goal === 'duties' ? [] : policy.rules.flatMap((r) => factsOf(r.when))),
    ...(goal === 'outcome' ? [] : (policy.duties ?? []).flatMap((d) => factsOf(d.when))),
  ]);
  // A set fact's members are dimensions in play; the questions are about the set, asked whole.
  const testedFacts = new Set([...tested].map(factOfDimension));
  return [...new Set(compiled.factsInPlay.map(factOfDimension))].filter((f) => testedFacts.has(f));
}

/** The planner's figures for one compiled policy and goal. */
export function plannerFiguresFor(
  name: string,
  compiled: CompiledPolicy,
  goal: QuestionGoal,
): PlannerFigures {
  const started = performance.now();
  const facts = goalFacts(compiled, goal);
  const known = (s: Scenario) => s as Record<string, unknown>;
  // evaluate settles exactly as relevantFacts does (a property test in core checks it), and faster.
  const settled = (s: Scenario) => {
    const d = evaluate(compiled, s, { trusted: true });
    return (
      (goal === 'duties' || d.outcome !== 'undetermined') &&
      (goal === 'outcome' || d.undeterminedDuties.length === 0)
    );
  };
  let asked = 0;
  let later = 0;
  let slowest = 0;
  const planner = countQuestions(compiled, (s) => {
    const t = performance.now();
    const next = nextQuestion(compiled, s, { goal });
    const fact = next.ok ? next.question?.fact : undefined;
    const ms = performance.now() - t;
    if (asked++ > 0) {
      later += ms;
      slowest = Math.max(slowest, ms);
    }
    return fact;
  });
  const milliseconds = performance.now() - started;
  const fixedOrder = countQuestions(compiled, (s) =>
    settled(s) ? undefined : facts.find((f) => known(s)[f] === undefined),
  );
  const fixedOrderRelevantOnly = countQuestions(compiled, (s) => relevantFacts(compiled, s, goal)[0]);
  return {
    policy: name,
    goal,
    facts: facts.length,
    scenarios: compiled.factsInPlay.reduce((n, f) => n * compiled.domains(f).length, 1),
    planner,
    fixedOrder,
    fixedOrderRelevantOnly,
    ratio: fixedOrder.mean === 0 ? 1 : planner.mean / fixedOrder.mean,
    optimum: expectedQuestions(compiled, {}, goal),
    milliseconds,
    firstQuestionMs: firstQuestionMs(compiled, goal),
    laterQuestionMs: { mean: asked > 1 ? later / (asked - 1) : 0, max: slowest },
  };
}

/** The first question on a fresh copy of the policy, so no plan is cached: what a page or `fairpost ask` waits for. */
function firstQuestionMs(compiled: CompiledPolicy, goal: QuestionGoal): number {
  const fresh = compilePolicy(compiled.policy);
  const started = performance.now();
  nextQuestion(fresh, {}, { goal });
  return performance.now() - started;
}

const EXAMPLES = fileURLToPath(new URL('../examples/policies/', import.meta.url));

/**
 * The planner's figures for every policy in a folder (default: `examples/policies`), for each goal (default: the
 * outcome and the duties; `both` multiplies the tree and takes minutes on the largest example).
 * @example
 * for (const row of plannerFigures()) console.log(row.policy, row.goal, row.planner.mean, row.fixedOrder.mean);
 */
export function plannerFigures(
  folder: string = EXAMPLES,
  goals: readonly QuestionGoal[] = ['outcome', 'duties'],
): PlannerFigures[] {
  const files = readdirSync(folder)
    .filter((f) => /\.(ya?ml|json)$/i.test(f) && !/\.cases\./i.test(f))
    .sort();
  return files.flatMap((file) => {
    const parsed = parsePolicySource(readFileSync(join(folder, file), 'utf8'), { filename: file });
    if (!parsed.ok) throw new Error(`${file} is not a valid policy: ${parsed.issues[0]?.message}`);
    const compiled = compilePolicy(parsed.policy);
    return goals.map((goal) => plannerFiguresFor(file, compiled, goal));
  });
}

/** The figures as a Markdown table, then a line for each outcome goal that misses the required ratio, and why. */
export function formatPlannerFigures(figures: readonly PlannerFigures[]): string {
  const n = (x: number) => x.toFixed(2);
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const ms = (x: number) => (x < 10 ? x.toFixed(2) : Math.round(x).toString());
  const rows = figures.map(
    (f) =>
      `| ${f.policy} | ${f.goal} | ${f.facts} | ${f.scenarios} | ${n(f.planner.mean)} (max ${f.planner.max}) | ` +
      `${f.optimum === undefined ? 'n/a' : n(f.optimum)} | ` +
      `${n(f.fixedOrder.mean)} (max ${f.fixedOrder.max}) | ${n(f.fixedOrderRelevantOnly.mean)} (max ${f.fixedOrderRelevantOnly.max}) | ` +
      `${pct(f.ratio)} | ${ms(f.firstQuestionMs)} | ${ms(f.laterQuestionMs.mean)} / ${ms(f.laterQuestionMs.max)} | ${Math.round(f.milliseconds)} |`,
  );
  const misses = figures
    // A policy whose outcome needs no question at all (fixed order asks none either) has nothing to miss.
    .filter((f) => f.goal === 'outcome' && f.fixedOrder.mean > 0 && f.ratio > REQUIRED_RATIO)
    .map((f) =>
      f.optimum !== undefined && f.optimum / f.fixedOrder.mean > REQUIRED_RATIO
        ? `- ${f.policy}: ${pct(REQUIRED_RATIO)} of fixed order is unreachable: no questionnaire asks fewer than ` +
          `${f.optimum.toFixed(3)} questions on average (${pct(f.optimum / f.fixedOrder.mean)} of ${n(f.fixedOrder.mean)}), and the planner asks that optimum.`
        : `- ${f.policy}: the planner misses ${pct(REQUIRED_RATIO)} of fixed order` +
          (f.optimum === undefined ? ' (too large to search exactly).' : ` (optimum ${n(f.optimum)}).`),
    );
  return [
    '| policy | goal | facts | complete scenarios | planner: questions | optimum | fixed order | fixed order, relevant only | planner / fixed | first question ms | later question ms (mean / max) | walk ms |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    ...(misses.length > 0
      ? ['', `Outcome goals above ${pct(REQUIRED_RATIO)} of fixed order:`, ...misses]
      : []),
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(formatPlannerFigures(plannerFigures()));
}
