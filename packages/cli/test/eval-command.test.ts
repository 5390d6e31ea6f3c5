import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compilePolicy, evaluate, parsePolicySource } from '@fairpost/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, ensureBuilt, fairpost } from './fairpost-binary.js';

beforeAll(ensureBuilt, 120_000);

const parsed = parsePolicySource(readFileSync(join(EXAMPLES, 'starter.yaml'), 'utf8'));
if (!parsed.ok) throw new Error('starter.yaml must be valid');
const starter = compilePolicy(parsed.policy);
const dir = mkdtempSync(join(tmpdir(), 'fairpost-eval-'));
writeFileSync(join(dir, 'weekend.yaml'), 'account.kind: personal\ncontext.time: own-time\n');
writeFileSync(join(dir, 'typo.json'), '{ "account.knid": "personal" }');
writeFileSync(
  join(dir, 'doubtful.yaml'),
  `${readFileSync(join(EXAMPLES, 'starter.yaml'), 'utf8')}doubt:\n  default:\n    resolve: strictest\n    reason: If in doubt, don't post it.\n`,
);
writeFileSync(
  join(dir, 'unsure.yaml'),
  'account.kind: organisational\ncontent.kind: public-information\nunsure: [content.identifiesClient]\n',
);

describe('fairpost eval', () => {
  it('--unsure marks a fact answered "not sure", and the decision says it was reached in doubt', () => {
    const run = fairpost(
      [
        'eval',
        'doubtful.yaml',
        '--fact',
        'account.kind=organisational',
        '--fact',
        'content.kind=public-information',
        '--unsure',
        'content.identifiesClient',
      ],
      { cwd: dir },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Answer: Do not.');
    expect(run.stdout).toContain(
      "Decided in doubt: you were not sure about “Identifies a client”. If in doubt, don't post it.",
    );
  });

  it('reads unsure facts from a scenario file, and --fact takes a fact off that list', () => {
    const inDoubt = JSON.parse(
      fairpost(['eval', 'doubtful.yaml', '--scenario', 'unsure.yaml', '--json'], { cwd: dir }).stdout,
    );
    expect(inDoubt.doubt.facts).toEqual(['content.identifiesClient']);
    const answered = fairpost(
      [
        'eval',
        'doubtful.yaml',
        '--scenario',
        'unsure.yaml',
        '--fact',
        'content.identifiesClient=no',
        '--json',
      ],
      { cwd: dir },
    );
    expect(answered.code).toBe(0);
    expect(JSON.parse(answered.stdout).doubt).toBeUndefined();
  });

  it('refuses --unsure for an unknown fact, or for a fact also given a value, in one line (exit 2)', () => {
    const unknown = fairpost(['eval', 'starter.yaml', '--unsure', 'content.identifiesClent']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('did you mean "content.identifiesClient"');
    const both = fairpost([
      'eval',
      'starter.yaml',
      '--fact',
      'account.kind=personal',
      '--unsure',
      'account.kind',
    ]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('has an answer and is also listed as "not sure"');
  });

  it('says the decision in words, with the reason', () => {
    const run = fairpost([
      'eval',
      'starter.yaml',
      '--fact',
      'account.kind=personal',
      '--fact',
      'context.time=own-time',
      '--fact',
      'content.identifiesClient=no',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('What you do on your own accounts in your own time is your business.');
  });

  it('--json prints exactly the Decision that evaluate gives, merging --scenario and --fact', () => {
    const run = fairpost(
      [
        'eval',
        join(EXAMPLES, 'starter.yaml'),
        '--scenario',
        'weekend.yaml',
        '--fact',
        'content.identifiesClient=true',
        '--json',
      ],
      { cwd: dir },
    );
    expect(run.code).toBe(0);
    const expected = evaluate(starter, {
      'account.kind': 'personal',
      'context.time': 'own-time',
      'content.identifiesClient': true,
    });
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(expected.outcome).toBe('not-permitted');
  });

  it('lists the facts still needed when the situation leaves the answer open', () => {
    const run = fairpost(['eval', 'starter.yaml', '--json']);
    expect(JSON.parse(run.stdout)).toMatchObject({
      outcome: 'undetermined',
      neededFacts: ['account.kind', 'context.time', 'content.kind', 'content.identifiesClient'],
    });
  });

  it.each([
    [['--fact', 'account.kind=twitter'], /fact "account.kind" has no value "twitter"|twitter/],
    [['--fact', 'account.knid=personal'], /did you mean "account.kind"/],
    [['--fact', 'account.kind'], /--fact expects name=value/],
    [['--format', 'x'], /unknown option --format/],
  ])('rejects %j as a usage error (exit 2) in one line', (extra, message) => {
    const run = fairpost(['eval', 'starter.yaml', ...extra]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('names the file and the fact for a scenario file with an unknown fact (exit 2)', () => {
    const run = fairpost(['eval', join(EXAMPLES, 'starter.yaml'), '--scenario', 'typo.json'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'fairpost eval: typo.json:1:3: unknown fact "account.knid"; did you mean "account.kind"?\n',
    );
  });

  it('reads a .json scenario as JSON: a bare carriage return is whitespace, a byte-order mark is accepted', () => {
    writeFileSync(join(dir, 'cr.json'), '\uFEFF{"account.kind":\r"organisational"}');
    const run = fairpost(['eval', join(EXAMPLES, 'starter.yaml'), '--scenario', 'cr.json', '--json'], {
      cwd: dir,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).neededFacts).not.toContain('account.kind');
  });

  it('places a JSON syntax error in a scenario file at its line and column (exit 1)', () => {
    writeFileSync(join(dir, 'broken.json'), '{\n  "account.kind": "personal",\n}');
    const run = fairpost(['eval', join(EXAMPLES, 'starter.yaml'), '--scenario', 'broken.json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^fairpost eval: broken\.json:3:1: not valid JSON: expected a string, found "}"\n$/,
    );
  });

  it('reports a missing policy file in one line with exit 1', () => {
    const run = fairpost(['eval', 'missing.yaml']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('fairpost eval: cannot read missing.yaml: no such file\n');
  });

  it('refuses an invalid policy with its issues and exit 1', () => {
    writeFileSync(join(dir, 'invalid.yaml'), 'id: x\n');
    const run = fairpost(['eval', 'invalid.yaml'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^invalid\.yaml:1:1: /);
    expect(run.stderr).toMatch(
      /fairpost eval: invalid\.yaml is not a valid policy \(\d+ issues; run fairpost validate invalid\.yaml\)\n$/,
    );
  });
});
