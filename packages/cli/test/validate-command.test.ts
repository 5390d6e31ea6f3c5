import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, fairpost } from './fairpost-binary.js';

beforeAll(ensureBuilt, 120_000);

const dir = mkdtempSync(join(tmpdir(), 'fairpost-validate-'));
writeFileSync(
  join(dir, 'bad.yaml'),
  [
    'schemaVersion: 1.0.0',
    'id: bad',
    'title: Bad',
    'organisation: Org',
    'version: "1"',
    'language: en-GB',
    'vocabulary: social-media/1',
    'resolution: first-match',
    'default: { outcome: permitted, reason: Fine. }',
    'rules:',
    '  - id: r1',
    '    when: { fact: account.kind, is: twitter }',
    '    outcome: maybe',
    '    reason: Because.',
    '',
  ].join('\n'),
);
writeFileSync(join(dir, 'broken.json'), '{ "id": "x", }');
writeFileSync(join(dir, 'list-key.yaml'), 'title: t\n? [a, b]\n: x\n');

describe('fairpost validate', () => {
  it('accepts a valid policy with exit 0 and says what it holds', () => {
    const run = fairpost(['validate', 'starter.yaml']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('starter.yaml: valid (starter: 4 rules, 2 duties, 2 commitments)\n');
  });

  it('prints every issue as file:line:col: message with a code frame, and exits 1', () => {
    const run = fairpost(['validate', 'bad.yaml'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        'bad.yaml:13:5: rules[0].outcome: expected one of out-of-scope, permitted, permitted-with-conditions, check-first, not-permitted; found "maybe" [invalid-value]',
        '  12 |     when: { fact: account.kind, is: twitter }',
        '> 13 |     outcome: maybe',
        '     |     ^',
        '  14 |     reason: Because.',
        '',
      ].join('\n'),
    );
  });

  it('refuses a list used as a key at its line and column, with nothing else on stderr', () => {
    const run = fairpost(['validate', 'list-key.yaml'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^list-key\.yaml:2:3: a key must be text, not a list or a map \[invalid-yaml\]/,
    );
    expect(run.stderr).toBe('');
  });

  it('locates JSON syntax errors by line and column', () => {
    const run = fairpost(['validate', 'broken.json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^broken\.json:1:\d+: .+\[invalid-json\]/);
  });

  it('reports a missing file in one line and still checks the other files', () => {
    const run = fairpost(['validate', 'nope.yaml', join(process.cwd(), 'examples/policies/starter.yaml')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('nope.yaml: cannot read nope.yaml: no such file\n');
    expect(run.stdout).toContain('starter.yaml: valid');
    expect(run.stdout).toContain('1 of 2 files invalid');
    expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+\)/);
  });

  it('--json reports each file with its issues, located', () => {
    const run = fairpost(['validate', 'bad.yaml', '--json'], { cwd: dir });
    expect(run.code).toBe(1);
    const [report] = JSON.parse(run.stdout) as {
      file: string;
      ok: boolean;
      issues: { code: string; line: number }[];
    }[];
    expect(report).toMatchObject({ file: 'bad.yaml', ok: false });
    expect(report!.issues.map((i) => [i.code, i.line])).toEqual([['invalid-value', 13]]);
  });

  it('treats no file, or an unknown flag, as a usage error (exit 2) in one line', () => {
    for (const args of [['validate'], ['validate', 'starter.yaml', '--strict']]) {
      const run = fairpost(args);
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(fairpost(['validate', '--strict']).stderr).toBe(
      'fairpost validate: unknown option --strict (see fairpost validate --help)\n',
    );
  });
});
