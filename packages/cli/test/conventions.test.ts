// The conventions every command shares: `-` for standard input, completion scripts made from the commands, lint's
// severity filter and summary, and what commands do with a case table where a policy was expected.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/commands/index.js';
import { EXAMPLES, ensureBuilt, fairpost } from './fairpost-binary.js';

beforeAll(ensureBuilt, 120_000);

const starter = readFileSync(join(EXAMPLES, 'starter.yaml'), 'utf8');

describe('- reads standard input', () => {
  it.each([
    [['validate', '-'], /^<stdin>: valid \(starter:/],
    [['eval', '-', '--fact', 'context.time=own-time', '--json'], /"outcome"/],
    [['render', '-', '--format', 'mermaid'], /^flowchart/],
    [['lint', '-'], /<stdin>: 0 errors/],
    [['compare', '-', 'starter.yaml', '--format', 'csv'], /^id,title,/],
    [['fmt', '-'], /^rules:\n {2}- id: /m],
  ])('fairpost %s', (args, expected) => {
    const run = fairpost(args, { input: starter });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(expected);
  });

  it('reads a scenario from standard input with --scenario -', () => {
    const run = fairpost(['eval', 'starter.yaml', '--scenario', '-', '--json'], {
      input: 'incident.kind: doxxing\nincident.workRelated: true\n',
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).duties.length).toBeGreaterThan(0);
  });

  it('names standard input as <stdin> in issues', () => {
    const run = fairpost(['validate', '-'], {
      input: starter.replace('outcome: out-of-scope', 'outcome: maybe'),
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^<stdin>:\d+:\d+: rules\[\d\]\.outcome: /m);
  });

  it('ask with the policy on standard input has no answers to read, and says what it still needs, exit 1', () => {
    const run = fairpost(['ask', '-'], { input: starter });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^fairpost ask: the input ended before the questionnaire finished; still needed: [\w., -]+\n$/,
    );
  });

  it('refuses "-" twice in one line, exit 2', () => {
    expect(fairpost(['compare', '-', '-'], { input: starter })).toMatchObject({
      code: 2,
      stderr: 'fairpost compare: standard input can be read only once, but "-" is given 2 times\n',
    });
  });
});

describe('fairpost completion', () => {
  it('writes a bash script that bash parses and that completes command names, flags and values', () => {
    const script = fairpost(['completion', 'bash']);
    expect(script.code).toBe(0);
    const file = join(mkdtempSync(join(tmpdir(), 'fairpost-completion-')), 'fairpost.bash');
    writeFileSync(file, script.stdout);
    expect(spawnSync('bash', ['-n', file]).status).toBe(0);
    const complete = (...words: string[]) =>
      execFileSync(
        'bash',
        [
          '-c',
          `source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _fairpost; printf '%s\\n' "\${COMPREPLY[@]}"`,
          'complete',
          file,
          ...words,
        ],
        { encoding: 'utf8' },
      )
        .trim()
        .split('\n');
    expect(complete('fairpost', '')).toEqual(
      expect.arrayContaining([...COMMANDS.map((c) => c.name), '--help']),
    );
    expect(complete('fairpost', 'va')).toEqual(['validate']);
    expect(complete('fairpost', 'te')).toEqual(['test']);
    expect(complete('fairpost', 'lint', 'p.yaml', '--sev')).toEqual(['--severity']);
    expect(complete('fairpost', 'lint', 'p.yaml', '--severity', '')).toEqual(['error', 'warning', 'note']);
    expect(complete('fairpost', 'completion', '')).toEqual(['bash', 'zsh', 'fish']);
  });

  it.each(['zsh', 'fish'])('writes a %s script naming every command', (shell) => {
    const run = fairpost(['completion', shell]);
    expect(run.code).toBe(0);
    for (const command of COMMANDS) expect(run.stdout).toContain(command.name);
  });

  it('an unknown shell is a usage error in one line, exit 2', () => {
    expect(fairpost(['completion', 'tcsh'])).toMatchObject({
      code: 2,
      stderr: 'fairpost completion: the shell must be one of bash, zsh, fish; found "tcsh"\n',
    });
  });
});

describe('fairpost lint --severity and --summary', () => {
  it('--severity warning hides notes; --severity note shows them', () => {
    const all = fairpost(['lint', 'starter.yaml', '--json']);
    const notes = JSON.parse(all.stdout).filter((f: { severity: string }) => f.severity === 'info');
    expect(notes.length).toBeGreaterThan(0);
    const warnings = JSON.parse(fairpost(['lint', 'starter.yaml', '--severity', 'warning', '--json']).stdout);
    expect(warnings.every((f: { severity: string }) => f.severity !== 'info')).toBe(true);
    expect(warnings.length).toBe(JSON.parse(all.stdout).length - notes.length);
  });

  it('--summary prints only counts, whatever the number of findings', () => {
    const run = fairpost(['lint', 'starter.yaml', '--summary']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^starter\.yaml: 0 errors, \d+ warnings?, \d+ notes?$/);
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^ {2}\[[a-z-]+\] \d+$/);
    const counts = JSON.parse(fairpost(['lint', 'starter.yaml', '--summary', '--json']).stdout);
    const findings = JSON.parse(fairpost(['lint', 'starter.yaml', '--json']).stdout);
    expect(counts.error + counts.warning + counts.note).toBe(findings.length);
  });

  it('an unknown severity is a usage error in one line, exit 2', () => {
    expect(fairpost(['lint', 'starter.yaml', '--severity', 'info'])).toMatchObject({
      code: 2,
      stderr: 'fairpost lint: --severity must be one of error, warning, note; found "info"\n',
    });
  });
});

describe('a case table where a policy was expected', () => {
  const table = '000_staff-union-alternative.cases.yaml';

  it('validate checks it as a case table', () => {
    const run = fairpost(['validate', table, '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([
      { file: table, ok: true, kind: 'case-table', policyId: 'staff-union-alternative', issues: [] },
    ]);
  });

  it('validate locates a wrong field of a case table by line and column', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fairpost-validate-'));
    writeFileSync(join(dir, 'starter.yaml'), starter);
    writeFileSync(
      join(dir, 't.cases.yaml'),
      'policy: starter.yaml\ncases:\n  - name: x\n    scenario: {}\n    expect: { outcome: maybe }\n    quote: q\n',
    );
    const run = fairpost(['validate', 't.cases.yaml'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^t\.cases\.yaml:5:15: cases\[0\]\.expect\.outcome: /);
  });

  it('compare skips it with a note, so a policy glob still compares the policies', () => {
    const run = fairpost(['compare', '000_staff-union-alternative.yaml', table, 'starter.yaml', '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`fairpost compare: skipping ${table}: a case table, not a policy\n`);
    expect(JSON.parse(run.stdout).comparison).toBeDefined();
  });

  it.each(['lint', 'render', 'eval', 'ask'])('%s says it is a case table, in one line, exit 1', (command) => {
    expect(fairpost([command, table])).toMatchObject({
      code: 1,
      stderr: `fairpost ${command}: ${table} is a case table, not a policy: run fairpost test ${table}, or give its policy file\n`,
    });
  });
});
