import { describe, expect, it } from 'vitest';
import { formatCaseTableIssue, loadCaseTable } from './load-case-table.js';

const valid = `policy: 000_example.yaml
cases:
  - name: own time is out of scope
    scenario: { account.kind: personal, context.time: own-time }
    expect: { outcome: out-of-scope }
    quote: private lives outside of work
`;

const problemsIn = (text: string) => {
  const loaded = loadCaseTable(text);
  if (loaded.ok) throw new Error('expected the table to be rejected');
  return loaded.issues.map((i) => `${i.line}:${i.column}: ${formatCaseTableIssue(i)}`);
};

describe('loadCaseTable', () => {
  it('reads a valid table and locates any path in it', () => {
    const loaded = loadCaseTable(valid);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.table.cases[0]?.scenario).toEqual({
      'account.kind': 'personal',
      'context.time': 'own-time',
    });
    expect(loaded.locate(['cases', 0, 'quote'])).toEqual({ line: 6, column: 5 });
    expect(loaded.locate(['cases', 0, 'scenario', 'context.time'])).toEqual({ line: 4, column: 41 });
  });

  it('reports a YAML syntax error with its line and column, without throwing', () => {
    const [problem] = problemsIn('policy: a.yaml\ncases: [\n');
    expect(problem).toMatch(/^3:1: /);
  });

  it('names a missing field as required, at the case that lacks it', () => {
    expect(problemsIn(valid.replace('    quote: private lives outside of work\n', ''))).toEqual([
      '3:5: cases[0].quote: "quote" is required (string)',
    ]);
  });

  it('reports every unknown key at the key itself, so no misspelt field is silently dropped', () => {
    const problems = problemsIn(valid.replace('    quote:', '    qoute: x\n    quote:'));
    expect(problems).toEqual([expect.stringMatching(/^6:5: cases\[0\]\.qoute: unknown key "qoute"/)]);
  });

  it('rejects an outcome outside the five and undetermined, listing what is allowed', () => {
    const [problem] = problemsIn(valid.replace('outcome: out-of-scope', 'outcome: allowed'));
    expect(problem).toMatch(/^5:15: cases\[0\]\.expect\.outcome: .*"out-of-scope".*"undetermined"/);
  });

  it('requires an undetermined case to list the facts still needed', () => {
    expect(problemsIn(valid.replace('outcome: out-of-scope', 'outcome: undetermined'))).toEqual([
      '5:5: cases[0].expect.neededFacts: an undetermined case must list the facts still needed (neededFacts)',
    ]);
  });

  it('rejects needed facts on a determined case', () => {
    const [problem] = problemsIn(
      valid.replace('outcome: out-of-scope', 'outcome: permitted, neededFacts: [a.b]'),
    );
    expect(problem).toContain(
      'neededFacts only belongs to an undetermined case; this one expects "permitted"',
    );
  });

  it('rejects two cases with the same name, since each names a test', () => {
    const twice = `${valid}${valid.split('cases:\n')[1]}`;
    expect(problemsIn(twice)).toEqual([expect.stringContaining('cases: case names must be unique')]);
  });

  it('rejects a duty listed twice', () => {
    const [problem] = problemsIn(
      valid.replace('{ outcome: out-of-scope }', '{ outcome: out-of-scope, duties: [a, a] }'),
    );
    expect(problem).toContain('cases[0].expect.duties: duty ids are listed twice');
  });
});
