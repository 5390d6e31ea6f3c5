import { type CompiledPolicy, dimensionsOf } from '../evaluate/compile-policy.js';
import { evaluate } from '../evaluate/evaluate.js';
import { splitMemberDimension } from '../model/condition-node.js';
import { deepFreeze } from '../model/deep-freeze.js';
import type { Policy } from '../model/policy.js';
import type { Decision } from '../model/decision.js';
import type { Scenario } from '../parse/scenario.js';
import type { FactValue, ScenarioValue } from '../vocabulary/fact-types.js';
import { compiledOf } from './analyze-policy.js';
import { csvField } from './comparison-csv.js';
import {
  checkDistribution,
  type FactDistribution,
  InvalidDistributionError,
  spaceWeights,
} from './fact-distribution.js';
import { createSpace } from '../region/region.js';

/** Options for `sampleScenarios`. */
export interface SampleOptions {
  /** How many scenarios to draw. */
  readonly count: number;
  /** The seed of the pseudo-random generator: the same seed gives the same scenarios. Default 1. */
  readonly seed?: number;
  /** How likely each fact value is; undefined draws every value of every fact alike. */
  readonly distribution?: FactDistribution | undefined;
}

/**
 * Complete scenarios drawn at random over the facts the policies test, each fact independently under the
 * distribution (a fact with conditional rates from the row of its given fact's drawn value; uniform otherwise), deterministically from the seed: so a matrix can be regenerated exactly. A set
 * fact's members are drawn one by one (in or out, alike unless the distribution weighs them). Throws
 * `InvalidDistributionError` for a distribution that does not fit a policy's vocabulary.
 * @example
 * sampleScenarios([current, proposed], { count: 100, seed: 7, distribution: defaultWeights });
 */
export function sampleScenarios(
  policies: readonly (Policy | CompiledPolicy)[],
  options: SampleOptions,
): readonly Scenario[] {
  if (!Number.isInteger(options.count) || options.count < 0)
    throw new RangeError(`sampleScenarios: count must be a whole number of at least 0, not ${options.count}`);
  const compiled = policies.map(compiledOf);
  if (options.distribution)
    for (const c of compiled) {
      const issues = checkDistribution(options.distribution, c.vocabulary);
      if (issues.length > 0) throw new InvalidDistributionError(issues);
    }
  const inPlay = new Set(compiled.flatMap((c) => c.factsInPlay));
  const facts = [...new Set(compiled.flatMap((c) => dimensionsOf(c.vocabulary)))].filter((f) =>
    inPlay.has(f),
  );
  const domains = (fact: string): readonly FactValue[] =>
    compiled.map((c) => c.domains(fact)).find((d) => d.length > 0) ?? [];
  const space = createSpace(facts, domains);
  const weights = spaceWeights(space, options.distribution);
  const random = mulberry32(options.seed ?? 1);
  const scenarios: Scenario[] = [];
  for (let n = 0; n < options.count; n++) {
    const scenario: Record<string, ScenarioValue> = {};
    // One draw per fact, in order; a fact with conditional rates then picks from the row of its given fact's value.
    const draws = space.facts.map(() => random());
    const picks = space.domains.map((domain, f) => pick(weights?.[f], domain.length, draws[f]!));
    for (const c of weights?.conditional ?? [])
      picks[c.fact] = pick(c.rates[picks[c.given]!], space.domains[c.fact]!.length, draws[c.fact]!);
    space.facts.forEach((fact, f) => {
      const domain = space.domains[f]!;
      const value = domain[picks[f]!]!;
      const member = splitMemberDimension(fact);
      if (!member) scenario[fact] = value;
      else {
        const members = (scenario[member.fact] ?? []) as string[];
        scenario[member.fact] = value === true ? [...members, member.member] : members;
      }
    });
    scenarios.push(scenario as Scenario);
  }
  return deepFreeze(scenarios);
}

/** The index a uniform draw `u` in [0, 1) falls on, under the weights (which sum to 1) or uniformly. */
function pick(weights: readonly number[] | undefined, size: number, u: number): number {
  if (!weights) return Math.min(size - 1, Math.floor(u * size));
  let total = 0;
  for (let i = 0; i < size; i++) {
    total += weights[i]!;
    if (u < total) return i;
  }
  // Rounding can leave the weights a hair under 1: the draw then falls on the last value with any weight.
  for (let i = size - 1; i > 0; i--) if (weights[i]! > 0) return i;
  return 0;
}

/** A small seeded generator (mulberry32): fast, 32-bit state, good enough to sample scenarios reproducibly. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A scenario × policy table of outcomes: what each policy decides in each scenario. */
export interface DecisionMatrix {
  /** The policies' ids, in the order given: one outcome column each. */
  readonly policies: readonly string[];
  /** Every fact any scenario sets, in vocabulary order (custom facts after): the fact columns. */
  readonly facts: readonly string[];
  /** One row per scenario, in order, with each policy's outcome. */
  readonly rows: readonly {
    readonly scenario: Scenario;
    readonly outcomes: readonly Decision['outcome'][];
  }[];
}

/**
 * Evaluates every scenario under every policy: the decision matrix a researcher tabulates, one row per scenario and
 * one outcome column per policy, each cell `evaluate(compilePolicy(policy), scenario).outcome`. A custom fact one
 * policy declares and another does not is left out of the scenario for the other (it cannot matter to it). Throws
 * `InvalidScenarioError` for a value that does not fit a policy's vocabulary (check it with `parseScenario` first).
 * @example
 * const m = decisionMatrix([current, proposed], sampleScenarios([current, proposed], { count: 50 }));
 */
export function decisionMatrix(
  policies: readonly (Policy | CompiledPolicy)[],
  scenarios: readonly Scenario[],
): DecisionMatrix {
  const compiled = policies.map(compiledOf);
  const order = [...new Set(compiled.flatMap((c) => [...c.vocabulary.facts.keys()]))];
  const used = new Set(scenarios.flatMap((s) => Object.keys(s)));
  const facts = [...order.filter((f) => used.has(f)), ...[...used].filter((f) => !order.includes(f)).sort()];
  return deepFreeze({
    policies: compiled.map((c) => c.policy.id),
    facts,
    rows: scenarios.map((scenario) => ({
      scenario,
      outcomes: compiled.map((c) => evaluate(c, knownTo(c, scenario)).outcome),
    })),
  });
}

/** The scenario as a policy knows it: without the facts its vocabulary does not define (another policy's custom facts). */
export function knownTo(compiled: CompiledPolicy, scenario: Scenario): Scenario {
  const entries = Object.entries(scenario);
  return entries.every(([fact]) => compiled.vocabulary.facts.has(fact))
    ? scenario
    : (Object.fromEntries(entries.filter(([fact]) => compiled.vocabulary.facts.has(fact))) as Scenario);
}

/**
 * A decision matrix as CSV (RFC 4180): a header of the facts then one column per policy id, one line per scenario;
 * a fact the scenario leaves out is an empty field, a set fact its members joined by `;`. Lines end with CRLF.
 * @example
 * writeFileSync('matrix.csv', decisionMatrixCsv(decisionMatrix(policies, scenarios)));
 */
export function decisionMatrixCsv(matrix: DecisionMatrix): string {
  const field = (value: ScenarioValue | undefined) =>
    value === undefined ? '' : csvField(Array.isArray(value) ? value.join(';') : String(value));
  const lines = [
    [...matrix.facts, ...matrix.policies].map(csvField).join(','),
    ...matrix.rows.map((row) =>
      [
        ...matrix.facts.map((f) => field((row.scenario as Record<string, ScenarioValue | undefined>)[f])),
        ...row.outcomes.map(csvField),
      ].join(','),
    ),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
