import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario, type Scenario } from '../parse/scenario.js';
import { arbitraryPolicy, arbitraryScenario } from '../testing.js';
import { ENGINE_PATHS } from '../testing/support/engine-paths.js';
import { evaluate, InvalidScenarioError } from './evaluate.js';

const RUNS = { numRuns: 100 };

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
        const added = Object.keys(polluted).filter((fact) => !(fact in own));
        try {
          for (const fact of added)
            Object.defineProperty(Object.prototype, fact, {
              value: (polluted as Record<string, unknown>)[fact],
              writable: true,
              enumerable: true,
              configurable: true,
            });
          expect(evaluate(compiled, parsed.scenario)).toEqual(expected);
        } finally {
          for (const fact of added) delete (Object.prototype as Record<string, unknown>)[fact];
        }
      }),
      RUNS,
    );
  });

  it('ignores a fact defined on Object.prototype itself', () => {
    fc.assert(
      fc.property(arbitraryCase, ([compiled, own, polluted]) => {
        const expected = evaluate(compiled, own);
        const added = Object.keys(polluted).filter((fact) => !(fact in own));
        try {
          for (const fact of added)
            Object.defineProperty(Object.prototype, fact, {
              value: (polluted as Record<string, unknown>)[fact],
              // Writable, as a polluting assignment makes it.
              writable: true,
              enumerable: true,
              configurable: true,
            });
          expect(evaluate(compiled, { ...own })).toEqual(expected);
        } finally {
          for (const fact of added) delete (Object.prototype as Record<string, unknown>)[fact];
        }
      }),
      RUNS,
    );
  });
});
