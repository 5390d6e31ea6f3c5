import type { Scenario } from '@fairpost/core';

/** What every engine must agree on: the outcome and the deciding rule (null for the policy's default). */
export interface Verdict {
  readonly outcome: string;
  readonly ruleId: string | null;
  /** The ids of the duties owed, comma-separated, for engines that decide duties too. */
  readonly duties?: string;
}

/** One way of deciding a policy, measured against the others. */
export interface Engine {
  readonly name: string;
  /** What the engine does per scenario, in a few words (shown in the report). */
  readonly note: string;
  /** Decides a scenario; the result is the engine's own (a Decision, a rule index, a Promise…). */
  readonly decide: (scenario: Scenario) => unknown;
  /** Reads the verdict out of `decide`'s (awaited) result. */
  readonly verdictOf: (result: unknown) => Verdict;
  /** Whether `decide` returns a Promise. */
  readonly isAsync: boolean;
  /** Scenarios converted ahead of time to the engine's input format (json-logic nests dotted names). */
  readonly prepare?: (scenario: Scenario) => unknown;
}

/** The verdict of the rule at `index` in a policy's rules, or of the default when `index` is -1. */
export function verdictTable(
  rules: readonly { id: string; outcome: string }[],
  defaultOutcome: string,
): (index: number) => Verdict {
  const verdicts = rules.map((r) => Object.freeze({ outcome: r.outcome, ruleId: r.id }));
  const byDefault = Object.freeze({ outcome: defaultOutcome, ruleId: null });
  return (index) => (index < 0 ? byDefault : verdicts[index]!);
}
