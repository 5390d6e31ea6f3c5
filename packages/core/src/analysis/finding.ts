import type { Condition } from '../model/condition.js';
import type { Scenario } from '../parse/scenario.js';

/**
 * What `analyzePolicy` can find, each decided exactly over the facts the policy tests:
 * - `never-matches`: a rule's condition contradicts itself, so no situation matches it.
 * - `shadowed`: under first-match, every situation a rule matches is decided by earlier rules.
 * - `redundant`: under strictest, every situation a rule matches has another rule that is stricter, or gives the
 *   same outcome with at least its conditions and reviewers; removing the rule changes no decision.
 * - `conflicting-overlap`: two rules with different outcomes both match somewhere it matters (under first-match,
 *   where the earlier one decides; under strictest, where no rule stricter than both matches).
 * - `gap`: a region no rule covers, so the default decides.
 * - `default-unreachable`: the rules cover every situation, so the default never applies.
 * - `duty-never-triggers`: a duty's condition contradicts itself.
 * - `check-first-without-reviewer`: a rule or the default says check first but names no one to ask.
 * - `conditions-on-unconditional-outcome`, `conditional-outcome-without-conditions`,
 *   `reviewers-on-other-outcome`: attachments that do not fit the outcome.
 * - `unused-custom-fact`, `unused-custom-entry`: declared in `custom` and never used. (Using a custom fact or entry
 *   that is not declared is already a parse error: `parsePolicy` reports it.)
 * - `doubt-rule-never-applies`: a doubt rule (`doubt.facts`) is for a fact no rule tests, so an answer of "not sure"
 *   to it never leaves an outcome open and the rule never decides.
 */
export const FINDING_CODES = [
  'never-matches',
  'shadowed',
  'redundant',
  'conflicting-overlap',
  'gap',
  'default-unreachable',
  'duty-never-triggers',
  'check-first-without-reviewer',
  'conditions-on-unconditional-outcome',
  'conditional-outcome-without-conditions',
  'reviewers-on-other-outcome',
  'unused-custom-fact',
  'unused-custom-entry',
  'doubt-rule-never-applies',
] as const;
/** One kind of finding. */
export type FindingCode = (typeof FINDING_CODES)[number];

/** How much a finding matters: `error` (certainly a mistake), `warning` (probably one), `info` (worth knowing). */
export type FindingSeverity = 'error' | 'warning' | 'info';

/** One thing `analyzePolicy` found about a policy. */
export interface Finding {
  readonly code: FindingCode;
  readonly severity: FindingSeverity;
  /** The rules concerned, the subject first. */
  readonly ruleIds: readonly string[];
  /** The duties concerned. */
  readonly dutyIds: readonly string[];
  /** What was found, in plain language. */
  readonly message: string;
  /** The region concerned in words (gaps and overlaps), using the vocabulary's labels: `regions` joined by "; or ". */
  readonly region?: string;
  /** The same region in short descriptions of at most 40 words each, which together say it all. */
  readonly regions?: readonly string[];
  /** The same region as a condition in the policy format (gaps and overlaps), exact. */
  readonly when?: Condition;
  /** The share of the policy's scenario space the region covers, under the distribution `analyzePolicy` was given (uniform when none). */
  readonly share?: number;
  /** A complete scenario, over the facts the policy tests, that `evaluate` reproduces the finding with. */
  readonly witness?: Scenario;
  /** For unused custom declarations: the fact name or catalogue entry id. */
  readonly customId?: string;
}
