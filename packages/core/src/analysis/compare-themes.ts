import { type CompiledPolicy, dimensionsOf } from '../evaluate/compile-policy.js';
import type { Condition } from '../model/condition.js';
import { nodeFacts, toConditionNode } from '../model/condition-node.js';
import { type Outcome, outcomeStrictness } from '../model/outcome.js';
import type { Scenario } from '../parse/scenario.js';
import { conditionRegion } from '../region/region.js';
import type { FactValue } from '../vocabulary/fact-types.js';
import { catalogueCoding, THEME_REGIONS, THEMES, type Theme } from '../vocabulary/themes.js';
import { decisionPartition } from './decision-partition.js';
import {
  checkDistribution,
  type FactDistribution,
  InvalidDistributionError,
  spaceWeights,
} from './fact-distribution.js';
import type { PolicyMetrics } from './policy-metrics.js';
import { regionCondition } from './region-condition.js';
import {
  cubeShare,
  createSpace,
  type MaskCube,
  type MaskRegion,
  toMasks,
  maskWitness,
  intersectMasks,
  pointCube,
  regionShare,
  type ScenarioSpace,
  type SpaceWeights,
  subtractMasks,
  toCube,
  valuesOf,
} from '../region/region.js';

/** How the second policy compares with the first on one theme. */
export type ThemeVerdict = 'stricter' | 'looser' | 'same' | 'mixed';

/**
 * Of the situations where two policies decide differently, the part one direction must cover for a mixed verdict to
 * be said to lean that way ("mixed, mostly looser"): four in five.
 */
export const MOSTLY = 0.8;

/**
 * Which way a mixed comparison mostly goes: `stricter` or `looser` when that direction covers at least `MOSTLY` of
 * the situations where the decisions differ, else null (evenly split, or no decision differs at all). A union rep
 * can then quote "mixed, mostly looser (98.9% looser, 1% stricter)" rather than a bare "mixed".
 * @example
 * leaningOf(0.01, 0.989); // 'looser'
 */
export function leaningOf(stricterShare: number, looserShare: number): 'stricter' | 'looser' | null {
  const differing = stricterShare + looserShare;
  if (differing <= 0) return null;
  if (looserShare >= MOSTLY * differing) return 'looser';
  if (stricterShare >= MOSTLY * differing) return 'stricter';
  return null;
}

/** One situation of a theme where the two policies differ, the most likely one under the weights. */
export interface ThemeExample {
  /** The facts that matter, as a condition (each fact `is` one value), for describing in words. */
  readonly when: Condition;
  /** The complete scenario: `evaluate` gives `a` under the first policy and `b` under the second. */
  readonly scenario: Scenario;
  readonly a: Outcome;
  readonly b: Outcome;
}

/** The two policies compared on one theme: the line a comparison opens with. */
export interface ThemeComparison {
  readonly theme: Theme;
  /** Stricter or looser when every difference in the theme goes one way (or a commitment change does), mixed when both. */
  readonly verdict: ThemeVerdict;
  /**
   * For a mixed theme, the direction its differing decisions mostly take (`leaningOf`), or null when they split
   * evenly or only commitments make it mixed; null for any other verdict.
   */
  readonly leaning: 'stricter' | 'looser' | null;
  /** The theme's share of the whole scenario space. */
  readonly themeShare: number;
  /** Of the theme, the share where the second policy is stricter. */
  readonly stricterShare: number;
  /** Of the theme, the share where the second policy is looser. */
  readonly looserShare: number;
  /** Of the theme, the share each policy governs at all (any outcome but out-of-scope); null when it weighs nothing. */
  readonly governed: { readonly a: number | null; readonly b: number | null };
  /** A situation where they differ (the most likely), or null when they agree throughout the theme. */
  readonly example: ThemeExample | null;
  /** Commitments of this theme the second policy adds or drops. */
  readonly commitments: { readonly added: readonly string[]; readonly removed: readonly string[] };
  /** Duty actions of this theme (support for staff who are targeted) the second policy adds or drops. */
  readonly dutyActions: { readonly added: readonly string[]; readonly removed: readonly string[] };
}

const inTheme = (catalogue: 'commitments' | 'dutyActions', theme: Theme) => (id: string) =>
  catalogueCoding(catalogue, id)?.themes.includes(theme) ?? false;

/**
 * Compares two policies theme by theme (`THEMES`), in a space holding both policies' facts and every fact the theme
 * regions test: per theme, where the second policy is stricter or looser and on what share of the theme, the share
 * each governs, the most likely situation where they differ, and the commitments and duty actions of the theme it
 * adds or drops. A restricting commitment added, or a protecting one dropped, makes the theme stricter; the
 * reverse makes it looser. Dropped duty actions are listed, not judged: `comparePolicies` compares support.
 */
export function compareThemes(
  a: CompiledPolicy,
  b: CompiledPolicy,
  metrics: { readonly a: PolicyMetrics; readonly b: PolicyMetrics },
  distribution: FactDistribution | undefined,
): ThemeComparison[] {
  for (const compiled of [a, b])
    if (distribution) {
      const issues = checkDistribution(distribution, compiled.vocabulary);
      if (issues.length > 0) throw new InvalidDistributionError(issues);
    }
  const space = themeSpace(a, b);
  const weights = spaceWeights(space, distribution);
  const pa = decisionPartition(a, space);
  const pb = decisionPartition(b, space);
  const share = (region: MaskRegion) => regionShare(region, space, weights);
  const polarity = (id: string) =>
    (a.vocabulary.catalogues.commitments.get(id) ?? b.vocabulary.catalogues.commitments.get(id))?.polarity;
  return THEMES.map((theme): ThemeComparison => {
    const region = toMasks(conditionRegion(THEME_REGIONS[theme], a.domains), space);
    const themeShare = share(region);
    let stricter = 0;
    let looser = 0;
    let best: { cube: MaskCube; share: number; a: Outcome; b: Outcome; inside: MaskRegion[] } | undefined;
    for (const x of pa.pieces)
      for (const y of pb.pieces) {
        if (x.outcome === y.outcome) continue;
        for (const cube of intersectMasks(intersectMasks(x.cubes, y.cubes, space), region, space)) {
          const s = cubeShare(cube, space, weights);
          if (outcomeStrictness(y.outcome) > outcomeStrictness(x.outcome)) stricter += s;
          else looser += s;
          if (!best || s > best.share)
            best = { cube, share: s, a: x.outcome, b: y.outcome, inside: [x.cubes, y.cubes, region] };
        }
      }
    const governed = (partition: typeof pa) =>
      themeShare === 0
        ? null
        : share(
            partition.pieces
              .filter((p) => p.outcome !== 'out-of-scope')
              .flatMap((p) => intersectMasks(p.cubes, region, space)),
          ) / themeShare;
    const added = metrics.b.commitments
      .filter((c) => !metrics.a.commitments.includes(c))
      .filter(inTheme('commitments', theme));
    const removed = metrics.a.commitments
      .filter((c) => !metrics.b.commitments.includes(c))
      .filter(inTheme('commitments', theme));
    const actionsA = metrics.a.support.map((s) => s.action);
    const actionsB = metrics.b.support.map((s) => s.action);
    const tighter =
      stricter > 0 ||
      added.some((c) => polarity(c) === 'restricts') ||
      removed.some((c) => polarity(c) === 'protects');
    const freer =
      looser > 0 ||
      added.some((c) => polarity(c) === 'protects') ||
      removed.some((c) => polarity(c) === 'restricts');
    const verdict: ThemeVerdict =
      tighter && freer ? 'mixed' : tighter ? 'stricter' : freer ? 'looser' : 'same';
    return {
      theme,
      verdict,
      leaning: verdict === 'mixed' ? leaningOf(stricter, looser) : null,
      themeShare,
      stricterShare: themeShare === 0 ? 0 : stricter / themeShare,
      looserShare: themeShare === 0 ? 0 : looser / themeShare,
      governed: { a: governed(pa), b: governed(pb) },
      example: best ? example(space, best, weights, a, b) : null,
      commitments: { added, removed },
      dutyActions: {
        added: actionsB.filter((x) => !actionsA.includes(x)).filter(inTheme('dutyActions', theme)),
        removed: actionsA.filter((x) => !actionsB.includes(x)).filter(inTheme('dutyActions', theme)),
      },
    };
  });
}

/** Both policies' facts and every fact a theme region tests, in vocabulary order. */
function themeSpace(a: CompiledPolicy, b: CompiledPolicy): ScenarioSpace {
  const themeFacts = THEMES.flatMap((t) => [...nodeFacts(toConditionNode(THEME_REGIONS[t]))]);
  const facts = new Set([...a.factsInPlay, ...b.factsInPlay, ...themeFacts]);
  // As comparePolicies' space: a fact known to one policy only takes its values from that policy, and a set fact
  // stands as its membership dimensions, in vocabulary order.
  const domains = (fact: string): readonly FactValue[] => {
    const own = a.domains(fact);
    return own.length > 0 ? own : b.domains(fact);
  };
  const inOrder = [...new Set([...dimensionsOf(a.vocabulary), ...dimensionsOf(b.vocabulary)])].filter((f) =>
    facts.has(f),
  );
  return createSpace(inOrder, domains);
}

/**
 * The most likely scenario of a cube (each fact at its likeliest allowed value), and the fewest facts that settle
 * it: starting from the facts the cube fixes, a fact is dropped (commonest value first) while every scenario that
 * agrees on the rest still gets the same two outcomes and stays in the theme. So the example names what matters.
 */
function example(
  space: ScenarioSpace,
  found: { cube: MaskCube; a: Outcome; b: Outcome; inside: readonly MaskRegion[] },
  weights: SpaceWeights,
  a: CompiledPolicy,
  b: CompiledPolicy,
): ThemeExample {
  const scenario: Record<string, FactValue> = {};
  const weightOf = (f: number, v: FactValue) => (weights ? weights[f]![space.domains[f]!.indexOf(v)]! : 1);
  space.facts.forEach((fact, f) => {
    const allowed = valuesOf(found.cube, f, space);
    scenario[fact] = allowed.reduce((x, y) => (weightOf(f, y) > weightOf(f, x) ? y : x));
  });
  const fixedFacts = [...toCube(found.cube, space).keys()].map((fact) => space.index.get(fact)!);
  // The scenario's values of some facts (by position), the others left free.
  const only = (facts: readonly number[]) =>
    Object.fromEntries(facts.map((f) => [space.facts[f]!, scenario[space.facts[f]!]]));
  const settles = (facts: readonly number[]) => {
    const cube = pointCube(only(facts), space)!;
    return found.inside.every((region) => subtractMasks([cube], region, space).length === 0);
  };
  let kept = [...fixedFacts];
  const commonestFirst = [...fixedFacts].sort(
    (x, y) => weightOf(y, scenario[space.facts[y]!]!) - weightOf(x, scenario[space.facts[x]!]!),
  );
  for (const f of commonestFirst) {
    const without = kept.filter((k) => k !== f);
    if (settles(without)) kept = without;
  }
  kept.sort((x, y) => x - y);
  const known = (fact: string) => a.vocabulary.facts.has(fact) || b.vocabulary.facts.has(fact);
  // The example as one cube (each kept fact at its value), so that a set fact's membership dimensions read back as
  // `includes` tests, and the scenario as the whole cube's likeliest point with sets as arrays.
  const point = pointCube(scenario, space)!;
  const keptCube = pointCube(only(kept), space)!;
  const when = regionCondition(space, [keptCube]);
  return {
    when,
    scenario: Object.fromEntries(
      Object.entries(maskWitness(point, space)).filter(([fact]) => known(fact)),
    ) as Scenario,
    a: found.a,
    b: found.b,
  };
}
