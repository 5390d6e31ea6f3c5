import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { notNested } from '../testing/support/deep-condition.js';
import { type Condition, ConditionTooDeepError, MAX_CONDITION_DEPTH } from '../index.js';
import type { Policy } from '../model/policy.js';
import type { Scenario } from '../parse/scenario.js';
import { arbitraryCondition, arbitraryPolicy } from '../testing/arbitrary-policy.js';
import { arbitraryCompleteScenario, arbitraryScenario } from '../testing/arbitrary-scenario.js';
import { referenceDecide, referenceDuties, referenceTruth } from '../testing/support/reference-evaluator.js';
import { factDomain, standardVocabulary } from '../vocabulary/resolve-vocabulary.js';
import { parsePolicy } from '../parse/parse-policy.js';
import { validPolicyJson } from '../testing/support/valid-policy.js';
import {
  type CompileOptions,
  compileCondition,
  compileEngine,
  compilePolicy,
  engineOf,
} from './compile-policy.js';
import { evaluate } from './evaluate.js';
import { runs } from '../../../../test/support/property-runs.js';

const RUNS = { numRuns: runs(100) };

/** A policy with scenarios over its facts, partial ones by default. */
const arbitraryCase = (policies: fc.Arbitrary<Policy>, complete = false) =>
  policies.chain((policy) =>
    fc.tuple(
      fc.constant(policy),
      fc.array((complete ? arbitraryCompleteScenario : arbitraryScenario)(compilePolicy(policy)), {
        minLength: 1,
        maxLength: 8,
      }),
    ),
  );

/**
 * Compiles a policy, noting the name of every function generated, then makes every closure test of its rules and
 * duties throw, so that a decision reached proves the closures never ran.
 */
function compileWithoutClosures(policy: Policy, options: CompileOptions = {}) {
  const names: string[] = [];
  const engine = compileEngine(policy, { ...options, onGeneratedSource: (name) => names.push(name) });
  const fail = () => {
    throw new Error('a closure test ran');
  };
  for (const condition of [...engine.rules, ...engine.duties])
    Object.defineProperty(condition, 'test', { value: fail });
  return { engine, names };
}

/** First-match policies with rules, and complete scenarios: the scan alone picks the rule, the duty mask the duties. */
const firstMatchCases = arbitraryCase(
  arbitraryPolicy({ maxRules: 8, resolution: 'first-match' }).filter((policy) => policy.rules.length > 0),
  true,
);

describe('compilePolicy with and without generated code', () => {
  it('decides every scenario the same with generateCode: false as by default, traces and duties included', () => {
    fc.assert(
      fc.property(
        arbitraryCase(fc.oneof(arbitraryPolicy({ maxRules: 8 }), arbitraryPolicy({ everyField: true }))),
        ([policy, scenarios]) => {
          const generated = compilePolicy(policy);
          const closures = compilePolicy(policy, { generateCode: false });
          for (const scenario of scenarios)
            expect(evaluate(generated, scenario, { trace: true })).toEqual(
              evaluate(closures, scenario, { trace: true }),
            );
        },
      ),
      RUNS,
    );
  });

  it('runs generated code by default: its functions are shown to a listener, and decide without the closures', () => {
    fc.assert(
      fc.property(firstMatchCases, ([policy, scenarios]) => {
        const { engine, names } = compileWithoutClosures(policy);
        expect(names).toContain(`scan 0-${policy.rules.length - 1}`);
        expect(names).toContain('scenario check');
        for (const scenario of scenarios) {
          const decision = evaluate(engine.compiled, scenario);
          expect(decision.outcome).toBe(referenceDecide(policy, scenario).outcome);
          expect(decision.duties.map((d) => d.dutyId)).toEqual(referenceDuties(policy, scenario));
        }
      }),
      { numRuns: runs(50) },
    );
  });

  it('runs only closures with generateCode: false: no function is generated, and without the closures nothing decides', () => {
    fc.assert(
      fc.property(firstMatchCases, ([policy, scenarios]) => {
        const { engine, names } = compileWithoutClosures(policy, { generateCode: false });
        expect(names).toEqual([]);
        for (const scenario of scenarios)
          expect(() => evaluate(engine.compiled, scenario)).toThrow('a closure test ran');
      }),
      { numRuns: runs(50) },
    );
  });
});

describe('the compiled policy', () => {
  it('shows only the policy, its vocabulary, the facts in play and their domains; the engine stays hidden', () => {
    const [policy] = fc.sample(arbitraryPolicy({ maxRules: 4 }), { numRuns: 1, seed: 7 });
    const compiled = compilePolicy(policy!);
    expect(Object.keys(compiled)).toEqual(['policy', 'vocabulary', 'factsInPlay', 'domains']);
    expect(Object.isFrozen(compiled)).toBe(true);
    // A copy carries what a user sees, not the engine: evaluating it is a programmer error.
    const copy = { ...compiled };
    expect(() => engineOf(copy)).toThrow(TypeError);
    expect(() => evaluate(copy, {})).toThrow('expected a policy compiled by compilePolicy');
  });

  it('a policy object changed after compiling does not change its decisions, and custom entries are copies', () => {
    const json = validPolicyJson();
    const result = parsePolicy(json);
    if (!result.ok) throw new Error('valid policy');
    const policy = structuredClone(result.policy) as Policy & { rules: { source?: { section?: string } }[] };
    const compiled = compilePolicy(policy);
    const scenario = {
      'content.identifiesClient': false,
      'account.kind': 'personal',
      'context.time': 'own-time',
    } as const;
    const before = evaluate(compiled, scenario).decidedBy[0]!.source;
    expect(before?.section).toBe('2');
    policy.rules[1]!.source!.section = 'edited afterwards';
    expect(evaluate(compiled, scenario).decidedBy[0]!.source?.section).toBe('2');
    expect(Object.isFrozen(policy.rules[1])).toBe(false);
  });

  it('lists in factsInPlay exactly the facts some rule or duty tests, in vocabulary order, with their domains', () => {
    fc.assert(
      fc.property(arbitraryPolicy({ maxRules: 6 }), (policy) => {
        const compiled = compilePolicy(policy);
        const tested = new Set<string>();
        const collect = (condition: Condition): void => {
          const c = condition as Record<string, unknown>;
          if (Array.isArray(c.all)) (c.all as Condition[]).forEach(collect);
          else if (Array.isArray(c.any)) (c.any as Condition[]).forEach(collect);
          else if (c.not !== undefined) collect(c.not as Condition);
          else tested.add(c.fact as string);
        };
        for (const { when } of [...policy.rules, ...(policy.duties ?? [])]) collect(when);
        const vocabularyOrder = [...standardVocabulary.facts.keys()];
        expect(compiled.factsInPlay).toEqual(vocabularyOrder.filter((fact) => tested.has(fact)));
        for (const fact of compiled.factsInPlay)
          expect(compiled.domains(fact)).toEqual(factDomain(standardVocabulary.facts.get(fact)!));
      }),
      RUNS,
    );
  });
});

describe('limits on conditions', () => {
  it('refuses a condition nested 100,000 deep with a clear error, never a stack overflow', () => {
    expect(() => compileCondition(notNested(100_000), standardVocabulary)).toThrow(ConditionTooDeepError);
    const [policy] = fc.sample(arbitraryPolicy({ maxRules: 2 }), { numRuns: 1, seed: 5 });
    const duty = {
      id: 'd',
      when: notNested(100_000),
      action: 'x',
      holder: 'y',
      modality: 'must',
      reason: 'r',
    };
    expect(() => compilePolicy({ ...policy!, duties: [duty] } as typeof policy & object)).toThrow(
      /^duties\[0\]\.when(\.not)+: /,
    );
  });

  it('evaluates a condition at the deepest depth allowed, on both engine paths', () => {
    const [policy] = fc.sample(arbitraryPolicy({ maxRules: 1, resolution: 'first-match' }), {
      numRuns: runs(1),
      seed: 2,
    });
    const deep = {
      ...policy!,
      rules: [{ id: 'deep', when: notNested(MAX_CONDITION_DEPTH), outcome: 'not-permitted', reason: 'x' }],
    } as typeof policy & object;
    // 64 levels: the fact test, then 63 `not`s, so it holds exactly when the account is not personal.
    for (const generateCode of [true, false]) {
      const compiled = compilePolicy(deep, { generateCode });
      expect(evaluate(compiled, { 'account.kind': 'personal' }).outcome).toBe(deep.default.outcome);
      expect(evaluate(compiled, { 'account.kind': 'organisational' }).outcome).toBe('not-permitted');
    }
  });
});

describe('compileCondition', () => {
  it('tests a condition in three-valued logic as its definition says, set facts included', () => {
    const facts = ['account.kind', 'content.kind', 'content.hasConsent', 'content.topics'];
    fc.assert(
      fc.property(
        arbitraryCondition(facts, 4).chain((condition) =>
          fc.tuple(fc.constant(condition), arbitraryScenario(standardVocabulary, facts)),
        ),
        ([condition, scenario]: [Condition, Scenario]) => {
          const truth = compileCondition(condition, standardVocabulary).test(scenario);
          expect(['false', 'true', 'unknown'][truth]).toBe(referenceTruth(condition, scenario));
        },
      ),
      { numRuns: runs(300) },
    );
  });
});
