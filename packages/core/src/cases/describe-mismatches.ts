import type { Decision } from '../model/decision.js';
import type { CaseExpectation } from './case-table.js';

/**
 * Every way a decision differs from what its case expects, one sentence each; empty when they agree. Lists compare
 * as sets. Triggered duties are always checked (none expected when the case lists none), undetermined ones when listed; conditions and reviewers are checked
 * for every determined case and, when the case lists them, for an undetermined one too.
 * @example
 * describeMismatches(evaluate(compiled, scenario), { outcome: 'out-of-scope' }); // [] when it agrees
 */
export function describeMismatches(decision: Decision, expect: CaseExpectation): string[] {
  const problems: string[] = [];
  if (decision.outcome !== expect.outcome) {
    problems.push(`outcome: expected "${expect.outcome}", got "${decision.outcome}"`);
  }
  const determined = expect.outcome !== 'undetermined';
  const compare = (what: string, expected: readonly string[] | undefined, actual: readonly string[]) => {
    if (expected === undefined) return;
    const difference = setDifference(expected, actual);
    if (difference) problems.push(`${what}: ${difference}`);
  };
  compare(
    'duties',
    expect.duties ?? [],
    decision.duties.map((d) => d.dutyId),
  );
  compare(
    'undeterminedDuties',
    expect.undeterminedDuties,
    decision.undeterminedDuties.map((d) => d.dutyId),
  );
  compare('neededFacts', expect.neededFacts, decision.neededFacts);
  compare('possibleOutcomes', expect.possibleOutcomes, decision.possibleOutcomes);
  compare(
    'conditions',
    expect.conditions ?? (determined ? [] : undefined),
    decision.conditions.map((c) => c.id),
  );
  compare(
    'reviewers',
    expect.reviewers ?? (determined ? [] : undefined),
    decision.reviewers.map((r) => r.id),
  );
  return problems;
}

/** Says what is missing from and extra in `actual`, or nothing when the two hold the same entries. */
function setDifference(expected: readonly string[], actual: readonly string[]): string | undefined {
  const missing = expected.filter((e) => !actual.includes(e));
  const extra = actual.filter((a) => !expected.includes(a));
  if (missing.length === 0 && extra.length === 0) return undefined;
  return [
    missing.length > 0 ? `missing ${missing.join(', ')}` : '',
    extra.length > 0 ? `unexpected ${extra.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}
