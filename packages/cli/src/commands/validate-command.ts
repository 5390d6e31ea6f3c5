import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Issue } from '@fairpost/core';
import { EXIT } from '../cli-error.js';
import { type Command, JSON_OPTION } from '../command.js';
import { paletteFor } from '../colour.js';
import { checkPolicyText, formatIssues } from '../load-policy.js';
import { describeFsError } from '../read-input-file.js';

interface FileReport {
  readonly file: string;
  readonly ok: boolean;
  readonly policyId?: string;
  readonly issues: readonly Issue[];
}

/** `fairpost validate <files…>`: checks policy files and prints every issue with its line, column and code frame. */
export const validateCommand: Command = {
  name: 'validate',
  summary: 'Check policy files (YAML or JSON) against the Fairpost format and vocabulary.',
  usage: 'fairpost validate <files…> [--json]',
  optionHelp: ['--json                print a JSON report: [{ file, ok, policyId, issues }]'],
  examples: ['fairpost validate policy.yaml', 'fairpost validate policies/*.yaml --json'],
  options: JSON_OPTION,
  positionals: { min: 1, max: Number.POSITIVE_INFINITY },
  async run({ positionals, values }, io) {
    const palette = paletteFor(io.stdout, io.env);
    const reports: FileReport[] = [];
    for (const file of positionals) {
      let text: Uint8Array;
      try {
        text = readFileSync(resolve(io.cwd, file));
      } catch (error) {
        // One unreadable file should not hide what the others say.
        const message = `cannot read ${file}: ${describeFsError(error)}`;
        reports.push({ file, ok: false, issues: [{ path: [], code: 'unreadable-input', message }] });
        if (!values.json) io.stdout.write(`${palette.bold(`${file}:`)} ${palette.red(message)}\n`);
        continue;
      }
      const loaded = checkPolicyText(file, text);
      if (loaded.ok) {
        reports.push({ file, ok: true, policyId: loaded.policy.id, issues: [] });
        if (!values.json) {
          const p = loaded.policy;
          io.stdout.write(
            `${palette.bold(`${file}:`)} ${palette.green('valid')} (${p.id}: ${p.rules.length} rules, ${p.duties?.length ?? 0} duties, ${p.commitments?.length ?? 0} commitments)\n`,
          );
        }
      } else {
        reports.push({ file, ok: false, issues: loaded.issues });
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
