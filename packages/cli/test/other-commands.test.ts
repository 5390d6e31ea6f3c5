import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/commands/index.js';
import { paletteFor } from '../src/colour.js';
import { EXAMPLES, ensureBuilt, fairpost } from './fairpost-binary.js';

beforeAll(ensureBuilt, 120_000);

describe('fairpost init', () => {
  it('writes policy.yaml from the progressive template, which validates, and never overwrites it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fairpost-init-'));
    const first = fairpost(['init'], { cwd: dir });
    expect(first.code).toBe(0);
    const text = readFileSync(join(dir, 'policy.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=https://schemas.fairpost.dev/1/draft-07/policy.json',
    );
    expect(fairpost(['validate', 'policy.yaml'], { cwd: dir }).code).toBe(0);
    writeFileSync(join(dir, 'policy.yaml'), 'my own edits\n');
    const again = fairpost(['init'], { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(
      'fairpost init: policy.yaml already exists; add --force to replace it, or choose another name\n',
    );
    expect(readFileSync(join(dir, 'policy.yaml'), 'utf8')).toBe('my own edits\n');
  });

  it('points the schema line at the schema file an editor can open, when one is installed above the folder', () => {
    const repoRoot = resolve(import.meta.dirname, '..', '..', '..');
    const dir = mkdtempSync(join(repoRoot, 'test', '.tmp-init-'));
    try {
      expect(fairpost(['init'], { cwd: dir }).code).toBe(0);
      const first = readFileSync(join(dir, 'policy.yaml'), 'utf8').split('\n')[0]!;
      // The nearest: test/node_modules/@fairpost/schemas, a link to this repository's package.
      expect(first).toMatch(
        /^# yaml-language-server: \$schema=\.\.\/[^:]*\/schemas\/json\/draft-07\/policy\.json$/,
      );
      const schema = resolve(dir, first.replace(/^.*\$schema=/, ''));
      expect(existsSync(schema)).toBe(true);
      expect(dirname(realpathSync(schema))).toBe(join(repoRoot, 'packages', 'schemas', 'json', 'draft-07'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the file and the policy id after the name given', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fairpost-init-'));
    const run = fairpost(['init', 'Our Union Policy', '--json'], { cwd: dir });
    expect(JSON.parse(run.stdout)).toEqual({ file: 'Our Union Policy.yaml', id: 'our-union-policy' });
    expect(fairpost(['validate', 'Our Union Policy.yaml'], { cwd: dir }).code).toBe(0);
  });
});

describe('fairpost render', () => {
  it.each([
    ['markdown', /^# Starter social media policy/m],
    ['html', /<html/],
    ['text', /^STARTER SOCIAL MEDIA POLICY\n=+/],
    ['mermaid', /^flowchart/m],
  ])('renders %s', (format, expected) => {
    const run = fairpost(['render', 'starter.yaml', '--format', format]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(expected);
  });

  it('-o writes the file instead of printing it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fairpost-render-'));
    const run = fairpost(['render', join(EXAMPLES, 'starter.yaml'), '--format', 'html', '-o', 'out.html'], {
      cwd: dir,
    });
    const bytes = readFileSync(join(dir, 'out.html')).length;
    expect(run).toMatchObject({ code: 0, stdout: `Wrote out.html (html, ${bytes} bytes).\n` });
  });

  it('rejects an unknown format as a usage error', () => {
    expect(fairpost(['render', 'starter.yaml', '--format', 'pdf'])).toMatchObject({
      code: 2,
      stderr: 'fairpost render: --format must be one of markdown, html, text, mermaid; found "pdf"\n',
    });
  });
});

describe('fairpost lint', () => {
  it('lists findings and exits 0 when none is an error', () => {
    const run = fairpost(['lint', 'starter.yaml']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('[gap]');
    expect(run.stdout).toMatch(/starter\.yaml: 0 errors, \d+ warnings, \d+ notes\n$/);
  });

  it('exits 1 when a finding is an error (a rule that can never match)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fairpost-lint-'));
    const text = readFileSync(join(EXAMPLES, 'starter.yaml'), 'utf8').replace(
      'rules:\n',
      'rules:\n  - id: impossible\n    when: { all: [{ fact: context.time, is: own-time }, { fact: context.time, is: work-time }] }\n    outcome: permitted\n    reason: Never.\n',
    );
    writeFileSync(join(dir, 'p.yaml'), text);
    const run = fairpost(['lint', 'p.yaml', '--json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toContainEqual(
      expect.objectContaining({ code: 'never-matches', severity: 'error', ruleIds: ['impossible'] }),
    );
  });
});

describe('fairpost compare', () => {
  it('for two policies says where their answers differ, then the table', () => {
    const run = fairpost(['compare', 'starter.yaml', '001_online-participation-guidelines.yaml', '--json']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.comparison.verdict).toMatch(/stricter|looser|same|incomparable/);
    expect(out.table.rows.map((r: { policyId: string }) => r.policyId)).toEqual([
      'starter',
      'online-participation-guidelines',
    ]);
  });

  it('prints the table as CSV, a line per policy', () => {
    const run = fairpost([
      'compare',
      'starter.yaml',
      'starter.yaml',
      '004_encouraging-guidance.yaml',
      '--format',
      'csv',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(4);
  });

  it('needs two policies', () => {
    expect(fairpost(['compare', 'starter.yaml']).code).toBe(2);
  });

  it('fits the union’s case on one screen: private-life reach in words, one line per theme, support and commitments', () => {
    const run = fairpost(['compare', 'management-draft.yaml', '000_staff-union-alternative.yaml']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    // One screen: at most 30 lines, and each at most five rows of a 120-column terminal.
    expect(lines.length).toBeLessThanOrEqual(30);
    const rows = lines.reduce((sum, l) => sum + Math.max(1, Math.ceil([...l].length / 120)), 0);
    expect(rows, run.stdout).toBeLessThanOrEqual(50);
    const reach =
      /Under the default weights, management-draft\.yaml reaches into (\d+(?:\.\d)?)% of staff’s own-time use of their own accounts, and 000\\_staff-union-alternative\.yaml into (\d+(?:\.\d)?)%\./.exec(
        lines.slice(0, 4).join('\n'),
      );
    expect(reach, run.stdout).not.toBeNull();
    expect(Number(reach![1])).toBe(100);
    expect(Number(reach![2])).toBeLessThan(5);
    const themes = lines.filter((l) => l.startsWith('- **'));
    expect(themes.map((l) => /^- \*\*([^*]+)\*\*/.exec(l)![1])).toEqual([
      'Private life',
      'Organisation accounts',
      'Client confidentiality',
      'Colleagues',
      'Speaking for the organisation',
      'Content and images',
      'Support when targeted',
      'Monitoring and commitments',
    ]);
    for (const theme of themes) {
      expect(theme).toMatch(/^- \*\*[^*]+\*\* \(\d+(?:\.\d)?%\): /);
      expect(theme).toContain('For example, if ');
    }
    expect(themes[0]).toMatch(
      /mixed: 000\\_staff-union-alternative\.yaml is mostly looser \(9\d(?:\.\d)?% looser, \d(?:\.\d)?% stricter\)/,
    );
    expect(run.stdout).toMatch(/^Support when targeted: \*\*stronger\*\*\. .* adds 20 kinds of support/m);
    expect(run.stdout).toMatch(/^Commitments: \*\*stronger\*\*\. /m);
    // The details are behind a flag, and complete in --json.
    expect(run.stdout).not.toContain('| When |');
    expect(lines.at(-1)).toMatch(/^\d+ regions decided differently.*`--details`.*`--json`/);
    const details = fairpost([
      'compare',
      'management-draft.yaml',
      '000_staff-union-alternative.yaml',
      '--details',
    ]);
    expect(details.code).toBe(0);
    expect(details.stdout.startsWith(lines.slice(0, -1).join('\n'))).toBe(true);
    const regions = Number(/^(\d+) regions/.exec(lines.at(-1)!)![1]);
    expect(
      details.stdout
        .split('\n')
        .filter((l) => l.startsWith('| ') && !l.startsWith('| When') && !l.startsWith('| ---')).length,
    ).toBeGreaterThanOrEqual(regions);
    const json = JSON.parse(
      fairpost(['compare', 'management-draft.yaml', '000_staff-union-alternative.yaml', '--json']).stdout,
    );
    expect(json.comparison.differences).toHaveLength(regions);
    expect(json.comparison.themes[0]).toMatchObject({
      theme: 'private-life',
      verdict: 'mixed',
      leaning: 'looser',
    });
  });

  it('measures under uniform weights or a weights file when asked, and says so', () => {
    const uniform = fairpost([
      'compare',
      'management-draft.yaml',
      '000_staff-union-alternative.yaml',
      '--json',
      '--weights',
      'uniform',
    ]);
    expect(uniform.code).toBe(0);
    expect(JSON.parse(uniform.stdout).weights).toBe('uniform weights');
    const dir = mkdtempSync(join(tmpdir(), 'fairpost-weights-'));
    try {
      const file = join(dir, 'weights.yaml');
      writeFileSync(file, 'context.time:\n  work-time: 0.5\n  own-time: 0.5\n');
      const given = fairpost(['compare', 'management-draft.yaml', 'starter.yaml', '--weights', file]);
      expect(given.code).toBe(0);
      expect(given.stdout).toContain('under the weights in weights.yaml');
      writeFileSync(file, 'context.time:\n  work-time: 0.5\n  own-time: 0.4\naccount.knd:\n  personal: 1\n');
      const bad = fairpost(['lint', 'starter.yaml', '--weights', file]);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain('weights.yaml:1:1: ');
      expect(bad.stderr).toContain('add up to 0.9; they must add up to 1');
      expect(bad.stderr).toContain('weights.yaml:4:1: ');
      expect(bad.stderr).toContain('did you mean "account.kind"?');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('measures under conditional weights: the example file, rows that all agree, and a bad row', () => {
    const example = join(EXAMPLES, '..', 'weights', 'client-by-account.yaml');
    const run = fairpost([
      'compare',
      'management-draft.yaml',
      '000_staff-union-alternative.yaml',
      '--weights',
      example,
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Under the weights in client-by-account.yaml');
    const dir = mkdtempSync(join(tmpdir(), 'fairpost-weights-'));
    try {
      // Rates conditional on account.kind that are the same in every row are the independent rates: same report.
      const row = '{ true: 0.03, false: 0.97 }';
      const independent = join(dir, 'independent.yaml');
      writeFileSync(independent, `content.identifiesClient: ${row}\n`);
      const conditional = join(dir, 'conditional.yaml');
      const rows = ['organisational', 'personal-named', 'personal', 'pseudonymous'].map(
        (v) => `    ${v}: ${row}\n`,
      );
      writeFileSync(
        conditional,
        `content.identifiesClient:\n  given: account.kind\n  rates:\n${rows.join('')}`,
      );
      const compare = (file: string) =>
        fairpost(['compare', 'management-draft.yaml', '000_staff-union-alternative.yaml', '--weights', file]);
      const a = compare(independent);
      const b = compare(conditional);
      expect(b.code, b.stderr).toBe(0);
      expect(b.stdout.replaceAll('conditional.yaml', 'independent.yaml')).toBe(a.stdout);
      writeFileSync(
        conditional,
        `content.identifiesClient:\n  given: account.kind\n  rates:\n    organisational: { true: 0.2, false: 0.9 }\n${rows.slice(1).join('')}`,
      );
      const bad = fairpost(['lint', 'starter.yaml', '--weights', conditional]);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain('conditional.yaml:4:5: ');
      expect(bad.stderr).toContain(
        'given account.kind = organisational add up to 1.1; they must add up to 1',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('fairpost diff', () => {
  const v2 = join(EXAMPLES, '..', 'versions', '000_staff-union-alternative.v2.yaml');
  it('reports a support cut as weaker support, and exits 1 because the meaning changes', () => {
    const run = fairpost(['diff', '000_staff-union-alternative.yaml', v2]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('# What changes for staff');
    expect(run.stdout).toMatch(/Support when you are targeted: \*\*weaker/);
    expect(run.stdout).toContain('within 24 hours instead of within 4 hours');
    expect(run.stdout).toMatch(/Risk assessment[^\n]*removed/i);
    const json = JSON.parse(fairpost(['diff', '000_staff-union-alternative.yaml', v2, '--json']).stdout);
    expect(json.verdicts).toEqual({ decisions: 'same', support: 'weaker', commitments: 'same' });
    expect(json.text).toContainEqual(
      expect.objectContaining({ subject: 'rule', id: 'union-activity', field: 'reason' }),
    );
  });

  it('exits 0 when nothing changes in meaning, and 2 on errors', () => {
    expect(fairpost(['diff', 'starter.yaml', 'starter.yaml']).code).toBe(0);
    const missing = fairpost(['diff', 'starter.yaml', 'no-such-file.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no-such-file.yaml');
    expect(fairpost(['diff', 'starter.yaml', '000_staff-union-alternative.cases.yaml']).code).toBe(2);
  });

  it('measures shares under the weights --weights names, as compare does; a bad weights file is an error (exit 2)', () => {
    const pair = ['diff', 'management-draft.yaml', '000_staff-union-alternative.yaml'];
    const json = (extra: string[]) => JSON.parse(fairpost([...pair, '--json', ...extra]).stdout);
    const byDefault = json([]);
    const uniform = json(['--weights', 'uniform']);
    expect(byDefault.weights).toBe('default');
    expect(uniform.weights).toBe('uniform');
    expect(uniform.comparison.stricterShare).not.toBeCloseTo(byDefault.comparison.stricterShare, 3);
    const dir = mkdtempSync(join(tmpdir(), 'fairpost-diff-weights-'));
    try {
      const file = join(dir, 'w.yaml');
      writeFileSync(file, 'context.time:\n  work-time: 0.5\n  own-time: 0.5\n');
      const given = fairpost([...pair, '--weights', file]);
      expect(given.code).toBe(1);
      expect(given.stdout).toContain('under the weights in w.yaml');
      writeFileSync(file, 'context.time:\n  work-time: 0.5\n  own-tim: 0.5\n');
      const bad = fairpost([...pair, '--weights', file]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('w.yaml:3:3: ');
      expect(bad.stderr).toContain('did you mean "own-time"?');
      expect(bad.stdout).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('renders an HTML page with the policies’ text inert', () => {
    const run = fairpost(['diff', '000_staff-union-alternative.yaml', v2, '--format', 'html']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('<h1>What changes for staff</h1>');
  });
});

describe('fairpost schema', () => {
  it('prints the policy JSON Schema in either draft', () => {
    expect(JSON.parse(fairpost(['schema']).stdout).$id).toBe(
      'https://schemas.fairpost.dev/1/2020-12/policy.json',
    );
    expect(JSON.parse(fairpost(['schema', '--draft', '07']).stdout).$schema).toBe(
      'http://json-schema.org/draft-07/schema#',
    );
  });
});

describe('every command', () => {
  it.each(COMMANDS.map((c) => [c.name]))('%s --help shows the usage and an example, exit 0', (name) => {
    const run = fairpost([name, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Usage: fairpost ${name}`);
    expect(run.stdout).toMatch(/Examples?:\n {2}fairpost /);
    // The options block lists options (or, for incident, its subcommands) and their continuation lines only;
    // prose about standard input, exit codes or the output comes after it, as a paragraph of its own.
    const options = /\nOptions:\n([\s\S]*?)\n\n/.exec(run.stdout)![1]!.split('\n');
    for (const line of options) expect(line, line).toMatch(/^ {2}(-|[a-z]+ <| {20})/);
  });

  it('an unknown command is a usage error naming the commands', () => {
    expect(fairpost(['evaluate'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('unknown command "evaluate"'),
    });
  });

  it('prints no colour codes when the output is not a terminal', () => {
    expect(fairpost(['lint', 'starter.yaml']).stdout).not.toContain('\u001b[');
  });

  it('colours a terminal unless NO_COLOR is set', () => {
    expect(paletteFor({ isTTY: true }, {}).red('x')).toBe('\u001b[31mx\u001b[39m');
    expect(paletteFor({ isTTY: true }, { NO_COLOR: '1' }).red('x')).toBe('x');
    expect(paletteFor({ isTTY: false }, {}).red('x')).toBe('x');
  });
});
