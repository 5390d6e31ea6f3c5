import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../testing/support/read-csv.js';
import { comparisonTableCsv, csvField } from './comparison-csv.js';
import type { ComparisonCell, ComparisonTable } from './comparison-table.js';
import { runs } from '../../../../test/support/property-runs.js';

/** A table with the given cells, one column per key. */
function tableOf(keys: readonly string[], rows: readonly (readonly ComparisonCell[])[]): ComparisonTable {
  return {
    vocabulary: 'social-media/1',
    weighting: 'uniform',
    columns: keys.map((key) => ({ key, label: key, group: 'policy', description: key })),
    rows: rows.map((cells, i) => ({
      policyId: `p${i}`,
      cells: Object.fromEntries(keys.map((key, k) => [key, cells[k] ?? null])),
    })),
  };
}

describe('comparisonTableCsv', () => {
  it('writes CSV with RFC 4180 quoting: commas, quotes and line breaks survive', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    const table = tableOf(
      ['organisation', 'support.receive-report', 'commitment.no-password-requests', 'private-life-reach'],
      [
        ['Org, "quoted"', 'must, safety-lead, PT24H', true, null],
        ['Plain', null, false, 0.5],
      ],
    );
    const lines = comparisonTableCsv(table).trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]!.split(',').length).toBe(table.columns.length);
    expect(lines[1]).toBe('"Org, ""quoted""","must, safety-lead, PT24H",yes,');
    expect(lines[2]).toBe('Plain,,no,0.5');
  });

  it('reads back, as CSV, every cell it wrote: text exactly, yes/no for commitments, empty for nothing', () => {
    const cell = fc.oneof(fc.string(), fc.boolean(), fc.constant(null), fc.double({ noNaN: true }));
    fc.assert(
      fc.property(
        fc
          .uniqueArray(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 4 })
          .chain((keys) =>
            fc.tuple(
              fc.constant(keys),
              fc.array(fc.array(cell, { minLength: keys.length, maxLength: keys.length })),
            ),
          ),
        ([keys, rows]) => {
          const text = (c: ComparisonCell) =>
            c === null ? '' : typeof c === 'boolean' ? (c ? 'yes' : 'no') : String(c);
          expect(readCsv(comparisonTableCsv(tableOf(keys, rows)))).toEqual([
            keys,
            ...rows.map((r) => r.map(text)),
          ]);
        },
      ),
      { numRuns: runs(200) },
    );
  });
});
