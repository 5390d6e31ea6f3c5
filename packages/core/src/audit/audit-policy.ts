import { compiledOf } from '../analysis/analyze-policy.js';
import { decisionPartition, type DecisionPiece } from '../analysis/decision-partition.js';
import { describeMaskRegion } from '../analysis/describe-region.js';
import {
  checkDistribution,
  type FactDistribution,
  InvalidDistributionError,
  spaceWeights,
} from '../analysis/fact-distribution.js';
import { METRIC_FACTS } from '../analysis/policy-metrics.js';
import { regionCondition } from '../analysis/region-condition.js';
import {
  createSpace,
  disjoint,
  type MaskRegion,
  toMasks,
  intersectMasks,
  mergeCubes,
  regionShare,
  type ScenarioSpace,
  type SpaceWeights,
  subtractMasks,
} from '../region/region.js';
import { type CompiledPolicy, engineOf } from '../evaluate/compile-policy.js';
import type { Condition } from '../model/condition.js';
import { nodeFacts, toConditionNode } from '../model/condition-node.js';
import { deepFreeze } from '../model/deep-freeze.js';
import { CALENDAR_DATE_PATTERN, type Jurisdiction } from '../model/policy-format.js';
import type { Policy } from '../model/policy.js';
import { conditionRegion } from '../region/region.js';
import type {
  AuditSeverity,
  CriteriaSet,
  Criterion,
  CriterionGroup,
  CriterionTest,
  PublishedSource,
  SummaryPhrase,
} from './criteria-schema.js';
import { defaultWeights } from '../vocabulary/default-weights.js';
import { fairPolicyCriteria } from './fair-policy-criteria.js';

/** Options for `auditPolicy`. */
export interface AuditOptions {
  /**
   * How likely each fact value is, for every share and reach the audit reports: `defaultWeights` (the shipped base
   * rates, docs/weights.md) when absent; `'uniform'` (or an empty distribution) counts every value of every fact
   * alike. A distribution given replaces the default one whole: a fact it leaves out has its values equally likely
   * (spread `defaultWeights` into it to keep the default rates).
   */
  readonly weights?: FactDistribution | 'uniform';
  /** The jurisdictions whose criteria apply, instead of those the policy declares. */
  readonly jurisdictions?: readonly Jurisdiction[];
  /** The criteria to audit against (`fairPolicyCriteria` by default). */
  readonly criteria?: CriteriaSet;
  /** Groups of criteria to switch off, by id. */
  readonly skipGroups?: readonly string[];
  /**
   * The date the audit is made on (YYYY-MM-DD), for criteria that depend on it (a review date that has passed):
   * without it they are not applied, so that the same policy always gets the same findings. The CLI passes today.
   */
  readonly asOf?: string;
}

/** Which weights an audit's shares were measured under: the default ones, uniform counting, or the caller's. */
export type AuditWeights = 'default' | 'uniform' | 'given';

/** The scenarios a finding concerns. */
export interface AuditRegion {
  /** In words, with the vocabulary's labels. */
  readonly description: string;
  /** As a condition in the policy format, exact. */
  readonly when: Condition;
  /** The share of all scenarios it covers, under the audit's weights (as `policyMetrics` measures shares). */
  readonly share: number;
}

/** A published source as a finding cites it: the document and, where precise, the section. */
export type CitedSource = PublishedSource & { readonly section?: string };

/** One thing the audit found: a criterion the policy does not meet, with its source and a fix. */
export interface AuditFinding {
  /** Stable: the criterion's id. */
  readonly id: string;
  readonly severity: AuditSeverity;
  /** The group's id and its theme as readers see it. */
  readonly group: string;
  readonly theme: string;
  /** The criterion's short name. */
  readonly title: string;
  /** What a fair policy does, as the source says. */
  readonly criterion: string;
  /** What the audit found. */
  readonly message: string;
  readonly source: CitedSource;
  /** The rules involved, in policy order. */
  readonly ruleIds: readonly string[];
  /** Whether the policy's default outcome is involved. */
  readonly byDefault: boolean;
  /** The duties involved, in policy order. */
  readonly dutyIds: readonly string[];
  /** The commitments involved (their ids in the policy), in policy order. */
  readonly commitmentIds: readonly string[];
  readonly region: AuditRegion;
  /** For a criterion with a limit: the share of its scenarios the policy reaches (0 to 1). */
  readonly reach?: number;
  /** What to change, in plain words. */
  readonly fix: string;
  /** Whether it is a missing measure of its group's checklist (renderers list those together). */
  readonly checklist: boolean;
}

/** Why a criterion was not applied. */
export type NotAppliedReason =
  | 'jurisdiction'
  | 'group-off'
  | 'facts-not-tested'
  | 'unknown-fact'
  | 'no-reference-date';

/** The audit of one policy. */
export interface AuditReport {
  readonly policyId: string;
  readonly title: string;
  /** The criteria used: their id, version and format. */
  readonly criteria: { readonly id: string; readonly version: string; readonly format: string };
  /** The jurisdictions criteria were chosen by, and where that choice came from. */
  readonly jurisdictions: readonly Jurisdiction[];
  readonly jurisdictionsFrom: 'options' | 'policy' | 'none';
  /** The weights every share and reach in the report is measured under (`default`: `defaultWeights`). */
  readonly weights: AuditWeights;
  /** Findings in criteria order. */
  readonly findings: readonly AuditFinding[];
  readonly counts: Readonly<Record<AuditSeverity, number>>;
  /** The support checklist: how many of its measures the policy provides. */
  readonly checklist: { readonly provided: number; readonly total: number };
  /** Reaches measured by criteria with a limit, whether or not they fired. */
  readonly reaches: readonly {
    readonly criterionId: string;
    readonly reach: number | null;
    readonly limit: number;
  }[];
  /** One quotable line: "Reaches 100% of own-time personal use (fair policies: at most 5%); provides 0 of 16 …". */
  readonly summary: string;
  /** Criteria left out, and why. */
  readonly notApplied: readonly { readonly criterionId: string; readonly reason: NotAppliedReason }[];
}

/** Every fact a condition tests, in first-seen order, read from the one internal condition form. */
const conditionFacts = (condition: Condition, into: Set<string> = new Set()): Set<string> =>
  nodeFacts(toConditionNode(condition), into);

/** The conditions a criterion evaluates, whatever its test. */
function criterionConditions(criterion: Criterion): Condition[] {
  const test = criterion.test;
  const own: Condition[] = criterion.scope ? [criterion.scope as Condition] : [];
  switch (test.kind) {
    case 'decides':
      return [...own, test.within as Condition, ...(test.except ? [test.except as Condition] : [])];
    case 'duty-absent':
      return [...own, test.within as Condition];
    case 'commitment-made':
    case 'commitment-absent':
    case 'duty-held-by':
    case 'policy-part-absent':
    case 'review-date':
      return own;
    default:
      return test satisfies never;
  }
}

interface Context {
  readonly asOf: string | undefined;
  readonly compiled: CompiledPolicy;
  readonly space: ScenarioSpace;
  readonly pieces: readonly DecisionPiece[];
  readonly weights: SpaceWeights;
}

/** What one test found: nothing, or the subjects and region of a finding (and a reach, when measured). */
interface Outcome {
  readonly fires: boolean;
  readonly region: MaskRegion;
  readonly ruleIds?: readonly string[];
  readonly byDefault?: boolean;
  readonly dutyIds?: readonly string[];
  readonly commitmentIds?: readonly string[];
  readonly reach?: number | null;
}

/**
 * Audits a policy against published criteria of a fair social-media policy (`fairPolicyCriteria` unless others
 * are given): private life, monitoring, overbroad rules (where US law applies), support for staff who are targeted,
 * consent and process. Each criterion's test is evaluated exactly over the compiled policy's regions, duties and
 * commitments; each finding cites its source, names the rules, duties or commitments involved, the region of
 * scenarios affected with its share, and a fix. Never throws on a valid policy; throws `InvalidDistributionError`
 * for weights that do not fit the vocabulary.
 * @example
 * const report = auditPolicy(policy, { jurisdictions: ['uk'] });
 * console.log(report.summary);
 * for (const f of report.findings) console.log(f.severity, f.theme, f.message, f.source.title);
 */
export function auditPolicy(policy: Policy | CompiledPolicy, options: AuditOptions = {}): AuditReport {
  const compiled = compiledOf(policy);
  const criteria = options.criteria ?? fairPolicyCriteria;
  if (options.asOf !== undefined && !CALENDAR_DATE_PATTERN.test(options.asOf))
    throw new RangeError(
      `asOf must be a date that exists, YYYY-MM-DD; found ${JSON.stringify(options.asOf)}`,
    );
  const distribution = options.weights === undefined ? defaultWeights : options.weights;
  const weightsUsed: AuditWeights =
    options.weights === undefined || options.weights === defaultWeights
      ? 'default'
      : distribution === 'uniform' || Object.keys(distribution).length === 0
        ? 'uniform'
        : 'given';
  if (distribution !== 'uniform') {
    const issues = checkDistribution(distribution, compiled.vocabulary);
    if (issues.length > 0) throw new InvalidDistributionError(issues);
  }
  const declared = compiled.policy.jurisdictions;
  const jurisdictions = options.jurisdictions ?? declared ?? [];
  const jurisdictionsFrom = options.jurisdictions ? 'options' : declared ? 'policy' : 'none';
  const skip = new Set(options.skipGroups ?? []);
  const groups = new Map(criteria.groups.map((g) => [g.id, g]));
  const tested = new Set(engineOf(compiled).ruleFacts);

  const notApplied: { criterionId: string; reason: NotAppliedReason }[] = [];
  const applied: Criterion[] = [];
  for (const criterion of criteria.criteria) {
    const group = groups.get(criterion.group);
    const reason: NotAppliedReason | undefined =
      !group?.enabled || skip.has(criterion.group)
        ? 'group-off'
        : criterion.appliesIn !== 'everywhere' && !criterion.appliesIn.some((j) => jurisdictions.includes(j))
          ? 'jurisdiction'
          : criterionConditions(criterion).some((c) =>
                [...conditionFacts(c)].some((f) => !compiled.vocabulary.facts.has(f)),
              )
            ? 'unknown-fact'
            : (criterion.onlyIfPolicyTests ?? []).some((f) => !tested.has(f))
              ? 'facts-not-tested'
              : criterion.test.kind === 'review-date' &&
                  criterion.test.fires === 'when-passed' &&
                  options.asOf === undefined
                ? 'no-reference-date'
                : undefined;
    if (reason) notApplied.push({ criterionId: criterion.id, reason });
    else applied.push(criterion);
  }

  const extra = new Set<string>(METRIC_FACTS);
  for (const criterion of applied) for (const c of criterionConditions(criterion)) conditionFacts(c, extra);
  const facts = [...compiled.factsInPlay, ...[...extra].filter((f) => !compiled.factsInPlay.includes(f))];
  const space = createSpace(facts, compiled.domains);
  const context: Context = {
    asOf: options.asOf,
    compiled,
    space,
    pieces: decisionPartition(compiled, space).pieces,
    weights: spaceWeights(space, distribution === 'uniform' ? undefined : distribution),
  };

  const findings: AuditFinding[] = [];
  const results = new Map<string, Outcome>();
  for (const criterion of applied) {
    const outcome = evaluateTest(context, criterion);
    results.set(criterion.id, outcome);
    if (!outcome.fires) continue;
    const source = criteria.sources.find((s) => s.id === criterion.source.id)!;
    const region = mergeCubes(outcome.region, space);
    findings.push({
      id: criterion.id,
      severity: criterion.severity,
      group: criterion.group,
      theme: groups.get(criterion.group)!.theme,
      title: criterion.title,
      criterion: criterion.criterion,
      message: criterion.finding,
      source: criterion.source.section ? { ...source, section: criterion.source.section } : { ...source },
      ruleIds: outcome.ruleIds ?? [],
      byDefault: outcome.byDefault ?? false,
      dutyIds: outcome.dutyIds ?? [],
      commitmentIds: outcome.commitmentIds ?? [],
      region: {
        description: describeMaskRegion(space, compiled.vocabulary, region),
        when: regionCondition(space, region),
        share: regionShare(outcome.region, space, context.weights),
      },
      ...(criterion.test.kind === 'decides' &&
      criterion.test.over !== undefined &&
      typeof outcome.reach === 'number'
        ? { reach: outcome.reach }
        : {}),
      fix: criterion.fix,
      checklist: criterion.checklist,
    });
  }

  const checklistCriteria = applied.filter((c) => c.checklist);
  const checklist = {
    provided: checklistCriteria.filter((c) => !results.get(c.id)!.fires).length,
    total: checklistCriteria.length,
  };
  const reaches = applied.flatMap((c) =>
    c.test.kind === 'decides' && c.test.over !== undefined
      ? [{ criterionId: c.id, reach: results.get(c.id)!.reach ?? null, limit: c.test.over }]
      : [],
  );
  const counts = { error: 0, warning: 0, note: 0 };
  for (const f of findings) counts[f.severity]++;
  return deepFreeze({
    policyId: compiled.policy.id,
    title: compiled.policy.title,
    criteria: { id: criteria.id, version: criteria.version, format: criteria.format },
    jurisdictions: [...jurisdictions],
    jurisdictionsFrom,
    weights: weightsUsed,
    findings,
    counts,
    checklist,
    reaches,
    summary: summaryLine(criteria.groups, applied, results, findings, checklist),
    notApplied,
  });
}

function evaluateTest(context: Context, criterion: Criterion): Outcome {
  const { compiled, space } = context;
  const region = (condition: unknown): MaskRegion =>
    disjoint(toMasks(conditionRegion(condition as Condition, compiled.domains), space), space);
  const scope = (): MaskRegion => (criterion.scope ? region(criterion.scope) : [space.full]);
  const policy = compiled.policy;
  const test: CriterionTest = criterion.test;
  switch (test.kind) {
    case 'decides': {
      const base = test.except
        ? disjoint(subtractMasks(region(test.within), region(test.except), space), space)
        : region(test.within);
      const matched: MaskRegion[] = [];
      const ruleIds: string[] = [];
      let byDefault = false;
      for (const piece of context.pieces) {
        if (!pieceCounts(policy, piece, test)) continue;
        const part = intersectMasks(piece.cubes, base, space);
        if (part.length === 0) continue;
        matched.push(part);
        if (piece.rule) ruleIds.push(piece.rule.rule.id);
        else byDefault = true;
      }
      const found = matched.flat();
      const baseShare = regionShare(base, space, context.weights);
      // Exactly 1 (or 0) when the policy reaches all (or none) of the base, whatever the rounding of the ratio.
      const reach =
        baseShare === 0
          ? null
          : found.length === 0
            ? 0
            : subtractMasks(base, found, space).length === 0
              ? 1
              : roundShare(Math.min(1, regionShare(found, space, context.weights) / baseShare));
      if (test.fires === 'when-absent')
        return { fires: found.length === 0 && base.length > 0, region: base, reach };
      const fires = test.over === undefined ? found.length > 0 : reach !== null && reach > test.over;
      const order = new Map(policy.rules.map((r, i) => [r.id, i]));
      ruleIds.sort((a, b) => order.get(a)! - order.get(b)!);
      return { fires, region: found, ruleIds, byDefault, reach };
    }
    case 'commitment-made': {
      const made = (policy.commitments ?? []).filter((c) => test.commitments.includes(c.commitment));
      return { fires: made.length > 0, region: scope(), commitmentIds: made.map((c) => c.id) };
    }
    case 'commitment-absent': {
      const made = (policy.commitments ?? []).some((c) => test.anyOf.includes(c.commitment));
      return { fires: !made, region: scope() };
    }
    case 'duty-held-by': {
      const held = engineOf(compiled)
        .duties.filter((d) => test.holders.includes(d.duty.holder))
        .map((d) => ({ id: d.duty.id, reach: toMasks(d.region, space) }))
        .filter((d) => d.reach.length > 0);
      return {
        fires: held.length > 0,
        region: disjoint(
          held.flatMap((d) => d.reach),
          space,
        ),
        dutyIds: held.map((d) => d.id),
      };
    }
    case 'duty-absent': {
      const within = region(test.within);
      const relevant = engineOf(compiled).duties.filter(
        (d) =>
          test.actions.includes(d.duty.action) &&
          intersectMasks(within, toMasks(d.region, space), space).length > 0,
      );
      const qualifies = (d: (typeof relevant)[number]) =>
        !test.notHeldBy.includes(d.duty.holder) &&
        test.modalities.includes(d.duty.modality) &&
        (!test.deadline || d.duty.deadline !== undefined) &&
        (!test.consent || d.duty.consentRequired === true);
      const provided = relevant.filter(qualifies);
      const actions = new Set(provided.map((d) => d.duty.action));
      const ok = test.require === 'all' ? test.actions.every((a) => actions.has(a)) : provided.length > 0;
      return {
        fires: !ok,
        region: within,
        dutyIds: relevant.filter((d) => !qualifies(d)).map((d) => d.duty.id),
      };
    }
    case 'policy-part-absent': {
      const value = policy[test.part];
      const absent = value === undefined || (Array.isArray(value) && value.length === 0);
      return { fires: absent, region: scope() };
    }
    case 'review-date': {
      const next = nextReviewDate(policy);
      // ISO dates compare as strings; a review due today has not passed.
      const fires =
        test.fires === 'when-absent' ? next === undefined : next !== undefined && next < context.asOf!;
      return { fires, region: scope() };
    }
    default:
      return test satisfies never;
  }
}

/**
 * A ratio of shares rounded to nine decimal places, so that a reach exactly at a criterion's limit (5% of 5%
 * weighted cases, say) is judged at the limit rather than a floating-point hair either side of it.
 */
function roundShare(share: number): number {
  return Math.round(share * 1e9) / 1e9;
}

/** Whether a piece of the decision partition counts for a `decides` test. */
function pieceCounts(
  policy: Policy,
  piece: DecisionPiece,
  test: Extract<CriterionTest, { kind: 'decides' }>,
): boolean {
  if (!test.outcomes.includes(piece.outcome)) return false;
  const conditions: readonly string[] = piece.rule
    ? (piece.rule.rule.conditions ?? [])
    : (policy.default.conditions ?? []);
  if (test.conditionsAny && !test.conditionsAny.some((c) => conditions.includes(c))) return false;
  if (test.conditionsNone?.some((c) => conditions.includes(c))) return false;
  const strength = piece.rule ? (piece.rule.rule.strength ?? 'must') : 'must';
  return !test.strengths || test.strengths.includes(strength);
}

/**
 * The date of a policy's next review (YYYY-MM-DD): `review.nextReview` when given, else the last review (or, never
 * reviewed, the effective date) plus `review.every`, the day clamped to the month's end (31 January plus P1M is
 * 28 or 29 February); undefined when the policy does not say.
 */
export function nextReviewDate(policy: Policy): string | undefined {
  const review = policy.review;
  if (review?.nextReview) return review.nextReview;
  const from = review?.lastReviewed ?? policy.effectiveDate;
  const period = review?.every ? /^P(?:(\d+)Y)?(?:(\d+)M)?$/.exec(review.every) : null;
  if (!from || !period) return undefined;
  const [year, month, day] = from.split('-').map(Number) as [number, number, number];
  const months = year * 12 + (month - 1) + Number(period[1] ?? 0) * 12 + Number(period[2] ?? 0);
  const y = Math.floor(months / 12);
  const m = (months % 12) + 1;
  const end = new Date(0);
  end.setUTCFullYear(y, m, 0); // day 0 of the next month: the last day of this one (years below 100 kept as given)
  const last = end.getUTCDate();
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(Math.min(day, last), 2)}`;
}

/**
 * A share as a person reads it: "100%", "48%", "5.4%", "less than 1%". Under 10%, a tenth of a percent is kept
 * (a reach of 5.4% is over a 5% limit, and must not read as "5%").
 */
export function formatShare(share: number): string {
  if (share > 0 && share < 0.005) return 'less than 1%';
  if (share < 1 && share > 0.995) return 'more than 99%';
  const tenths = Math.round(share * 1000);
  return share < 0.1 && tenths % 10 !== 0 ? `${tenths / 10}%` : `${Math.round(share * 100)}%`;
}

function phrase(summary: SummaryPhrase, values: Record<string, string | number>): string {
  const count = typeof values.count === 'number' ? values.count : undefined;
  const text =
    typeof summary.text === 'string' ? summary.text : count === 1 ? summary.text.one : summary.text.other;
  return text.replace(/\{(reach|limit|provided|total|count)\}/g, (whole, key: string) =>
    values[key] === undefined ? whole : String(values[key]),
  );
}

function summaryLine(
  groups: readonly CriterionGroup[],
  applied: readonly Criterion[],
  results: ReadonlyMap<string, Outcome>,
  findings: readonly AuditFinding[],
  checklist: { provided: number; total: number },
): string {
  const parts: string[] = [];
  const subjects = (fs: readonly AuditFinding[]) =>
    new Set(
      fs.flatMap((f) => [
        ...f.ruleIds,
        ...f.dutyIds,
        ...f.commitmentIds,
        ...(f.byDefault ? ['(default)'] : []),
      ]),
    ).size;
  for (const group of groups) {
    const members = applied.filter((c) => c.group === group.id);
    if (members.length === 0) continue;
    const found = findings.filter((f) => f.group === group.id);
    if (group.summary && (group.summary.when === 'always' || found.length > 0))
      parts.push(phrase(group.summary, { ...checklist, count: subjects(found) }));
    for (const criterion of members) {
      const result = results.get(criterion.id)!;
      if (!criterion.summary || (criterion.summary.when === 'fires' && !result.fires)) continue;
      const values: Record<string, string | number> = {
        count: subjects(found.filter((f) => f.id === criterion.id)),
      };
      if (criterion.test.kind === 'decides' && criterion.test.over !== undefined) {
        if (result.reach === null || result.reach === undefined) continue;
        values.reach = formatShare(result.reach);
        values.limit = formatShare(criterion.test.over);
      }
      parts.push(phrase(criterion.summary, values));
    }
  }
  if (parts.length === 0) return 'No findings.';
  const line = parts.join('; ');
  return `${line.charAt(0).toUpperCase()}${line.slice(1)}.`;
}
