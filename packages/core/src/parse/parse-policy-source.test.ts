import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryPolicy } from '../testing.js';
import { formatIssue } from './issue.js';
import { parsePolicySource } from './parse-policy-source.js';
import { runs } from '../../../../test/support/property-runs.js';

const starter = readFileSync(new URL('../../../../examples/policies/starter.yaml', import.meta.url), 'utf8');

/** The issues of a text as `line:column code: path: message`. */
function located(text: string, filename = 'policy.yaml'): string[] {
  const result = parsePolicySource(text, { filename });
  return result.ok ? [] : result.issues.map((i) => `${i.line}:${i.column} ${i.code}: ${formatIssue(i)}`);
}

/** The starter policy with one passage replaced (which must occur exactly once). */
function starterWith(find: string, replace: string): string {
  expect(starter.split(find)).toHaveLength(2);
  return starter.replace(find, replace);
}

describe('parsePolicySource', () => {
  it('reads the starter policy and keeps the file name', () => {
    const result = parsePolicySource(starter, { filename: 'starter.yaml' });
    expect(result.ok).toBe(true);
    expect(result.filename).toBe('starter.yaml');
  });

  it('places a missing key at the start of the object that lacks it', () => {
    const text = starterWith(
      '    reason: Clients trust us with their safety; nothing we post may identify them.\n',
      '',
    );
    expect(located(text)).toEqual(['21:5 missing-field: rules[0].reason: "reason" is required (string)']);
  });

  it('places an unknown key at the key', () => {
    const text = starterWith(
      '    outcome: not-permitted\n',
      '    outcome: not-permitted\n    because: safety\n',
    );
    expect(located(text)).toEqual([
      '26:5 unknown-key: rules[0].because: unknown key "because"; it is not part of the format here, so it would be lost',
    ]);
  });

  it('places a bad fact value at the fact test inside a nested condition', () => {
    const text = starterWith('          is: own-time\n', '          is: weekend\n');
    expect(located(text)).toEqual([
      '34:11 invalid-fact-value: rules[1].when.all[1]: fact "context.time" has no value "weekend"; expected one of work-time, own-time',
    ]);
  });

  it('places an unknown catalogue entry at its value in a flow list', () => {
    const text = starterWith('  reviewers:\n    - comms-team\n', '  reviewers: [comms-team, press-office]\n');
    expect(located(text)[0]).toMatch(
      /^17:27 unknown-catalogue-entry: default\.reviewers\[1\]: unknown role "press-office"/,
    );
  });

  it('reports a YAML syntax error at its line and column', () => {
    const text = starterWith('rules:\n', 'rules:\n  - id: [oops\n');
    expect(located(text)[0]).toBe(
      '22:3 invalid-yaml: Flow sequence in block collection must be sufficiently indented and end with a ]',
    );
  });

  it('reports a duplicate key where the repeat is', () => {
    const text = starterWith('version: "1.0"\n', 'version: "1.0"\nversion: "2.0"\n');
    expect(located(text)).toEqual(['10:1 invalid-yaml: Map keys must be unique']);
  });

  it('locates issues in JSON text', () => {
    const text = '{\n  "id": "x",\n  "title": 3\n}';
    expect(located(text, 'policy.json')).toContain('3:3 invalid-type: title: expected a string, found 3');
  });

  it.each([
    [
      'a trailing comma',
      '{\n  "id": "x",\n}',
      '3:1 invalid-json: not valid JSON: expected a string, found "}"',
    ],
    [
      'a comment',
      '{\n  // note\n  "id": "x"\n}',
      '2:3 invalid-json: not valid JSON: expected a string, found "/"',
    ],
    ['a bare word', '{\n  "id": x\n}', '2:9 invalid-json: not valid JSON: expected a value, found "x"'],
    ['a missing value', '{\n  "id": \n}', '3:1 invalid-json: not valid JSON: expected a value, found "}"'],
  ])('holds a .json file to strict JSON: %s', (_, text, issue) => {
    expect(located(text, 'policy.json')).toEqual([issue]);
  });

  it('reports invalid JSON exactly when JSON.parse rejects the text', () => {
    const texts = fc.oneof(
      fc.json(),
      fc.string(),
      fc.tuple(fc.json(), fc.nat(), fc.string({ maxLength: 2 })).map(([json, n, s]) => {
        const at = n % (json.length + 1);
        return json.slice(0, at) + s + json.slice(at);
      }),
    );
    fc.assert(
      fc.property(texts, (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        const result = parsePolicySource(text, { filename: 'p.json' });
        const invalidJson = !result.ok && result.issues.some((i) => i.code === 'invalid-json');
        expect(invalidJson).toBe(!valid);
      }),
      { numRuns: runs(200) },
    );
  });

  it('reads generated policies written as JSON text', () => {
    fc.assert(
      fc.property(arbitraryPolicy({ everyField: true, maxRules: 4 }), (policy) => {
        expect(parsePolicySource(JSON.stringify(policy, null, 2), { filename: 'p.json' })).toEqual({
          ok: true,
          policy,
          filename: 'p.json',
        });
      }),
      { numRuns: runs(50) },
    );
  });

  it('never throws on any text, and gives every issue a position inside the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.json()), (text) => {
        const result = parsePolicySource(text);
        if (result.ok) return;
        const lines = text.split(/\r\n|\r|\n/).length;
        for (const issue of result.issues) {
          expect(issue.line).toBeGreaterThanOrEqual(1);
          expect(issue.line).toBeLessThanOrEqual(lines);
          expect(issue.column).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: runs(200) },
    );
  });
});
