import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMIT_CODES, LIMITS, parsePolicy, parsePolicySource } from '../index.js';
import { arbitraryPolicy } from '../testing.js';
import { validPolicyJson } from '../testing/support/valid-policy.js';
import { readJsonSource } from './json-source.js';

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
      { numRuns: 1000 },
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
      { numRuns: 100 },
    );
  });

  it('keeps the value after a bare carriage return (YAML read it as part of the string)', () => {
    const json = validPolicyJson();
    const text = JSON.stringify(json).replace('"title":"Test policy"', '"title":\r"Test policy"');
    const result = parsePolicySource(text, { filename: 'p.json' });
    expect(result.ok && result.policy.title).toBe('Test policy');
  });

  it('accepts a byte-order mark, as text and as bytes', () => {
    const text = `\ufeff${JSON.stringify(validPolicyJson(), null, 2)}`;
    expect(parsePolicySource(text, { filename: 'p.json' }).ok).toBe(true);
    expect(parsePolicySource(new TextEncoder().encode(text), { filename: 'p.json' }).ok).toBe(true);
  });

  it('refuses bytes that are not UTF-8 at their line and column, never replacing them', () => {
    const text = JSON.stringify(validPolicyJson(), null, 2).replace('Test policy', 'Caf\u00e9 policy');
    const latin1 = Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
    const result = parsePolicySource(latin1, { filename: 'p.json' });
    const line = text.split('\n').findIndex((l) => l.includes('Caf'));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues).toHaveLength(1);
      expect(result.issues[0]).toMatchObject({
        code: 'invalid-utf8',
        line: line + 1,
        column: text.split('\n')[line]!.indexOf('\u00e9') + 1,
      });
    }
    expect(parsePolicySource(new TextEncoder().encode(text), { filename: 'p.json' }).ok).toBe(true);
  });

  it('locates a repeated key and deep nesting at the same line and column whatever reads it', () => {
    const repeated = '{\n  "id": "a",\n  "id": "b"\n}';
    const dup = parsePolicySource(repeated, { filename: 'p.json' });
    expect(dup.ok ? [] : dup.issues).toMatchObject([{ code: 'duplicate-key', line: 3, column: 3 }]);
    const deep = `{"principles": ${'['.repeat(300)}${']'.repeat(300)}}`;
    for (let i = 0; i < 3; i++) {
      const result = parsePolicySource(deep, { filename: 'p.json' });
      expect(result.ok ? [] : result.issues).toMatchObject([
        { code: LIMIT_CODES.documentDepth, line: 1, column: 16 + LIMITS.documentDepth - 1 },
      ]);
    }
  });

  it('refuses text over LIMITS.sourceBytes before reading it', () => {
    const big = `{"title": "${'x'.repeat(LIMITS.sourceBytes)}"}`;
    const start = performance.now();
    const result = parsePolicySource(big, { filename: 'p.json' });
    expect(performance.now() - start).toBeLessThan(1000);
    expect(result.ok ? [] : result.issues.map((i) => i.code)).toEqual([LIMIT_CODES.sourceBytes]);
    // Multi-byte characters count as their UTF-8 bytes.
    const wide = `{"title": "${'é'.repeat(LIMITS.sourceBytes / 2)}"}`;
    const widely = parsePolicySource(wide, { filename: 'p.json' });
    expect(widely.ok ? [] : widely.issues.map((i) => i.code)).toEqual([LIMIT_CODES.sourceBytes]);
  });
});
