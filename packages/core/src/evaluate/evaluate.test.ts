import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Condition } from '../model/condition.js';
import { parsePolicy } from '../parse/parse-policy.js';
import { parseScenario, type Scenario } from '../parse/scenario.js';
import { arbitraryPolicy, arbitraryScenario } from '../testing.js';
import { ENGINE_PATHS } from '../testing/support/engine-paths.js';
import { referenceTruth } from '../testing/support/reference-evaluator.js';
import { doxxed, flagshipPolicy } from '../testing/support/flagship.js';
import { topicsPolicy } from '../testing/support/topics-policy.js';
import { tryToChange, unfrozen } from '../testing/support/unfrozen.js';
import { validPolicyJson } from '../testing/support/valid-policy.js';
import type { Policy } from '../model/policy.js';
import { type CompiledPolicy, compilePolicy } from './compile-policy.js';
import { evaluate, InvalidScenarioError } from './evaluate.js';
import { runs } from '../../../../test/support/property-runs.js';

const RUNS = { numRuns: runs(100) };

/** A policy with two scenarios over its facts: what the scenario owns, and what hides beside it. */
const arbitraryCase = arbitraryPolicy({ maxRules: 6 }).chain((policy) =>
  fc.tuple(fc.constant(policy), fc.constant(ENGINE_PATHS), fc.nat({ max: 1 })).chain(([p, paths, i]) => {
    const compiled = paths[i]!.compile(p);
    return fc.tuple(fc.constant(compiled), arbitraryScenario(compiled), arbitraryScenario(compiled));
  }),
);

/** `own` with `hidden`'s facts it does not have defined as non-enumerable own properties. */
function withHidden(own: Scenario, hidden: Scenario): Scenario {
  const out: Record<string, unknown> = { ...own };
  for (const [fact, value] of Object.entries(hidden))
    if (!(fact in out)) Object.defineProperty(out, fact, { value, enumerable: false });
  return out as Scenario;
}

/**
 * Runs `check` with each fact of `polluted` that `own` leaves out defined on Object.prototype (enumerable and
 * writable, as a polluting assignment makes it), and removes them again whatever happens.
 */
function withPollutedPrototype(own: object, polluted: object, check: () => void): void {
  const added = Object.keys(polluted).filter((fact) => !(fact in own));
  try {
    for (const fact of added)
      Object.defineProperty(Object.prototype, fact, {
        value: (polluted as Record<string, unknown>)[fact],
        writable: true,
        enumerable: true,
        configurable: true,
      });
    check();
  } finally {
    for (const fact of added) delete (Object.prototype as Record<string, unknown>)[fact];
  }
}

describe('evaluate reads only the scenario’s own enumerable properties, as parseScenario does', () => {
  it('refuses, as parseScenario does, a scenario whose prototype is another object, and never reads through it', () => {
    fc.assert(
      fc.property(arbitraryCase, ([compiled, own, inherited]) => {
        // Not plain data: parseScenario makes it an issue, so evaluate throws rather than read inherited facts.
        const scenario = Object.assign(Object.create(inherited), own) as Scenario;
        expect(parseScenario(scenario, compiled).ok).toBe(false);
        expect(() => evaluate(compiled, scenario)).toThrow(InvalidScenarioError);
        // A scenario without a prototype is plain data, and decides like the same facts in an ordinary object.
        const bare = Object.assign(Object.create(null), own) as Scenario;
        expect(evaluate(compiled, bare)).toEqual(evaluate(compiled, own));
      }),
      RUNS,
    );
  });

  it('ignores facts defined as non-enumerable own properties', () => {
    fc.assert(
      fc.property(arbitraryCase, ([compiled, own, hidden]) => {
        expect(evaluate(compiled, withHidden(own, hidden))).toEqual(evaluate(compiled, own));
      }),
      RUNS,
    );
  });

  it('recognises a parseScenario result as checked: frozen, deciding as the plain object does, even beside a polluted Object.prototype', () => {
    fc.assert(
      fc.property(arbitraryCase, ([compiled, own, polluted]) => {
        const expected = evaluate(compiled, own);
        const parsed = parseScenario(own, compiled);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        expect(Object.isFrozen(parsed.scenario)).toBe(true);
        expect(Object.entries(parsed.scenario)).toEqual(Object.entries(own));
        expect(evaluate(compiled, parsed.scenario)).toEqual(expected);
        // Checked against the standard vocabulary, it is recognised by every compiled policy (custom facts aside).
        const standard = parseScenario(own);
        if (standard.ok) expect(evaluate(compiled, standard.scenario)).toEqual(expected);
        withPollutedPrototype(own, polluted, () =>
          expect(evaluate(compiled, parsed.scenario)).toEqual(expected),
        );
      }),
      RUNS,
    );
  });

  it('ignores a fact defined on Object.prototype itself', () => {
    fc.assert(
      fc.property(arbitraryCase, ([compiled, own, polluted]) => {
        const expected = evaluate(compiled, own);
        withPollutedPrototype(own, polluted, () => expect(evaluate(compiled, { ...own })).toEqual(expected));
      }),
      RUNS,
    );
  });
});

const parsed = parsePolicy(validPolicyJson());
if (!parsed.ok) throw new Error('the base policy of the evaluate tests must be valid');
const compiled = compilePolicy(parsed.policy);

describe('evaluate on a scenario that does not fit the vocabulary', () => {
  it('throws InvalidScenarioError carrying the same issues parseScenario returns', () => {
    const bad = { 'account.kind': 'twitter', 'no.such': true } as unknown as Scenario;
    const expected = parseScenario(bad, compiled);
    expect(expected.ok).toBe(false);
    let thrown: unknown;
    try {
      evaluate(compiled, bad);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidScenarioError);
    expect((thrown as InvalidScenarioError).issues).toEqual(expected.ok ? [] : expected.issues);
    expect((thrown as Error).message).toBe(
      'invalid scenario: account.kind: fact "account.kind" has no value "twitter"; expected one of organisational, personal-named, personal, pseudonymous; no.such: unknown fact "no.such"',
    );
  });

  it('skips the check when told the scenario is trusted', () => {
    const unchecked = { 'no.such': true } as unknown as Scenario;
    expect(() => evaluate(compiled, unchecked, { trusted: true })).not.toThrow();
  });
});

/** A value no fact of the standard vocabulary takes, of every kind a caller might pass by mistake. */
const arbitraryForeignValue = fc.constantFrom('twitter', '', 'PERSONAL', 0, 1, null, { value: 'personal' });

describe.each(ENGINE_PATHS)('InvalidScenarioError ($name)', ({ compile }) => {
  it('names by its path every fact given a value it cannot take, and every unknown fact', () => {
    fc.assert(
      fc.property(
        arbitraryPolicy({ maxRules: 4 }).chain((policy) => {
          const compiledPolicy = compile(policy);
          // The facts the policy reads, or one it does not: a wrong value is refused either way.
          const facts = compiledPolicy.factsInPlay.length > 0 ? compiledPolicy.factsInPlay : ['account.kind'];
          return fc.tuple(
            fc.constant(compiledPolicy),
            arbitraryScenario(compiledPolicy),
            fc.subarray([...facts], { minLength: 1 }),
            arbitraryForeignValue,
            fc.boolean(),
          );
        }),
        ([compiledPolicy, scenario, wrong, value, unknownKey]) => {
          const bad: Record<string, unknown> = { ...scenario };
          for (const fact of wrong) bad[fact] = value;
          if (unknownKey) bad['account.knd'] = 'personal';
          let thrown: unknown;
          try {
            evaluate(compiledPolicy, bad as Scenario);
          } catch (error) {
            thrown = error;
          }
          expect(thrown).toBeInstanceOf(InvalidScenarioError);
          const issues = (thrown as InvalidScenarioError).issues;
          const expected = [
            ...wrong.map((fact) => [fact, 'invalid-fact-value']),
            ...(unknownKey ? [['account.knd', 'unknown-fact']] : []),
          ];
          expect(issues.map((i) => [i.path.join('.'), i.code]).sort()).toEqual(expected.sort());
          for (const fact of wrong) expect((thrown as Error).message).toContain(`${fact}: `);
        },
      ),
      RUNS,
    );
  });
});

/** Policies compiled on one engine path, each with a scenario over its facts (partial, complete or empty). */
const compiledWithScenario = (compile: (policy: Policy) => CompiledPolicy) =>
  arbitraryPolicy({ maxRules: 6 }).chain((policy) => {
    const compiledPolicy = compile(policy);
    return fc.tuple(fc.constant(compiledPolicy), arbitraryScenario(compiledPolicy));
  });

describe.each(ENGINE_PATHS)('the trusted option ($name)', ({ compile }) => {
  it('decides a valid scenario exactly as the checked path does, complete or partial', () => {
    fc.assert(
      fc.property(compiledWithScenario(compile), ([compiledPolicy, scenario]) => {
        expect(evaluate(compiledPolicy, scenario, { trusted: true })).toEqual(
          evaluate(compiledPolicy, scenario),
        );
      }),
      RUNS,
    );
  });
});

/** The fact tests of a condition, in the order they are written. */
function factTestsOf(condition: Condition): Condition[] {
  const c = condition as Record<string, unknown>;
  if (Array.isArray(c.all)) return (c.all as Condition[]).flatMap(factTestsOf);
  if (Array.isArray(c.any)) return (c.any as Condition[]).flatMap(factTestsOf);
  if (c.not !== undefined) return factTestsOf(c.not as Condition);
  return [condition];
}

const OPERATORS = ['is', 'isNot', 'in', 'notIn', 'includes', 'includesAny', 'includesAll'] as const;

describe.each(ENGINE_PATHS)('the trace option ($name)', ({ compile }) => {
  it('traces every rule in policy order, each fact test with the value it read, in three-valued logic', () => {
    fc.assert(
      fc.property(compiledWithScenario(compile), ([compiledPolicy, scenario]) => {
        const { trace } = evaluate(compiledPolicy, scenario, { trace: true });
        const rules = compiledPolicy.policy.rules;
        expect(trace?.map((r) => [r.ruleId, r.result])).toEqual(
          rules.map((rule) => [rule.id, referenceTruth(rule.when, scenario)]),
        );
        rules.forEach((rule, i) => {
          expect(trace![i]!.tests.map((t) => [t.fact, t.operator, t.actual, t.result])).toEqual(
            factTestsOf(rule.when).map((test) => {
              const fact = (test as { fact: string }).fact;
              return [
                fact,
                OPERATORS.find((operator) => operator in test),
                (scenario as Record<string, unknown>)[fact],
                referenceTruth(test, scenario),
              ];
            }),
          );
        });
      }),
      RUNS,
    );
  });

  it('changes nothing else in the decision, and is absent unless asked for', () => {
    fc.assert(
      fc.property(compiledWithScenario(compile), ([compiledPolicy, scenario]) => {
        const plain = evaluate(compiledPolicy, scenario);
        expect(plain.trace).toBeUndefined();
        const { trace: _, ...rest } = evaluate(compiledPolicy, scenario, { trace: true });
        expect(rest).toEqual(plain);
      }),
      RUNS,
    );
  });
});

describe('decisions are immutable', () => {
  it('changing one decision’s duty action, holder, reviewers or source changes neither the next decision nor the vocabulary', () => {
    const compiled = compilePolicy(flagshipPolicy);
    const first = evaluate(compiled, doxxed);
    const duty = first.duties[0]!;
    const phrase = duty.action.phrase;
    const holder = duty.holder.label;
    expect(unfrozen(first)).toEqual([]);
    expect(tryToChange(() => ((duty.action as { phrase: string }).phrase = 'nothing at all'))).toBeInstanceOf(
      TypeError,
    );
    expect(tryToChange(() => ((duty.holder as { label: string }).label = 'nobody'))).toBeInstanceOf(
      TypeError,
    );
    expect(tryToChange(() => (first.duties as unknown[]).pop())).toBeInstanceOf(TypeError);
    const next = evaluate(compiled, doxxed);
    expect(next.duties[0]!.action.phrase).toBe(phrase);
    expect(next.duties[0]!.holder.label).toBe(holder);
    expect(next.duties).toHaveLength(first.duties.length);
    expect(evaluate(compilePolicy(flagshipPolicy), doxxed).duties[0]!.action.phrase).toBe(phrase);
  });

  it('settled, undetermined and traced decisions of generated policies are frozen all the way down', () => {
    fc.assert(
      fc.property(
        arbitraryPolicy({ everyField: true }),
        arbitraryScenario(),
        fc.boolean(),
        (policy, scenario, trace) => {
          const compiled = compilePolicy(policy);
          const known = Object.fromEntries(
            Object.entries(scenario).filter(([name]) => compiled.vocabulary.facts.has(name)),
          );
          expect(unfrozen(evaluate(compiled, known, { trace }))).toEqual([]);
        },
      ),
      { numRuns: runs(100) },
    );
  });
});

describe('set-valued facts in a scenario', () => {
  it('is undetermined while the set is unknown, and settled once it is given', () => {
    const compiled = compilePolicy(topicsPolicy());
    const unknown = evaluate(compiled, {});
    expect(unknown.outcome).toBe('undetermined');
    expect(unknown.neededFacts).toEqual(['content.topics']);
    const about = evaluate(compiled, {
      'content.topics': ['pay-and-conditions', 'employer', 'party-politics'],
    });
    expect(about.outcome).toBe('permitted-with-conditions');
    expect(evaluate(compiled, { 'content.topics': ['party-politics'] }).outcome).toBe('permitted');
    expect(evaluate(compiled, { 'content.topics': [] }).decidedBy[0]!.ruleId).toBe('not-politics');
  });

  it('never changes or freezes the caller’s array, even in a trace', () => {
    const compiled = compilePolicy(topicsPolicy());
    const topics = ['employer', 'pay-and-conditions'] as const;
    const scenario = { 'content.topics': [...topics] } as Scenario;
    const decision = evaluate(compiled, scenario, { trace: true });
    expect(decision.trace![0]!.tests[0]).toMatchObject({
      fact: 'content.topics',
      operator: 'includesAll',
      actual: ['employer', 'pay-and-conditions'],
      result: 'true',
    });
    expect(Object.isFrozen(scenario['content.topics'])).toBe(false);
    expect(scenario['content.topics']).toEqual([...topics]);
  });

  it('never reads a membership dimension the caller sets, only the set it gives', () => {
    const compiled = compilePolicy(topicsPolicy());
    const sneaky = {
      'content.topics[employer]': true,
      'content.topics[pay-and-conditions]': true,
    } as Scenario;
    expect(evaluate(compiled, sneaky, { trusted: true }).outcome).toBe('undetermined');
  });
});
