import type { CompiledPolicy } from '../evaluate/compile-policy.js';
import { evaluate } from '../evaluate/evaluate.js';
import type { Decision } from '../model/decision.js';
import type { Policy } from '../model/policy.js';
import { formatIssue, type PathSegment } from '../parse/issue.js';
import { parseScenario } from '../parse/scenario.js';
import type { CaseTable, UncoveredEntry } from './case-table.js';
import { describeMismatches } from './describe-mismatches.js';
import type { TextPosition } from './load-case-table.js';

/** The result of one case: whether the policy decided it as the table expects, and every difference if not. */
export interface CaseResult {
  /** The case's name, as written in the table. */
  readonly name: string;
  /** Its position in the table's `cases`. */
  readonly index: number;
  /** `pass` when the decision is the expected one; `fail` when it differs; `invalid` when the scenario or the
   * commitments it names do not fit the policy. */
  readonly status: 'pass' | 'fail' | 'invalid';
  /** One sentence per difference or problem, each with where it is in the table. */
  readonly problems: readonly CaseProblem[];
  /** Where the case's `expect` is in the table (1-based), for reports. */
  readonly at: TextPosition;
  /** The decision the policy gave, when the scenario fitted its vocabulary. */
  readonly decision?: Decision;
}

/** A difference or problem in one case, and where it is in the table (1-based). */
export interface CaseProblem extends TextPosition {
  readonly message: string;
}

/** How a case table's positions are found: `loadCaseTable`'s `locate`, or nothing for a table built in code. */
export type Locate = (path: readonly PathSegment[]) => TextPosition;

const NOWHERE: Locate = () => ({ line: 1, column: 1 });

/**
 * Runs every case of a table against its policy: checks each scenario against the policy's vocabulary, evaluates
 * it, and compares the decision with what the case expects. One place for the CLI's `fairpost test` and the
 * repository's own tests, so the two can never disagree about what a case means.
 * @example
 * const loaded = loadCaseTable(readFileSync('000.cases.yaml', 'utf8'));
 * if (loaded.ok) for (const r of runCaseTable(loaded.table, policy, compilePolicy(policy), loaded.locate))
 *   console.log(r.status, r.name, r.problems.join('; '));
 */
export function runCaseTable(
  table: CaseTable,
  policy: Policy,
  compiled: CompiledPolicy,
  locate: Locate = NOWHERE,
): CaseResult[] {
  const commitmentIds = new Set((policy.commitments ?? []).map((c) => c.id));
  const problem = (path: readonly PathSegment[], message: string): CaseProblem => ({
    ...locate(path),
    message,
  });
  return table.cases.map((testCase, index) => {
    const base = { name: testCase.name, index, at: locate(['cases', index, 'expect']) };
    const unknownCommitments = (testCase.commitments ?? []).flatMap((id, i) =>
      commitmentIds.has(id)
        ? []
        : [problem(['cases', index, 'commitments', i], `the policy has no commitment "${id}"`)],
    );
    const checked = parseScenario(testCase.scenario, compiled);
    if (!checked.ok) {
      const problems = checked.issues.map((issue) =>
        problem(['cases', index, 'scenario', ...issue.path], formatIssue(issue)),
      );
      return { ...base, status: 'invalid', problems: [...problems, ...unknownCommitments] };
    }
    const decision = evaluate(compiled, checked.scenario);
    if (unknownCommitments.length > 0)
      return { ...base, status: 'invalid', problems: unknownCommitments, decision };
    const mismatches = describeMismatches(decision, testCase.expect);
    return mismatches.length === 0
      ? { ...base, status: 'pass', problems: [], decision }
      : {
          ...base,
          status: 'fail',
          problems: mismatches.map((message) => ({ ...base.at, message })),
          decision,
        };
  });
}

/** What a kind of entry's coverage is: how many there are, and which no case exercises. */
export interface EntryCoverage {
  readonly total: number;
  /** Ids of entries no case exercises and the table does not excuse. */
  readonly missed: readonly string[];
  /** Entries no case exercises that the table lists under `uncovered`, with its reason. */
  readonly excused: readonly { readonly id: string; readonly reason: string }[];
}

/** Which rules, duties and commitments a table's cases exercise. */
export interface CaseCoverage {
  /** A rule is exercised when it decides at least one determined case. */
  readonly rules: EntryCoverage;
  /** A duty is exercised when at least one case triggers it. */
  readonly duties: EntryCoverage;
  /** A commitment is exercised when at least one case names it under `commitments`. */
  readonly commitments: EntryCoverage;
  /** The share of entries exercised or excused, in percent (100 for a policy with no entries). */
  readonly percent: number;
  /** Entries of `uncovered` that are not in the policy or that a case does exercise: the excuse is out of date. */
  readonly staleExcuses: readonly string[];
}

/**
 * Which rules, duties and commitments the cases exercise, from their results: a rule must decide a determined
 * case (a rule that only might decide proves nothing), a duty must be triggered, a commitment named. Entries the
 * table excuses under `uncovered` count as covered and are reported with their reason.
 * @example
 * const coverage = caseCoverage(table, policy, runCaseTable(table, policy, compiled));
 * if (coverage.percent < 100) console.log(coverage.rules.missed);
 */
export function caseCoverage(table: CaseTable, policy: Policy, results: readonly CaseResult[]): CaseCoverage {
  const decisions = results.flatMap((r) => (r.decision ? [r.decision] : []));
  const deciding = new Set(
    decisions
      .filter((d) => d.outcome !== 'undetermined')
      .flatMap((d) => d.decidedBy.flatMap((r) => (r.ruleId === null ? [] : [r.ruleId]))),
  );
  const triggered = new Set(decisions.flatMap((d) => d.duties.map((duty) => duty.dutyId)));
  const named = new Set(table.cases.flatMap((c) => c.commitments ?? []));
  const staleExcuses: string[] = [];
  const cover = (
    kind: UncoveredEntry['kind'],
    ids: readonly string[],
    exercised: ReadonlySet<string>,
  ): EntryCoverage => {
    const reasons = new Map(
      (table.uncovered ?? []).filter((u) => u.kind === kind).map((u) => [u.id, u.reason]),
    );
    for (const id of reasons.keys()) {
      if (!ids.includes(id)) staleExcuses.push(`uncovered ${kind} "${id}" is not in the policy`);
      else if (exercised.has(id)) staleExcuses.push(`uncovered ${kind} "${id}" is exercised by a case`);
    }
    const unexercised = ids.filter((id) => !exercised.has(id));
    return {
      total: ids.length,
      missed: unexercised.filter((id) => !reasons.has(id)),
      excused: unexercised.flatMap((id) => {
        const reason = reasons.get(id);
        return reason === undefined ? [] : [{ id, reason }];
      }),
    };
  };
  const rules = cover(
    'rule',
    policy.rules.map((r) => r.id),
    deciding,
  );
  const duties = cover(
    'duty',
    (policy.duties ?? []).map((d) => d.id),
    triggered,
  );
  const commitments = cover(
    'commitment',
    (policy.commitments ?? []).map((c) => c.id),
    named,
  );
  const total = rules.total + duties.total + commitments.total;
  const missed = rules.missed.length + duties.missed.length + commitments.missed.length;
  return {
    rules,
    duties,
    commitments,
    percent: total === 0 ? 100 : (100 * (total - missed)) / total,
    staleExcuses,
  };
}
