import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CompiledPolicy, compilePolicy } from '../evaluate/compile-policy.js';
import { evaluate } from '../evaluate/evaluate.js';
import {
  expectedQuestions,
  nextQuestion,
  nextQuestionWithin,
  type QuestionGoal,
  relevantFacts,
} from './next-question.js';
import { parsePolicySource } from '../parse/parse-policy-source.js';
import type { Scenario } from '../parse/scenario.js';
import {
  arbitraryCompleteScenario,
  arbitraryScenario,
  completionsOf,
} from '../testing/arbitrary-scenario.js';
import type { FactValue } from '../vocabulary/fact-types.js';
import { topicsPolicy } from '../testing/support/topics-policy.js';
import {
  goalResult,
  goals,
  meanQuestions,
  questionFor,
  smallPolicy,
} from '../testing/support/questionnaire.js';
import { runs } from '../../../../test/support/property-runs.js';

const starterFile = new URL('../../../../examples/policies/starter.yaml', import.meta.url);
const starterParsed = parsePolicySource(readFileSync(starterFile, 'utf8'), { filename: 'starter.yaml' });
if (!starterParsed.ok) throw new Error('starter.yaml must be valid');
const starter = compilePolicy(starterParsed.policy);

/** The facts the goal depends on, by brute force: some completion changes result when only that fact changes. */
function dependentFactsByBruteForce(
  compiled: CompiledPolicy,
  scenario: Scenario,
  goal: QuestionGoal,
): string[] {
  const known = scenario as Record<string, FactValue | undefined>;
  const completions = completionsOf(compiled, scenario);
  return compiled.factsInPlay.filter(
    (fact) =>
      known[fact] === undefined &&
      completions.some((c) => {
        const here = goalResult(compiled, c, goal);
        return compiled
          .domains(fact)
          .some((v) => goalResult(compiled, { ...c, [fact]: v } as Scenario, goal) !== here);
      }),
  );
}

describe('nextQuestion on the starter policy', () => {
  it('asks first whether the content identifies a client, since a yes settles the outcome at once', () => {
    const q = questionFor(starter, {});
    expect(q?.fact).toBe('content.identifiesClient');
    expect(q?.question).toBe('Could the content identify a client or service user?');
    expect(q?.choices.map((c) => [c.value, c.label])).toEqual([
      [true, 'Yes'],
      [false, 'No'],
    ]);
  });

  it.each<[string, Scenario, string | undefined]>([
    ['a client is identified: settled', { 'content.identifiesClient': true }, undefined],
    ['no client: the account comes next', { 'content.identifiesClient': false }, 'account.kind'],
    [
      'a personal account: only the time is left to learn for out-of-scope',
      { 'content.identifiesClient': false, 'account.kind': 'personal' },
      'context.time',
    ],
    [
      'own time on a personal account: settled as out-of-scope',
      { 'content.identifiesClient': false, 'account.kind': 'personal', 'context.time': 'own-time' },
      undefined,
    ],
  ])('%s', (_, scenario, expected) => {
    expect(questionFor(starter, scenario)?.fact).toBe(expected);
  });

  it('offers the values of an enum fact as choices with their labels, in vocabulary order', () => {
    const q = questionFor(starter, { 'content.identifiesClient': false });
    expect(q?.label).toBe('Account');
    expect(q?.choices.map((c) => c.value)).toEqual([
      'organisational',
      'personal-named',
      'personal',
      'pseudonymous',
    ]);
    expect(q?.choices[2]).toEqual({
      value: 'personal',
      label: 'Personal account',
      phrase: 'you are using your own account',
    });
  });

  it('for the duties goal asks whether the incident is work-related first, and never about the post', () => {
    expect(questionFor(starter, {}, { goal: 'duties' })?.fact).toBe('incident.workRelated');
    expect(questionFor(starter, { 'incident.workRelated': false }, { goal: 'duties' })).toBeUndefined();
    expect(questionFor(starter, { 'incident.workRelated': true }, { goal: 'duties' })?.fact).toBe(
      'incident.kind',
    );
  });
});

describe('relevantFacts', () => {
  it('is exactly the set of facts the goal depends on, found by brute force over every completion', () => {
    fc.assert(
      fc.property(
        smallPolicy.chain((compiled) => fc.tuple(fc.constant(compiled), arbitraryScenario(compiled), goals)),
        ([compiled, scenario, goal]) => {
          expect(relevantFacts(compiled, scenario, goal)).toEqual(
            dependentFactsByBruteForce(compiled, scenario, goal),
          );
        },
      ),
      { numRuns: runs(60) },
    );
  });

  it('is empty exactly when evaluate needs no fact (and, for duties, settles every duty)', () => {
    fc.assert(
      fc.property(
        smallPolicy.chain((compiled) => fc.tuple(fc.constant(compiled), arbitraryScenario(compiled))),
        ([compiled, scenario]) => {
          const d = evaluate(compiled, scenario);
          expect(relevantFacts(compiled, scenario, 'outcome')).toEqual(d.neededFacts);
          if (d.outcome === 'undetermined') expect(d.neededFacts.length).toBeGreaterThan(0);
          expect(relevantFacts(compiled, scenario, 'duties').length === 0).toBe(
            d.undeterminedDuties.length === 0,
          );
        },
      ),
      { numRuns: runs(150) },
    );
  });
});

/** Asks questions with `next` until it stops, answering from a complete scenario; checks each question on the way. */
function followQuestions(
  compiled: CompiledPolicy,
  complete: Scenario,
  goal: QuestionGoal,
  next: (scenario: Scenario) => string | undefined,
): void {
  const answers = complete as Record<string, FactValue>;
  const asked: string[] = [];
  let scenario: Scenario = {};
  for (let fact = next(scenario); fact; fact = next(scenario)) {
    expect(asked).not.toContain(fact);
    expect(dependentFactsByBruteForce(compiled, scenario, goal)).toContain(fact);
    asked.push(fact);
    scenario = { ...scenario, [fact]: answers[fact] } as Scenario;
  }
  const settled = evaluate(compiled, scenario);
  const full = evaluate(compiled, complete);
  if (goal !== 'duties') expect(settled.outcome).toBe(full.outcome);
  if (goal !== 'outcome') {
    expect(settled.undeterminedDuties).toEqual([]);
    expect(settled.duties.map((d) => d.dutyId)).toEqual(full.duties.map((d) => d.dutyId));
  }
}

describe('following nextQuestion with the answers of a complete scenario', () => {
  it('ends with the result of evaluating that scenario, asks no fact twice and only facts still relevant', () => {
    fc.assert(
      fc.property(
        smallPolicy.chain((compiled) =>
          fc.tuple(fc.constant(compiled), arbitraryCompleteScenario(compiled), goals),
        ),
        ([compiled, complete, goal]) =>
          followQuestions(compiled, complete, goal, (s) => questionFor(compiled, s, { goal })?.fact),
      ),
      { numRuns: runs(60) },
    );
  });

  it('keeps those guarantees on the greedy fallback used when a goal is too large to plan exactly', () => {
    fc.assert(
      fc.property(
        smallPolicy.chain((compiled) =>
          fc.tuple(fc.constant(compiled), arbitraryCompleteScenario(compiled), goals),
        ),
        ([compiled, complete, goal]) =>
          followQuestions(compiled, complete, goal, (s) => nextQuestionWithin(compiled, s, goal, 0)?.fact),
      ),
      { numRuns: runs(40) },
    );
  });
});

const examplesFolder = new URL('../../../../examples/policies/', import.meta.url);
const examplePolicies = readdirSync(examplesFolder)
  .filter((f) => f.endsWith('.yaml') && !f.includes('.cases.'))
  .sort();

/**
 * The planner's mean number of questions on each example policy (outcome goal: the outcome, conditions and
 * reviewers), every complete scenario counting once: the exact optimum, rounded up (000 3.6379, 002 3.5758, 003 2.1875,
 * 004 2.9383 since its rule on posts also about the employer (2.9022 before), the management draft 2.3903). Fixed
 * vocabulary order asks 6.07, 3.94, 7.08, 5.00, 4.19 and 4.00 (004's before that rule); 004 cannot reach 60% of
 * its figure, since no questionnaire asks fewer than 2.90 (69%).
 */
const PINNED_MEANS: Record<string, number> = {
  '000_staff-union-alternative.yaml': 3.638,
  '001_online-participation-guidelines.yaml': 1.97,
  '002_domestic-violence-programme.yaml': 3.576,
  '003_council-networking-policy.yaml': 2.188,
  '004_encouraging-guidance.yaml': 2.939,
  'management-draft.yaml': 2.391,
  'starter.yaml': 2.125,
  // The four policy kinds in the standard vocabulary alone (exact optima 2.5215, 1.9667, 0 and 4.2056; the
  // newsroom's protocol has no rules, so its outcome needs no question).
  'council-protocol.yaml': 2.522,
  'government-department-guidance.yaml': 1.967,
  'newsroom-support-protocol.yaml': 0,
  'tech-company-staff.yaml': 4.206,
};

describe('the planner on the example policies', () => {
  it('pins a figure for every example policy', () => {
    expect(Object.keys(PINNED_MEANS).sort()).toEqual(examplePolicies);
  });

  it.each(examplePolicies)('asks on average no more questions than pinned on %s', (file) => {
    const parsed = parsePolicySource(readFileSync(new URL(file, examplesFolder), 'utf8'), { filename: file });
    if (!parsed.ok) throw new Error(`${file} must be valid`);
    const compiled = compilePolicy(parsed.policy);
    const mean = meanQuestions(compiled, (s) => questionFor(compiled, s)?.fact);
    expect(mean).toBeLessThanOrEqual(PINNED_MEANS[file]!);
    expect(expectedQuestions(compiled, {})).toBeCloseTo(mean, 9);
  });
});

describe('nextQuestion on set facts', () => {
  it('asks a set fact whole, offering its members', () => {
    const next = nextQuestion(compilePolicy(topicsPolicy()), {});
    const question = next.ok ? next.question : undefined;
    expect(question).toMatchObject({ fact: 'content.topics', multiple: true });
    expect(question!.choices.map((c) => c.value)).toContain('pay-and-conditions');
    expect(question!.stillRelevant).toEqual(['content.topics']);
  });
});
