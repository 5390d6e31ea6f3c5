import { outcomeStrictness } from '../model/outcome.js';
import type { Resolution, Rule } from '../model/policy.js';

/**
 * How a resolution picks the deciding rules, in one place: every rule gets a rank, and on a complete scenario the
 * rules that hold with the best (lowest) rank decide. The exact evaluator, the partial evaluator, the question
 * planner and the analysis partition all read it from here; none of them tests which resolution it is.
 */
export interface ResolutionStrategy {
  /** The rank of a rule: lower wins. Rules of equal rank that both hold decide together. */
  readonly rank: (rule: Rule, index: number) => number;
  /** Whether two rules can share a rank (then a scan must look past the first winner for the others). */
  readonly ranksShared: boolean;
  /**
   * What settles which of two rules that both hold decides: their place in the policy (`policy-order`) or their
   * outcomes' strictness (`strictness`). Analysis names it as the reason a rule wins an overlap, and the flowchart
   * tells its reader when it asks in an order other than the policy's.
   */
  readonly settledBy: 'policy-order' | 'strictness';
  /**
   * The finding for a rule that holds somewhere yet never decides: `shadowed` (an earlier rule always decides first)
   * or `redundant` (wherever it holds, rules with the same or a stricter outcome hold too).
   */
  readonly idleRuleFinding: 'shadowed' | 'redundant';
  /**
   * How serious an overlap of rules with different outcomes is: under first-match the order is the author's stated
   * choice (`info`); under strictest the laxer rule loses without the author saying so (`warning`).
   */
  readonly overlapSeverity: 'info' | 'warning';
}

/** The strategy of each resolution. Strictness comes from `OUTCOMES`, through `outcomeStrictness`. */
export const RESOLUTIONS: Record<Resolution, ResolutionStrategy> = {
  // The first rule that holds decides alone: each rule is its own rank, in policy order.
  'first-match': {
    rank: (_rule, index) => index,
    ranksShared: false,
    settledBy: 'policy-order',
    idleRuleFinding: 'shadowed',
    overlapSeverity: 'info',
  },
  // Every rule of the strictest outcome that holds decides: the stricter the outcome, the better the rank.
  strictest: {
    rank: (rule) => -outcomeStrictness(rule.outcome),
    ranksShared: true,
    settledBy: 'strictness',
    idleRuleFinding: 'redundant',
    overlapSeverity: 'warning',
  },
};

/**
 * The rules of a policy in priority order (by rank, then policy order), as indexes into `rules`: the order in which
 * asking "does this rule hold?" and stopping at the first yes gives the policy's outcome.
 * @example
 * priorityOrder('strictest', policy.rules).map((i) => policy.rules[i]!.id);
 */
export function priorityOrder(resolution: Resolution, rules: readonly Rule[]): number[] {
  const { rank } = RESOLUTIONS[resolution];
  const ranks = rules.map(rank);
  return rules.map((_, i) => i).sort((a, b) => ranks[a]! - ranks[b]! || a - b);
}
