import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../evaluate/compile-policy.js';
import { evaluate } from '../evaluate/evaluate.js';
import type { Decision } from '../model/decision.js';
import type { Policy } from '../model/policy.js';
import { arbitraryPolicy } from '../testing/arbitrary-policy.js';
import { arbitraryScenario } from '../testing/arbitrary-scenario.js';
import type { CaseExpectation, CaseTable, PolicyCase } from './case-table.js';
import { caseCoverage, runCaseTable } from './run-case-table.js';
import { runs } from '../../../../test/support/property-runs.js';

const RUNS = { numRuns: runs(100) };

/** What a case must say for `decision` to pass: its outcome and every list, exactly. */
function expectationOf(decision: Decision): CaseExpectation {
  const undetermined = decision.outcome === 'undetermined';
  return {
    outcome: decision.outcome,
    duties: decision.duties.map((d) => d.dutyId),
    undeterminedDuties: decision.undeterminedDuties.map((d) => d.dutyId),
    conditions: decision.conditions.map((c) => c.id),
    reviewers: decision.reviewers.map((r) => r.id),
    ...(undetermined
      ? { neededFacts: [...decision.neededFacts], possibleOutcomes: [...decision.possibleOutcomes] }
      : {}),
  };
}

const tableOf = (cases: PolicyCase[]): CaseTable => ({ policy: 'p.yaml', cases });

describe('runCaseTable', () => {
  it('passes a case that expects exactly the decision, and fails it when the outcome is changed', () => {
    fc.assert(
      fc.property(
        arbitraryPolicy({ maxRules: 4 }).chain((policy) =>
          fc.tuple(fc.constant(policy), arbitraryScenario(compilePolicy(policy))),
        ),
        ([policy, scenario]) => {
          const compiled = compilePolicy(policy);
          const expect_ = expectationOf(evaluate(compiled, scenario));
          const testCase = { name: 'c', scenario, expect: expect_, quote: 'q' } as PolicyCase;
          const [pass] = runCaseTable(tableOf([testCase]), policy, compiled);
          expect(pass).toMatchObject({ status: 'pass', problems: [] });
          const other = expect_.outcome === 'permitted' ? 'not-permitted' : 'permitted';
          const wrong = { ...testCase, expect: { outcome: other } } as PolicyCase;
          const [fail] = runCaseTable(tableOf([wrong]), policy, compiled);
          expect(fail!.status).toBe('fail');
          expect(fail!.problems.map((p) => p.message)).toContainEqual(
            `outcome: expected "${other}", got "${expect_.outcome}"`,
          );
        },
      ),
      RUNS,
    );
  });

  it('marks a scenario that does not fit the vocabulary invalid, naming the fact', () => {
    const policy = fc.sample(arbitraryPolicy({ maxRules: 2 }), { numRuns: 1, seed: 3 })[0]!;
    const [result] = runCaseTable(
      tableOf([
        { name: 'c', scenario: { 'account.kind': 'twitter' }, expect: { outcome: 'permitted' }, quote: 'q' },
      ]),
      policy,
      compilePolicy(policy),
    );
    expect(result!.status).toBe('invalid');
    expect(result!.problems[0]!.message).toContain('"twitter"');
  });
});

describe('caseCoverage', () => {
  const policy = {
    schemaVersion: '1.0.0',
    id: 'p',
    title: 'P',
    organisation: 'O',
    version: '1',
    language: 'en-GB',
    vocabulary: 'social-media/1',
    resolution: 'first-match',
    default: { outcome: 'check-first', reviewers: ['comms-team'], reason: 'Ask.' },
    rules: [
      {
        id: 'own-time',
        when: { fact: 'context.time', is: 'own-time' },
        outcome: 'out-of-scope',
        reason: 'Yours.',
      },
      {
        id: 'work-time',
        when: { fact: 'context.time', is: 'work-time' },
        outcome: 'permitted',
        reason: 'Fine.',
      },
    ],
    duties: [
      {
        id: 'report',
        when: { fact: 'incident.workRelated', is: true },
        action: 'receive-report',
        holder: 'safety-lead',
        modality: 'must',
      },
    ],
    commitments: [
      { id: 'no-monitoring', commitment: 'no-monitoring-of-personal-accounts' },
      { id: 'no-passwords', commitment: 'no-password-requests' },
    ],
  } as unknown as Policy;
  const compiled = compilePolicy(policy);
  const ownTime: PolicyCase = {
    name: 'own time',
    scenario: { 'context.time': 'own-time' },
    expect: { outcome: 'out-of-scope' },
    quote: 'q',
    commitments: ['no-monitoring'],
  };
  const unknownTime: PolicyCase = {
    name: 'unknown time',
    scenario: {},
    expect: { outcome: 'undetermined', neededFacts: ['context.time'] },
    quote: 'q',
  };

  it('counts a rule only when it decides a determined case, a duty when triggered, a commitment when named', () => {
    const table = tableOf([ownTime, unknownTime]);
    const coverage = caseCoverage(table, policy, runCaseTable(table, policy, compiled));
    expect(coverage.rules).toEqual({ total: 2, missed: ['work-time'], excused: [] });
    expect(coverage.duties).toEqual({ total: 1, missed: ['report'], excused: [] });
    expect(coverage.commitments).toEqual({ total: 2, missed: ['no-passwords'], excused: [] });
    expect(coverage.percent).toBe(40);
  });

  it('counts an excused entry as covered, and calls an excuse for an exercised or unknown entry stale', () => {
    const table: CaseTable = {
      ...tableOf([ownTime]),
      uncovered: [
        { kind: 'rule', id: 'work-time', reason: 'r' },
        { kind: 'rule', id: 'own-time', reason: 'r' },
        { kind: 'duty', id: 'nothing', reason: 'r' },
      ],
    };
    const coverage = caseCoverage(table, policy, runCaseTable(table, policy, compiled));
    expect(coverage.rules.excused).toEqual([{ id: 'work-time', reason: 'r' }]);
    expect(coverage.staleExcuses).toEqual([
      'uncovered rule "own-time" is exercised by a case',
      'uncovered duty "nothing" is not in the policy',
    ]);
  });

  it('reports a commitment a case names that the policy does not have', () => {
    const [result] = runCaseTable(tableOf([{ ...ownTime, commitments: ['no-such'] }]), policy, compiled);
    expect(result).toMatchObject({
      status: 'invalid',
      problems: [{ message: 'the policy has no commitment "no-such"' }],
    });
  });
});
