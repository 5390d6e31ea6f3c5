import { describe, expect, it } from 'vitest';
import { growthFactor } from '../../../../test/support/timing.js';
import {
  compilePolicy,
  evaluate,
  LIMIT_CODES,
  LIMITS,
  MAX_CONDITION_DEPTH,
  nextQuestion,
  parsePolicy,
} from '../index.js';
import { validPolicyJson, validPolicyWithPart } from '../testing/support/valid-policy.js';
import { type LimitName, limitIssue, limitOf } from './limits.js';

/** A condition with `all`, `any` and `not` nested `depth` deep around a fact test. */
function nested(depth: number): unknown {
  let condition: unknown = { fact: 'account.kind', is: 'personal' };
  for (let i = 1; i < depth; i++)
    condition = i % 3 === 0 ? { all: [condition] } : i % 3 === 1 ? { not: condition } : { any: [condition] };
  return condition;
}

describe('limits: their own code, checked before anything expensive, whatever ran before', () => {
  const fast = (input: unknown) => {
    const start = performance.now();
    const result = parsePolicy(input);
    return { result, ms: performance.now() - start };
  };
  const codeOf = (input: unknown) => {
    const { result, ms } = fast(input);
    expect(ms).toBeLessThan(1000);
    return result.ok ? [] : result.issues.map((i) => i.code);
  };

  it('a condition nested one level deeper than MAX_CONDITION_DEPTH is refused, at exactly that depth', () => {
    expect(codeOf(validPolicyWithPart(['rules', 0, 'when'], nested(MAX_CONDITION_DEPTH)))).toEqual([]);
    expect(codeOf(validPolicyWithPart(['rules', 0, 'when'], nested(MAX_CONDITION_DEPTH + 1)))).toEqual([
      LIMIT_CODES.conditionDepth,
    ]);
    expect(codeOf(validPolicyWithPart(['duties', 0, 'when'], nested(MAX_CONDITION_DEPTH + 1)))).toEqual([
      LIMIT_CODES.conditionDepth,
    ]);
  });

  it('gives the same verdict on a deep condition before and after the engine has warmed up', () => {
    const deep = () => validPolicyWithPart(['rules', 0, 'when'], nested(1000));
    const cold = codeOf(deep());
    for (let i = 0; i < 200; i++) codeOf(validPolicyWithPart(['rules', 0, 'when'], nested(60)));
    expect(codeOf(deep())).toEqual(cold);
    // `not` 1,662 deep: once accepted, then overflowed the stack in compilePolicy.
    let not: unknown = { fact: 'account.kind', is: 'personal' };
    for (let i = 0; i < 1662; i++) not = { not };
    expect(codeOf(validPolicyWithPart(['rules', 0, 'when'], not))).toEqual([LIMIT_CODES.documentDepth]);
  });

  it('the largest accepted condition compiles, evaluates and is asked about', () => {
    const result = parsePolicy(validPolicyWithPart(['rules', 0, 'when'], nested(MAX_CONDITION_DEPTH)));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const compiled = compilePolicy(result.policy);
    expect(evaluate(compiled, { 'account.kind': 'personal' }).outcome).toBeDefined();
    expect(() => nextQuestion(compiled, {})).not.toThrow();
  });

  it('too many rules, duties, custom facts, values; too long a string; too deep a document', () => {
    const rule = validPolicyJson().rules[0]!;
    const rules = Array.from({ length: LIMITS.rules + 1 }, (_, i) => ({ ...rule, id: `r-${i}` }));
    expect(codeOf(validPolicyWithPart(['rules'], rules))).toEqual([LIMIT_CODES.rules]);
    const duty = validPolicyJson().duties[0]!;
    const duties = Array.from({ length: LIMITS.duties + 1 }, (_, i) => ({ ...duty, id: `d-${i}` }));
    expect(codeOf(validPolicyWithPart(['duties'], duties))).toEqual([LIMIT_CODES.duties]);
    const facts = Array.from({ length: LIMITS.customFacts + 1 }, (_, i) => ({
      name: `custom.f${i}`,
      type: 'boolean',
      label: 'F',
      description: 'F',
    }));
    expect(codeOf(validPolicyWithPart(['custom'], { facts }))).toEqual([LIMIT_CODES.customFacts]);
    expect(codeOf(validPolicyWithPart(['rules', 0, 'reason'], 'x'.repeat(LIMITS.stringLength + 1)))).toEqual([
      LIMIT_CODES.stringLength,
    ]);
    expect(codeOf(validPolicyWithPart(['principles'], new Array(LIMITS.values + 1).fill('x')))).toEqual([
      LIMIT_CODES.values,
    ]);
    let list: unknown = [];
    for (let i = 0; i < LIMITS.documentDepth + 5; i++) list = [list];
    expect(codeOf(validPolicyWithPart(['principles'], list))).toEqual([LIMIT_CODES.documentDepth]);
  });

  it('an unknown fact of a megabyte is refused as too long at once, and its message does not repeat it', () => {
    const huge = `custom.${'x'.repeat(1_000_000)}`;
    const { result, ms } = fast(validPolicyWithPart(['rules', 0, 'when'], { fact: huge, is: true }));
    expect(ms).toBeLessThan(1000);
    expect(result.ok ? [] : result.issues.map((i) => i.code)).toEqual([LIMIT_CODES.stringLength]);
    const long = `acount.${'k'.repeat(LIMITS.stringLength - 10)}`;
    const named = parsePolicy(validPolicyWithPart(['rules', 0, 'when'], { fact: long, is: 'personal' }));
    expect(named.ok).toBe(false);
    if (!named.ok) for (const issue of named.issues) expect(issue.message.length).toBeLessThan(400);
  });

  it('looking for “did you mean” is linear in the length of an unknown name', () => {
    const run = (size: number) =>
      parsePolicy(validPolicyWithPart(['rules', 0, 'when'], { fact: `acount.${'k'.repeat(size)}`, is: 'x' }));
    expect(growthFactor(run, 900)).toBeLessThan(20);
    const action = (size: number) =>
      parsePolicy(validPolicyWithPart(['duties', 0, 'action'], 'a'.repeat(size)));
    expect(growthFactor(action, 900)).toBeLessThan(20);
  });
});

describe('limitIssue', () => {
  it.each(Object.keys(LIMIT_CODES) as LimitName[])(
    'reports %s with its own code, the limit and what was found',
    (name) => {
      const issue = limitIssue(name, 123_456_789, ['rules', 2]);
      expect(issue).toMatchObject({
        path: ['rules', 2],
        code: LIMIT_CODES[name],
        expected: `at most ${limitOf(name)}`,
        received: '123456789',
      });
      expect(issue.message).toContain(String(limitOf(name)));
    },
  );

  it('states each limit once: the condition depth is the engine’s, the rest are LIMITS', () => {
    expect(limitOf('conditionDepth')).toBe(MAX_CONDITION_DEPTH);
    for (const name of Object.keys(LIMITS) as (keyof typeof LIMITS)[])
      expect(limitOf(name)).toBe(LIMITS[name]);
    expect(Object.keys(LIMIT_CODES).sort()).toEqual([...Object.keys(LIMITS), 'conditionDepth'].sort());
    expect(new Set(Object.values(LIMIT_CODES)).size).toBe(Object.keys(LIMIT_CODES).length);
  });
});
