import { describe, expect, it } from 'vitest';
import { validPolicyJson } from '../testing/support/valid-policy.js';
import { compilePolicy } from '../evaluate/compile-policy.js';
import { parsePolicy } from './parse-policy.js';
import { parseScenario } from './scenario.js';

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

describe('an unsure list in a scenario', () => {
  it('refuses an unsure fact that is unknown, repeated, or also answered, with paths', () => {
    const result = parseScenario({
      'content.kind': 'pointer',
      unsure: ['content.kind', 'content.hasConsnt', 'actor.role', 'actor.role', 3],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.path.join('.'), i.code])).toEqual([
      ['unsure.0', 'invalid-value'],
      ['unsure.1', 'unknown-fact'],
      ['unsure.3', 'duplicate-value'],
      ['unsure.4', 'unknown-fact'],
    ]);
    expect(result.issues[1]!.message).toContain('did you mean "content.hasConsent"');
  });

  it('refuses an unsure list that is not a list', () => {
    const result = parseScenario({ unsure: 'content.kind' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]).toMatchObject({ path: ['unsure'], code: 'invalid-type' });
  });
});

describe('set-valued facts in a scenario', () => {
  it('takes a set as an array of members in any order and gives it back in vocabulary order', () => {
    const parsed = parseScenario({ 'content.topics': ['pay-and-conditions', 'employer'] });
    expect(parsed).toEqual({ ok: true, scenario: { 'content.topics': ['employer', 'pay-and-conditions'] } });
    expect(parseScenario({ 'content.topics': [] })).toEqual({ ok: true, scenario: { 'content.topics': [] } });
  });

  it('refuses a member given twice, an unknown member (with a likely typo) and a value that is not an array', () => {
    const twice = parseScenario({ 'content.topics': ['employer', 'employer'] });
    expect(twice.ok || twice.issues[0]).toMatchObject({
      path: ['content.topics', 1],
      code: 'invalid-fact-value',
      expected: 'each member once',
    });
    const typo = parseScenario({ 'content.topics': ['employer', 'employr'] });
    expect(typo.ok || typo.issues[0]).toMatchObject({
      path: ['content.topics', 1],
      received: '"employr"',
    });
    expect(typo.ok || typo.issues[0]!.message).toContain('did you mean "employer"?');
    const scalar = parseScenario({ 'content.topics': 'employer' });
    expect(scalar.ok || scalar.issues[0]).toMatchObject({
      path: ['content.topics'],
      code: 'invalid-fact-value',
    });
  });
});
