import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePolicySource } from '@fairpost/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, ensureBuilt, fairpost } from './fairpost-binary.js';

beforeAll(ensureBuilt, 120_000);

/** A folder holding the starter policy and one case table for it. */
function tableDir(table: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'fairpost-test-'));
  writeFileSync(join(dir, 'starter.yaml'), readFileSync(join(EXAMPLES, 'starter.yaml'), 'utf8'));
  writeFileSync(join(dir, 'starter.cases.yaml'), table);
  return dir;
}

const ownTime = `policy: starter.yaml
cases:
  - name: own time on a personal account is out of scope
    scenario:
      account.kind: personal
      context.time: own-time
      content.identifiesClient: false
      incident.kind: none
    expect:
      outcome: out-of-scope
    quote: your own time
`;

describe('fairpost test', () => {
  it('runs every example case table green, with 100% coverage', () => {
    const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.cases.yaml'));
    expect(files).toHaveLength(10);
    const run = fairpost(['test', ...files, '--coverage-min', '100']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^PASS: (\d+)\/\1 cases passed, coverage 100%\n$/m);
  });

  it('prints each case with PASS, and a failing one with the decision that differed, exit 1', () => {
    const dir = tableDir(ownTime.replace('outcome: out-of-scope', 'outcome: permitted'));
    const run = fairpost(['test', 'starter.cases.yaml'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('FAIL own time on a personal account is out of scope');
    expect(run.stdout).toContain('starter.cases.yaml:9:5: outcome: expected "permitted", got "out-of-scope"');
    expect(run.stdout).toMatch(/FAIL: 0\/1 cases passed\n$/);
  });

  it('--json reports every case with its status and problems', () => {
    const dir = tableDir(ownTime);
    const run = fairpost(['test', 'starter.cases.yaml', '--json'], { cwd: dir });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ ok: true, passed: 1, failed: 0 });
    expect(report.tables[0].cases[0]).toMatchObject({
      name: 'own time on a personal account is out of scope',
      status: 'pass',
      problems: [],
    });
  });

  it('--coverage names the rules and duties no case exercises; --coverage-min fails below it', () => {
    const dir = tableDir(ownTime);
    const run = fairpost(['test', 'starter.cases.yaml', '--coverage'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/not exercised rule \S+/);
    expect(run.stdout).toMatch(/not exercised duty \S+/);
    expect(run.stdout).toMatch(/not exercised commitment \S+/);
    const strict = fairpost(['test', 'starter.cases.yaml', '--coverage-min', '90', '--json'], { cwd: dir });
    expect(strict.code).toBe(1);
    const report = JSON.parse(strict.stdout);
    expect(report.ok).toBe(false);
    expect(report.coverage).toBeLessThan(90);
    const missed = report.tables[0].coverage.rules.missed;
    expect(missed.length).toBeGreaterThan(0);
  });

  it('an excuse in `uncovered` counts as covered and is shown with its reason', () => {
    const parsed = parsePolicySource(readFileSync(join(EXAMPLES, 'starter.yaml'), 'utf8'));
    if (!parsed.ok) throw new Error('the starter policy does not parse');
    const { rules, duties = [], commitments = [] } = parsed.policy;
    const excuses = [
      ...rules.map((r) => ({ kind: 'rule', id: r.id })),
      ...duties.map((d) => ({ kind: 'duty', id: d.id })),
      ...commitments.map((c) => ({ kind: 'commitment', id: c.id })),
    ].filter((e) => e.id !== 'own-time-own-accounts');
    const table = `${ownTime}uncovered:\n${excuses.map((e) => `  - { kind: ${e.kind}, id: ${e.id}, reason: shown elsewhere }\n`).join('')}`;
    const run = fairpost(['test', '-', '--coverage-min', '100'], { cwd: tableDir(ownTime), input: table });
    expect(run.stdout).toContain('excused');
    expect(run.stdout).toContain('shown elsewhere');
    expect(run.stdout).not.toContain('not exercised');
  });

  it('a case table with a wrong field reports it by line and column, exit 1', () => {
    const dir = tableDir(
      ownTime.replace('    quote: your own time\n', '    quote: your own time\n    qoute: x\n'),
    );
    const run = fairpost(['test', 'starter.cases.yaml'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('starter.cases.yaml:12:5: cases[0].qoute: unknown key "qoute"');
  });

  it('a --coverage-min that is not a percentage is a usage error in one line, exit 2', () => {
    const run = fairpost(['test', 'x.cases.yaml', '--coverage-min', '120']);
    expect(run).toMatchObject({
      code: 2,
      stderr: 'fairpost test: --coverage-min must be a percentage from 0 to 100; found "120"\n',
    });
  });
});
