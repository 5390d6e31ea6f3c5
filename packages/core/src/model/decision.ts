import type { FactOperator, SetOperator } from './condition.js';
import type { Outcome } from './outcome.js';
import type { DoubtResolution } from './policy-format.js';
import type { Duty, Policy, Rule } from './policy.js';
import type { FactValue, ScenarioValue } from '../vocabulary/fact-types.js';
import type { CatalogueEntry } from '../vocabulary/vocabulary-schema.js';

/** Where a rule or duty came from in its source document. */
export type SourceRef = NonNullable<Rule['source']>;

/** A rule (or the policy's default, when `ruleId` is null) that decides an outcome, with its reason. */
export interface DecidingRule {
  /** The rule's id, or `null` for the policy's default outcome. */
  readonly ruleId: string | null;
  readonly title?: string;
  readonly outcome: Outcome;
  readonly reason: string;
  readonly source?: SourceRef;
  readonly assumption?: string;
}

/** A duty the situation triggers, with its catalogue entries resolved. */
export interface TriggeredDuty {
  readonly dutyId: string;
  readonly action: CatalogueEntry;
  readonly holder: CatalogueEntry;
  readonly modality: Duty['modality'];
  /** ISO 8601 duration after the report, when the policy sets one. */
  readonly deadline?: string;
  readonly consentRequired: boolean;
  readonly text?: string;
  readonly reason: string;
  readonly source?: SourceRef;
  readonly assumption?: string;
}

/** A duty whose trigger depends on facts the scenario does not give. */
export interface UndeterminedDuty {
  readonly dutyId: string;
  /**
   * Exactly the missing facts that decide whether the duty is triggered, in vocabulary order: a fact is listed if
   * and only if two completions that differ in that fact alone differ on whether the duty is triggered.
   */
  readonly neededFacts: readonly string[];
}

/** Whether a condition holds: yes, no, or unknown because a fact it needs is missing. */
export type Truth = 'true' | 'false' | 'unknown';

/** One fact test of a rule, as evaluated. */
export interface FactTestTrace {
  readonly fact: string;
  readonly operator: FactOperator | SetOperator;
  readonly expected: FactValue | readonly FactValue[];
  /** The scenario's value (for a set fact, its members), absent when unknown. */
  readonly actual?: ScenarioValue;
  readonly result: Truth;
}

/** Why a rule did or did not match. */
export interface RuleTrace {
  readonly ruleId: string;
  readonly result: Truth;
  readonly tests: readonly FactTestTrace[];
}

/** A doubt rule of the policy as it was applied to facts answered "not sure". */
export interface AppliedDoubtRule {
  /** The facts answered "not sure" it settled, in vocabulary order. */
  readonly facts: readonly string[];
  /** How it settled them: the strictest outcome still possible, a named outcome, or an assumed value. */
  readonly resolve: DoubtResolution;
  /** Whether it is the policy-wide rule (`doubt.default`) or one for these facts (`doubt.facts`). */
  readonly scope: 'policy' | 'fact';
  /** The value assumed (`assume`). */
  readonly value?: FactValue;
  /** The outcome it gives (`outcome`), or the strictest outcome still possible (`strictest`). */
  readonly outcome?: Outcome;
  readonly reason: string;
  readonly source?: SourceRef;
  readonly assumption?: string;
}

/** How a decision was reached in doubt: which facts were answered "not sure", and which doubt rules decided. */
export interface DecidedInDoubt {
  /** The facts answered "not sure" that the outcome depended on, in vocabulary order. */
  readonly facts: readonly string[];
  /** The policy's doubt rules that decided, assumptions first. */
  readonly rules: readonly AppliedDoubtRule[];
}

/** What the policy says about a scenario, why, who to ask, and what support is owed. */
export interface Decision {
  readonly policyId: string;
  /** The outcome, or `undetermined` when it depends on facts the scenario does not give. */
  readonly outcome: Outcome | 'undetermined';
  /** Every outcome some completion of the scenario gets: one when determined, unless decided in doubt. */
  readonly possibleOutcomes: readonly Outcome[];
  /**
   * Exactly the missing facts the outcome, the conditions or the reviewers depend on, in vocabulary order: a fact is
   * listed if and only if two completions of the scenario that differ in that fact alone differ in outcome,
   * conditions or reviewers (compared as sets). Never empty when the outcome is undetermined; a determined outcome
   * lists the facts that still choose between deciding rules with different conditions or reviewers. The same list
   * `relevantFacts(compiled, scenario)` gives; `nextQuestion` asks only facts from it, until it is empty.
   */
  readonly neededFacts: readonly string[];
  /**
   * The rules that decide: under first-match the first matching rule; under strictest every matching rule at the
   * winning level; the default (ruleId null) when nothing matches. When facts are missing, every rule that may decide.
   */
  readonly decidedBy: readonly DecidingRule[];
  /** Conditions to meet, merged from the deciding rules. */
  readonly conditions: readonly CatalogueEntry[];
  /** Who to ask, merged from the deciding rules. */
  readonly reviewers: readonly CatalogueEntry[];
  /** The duties the scenario triggers, in policy order. */
  readonly duties: readonly TriggeredDuty[];
  /** Duties that may be triggered, depending on facts not given. */
  readonly undeterminedDuties: readonly UndeterminedDuty[];
  /** Which rules matched and why: present when evaluated with `{ trace: true }`. */
  readonly trace?: readonly RuleTrace[];
  /**
   * Present when the decision was reached in doubt: the outcome depended on facts the scenario lists as `unsure`
   * (and on no fact simply left out), and the policy's `doubt` rules decided. `neededFacts` then still lists what
   * would settle it without doubt, and `possibleOutcomes` every outcome an answer could give.
   */
  readonly doubt?: DecidedInDoubt;
}

/** The policy a decision was made under, as `evaluate` needs it. */
export type DecisionPolicy = Pick<Policy, 'id' | 'default' | 'resolution'>;
