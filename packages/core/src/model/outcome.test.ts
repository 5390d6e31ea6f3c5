import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OUTCOMES, OutcomeSchema, outcomeStrictness, stricterOutcome } from './outcome.js';

const outcome = fc.constantFrom(...OUTCOMES);

describe('outcomes', () => {
  it('rank by their place in OUTCOMES, from out-of-scope (0) to not-permitted (4)', () => {
    expect(OUTCOMES.map(outcomeStrictness)).toEqual([0, 1, 2, 3, 4]);
    expect(OutcomeSchema.options).toEqual([...OUTCOMES]);
  });

  it('give as the stricter of two the one ranked higher, in either order', () => {
    fc.assert(
      fc.property(outcome, outcome, (a, b) => {
        const stricter = stricterOutcome(a, b);
        expect(stricterOutcome(b, a)).toBe(stricter);
        expect([a, b]).toContain(stricter);
        expect(outcomeStrictness(stricter)).toBe(Math.max(outcomeStrictness(a), outcomeStrictness(b)));
      }),
    );
  });
});
