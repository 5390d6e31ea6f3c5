// What a tool outside Fairpost writes: a policy typed by the generated types, checked against the published schema.
import type { Policy } from '../../packages/schemas/src/generated/policy.generated.js';
import policySchema from '../../packages/schemas/json/draft-07/policy.json' with { type: 'json' };

/** A policy an outside tool builds: fact names and their values are checked by the compiler. */
export const samplePolicy: Policy = {
  $schema: policySchema.$id,
  schemaVersion: '1.0.0',
  id: 'outside-tool',
  title: 'A policy written by another tool',
  organisation: 'Example',
  version: '1',
  language: 'en-GB',
  vocabulary: 'social-media/1',
  resolution: 'first-match',
  default: { outcome: 'check-first', reviewers: ['comms-team'], reason: 'Ask first.' },
  rules: [
    {
      id: 'own-time',
      when: {
        all: [
          { fact: 'context.time', is: 'own-time' },
          { fact: 'account.kind', in: ['personal', 'pseudonymous'] },
        ],
      },
      outcome: 'out-of-scope',
      reason: 'Your own time is your own.',
    },
  ],
  duties: [
    {
      id: 'receive-report',
      when: { fact: 'incident.workRelated', is: true },
      action: 'receive-report',
      holder: 'safety-lead',
      modality: 'must',
      deadline: 'PT24H',
      reason: 'Someone must own the response.',
    },
  ],
};

export const wrongValue: Policy['rules'][number] = {
  id: 'wrong',
  // @ts-expect-error: "twitter" is not a value of account.kind.
  when: { fact: 'account.kind', is: 'twitter' },
  outcome: 'permitted',
  reason: 'The compiler refuses this.',
};

export const wrongOutcome: Policy['default'] = {
  // @ts-expect-error: "allowed" is not an outcome.
  outcome: 'allowed',
  reason: 'The compiler refuses this too.',
};

/** The schema's identity, as a tool that stores it would read it. */
export const schemaId: string = policySchema.$id;
