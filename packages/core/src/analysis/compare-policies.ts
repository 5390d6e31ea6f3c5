import { deepFreeze } from '../model/deep-freeze.js';
import { type CompiledPolicy, dimensionsOf } from '../evaluate/compile-policy.js';
import type { Condition } from '../model/condition.js';
import { type Outcome, outcomeStrictness } from '../model/outcome.js';
import type { Policy } from '../model/policy.js';
import type { Scenario } from '../parse/scenario.js';
import type { FactValue, ScenarioValue } from '../vocabulary/fact-types.js';
import { compiledOf } from './analyze-policy.js';
import { compareThemes, type ThemeComparison } from './compare-themes.js';
import type { DecisionPiece } from './decision-partition.js';
import { defaultWeights } from '../vocabulary/default-weights.js';
import { describeRegion } from './describe-region.js';
import { spaceWeights } from './fact-distribution.js';
import {
  METRIC_FACTS,
  type MeasuredPolicy,
  type MetricsOptions,
  measurePolicy,
  metricsOf,
  type PolicyMetrics,
} from './policy-metrics.js';
import {
  type CommitmentChange,
  compareCommitments,
  compareSupport,
  type SupportChange,
  type SupportVerdict,
  verdictOf,
} from './compare-support.js';
import { regionCondition } from './region-condition.js';
import {
  createSpace,
  disjoint,
  type MaskCube,
  maskWitness,
  intersectMasks,
  mergeCubes,
  regionShare,
  type ScenarioSpace,
  subtractMasks,
} from '../region/region.js';

/** How the second policy compares with the first: by outcome strictness, region by region. */
export type Verdict = 'stricter' | 'looser' | 'same' | 'incomparable';

/** What one policy decides in a region of difference. */
export interface DifferenceSide {
  readonly outcome: Outcome;
  /** The deciding rule (under strictest, the first of the winning level), or null for the default. */
  readonly ruleId: string | null;
  readonly reason: string;
}

/**
 * A region where the two policies give different outcomes. A region too long to say in one description (at most 40
 * words) comes as several differences, one per description, with the same outcomes and rules.
 */
export interface OutcomeDifference {
  /** The region in words, with the vocabulary's labels: at most 40 words. */
  readonly region: string;
  /**
   * The region as a condition in the policy format, exact. The differences of one region together cover it, without
   * overlapping; the words of each may also name scenarios an earlier one has (with the same two outcomes).
   */
  readonly when: Condition;
  /** Its share of the compared scenario space (uniform, or weighted by the distribution given). */
  readonly share: number;
  /** A complete scenario in the region: `evaluate` gives `a.outcome` under the first policy, `b.outcome` under the second. */
  readonly witness: Scenario;
  readonly a: DifferenceSide;
  readonly b: DifferenceSide;
  /** Whether the second policy is stricter or looser here. */
  readonly verdict: 'stricter' | 'looser';
}

/** Everything that differs between two policies, for a researcher or for "what changes before this takes effect". */
export interface PolicyComparison {
  /** The overall verdict on the second policy against the first. */
  readonly verdict: Verdict;
  /** Every region where the outcomes differ, in the first policy's rule order. */
  readonly differences: readonly OutcomeDifference[];
  /** The share of the space where the second policy is stricter. */
  readonly stricterShare: number;
  /** The share of the space where the second policy is looser. */
  readonly looserShare: number;
  /** The facts the compared space ranges over. */
  readonly facts: readonly string[];
  readonly metrics: { readonly a: PolicyMetrics; readonly b: PolicyMetrics };
  /**
   * Duty actions whose support differs (added, removed, or with another holder, modality, deadline, consent or
   * coverage), each with what changed and whether it is weaker or stronger support.
   */
  readonly support: readonly SupportChange[];
  /** The second policy's support for targeted staff against the first's, over every duty action. */
  readonly supportVerdict: SupportVerdict;
  readonly commitments: { readonly added: readonly string[]; readonly removed: readonly string[] };
  /** The commitments added, removed or reversed, each with whether staff are better or worse protected. */
  readonly commitmentChanges: readonly CommitmentChange[];
  /** The second policy's commitments against the first's, by polarity. */
  readonly commitmentVerdict: SupportVerdict;
  /** One line per theme (`THEMES`, in order): where the second policy is stricter or looser, with an example. */
  readonly themes: readonly ThemeComparison[];
  /** How shares were measured: every value equally likely, or under the distribution given. */
  readonly weighting: 'uniform' | 'distribution';
}

/** The space both policies live in: the facts either tests, and the metric facts. */
function sharedSpace(a: CompiledPolicy, b: CompiledPolicy): ScenarioSpace {
  const facts = [...new Set([...a.factsInPlay, ...b.factsInPlay, ...METRIC_FACTS])];
  // A fact known to one policy only (a custom fact) takes its values from that policy.
  const domains = (fact: string): readonly FactValue[] => {
    const own = a.domains(fact);
    return own.length > 0 ? own : b.domains(fact);
  };
  // In vocabulary order, a set fact's membership dimensions where the set fact stands.
  const inOrder = [...new Set([...dimensionsOf(a.vocabulary), ...dimensionsOf(b.vocabulary)])].filter((f) =>
    facts.includes(f),
  );
  return createSpace(inOrder, domains);
}

function side(piece: DecisionPiece, compiled: CompiledPolicy): DifferenceSide {
  return {
    outcome: piece.outcome,
    ruleId: piece.rule ? piece.rule.rule.id : null,
    reason: piece.rule ? piece.rule.rule.reason : compiled.policy.default.reason,
  };
}

/**
 * Compares two policies exactly over the standard vocabulary (and any custom facts they test): every region where
 * their outcomes differ, with a witness scenario, both outcomes and both reasons, and a verdict per region and
 * overall on the second policy against the first; plus both policies' metrics, support compared by action, holder,
 * modality, deadline and consent (`supportVerdict`), and commitments compared by polarity (`commitmentVerdict`). Comparing two versions of one policy answers "what changes before this takes effect".
 * @example
 * const diff = comparePolicies(current, proposed);
 * diff.verdict; // 'looser'
 * for (const d of diff.differences) console.log(d.region, d.a.outcome, '→', d.b.outcome);
 */
export function comparePolicies(
  a: Policy | CompiledPolicy,
  b: Policy | CompiledPolicy,
  options: MetricsOptions = {},
): PolicyComparison {
  const compiledA = compiledOf(a);
  const compiledB = compiledOf(b);
  const space = sharedSpace(compiledA, compiledB);
  const measuredA = measurePolicy(compiledA, space, options.distribution);
  const measuredB = measurePolicy(compiledB, space, options.distribution);
  const differences = outcomeDifferences(space, measuredA, measuredB);
  const stricterShare = sumShares(differences, 'stricter');
  const looserShare = sumShares(differences, 'looser');
  const metricsA = metricsOf(measuredA);
  const metricsB = metricsOf(measuredB);
  const commitmentsA = new Set(metricsA.commitments);
  const commitmentsB = new Set(metricsB.commitments);
  const roleLabel = (id: string) => {
    const entry =
      compiledB.vocabulary.catalogues.roles.get(id) ?? compiledA.vocabulary.catalogues.roles.get(id);
    return entry ? entry.phrase : id;
  };
  const support = compareSupport(metricsA.support, metricsB.support, roleLabel);
  const commitmentChanges = compareCommitments(
    metricsA.commitments,
    metricsB.commitments,
    compiledB.vocabulary,
  );
  // Frozen, like a decision: a comparison shares the policies' frozen parts.
  return deepFreeze({
    verdict: overallVerdict(differences),
    differences,
    stricterShare,
    looserShare,
    facts: [...space.facts],
    metrics: { a: metricsA, b: metricsB },
    support,
    supportVerdict: verdictOf(support.flatMap((c) => c.changes.map((x) => x.direction))),
    commitments: {
      added: metricsB.commitments.filter((c) => !commitmentsA.has(c)),
      removed: metricsA.commitments.filter((c) => !commitmentsB.has(c)),
    },
    commitmentChanges,
    commitmentVerdict: verdictOf(commitmentChanges.map((c) => c.direction)),
    themes: compareThemes(compiledA, compiledB, { a: metricsA, b: metricsB }, options.distribution),
    weighting:
      options.distribution && Object.keys(options.distribution).length > 0 ? 'distribution' : 'uniform',
  });
}

function outcomeDifferences(space: ScenarioSpace, a: MeasuredPolicy, b: MeasuredPolicy): OutcomeDifference[] {
  const differences: OutcomeDifference[] = [];
  // Which clauses of a long description matter most is judged under the weights given, else the default ones.
  const clauseWeights = a.weights ?? spaceWeights(space, defaultWeights);
  const knows = (compiled: CompiledPolicy, scenario: Record<string, ScenarioValue>) =>
    Object.fromEntries(Object.entries(scenario).filter(([fact]) => compiled.vocabulary.facts.has(fact)));
  for (const pa of a.partition.pieces) {
    if (pa.cubes.length === 0) continue;
    for (const pb of b.partition.pieces) {
      if (pa.outcome === pb.outcome || pb.cubes.length === 0) continue;
      const both = intersectMasks(pa.cubes, pb.cubes, space);
      if (both.length === 0) continue;
      // Descriptions of one region may overlap (prime implicants do). Each difference keeps, as its exact `when`,
      // what the earlier descriptions have not said, so the differences stay disjoint and their shares add up; its
      // words may also cover scenarios said before, which have the same two outcomes.
      const said: MaskCube[] = [];
      for (const description of describeRegion(space, a.compiled.vocabulary, both, clauseWeights)) {
        const fresh = mergeCubes(subtractMasks(disjoint(description.cubes, space), said, space), space);
        said.push(...description.cubes);
        if (fresh.length === 0) continue;
        const witness = maskWitness(fresh[0]!, space);
        differences.push({
          region: description.text,
          when: regionCondition(space, fresh),
          share: regionShare(fresh, space, a.weights),
          // A fact only one policy knows (a custom fact) cannot be given to the other: it leaves it out.
          witness: { ...knows(a.compiled, witness), ...knows(b.compiled, witness) } as Scenario,
          a: side(pa, a.compiled),
          b: side(pb, b.compiled),
          verdict: outcomeStrictness(pb.outcome) > outcomeStrictness(pa.outcome) ? 'stricter' : 'looser',
        });
      }
    }
  }
  return differences;
}

function sumShares(differences: readonly OutcomeDifference[], verdict: 'stricter' | 'looser'): number {
  return differences.filter((d) => d.verdict === verdict).reduce((sum, d) => sum + d.share, 0);
}

function overallVerdict(differences: readonly OutcomeDifference[]): Verdict {
  const kinds = new Set(differences.map((d) => d.verdict));
  if (kinds.size === 0) return 'same';
  if (kinds.size === 2) return 'incomparable';
  return kinds.has('stricter') ? 'stricter' : 'looser';
}
