import type { PolicyDefinition } from '../../parse/define-policy.js';
import { formatIssue } from '../../parse/issue.js';
import { parsePolicy } from '../../parse/parse-policy.js';

/**
 * A small valid policy as plain JSON, fresh on every call so that a test can break one part of it. It has four
 * rules (so `rules[3]` exists), a nested condition, a duty, a commitment, a source and a custom fact.
 */
export function validPolicyJson(): Record<string, unknown> & {
  rules: Record<string, unknown>[];
  duties: Record<string, unknown>[];
  commitments: Record<string, unknown>[];
} {
  return {
    schemaVersion: '1.0.0',
    id: 'test-policy',
    title: 'Test policy',
    organisation: 'Example',
    version: '1',
    language: 'en-GB',
    vocabulary: 'social-media/1',
    sources: [{ id: 'handbook', title: 'Staff handbook' }],
    resolution: 'first-match',
    default: { outcome: 'check-first', reviewers: ['comms-team'], reason: 'Ask first.' },
    rules: [
      {
        id: 'never-identify-clients',
        when: { fact: 'content.identifiesClient', is: true },
        outcome: 'not-permitted',
        reason: 'Clients trust us.',
      },
      {
        id: 'own-time',
        when: {
          all: [
            { fact: 'account.kind', in: ['personal', 'pseudonymous'] },
            { fact: 'context.time', is: 'own-time' },
          ],
        },
        outcome: 'out-of-scope',
        reason: 'Your own time is your own.',
        source: { document: 'handbook', section: '2' },
      },
      {
        id: 'public-information',
        when: { fact: 'content.kind', in: ['public-information', 'pointer'] },
        outcome: 'permitted',
        reason: 'It is public already.',
      },
      {
        id: 'views-on-work',
        when: {
          all: [
            { fact: 'custom.campaignPhase', is: 'live' },
            { fact: 'account.kind', is: 'personal-named' },
          ],
        },
        outcome: 'permitted-with-conditions',
        conditions: ['state-personal-view'],
        reason: 'People may read your view as ours.',
      },
    ],
    duties: [
      {
        id: 'receive-report',
        when: {
          all: [
            { fact: 'incident.kind', isNot: 'none' },
            { fact: 'incident.workRelated', is: true },
          ],
        },
        action: 'receive-report',
        holder: 'safety-lead',
        modality: 'must',
        deadline: 'PT24H',
        reason: 'Someone must own the response.',
      },
    ],
    commitments: [{ id: 'no-passwords', commitment: 'no-password-requests' }],
    custom: {
      facts: [
        {
          name: 'custom.campaignPhase',
          type: 'enum',
          label: 'Campaign phase',
          description: 'Where the campaign stands.',
          values: [
            { value: 'planning', label: 'Planning', phrase: 'the campaign is being planned' },
            { value: 'live', label: 'Live', phrase: 'the campaign is live' },
          ],
        },
      ],
    },
  };
}

/** `validPolicyJson` with one part replaced (by path, defined as an own enumerable property), as a fresh object. */
export function validPolicyWithPart(path: (string | number)[], value: unknown): Record<string, unknown> {
  const policy = validPolicyJson() as Record<string, unknown>;
  let node = policy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  Object.defineProperty(node, path.at(-1)!, { value, enumerable: true, configurable: true, writable: true });
  return policy;
}

/**
 * The issues `parsePolicy` finds in `validPolicyJson` once `mutate` has broken it, each as its code and the line an
 * author reads; none when it is still valid.
 */
// biome-ignore lint/suspicious/noExplicitAny: the tables break policies in ways no type allows.
export function issueLinesOf(mutate: (policy: any) => void): [string, string][] {
  const policy = validPolicyJson();
  mutate(policy);
  const result = parsePolicy(policy);
  return result.ok ? [] : result.issues.map((i) => [i.code, formatIssue(i)]);
}

/** The parts of a small policy written with `definePolicy`, all but its rules. */
export const tinyDefinition = {
  id: 'tiny',
  title: 'Tiny policy',
  organisation: 'Example',
  version: '1',
  language: 'en-GB',
  resolution: 'first-match',
  default: { outcome: 'check-first', reviewers: ['comms-team'], reason: 'Ask first.' },
} as const satisfies Omit<PolicyDefinition, 'rules'>;
