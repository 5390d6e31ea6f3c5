import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPolicyLimits } from './check-policy-limits.js';
import { LIMIT_CODES, LIMITS, MAX_CONDITION_DEPTH } from './limits.js';
import { runs } from '../../../../test/support/property-runs.js';

type Step = 'all' | 'any' | 'not';

/** A fact test nested in `all`, `any` and `not` along `steps`, outermost first. */
function nestedAlong(steps: readonly Step[]): unknown {
  let when: unknown = { fact: 'account.kind', is: 'personal' };
  for (const step of [...steps].reverse()) when = step === 'not' ? { not: when } : { [step]: [when] };
  return when;
}

/** The path the steps lead along. */
const pathAlong = (steps: readonly Step[]): (string | number)[] =>
  steps.flatMap((step): (string | number)[] => (step === 'not' ? ['not'] : [step, 0]));

describe('checkPolicyLimits', () => {
  it.each([
    ['rules', ['rules'], (n: number) => ({ rules: Array.from({ length: n }, () => ({})) })],
    ['duties', ['duties'], (n: number) => ({ duties: Array.from({ length: n }, () => ({})) })],
    [
      'customFacts',
      ['custom', 'facts'],
      (n: number) => ({ custom: { facts: Array.from({ length: n }, () => ({})) } }),
    ],
  ] as const)('allows exactly LIMITS.%s, and reports one more at its path', (limit, path, policy) => {
    expect(checkPolicyLimits(policy(LIMITS[limit]))).toEqual([]);
    expect(checkPolicyLimits(policy(LIMITS[limit] + 1))).toMatchObject([
      { path, code: LIMIT_CODES[limit], received: String(LIMITS[limit] + 1) },
    ]);
  });

  it('refuses a condition exactly when it nests deeper than MAX_CONDITION_DEPTH, at the first level too deep', () => {
    const step = fc.constantFrom<Step>('all', 'any', 'not');
    fc.assert(
      fc.property(
        fc.array(step, { minLength: MAX_CONDITION_DEPTH - 3, maxLength: MAX_CONDITION_DEPTH + 3 }),
        fc.constantFrom('rules' as const, 'duties' as const),
        (steps, list) => {
          const issues = checkPolicyLimits({ [list]: [{}, { when: nestedAlong(steps) }] });
          // The fact test is one level and each step one more: the first level too deep is reached by MAX steps.
          if (steps.length + 1 <= MAX_CONDITION_DEPTH) expect(issues).toEqual([]);
          else
            expect(issues).toMatchObject([
              {
                code: LIMIT_CODES.conditionDepth,
                path: [list, 1, 'when', ...pathAlong(steps.slice(0, MAX_CONDITION_DEPTH))],
              },
            ]);
        },
      ),
      { numRuns: runs(200) },
    );
  });

  it('finds nothing to count in what is not an object of lists', () => {
    for (const input of [null, 'policy', [], { rules: 'many' }, { custom: [] }])
      expect(checkPolicyLimits(input)).toEqual([]);
  });
});
