import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMIT_CODES, LIMITS, parsePolicySource } from '../index.js';
import { validPolicyJson } from '../testing/support/valid-policy.js';
import { readSourceDocument } from './read-source.js';
import { runs } from '../../../../test/support/property-runs.js';

describe('reading a policy file from text or bytes', () => {
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

describe('readSourceDocument', () => {
  it.each([
    ['a .json file, even one that looks like YAML', 'a: 1', 'p.json', false],
    ['a .yaml file, even one that starts like JSON', '{a: 1}', 'p.yaml', true],
    ['unnamed text that starts like JSON', '{a: 1}', undefined, false],
    ['unnamed text that does not', 'a: 1', undefined, true],
  ])('reads %s by the reader its name or first character says', (_, text, filename, ok) => {
    // `{a: 1}` is YAML (a flow mapping) but not JSON (an unquoted key); `a: 1` is YAML only.
    const read = readSourceDocument(text, filename);
    expect(read.ok).toBe(ok);
    if (read.ok) expect(read.value).toEqual({ a: 1 });
    else
      expect(read.issues[0]!.code).toBe(
        filename === 'p.json' || text.startsWith('{') ? 'invalid-json' : 'invalid-yaml',
      );
  });

  it('refuses a list or map used as a key where it is written, rather than turn it into text', () => {
    for (const [text, line, column] of [
      ['title: t\n? [a, b]\n: x\n', 2, 3],
      ['rules:\n  - { { fact: a }: 1 }\n', 2, 7],
    ] as const) {
      const read = readSourceDocument(text, 'p.yaml');
      expect(read.ok ? [] : read.issues).toEqual([
        { path: [], code: 'invalid-yaml', message: 'a key must be text, not a list or a map', line, column },
      ]);
    }
    expect(readSourceDocument('? plain\n: x\n', 'p.yaml').ok).toBe(true);
  });

  it('locates a key at the key, and a path past what is there at the nearest value, in YAML and JSON alike', () => {
    const yaml = 'title: Test\nrules:\n  - id: a\n    outcome: permitted\n';
    const json =
      '{\n  "title": "Test",\n  "rules": [\n    { "id": "a",\n      "outcome": "permitted" }\n  ]\n}';
    const read = [readSourceDocument(yaml, 'p.yaml'), readSourceDocument(json, 'p.json')];
    const expected = [
      [
        { line: 1, column: 1 },
        { line: 4, column: 5 },
        { line: 3, column: 5 },
      ],
      [
        { line: 2, column: 3 },
        { line: 5, column: 7 },
        { line: 4, column: 5 },
      ],
    ];
    read.forEach((document, i) => {
      expect(document.ok).toBe(true);
      if (!document.ok) return;
      expect([
        document.locate(['title']),
        document.locate(['rules', 0, 'outcome']),
        document.locate(['rules', 0, 'missing']),
      ]).toEqual(expected[i]);
    });
  });

  it('never throws on any bytes, named as JSON, as YAML or not at all, and places every issue inside them', () => {
    // Text is covered through parsePolicySource; bytes add decoding, whose issue is placed in the text before it.
    fc.assert(
      fc.property(fc.uint8Array(), fc.constantFrom(undefined, 'p.json', 'p.yaml'), (bytes, name) => {
        const read = readSourceDocument(bytes, name);
        if (read.ok) return;
        const lines = new TextDecoder().decode(bytes).split(/\r\n|\r|\n/).length;
        for (const issue of read.issues) {
          expect(issue.line).toBeGreaterThanOrEqual(1);
          expect(issue.line).toBeLessThanOrEqual(lines);
          expect(issue.column).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: runs(300) },
    );
  });
});
