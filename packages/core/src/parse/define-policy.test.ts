import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, VOCABULARY_ID } from '../model/policy-format.js';
import { tinyDefinition } from '../testing/support/valid-policy.js';
import { definePolicy, InvalidPolicyError, type PolicyDefinition } from './define-policy.js';

const definition: PolicyDefinition = {
  ...tinyDefinition,
  rules: [
    {
      id: 'public',
      when: { fact: 'content.kind', is: 'public-information' },
      outcome: 'permitted',
      reason: 'Public.',
    },
  ],
};

describe('definePolicy', () => {
  it('fills in the current schema version and vocabulary, and keeps the rest as written', () => {
    const policy = definePolicy(definition);
    expect(policy).toMatchObject({ ...definition, schemaVersion: SCHEMA_VERSION, vocabulary: VOCABULARY_ID });
  });

  it('throws InvalidPolicyError with every issue, each in the message with its path', () => {
    const broken = {
      ...definition,
      rules: [definition.rules[0]!, { ...definition.rules[0]!, reviewers: ['comms-teem'] }],
    } as PolicyDefinition;
    let thrown: unknown;
    try {
      definePolicy(broken);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidPolicyError);
    const issues = (thrown as InvalidPolicyError).issues;
    expect(issues.map((i) => [i.path.join('.'), i.code])).toEqual([
      ['rules.1.id', 'duplicate-id'],
      ['rules.1.reviewers.0', 'unknown-catalogue-entry'],
    ]);
    expect((thrown as Error).message).toMatch(
      /^invalid policy:\n {2}rules\[1\]\.id: .*\n {2}rules\[1\]\.reviewers\[0\]: /,
    );
  });
});
