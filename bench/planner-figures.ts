// How many questions the planner (`nextQuestion`) asks, against asking facts in a fixed order, over every complete
// scenario of each example policy. Imported by `pnpm bench`; run alone with
// `node --conditions=fairpost-source --import tsx bench/planner-figures.ts`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  type CompiledPolicy,
  compilePolicy,
  evaluate,
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
  readonly milliseconds: number;
}

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
    const domain = compiled.domains(fact);
    for (const value of domain)
      walk({ ...scenario, [fact]: value } as Scenario, depth + 1, weight / domain.length);
  };
  walk({}, 0, 1);
  return { mean, max };
}

function goalFacts(compiled: CompiledPolicy, goal: QuestionGoal): string[] {
  const tested = new Set([
    ...(goal === 'duties' ? [] : compiled.rules.flatMap((r) => r.facts)),
    ...(goal === 'outcome' ? [] : compiled.duties.flatMap((d) => d.facts)),
  ]);
  return compiled.factsInPlay.filter((f) => tested.has(f));
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
  const planner = countQuestions(compiled, (s) => nextQuestion(compiled, s, { goal })?.fact);
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
    milliseconds,
  };
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

/** The figures as a Markdown table. */
export function formatPlannerFigures(figures: readonly PlannerFigures[]): string {
  const n = (x: number) => x.toFixed(2);
  const rows = figures.map(
    (f) =>
      `| ${f.policy} | ${f.goal} | ${f.facts} | ${f.scenarios} | ${n(f.planner.mean)} (max ${f.planner.max}) | ` +
      `${n(f.fixedOrder.mean)} (max ${f.fixedOrder.max}) | ${n(f.fixedOrderRelevantOnly.mean)} (max ${f.fixedOrderRelevantOnly.max}) | ` +
      `${Math.round(f.ratio * 100)}% | ${Math.round(f.milliseconds)} |`,
  );
  return [
    '| policy | goal | facts | complete scenarios | planner: questions | fixed order | fixed order, relevant only | planner / fixed | planner ms |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(formatPlannerFigures(plannerFigures()));
}
