import {
  chmodSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatDocument } from '@fairpost/core';
import { EXAMPLES, ensureBuilt, fairpost } from './fairpost-binary.js';

beforeAll(ensureBuilt, 120_000);

const examples = readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml'));

const messy = `# A policy written by hand.
rules:
  - reason: Yours. # why
    outcome: out-of-scope
    when: { is: own-time, fact: context.time }
    id: own-time
id: messy
schemaVersion: 1.0.0
title: Messy
organisation: Example
version: '1'
language: en-GB
vocabulary: social-media/1
resolution: first-match
default: { reason: Ask., reviewers: [comms-team], outcome: check-first }
`;

describe('formatDocument', () => {
  it.each(examples)('keeps the data of %s, comments included, and is idempotent', (file) => {
    const text = readFileSync(join(EXAMPLES, file), 'utf8');
    const once = formatDocument(text, file);
    if (!once.ok) throw new Error(once.message);
    expect(parse(once.text)).toEqual(parse(text));
    const comments = (t: string) => t.split('\n').filter((l) => /^\s*#/.test(l));
    expect(comments(once.text)).toEqual(comments(text));
    const twice = formatDocument(once.text, file);
    expect(twice.ok && twice.text).toBe(once.text);
    expect(once.text).not.toMatch(/: \{/);
  });

  it('puts keys in the format’s order, block style, and keeps comments with their entries', () => {
    const result = formatDocument(messy, 'messy.yaml');
    if (!result.ok) throw new Error(result.message);
    expect(result.text).toBe(`# A policy written by hand.

schemaVersion: 1.0.0
id: messy
title: Messy
organisation: Example
version: '1'
language: en-GB
vocabulary: social-media/1
resolution: first-match
default:
  outcome: check-first
  reviewers:
    - comms-team
  reason: Ask.
rules:
  - id: own-time
    when:
      fact: context.time
      is: own-time
    outcome: out-of-scope
    reason: Yours. # why
`);
  });

  it('formats JSON as JSON in the same order', () => {
    const json = JSON.stringify({ rules: [], id: 'x', schemaVersion: '1.0.0' });
    const result = formatDocument(json, 'p.json');
    expect(result.ok && result.text).toBe('{\n  "schemaVersion": "1.0.0",\n  "id": "x",\n  "rules": []\n}\n');
  });
});

describe('fairpost fmt', () => {
  it('rewrites a file in place, keeping its permissions, and --check then passes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fairpost-fmt-'));
    writeFileSync(join(dir, 'p.yaml'), messy);
    chmodSync(join(dir, 'p.yaml'), 0o640);
    expect(fairpost(['fmt', '--check', 'p.yaml'], { cwd: dir })).toMatchObject({
      code: 1,
      stdout: 'would reformat p.yaml\n',
    });
    expect(readFileSync(join(dir, 'p.yaml'), 'utf8')).toBe(messy);
    expect(fairpost(['fmt', 'p.yaml'], { cwd: dir })).toMatchObject({
      code: 0,
      stdout: 'formatted p.yaml\n',
    });
    expect(statSync(join(dir, 'p.yaml')).mode & 0o777).toBe(0o640);
    expect(fairpost(['fmt', '--check', 'p.yaml'], { cwd: dir })).toMatchObject({ code: 0, stdout: '' });
    expect(readdirSync(dir)).toEqual(['p.yaml']);
  });

  it('never writes through a symbolic link: one line, exit 1, the file it points to untouched', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fairpost-fmt-'));
    writeFileSync(join(dir, 'real.yaml'), messy);
    symlinkSync('real.yaml', join(dir, 'link.yaml'));
    const run = fairpost(['fmt', 'link.yaml'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'fairpost fmt: link.yaml is a symbolic link; refusing to write through it (remove it, or choose another name)\n',
    );
    expect(readFileSync(join(dir, 'real.yaml'), 'utf8')).toBe(messy);
    expect(fairpost(['fmt', 'real.yaml'], { cwd: dir }).code).toBe(0);
  });

  it('leaves a file it cannot read as YAML untouched, with one line saying where, exit 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fairpost-fmt-'));
    const broken = 'id: x\nrules: [\n';
    writeFileSync(join(dir, 'p.yaml'), broken);
    const run = fairpost(['fmt', 'p.yaml'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^p\.yaml:\d+:\d+: .+; not formatted\n$/);
    expect(readFileSync(join(dir, 'p.yaml'), 'utf8')).toBe(broken);
  });
});
