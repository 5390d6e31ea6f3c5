import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  lstatSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, ensureBuilt, fairpost } from './fairpost-binary.js';

beforeAll(ensureBuilt, 120_000);

const STARTER = readFileSync(join(EXAMPLES, 'starter.yaml'), 'utf8');

/** A fresh folder holding a copy of the starter policy. */
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fairpost-safe-'));
  writeFileSync(join(dir, 'policy.yaml'), STARTER);
  return dir;
}

/** One line on stderr, nothing on stdout. */
const oneLine = (run: { stdout: string; stderr: string }) => {
  expect(run.stdout).toBe('');
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
};

describe('render -o never loses a file', () => {
  it('refuses to replace an existing file without --force, and says what it replaced with it', () => {
    const dir = folder();
    writeFileSync(join(dir, 'out.md'), 'my notes\n');
    const refused = fairpost(['render', 'policy.yaml', '-o', 'out.md'], { cwd: dir });
    expect(refused.code).toBe(1);
    oneLine(refused);
    expect(refused.stderr).toBe(
      'fairpost render: out.md already exists; add --force to replace it, or choose another name\n',
    );
    expect(readFileSync(join(dir, 'out.md'), 'utf8')).toBe('my notes\n');
    const forced = fairpost(['render', 'policy.yaml', '-o', 'out.md', '--force'], { cwd: dir });
    const bytes = readFileSync(join(dir, 'out.md')).length;
    expect(forced).toMatchObject({ code: 0, stdout: `Replaced out.md (markdown, ${bytes} bytes).\n` });
    expect(readdirSync(dir).sort()).toEqual(['out.md', 'policy.yaml']);
  });

  it('never writes onto its own input, even with --force or through a link', () => {
    const dir = folder();
    symlinkSync(join(dir, 'policy.yaml'), join(dir, 'alias.yaml'));
    for (const output of ['policy.yaml', './policy.yaml', join(dir, 'policy.yaml'), 'alias.yaml']) {
      const run = fairpost(['render', 'policy.yaml', '-o', output, '--force'], { cwd: dir });
      expect(run.code).toBe(1);
      oneLine(run);
      expect(run.stderr).toContain('fairpost never writes over its own input');
    }
    expect(readFileSync(join(dir, 'policy.yaml'), 'utf8')).toBe(STARTER);
  });

  it('does not follow or replace a symbolic link it did not create, even with --force', () => {
    const dir = folder();
    writeFileSync(join(dir, 'precious.txt'), 'keep me\n');
    symlinkSync(join(dir, 'precious.txt'), join(dir, 'out.txt'));
    const refused = fairpost(['render', 'policy.yaml', '--format', 'text', '-o', 'out.txt'], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      'fairpost render: out.txt is a symbolic link; refusing to write through it (remove it, or choose another name)\n',
    );
    const forced = fairpost(['render', 'policy.yaml', '--format', 'text', '-o', 'out.txt', '--force'], {
      cwd: dir,
    });
    expect(forced.code).toBe(1);
    expect(forced.stderr).toBe(refused.stderr);
    expect(readlinkSync(join(dir, 'out.txt'))).toBe(join(dir, 'precious.txt'));
    expect(lstatSync(join(dir, 'out.txt')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'precious.txt'), 'utf8')).toBe('keep me\n');
  });

  it('leaves the old file whole and no temporary file behind when the write fails', () => {
    const dir = folder();
    mkdirSync(join(dir, 'locked'));
    writeFileSync(join(dir, 'locked', 'out.md'), 'old\n');
    chmodSync(join(dir, 'locked'), 0o500);
    const run = fairpost(['render', 'policy.yaml', '-o', 'locked/out.md', '--force'], { cwd: dir });
    chmodSync(join(dir, 'locked'), 0o700);
    if (process.getuid?.() === 0) {
      // root may write anywhere: the write succeeds, atomically, and still leaves no temporary file.
      expect(run.code).toBe(0);
    } else {
      expect(run.code).toBe(1);
      oneLine(run);
      expect(readFileSync(join(dir, 'locked', 'out.md'), 'utf8')).toBe('old\n');
    }
    expect(readdirSync(join(dir, 'locked'))).toEqual(['out.md']);
    const missing = fairpost(['render', 'policy.yaml', '-o', 'no/such/folder/out.md'], { cwd: dir });
    expect(missing.code).toBe(1);
    oneLine(missing);
    expect(readdirSync(dir).sort()).toEqual(['locked', 'policy.yaml']);
  });

  it('--force without -o is a usage error', () => {
    const run = fairpost(['render', 'policy.yaml', '--force'], { cwd: folder() });
    expect(run.code).toBe(2);
    oneLine(run);
  });
});

describe('init keeps to the working folder and never loses a file', () => {
  it('refuses a relative path outside the working folder, but writes an absolute one', () => {
    const parent = mkdtempSync(join(tmpdir(), 'fairpost-init-'));
    const dir = join(parent, 'work');
    mkdirSync(dir);
    const run = fairpost(['init', '../escape'], { cwd: dir });
    expect(run.code).toBe(2);
    oneLine(run);
    expect(run.stderr).toContain('../escape.yaml is outside the working folder');
    expect(readdirSync(parent)).toEqual(['work']);
    const absolute = fairpost(['init', join(parent, 'elsewhere')], { cwd: dir });
    expect(absolute.code).toBe(0);
    expect(readdirSync(parent).sort()).toEqual(['elsewhere.yaml', 'work']);
  });

  it('replaces an existing policy only with --force, and leaves no temporary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fairpost-init-'));
    writeFileSync(join(dir, 'policy.yaml'), 'mine\n');
    expect(fairpost(['init'], { cwd: dir }).code).toBe(1);
    expect(readFileSync(join(dir, 'policy.yaml'), 'utf8')).toBe('mine\n');
    const forced = fairpost(['init', '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/^Replaced policy\.yaml\./);
    expect(readdirSync(dir)).toEqual(['policy.yaml']);
    expect(fairpost(['validate', 'policy.yaml'], { cwd: dir }).code).toBe(0);
  });
});

describe('command lines that say two things are errors, not the last word', () => {
  it.each([
    [
      'a fact given twice with different values',
      ['--fact', 'account.kind=personal', '--fact', 'account.kind=organisational'],
      'given twice',
    ],
    ['a prototype-named fact', ['--fact', '__proto__=x'], 'unknown fact "__proto__"'],
    ['a constructor-named fact', ['--fact', 'constructor=x'], 'unknown fact "constructor"'],
    [
      'a flag given twice with different values',
      ['--scenario', 'a.yaml', '--scenario', 'b.yaml'],
      'given twice',
    ],
  ])('%s', (_name, args, message) => {
    const run = fairpost(['eval', 'starter.yaml', ...args]);
    expect(run.code).toBe(2);
    oneLine(run);
    expect(run.stderr).toContain(message);
  });

  it('the same fact or flag given twice with the same value is fine', () => {
    const run = fairpost([
      'eval',
      'starter.yaml',
      '--fact',
      'account.kind=personal',
      '--fact',
      'account.kind=personal',
      '--json',
      '--json',
    ]);
    expect(run.code).toBe(0);
  });

  it('--format given twice is an error for render too', () => {
    const run = fairpost(['render', 'starter.yaml', '--format', 'html', '--format', 'text']);
    expect(run.code).toBe(2);
    oneLine(run);
  });
});

describe('files that are not UTF-8, too large or too deep are reported at a line and column', () => {
  it('a Latin-1 policy is an invalid-utf8 issue at the é, in validate and in eval, never U+FFFD', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fairpost-utf8-'));
    const text = STARTER.replace(/^title: .*$/m, 'title: Caf\u00e9 policy');
    const line = text.split('\n').findIndex((l) => l.startsWith('title:')) + 1;
    writeFileSync(join(dir, 'latin1.yaml'), Buffer.from(text, 'latin1'));
    const validate = fairpost(['validate', 'latin1.yaml'], { cwd: dir });
    expect(validate.code).toBe(1);
    expect(validate.stdout).toContain(`latin1.yaml:${line}:11:`);
    expect(validate.stdout).toContain('[invalid-utf8]');
    const evaluate = fairpost(['eval', 'latin1.yaml'], { cwd: dir });
    expect(evaluate.code).toBe(1);
    expect(evaluate.stderr).toContain(`latin1.yaml:${line}:11:`);
    writeFileSync(join(dir, 'scenario.yaml'), Buffer.from('account.kind: caf\u00e9\n', 'latin1'));
    writeFileSync(join(dir, 'policy.yaml'), STARTER);
    const scenario = fairpost(['eval', 'policy.yaml', '--scenario', 'scenario.yaml'], { cwd: dir });
    expect(scenario.code).toBe(1);
    expect(scenario.stderr).toBe(
      'fairpost eval: scenario.yaml:1:18: the text is not UTF-8: byte 0xE9 cannot start or continue a character here (save the file as UTF-8)\n',
    );
  });

  it('a policy of 5 MB is refused at once as too large, not parsed until memory runs out', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fairpost-big-'));
    writeFileSync(join(dir, 'big.yaml'), `${STARTER}\n# ${'x'.repeat(5_000_000)}\n`);
    const start = Date.now();
    const run = fairpost(['validate', 'big.yaml'], { cwd: dir });
    expect(Date.now() - start).toBeLessThan(10_000);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('big.yaml:1:1:');
    expect(run.stdout).toContain('[source-too-large]');
  });

  it('deep JSON is refused at the same line and column by validate and eval', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fairpost-deep-'));
    writeFileSync(join(dir, 'deep.json'), `{\n  "principles": ${'['.repeat(5000)}${']'.repeat(5000)}\n}\n`);
    const validate = fairpost(['validate', 'deep.json'], { cwd: dir });
    const evaluate = fairpost(['eval', 'deep.json'], { cwd: dir });
    const where = /deep\.json:(\d+:\d+):/;
    expect(validate.stdout).toContain('[document-too-deep]');
    expect(where.exec(validate.stdout)?.[1]).toBe('2:216');
    expect(where.exec(evaluate.stderr)?.[1]).toBe('2:216');
  });
});
