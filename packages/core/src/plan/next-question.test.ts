import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CompiledPolicy, compilePolicy } from '../evaluate/compile-policy.js';
import { compileAlternately, ENGINE_PATHS } from '../testing/support/engine-paths.js';
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
import { arbitraryPolicy } from '../testing/arbitrary-policy.js';
import {
  arbitraryCompleteScenario,
  arbitraryScenario,
  completionsOf,
} from '../testing/arbitrary-scenario.js';
import type { FactValue } from '../vocabulary/fact-types.js';
import { factOfDimension } from '../model/condition-node.js';

const starterFile = new URL('../../../../examples/policies/starter.yaml', import.meta.url);
const starterParsed = parsePolicySource(readFileSync(starterFile, 'utf8'), { filename: 'starter.yaml' });
if (!starterParsed.ok) throw new Error('starter.yaml must be valid');
const starter = compilePolicy(starterParsed.policy);

/** What a goal looks at in a decision of a complete scenario. */
function result(compiled: CompiledPolicy, scenario: Scenario, goal: QuestionGoal): string {
  const d = evaluate(compiled, scenario, { trusted: true });
  const duties = d.duties.map((x) => x.dutyId).join(',');
  // The outcome goal settles what the decision says beside duties: the outcome, the conditions and the reviewers.
  const ids = (entries: readonly { id: string }[]) => entries.map((e) => e.id).sort();
  const outcome = JSON.stringify([d.outcome, ids(d.conditions), ids(d.reviewers)]);
  return goal === 'outcome' ? outcome : goal === 'duties' ? duties : `${outcome}|${duties}`;
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
const smallPolicy = arbitraryPolicy({ maxRules: 5, maxDuties: 2, maxValuesPerFact: 3 }).chain((policy) =>
  fc.constantFrom(...ENGINE_PATHS).map((path) => path.compile(policy)),
);
const goals = fc.constantFrom<QuestionGoal>('outcome', 'duties', 'both');

/** The question `nextQuestion` asks for a scenario the test knows is valid (`undefined` when settled). */
function questionFor(...args: Parameters<typeof nextQuestion>) {
  const next = nextQuestion(...args);
  if (!next.ok) throw new Error(`invalid scenario: ${next.issues.map((i) => i.message).join('; ')}`);
  return next.question;
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
      { numRuns: 60 },
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
      { numRuns: 150 },
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
      { numRuns: 60 },
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
      { numRuns: 40 },
    );
  });
});

/** The mean number of questions a strategy asks, every complete scenario counting once (each answer equally likely). */
/** Every answer to a fact: its values, or for a set fact every set of the members the policy tests. */
function answersTo(compiled: CompiledPolicy, fact: string): readonly (FactValue | string[])[] {
  if (compiled.vocabulary.facts.get(fact)?.type !== 'set') return compiled.domains(fact);
  const members = compiled.factsInPlay.flatMap((d) =>
    d.startsWith(`${fact}[`) ? [d.slice(fact.length + 1, -1)] : [],
  );
  return members.reduce<string[][]>((sets, m) => sets.flatMap((s) => [s, [...s, m]]), [[]]);
}

function meanQuestions(compiled: CompiledPolicy, next: (scenario: Scenario) => string | undefined): number {
  const walk = (scenario: Scenario): number => {
    const fact = next(scenario);
    if (fact === undefined) return 0;
    const domain = answersTo(compiled, fact);
    let total = 0;
    for (const value of domain) total += walk({ ...scenario, [fact]: value } as Scenario);
    return 1 + total / domain.length;
  };
  return walk({});
}

/**
 * The least mean number of questions any questionnaire needs, by exhaustive search over raw fact values (no merging
 * of values, no pruning): the minimum over every unknown fact of one plus the mean over its answers.
 */
function optimumByBruteForce(compiled: CompiledPolicy, goal: QuestionGoal): number {
  // A set fact is one question, answered with a whole set.
  const facts = [...new Set(compiled.factsInPlay.map(factOfDimension))];
  const keyOf = (value: unknown) => JSON.stringify(Array.isArray(value) ? [...value].sort() : value);
  const complete = completionsOf(compiled, {}).map((s) => ({
    values: s as Record<string, unknown>,
    result: result(compiled, s, goal),
  }));
  const memo = new Map<string, number>();
  const search = (known: Record<string, unknown>, matching: typeof complete): number => {
    if (matching.every((m) => m.result === matching[0]?.result)) return 0;
    const key = facts.map((f) => (known[f] === undefined ? '?' : keyOf(known[f]))).join('|');
    const cached = memo.get(key);
    if (cached !== undefined) return cached;
    let best = Number.POSITIVE_INFINITY;
    for (const fact of facts) {
      if (known[fact] !== undefined) continue;
      const answers = answersTo(compiled, fact);
      let total = 0;
      for (const value of answers)
        total += search(
          { ...known, [fact]: value },
          matching.filter((m) => keyOf(m.values[fact]) === keyOf(value)),
        );
      best = Math.min(best, 1 + total / answers.length);
    }
    memo.set(key, best);
    return best;
  };
  return search({}, complete);
}

const scenarioCount = (compiled: CompiledPolicy) =>
  compiled.factsInPlay.reduce((n, f) => n * compiled.domains(f).length, 1);

describe('the questionnaire nextQuestion builds', () => {
  it.each([
    ['asks the fewest questions possible on average', {}],
    // A set fact is asked whole, as one question (`Question.multiple`), however many members the policy tests.
    [
      'asks a set fact whole, as one question',
      { facts: ['content.topics', 'account.kind', 'content.hasConsent'] },
    ],
  ] as const)('%s, as exhaustive search over every questionnaire finds', (_name, facts) => {
    fc.assert(
      fc.property(
        arbitraryPolicy({ ...facts, maxRules: 4, maxDuties: 2, maxValuesPerFact: 3 })
          .map(compileAlternately)
          .filter((compiled) => scenarioCount(compiled) <= 1500),
        goals,
        (compiled, goal) => {
          const optimum = optimumByBruteForce(compiled, goal);
          expect(meanQuestions(compiled, (s) => questionFor(compiled, s, { goal })?.fact)).toBeCloseTo(
            optimum,
            9,
          );
          expect(expectedQuestions(compiled, {}, goal)).toBeCloseTo(optimum, 9);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('counts one question for a set fact however many of its members the policy tests', () => {
    const parsed = parsePolicySource(
      JSON.stringify({
        schemaVersion: '1.0.0',
        id: 'topics',
        title: 'Topics',
        organisation: 'Example',
        version: '1',
        language: 'en-GB',
        vocabulary: 'social-media/1',
        resolution: 'first-match',
        default: { outcome: 'permitted', reason: 'Anything else is fine.' },
        rules: [
          {
            id: 'pay-and-employer',
            when: { fact: 'content.topics', includesAll: ['employer', 'pay-and-conditions'] },
            outcome: 'check-first',
            reviewers: ['comms-team'],
            reason: 'Ask first.',
          },
          {
            id: 'politics',
            when: { fact: 'content.topics', includesAny: ['party-politics', 'clients'] },
            outcome: 'not-permitted',
            reason: 'Not this.',
          },
        ],
      }),
      { filename: 'topics.json' },
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const compiled = compilePolicy(parsed.policy);
    expect(compiled.factsInPlay.length).toBe(4);
    // One question settles everything: the answer is the whole set of topics.
    expect(expectedQuestions(compiled, {})).toBe(1);
    expect(meanQuestions(compiled, (s) => questionFor(compiled, s)?.fact)).toBe(1);
  });

  it('reports with expectedQuestions the mean it will ask from any partial answer', () => {
    fc.assert(
      fc.property(
        smallPolicy.chain((compiled) => fc.tuple(fc.constant(compiled), arbitraryScenario(compiled), goals)),
        ([compiled, scenario, goal]) => {
          const known = scenario as Record<string, FactValue | undefined>;
          const mean = (s: Scenario): number => {
            const q = questionFor(compiled, s, { goal });
            if (!q) return 0;
            return (
              1 +
              q.choices.reduce((t, c) => t + mean({ ...s, [q.fact]: c.value } as Scenario), 0) /
                q.choices.length
            );
          };
          fc.pre(compiled.factsInPlay.filter((f) => known[f] === undefined).length <= 6);
          expect(expectedQuestions(compiled, scenario, goal)).toBeCloseTo(mean(scenario), 9);
        },
      ),
      { numRuns: 40 },
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
