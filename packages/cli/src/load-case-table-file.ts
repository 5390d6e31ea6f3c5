import { dirname, join } from 'node:path';
import {
  type CaseResult,
  type CaseTable,
  formatCaseTableIssue,
  loadCaseTable,
  type Locate,
  type Policy,
  runCaseTable,
  compilePolicy,
} from '@fairpost/core';
import { codeFrame } from './code-frame.js';
import type { Palette } from './colour.js';
import { formatIssues, loadPolicy } from './load-policy.js';
import { displayName, type InputIo, readInputFile, STDIN } from './read-input-file.js';

/** A problem in a case table or the policy it names, located in the file it is in. */
export interface TableProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** A case table read, with its policy loaded and its cases run; or every problem that stopped it. */
export type CaseTableRun =
  | {
      readonly ok: true;
      readonly file: string;
      readonly policyFile: string;
      readonly table: CaseTable;
      readonly locate: Locate;
      readonly policy: Policy;
      readonly results: readonly CaseResult[];
    }
  | { readonly ok: false; readonly file: string; readonly report: string; readonly problems: TableProblem[] };

/**
 * Reads a case table (`-` for standard input), loads the policy it names (beside the table; beside the working
 * folder for standard input) and runs its cases with core's `runCaseTable`. A table or policy that does not load
 * comes back with its problems, each `file:line:column`, and a report with code frames for people.
 */
export function runCaseTableFile(file: string, io: InputIo, palette: Palette): CaseTableRun {
  const name = displayName(file);
  const text = readInputFile(file, io);
  const loaded = loadCaseTable(text);
  if (!loaded.ok) {
    const problems = loaded.issues.map((issue) => ({
      file: name,
      line: issue.line,
      column: issue.column,
      message: formatCaseTableIssue(issue),
    }));
    const report = problems
      .map(
        (p) =>
          `${palette.bold(`${name}:${p.line}:${p.column}:`)} ${palette.red(p.message)}\n${palette.dim(codeFrame(text, p.line, p.column))}\n`,
      )
      .join('\n');
    return { ok: false, file: name, report, problems };
  }
  const { table, locate } = loaded;
  const policyFile = file === STDIN ? table.policy : join(dirname(file), table.policy);
  const policyAt = locate(['policy']);
  let policyText: ReturnType<typeof loadPolicy>;
  try {
    policyText = loadPolicy(policyFile, io);
  } catch (error) {
    const message = `policy: ${error instanceof Error ? error.message : String(error)}`;
    return {
      ok: false,
      file: name,
      report: `${palette.bold(`${name}:${policyAt.line}:${policyAt.column}:`)} ${palette.red(message)}\n`,
      problems: [{ file: name, ...policyAt, message }],
    };
  }
  if (!policyText.ok) {
    return {
      ok: false,
      file: name,
      report: formatIssues(policyText, palette),
      problems: policyText.issues.map((issue) => ({
        file: policyFile,
        line: issue.line ?? 1,
        column: issue.column ?? 1,
        message: issue.message,
      })),
    };
  }
  const policy = policyText.policy;
  const results = runCaseTable(table, policy, compilePolicy(policy), locate);
  return { ok: true, file: name, policyFile, table, locate, policy, results };
}
