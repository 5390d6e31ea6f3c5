import { describe, expect, it } from 'vitest';
import { validPolicyJson } from '../testing/support/valid-policy.js';
import { compilePolicy } from '../evaluate/compile-policy.js';
import { evaluate, InvalidScenarioError } from '../evaluate/evaluate.js';
import { parsePolicy } from './parse-policy.js';
import { parseScenario, type Scenario } from './scenario.js';

const parsed = parsePolicy(validPolicyJson());
if (!parsed.ok) throw new Error('the base policy of the scenario tests must be valid');
const compiled = compilePolicy(parsed.policy);

describe('parseScenario', () => {
  it('accepts standard and declared custom facts with their values', () => {
    const input = {
      'account.kind': 'personal',
      'content.identifiesClient': false,
      'custom.campaignPhase': 'live',
    };
    expect(parseScenario(input, compiled)).toEqual({ ok: true, scenario: input });
  });

  it('returns every unknown fact and bad value as an issue, with the fact as path', () => {
    const result = parseScenario(
      {
        'account.knd': 'personal',
        'context.time': 'weekend',
        'content.hasConsent': 'yes',
        'custom.mood': 'ok',
      },
      compiled,
    );
    expect(result).toEqual({
      ok: false,
      issues: [
        expect.objectContaining({
          path: ['account.knd'],
          code: 'unknown-fact',
          message: 'unknown fact "account.knd"; did you mean "account.kind"?',
        }),
        expect.objectContaining({
          path: ['context.time'],
          code: 'invalid-fact-value',
          message: 'fact "context.time" has no value "weekend"; expected one of work-time, own-time',
          expected: 'one of work-time, own-time',
          received: '"weekend"',
        }),
        expect.objectContaining({
          path: ['content.hasConsent'],
          code: 'invalid-fact-value',
          message: 'fact "content.hasConsent" is true or false; found "yes"',
        }),
        expect.objectContaining({ path: ['custom.mood'], code: 'unknown-fact' }),
      ],
    });
  });

  it('knows a custom fact only in the vocabulary of the policy that declares it', () => {
    expect(parseScenario({ 'custom.campaignPhase': 'live' }).ok).toBe(false);
  });

  it('drops facts given as undefined, which are unknown anyway', () => {
    expect(parseScenario({ 'account.kind': undefined })).toEqual({ ok: true, scenario: {} });
  });

  it.each([null, 'account.kind', 3, ['account.kind']])(
    'rejects %j, which is not an object of facts',
    (input) => {
      expect(parseScenario(input)).toMatchObject({ ok: false, issues: [{ path: [], code: 'invalid-type' }] });
    },
  );
});

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
