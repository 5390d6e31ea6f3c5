import type { Issue } from '@fairpost/core';
import { EXIT } from '../cli-error.js';
import { type Command, JSON_OPTION } from '../command.js';
import { paletteFor } from '../colour.js';
import { checkPolicyText, formatIssues } from '../load-policy.js';
import { looksLikeCaseTable } from '../document-kind.js';
import { runCaseTableFile } from '../load-case-table-file.js';
import { displayName, readInputBytes } from '../read-input-file.js';

interface FileReport {
  readonly file: string;
  readonly ok: boolean;
  /** What the file was checked as: a policy, or a case table (recognised by its `policy` and `cases` keys). */
  readonly kind: 'policy' | 'case-table';
  readonly policyId?: string;
  readonly issues: readonly ReportIssue[];
}

/** A policy's issue, or a case table's problem in the same shape. */
type ReportIssue =
  | Issue
  | { path: []; code: 'invalid-case-table'; message: string; line: number; column: number };

/** `fairpost validate <files…>`: checks policy files and prints every issue with its line, column and code frame. */
export const validateCommand: Command = {
  name: 'validate',
  summary:
    'Check policy files (YAML or JSON) against the Fairpost format and vocabulary; case tables as case tables.',
  usage: 'fairpost validate <files…> [--json]',
  optionHelp: ['--json                print a JSON report: [{ file, ok, kind, policyId, issues }]'],
  notes: [
    'A file with `policy` and `cases` keys is checked as a case table: its fields, the policy it names, and',
    'that every scenario fits that policy. `-` reads one file from standard input.',
  ],
  examples: [
    'fairpost validate policy.yaml',
    'fairpost validate policies/*.yaml --json',
    'cat policy.yaml | fairpost validate -',
  ],
  options: JSON_OPTION,
  positionals: { min: 1, max: Number.POSITIVE_INFINITY },
  inputs: { positionals: true, options: [] },
  async run({ positionals, values }, io) {
    const palette = paletteFor(io.stdout, io.env);
    const reports: FileReport[] = [];
    for (const file of positionals) {
      let text: Uint8Array;
      try {
        text = readInputBytes(file, io);
      } catch (error) {
        // One unreadable file should not hide what the others say.
        const message = error instanceof Error ? error.message : String(error);
        reports.push({
          file,
          ok: false,
          kind: 'policy',
          issues: [{ path: [], code: 'unreadable-input', message }],
        });
        if (!values.json) io.stdout.write(`${palette.bold(`${file}:`)} ${palette.red(message)}\n`);
        continue;
      }
      const name = displayName(file);
      const loaded = checkPolicyText(name, text);
      if (!loaded.ok && looksLikeCaseTable(loaded.text)) {
        const report = validateCaseTable(file, io, palette);
        reports.push(report.report);
        if (!values.json) io.stdout.write(report.text);
        continue;
      }
      if (loaded.ok) {
        reports.push({ file, ok: true, kind: 'policy', policyId: loaded.policy.id, issues: [] });
        if (!values.json) {
          const p = loaded.policy;
          io.stdout.write(
            `${palette.bold(`${name}:`)} ${palette.green('valid')} (${p.id}: ${p.rules.length} rules, ${p.duties?.length ?? 0} duties, ${p.commitments?.length ?? 0} commitments)\n`,
          );
        }
      } else {
        reports.push({ file, ok: false, kind: 'policy', issues: loaded.issues });
        if (!values.json) io.stdout.write(formatIssues(loaded, palette));
      }
    }
    if (values.json) io.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
    else if (positionals.length > 1) {
      const bad = reports.filter((r) => !r.ok).length;
      io.stdout.write(
        `\n${bad === 0 ? palette.green('all valid') : palette.red(`${bad} of ${reports.length} files invalid`)}\n`,
      );
    }
    return reports.every((r) => r.ok) ? EXIT.ok : EXIT.failure;
  },
};

/**
 * Checks a case table as `validate` checks a policy: its fields, the policy it names, and that every scenario fits
 * that policy's vocabulary. Whether the decisions are the expected ones is `fairpost test`'s job.
 */
function validateCaseTable(
  file: string,
  io: Parameters<typeof runCaseTableFile>[1],
  palette: ReturnType<typeof paletteFor>,
): { report: FileReport; text: string } {
  const run = runCaseTableFile(file, io, palette);
  if (!run.ok) {
    const issues = run.problems.map((p) => ({
      path: [] as [],
      code: 'invalid-case-table' as const,
      message: p.file === run.file ? p.message : `${p.file}:${p.line}:${p.column}: ${p.message}`,
      line: p.line,
      column: p.column,
    }));
    return { report: { file, ok: false, kind: 'case-table', issues }, text: run.report };
  }
  const invalid = run.results.filter((r) => r.status === 'invalid');
  if (invalid.length > 0) {
    const issues = invalid.flatMap((r) =>
      r.problems.map((p) => ({
        path: [] as [],
        code: 'invalid-case-table' as const,
        message: `cases[${r.index}] "${r.name}": ${p.message}`,
        line: p.line,
        column: p.column,
      })),
    );
    const text = issues
      .map((i) => `${palette.bold(`${run.file}:${i.line}:${i.column}:`)} ${palette.red(i.message)}\n`)
      .join('');
    return { report: { file, ok: false, kind: 'case-table', issues }, text };
  }
  return {
    report: { file, ok: true, kind: 'case-table', policyId: run.policy.id, issues: [] },
    text: `${palette.bold(`${run.file}:`)} ${palette.green('valid case table')} (${run.table.cases.length} cases for ${run.policyFile}; run fairpost test ${file} to check the decisions)\n`,
  };
}
