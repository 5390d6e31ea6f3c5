import { factOfDimension } from '../model/condition-node.js';
import { deepFreeze } from '../model/deep-freeze.js';
import {
  type CompiledPolicy,
  type CompiledRule,
  compilePolicy,
  engineOf,
} from '../evaluate/compile-policy.js';
import type { Condition } from '../model/condition.js';
import { OUTCOMES } from '../model/outcome.js';
import type { Policy } from '../model/policy.js';
import { RESOLUTIONS, type ResolutionStrategy } from '../evaluate/resolution.js';
import { frozenRegionCondition } from './region-condition.js';
import type { Scenario } from '../parse/scenario.js';
import { type DecisionPartition, decisionPartition } from './decision-partition.js';
import { checkDistribution, InvalidDistributionError, spaceWeights } from './fact-distribution.js';
import type { MetricsOptions } from './policy-metrics.js';
import { describeRegion } from './describe-region.js';
import type { Finding } from './finding.js';
import {
  disjoint,
  type MaskCube,
  type MaskRegion,
  nodeMasks,
  maskWitness,
  intersectMasks,
  mergeCubes,
  overlaps,
  type ScenarioSpace,
  subtractMasks,
  regionShare,
} from '../region/region.js';

const quote = (id: string) => `“${id}”`;
const quoteAll = (ids: readonly string[]) =>
  ids.length <= 1
    ? quote(ids[0] ?? '')
    : `${ids.slice(0, -1).map(quote).join(', ')} and ${quote(ids.at(-1)!)}`;

/** The compiled form of either input. */
export function compiledOf(policy: Policy | CompiledPolicy): CompiledPolicy {
  return 'factsInPlay' in policy ? policy : compilePolicy(policy);
}

interface Context {
  readonly compiled: CompiledPolicy;
  readonly partition: DecisionPartition;
  readonly space: ScenarioSpace;
  readonly describe: (region: MaskRegion) => string[];
  readonly when: (region: MaskRegion) => Condition;
  readonly share: (region: MaskRegion) => number;
  readonly witness: (cube: MaskCube) => Scenario;
}

/**
 * Lints a policy exactly: rules that can never match, rules shadowed by earlier ones (first-match) or that change
 * nothing (strictest), overlapping rules with different outcomes, gaps that fall to the default, duties that never
 * trigger, check-first without a reviewer, attachments that do not fit the outcome, and custom declarations never
 * used. Symbolic over the finite domains of the facts the policy tests, so nothing is sampled: every witness is a
 * complete scenario that `evaluate` reproduces the finding with. Findings come in a stable order. A finding's share
 * is measured under `options.distribution` (pass `defaultWeights` for realistic shares), uniformly when none is given.
 * @example
 * for (const finding of analyzePolicy(policy)) console.log(finding.severity, finding.message);
 */
export function analyzePolicy(policy: Policy | CompiledPolicy, options: MetricsOptions = {}): Finding[] {
  const compiled = compiledOf(policy);
  const partition = decisionPartition(compiled);
  const space = partition.space;
  if (options.distribution) {
    const issues = checkDistribution(options.distribution, compiled.vocabulary);
    if (issues.length > 0) throw new InvalidDistributionError(issues);
  }
  const weights = spaceWeights(space, options.distribution);
  const context: Context = {
    compiled,
    partition,
    space,
    // Short descriptions, at most 40 words each.
    describe: (region) => describeRegion(space, compiled.vocabulary, region).map((d) => d.text),
    when: frozenRegionCondition(space),
    share: (region) => regionShare(region, space, weights),
    witness: (cube) => maskWitness(cube, space) as Scenario,
  };
  // Frozen, like a decision: findings share the policy's frozen parts.
  return deepFreeze([
    ...ruleReachFindings(context),
    ...overlapFindings(context),
    ...gapFindings(context),
    ...dutyFindings(context),
    ...attachmentFindings(context),
    ...unusedCustomFindings(compiled),
    ...doubtFindings(compiled),
  ]);
}

function ruleReachFindings(context: Context): Finding[] {
  const { compiled, partition } = context;
  const findings: Finding[] = [];
  const { idleRuleFinding } = RESOLUTIONS[compiled.policy.resolution];
  const rules = engineOf(compiled).rules;
  // Only rules that decide something can shadow another: listing them once keeps the search linear in the rules.
  const deciding = rules.filter((r) => partition.pieces[r.index]!.cubes.length > 0);
  for (const rule of rules) {
    const id = rule.rule.id;
    const region = partition.ruleRegions[rule.index]!;
    if (region.length === 0) {
      findings.push({
        code: 'never-matches',
        severity: 'error',
        ruleIds: [id],
        dutyIds: [],
        message: `Rule ${quote(id)} can never apply: its conditions contradict each other.`,
      });
      continue;
    }
    const finding = idleFinding(context, idleRuleFinding, rules, deciding, rule);
    if (finding) findings.push(finding);
  }
  return findings;
}

/**
 * The finding, if any, for a rule that holds somewhere yet may never decide: the resolution's strategy names which
 * kind to look for (`RESOLUTIONS[…].idleRuleFinding`). `deciding` lists the rules that decide something.
 */
function idleFinding(
  context: Context,
  kind: ResolutionStrategy['idleRuleFinding'],
  rules: readonly CompiledRule[],
  deciding: readonly CompiledRule[],
  rule: CompiledRule,
): Finding | undefined {
  const { partition, space } = context;
  const id = rule.rule.id;
  const region = partition.ruleRegions[rule.index]!;
  switch (kind) {
    case 'shadowed': {
      if (partition.pieces[rule.index]!.cubes.length > 0) return undefined;
      const earlier = deciding
        .filter((r) => r.index < rule.index)
        .filter((r) =>
          partition.pieces[r.index]!.cubes.some((c) => region.some((x) => overlaps(c, x, space))),
        )
        .map((r) => r.rule.id);
      return {
        code: 'shadowed',
        severity: 'warning',
        ruleIds: [id, ...earlier],
        dutyIds: [],
        message: `Rule ${quote(id)} never decides anything: every situation it covers is decided first by ${
          earlier.length === 1 ? 'rule' : 'rules'
        } ${quoteAll(earlier)}.`,
        witness: context.witness(region[0]!),
      };
    }
    case 'redundant': {
      const covering = rules.filter((other) => covers(other, rule));
      const rest = subtractMasks(
        region,
        covering.flatMap((r) => partition.ruleRegions[r.index]!),
        space,
      );
      if (rest.length > 0) return undefined;
      const named = covering
        .filter((r) => partition.ruleRegions[r.index]!.some((c) => region.some((x) => overlaps(c, x, space))))
        .map((r) => r.rule.id);
      return {
        code: 'redundant',
        severity: 'info',
        ruleIds: [id, ...named],
        dutyIds: [],
        message: `Rule ${quote(id)} changes nothing: wherever it applies, ${
          named.length === 1 ? 'rule' : 'rules'
        } ${quoteAll(named)} also ${named.length === 1 ? 'applies' : 'apply'} with the same or a stricter outcome.`,
        witness: context.witness(region[0]!),
      };
    }
    default:
      return kind satisfies never;
  }
}

const includesAll = (have: readonly { id: string }[], need: readonly { id: string }[]) =>
  need.every((n) => have.some((h) => h.id === n.id));

/** Whether `other`, matching wherever `rule` does, makes `rule` irrelevant under strictest. */
function covers(other: CompiledRule, rule: CompiledRule): boolean {
  if (other === rule) return false;
  if (other.strictness > rule.strictness) return true;
  return (
    other.rule.outcome === rule.rule.outcome &&
    includesAll(other.conditions, rule.conditions) &&
    includesAll(other.reviewers, rule.reviewers)
  );
}

function overlapFindings(context: Context): Finding[] {
  const { compiled, partition, space } = context;
  const findings: Finding[] = [];
  const strategy = RESOLUTIONS[compiled.policy.resolution];
  const rules = engineOf(compiled).rules;
  // Under strictest, the cubes of every rule stricter than a level: where they match, neither rule of a pair decides.
  // Levels are positions in `OUTCOMES`, as `outcomeStrictness` gives them.
  const stricterThan = OUTCOMES.map((_, level) =>
    rules.filter((r) => r.strictness > level).flatMap((r) => partition.ruleRegions[r.index]!),
  );
  for (const a of rules) {
    // Under policy order, only where `a` decides can a later rule lose to it; under strictness, wherever it holds.
    const first = overlapSide(strategy.settledBy, partition, a.index);
    if (first.length === 0) continue;
    // The smallest cube holding every cube of `first`: a region it misses, `first` misses too.
    const bound = first.length === 1 ? first[0]! : boundingCube(first);
    for (let j = a.index + 1; j < rules.length; j++) {
      const b = rules[j]!;
      if (b.rule.outcome === a.rule.outcome) continue;
      const second = partition.ruleRegions[b.index]!;
      // Most pairs of a large policy never meet: tell so with word operations before building anything.
      if (!regionsMeet(space, bound, first, second)) continue;
      let both = intersectMasks(first, second, space);
      if (both.length === 0) continue;
      if (strategy.settledBy === 'strictness')
        both = subtractMasks(both, stricterThan[Math.max(a.strictness, b.strictness)]!, space);
      if (both.length === 0) continue;
      const region = mergeCubes(disjoint(both, space), space);
      // The better rank wins, under either resolution (the one resolution module gives the ranks).
      const winner = a.rank < b.rank ? a : b;
      const loser = winner === a ? b : a;
      const regions = context.describe(region);
      const where =
        regions.length === 1
          ? `when ${regions[0]}`
          : `in ${regions.length} kinds of situation, such as when ${regions[0]}`;
      findings.push({
        code: 'conflicting-overlap',
        severity: strategy.overlapSeverity,
        ruleIds: [a.rule.id, b.rule.id],
        dutyIds: [],
        message: `Rules ${quote(a.rule.id)} (${a.rule.outcome}) and ${quote(b.rule.id)} (${b.rule.outcome}) both apply ${where}; ${quote(winner.rule.id)} wins ${winsBecause(strategy.settledBy)}, so ${quote(loser.rule.id)} does not decide there.`,
        region: regions.join('; or '),
        regions,
        when: context.when(region),
        share: context.share(region),
        witness: context.witness(region[0]!),
      });
    }
  }
  return findings;
}

/** The first rule's side of an overlap: where it decides under policy order, where it holds under strictness. */
function overlapSide(
  settledBy: ResolutionStrategy['settledBy'],
  partition: DecisionPartition,
  index: number,
): MaskRegion {
  switch (settledBy) {
    case 'policy-order':
      return partition.pieces[index]!.cubes;
    case 'strictness':
      return partition.ruleRegions[index]!;
    default:
      return settledBy satisfies never;
  }
}

/** Why the winner of an overlap wins, in the words of a finding. */
function winsBecause(settledBy: ResolutionStrategy['settledBy']): string {
  switch (settledBy) {
    case 'policy-order':
      return 'because it comes first';
    case 'strictness':
      return 'because it is stricter';
    default:
      return settledBy satisfies never;
  }
}

/** The smallest cube holding every cube of a non-empty region: each word the union of theirs. */
function boundingCube(region: MaskRegion): MaskCube {
  const bound = region[0]!.slice();
  for (let c = 1; c < region.length; c++) {
    const cube = region[c]!;
    for (let w = 0; w < bound.length; w++) bound[w] = (bound[w]! | cube[w]!) >>> 0;
  }
  return bound;
}

/** Whether two regions share a scenario, given a cube that holds the whole of the first. */
function regionsMeet(space: ScenarioSpace, bound: MaskCube, first: MaskRegion, second: MaskRegion): boolean {
  for (const y of second) {
    if (!overlaps(bound, y, space)) continue;
    for (const x of first) if (overlaps(x, y, space)) return true;
  }
  return false;
}

function gapFindings(context: Context): Finding[] {
  const { compiled, partition } = context;
  const outcome = compiled.policy.default.outcome;
  if (partition.gaps.cubes.length === 0) {
    return [
      {
        code: 'default-unreachable',
        severity: 'info',
        ruleIds: [],
        dutyIds: [],
        message: `The rules cover every situation, so the default (${outcome}) never applies.`,
      },
    ];
  }
  return partition.gaps.cubes.map((cube): Finding => {
    // Described once: the message, the region and the regions say the same words.
    const regions = context.describe([cube]);
    const region = regions.join('; or ');
    return {
      code: 'gap',
      severity: 'info',
      ruleIds: [],
      dutyIds: [],
      message: `No rule covers the situation where ${region}, so the default decides: ${outcome}.`,
      region,
      regions,
      when: context.when([cube]),
      share: context.share([cube]),
      witness: context.witness(cube),
    };
  });
}

function dutyFindings(context: Context): Finding[] {
  const { compiled, space } = context;
  return engineOf(compiled)
    .duties.filter((duty) => nodeMasks(duty.node, space).length === 0)
    .map((duty) => ({
      code: 'duty-never-triggers',
      severity: 'error',
      ruleIds: [],
      dutyIds: [duty.duty.id],
      message: `Duty ${quote(duty.duty.id)} can never apply: its conditions contradict each other.`,
    }));
}

interface Attached {
  readonly label: string;
  readonly ruleIds: readonly string[];
  readonly outcome: string;
  readonly conditions: readonly unknown[];
  readonly reviewers: readonly unknown[];
  readonly decides: MaskRegion;
}

function attachmentFindings(context: Context): Finding[] {
  const { compiled, partition } = context;
  const subjects: Attached[] = [
    ...engineOf(compiled).rules.map((r) => ({
      label: `Rule ${quote(r.rule.id)}`,
      ruleIds: [r.rule.id],
      outcome: r.rule.outcome,
      conditions: r.conditions,
      reviewers: r.reviewers,
      decides: partition.pieces[r.index]!.cubes,
    })),
    {
      label: 'The default',
      ruleIds: [],
      outcome: compiled.policy.default.outcome,
      conditions: engineOf(compiled).defaultConditions,
      reviewers: engineOf(compiled).defaultReviewers,
      decides: partition.gaps.cubes,
    },
  ];
  const findings: Finding[] = [];
  for (const s of subjects) {
    const witness = s.decides[0] ? { witness: context.witness(s.decides[0]) } : {};
    const base = { ruleIds: s.ruleIds, dutyIds: [], ...witness };
    if (s.outcome === 'check-first' && s.reviewers.length === 0)
      findings.push({
        code: 'check-first-without-reviewer',
        severity: 'warning',
        ...base,
        message: `${s.label} says to check first but names no one to ask.`,
      });
    if (s.outcome === 'permitted-with-conditions' && s.conditions.length === 0)
      findings.push({
        code: 'conditional-outcome-without-conditions',
        severity: 'warning',
        ...base,
        message: `${s.label} permits with conditions but lists no conditions.`,
      });
    if (s.outcome !== 'permitted-with-conditions' && s.conditions.length > 0)
      findings.push({
        code: 'conditions-on-unconditional-outcome',
        severity: 'warning',
        ...base,
        message: `${s.label} attaches conditions to the outcome ${s.outcome}; did you mean permitted-with-conditions?`,
      });
    if (s.outcome !== 'check-first' && s.reviewers.length > 0)
      findings.push({
        code: 'reviewers-on-other-outcome',
        severity: 'warning',
        ...base,
        message: `${s.label} names reviewers for the outcome ${s.outcome}; reviewers are for check-first.`,
      });
  }
  return findings;
}

/**
 * Doubt rules that can never decide: doubt settles only an outcome left open by a fact answered "not sure", so a
 * rule for a fact no rule tests (duties alone do not count: doubt never settles a duty) is dead text.
 */
function doubtFindings(compiled: CompiledPolicy): Finding[] {
  const tested = new Set(engineOf(compiled).rules.flatMap((r) => r.facts.map(factOfDimension)));
  return (compiled.policy.doubt?.facts ?? []).flatMap((rule): Finding[] =>
    tested.has(rule.fact)
      ? []
      : [
          {
            code: 'doubt-rule-never-applies',
            severity: 'warning',
            ruleIds: [],
            dutyIds: [],
            message: `The doubt rule for ${quote(rule.fact)} never applies: no rule tests that fact, so answering it “not sure” never leaves an outcome open.`,
          },
        ],
  );
}

function unusedCustomFindings(compiled: CompiledPolicy): Finding[] {
  const policy = compiled.policy;
  const custom = policy.custom;
  if (!custom) return [];
  const findings: Finding[] = [];
  const unused = (customId: string, what: string): Finding => ({
    code: what === 'fact' ? 'unused-custom-fact' : 'unused-custom-entry',
    severity: 'warning',
    ruleIds: [],
    dutyIds: [],
    message: `The custom ${what} ${quote(customId)} is declared but never used.`,
    customId,
  });
  const inPlay = new Set(compiled.factsInPlay);
  for (const fact of custom.facts ?? []) if (!inPlay.has(fact.name)) findings.push(unused(fact.name, 'fact'));
  const used = {
    conditions: new Set([
      ...policy.rules.flatMap((r) => r.conditions ?? []),
      ...(policy.default.conditions ?? []),
    ]),
    roles: new Set([
      ...policy.rules.flatMap((r) => r.reviewers ?? []),
      ...(policy.default.reviewers ?? []),
      ...(policy.duties ?? []).map((d) => d.holder),
    ]),
    dutyActions: new Set((policy.duties ?? []).map((d) => d.action)),
    commitments: new Set((policy.commitments ?? []).map((c) => c.commitment)),
  };
  const words = {
    conditions: 'condition',
    roles: 'role',
    dutyActions: 'duty action',
    commitments: 'commitment',
  };
  for (const catalogue of ['conditions', 'roles', 'dutyActions', 'commitments'] as const)
    for (const entry of custom[catalogue] ?? [])
      if (!used[catalogue].has(entry.id as never)) findings.push(unused(entry.id, words[catalogue]));
  return findings;
}
