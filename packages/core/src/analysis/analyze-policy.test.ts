import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flagshipPolicy } from '../testing/support/flagship.js';
import { unfrozen } from '../testing/support/unfrozen.js';
import {
  type CompiledPolicy,
  type CompiledRule,
  compileCondition,
  compilePolicy,
  engineOf,
} from '../evaluate/compile-policy.js';
import { TRUE } from '../evaluate/compile-policy.js';
import type { Condition } from '../model/condition.js';
import { evaluate } from '../evaluate/evaluate.js';
import { compileAlternately } from '../testing/support/engine-paths.js';
import { parsePolicy } from '../parse/parse-policy.js';
import type { Policy } from '../model/policy.js';
import type { Scenario, ScenarioWithDoubt } from '../parse/scenario.js';
import { arbitraryPolicy } from '../testing/arbitrary-policy.js';
import { factDomain } from '../vocabulary/resolve-vocabulary.js';
import type { FactValue } from '../vocabulary/fact-types.js';
import { analyzePolicy } from './analyze-policy.js';
import type { Finding } from './finding.js';
import { runs } from '../../../../test/support/property-runs.js';

/** Every complete scenario over the facts a policy tests: the brute force the analysis must agree with. */
function everyScenario(compiled: CompiledPolicy): Scenario[] {
  let out: Record<string, FactValue>[] = [{}];
  for (const fact of compiled.factsInPlay) {
    const domain = factDomain(compiled.vocabulary.facts.get(fact)!);
    out = out.flatMap((s) => domain.map((v) => ({ ...s, [fact]: v })));
  }
  return out as Scenario[];
}

/** A test of whether a scenario lies in a finding's region (compiled once, applied to every scenario). */
const regionTest = (compiled: CompiledPolicy, when: Condition) => {
  const { test } = compileCondition(when, compiled.vocabulary);
  return (s: Scenario) => test(s) === TRUE;
};

const policyOf = (extra: Partial<Policy>): Policy => {
  const result = parsePolicy({
    schemaVersion: '1.0.0',
    id: 'planted',
    title: 'Planted problems',
    organisation: 'Test',
    version: '1',
    language: 'en-GB',
    vocabulary: 'social-media/1',
    resolution: 'first-match',
    default: { outcome: 'check-first', reviewers: ['comms-team'], reason: 'Ask when unsure.' },
    rules: [],
    ...extra,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.policy;
};

const planted = policyOf({
  rules: [
    {
      id: 'clients-never',
      when: { fact: 'content.identifiesClient', is: true },
      outcome: 'not-permitted',
      reason: 'Clients come first.',
    },
    {
      id: 'impossible',
      when: {
        all: [
          { fact: 'account.kind', is: 'personal' },
          { fact: 'account.kind', is: 'organisational' },
        ],
      },
      outcome: 'permitted',
      reason: 'Cannot happen.',
    },
    {
      id: 'own-time',
      when: { fact: 'context.time', is: 'own-time' },
      outcome: 'out-of-scope',
      reason: 'Your own time.',
    },
    {
      id: 'weekend-client-posts',
      when: {
        all: [
          { fact: 'context.time', is: 'own-time' },
          { fact: 'content.identifiesClient', is: true },
        ],
      },
      outcome: 'check-first',
      reviewers: ['safeguarding-lead'],
      reason: 'Shadowed by the two rules above.',
    },
    {
      id: 'work-time-org',
      when: {
        all: [
          { fact: 'context.time', is: 'work-time' },
          { fact: 'account.kind', is: 'organisational' },
        ],
      },
      outcome: 'check-first',
      reason: 'Ask before posting for us.',
    },
  ],
  duties: [
    {
      id: 'never',
      when: { all: [{ fact: 'incident.kind', is: 'none' }, { not: { fact: 'incident.kind', is: 'none' } }] },
      action: 'receive-report',
      holder: 'safety-lead',
      modality: 'must',
      reason: 'Never triggers.',
    },
  ],
  custom: {
    facts: [
      {
        name: 'custom.campaignPhase',
        type: 'boolean',
        label: 'Campaign phase',
        description: 'Whether a campaign is running.',
        whenTrue: 'a campaign is running',
        whenFalse: 'no campaign is running',
      },
    ],
    commitments: [{ id: 'custom-four-day-week', label: 'Four-day week', phrase: 'we work four days' }],
  },
});

const codes = (findings: readonly Finding[], code: Finding['code']) =>
  findings.filter((f) => f.code === code);

describe('analyzePolicy on a policy with planted problems', () => {
  const compiled = compilePolicy(planted);
  const findings = analyzePolicy(compiled);

  it('finds the contradictory rule', () => {
    expect(codes(findings, 'never-matches').map((f) => f.ruleIds)).toEqual([['impossible']]);
  });

  it('finds the shadowed rule and names the earlier rules that take its scenarios, with a witness', () => {
    const [shadowed, ...more] = codes(findings, 'shadowed');
    expect(more).toEqual([]);
    expect(shadowed!.ruleIds).toEqual(['weekend-client-posts', 'clients-never']);
    const decision = evaluate(compiled, shadowed!.witness!);
    expect(engineOf(compiled).rules[3]!.test(shadowed!.witness!)).toBe(TRUE);
    expect(decision.decidedBy[0]!.ruleId).toBe('clients-never');
  });

  it('finds the gap as a readable region whose witness falls to the default', () => {
    const gaps = codes(findings, 'gap');
    expect(gaps.map((g) => g.region)).toEqual([
      'account is not organisation’s account and time is work time and it could not identify a client',
    ]);
    const decision = evaluate(compiled, gaps[0]!.witness!);
    expect(decision.decidedBy.map((d) => d.ruleId)).toEqual([null]);
    // Not the organisation's account (3 of 4), work time (1 of 2), no client identified (1 of 2).
    expect(gaps[0]!.share).toBe(3 / 16);
  });

  it('reports where rules with different outcomes overlap, and which one wins', () => {
    const overlap = codes(findings, 'conflicting-overlap').find((f) => f.ruleIds[1] === 'own-time')!;
    expect(overlap.ruleIds).toEqual(['clients-never', 'own-time']);
    expect(overlap.severity).toBe('info');
    expect(evaluate(compiled, overlap.witness!).outcome).toBe('not-permitted');
  });

  it('finds the duty that can never trigger, the reviewerless check-first and the unused custom declarations', () => {
    expect(codes(findings, 'duty-never-triggers').map((f) => f.dutyIds)).toEqual([['never']]);
    expect(codes(findings, 'check-first-without-reviewer').map((f) => f.ruleIds)).toEqual([
      ['work-time-org'],
    ]);
    expect(codes(findings, 'unused-custom-fact').map((f) => f.customId)).toEqual(['custom.campaignPhase']);
    expect(codes(findings, 'unused-custom-entry').map((f) => f.customId)).toEqual(['custom-four-day-week']);
  });

  it('flags conditions and reviewers that do not fit the outcome', () => {
    const odd = compilePolicy(
      policyOf({
        default: { outcome: 'permitted-with-conditions', reason: 'Default.' },
        rules: [
          {
            id: 'permitted-but',
            when: { fact: 'context.time', is: 'own-time' },
            outcome: 'permitted',
            conditions: ['state-personal-view'],
            reviewers: ['comms-team'],
            reason: 'Odd.',
          },
        ],
      }),
    );
    expect(analyzePolicy(odd).map((f) => `${f.code}:${f.ruleIds.join(',')}`)).toEqual([
      'gap:',
      'conditions-on-unconditional-outcome:permitted-but',
      'reviewers-on-other-outcome:permitted-but',
      'conditional-outcome-without-conditions:',
    ]);
  });

  it('says when the default can never apply', () => {
    const total = policyOf({
      rules: [{ id: 'all', when: { all: [] }, outcome: 'permitted', reason: 'Always.' }],
    });
    expect(analyzePolicy(total).map((f) => f.code)).toEqual(['default-unreachable']);
  });

  it('finds a redundant rule under strictest and removing it changes no decision', () => {
    const strict = policyOf({
      resolution: 'strictest',
      rules: [
        {
          id: 'clients',
          when: { fact: 'content.identifiesClient', is: true },
          outcome: 'not-permitted',
          reason: 'R.',
        },
        {
          id: 'client-images',
          when: {
            all: [
              { fact: 'content.identifiesClient', is: true },
              { fact: 'content.kind', is: 'image-of-people' },
            ],
          },
          outcome: 'check-first',
          reviewers: ['safeguarding-lead'],
          reason: 'R.',
        },
      ],
    });
    const [redundant] = codes(analyzePolicy(strict), 'redundant');
    expect(redundant!.ruleIds).toEqual(['client-images', 'clients']);
    expect(evaluate(compilePolicy(strict), redundant!.witness!).outcome).toBe('not-permitted');
  });
});

describe('doubt rules that never apply', () => {
  const withDoubt = policyOf({
    rules: [
      {
        id: 'clients',
        when: { fact: 'content.identifiesClient', is: true },
        outcome: 'not-permitted',
        reason: 'R.',
      },
    ],
    duties: [
      {
        id: 'report',
        when: { fact: 'incident.kind', isNot: 'none' },
        action: 'receive-report',
        holder: 'safety-lead',
        modality: 'must',
        reason: 'R.',
      },
    ],
    doubt: {
      facts: [
        { fact: 'content.identifiesClient', resolve: 'assume', value: true, reason: 'Assume it could.' },
        { fact: 'incident.kind', resolve: 'strictest', reason: 'Only a duty tests it.' },
        { fact: 'context.time', resolve: 'strictest', reason: 'Nothing tests it.' },
      ],
    },
  });

  it('names the doubt rules for facts no rule tests, a fact only a duty tests included', () => {
    expect(codes(analyzePolicy(withDoubt), 'doubt-rule-never-applies').map((f) => f.message)).toEqual([
      'The doubt rule for “incident.kind” never applies: no rule tests that fact, so answering it “not sure” never leaves an outcome open.',
      'The doubt rule for “context.time” never applies: no rule tests that fact, so answering it “not sure” never leaves an outcome open.',
    ]);
  });

  it('is right that they never apply: without them every decision with their facts unsure is the same', () => {
    const facts = ['content.identifiesClient', 'incident.kind', 'context.time'];
    const without = compilePolicy({
      ...withDoubt,
      doubt: { facts: withDoubt.doubt!.facts!.slice(0, 1) },
    });
    const compiled = compilePolicy(withDoubt);
    fc.assert(
      fc.property(
        fc.subarray(facts),
        fc.boolean(),
        fc.constantFrom('none', 'doxxing', 'harassment'),
        (unsure, clients, incident) => {
          const scenario = {
            ...(unsure.includes('content.identifiesClient') ? {} : { 'content.identifiesClient': clients }),
            ...(unsure.includes('incident.kind') ? {} : { 'incident.kind': incident }),
            unsure,
          } as ScenarioWithDoubt;
          expect(evaluate(compiled, scenario)).toEqual(evaluate(without, scenario));
        },
      ),
    );
  });
});

const small = { maxRules: 6, maxValuesPerFact: 3, maxDuties: 2 };

/** Whether a scenario lies in the union of some findings' regions. */
const inFindings = (compiled: CompiledPolicy, findings: readonly Finding[]) => {
  const tests = findings.map((f) => regionTest(compiled, f.when!));
  return (s: Scenario) => tests.some((t) => t(s));
};

describe('analyzePolicy agrees with brute-force enumeration of every complete scenario', () => {
  it('finds exactly the gaps, the never-matching rules and the duties that never trigger', () => {
    fc.assert(
      fc.property(arbitraryPolicy(small), (policy) => {
        const compiled = compileAlternately(policy);
        const findings = analyzePolicy(compiled);
        const scenarios = everyScenario(compiled);
        const gaps = codes(findings, 'gap');
        const inGap = inFindings(compiled, gaps);
        for (const s of scenarios) {
          const uncovered = engineOf(compiled).rules.every((r) => r.test(s) !== TRUE);
          expect(inGap(s)).toBe(uncovered);
        }
        expect(codes(findings, 'default-unreachable').length === 1).toBe(gaps.length === 0);
        for (const gap of gaps) expect(evaluate(compiled, gap.witness!).decidedBy[0]!.ruleId).toBeNull();
        const never = engineOf(compiled).rules.filter((r) => scenarios.every((s) => r.test(s) !== TRUE));
        expect(codes(findings, 'never-matches').map((f) => f.ruleIds[0])).toEqual(
          never.map((r) => r.rule.id),
        );
        const silentDuties = engineOf(compiled).duties.filter((d) =>
          scenarios.every((s) => d.test(s) !== TRUE),
        );
        expect(codes(findings, 'duty-never-triggers').map((f) => f.dutyIds[0])).toEqual(
          silentDuties.map((d) => d.duty.id),
        );
      }),
      { numRuns: runs(60) },
    );
  });

  it('finds exactly the shadowed rules under first-match, each witness decided by a named earlier rule', () => {
    fc.assert(
      fc.property(arbitraryPolicy({ ...small, resolution: 'first-match' }), (policy) => {
        const compiled = compileAlternately(policy);
        const findings = analyzePolicy(compiled);
        const scenarios = everyScenario(compiled);
        const shadowed = engineOf(compiled).rules.filter((r) => {
          const matches = scenarios.filter((s) => r.test(s) === TRUE);
          return (
            matches.length > 0 &&
            matches.every((s) =>
              engineOf(compiled).rules.some((e) => e.index < r.index && e.test(s) === TRUE),
            )
          );
        });
        const found = codes(findings, 'shadowed');
        expect(found.map((f) => f.ruleIds[0])).toEqual(shadowed.map((r) => r.rule.id));
        for (const f of found) {
          const decision = evaluate(compiled, f.witness!);
          expect(f.ruleIds.slice(1)).toContain(decision.decidedBy[0]!.ruleId);
          expect(
            engineOf(compiled)
              .rules.find((r) => r.rule.id === f.ruleIds[0])!
              .test(f.witness!),
          ).toBe(TRUE);
        }
      }),
      { numRuns: runs(60) },
    );
  });

  it('finds exactly the redundant rules under strictest, and removing one changes no outcome', () => {
    fc.assert(
      fc.property(arbitraryPolicy({ ...small, resolution: 'strictest' }), (policy) => {
        const compiled = compileAlternately(policy);
        const findings = analyzePolicy(compiled);
        const scenarios = everyScenario(compiled);
        const ids = (xs: readonly { id: string }[]) => xs.map((x) => x.id);
        const covers = (o: CompiledRule, r: CompiledRule) =>
          o !== r &&
          (o.strictness > r.strictness ||
            (o.rule.outcome === r.rule.outcome &&
              ids(r.conditions).every((c) => ids(o.conditions).includes(c)) &&
              ids(r.reviewers).every((c) => ids(o.reviewers).includes(c))));
        const redundant = engineOf(compiled).rules.filter((r) => {
          const matches = scenarios.filter((s) => r.test(s) === TRUE);
          return (
            matches.length > 0 &&
            matches.every((s) => engineOf(compiled).rules.some((o) => covers(o, r) && o.test(s) === TRUE))
          );
        });
        const found = codes(findings, 'redundant');
        expect(found.map((f) => f.ruleIds[0])).toEqual(redundant.map((r) => r.rule.id));
        for (const f of found) {
          const without = compileAlternately({
            ...policy,
            rules: policy.rules.filter((r) => r.id !== f.ruleIds[0]),
          });
          for (const s of scenarios) {
            const before = evaluate(compiled, s, { trusted: true });
            const after = evaluate(without, s, { trusted: true });
            expect(after.outcome).toBe(before.outcome);
            expect(new Set(ids(after.conditions))).toEqual(new Set(ids(before.conditions)));
            expect(new Set(ids(after.reviewers))).toEqual(new Set(ids(before.reviewers)));
          }
        }
      }),
      { numRuns: runs(40) },
    );
  });

  it('finds exactly the scenarios where rules with different outcomes compete, and the winner decides the witness', () => {
    fc.assert(
      fc.property(arbitraryPolicy(small), (policy) => {
        const compiled = compileAlternately(policy);
        const findings = codes(analyzePolicy(compiled), 'conflicting-overlap');
        const scenarios = everyScenario(compiled);
        const firstMatch = policy.resolution === 'first-match';
        const rules = engineOf(compiled).rules;
        const expected: string[] = [];
        for (const a of rules)
          for (const b of rules) {
            if (b.index <= a.index || a.rule.outcome === b.rule.outcome) continue;
            const level = Math.max(a.strictness, b.strictness);
            const competing = new Set(
              scenarios.filter(
                (s) =>
                  a.test(s) === TRUE &&
                  b.test(s) === TRUE &&
                  (firstMatch
                    ? rules.every((e) => e.index >= a.index || e.test(s) !== TRUE)
                    : rules.every((e) => e.strictness <= level || e.test(s) !== TRUE)),
              ),
            );
            if (competing.size === 0) continue;
            expected.push(`${a.rule.id}/${b.rule.id}`);
            const finding = findings.find((f) => f.ruleIds.join('/') === `${a.rule.id}/${b.rule.id}`);
            if (!finding) continue;
            const inOverlap = regionTest(compiled, finding.when!);
            for (const s of scenarios) expect(inOverlap(s)).toBe(competing.has(s));
            const winner = firstMatch || a.strictness > b.strictness ? a : b;
            expect(evaluate(compiled, finding.witness!).outcome).toBe(winner.rule.outcome);
          }
        expect(findings.map((f) => f.ruleIds.join('/'))).toEqual(expected);
      }),
      { numRuns: runs(60) },
    );
  });
});

describe('analyzePolicy’s findings', () => {
  it('are frozen all the way down', () => {
    expect(unfrozen(analyzePolicy(flagshipPolicy))).toEqual([]);
  });
});
