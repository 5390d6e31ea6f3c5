import type { ComparisonTable, PolicyComparison } from '@fairpost/core';
import { describe, expect, it } from 'vitest';
import { renderComparisonMarkdown, renderPolicyComparisonMarkdown } from './render-comparison.js';

const table: ComparisonTable = {
  vocabulary: 'social-media/1',
  weighting: 'uniform',
  columns: [
    { key: 'id', label: 'Policy', group: 'policy', description: 'Id.' },
    { key: 'title', label: 'Title', group: 'policy', description: 'Title.' },
    { key: 'outcome.permitted', label: 'Share permitted', group: 'outcome', description: 'Share.' },
    { key: 'support.receive-report', label: 'Receive the report', group: 'support', description: 'S.' },
    {
      key: 'commitment.no-password-requests',
      label: 'No password requests',
      group: 'commitment',
      description: 'C.',
    },
  ],
  rows: [
    {
      policyId: 'a',
      cells: {
        id: 'a',
        title: 'Pipes | and *stars*\nand a new line',
        'outcome.permitted': 0.375,
        'support.receive-report': 'must, PT24H',
        'commitment.no-password-requests': true,
      },
    },
    {
      policyId: 'b',
      cells: {
        id: 'b',
        title: 'Plain',
        'outcome.permitted': 1,
        'support.receive-report': null,
        'commitment.no-password-requests': false,
      },
    },
  ],
};

describe('renderComparisonMarkdown', () => {
  it('renders a row per policy with escaped cells, shares as percentages and absent support as a dash', () => {
    expect(renderComparisonMarkdown(table)).toBe(
      [
        'Vocabulary social-media/1; shares of the scenario space with every value of every fact equally likely.',
        '',
        '| Policy | Title | Share permitted | Receive the report | No password requests |',
        '| --- | --- | --- | --- | --- |',
        '| a | Pipes \\| and \\*stars\\* and a new line | 37.5% | must, PT24H | yes |',
        '| b | Plain | 100% | — | no |',
        '',
      ].join('\n'),
    );
  });

  it('can turn the table so that each policy is a column', () => {
    const lines = renderComparisonMarkdown(table, { orientation: 'policies-as-columns' }).split('\n');
    expect(lines[2]).toBe('| Policy | a | b |');
    expect(lines[4]).toBe('| Title | Pipes \\| and \\*stars\\* and a new line | Plain |');
    // Every line of the table has the same number of cells: no cell text broke out of its cell.
    const tableLines = lines.filter((l) => l.startsWith('|'));
    expect(new Set(tableLines.map((l) => l.split(/(?<!\\)\|/).length)).size).toBe(1);
  });
});

describe('renderPolicyComparisonMarkdown', () => {
  it('gives the verdict, each differing region with both outcomes and reasons, and support changes', () => {
    const comparison = {
      verdict: 'stricter',
      stricterShare: 0.125,
      looserShare: 0,
      differences: [
        {
          region: 'account is personal account and time is own time',
          when: { all: [] },
          share: 0.125,
          witness: {},
          a: { outcome: 'out-of-scope', ruleId: 'own', reason: 'Yours.' },
          b: { outcome: 'not-permitted', ruleId: 'never', reason: 'Never.' },
          verdict: 'stricter',
        },
      ],
      support: [
        {
          action: 'receive-report',
          a: {
            action: 'receive-report',
            label: 'Receive the report',
            holders: ['safety-lead'],
            modality: 'must',
            deadline: 'PT24H',
            consentRequired: false,
            coverage: 1,
            dutyIds: ['r'],
          },
          b: null,
          changes: [{ aspect: 'presence', from: 'receive-report', to: null, direction: 'weaker' }],
          verdict: 'weaker',
        },
      ],
      supportVerdict: 'weaker',
      commitments: { added: ['no-ban-on-access'], removed: [] },
      commitmentVerdict: 'stronger',
      themes: [],
      weighting: 'uniform',
    } as unknown as PolicyComparison;
    expect(renderPolicyComparisonMarkdown(comparison, { a: 'Current', b: 'Proposed' })).toBe(
      [
        '## Current → Proposed',
        '',
        'Verdict: **stricter**. Proposed is stricter on 12.5% and looser on 0% of the scenario space (under uniform weights). Support when targeted: **weaker**; commitments: **stronger**.',
        '',
        '| When | Share | Current | Proposed | Why (Current) | Why (Proposed) |',
        '| --- | --- | --- | --- | --- | --- |',
        '| account is personal account and time is own time | 12.5% | out-of-scope | not-permitted | Yours. | Never. |',
        '',
        '- Support “receive-report”: must, safety-lead, PT24H → none (weaker)',
        '- Commitment added: no-ban-on-access',
        '',
      ].join('\n'),
    );
  });
});
