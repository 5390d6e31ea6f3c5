import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Policy } from '../model/policy.js';
import { OUTCOMES } from '../model/outcome.js';
import { parsePolicySource } from '../parse/parse-policy-source.js';
import { arbitraryPolicy } from '../testing/arbitrary-policy.js';
import { readCsv } from '../testing/support/read-csv.js';
import { defaultWeights } from '../vocabulary/default-weights.js';
import { CTG_ELEMENTS, THEMES } from '../vocabulary/themes.js';
import { policyMetrics } from './policy-metrics.js';
import {
  RESEARCH_COLUMNS,
  type ResearchRecord,
  researchExport,
  researchExportCsv,
} from './research-export.js';
import { runs } from '../../../../test/support/property-runs.js';

const root = join(import.meta.dirname, '..', '..', '..', '..');
const dir = join(root, 'examples', 'policies');
function load(file: string): Policy {
  const parsed = parsePolicySource(readFileSync(join(dir, file), 'utf8'));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.issues.map((i) => i.message).join('; ')}`);
  return parsed.policy;
}
const examples = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml') && !f.endsWith('.cases.yaml'))
  .sort()
  .map(load);

/** Reads the CSV back into typed records, column by column as R or pandas would type them. */
function readBack(csv: string): ResearchRecord[] {
  const [header, ...lines] = readCsv(csv);
  expect(header).toEqual([...RESEARCH_COLUMNS]);
  return lines.map((fields) => {
    expect(fields).toHaveLength(RESEARCH_COLUMNS.length);
    const [policy, theme, element, metric, value, unit, weights] = fields as [string, ...string[]];
    return {
      policy,
      theme: theme === '' ? null : theme,
      element: element === '' ? null : element,
      metric,
      value: value === '' ? null : Number(value),
      unit,
      weights,
    } as ResearchRecord;
  });
}

describe('researchExport', () => {
  const rows = researchExport(examples, { distribution: defaultWeights, weightsName: 'default' });

  it('round-trips through CSV: written, read back with a plain RFC 4180 reader, the same typed values', () => {
    const csv = researchExportCsv(rows);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(readBack(csv)).toEqual(rows);
  });

  it('round-trips through JSON as typed records', () => {
    expect(JSON.parse(JSON.stringify(rows))).toEqual(rows);
  });

  it('writes numbers unquoted and quotes text only where RFC 4180 needs it, even for a hostile weights name', () => {
    const name = 'the weights in "a, b".yaml\nsecond line';
    const csv = researchExportCsv(researchExport([examples[0]!], { weightsName: name }));
    const back = readBack(csv);
    expect(back.every((r) => r.weights === name)).toBe(true);
    const firstLine = csv.split('\r\n')[1]!;
    expect(firstLine).toMatch(/^[\w.-]+,,,share-out-of-scope,[0-9.e-]+,share,"the weights in ""a, b"".yaml/);
  });

  it('has, per policy, each outcome share (summing to 1), each theme and each CTG element', () => {
    for (const policy of examples) {
      const own = rows.filter((r) => r.policy === policy.id);
      const total = OUTCOMES.map(
        (o) => own.find((r) => r.metric === `share-${o}` && r.theme === null)!.value!,
      );
      expect(total.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
      for (const theme of THEMES)
        expect(own.filter((r) => r.theme === theme).map((r) => r.metric)).toEqual([
          'theme-share',
          'share-governed',
          'share-forbidden',
          'support-measures',
          'commitments',
        ]);
      for (const element of CTG_ELEMENTS)
        expect(own.filter((r) => r.element === element).map((r) => r.metric)).toEqual([
          'rules',
          'duties',
          'commitments',
        ]);
      for (const r of own) {
        if (r.unit === 'share' && r.value !== null) expect(r.value).toBeGreaterThanOrEqual(0);
        if (r.unit === 'share' && r.value !== null) expect(r.value).toBeLessThanOrEqual(1 + 1e-9);
        if (r.unit === 'count') expect(Number.isInteger(r.value)).toBe(true);
        expect(r.weights).toBe('default');
      }
    }
  });

  it('agrees with policyMetrics on the whole-policy figures', () => {
    for (const policy of examples) {
      const m = policyMetrics(policy, { distribution: defaultWeights });
      const of = (metric: string) =>
        rows.find(
          (r) => r.policy === policy.id && r.theme === null && r.element === null && r.metric === metric,
        )!.value;
      for (const o of OUTCOMES) expect(of(`share-${o}`)).toBeCloseTo(m.outcomeShares[o], 12);
      expect(of('private-life-reach')).toBeCloseTo(m.privateLifeReach ?? Number.NaN, 12);
      expect(of('rules')).toBe(m.ruleCount);
      expect(of('duties')).toBe(m.dutyCount);
    }
  });

  it('tells the union alternative from the management draft on private life, under the default weights', () => {
    const governed = (id: string) =>
      rows.find((r) => r.policy === id && r.theme === 'private-life' && r.metric === 'share-governed')!
        .value!;
    const union = examples.find((p) => p.id.includes('union'))!.id;
    const draft = examples.find((p) => p.id.includes('management'))!.id;
    expect(governed(union)).toBeLessThan(0.05);
    expect(governed(draft)).toBeCloseTo(1, 9);
  });

  it('counts a rule for a CTG element only when it names a value coded to it, negated tests and set members too', () => {
    const rulesFor = (when: Policy['rules'][number]['when'], element: string) => {
      const policy = {
        ...examples[0]!,
        rules: [{ id: 'r', when, outcome: 'permitted' as const, reason: 'r' }],
      };
      return researchExport([policy]).find((r) => r.element === element && r.metric === 'rules')!.value;
    };
    // The codebook codes organisational accounts to account management, personal ones to acceptable use.
    const organisational = { fact: 'account.kind', is: 'organisational' } as const;
    expect(rulesFor(organisational, 'account-management')).toBe(1);
    expect(rulesFor(organisational, 'acceptable-use')).toBe(0);
    expect(rulesFor({ fact: 'account.kind', isNot: 'personal' }, 'acceptable-use')).toBe(1);
    expect(rulesFor({ fact: 'account.kind', isNot: 'personal' }, 'account-management')).toBe(0);
  });

  it('round-trips for any policy, uniform weights', () => {
    fc.assert(
      fc.property(arbitraryPolicy(), (policy) => {
        const records = researchExport([policy]);
        expect(records.every((r) => r.weights === 'uniform')).toBe(true);
        expect(readBack(researchExportCsv(records))).toEqual(records);
      }),
      { numRuns: runs(25) },
    );
  });
});
