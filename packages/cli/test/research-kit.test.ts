// `fairpost export` and `fairpost matrix`: the research kit, run as a user runs it, and read back as R or pandas would.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  compilePolicy,
  defaultWeights,
  evaluate,
  knownTo,
  parsePolicySource,
  RESEARCH_COLUMNS,
  researchExport,
  type Scenario,
} from '@fairpost/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCsv } from '../../core/src/testing/support/read-csv.js';
import { EXAMPLES, ensureBuilt, fairpost } from './fairpost-binary.js';

beforeAll(ensureBuilt, 120_000);

const FILES = ['management-draft.yaml', '000_staff-union-alternative.yaml'];
const compiled = FILES.map((file) => {
  const parsed = parsePolicySource(readFileSync(join(EXAMPLES, file), 'utf8'));
  if (!parsed.ok) throw new Error(file);
  return compilePolicy(parsed.policy);
});

describe('fairpost export', () => {
  it('writes the long-format CSV of researchExport under the default weights, typed when read back', () => {
    const run = fairpost(['export', ...FILES]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [header, ...lines] = readCsv(run.stdout);
    expect(header).toEqual([...RESEARCH_COLUMNS]);
    const expected = researchExport(compiled, { distribution: defaultWeights, weightsName: 'default' });
    expect(lines).toHaveLength(expected.length);
    lines.forEach((fields, i) => {
      const r = expected[i]!;
      expect(fields.slice(0, 4)).toEqual([r.policy, r.theme ?? '', r.element ?? '', r.metric]);
      expect(fields[4] === '' ? null : Number(fields[4])).toBe(r.value);
      expect(fields.slice(5)).toEqual([r.unit, 'default']);
    });
  });

  it('writes JSON records with --json, and names the weights it used', () => {
    const run = fairpost(['export', FILES[0]!, '--json', '--weights', 'uniform']);
    expect(run.code).toBe(0);
    const records = JSON.parse(run.stdout) as { weights: string; value: unknown }[];
    expect(records.every((r) => r.weights === 'uniform')).toBe(true);
    expect(records.every((r) => r.value === null || typeof r.value === 'number')).toBe(true);
  });

  it('refuses an unknown format with a usage error, exit 2', () => {
    const run = fairpost(['export', FILES[0]!, '--format', 'xlsx']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--format/);
  });
});

describe('fairpost matrix', () => {
  it('writes a sampled matrix whose every cell is evaluate’s outcome, the same for the same seed', () => {
    const run = fairpost(['matrix', ...FILES, '--sample', '60', '--seed', '11', '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const matrix = JSON.parse(run.stdout) as {
      policies: string[];
      rows: { scenario: Scenario; outcomes: string[] }[];
    };
    expect(matrix.policies).toEqual(compiled.map((c) => c.policy.id));
    expect(matrix.rows).toHaveLength(60);
    for (const row of matrix.rows)
      expect(row.outcomes).toEqual(compiled.map((c) => evaluate(c, knownTo(c, row.scenario)).outcome));
    expect(fairpost(['matrix', ...FILES, '--sample', '60', '--seed', '11', '--json']).stdout).toBe(
      run.stdout,
    );
  });

  it('writes CSV with the facts as columns and an outcome column per policy, for a scenarios file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fairpost-matrix-'));
    const file = join(dir, 'scenarios.yaml');
    writeFileSync(
      file,
      '- account.kind: personal\n  context.time: own-time\n- account.kind: organisational\n  context.time: work-time\n',
    );
    const run = fairpost(['matrix', ...FILES, '--scenarios', file]);
    expect(run.code).toBe(0);
    const [header, ...lines] = readCsv(run.stdout);
    expect(header).toEqual(['account.kind', 'context.time', ...compiled.map((c) => c.policy.id)]);
    expect(lines.map((l) => l.slice(0, 2))).toEqual([
      ['personal', 'own-time'],
      ['organisational', 'work-time'],
    ]);
    const scenarios: Scenario[] = [
      { 'account.kind': 'personal', 'context.time': 'own-time' },
      { 'account.kind': 'organisational', 'context.time': 'work-time' },
    ];
    lines.forEach((l, i) => {
      expect(l.slice(2)).toEqual(compiled.map((c) => evaluate(c, scenarios[i]!).outcome));
    });
  });

  it('names the line and column of a bad scenario, exit 2, and asks for --sample or --scenarios', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fairpost-matrix-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, '- account.kind: personal\n- account.kind: bogus\n');
    const bad = fairpost(['matrix', FILES[0]!, '--scenarios', file]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad\.yaml:2:3: scenario 2: account\.kind: .*"bogus"/);
    const neither = fairpost(['matrix', FILES[0]!]);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toMatch(/either --sample N or --scenarios file/);
    expect(fairpost(['matrix', FILES[0]!, '--sample', 'ten']).code).toBe(2);
  });
});
