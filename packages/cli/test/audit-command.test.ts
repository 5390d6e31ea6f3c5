import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fairPolicyCriteria } from '@fairpost/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, ensureBuilt, fairpost } from './fairpost-binary.js';

beforeAll(ensureBuilt, 200_000);

describe('fairpost audit', () => {
  it('tells the union’s case against the management draft, grouped by theme, with sources', () => {
    const run = fairpost(['audit', 'management-draft.yaml']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Reaches 100% of own-time personal use (fair policies: at most 5%); provides 0 of 16 support measures; leaves 2 duties to the person targeted; monitors personal accounts; pre-approves personal posts.',
    );
    for (const theme of [
      'PRIVATE LIFE',
      'MONITORING AND INTRUSION',
      'SUPPORT FOR STAFF WHO ARE TARGETED',
      'PROCESS',
    ])
      expect(run.stdout).toContain(`\n${theme}\n`);
    expect(run.stdout).toContain('Information Commissioner’s Office (ICO) (2023)');
    expect(run.stdout).not.toContain('OVERBROAD');
    // Every share says the weights it was measured under.
    expect(run.stdout).toContain(
      'Criteria fair-policy 1.0.0 (fair-policy/1), for UK: 4 errors, 20 warnings, 2 notes. Shares are measured under the default weights.',
    );
    expect(run.stdout).toContain(
      'Situations: account is not organisation’s account (90% of all situations under the default weights)',
    );
    expect(run.stdout).toContain('note: Review date [no-review-date]');
  });

  it('measures shares under --weights, as lint and compare do, and names a bad weights file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fairpost-audit-weights-'));
    writeFileSync(join(dir, 'team.yaml'), 'account.kind:\n  organisational: 0.5\n  personal: 0.5\n');
    const draft = join(EXAMPLES, 'management-draft.yaml');
    const team = fairpost(['audit', draft, '--weights', 'team.yaml'], { cwd: dir });
    expect(team.code).toBe(0);
    expect(team.stdout).toContain(
      'Situations: account is not organisation’s account (50% of all situations under the weights in team.yaml)',
    );
    const uniform = JSON.parse(fairpost(['audit', draft, '--weights', 'uniform', '--json']).stdout);
    expect(uniform.weights).toBe('uniform');
    expect(JSON.parse(fairpost(['audit', draft, '--json']).stdout).weights).toBe('default');
    writeFileSync(join(dir, 'bad.yaml'), 'account.kind:\n  facebook: 1\n');
    const bad = fairpost(['audit', draft, '--weights', 'bad.yaml'], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('bad.yaml:2:3:');
    expect(bad.stderr).toContain('bad.yaml is not a valid weights file');
  });

  it('judges a review date against --as-of (today by default), and refuses a date that does not exist', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fairpost-audit-review-'));
    const text = readFileSync(join(EXAMPLES, '000_staff-union-alternative.yaml'), 'utf8').replace(
      'review:\n  every: P1Y\n',
      'review:\n  lastReviewed: 2025-06-30\n  every: P1Y\n',
    );
    writeFileSync(join(dir, 'dated.yaml'), text);
    const before = fairpost(['audit', 'dated.yaml', '--as-of', '2026-06-30', '--json'], { cwd: dir });
    const ids = (run: { stdout: string }) => JSON.parse(run.stdout).findings.map((f: { id: string }) => f.id);
    expect(ids(before)).toEqual(['no-jurisdiction']);
    const after = fairpost(['audit', 'dated.yaml', '--as-of', '2026-07-01', '--fail-on', 'warning'], {
      cwd: dir,
    });
    expect(after.code).toBe(1);
    expect(after.stdout).toContain('warning: Review overdue [review-overdue]');
    // Today, fixed by SOURCE_DATE_EPOCH (2026-12-02), is after 2026-06-30.
    const today = fairpost(['audit', 'dated.yaml', '--json'], {
      cwd: dir,
      env: { SOURCE_DATE_EPOCH: String(Date.UTC(2026, 11, 2) / 1000) },
    });
    expect(ids(today)).toContain('review-overdue');
    const wrong = fairpost(['audit', 'dated.yaml', '--as-of', '2026-02-30'], { cwd: dir });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe(
      'fairpost audit: --as-of must be a date that exists, YYYY-MM-DD; found "2026-02-30"\n',
    );
  });

  it('applies US criteria with --jurisdiction, and --fail-on decides the exit code', () => {
    const us = fairpost(['audit', 'management-draft.yaml', '--jurisdiction', 'uk,us', '--fail-on', 'error']);
    expect(us.code).toBe(1);
    expect(us.stdout).toContain('OVERBROAD RULES (US LABOUR LAW)');
    expect(us.stdout).toContain('Stericycle, Inc., 372 NLRB No. 113');
    expect(fairpost(['audit', '000_staff-union-alternative.yaml', '--fail-on', 'error']).code).toBe(0);
    expect(fairpost(['audit', '000_staff-union-alternative.yaml', '--fail-on', 'warning']).code).toBe(0);
    expect(fairpost(['audit', '001_online-participation-guidelines.yaml', '--fail-on', 'warning']).code).toBe(
      1,
    );
  });

  it('prints the report as JSON, one object per policy or an array for several', () => {
    const one = JSON.parse(fairpost(['audit', 'management-draft.yaml', '--json']).stdout);
    expect(one.policyId).toBe('management-draft');
    expect(one.findings[0]).toMatchObject({ id: 'own-time-reach', severity: 'error', reach: 1 });
    const two = JSON.parse(fairpost(['audit', 'management-draft.yaml', 'starter.yaml', '--json']).stdout);
    expect(two.map((r: { policyId: string }) => r.policyId)).toEqual(['management-draft', 'starter']);
  });

  it('reads a policy from standard input with -, and renders Markdown and HTML', () => {
    const input = readFileSync(join(EXAMPLES, 'management-draft.yaml'), 'utf8');
    const md = fairpost(['audit', '-', '--format', 'markdown'], { input });
    expect(md.stdout).toMatch(/^# Audit: Social media policy \(management draft\)/);
    expect(fairpost(['audit', 'starter.yaml', '--format', 'html']).stdout).toContain(
      '<section class="fairpost-audit">',
    );
  });

  it('audits against a criteria file, and names what is wrong with a bad one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fairpost-audit-'));
    const own = {
      ...fairPolicyCriteria,
      id: 'our-criteria',
      groups: fairPolicyCriteria.groups.map((g) => (g.id === 'support' ? { ...g, enabled: false } : g)),
    };
    writeFileSync(join(dir, 'ours.json'), JSON.stringify(own));
    const run = fairpost(
      ['audit', join(EXAMPLES, 'management-draft.yaml'), '--criteria', 'ours.json', '--json'],
      {
        cwd: dir,
      },
    );
    const report = JSON.parse(run.stdout);
    expect(report.criteria.id).toBe('our-criteria');
    expect(report.findings.some((f: { group: string }) => f.group === 'support')).toBe(false);
    writeFileSync(join(dir, 'bad.yaml'), 'format: fair-policy/1\nid: x\n');
    const bad = fairpost(['audit', join(EXAMPLES, 'starter.yaml'), '--criteria', 'bad.yaml'], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('bad.yaml is not a valid criteria file');
    expect(bad.stderr).toContain('version');
    const given = fairpost(['audit', 'bad.yaml'], { cwd: dir });
    expect(given.stderr).toBe(
      'fairpost audit: bad.yaml is a criteria file, not a policy: give it with --criteria bad.yaml\n',
    );
  });

  it('rejects files that are not policies, and usage errors exit 2', () => {
    const table = fairpost(['audit', 'starter.yaml', '000_staff-union-alternative.cases.yaml']);
    expect(table.code).toBe(1);
    expect(table.stderr).toContain('is a case table, not a policy');
    expect(fairpost(['audit', 'starter.yaml', '--fail-on', 'note']).code).toBe(2);
    expect(fairpost(['audit', 'starter.yaml', '--jurisdiction', 'mars']).stderr).toBe(
      'fairpost audit: --jurisdiction must be one of uk, us, eu, other; found "mars"\n',
    );
    expect(fairpost(['audit', 'starter.yaml', '--skip-group', 'nope']).code).toBe(2);
    expect(fairpost(['audit']).code).toBe(2);
  });
});
