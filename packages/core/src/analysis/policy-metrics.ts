import { deepFreeze } from '../model/deep-freeze.js';
import { type CompiledPolicy, engineOf } from '../evaluate/compile-policy.js';
import type { Condition } from '../model/condition.js';
import { dueAt } from '../deadline/duration.js';
import { OUTCOMES, type Outcome } from '../model/outcome.js';
import type { Duty, Policy } from '../model/policy.js';
import { conditionRegion } from '../region/region.js';
import { compiledOf } from './analyze-policy.js';
import { type DecisionPartition, decisionPartition } from './decision-partition.js';
import {
  checkDistribution,
  type FactDistribution,
  InvalidDistributionError,
  spaceWeights,
} from './fact-distribution.js';
import {
  createSpace,
  disjoint,
  type MaskRegion,
  toMasks,
  intersectMasks,
  regionShare,
  type ScenarioSpace,
  type SpaceWeights,
} from '../region/region.js';

/** Private life: own-time use of a personal or pseudonymous account. */
export const PRIVATE_LIFE: Condition = {
  all: [
    { fact: 'account.kind', in: ['personal', 'pseudonymous'] },
    { fact: 'context.time', is: 'own-time' },
  ],
};

/** A work-related incident: something is happening to the person, because of their work. */
export const WORK_RELATED_INCIDENT: Condition = {
  all: [
    { fact: 'incident.kind', isNot: 'none' },
    { fact: 'incident.workRelated', is: true },
  ],
};

/** The facts the metrics need whatever the policy tests. */
export const METRIC_FACTS: readonly string[] = [
  'account.kind',
  'context.time',
  'incident.kind',
  'incident.workRelated',
];

/** Options for `policyMetrics` and `comparePolicies`. */
export interface MetricsOptions {
  /** How likely each fact value is; by default every value of every fact is equally likely. */
  readonly distribution?: FactDistribution | undefined;
}

/** Support a policy puts in place for a work-related incident, for one duty action of the catalogue. */
export interface SupportEntry {
  /** The duty action's id in the catalogue. */
  readonly action: string;
  readonly label: string;
  /** Who holds the duties with this action (role ids), in policy order without repeats. */
  readonly holders: readonly string[];
  /** The most binding modality among the duties with this action. */
  readonly modality: Duty['modality'];
  /** The shortest deadline among them (ISO 8601), when any sets one. */
  readonly deadline?: string;
  /** Whether every duty with this action waits for the person's consent. */
  readonly consentRequired: boolean;
  /** The share of work-related incidents it applies to (1 = every one); null when those weigh nothing. */
  readonly coverage: number | null;
  /** The duties with this action, in policy order. */
  readonly dutyIds: readonly string[];
}

/** What a researcher tabulates about a policy. */
export interface PolicyMetrics {
  readonly policyId: string;
  readonly title: string;
  readonly organisation: string;
  readonly version: string;
  readonly resolution: Policy['resolution'];
  readonly ruleCount: number;
  readonly dutyCount: number;
  /** The share of the scenario space that gets each outcome (they sum to 1). */
  readonly outcomeShares: Readonly<Record<Outcome, number>>;
  /** The share of the scenario space no rule covers, decided by the default. */
  readonly defaultShare: number;
  /**
   * Of own-time scenarios on personal or pseudonymous accounts, the share the policy governs at all (any outcome
   * but out-of-scope); null when those scenarios weigh nothing under the distribution.
   */
  readonly privateLifeReach: number | null;
  /** Support for work-related incidents, one entry per duty action present, in catalogue order. */
  readonly support: readonly SupportEntry[];
  /** The commitments the policy makes (catalogue ids), in policy order. */
  readonly commitments: readonly string[];
}

/** What a policy's metrics are measured on; shared with `comparePolicies` so both sides are measured alike. */
export interface MeasuredPolicy {
  readonly compiled: CompiledPolicy;
  readonly partition: DecisionPartition;
  readonly weights: SpaceWeights;
}

/** Measures a policy in a space (which must include the policy's facts and the metric facts). */
export function measurePolicy(
  compiled: CompiledPolicy,
  space: ScenarioSpace,
  distribution: FactDistribution | undefined,
): MeasuredPolicy {
  if (distribution) {
    const issues = checkDistribution(distribution, compiled.vocabulary);
    if (issues.length > 0) throw new InvalidDistributionError(issues);
  }
  return {
    compiled,
    partition: decisionPartition(compiled, space),
    weights: spaceWeights(space, distribution),
  };
}

/** The space a policy's metrics live in: the facts it tests and the metric facts. */
export function metricsSpace(compiled: CompiledPolicy): ScenarioSpace {
  const facts = [...compiled.factsInPlay, ...METRIC_FACTS.filter((f) => !compiled.factsInPlay.includes(f))];
  return createSpace(facts, compiled.domains);
}

const MODALITY_RANK: Record<Duty['modality'], number> = { must: 3, should: 2, may: 1 };
const deadlineMs = (deadline: string) => dueAt(new Date(0), deadline).getTime();

/**
 * The figures a researcher tabulates for a policy, exactly: the share of the scenario space per outcome (uniform
 * over the facts in play, or weighted by a per-fact distribution), the share left to the default, private-life
 * reach, the support in place for work-related incidents (action, modality, deadline, coverage) and the
 * commitments made. Throws `InvalidDistributionError` for a distribution that does not fit the vocabulary.
 * @example
 * const m = policyMetrics(policy);
 * m.privateLifeReach; // 0: own time on your own accounts is out of scope
 */
export function policyMetrics(policy: Policy | CompiledPolicy, options: MetricsOptions = {}): PolicyMetrics {
  const compiled = compiledOf(policy);
  return deepFreeze(metricsOf(measurePolicy(compiled, metricsSpace(compiled), options.distribution)));
}

/** The metrics of a measured policy. */
export function metricsOf({ compiled, partition, weights }: MeasuredPolicy): PolicyMetrics {
  const space = partition.space;
  const share = (region: MaskRegion) => regionShare(region, space, weights);
  const outcomeShares = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  for (const piece of partition.pieces) outcomeShares[piece.outcome] += share(piece.cubes);
  const region = (condition: Condition) => toMasks(conditionRegion(condition, compiled.domains), space);
  const privateLife = region(PRIVATE_LIFE);
  const governed = partition.pieces
    .filter((p) => p.outcome !== 'out-of-scope')
    .flatMap((p) => intersectMasks(privateLife, p.cubes, space));
  const privateShare = share(privateLife);
  const policy = compiled.policy;
  return {
    policyId: policy.id,
    title: policy.title,
    organisation: policy.organisation,
    version: policy.version,
    resolution: policy.resolution,
    ruleCount: policy.rules.length,
    dutyCount: engineOf(compiled).duties.length,
    outcomeShares,
    defaultShare: share(partition.gaps.cubes),
    privateLifeReach: privateShare === 0 ? null : share(governed) / privateShare,
    support: supportOf(compiled, space, region(WORK_RELATED_INCIDENT), share),
    commitments: [...new Set((policy.commitments ?? []).map((c) => c.commitment))],
  };
}

function supportOf(
  compiled: CompiledPolicy,
  space: ScenarioSpace,
  incidents: MaskRegion,
  share: (region: MaskRegion) => number,
): SupportEntry[] {
  const incidentShare = share(incidents);
  const entries: SupportEntry[] = [];
  for (const [action, entry] of compiled.vocabulary.catalogues.dutyActions) {
    const duties = engineOf(compiled)
      .duties.filter((d) => d.duty.action === action)
      .map((d) => ({ duty: d.duty, reach: intersectMasks(incidents, toMasks(d.region, space), space) }))
      .filter((d) => d.reach.length > 0);
    if (duties.length === 0) continue;
    const modality = duties
      .map((d) => d.duty.modality)
      .reduce((a, b) => (MODALITY_RANK[b] > MODALITY_RANK[a] ? b : a));
    const deadlines = duties.flatMap((d) => (d.duty.deadline ? [d.duty.deadline] : []));
    const deadline = deadlines.reduce<string | undefined>(
      (a, b) => (a === undefined || deadlineMs(b) < deadlineMs(a) ? b : a),
      undefined,
    );
    const covered = disjoint(
      duties.flatMap((d) => d.reach),
      space,
    );
    entries.push({
      action,
      label: entry.label,
      holders: [...new Set(duties.map((d) => d.duty.holder))],
      modality,
      ...(deadline ? { deadline } : {}),
      consentRequired: duties.every((d) => d.duty.consentRequired === true),
      coverage: incidentShare === 0 ? null : share(covered) / incidentShare,
      dutyIds: duties.map((d) => d.duty.id),
    });
  }
  return entries;
}
