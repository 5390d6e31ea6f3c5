import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { notNested } from '../testing/support/deep-condition.js';
import { compileCondition, compilePolicy } from '../evaluate/compile-policy.js';
import { arbitraryCondition, arbitraryPolicy } from '../testing/arbitrary-policy.js';
import { standardVocabulary } from '../vocabulary/resolve-vocabulary.js';
import {
  type ConditionNode,
  ConditionTooDeepError,
  MAX_CONDITION_DEPTH,
  toCondition,
  toConditionNode,
} from './condition-node.js';
import { runs } from '../../../../test/support/property-runs.js';

describe('the internal condition form', () => {
  it('keeps everything the published form says: converting back gives the same condition', () => {
    fc.assert(
      fc.property(arbitraryCondition(undefined, 4), (condition) => {
        expect(toCondition(toConditionNode(condition))).toEqual(condition);
      }),
      { numRuns: runs(200) },
    );
  });

  it(`accepts conditions ${MAX_CONDITION_DEPTH} levels deep and refuses deeper ones with the path`, () => {
    const deepest = notNested(MAX_CONDITION_DEPTH);
    expect(compileCondition(deepest, standardVocabulary).test({ 'account.kind': 'personal' })).toBeTypeOf(
      'number',
    );
    const [policy] = fc.sample(arbitraryPolicy({ maxRules: 2 }), { numRuns: 1, seed: 11 });
    const tooDeep = {
      ...policy!,
      rules: [
        { id: 'deep', when: { all: [notNested(MAX_CONDITION_DEPTH)] }, outcome: 'permitted', reason: 'x' },
      ],
    } as typeof policy & object;
    const error = (() => {
      try {
        compilePolicy(tooDeep);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConditionTooDeepError);
    expect((error as ConditionTooDeepError).path.slice(0, 5)).toEqual(['rules', 0, 'when', 'all', 0]);
    expect((error as Error).message).toMatch(
      /^rules\[0\]\.when\.all\[0\](\.not)+: a condition may be nested at most 64/,
    );
  });

  it('makes a fold that forgets a kind of node a compile error', () => {
    const kinds = (node: ConditionNode): string => {
      switch (node.kind) {
        case 'all':
        case 'any':
        case 'test':
          return node.kind;
        default:
          // @ts-expect-error: 'not' is not handled, so the node is not `never` here.
          return node satisfies never;
      }
    };
    expect(kinds({ kind: 'all', children: [] })).toBe('all');
  });
});
