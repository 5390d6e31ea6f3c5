import { deepFreeze } from '../model/deep-freeze.js';
import type { CompiledPolicy } from '../evaluate/compile-policy.js';
import type { Condition } from '../model/condition.js';
import { type Outcome, outcomeStrictness } from '../model/outcome.js';
import type { Policy } from '../model/policy.js';
import type { Scenario } from '../parse/scenario.js';
import type { FactValue } from '../vocabulary/fact-types.js';
import { compiledOf } from './analyze-policy.js';
import { compareThemes, type ThemeComparison } from './compare-themes.js';
import type { DecisionPiece } from './decision-partition.js';
import { describeMaskRegion } from './describe-region.js';
import {
  METRIC_FACTS,
  type MeasuredPolicy,
  type MetricsOptions,
  measurePolicy,
  metricsOf,
  type PolicyMetrics,
  type SupportEntry,
} from './policy-metrics.js';
import { regionCondition } from './region-condition.js';
import {
  createSpace,
  maskWitness,
  meet,
  mergeCubes,
  regionShare,
  type ScenarioSpace,
} from './scenario-space.js';

/** How the second policy compares with the first: by outcome strictness, region by region. */
export type Verdict = 'stricter' | 'looser' | 'same' | 'incomparable';

/** What one policy decides in a region of difference. */
export interface DifferenceSide {
  readonly outcome: Outcome;
  /** The deciding rule (under strictest, the first of the winning level), or null for the default. */
  readonly ruleId: string | null;
  readonly reason: string;
}

/** A region where the two policies give different outcomes. */
export interface OutcomeDifference {
  /** The region in words, with the vocabulary's labels. */
  readonly region: string;
  /** The region as a condition in the policy format, exact. */
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

/** A change in the support put in place for one duty action. */
export interface SupportChange {
  readonly action: string;
  readonly a: SupportEntry | null;
  readonly b: SupportEntry | null;
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
  /** Duty actions whose support differs (added, removed, or with another modality, deadline, consent or coverage). */
  readonly support: readonly SupportChange[];
  readonly commitments: { readonly added: readonly string[]; readonly removed: readonly string[] };
  /** One line per theme (`THEMES`, in order): where the second policy is stricter or looser, with an example. */
  readonly themes: readonly ThemeComparison[];
  /** How shares were measured: every value equally likely, or under the distribution given. */
  readonly weighting: 'uniform' | 'distribution';
}

/** The space both policies live in: the facts either tests, and the metric facts. */
function sharedSpace(a: CompiledPolicy, b: CompiledPolicy): ScenarioSpace {
  const facts = [...new Set([...a.factsInPlay, ...b.factsInPlay, ...METRIC_FACTS])];
  // A fact known to one policy only (a custom fact) takes its values from that policy.
  const domains = (fact: string): readonly FactValue[] =>
    a.vocabulary.facts.has(fact) ? a.domains(fact) : b.domains(fact);
  const inOrder = [...new Set([...a.vocabulary.facts.keys(), ...b.vocabulary.facts.keys()])].filter((f) =>
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
 * overall on the second policy against the first; plus both policies' metrics, and the changes in support and
 * commitments. Comparing two versions of one policy answers "what changes before this takes effect".
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
  // Frozen, like a decision: a comparison shares the policies' frozen parts.
  return deepFreeze({
    verdict: overallVerdict(differences),
    differences,
    stricterShare,
    looserShare,
    facts: [...space.facts],
    metrics: { a: metricsA, b: metricsB },
    support: supportChanges(metricsA.support, metricsB.support),
    commitments: {
      added: metricsB.commitments.filter((c) => !commitmentsA.has(c)),
      removed: metricsA.commitments.filter((c) => !commitmentsB.has(c)),
    },
    themes: compareThemes(compiledA, compiledB, { a: metricsA, b: metricsB }, options.distribution),
    weighting:
      options.distribution && Object.keys(options.distribution).length > 0 ? 'distribution' : 'uniform',
  });
}

function outcomeDifferences(space: ScenarioSpace, a: MeasuredPolicy, b: MeasuredPolicy): OutcomeDifference[] {
  const differences: OutcomeDifference[] = [];
  const knows = (compiled: CompiledPolicy, scenario: Record<string, FactValue>) =>
    Object.fromEntries(Object.entries(scenario).filter(([fact]) => compiled.vocabulary.facts.has(fact)));
  for (const pa of a.partition.pieces) {
    if (pa.cubes.length === 0) continue;
    for (const pb of b.partition.pieces) {
      if (pa.outcome === pb.outcome || pb.cubes.length === 0) continue;
      const both = meet(space, pa.cubes, pb.cubes);
      if (both.length === 0) continue;
      const region = mergeCubes(space, both);
      const witness = maskWitness(space, region[0]!);
      differences.push({
        region: describeMaskRegion(space, a.compiled.vocabulary, region),
        when: regionCondition(space, region),
        share: regionShare(space, region, a.weights),
        // A fact only one policy knows (a custom fact) cannot be given to the other: it leaves it out.
        witness: { ...knows(a.compiled, witness), ...knows(b.compiled, witness) } as Scenario,
        a: side(pa, a.compiled),
        b: side(pb, b.compiled),
        verdict: outcomeStrictness(pb.outcome) > outcomeStrictness(pa.outcome) ? 'stricter' : 'looser',
      });
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

function sameSupport(x: SupportEntry, y: SupportEntry): boolean {
  return (
    x.modality === y.modality &&
    x.deadline === y.deadline &&
    x.consentRequired === y.consentRequired &&
    x.coverage === y.coverage
  );
}

function supportChanges(a: readonly SupportEntry[], b: readonly SupportEntry[]): SupportChange[] {
  const actions = [...new Set([...a.map((e) => e.action), ...b.map((e) => e.action)])];
  return actions.flatMap((action) => {
    const x = a.find((e) => e.action === action) ?? null;
    const y = b.find((e) => e.action === action) ?? null;
    return x && y && sameSupport(x, y) ? [] : [{ action, a: x, b: y }];
  });
}
