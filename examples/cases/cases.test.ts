// Runs every case table in examples/policies as tests: each policy parses, each case's decision is the one its
// source text gives, every rule and duty is exercised, and every quote is found word for word in its source.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  type CompiledPolicy,
  compilePolicy,
  evaluate,
  formatIssue,
  type Policy,
  parsePolicySource,
  parseScenario,
  type Scenario,
} from '@fairpost/core';
import { describe, expect, it } from 'vitest';
import type { CaseTable } from './case-table.js';
import { containsQuote } from './contains-quote.js';
import { describeMismatches } from './describe-mismatches.js';
import { formatCaseTableIssue, loadCaseTable } from './load-case-table.js';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const policiesDir = path.join(repoRoot, 'examples', 'policies');
// Source files are named relative to the shared folder beside the repository (`seeds/<file>`).
const sharedRoot = path.resolve(repoRoot, '..', 'shared');
const seedsRoot = path.resolve(repoRoot, '..', 'shared', 'seeds');

const MIN_CASES = 15;
const policyFiles = readdirSync(policiesDir)
  .filter((f) => /^0\d\d_[a-z0-9-]+\.yaml$/.test(f))
  .sort();
const tableFiles = readdirSync(policiesDir)
  .filter((f) => f.endsWith('.cases.yaml'))
  .sort();

const relative = (file: string) => path.relative(repoRoot, file);
const readSource = (file: string) => readFileSync(path.resolve(sharedRoot, file), 'utf8');

/** Parses a policy file, failing with file:line:column for every issue. */
function loadPolicy(file: string): { policy: Policy; compiled: CompiledPolicy } {
  const parsed = parsePolicySource(readFileSync(file, 'utf8'), { filename: file });
  if (!parsed.ok) {
    const lines = parsed.issues.map((i) => `${relative(file)}:${i.line}:${i.column}: ${formatIssue(i)}`);
    throw new Error(`the policy does not parse:\n${lines.join('\n')}`);
  }
  return { policy: parsed.policy, compiled: compilePolicy(parsed.policy) };
}

/** Every source reference in a policy, with where it is, for the provenance checks. */
function sourceRefs(policy: Policy) {
  const refs: { where: string; source: NonNullable<Policy['rules'][number]['source']> | undefined }[] = [
    ...(policy.principles ?? []).map((p, i) => ({ where: `principles[${i}]`, source: p.source })),
    ...(policy.definitions ?? []).map((d, i) => ({ where: `definitions[${i}]`, source: d.source })),
    { where: 'default', source: policy.default.source },
    ...policy.rules.map((r) => ({ where: `rules.${r.id}`, source: r.source })),
    ...(policy.duties ?? []).map((d) => ({ where: `duties.${d.id}`, source: d.source })),
    ...(policy.commitments ?? []).map((c) => ({ where: `commitments.${c.id}`, source: c.source })),
  ];
  return refs;
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
    const policyPath = path.join(policiesDir, table.policy);
    let policy: ReturnType<typeof loadPolicy> | undefined;
    const getPolicy = () => {
      policy ??= loadPolicy(policyPath);
      return policy;
    };

    it(`names a policy that parses (${table.policy})`, () => {
      expect(getPolicy().policy.id).toBeTruthy();
    });

    describe('cases', () => {
      table.cases.forEach((testCase, index) => {
        it(testCase.name, () => {
          const { compiled } = getPolicy();
          const at = (...rest: (string | number)[]) => {
            const { line, column } = locate(['cases', index, ...rest]);
            return `${relative(tablePath)}:${line}:${column}`;
          };
          const checked = parseScenario(testCase.scenario, compiled);
          if (!checked.ok) {
            const lines = checked.issues.map((i) => `${at('scenario', ...i.path)}: ${formatIssue(i)}`);
            expect.fail(`the scenario does not fit the policy's vocabulary:\n${lines.join('\n')}`);
          }
          const mismatches = describeMismatches(evaluate(compiled, checked.scenario), testCase.expect);
          if (mismatches.length > 0) {
            expect.fail(`${at('expect')}: the decision differs from the case:\n  ${mismatches.join('\n  ')}`);
          }
        });
      });
    });

    it('exercises every rule: each decides at least one determined case', () => {
      const { policy, compiled } = getPolicy();
      const decided = new Set(decisions(compiled, table).flatMap((d) => d.decidedBy.map((r) => r.ruleId)));
      const untested = policy.rules.map((r) => r.id).filter((id) => !decided.has(id));
      expect(untested, 'rules no determined case reaches').toEqual([]);
    });

    it('exercises every duty: each is triggered by at least one case', () => {
      const { policy, compiled } = getPolicy();
      const triggered = new Set(
        validScenarios(compiled, table).flatMap((s) => evaluate(compiled, s).duties.map((d) => d.dutyId)),
      );
      const untested = (policy.duties ?? []).map((d) => d.id).filter((id) => !triggered.has(id));
      expect(untested, 'duties no case triggers').toEqual([]);
    });

    it('quotes each case’s deciding sentence word for word from its source', () => {
      const { policy } = getPolicy();
      const missing = table.cases.flatMap((testCase, index) => {
        const sourceId = testCase.source?.document ?? policy.sources?.[0]?.id;
        const source = policy.sources?.find((s) => s.id === sourceId);
        if (!source?.file)
          return [`${testCase.name}: source "${sourceId}" has no file to check the quote in`];
        const { line, column } = locate(['cases', index, 'quote']);
        return containsQuote(readSource(source.file), testCase.quote)
          ? []
          : [`${relative(tablePath)}:${line}:${column}: not found in ${source.file}: "${testCase.quote}"`];
      });
      expect(missing).toEqual([]);
    });
  });
}

describe.each(policyFiles)('%s provenance', (file) => {
  it('takes its sources from the seed files', () => {
    const { policy } = loadPolicy(path.join(policiesDir, file));
    const files = (policy.sources ?? []).map((s) => s.file);
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      expect(f, 'a source file under seeds/').toMatch(/^seeds\/[^/]+$/);
      expect(readdirSync(seedsRoot)).toContain(path.basename(f!));
    }
  });

  it('gives every rule, duty and commitment a source with a section and a quote', () => {
    const { policy } = loadPolicy(path.join(policiesDir, file));
    const lacking = sourceRefs(policy)
      .filter((r) => /^(rules|duties|commitments)\./.test(r.where))
      .filter((r) => !r.source?.section || !r.source.quote)
      .map((r) => r.where);
    expect(lacking).toEqual([]);
  });

  it('quotes every source word for word', () => {
    const { policy } = loadPolicy(path.join(policiesDir, file));
    const files = new Map((policy.sources ?? []).map((s) => [s.id, s.file]));
    const missing = sourceRefs(policy).flatMap(({ where, source }) => {
      if (!source?.quote) return [];
      const sourceFile = files.get(source.document);
      if (!sourceFile) return [`${where}: source "${source.document}" has no file`];
      return containsQuote(readSource(sourceFile), source.quote) ? [] : [`${where}: "${source.quote}"`];
    });
    expect(missing, `quotes not found in ${file}'s sources`).toEqual([]);
  });
});

/** The scenarios of a table that fit the policy (the others fail their own case test). */
function validScenarios(compiled: CompiledPolicy, table: CaseTable): Scenario[] {
  return table.cases.flatMap((c) => {
    const checked = parseScenario(c.scenario, compiled);
    return checked.ok ? [checked.scenario] : [];
  });
}

/** Every case's decision, for the coverage checks: only determined ones count as exercising a rule. */
function decisions(compiled: CompiledPolicy, table: CaseTable) {
  return validScenarios(compiled, table)
    .map((s) => evaluate(compiled, s))
    .filter((d) => d.outcome !== 'undetermined');
}
