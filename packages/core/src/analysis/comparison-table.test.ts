import { describe, expect, it } from 'vitest';
import { flagshipPolicy } from '../testing/support/flagship.js';
import { tryToChange, unfrozen } from '../testing/support/unfrozen.js';
import { parsePolicy } from '../parse/parse-policy.js';
import type { Policy } from '../model/policy.js';
import { comparisonTable } from './comparison-table.js';

function policy(id: string, title: string, extra: Record<string, unknown> = {}): Policy {
  const result = parsePolicy({
    schemaVersion: '1.0.0',
    id,
    title,
    organisation: 'Org, "quoted"',
    version: '1',
    language: 'en-GB',
    vocabulary: 'social-media/1',
    resolution: 'first-match',
    default: { outcome: 'permitted', reason: 'Fine.' },
    rules: [],
    ...extra,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.policy;
}

const supportive = policy('supportive', 'Supportive | kind', {
  duties: [
    {
      id: 'report',
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
      reason: 'R.',
    },
    {
      id: 'police',
      when: { fact: 'incident.kind', is: 'threats' },
      action: 'police-report-with-consent',
      holder: 'safety-lead',
      modality: 'may',
      consentRequired: true,
      reason: 'R.',
    },
  ],
  commitments: [{ id: 'c', commitment: 'no-password-requests' }],
});
const bare = policy('bare', 'Bare', {
  rules: [
    { id: 'all', when: { fact: 'context.time', is: 'own-time' }, outcome: 'not-permitted', reason: 'R.' },
  ],
});

describe('comparisonTable', () => {
  const table = comparisonTable([supportive, bare]);

  it('has a row per policy and a column per metric, catalogue duty action and commitment', () => {
    expect(table.rows.map((r) => r.policyId)).toEqual(['supportive', 'bare']);
    const keys = table.columns.map((c) => c.key);
    expect(keys).toContain('support.emergency-fund');
    expect(keys).toContain('commitment.own-time-is-your-own');
    expect(table.rows[0]!.cells).toMatchObject({
      'support.receive-report': 'must, safety-lead, PT24H',
      'support.police-report-with-consent': 'may, safety-lead, with consent, 14.3% of incidents',
      'support.emergency-fund': null,
      'commitment.no-password-requests': true,
      'commitment.no-ban-on-access': false,
      'outcome.permitted': 1,
      'private-life-reach': 1,
    });
    expect(table.rows[1]!.cells).toMatchObject({
      'outcome.not-permitted': 0.5,
      'outcome.permitted': 0.5,
      default: 0.5,
      'private-life-reach': 1,
    });
  });
});

describe('comparisonTable’s table', () => {
  it('is frozen all the way down: a caller changing its rows changes no later table', () => {
    const table = comparisonTable([flagshipPolicy]);
    expect(unfrozen(table)).toEqual([]);
    expect(tryToChange(() => (table.rows as unknown[]).pop())).toBeInstanceOf(TypeError);
    expect(comparisonTable([flagshipPolicy]).rows).toHaveLength(1);
  });
});
