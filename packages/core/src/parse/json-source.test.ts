import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePolicy, parsePolicySource } from '../index.js';
import { arbitraryPolicy } from '../testing.js';
import { readJsonSource } from './json-source.js';
import { runs } from '../../../../test/support/property-runs.js';

const hasDuplicateKey = (text: string) => {
  const read = readJsonSource(text);
  return !read.ok && read.issue.code === 'duplicate-key';
};
const jsonParse = (text: string): { ok: true; value: unknown } | { ok: false } => {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
};

/** JSON text, and JSON text with a few characters inserted, deleted or swapped for JSON whitespace. */
const texts = fc.oneof(
  fc.json(),
  fc
    .json()
    .chain((json) =>
      fc
        .tuple(
          fc.nat(json.length),
          fc.constantFrom(' ', '\t', '\r', '\n', '\r\n', ',', '"', '{', ']', '\\', 'é', '\u2028', ''),
        )
        .map(([at, insert]) => json.slice(0, at) + insert + json.slice(at)),
    ),
  fc.string(),
);

describe('JSON is read as JSON', () => {
  it('accepts exactly what JSON.parse accepts, with the same value (a repeated key aside, which is an issue)', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const expected = jsonParse(text);
        const read = readJsonSource(text);
        if (hasDuplicateKey(text)) return;
        expect(read.ok).toBe(expected.ok);
        if (read.ok && expected.ok) expect(read.value).toStrictEqual(expected.value);
      }),
      { numRuns: runs(1000) },
    );
  });

  it('reads a policy in JSON text exactly as parsePolicy reads JSON.parse of it, whatever the whitespace', () => {
    const spaced = fc
      .tuple(
        arbitraryPolicy({ everyField: true, maxRules: 4 }),
        fc.constantFrom(' ', '\t', '\r', '\n', '\r\n', '\r\r'),
      )
      .map(([policy, space]) => JSON.stringify(policy, null, 1).replace(/\n/g, space));
    fc.assert(
      fc.property(spaced, fc.boolean(), (text, named) => {
        const result = parsePolicySource(text, named ? { filename: 'p.json' } : {});
        const { filename: _, ...plain } = result as typeof result & { filename?: string };
        expect(plain).toEqual(parsePolicy(JSON.parse(text)));
      }),
      { numRuns: runs(100) },
    );
  });
});
