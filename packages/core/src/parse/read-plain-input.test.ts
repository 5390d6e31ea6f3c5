import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePolicy, LIMIT_CODES, LIMITS, nextQuestion, parsePolicy, parseScenario } from '../index.js';
import { validPolicyJson, validPolicyWithPart } from '../testing/support/valid-policy.js';
import { readPlainInput } from './read-plain-input.js';
import { runs } from '../../../../test/support/property-runs.js';

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
    const result = parsePolicy(validPolicyWithPart(path, value));
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

describe('readPlainInput on plain data', () => {
  it('reads any JSON value into an equal copy that later changes to the original do not reach', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const read = readPlainInput(value);
        expect(read).toEqual({ ok: true, value });
        if (!read.ok || typeof value !== 'object' || value === null) return;
        const before = structuredClone(value);
        expect(read.value).not.toBe(value);
        if (Array.isArray(value)) value.push('changed');
        else (value as Record<string, unknown>).changed = true;
        expect(read.value).toEqual(before);
      }),
      { numRuns: runs(300) },
    );
  });
});
