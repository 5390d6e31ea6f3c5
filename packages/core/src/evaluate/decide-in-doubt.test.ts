import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CompiledPolicy,
  type Doubt,
  evaluate,
  type FactDoubtRule,
  nextQuestion,
  OUTCOMES,
  type Outcome,
  outcomeStrictness,
  type Policy,
  parsePolicy,
  type Scenario,
  type ScenarioWithDoubt,
  standardVocabulary,
} from '../index.js';
import { arbitraryCompleteScenario, arbitraryPolicy, completionsOf } from '../testing.js';
import { PARTIAL_ENGINE_PATHS } from '../testing/support/engine-paths.js';
import { referenceDecide } from '../testing/support/reference-evaluator.js';
import { validPolicyJson } from '../testing/support/valid-policy.js';
import { runs } from '../../../../test/support/property-runs.js';
import { SMALL_FACTS } from '../testing/support/small-facts.js';

/** The small valid policy of the tests with some parts replaced. */
const validPolicy = (parts: Record<string, unknown>): Policy =>
  ({ ...validPolicyJson(), ...parts }) as Policy;

const FACTS = SMALL_FACTS;
const RUNS = { numRuns: runs(80) };
const domain = (fact: string) => {
  const d = standardVocabulary.facts.get(fact)!;
  return d.type === 'boolean' ? [true, false] : d.values.map((v) => v.value);
};

const arbitraryOutcome = fc.constantFrom(...OUTCOMES);
const arbitraryPolicyRule = fc.oneof(
  fc.constant({ resolve: 'strictest' as const, reason: 'If in doubt, do not post it.' }),
  arbitraryOutcome.map((outcome) => ({
    resolve: 'outcome' as const,
    outcome,
    ...(outcome === 'check-first' ? { reviewers: ['comms-team'] } : {}),
    reason: 'When unsure, check first.',
  })),
);
const arbitraryFactRule = (fact: string): fc.Arbitrary<FactDoubtRule> =>
  fc.oneof(
    arbitraryPolicyRule.map((rule) => ({ fact, ...rule }) as FactDoubtRule),
    fc
      .constantFrom(...domain(fact))
      .map(
        (value) => ({ fact, resolve: 'assume', value, reason: 'Assume the usual case.' }) as FactDoubtRule,
      ),
  );
const arbitraryDoubt: fc.Arbitrary<Doubt> = fc
  .tuple(
    fc.option(arbitraryPolicyRule, { nil: undefined }),
    fc.subarray([...FACTS]).chain((facts) => fc.tuple(...facts.map(arbitraryFactRule))),
  )
  .map(([policyWide, facts]) => ({
    ...(policyWide ? { default: policyWide } : {}),
    ...(facts.length > 0 ? { facts } : {}),
  }));

type Knowledge = 'known' | 'unsure' | 'unasked';
interface Case {
  readonly policy: Policy;
  readonly doubt: Doubt;
  readonly scenario: ScenarioWithDoubt;
  /** The complete scenario the case was cut from: the answers a person would give. */
  readonly complete: Scenario;
}
const arbitraryCase = (doubt: fc.Arbitrary<Doubt> = arbitraryDoubt): fc.Arbitrary<Case> =>
  fc
    .tuple(
      arbitraryPolicy({ facts: FACTS, maxRules: 6 }),
      doubt,
      arbitraryCompleteScenario(standardVocabulary, FACTS),
      fc.array(fc.constantFrom<Knowledge>('known', 'unsure', 'unasked'), {
        minLength: FACTS.length,
        maxLength: FACTS.length,
      }),
    )
    .map(([policy, doubt, complete, knowledge]) => {
      const entries = Object.entries(complete);
      const known = Object.fromEntries(entries.filter((_, i) => knowledge[i] === 'known'));
      const unsure = FACTS.filter((_, i) => knowledge[i] === 'unsure');
      return {
        policy: { ...policy, doubt },
        doubt,
        scenario: { ...known, ...(unsure.length > 0 ? { unsure } : {}) } as ScenarioWithDoubt,
        complete,
      };
    });

const withoutDoubt = ({ doubt: _, ...policy }: Policy): Policy => policy;
const factsOnly = ({ unsure: _, ...facts }: ScenarioWithDoubt): Scenario => facts;

/** By brute force: the outcomes of the completions, and the missing facts whose value alone changes the effect. */
function brute(policy: Policy, compiled: CompiledPolicy, partial: Scenario) {
  const effect = (s: Scenario) => {
    const d = referenceDecide(policy, s);
    return JSON.stringify([d.outcome, [...d.conditions].sort(), [...d.reviewers].sort()]);
  };
  const completions = completionsOf(compiled, partial);
  const outcomes = new Set(completions.map((c) => referenceDecide(policy, c).outcome));
  const needed = compiled.factsInPlay.filter(
    (fact) =>
      (partial as Record<string, unknown>)[fact] === undefined &&
      completions.some((c) =>
        compiled.domains(fact).some((value) => effect(c) !== effect({ ...c, [fact]: value } as Scenario)),
      ),
  );
  return { outcomes: [...outcomes], needed };
}

const strictest = (outcomes: readonly Outcome[]): Outcome =>
  outcomes.reduce((a, b) => (outcomeStrictness(b) > outcomeStrictness(a) ? b : a));

/**
 * The doubt rule written again from its definition over brute-force completions: the outcome (or undetermined)
 * and the facts decided in doubt, or undefined when the decision is not reached in doubt.
 */
function oracle(
  policy: Policy,
  compiled: CompiledPolicy,
  scenario: ScenarioWithDoubt,
): { outcome: Outcome | 'undetermined'; doubtFacts?: string[] } {
  const doubt = policy.doubt ?? {};
  const unsure = new Set<string>(scenario.unsure ?? []);
  const ruleFor = (fact: string) => doubt.facts?.find((r) => r.fact === fact) ?? doubt.default;
  const facts = factsOnly(scenario) as Record<string, unknown>;
  const base = brute(policy, compiled, facts as Scenario);
  const plain = base.outcomes.length === 1 ? base.outcomes[0]! : ('undetermined' as const);
  if (plain !== 'undetermined' || !base.needed.some((f) => unsure.has(f))) return { outcome: plain };
  const inDoubt = new Set<string>();
  let current = base;
  for (;;) {
    if (current.outcomes.length === 1) break;
    const next = current.needed.filter((f) => unsure.has(f) && ruleFor(f)?.resolve === 'assume');
    if (next.length === 0) break;
    for (const f of next) {
      facts[f] = (ruleFor(f) as { value: unknown }).value;
      inDoubt.add(f);
    }
    current = brute(policy, compiled, facts as Scenario);
  }
  const ordered = () => compiled.factsInPlay.filter((f) => inDoubt.has(f));
  if (current.outcomes.length === 1) return { outcome: current.outcomes[0]!, doubtFacts: ordered() };
  if (current.needed.some((f) => !unsure.has(f) || ruleFor(f) === undefined))
    return { outcome: 'undetermined' };
  const candidates = current.needed.map((f) => {
    inDoubt.add(f);
    const rule = ruleFor(f)!;
    return rule.resolve === 'outcome' ? rule.outcome : strictest(current.outcomes);
  });
  return { outcome: strictest(candidates), doubtFacts: ordered() };
}

describe.each(PARTIAL_ENGINE_PATHS)('doubt ($name)', ({ compile }) => {
  it('decides exactly as the doubt rule over brute-force completions says', () => {
    fc.assert(
      fc.property(arbitraryCase(), ({ policy, scenario }) => {
        const compiled = compile(policy);
        const decision = evaluate(compiled, scenario);
        const expected = oracle(policy, compiled, scenario);
        expect(decision.outcome).toBe(expected.outcome);
        expect(decision.doubt?.facts).toEqual(expected.doubtFacts);
      }),
      RUNS,
    );
  });

  it('never decides looser than the strictest possible outcome when the policy says strictest', () => {
    const strict = fc.constant<Doubt>({ default: { resolve: 'strictest', reason: 'If in doubt, don’t.' } });
    fc.assert(
      fc.property(arbitraryCase(strict), ({ policy, scenario }) => {
        const compiled = compile(policy);
        const decision = evaluate(compiled, scenario);
        if (decision.outcome === 'undetermined') return;
        const outcomes = completionsOf(compiled, factsOnly(scenario)).map(
          (c) => referenceDecide(policy, c).outcome,
        );
        for (const o of outcomes)
          expect(outcomeStrictness(decision.outcome)).toBeGreaterThanOrEqual(outcomeStrictness(o));
      }),
      RUNS,
    );
  });

  it('decides a scenario with no unsure fact exactly as the policy without doubt rules', () => {
    fc.assert(
      fc.property(arbitraryCase(), ({ policy, scenario }) => {
        const facts = factsOnly(scenario);
        expect(evaluate(compile(policy), facts)).toEqual(evaluate(compile(withoutDoubt(policy)), facts));
      }),
      RUNS,
    );
  });

  it('treats unsure as unknown when the policy has no doubt rules', () => {
    fc.assert(
      fc.property(arbitraryCase(), ({ policy, scenario }) => {
        const compiled = compile(withoutDoubt(policy));
        expect(evaluate(compiled, scenario)).toEqual(evaluate(compiled, factsOnly(scenario)));
      }),
      RUNS,
    );
  });

  it('still lists what would settle a decision reached in doubt, and only changes undetermined decisions', () => {
    fc.assert(
      fc.property(arbitraryCase(), ({ policy, scenario }) => {
        const withDoubt = evaluate(compile(policy), scenario);
        const plain = evaluate(compile(withoutDoubt(policy)), factsOnly(scenario));
        if (withDoubt.doubt === undefined) {
          expect(withDoubt).toEqual(plain);
          return;
        }
        expect(plain.outcome).toBe('undetermined');
        expect(withDoubt.neededFacts).toEqual(plain.neededFacts);
        expect(withDoubt.possibleOutcomes).toEqual(plain.possibleOutcomes);
        for (const fact of withDoubt.doubt.facts) expect(scenario.unsure).toContain(fact);
      }),
      RUNS,
    );
  });
});

describe.each(PARTIAL_ENGINE_PATHS.slice(0, 2))('questions beside doubt ($name)', ({ compile }) => {
  it('never asks a fact answered unsure, and stops where only doubt is left', () => {
    fc.assert(
      fc.property(
        arbitraryCase(),
        fc.constantFrom('outcome' as const, 'both' as const),
        ({ policy, scenario, complete }, goal) => {
          const compiled = compile(policy);
          let s: ScenarioWithDoubt = scenario;
          const ask = (at: ScenarioWithDoubt) => {
            const next = nextQuestion(compiled, at, { goal });
            if (!next.ok) throw new Error('the scenario is invalid');
            return next.question;
          };
          for (let q = ask(s); q; q = ask(s)) {
            expect(scenario.unsure ?? []).not.toContain(q.fact);
            expect((s as Record<string, unknown>)[q.fact]).toBeUndefined();
            s = { ...s, [q.fact]: (complete as Record<string, unknown>)[q.fact] } as ScenarioWithDoubt;
          }
          const decision = evaluate(compiled, s);
          // Settled, settled in doubt, or left open only by facts answered unsure.
          if (decision.doubt === undefined)
            for (const fact of decision.neededFacts) expect(scenario.unsure ?? []).toContain(fact);
        },
      ),
      RUNS,
    );
  });
});

describe('doubt in a policy', () => {
  const policy = validPolicy({
    rules: [
      {
        id: 'public-information',
        when: { fact: 'content.kind', is: 'public-information' },
        outcome: 'permitted',
        reason: 'It is already public.',
      },
      {
        id: 'client-information',
        when: { fact: 'content.kind', is: 'client-information' },
        outcome: 'not-permitted',
        reason: 'Clients’ details are never shared.',
      },
      {
        id: 'new-content',
        when: { fact: 'content.kind', is: 'new-content' },
        outcome: 'check-first',
        reviewers: ['comms-team'],
        reason: 'New content is checked first.',
      },
      {
        id: 'images-need-consent',
        when: {
          all: [
            { fact: 'content.kind', is: 'image-of-people' },
            { fact: 'content.hasConsent', is: false },
          ],
        },
        outcome: 'not-permitted',
        reason: 'Only with consent.',
      },
    ],
    default: { outcome: 'permitted', reason: 'Nothing restricts it.' },
    doubt: {
      default: { resolve: 'strictest', reason: 'If in doubt, don’t post it.' },
      facts: [
        {
          fact: 'content.kind',
          resolve: 'outcome',
          outcome: 'check-first',
          reviewers: ['comms-team'],
          reason: 'If you are not sure what it is, check with comms first.',
        },
      ],
    },
  });

  it('takes the strictest outcome for a fact answered unsure, and says so', () => {
    const parsed = parsePolicy(policy);
    expect(parsed.ok).toBe(true);
    const compiled = PARTIAL_ENGINE_PATHS[0]!.compile(policy);
    const decision = evaluate(compiled, {
      'content.kind': 'image-of-people',
      unsure: ['content.hasConsent'],
    });
    expect(decision.outcome).toBe('not-permitted');
    expect(decision.neededFacts).toEqual(['content.hasConsent']);
    expect(decision.possibleOutcomes).toEqual(['permitted', 'not-permitted']);
    expect(decision.doubt).toEqual({
      facts: ['content.hasConsent'],
      rules: [
        {
          facts: ['content.hasConsent'],
          resolve: 'strictest',
          scope: 'policy',
          outcome: 'not-permitted',
          reason: 'If in doubt, don’t post it.',
        },
      ],
    });
  });

  it('gives the named outcome with its reviewers when the fact has its own rule', () => {
    const compiled = PARTIAL_ENGINE_PATHS[1]!.compile(policy);
    const decision = evaluate(compiled, { unsure: ['content.kind'], 'content.hasConsent': true });
    // The named outcome (check-first) is less strict than not-permitted, which client information would get: the
    // fact's own rule decides, not the policy-wide one.
    expect(decision.outcome).toBe('check-first');
    expect(decision.reviewers.map((r) => r.id)).toEqual(['comms-team']);
    expect(decision.doubt?.rules.map((r) => [r.scope, r.resolve])).toEqual([['fact', 'outcome']]);
  });

  it('leaves a fact that was simply not asked undetermined', () => {
    const compiled = PARTIAL_ENGINE_PATHS[0]!.compile(policy);
    const decision = evaluate(compiled, { 'content.kind': 'image-of-people' });
    expect(decision.outcome).toBe('undetermined');
    expect(decision.doubt).toBeUndefined();
  });

  it('assumes a value where the policy says so', () => {
    const assuming = validPolicy({
      ...policy,
      doubt: {
        facts: [
          { fact: 'content.hasConsent', resolve: 'assume', value: false, reason: 'No consent you know of.' },
        ],
      },
    });
    const decision = evaluate(PARTIAL_ENGINE_PATHS[0]!.compile(assuming), {
      'content.kind': 'image-of-people',
      unsure: ['content.hasConsent'],
    });
    expect(decision.outcome).toBe('not-permitted');
    expect(decision.doubt?.rules).toEqual([
      {
        facts: ['content.hasConsent'],
        resolve: 'assume',
        scope: 'fact',
        value: false,
        reason: 'No consent you know of.',
      },
    ]);
  });
});
