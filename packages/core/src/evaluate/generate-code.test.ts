import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileEngine, compilePolicy, engineOf, TRUE } from './compile-policy.js';
import { parseScenario } from '../parse/scenario.js';
import { evaluate } from './evaluate.js';
import { arbitraryCompleteScenario, arbitraryPolicy, arbitraryScenario } from '../testing.js';
import { factDomain } from '../vocabulary/resolve-vocabulary.js';
import { runs } from '../../../../test/support/property-runs.js';

const RUNS = { numRuns: runs(150) };

/** Compiled policies over the standard vocabulary, and (everyField) over one with custom facts. */
const arbitraryCompiled = fc
  .oneof(arbitraryPolicy({ maxRules: 6 }), arbitraryPolicy({ maxRules: 6, everyField: true }))
  .map(compilePolicy);

/** Wrong values of every kind: other facts' values, wrong types, near misses, objects that print as a value. */
const arbitraryWrongValue = fc.oneof(
  fc.constantFrom('personal', 'own-time', 'planning', true, false, 'PERSONAL', '', 0, 1, null, undefined),
  fc.string(),
  fc.integer(),
  fc.constant({ toString: () => 'personal' }),
  fc.constant(['personal']),
);

describe('acceptsScenario', () => {
  it('never accepts what parseScenario rejects: unknown keys, wrong values, undefined and non-objects', () => {
    fc.assert(
      fc.property(
        arbitraryCompiled.chain((compiled) => {
          const facts = [...compiled.vocabulary.facts.keys()];
          const key = fc.oneof(
            fc.constantFrom(...facts),
            fc.constantFrom(
              'custom.onCall',
              'custom.campaignPhase',
              'account.kinds',
              'toString',
              '__proto__',
            ),
            fc.string(),
          );
          const value = fc.oneof(
            key.chain((k) => {
              const fact = compiled.vocabulary.facts.get(k);
              return fact ? fc.constantFrom(...factDomain(fact)) : arbitraryWrongValue;
            }),
            arbitraryWrongValue,
          );
          const input = fc.oneof(
            { weight: 6, arbitrary: fc.dictionary(key, value, { maxKeys: 8 }) },
            { weight: 4, arbitrary: fc.tuple(arbitraryScenario(compiled), key, value) }.arbitrary.map(
              ([scenario, k, v]) => ({ ...scenario, [k]: v }),
            ),
            {
              weight: 1,
              arbitrary: fc.oneof(fc.constant(null), fc.array(fc.string()), fc.string(), fc.integer()),
            },
          );
          return fc.tuple(fc.constant(compiled), input);
        }),
        ([compiled, input]) => {
          // Plain objects with own keys only: the check is exact, not just conservative, except that a fact given
          // as undefined (which parseScenario drops) sends the scenario to parseScenario.
          const accepted = engineOf(compiled).acceptsScenario(input);
          const parsed = parseScenario(input, compiled.vocabulary).ok;
          const givesUndefined =
            typeof input === 'object' && input !== null && Object.values(input).includes(undefined);
          if (givesUndefined) expect(!accepted || parsed).toBe(true);
          else expect(accepted).toBe(parsed);
        },
      ),
      RUNS,
    );
  });

  it('accepts only what parseScenario accepts when facts are inherited or not enumerable', () => {
    const compiled = compilePolicy(fc.sample(arbitraryPolicy({ maxRules: 3 }), { numRuns: 1, seed: 7 })[0]!);
    const withHidden = (seen: Record<string, unknown>, hidden: Record<string, unknown>) =>
      Object.defineProperties(
        seen,
        Object.fromEntries(Object.entries(hidden).map(([k, value]) => [k, { value, enumerable: false }])),
      );
    const inputs = [
      Object.create({ 'account.kind': 'personal' }),
      Object.create({ 'account.kind': 'nonsense' }),
      Object.create({ bogus: 1 }),
      withHidden({ bogus: 1 }, { 'account.kind': 'personal' }),
      withHidden({ 'context.time': 'own-time' }, { 'account.kind': 'nonsense' }),
      withHidden({ 'context.time': 'own-time' }, { bogus: 1 }),
    ];
    for (const input of inputs) {
      if (engineOf(compiled).acceptsScenario(input))
        expect(parseScenario(input, compiled.vocabulary).ok).toBe(true);
    }
    // An unknown key in plain sight is refused whatever hides beside it.
    expect(engineOf(compiled).acceptsScenario(inputs[3])).toBe(false);
  });
});

describe('the generated scan', () => {
  it('returns, on complete scenarios, the first rule in priority order whose test is true (the two-valued path)', () => {
    fc.assert(
      fc.property(
        arbitraryPolicy({ maxRules: 8 })
          .map((policy) => compileEngine(policy))
          .chain((engine) => fc.tuple(fc.constant(engine), arbitraryCompleteScenario(engine.compiled))),
        ([engine, scenario]) => {
          expect(engine.generated).toBe(true);
          const expected = engine.ordered.findIndex((rule) => rule.test(scenario) === TRUE);
          expect(engine.scan(scenario, 0)).toBe(expected);
        },
      ),
      RUNS,
    );
  });

  it('agrees with the closures from any starting position, on partial scenarios too (-2 for unknown first)', () => {
    fc.assert(
      fc.property(
        arbitraryPolicy({ maxRules: 8 })
          .chain((policy) =>
            fc.tuple(
              fc.constant(compileEngine(policy)),
              fc.constant(compileEngine(policy, { generateCode: false })),
            ),
          )
          .chain(([generated, closures]) =>
            fc.tuple(
              fc.constant(generated),
              fc.constant(closures),
              arbitraryScenario(generated.compiled),
              fc.nat({ max: 8 }),
            ),
          ),
        ([generated, closures, scenario, from]) => {
          expect(closures.generated).toBe(false);
          // Only a resumable scan (strictest, where ranks are shared) starts anywhere but at the first rule.
          const start = generated.strategy.ranksShared ? from : 0;
          expect(generated.scan(scenario, start)).toBe(closures.scan(scenario, start));
        },
      ),
      RUNS,
    );
  });

  it('settles only what the full evaluator decides the same way, partial scenarios included (facts read where first tested)', () => {
    fc.assert(
      fc.property(
        arbitraryPolicy({ maxRules: 8 })
          .map((policy) => ({ ...policy, duties: [] }))
          .chain((policy) =>
            fc.tuple(
              fc.constant(compileEngine(policy)),
              fc.constant(compileEngine(policy, { generateCode: false })),
            ),
          )
          .chain(([generated, closures]) =>
            fc.tuple(fc.constant(generated), fc.constant(closures), arbitraryScenario(generated.compiled)),
          ),
        ([generated, closures, scenario]) => {
          fc.pre(generated.settle !== undefined);
          const settled = generated.settle!(scenario, { trusted: true });
          if (settled !== undefined) expect(settled).toEqual(evaluate(closures.compiled, scenario));
        },
      ),
      RUNS,
    );
  });

  it('splits large policies into functions of at most 100 rules, and shows their source when asked', () => {
    const [policy] = fc.sample(arbitraryPolicy({ maxRules: 3 }), { numRuns: 1, seed: 3 });
    const rule = {
      when: { fact: 'account.kind', is: 'personal' },
      outcome: 'permitted',
      reason: 'Yours.',
    } as const;
    const rules = Array.from({ length: 250 }, (_, i) => ({ ...rule, id: `rule-${i}` }));
    const sources: string[] = [];
    const compiled = compilePolicy(
      { ...policy!, rules },
      { onGeneratedSource: (name, source) => sources.push(`${name}\n${source}`) },
    );
    expect(sources.filter((s) => s.startsWith('scan ')).map((s) => s.split('\n')[0])).toEqual([
      'scan 0-99',
      'scan 100-199',
      'scan 200-249',
    ]);
    expect(sources.some((s) => s.startsWith('scenario check'))).toBe(true);
    // Without duties, complete scenarios are settled by generated code returning the prebuilt decision.
    const settles: string[] = [];
    const settled = compilePolicy(
      { ...policy!, rules, duties: [] },
      { onGeneratedSource: (name) => settles.push(name) },
    );
    expect(settles.filter((name) => name.startsWith('settle '))).toEqual([
      'settle 0-99',
      'settle 100-199',
      'settle 200-249',
    ]);
    expect(engineOf(settled).settle).toBeDefined();
    expect(engineOf(compiled).generated).toBe(true);
    expect(
      compilePolicy(policy!, { generateCode: false, onGeneratedSource: () => sources.push('x') }),
    ).toBeDefined();
    expect(sources).not.toContain('x');
  });
});
