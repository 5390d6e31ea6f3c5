import { describe, expect, it } from 'vitest';
import {
  compilePolicy,
  evaluate,
  LIMIT_CODES,
  LIMITS,
  MAX_CONDITION_DEPTH,
  nextQuestion,
  parsePolicy,
  parseScenario,
} from '../index.js';
import { growthFactor } from '../../../../test/support/timing.js';
import { validPolicyJson } from '../testing/support/valid-policy.js';

/** A valid policy with one part replaced (by path), as a fresh object. */
function withPart(path: (string | number)[], value: unknown): Record<string, unknown> {
  const policy = validPolicyJson() as Record<string, unknown>;
  let node = policy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  Object.defineProperty(node, path.at(-1)!, { value, enumerable: true, configurable: true, writable: true });
  return policy;
}

/** A condition with `all`, `any` and `not` nested `depth` deep around a fact test. */
function nested(depth: number): unknown {
  let condition: unknown = { fact: 'account.kind', is: 'personal' };
  for (let i = 1; i < depth; i++)
    condition = i % 3 === 0 ? { all: [condition] } : i % 3 === 1 ? { not: condition } : { any: [condition] };
  return condition;
}

const throwsSymbol = {
  get reason() {
    throw Symbol('no string for me');
  },
};
const hostileProxy = new Proxy(
  {},
  {
    ownKeys() {
      throw Object.create(null);
    },
  },
);
const { proxy: revoked, revoke } = Proxy.revocable({}, {});
revoke();
const cycle: Record<string, unknown> = { outcome: 'permitted', reason: 'x' };
cycle.self = cycle;

describe('parsePolicy reads hostile values as issues at their path, never throwing', () => {
  const cases: [string, (string | number)[], unknown][] = [
    ['a getter that throws a symbol', ['default'], throwsSymbol],
    ['a Proxy whose traps throw a value with no string form', ['rules', 0], hostileProxy],
    ['a revoked Proxy', ['duties', 0], revoked],
    ['a cycle', ['default'], cycle],
    ['a Date', ['effectiveDate'], new Date(0)],
    ['a Map', ['custom'], new Map([['facts', []]])],
    ['a class instance', ['rules', 1], new (class Rule {})()],
  ];
  it.each(cases)('%s', (_name, path, value) => {
    const result = parsePolicy(withPart(path, value));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.code)).toContain('unreadable-input');
    const issue = result.issues.find((i) => i.code === 'unreadable-input')!;
    expect(issue.path.slice(0, path.length)).toEqual(path);
    expect(typeof issue.message).toBe('string');
  });

  it('reads only own properties: an inherited rule list is not a rule list', () => {
    const policy = Object.assign(Object.create(null), validPolicyJson());
    const child = Object.create(policy);
    expect(parsePolicy(child).ok).toBe(false);
    expect(parsePolicy(policy).ok).toBe(true);
  });

  it('keeps a key named __proto__ a key (an unknown one), never a prototype', () => {
    const policy = JSON.parse(JSON.stringify(validPolicyJson()).replace('{', '{"__proto__":{"polluted":1},'));
    const result = parsePolicy(policy);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]).toMatchObject({ path: ['__proto__'], code: 'unknown-key' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

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
    expect(codeOf(withPart(['rules', 0, 'when'], nested(MAX_CONDITION_DEPTH)))).toEqual([]);
    expect(codeOf(withPart(['rules', 0, 'when'], nested(MAX_CONDITION_DEPTH + 1)))).toEqual([
      LIMIT_CODES.conditionDepth,
    ]);
    expect(codeOf(withPart(['duties', 0, 'when'], nested(MAX_CONDITION_DEPTH + 1)))).toEqual([
      LIMIT_CODES.conditionDepth,
    ]);
  });

  it('gives the same verdict on a deep condition before and after the engine has warmed up', () => {
    const deep = () => withPart(['rules', 0, 'when'], nested(1000));
    const cold = codeOf(deep());
    for (let i = 0; i < 200; i++) codeOf(withPart(['rules', 0, 'when'], nested(60)));
    expect(codeOf(deep())).toEqual(cold);
    // `not` 1,662 deep: once accepted, then overflowed the stack in compilePolicy.
    let not: unknown = { fact: 'account.kind', is: 'personal' };
    for (let i = 0; i < 1662; i++) not = { not };
    expect(codeOf(withPart(['rules', 0, 'when'], not))).toEqual([LIMIT_CODES.documentDepth]);
  });

  it('the largest accepted condition compiles, evaluates and is asked about', () => {
    const result = parsePolicy(withPart(['rules', 0, 'when'], nested(MAX_CONDITION_DEPTH)));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const compiled = compilePolicy(result.policy);
    expect(evaluate(compiled, { 'account.kind': 'personal' }).outcome).toBeDefined();
    expect(() => nextQuestion(compiled, {})).not.toThrow();
  });

  it('too many rules, duties, custom facts, values; too long a string; too deep a document', () => {
    const rule = validPolicyJson().rules[0]!;
    const rules = Array.from({ length: LIMITS.rules + 1 }, (_, i) => ({ ...rule, id: `r-${i}` }));
    expect(codeOf(withPart(['rules'], rules))).toEqual([LIMIT_CODES.rules]);
    const duty = validPolicyJson().duties[0]!;
    const duties = Array.from({ length: LIMITS.duties + 1 }, (_, i) => ({ ...duty, id: `d-${i}` }));
    expect(codeOf(withPart(['duties'], duties))).toEqual([LIMIT_CODES.duties]);
    const facts = Array.from({ length: LIMITS.customFacts + 1 }, (_, i) => ({
      name: `custom.f${i}`,
      type: 'boolean',
      label: 'F',
      description: 'F',
    }));
    expect(codeOf(withPart(['custom'], { facts }))).toEqual([LIMIT_CODES.customFacts]);
    expect(codeOf(withPart(['rules', 0, 'reason'], 'x'.repeat(LIMITS.stringLength + 1)))).toEqual([
      LIMIT_CODES.stringLength,
    ]);
    expect(codeOf(withPart(['principles'], new Array(LIMITS.values + 1).fill('x')))).toEqual([
      LIMIT_CODES.values,
    ]);
    let list: unknown = [];
    for (let i = 0; i < LIMITS.documentDepth + 5; i++) list = [list];
    expect(codeOf(withPart(['principles'], list))).toEqual([LIMIT_CODES.documentDepth]);
  });

  it('an unknown fact of a megabyte is refused as too long at once, and its message does not repeat it', () => {
    const huge = `custom.${'x'.repeat(1_000_000)}`;
    const { result, ms } = fast(withPart(['rules', 0, 'when'], { fact: huge, is: true }));
    expect(ms).toBeLessThan(1000);
    expect(result.ok ? [] : result.issues.map((i) => i.code)).toEqual([LIMIT_CODES.stringLength]);
    const long = `acount.${'k'.repeat(LIMITS.stringLength - 10)}`;
    const named = parsePolicy(withPart(['rules', 0, 'when'], { fact: long, is: 'personal' }));
    expect(named.ok).toBe(false);
    if (!named.ok) for (const issue of named.issues) expect(issue.message.length).toBeLessThan(400);
  });

  it('looking for “did you mean” is linear in the length of an unknown name', () => {
    const run = (size: number) =>
      parsePolicy(withPart(['rules', 0, 'when'], { fact: `acount.${'k'.repeat(size)}`, is: 'x' }));
    expect(growthFactor(run, 900)).toBeLessThan(20);
    const action = (size: number) => parsePolicy(withPart(['duties', 0, 'action'], 'a'.repeat(size)));
    expect(growthFactor(action, 900)).toBeLessThan(20);
  });
});

describe('parseScenario and nextQuestion on hostile scenarios', () => {
  it('turns getters, Proxies, cycles and class instances into issues', () => {
    const getter = Object.defineProperty({}, 'account.kind', {
      get() {
        throw Symbol('x');
      },
      enumerable: true,
    });
    for (const input of [getter, hostileProxy, revoked, new Map(), new Date()]) {
      expect(() => parseScenario(input)).not.toThrow();
      expect(parseScenario(input).ok).toBe(false);
    }
    const cyclic: Record<string, unknown> = {};
    cyclic['custom.x'] = cyclic;
    expect(parseScenario(cyclic).ok).toBe(false);
  });

  it('reads only own properties and at most LIMITS.scenarioFacts facts', () => {
    expect(parseScenario(Object.create({ 'account.kind': 'nonsense' }))).toMatchObject({ ok: false });
    const many = Object.fromEntries(Array.from({ length: LIMITS.scenarioFacts + 1 }, (_, i) => [`x${i}`, 1]));
    const result = parseScenario(many);
    expect(result.ok ? [] : result.issues.map((i) => i.code)).toEqual([LIMIT_CODES.scenarioFacts]);
  });

  it('nextQuestion never throws: an invalid scenario is an error with its issues, never settled', () => {
    const parsed = parsePolicy(validPolicyJson());
    if (!parsed.ok) throw new Error('valid');
    const compiled = compilePolicy(parsed.policy);
    expect(nextQuestion(compiled, { 'account.kind': 'twitter' } as never)).toMatchObject({
      ok: false,
      issues: [{ path: ['account.kind'], code: 'invalid-fact-value' }],
    });
    expect(nextQuestion(compiled, { 'no.such': 'fact' } as never)).toMatchObject({
      ok: false,
      issues: [{ path: ['no.such'], code: 'unknown-fact' }],
    });
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('no keys for you');
        },
      },
    );
    expect(nextQuestion(compiled, hostile as never).ok).toBe(false);
    const asked = nextQuestion(compiled, {});
    expect(asked.ok && asked.question?.fact).toBeTruthy();
  });
});
