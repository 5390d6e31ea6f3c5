import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type ComparisonTable,
  comparePolicies,
  compilePolicy,
  defaultWeights,
  type PolicyComparison,
  parsePolicySource,
  type ThemeVerdict,
} from '@fairpost/core';
import { describe, expect, it } from 'vitest';
import {
  describeThemeComparison,
  describeThemeVerdict,
  renderComparisonMarkdown,
  renderPolicyComparisonMarkdown,
} from './render-comparison.js';

const EXAMPLES = join(import.meta.dirname, '..', '..', '..', 'examples', 'policies');

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
      commitmentChanges: [
        { change: 'added', commitment: 'no-ban-on-access', polarity: 'protects', direction: 'stronger' },
      ],
      commitmentVerdict: 'stronger',
      metrics: { a: { privateLifeReach: 0 }, b: { privateLifeReach: 0.25 } },
      themes: [],
      weighting: 'uniform',
    } as unknown as PolicyComparison;
    expect(renderPolicyComparisonMarkdown(comparison, { a: 'Current', b: 'Proposed' })).toBe(
      [
        '## Current → Proposed',
        '',
        'Under uniform weights, Current reaches into 0% of staff’s own-time use of their own accounts, and Proposed into 25%.',
        '',
        'Verdict: **stricter**. Proposed is stricter on 12.5% and looser on 0% of the scenario space (under uniform weights).',
        'Support when targeted: **weaker**. Proposed drops 1 kind of support (Receive the report).',
        'Commitments: **stronger**. Proposed promises No ban on access.',
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
    // Without details, the case stops after the one-screen summary.
    const short = renderPolicyComparisonMarkdown(comparison, { a: 'Current', b: 'Proposed', details: false });
    expect(short).toContain('Commitments: **stronger**');
    expect(short).not.toContain('| When |');
  });
});

describe('theme verdicts in words', () => {
  const t = (
    verdict: ThemeVerdict,
    leaning: 'stricter' | 'looser' | null,
    stricterShare: number,
    looserShare: number,
  ) => ({
    verdict,
    leaning,
    stricterShare,
    looserShare,
  });

  it('says which way a mixed theme mostly goes, with both shares', () => {
    expect(describeThemeVerdict('Union', t('mixed', 'looser', 0.01, 0.989))).toBe(
      'mixed: Union is mostly looser (98.9% looser, 1% stricter)',
    );
    expect(describeThemeVerdict('Union', t('mixed', 'stricter', 0.9, 0.05))).toBe(
      'mixed: Union is mostly stricter (90% stricter, 5% looser)',
    );
    expect(describeThemeVerdict('Union', t('mixed', null, 0.433, 0.195))).toBe(
      'mixed: Union is looser on 19.5% of it and stricter on 43.3%',
    );
  });

  it('never rounds a share that is not nothing down to 0%', () => {
    expect(describeThemeVerdict('B', t('stricter', null, 0.0001, 0))).toBe(
      'B is stricter on under 0.1% of it',
    );
    expect(describeThemeVerdict('B', t('looser', null, 0, 0))).toBe('B is looser in what it commits to');
    expect(describeThemeVerdict('B', t('same', null, 0, 0))).toBe('the same in both');
  });

  it('on the example pair, the union’s policy is mostly looser on private life, and the line says so with the numbers', () => {
    const load = (name: string) => {
      const parsed = parsePolicySource(readFileSync(join(EXAMPLES, name), 'utf8'));
      if (!parsed.ok) throw new Error(`${name} does not parse`);
      return compilePolicy(parsed.policy);
    };
    const comparison = comparePolicies(
      load('management-draft.yaml'),
      load('000_staff-union-alternative.yaml'),
      { distribution: defaultWeights },
    );
    const privateLife = comparison.themes.find((x) => x.theme === 'private-life')!;
    const line = describeThemeComparison(privateLife, { a: 'Draft', b: 'Union' });
    const said = /mixed: Union is mostly looser \((\d+(?:\.\d)?)% looser, (\d+(?:\.\d)?)% stricter\)/.exec(
      line,
    );
    expect(said, line).not.toBeNull();
    expect(Number(said![1])).toBe(Math.round(privateLife.looserShare * 1000) / 10);
    expect(Number(said![1])).toBeGreaterThan(95);
    expect(Number(said![2])).toBeLessThan(5);
    expect(line).toContain('For example, if you are using your own account');
    expect(line).toMatch(/: “[^”]+” → “Your own business”\.$/);
  }, 60_000);
});
