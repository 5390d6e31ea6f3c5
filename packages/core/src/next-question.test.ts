import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CompiledPolicy, compilePolicy } from './compile-policy.js';
import { evaluate } from './evaluate.js';
import { nextQuestion, type QuestionGoal, relevantFacts } from './next-question.js';
import { parsePolicySource } from './parse-policy-source.js';
import type { Scenario } from './scenario.js';
import { arbitraryPolicy } from './testing/arbitrary-policy.js';
import { arbitraryCompleteScenario, arbitraryScenario, completionsOf } from './testing/arbitrary-scenario.js';
import type { FactValue } from './vocabulary/fact-types.js';

const starterFile = new URL('../../../examples/policies/starter.yaml', import.meta.url);
const starterParsed = parsePolicySource(readFileSync(starterFile, 'utf8'), { filename: 'starter.yaml' });
if (!starterParsed.ok) throw new Error('starter.yaml must be valid');
const starter = compilePolicy(starterParsed.policy);

/** What a goal looks at in a decision of a complete scenario. */
function result(compiled: CompiledPolicy, scenario: Scenario, goal: QuestionGoal): string {
  const d = evaluate(compiled, scenario, { trusted: true });
  const duties = d.duties.map((x) => x.dutyId).join(',');
  return goal === 'outcome' ? d.outcome : goal === 'duties' ? duties : `${d.outcome}|${duties}`;
}

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
        const here = result(compiled, c, goal);
        return compiled
          .domains(fact)
          .some((v) => result(compiled, { ...c, [fact]: v } as Scenario, goal) !== here);
      }),
  );
}

/** Small policies: three values per enum fact in conditions keep brute force fast. */
const smallPolicy = arbitraryPolicy({ maxRules: 5, maxDuties: 2, maxValuesPerFact: 3 }).map(compilePolicy);
const goals = fc.constantFrom<QuestionGoal>('outcome', 'duties', 'both');

describe('nextQuestion on the starter policy', () => {
  it('asks first whether the content identifies a client, since a yes settles the outcome at once', () => {
    const q = nextQuestion(starter, {});
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
    expect(nextQuestion(starter, scenario)?.fact).toBe(expected);
  });

  it('offers the values of an enum fact as choices with their labels, in vocabulary order', () => {
    const q = nextQuestion(starter, { 'content.identifiesClient': false });
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
    expect(nextQuestion(starter, {}, { goal: 'duties' })?.fact).toBe('incident.workRelated');
    expect(nextQuestion(starter, { 'incident.workRelated': false }, { goal: 'duties' })).toBeUndefined();
    expect(nextQuestion(starter, { 'incident.workRelated': true }, { goal: 'duties' })?.fact).toBe(
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
      { numRuns: 60 },
    );
  });

  it('is empty exactly when evaluate settles the outcome (and, for duties, every duty)', () => {
    fc.assert(
      fc.property(
        smallPolicy.chain((compiled) => fc.tuple(fc.constant(compiled), arbitraryScenario(compiled))),
        ([compiled, scenario]) => {
          const d = evaluate(compiled, scenario);
          expect(relevantFacts(compiled, scenario, 'outcome').length === 0).toBe(
            d.outcome !== 'undetermined',
          );
          expect(relevantFacts(compiled, scenario, 'duties').length === 0).toBe(
            d.undeterminedDuties.length === 0,
          );
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('following nextQuestion with the answers of a complete scenario', () => {
  it('ends with the result of evaluating that scenario, asks no fact twice and only facts still relevant', () => {
    fc.assert(
      fc.property(
        smallPolicy.chain((compiled) =>
          fc.tuple(fc.constant(compiled), arbitraryCompleteScenario(compiled), goals),
        ),
        ([compiled, complete, goal]) => {
          const answers = complete as Record<string, FactValue>;
          const asked: string[] = [];
          let scenario: Scenario = {};
          for (
            let q = nextQuestion(compiled, scenario, { goal });
            q;
            q = nextQuestion(compiled, scenario, { goal })
          ) {
            expect(asked).not.toContain(q.fact);
            expect(dependentFactsByBruteForce(compiled, scenario, goal)).toContain(q.fact);
            asked.push(q.fact);
            scenario = { ...scenario, [q.fact]: answers[q.fact] } as Scenario;
          }
          const settled = evaluate(compiled, scenario);
          const full = evaluate(compiled, complete);
          if (goal !== 'duties') expect(settled.outcome).toBe(full.outcome);
          if (goal !== 'outcome') {
            expect(settled.undeterminedDuties).toEqual([]);
            expect(settled.duties.map((d) => d.dutyId)).toEqual(full.duties.map((d) => d.dutyId));
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
