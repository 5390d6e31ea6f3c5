import { type CompiledPolicy, type CompiledRule, engineOf } from '../evaluate/compile-policy.js';
import type { Outcome } from '../model/outcome.js';
import {
  createSpace,
  disjoint,
  type MaskCube,
  type MaskRegion,
  nodeMasks,
  mergeCubes,
  type ScenarioSpace,
  subtractMasks,
} from '../region/region.js';

/** The scenarios one rule (or the default, when `rule` is null) decides, as disjoint cubes. */
export interface DecisionPiece {
  /** The deciding rule: under strictest, the first rule (in policy order) of the winning level. */
  readonly rule: CompiledRule | null;
  readonly outcome: Outcome;
  readonly cubes: MaskRegion;
}

/** A policy's scenario space cut into the pieces each rule decides, plus each rule's own region. */
export interface DecisionPartition {
  readonly space: ScenarioSpace;
  /** One piece per rule, in policy order (possibly empty), then the default's piece. */
  readonly pieces: readonly DecisionPiece[];
  /** The default's piece: the gaps no rule covers. */
  readonly gaps: DecisionPiece;
  /** Each rule's whole region (where its condition holds), in policy order. */
  readonly ruleRegions: readonly MaskRegion[];
}

/** The space of complete scenarios over the facts a policy tests (plus any extra facts asked for). */
export function policySpace(compiled: CompiledPolicy, extraFacts: readonly string[] = []): ScenarioSpace {
  const facts = [...compiled.factsInPlay, ...extraFacts.filter((f) => !compiled.factsInPlay.includes(f))];
  return createSpace(facts, compiled.domains);
}

/**
 * Cuts the space into the regions each rule decides, exactly. Under first-match a rule decides what it matches
 * minus what earlier rules match; under strictest the same holds once rules are ordered by strictness (stricter
 * first, then policy order), which is the order in which `evaluate` lets them win.
 */
export function decisionPartition(
  compiled: CompiledPolicy,
  space: ScenarioSpace = policySpace(compiled),
): DecisionPartition {
  const ruleRegions = engineOf(compiled).rules.map((rule) => nodeMasks(rule.node, space));
  // Priority order, from the one resolution module: a rule decides what it matches minus what came before.
  const order = engineOf(compiled).ordered;
  const decided = new Map<number, MaskCube[]>();
  // `taken` keeps the raw cubes of the rules placed so far: fewer than their fragments, so subtraction stays small.
  const taken: MaskCube[] = [];
  for (const rule of order) {
    const region = ruleRegions[rule.index]!;
    decided.set(rule.index, mergeCubes(disjoint(subtractMasks(region, taken, space), space), space));
    taken.push(...region);
  }
  const pieces: DecisionPiece[] = engineOf(compiled).rules.map((rule) => ({
    rule,
    outcome: rule.rule.outcome,
    cubes: decided.get(rule.index)!,
  }));
  const gaps: DecisionPiece = {
    rule: null,
    outcome: compiled.policy.default.outcome,
    cubes: mergeCubes(subtractMasks([space.full], taken, space), space),
  };
  return { space, pieces: [...pieces, gaps], gaps, ruleRegions };
}
