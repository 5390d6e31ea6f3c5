// Runs every case table in examples/policies as tests, through the same runner as `fairpost test`: each policy
// parses, each case's decision is the one its source text gives, and every rule, duty and commitment is exercised
// (or excused in the table). Quotes are checked against the seed texts by `pnpm check:sources`, not here: the seeds
// are not part of the repository.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  type CaseResult,
  caseCoverage,
  compilePolicy,
  formatCaseTableIssue,
  formatIssue,
  loadCaseTable,
  type Policy,
  parsePolicySource,
  runCaseTable,
} from '@fairpost/core';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const policiesDir = path.join(repoRoot, 'examples', 'policies');

const MIN_CASES = 15;
const policyFiles = readdirSync(policiesDir)
  .filter((f) => /^0\d\d_[a-z0-9-]+\.yaml$/.test(f))
  .sort();
const tableFiles = readdirSync(policiesDir)
  .filter((f) => f.endsWith('.cases.yaml'))
  .sort();

const relative = (file: string) => path.relative(repoRoot, file);

/** Parses a policy file, failing with file:line:column for every issue. */
function loadPolicy(file: string): Policy {
  const parsed = parsePolicySource(readFileSync(file, 'utf8'), { filename: file });
  if (!parsed.ok) {
    const lines = parsed.issues.map((i) => `${relative(file)}:${i.line}:${i.column}: ${formatIssue(i)}`);
    throw new Error(`the policy does not parse:\n${lines.join('\n')}`);
  }
  return parsed.policy;
}

describe('the example policies', () => {
  it('are the five seed policies, each with a case table of at least 15 cases', () => {
    expect(policyFiles).toHaveLength(5);
    for (const file of policyFiles) {
      const table = file.replace(/\.yaml$/, '.cases.yaml');
      expect(tableFiles, `${file} has no case table ${table}`).toContain(table);
      const loaded = loadCaseTable(readFileSync(path.join(policiesDir, table), 'utf8'));
      expect(
        loaded.ok && loaded.table.cases.length,
        `${table} has fewer than ${MIN_CASES} cases`,
      ).toBeGreaterThanOrEqual(MIN_CASES);
    }
  });

  it('declare the JSON Schema on their first line, for editors', () => {
    for (const file of policyFiles) {
      const first = readFileSync(path.join(policiesDir, file), 'utf8').split('\n')[0];
      expect(first, file).toBe(
        '# yaml-language-server: $schema=../../packages/schemas/json/draft-07/policy.json',
      );
    }
  });
});

for (const tableFile of tableFiles) {
  const tablePath = path.join(policiesDir, tableFile);
  describe(tableFile, () => {
    const loaded = loadCaseTable(readFileSync(tablePath, 'utf8'));
    if (!loaded.ok) {
      it('is a valid case table', () => {
        const lines = loaded.issues.map(
          (i) => `${relative(tablePath)}:${i.line}:${i.column}: ${formatCaseTableIssue(i)}`,
        );
        expect.fail(`the case table is invalid:\n${lines.join('\n')}`);
      });
      return;
    }
    const { table, locate } = loaded;
    let run: { policy: Policy; results: CaseResult[] } | undefined;
    const getRun = () => {
      if (!run) {
        const policy = loadPolicy(path.join(policiesDir, table.policy));
        run = { policy, results: runCaseTable(table, policy, compilePolicy(policy), locate) };
      }
      return run;
    };

    it(`names a policy that parses (${table.policy})`, () => {
      expect(getRun().policy.id).toBeTruthy();
    });

    describe('cases', () => {
      table.cases.forEach((testCase, index) => {
        it(testCase.name, () => {
          const result = getRun().results[index]!;
          if (result.status !== 'pass') {
            expect.fail(
              result.problems
                .map((p) => `${relative(tablePath)}:${p.line}:${p.column}: ${p.message}`)
                .join('\n'),
            );
          }
        });
      });
    });

    it('exercises every rule, duty and commitment, or says in the table why not', () => {
      const { policy, results } = getRun();
      const coverage = caseCoverage(table, policy, results);
      expect({
        rules: coverage.rules.missed,
        duties: coverage.duties.missed,
        commitments: coverage.commitments.missed,
        staleExcuses: coverage.staleExcuses,
      }).toEqual({ rules: [], duties: [], commitments: [], staleExcuses: [] });
      expect(coverage.rules.excused, 'every rule is exercised').toEqual([]);
    });
  });
}

describe.each(policyFiles)('%s provenance', (file) => {
  it('names its sources as seed files (checked word for word by pnpm check:sources)', () => {
    const policy = loadPolicy(path.join(policiesDir, file));
    const files = (policy.sources ?? []).map((s) => s.file);
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(f, 'a source file under seeds/').toMatch(/^seeds\/[^/]+$/);
  });

  it('gives every rule, duty and commitment a source with a section and a quote', () => {
    const policy = loadPolicy(path.join(policiesDir, file));
    const lacking = [
      ...policy.rules.map((r) => ({ where: `rules.${r.id}`, source: r.source })),
      ...(policy.duties ?? []).map((d) => ({ where: `duties.${d.id}`, source: d.source })),
      ...(policy.commitments ?? []).map((c) => ({ where: `commitments.${c.id}`, source: c.source })),
    ]
      .filter((r) => !r.source?.section || !r.source.quote)
      .map((r) => r.where);
    expect(lacking).toEqual([]);
  });
});

/**
 * Example policies that need a `custom` part, each with the reason. Everything else is written in the standard
 * vocabulary alone, so comparison and audit can see all of it.
 */
const USES_CUSTOM: Readonly<Record<string, string>> = {
  '002_domestic-violence-programme.yaml':
    'the seed distinguishes posts on the partner agency’s page (custom.onAgencyPage), which no standard fact names',
};

describe('the standard vocabulary', () => {
  const allPolicies = readdirSync(policiesDir)
    .filter((f) => f.endsWith('.yaml') && !f.endsWith('.cases.yaml'))
    .sort();

  it('is enough for every example policy except those documented here', () => {
    const usingCustom = allPolicies.filter(
      (file) => loadPolicy(path.join(policiesDir, file)).custom !== undefined,
    );
    expect(usingCustom).toEqual(Object.keys(USES_CUSTOM).sort());
  });

  it.each([
    'tech-company-staff.yaml',
    'government-department-guidance.yaml',
    'council-protocol.yaml',
    'newsroom-support-protocol.yaml',
  ])('writes %s, one of the four policy kinds, with a case table', (file) => {
    expect(allPolicies).toContain(file);
    expect(readdirSync(policiesDir)).toContain(file.replace(/\.yaml$/, '.cases.yaml'));
  });
});
