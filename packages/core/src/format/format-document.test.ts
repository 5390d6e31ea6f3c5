import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { PolicySchema } from '../model/policy.js';
import { arbitraryPolicy } from '../testing/arbitrary-policy.js';
import { formatDocument } from './format-document.js';
import { runs } from '../../../../test/support/property-runs.js';

/** The same data with every map's keys in reverse order: the layout a formatter must undo. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, inner]) => [key, reversed(inner)]),
  );
}

const policies = arbitraryPolicy({ everyField: true, maxRules: 4 });
const formatted = (text: string, file: string) => {
  const result = formatDocument(text, file);
  if (!result.ok) throw new Error(`${file} did not format: ${result.message}`);
  return result;
};

describe('formatDocument', () => {
  it('keeps the data, puts the keys in the format’s order and is idempotent, in YAML and JSON', () => {
    const order = Object.keys(PolicySchema.shape);
    fc.assert(
      fc.property(policies, fc.constantFrom('policy.yaml', 'policy.json'), (policy, file) => {
        const text = file.endsWith('.json')
          ? JSON.stringify(reversed(policy))
          : stringify(reversed(policy), { collectionStyle: 'flow' });
        const once = formatted(text, file);
        expect(once.kind).toBe('policy');
        expect(parse(once.text)).toEqual(policy);
        const keys = Object.keys(parse(once.text));
        expect(keys).toEqual(order.filter((key) => keys.includes(key)));
        expect(formatted(once.text, file).text).toBe(once.text);
        if (file.endsWith('.json'))
          expect(once.text).toBe(`${JSON.stringify(JSON.parse(once.text), null, 2)}\n`);
      }),
      { numRuns: runs(60) },
    );
  });

  it('tells a case table from a policy and orders each by its own format', () => {
    const table = formatted('cases: []\npolicy: p.yaml\n', 'p.cases.yaml');
    expect(table).toEqual({ ok: true, kind: 'case-table', text: 'policy: p.yaml\ncases: []\n' });
  });

  it('keeps a comment at the top of the file at the top, and unknown keys after the known ones as written', () => {
    const text = '# Our policy\nzebra: 1\ntitle: T\nalpha: 2\nid: p\n';
    expect(formatted(text, 'p.yaml').text).toBe('# Our policy\n\nid: p\ntitle: T\nzebra: 1\nalpha: 2\n');
  });

  it('says where text it cannot read as YAML goes wrong', () => {
    expect(formatDocument('id: p\nid: q\n', 'p.yaml')).toMatchObject({ ok: false, line: 2, column: 1 });
  });
});
