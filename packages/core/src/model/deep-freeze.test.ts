import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unfrozen } from '../testing/support/unfrozen.js';
import { deepFreeze, frozenCopy } from './deep-freeze.js';
import { runs } from '../../../../test/support/property-runs.js';

describe('deepFreeze', () => {
  it('freezes any plain value all the way down and returns the value itself', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const copy = structuredClone(value);
        expect(deepFreeze(value)).toBe(value);
        expect(unfrozen(value)).toEqual([]);
        expect(value).toEqual(copy);
      }),
      { numRuns: runs(200) },
    );
  });

  it('freezes what hides behind non-enumerable and symbol keys and inside arrays with extra properties', () => {
    const hidden = {};
    const bySymbol = {};
    const inList = {};
    const value = Object.defineProperty({ [Symbol('key')]: bySymbol }, 'hidden', { value: hidden });
    const list = Object.assign([inList], { extra: {} });
    deepFreeze({ value, list });
    for (const inner of [hidden, bySymbol, inList, list.extra]) expect(Object.isFrozen(inner)).toBe(true);
  });

  it('takes an object already frozen to be frozen all the way down, and leaves it as it is', () => {
    const inner = {};
    deepFreeze(Object.freeze({ inner }));
    expect(Object.isFrozen(inner)).toBe(false);
  });
});

describe('frozenCopy', () => {
  it('copies plain data into an equal value frozen all the way down, and leaves the original unfrozen', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const copy = frozenCopy(value);
        expect(copy).toEqual(value);
        expect(unfrozen(copy)).toEqual([]);
        if (typeof value === 'object' && value !== null) {
          expect(copy).not.toBe(value);
          expect(Object.isFrozen(value)).toBe(false);
        }
      }),
      { numRuns: runs(200) },
    );
  });

  it('keeps a key named __proto__ an own key, never a prototype', () => {
    const copy = frozenCopy(JSON.parse('{"__proto__": {"polluted": true}}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.hasOwn(copy, '__proto__')).toBe(true);
    expect((copy as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
