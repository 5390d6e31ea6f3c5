import { factOfDimension } from '../model/condition-node.js';
import { type MaskCube, type MaskRegion, maskFacts, type ScenarioSpace } from '../region/region.js';
import type { Scenario } from '../parse/scenario.js';
import type { FactValue } from '../vocabulary/fact-types.js';

/**
 * The most states (partial answers over the facts a goal depends on) a plan may hold: each costs 14 bytes and about
 * 0.1 µs to solve, so the largest plan takes about 28 MB and 0.2 s once. The largest example goal (`both` on the
 * flagship) needs 0.7 million; outcome goals of the examples need at most 0.23 million.
 */
export const PLAN_STATE_BUDGET = 1 << 21;

/**
 * An exact model of what a questionnaire must settle, built once per policy and goal, and the optimal question for
 * every partial answer. Values of a fact that no rule or duty tells apart are merged into one class (asking the
 * fact still costs one question; the class weighs as many values as it holds), which keeps the state space small:
 * a state fixes each fact to a class or leaves it unknown.
 */
export interface QuestionPlan {
  /**
   * The facts the goal's partitions constrain, in vocabulary order: a set fact once, by its name, since a question
   * asks it whole (its membership dimensions are one question).
   */
  readonly facts: readonly string[];
  /** The state of a scenario, or `undefined` when it gives a fact a value outside the fact's domain. */
  stateOf(scenario: Scenario): number | undefined;
  /** Whether the goal is settled in a state: every scenario it allows has the same result. */
  isSettled(state: number): boolean;
  /** The unknown facts whose answer can change the result, as indexes into `facts` (ascending). */
  relevant(state: number): number[];
  /** The fact (an index into `facts`) that minimises the expected number of questions left; -1 when settled. */
  bestQuestion(state: number): number;
  /** The least expected number of questions still to ask, every complete scenario counting once. */
  expectedQuestions(state: number): number;
}

/** Two expectations closer than this are a tie (they are sums of the same fractions in different orders). */
const TIE = 1e-9;

/**
 * Builds the plan for partitions of the whole space (each a list of disjoint regions covering it), or `undefined`
 * when its state space exceeds `budget` (the caller falls back to a greedy choice).
 */
export function buildQuestionPlan(
  partitions: readonly (readonly MaskRegion[])[],
  space: ScenarioSpace,
  budget: number = PLAN_STATE_BUDGET,
): QuestionPlan | undefined {
  const cubes = partitions.flatMap((p) => p.flat());
  // The space's facts are in vocabulary order, so the plan's are too.
  const positions = maskFacts(cubes, space);
  const dimensions = positions.map((f) => space.facts[f]!);
  const classes = positions.map((f) => valueClasses(f, cubes, space));
  const dimensionWidth = classes.map((c) => c.length);
  let cells = 1;
  const dimensionStride: number[] = [];
  for (const w of dimensionWidth) {
    dimensionStride.push(cells);
    cells *= w;
  }
  // A question asks a fact whole: a set fact's membership dimensions (next to each other, in vocabulary order) are
  // one question whose answers are every combination of their classes. Its digit is theirs read as one mixed-radix
  // number (the first dimension fastest), so a cell of the result table is the same number either way.
  const groups: { fact: string; dimensions: number[] }[] = [];
  dimensions.forEach((dimension, d) => {
    const fact = factOfDimension(dimension);
    const last = groups.at(-1);
    if (last && last.fact === fact && fact !== dimension) last.dimensions.push(d);
    else groups.push({ fact, dimensions: [d] });
  });
  const facts = groups.map((g) => g.fact);
  const n = facts.length;
  const width = groups.map((g) => g.dimensions.reduce((w, d) => w * dimensionWidth[d]!, 1));
  let states = 1;
  for (const w of width) {
    states *= w + 1;
    if (states > budget) return undefined;
  }
  // A state is a mixed-radix number: digit i is fact i's answer class, or width[i] when the fact is unknown.
  const stride: number[] = [];
  for (let i = 0, s = 1; i < n; s *= width[i]! + 1, i++) stride.push(s);
  const cellStride = groups.map((g) => dimensionStride[g.dimensions[0]!]!);
  const classOf = classes.map((c) => new Map(c.flatMap((values, k) => values.map((v) => [v, k] as const))));
  const dimensionWeights = classes.map((c, i) =>
    c.map((values) => values.length / space.domains[positions[i]!]!.length),
  );
  // An answer's weight: the product of its dimensions' class weights (dimensions are independent).
  const weights = groups.map((g, i) =>
    Array.from({ length: width[i]! }, (_, k) => {
      let weight = 1;
      let rest = k;
      for (const d of g.dimensions) {
        weight *= dimensionWeights[d]![rest % dimensionWidth[d]!]!;
        rest = Math.floor(rest / dimensionWidth[d]!);
      }
      return weight;
    }),
  );
  const table = resultTable(positions, classes, dimensionStride, cells, partitions, space);

  const digit = (state: number, i: number) => Math.floor(state / stride[i]!) % (width[i]! + 1);
  const child = (state: number, i: number, k: number) => state - (width[i]! - k) * stride[i]!;
  const { settled, cost, best } = solveAll(width, stride, cellStride, weights, table, states);
  const resultIn = (state: number) => settled[state]!;

  const relevant = (state: number): number[] => {
    const out: number[] = [];
    if (resultIn(state) >= 0) return out;
    for (let i = 0; i < n; i++) if (digit(state, i) === width[i] && dependsOn(state, i)) out.push(i);
    return out;
  };
  // A fact matters when fixing the other unknown facts somehow leaves results that differ across its classes.
  const dependsOn = (state: number, fact: number): boolean => {
    const slices = Array.from({ length: width[fact]! }, (_, k) => child(state, fact, k));
    const differ = (of: number[]): boolean => {
      const results = of.map(resultIn);
      if (results.every((r) => r >= 0)) return results.some((r) => r !== results[0]);
      const next = facts.findIndex((_, i) => i !== fact && digit(of[0]!, i) === width[i]);
      return Array.from({ length: width[next]! }, (_, k) => k).some((k) =>
        differ(of.map((s) => child(s, next, k))),
      );
    };
    return differ(slices);
  };

  return {
    facts,
    stateOf(scenario) {
      const known = scenario as Record<string, FactValue | undefined>;
      let state = 0;
      for (let i = 0; i < n; i++) {
        // A set is given whole, so its dimensions are known together; one unknown leaves the question open.
        let k = 0;
        let unknown = false;
        let radix = 1;
        for (const d of groups[i]!.dimensions) {
          const value = known[dimensions[d]!];
          if (value === undefined) {
            unknown = true;
            continue;
          }
          const c = classOf[d]!.get(value);
          if (c === undefined) return undefined;
          k += c * radix;
          radix *= dimensionWidth[d]!;
        }
        state += (unknown ? width[i]! : k) * stride[i]!;
      }
      return state;
    },
    isSettled: (state) => resultIn(state) >= 0,
    relevant,
    bestQuestion: (state) => best[state]!,
    expectedQuestions: (state) => cost[state]!,
  };
}

/**
 * Every state's result (-1 when unsettled), least expected number of questions left, and best question (-1 when
 * settled), bottom up: a state's answers differ from it in one digit made smaller, so they come first in numeric
 * order and one pass over the states, with no recursion, settles them all.
 */
function solveAll(
  widths: readonly number[],
  strides: readonly number[],
  cellStrides: readonly number[],
  weights: readonly (readonly number[])[],
  table: Int32Array,
  states: number,
): { settled: Int32Array; cost: Float64Array; best: Int16Array } {
  const n = widths.length;
  // Flat typed arrays keep the hot loop monomorphic.
  const width = Int32Array.from(widths);
  const stride = Float64Array.from(strides);
  const cellStride = Float64Array.from(cellStrides);
  const weightAt = Int32Array.from(widths.map((_, i) => widths.slice(0, i).reduce((a, b) => a + b, 0)));
  const weight = Float64Array.from(weights.flat());
  const settled = new Int32Array(states);
  const cost = new Float64Array(states);
  const best = new Int16Array(states);
  const digits = new Int32Array(n);
  for (let state = 0; state < states; state++) {
    // The first unknown fact decides settledness: the state is settled when all its answers share one result.
    let free = -1;
    let cell = 0;
    for (let i = 0; i < n; i++) {
      if (digits[i] === width[i]) {
        free = i;
        break;
      }
      cell += digits[i]! * cellStride[i]!;
    }
    let result: number;
    if (free < 0) result = table[cell]!;
    else {
      const base = state - width[free]! * stride[free]!;
      result = settled[base]!;
      for (let k = 1; result >= 0 && k < width[free]!; k++)
        if (settled[base + k * stride[free]!] !== result) result = -1;
    }
    settled[state] = result;
    let bestCost = 0;
    let bestFact = -1;
    if (result < 0) {
      bestCost = Number.POSITIVE_INFINITY;
      for (let i = free; i < n; i++) {
        const w = width[i]!;
        if (digits[i] !== w) continue;
        const s = stride[i]!;
        const base = state - w * s;
        const at = weightAt[i]!;
        let expected = 1;
        for (let k = 0; k < w && expected < bestCost; k++) expected += weight[at + k]! * cost[base + k * s]!;
        // Ties go to the earlier fact, so the questionnaire follows vocabulary order when nothing else decides.
        if (expected < bestCost - TIE) {
          bestCost = expected;
          bestFact = i;
        }
      }
    }
    cost[state] = bestCost;
    best[state] = bestFact;
    // Next state: add one to the mixed-radix digits.
    for (let i = 0; i < n; i++) {
      if (digits[i]! < width[i]!) {
        digits[i]!++;
        break;
      }
      digits[i] = 0;
    }
  }
  return { settled, cost, best };
}

/**
 * A fact's values (by position in its domain) grouped by the cubes that allow them: values in the same class are
 * allowed by exactly the same cubes, so no rule or duty can tell them apart. Classes keep the domain's order.
 */
function valueClasses(f: number, cubes: readonly MaskCube[], space: ScenarioSpace): FactValue[][] {
  const domain = space.domains[f]!;
  const offset = space.offsets[f]!;
  const signature = domain.map(() => '');
  cubes.forEach((cube, c) => {
    for (let v = 0; v < domain.length; v++)
      if (((cube[offset + (v >>> 5)]! >>> (v & 31)) & 1) === 1) signature[v] += `${c},`;
  });
  const bySignature = new Map<string, FactValue[]>();
  domain.forEach((value, v) => {
    const key = signature[v]!;
    const group = bySignature.get(key);
    if (group) group.push(value);
    else bySignature.set(key, [value]);
  });
  return [...bySignature.values()];
}

/**
 * The result of every complete assignment of classes, as a small number: scenarios share a number exactly when
 * they fall in the same region of every partition. Regions within a partition are disjoint, so painting each
 * region's cubes in turn is exact.
 */
function resultTable(
  positions: readonly number[],
  classes: readonly FactValue[][][],
  cellStride: readonly number[],
  cells: number,
  partitions: readonly (readonly MaskRegion[])[],
  space: ScenarioSpace,
): Int32Array {
  const table = new Int32Array(cells);
  const part = new Int32Array(cells);
  // Each class by the position of its first value: classes respect every cube, so one value decides for the class.
  const firsts = classes.map((c, i) => c.map((values) => space.domains[positions[i]!]!.indexOf(values[0]!)));
  for (const partition of partitions) {
    part.fill(0);
    partition.forEach((region, r) => {
      for (const cube of region) {
        const allowed = positions.map((f, i) => {
          const offset = space.offsets[f]!;
          const out: number[] = [];
          firsts[i]!.forEach((v, k) => {
            if (((cube[offset + (v >>> 5)]! >>> (v & 31)) & 1) === 1) out.push(k);
          });
          return out;
        });
        const paint = (i: number, cell: number) => {
          if (i === positions.length) part[cell] = r;
          else for (const k of allowed[i]!) paint(i + 1, cell + k * cellStride[i]!);
        };
        paint(0, 0);
      }
    });
    // Renumber the pairs (results so far, this region) densely, so the numbers stay small however many duties.
    const ids = new Map<number, number>();
    const regions = Math.max(partition.length, 1);
    for (let cell = 0; cell < cells; cell++) {
      const pair = table[cell]! * regions + part[cell]!;
      const id = ids.get(pair) ?? ids.size;
      ids.set(pair, id);
      table[cell] = id;
    }
  }
  return table;
}
