import { basename } from 'node:path';
import { diffPolicies } from '@fairpost/core';
import { renderPolicyDiffHtml, renderPolicyDiffMarkdown } from '@fairpost/render';
import { CliError, EXIT, type ExitCode } from '../cli-error.js';
import { type Command, JSON_OPTION, oneOf } from '../command.js';
import { paletteFor } from '../colour.js';
import { loadCompiledPolicy } from '../load-policy.js';
import { loadWeights, WEIGHTS_HELP, WEIGHTS_OPTION } from '../load-weights.js';

const FORMATS = ['markdown', 'html', 'json'] as const;

/**
 * `fairpost diff <v1> <v2>`: what changes for staff from one version of a policy to the next. Exits like `diff`:
 * 0 when nothing changes in meaning, 1 when something does, 2 on errors.
 */
export const diffCommand: Command = {
  name: 'diff',
  summary:
    'What changes for staff between two versions of a policy: decisions by theme, support, commitments, wording.',
  usage: 'fairpost diff <v1> <v2> [--format markdown|html|json] [--weights default|uniform|file]',
  optionHelp: [
    '--format <format>     markdown (default), html (a page to circulate) or json (every region exact)',
    '--json                the same as --format json',
    ...WEIGHTS_HELP,
  ],
  notes: [
    'Exit status, as diff: 0 when nothing changes in meaning (wording may), 1 when a decision, support, a',
    'commitment or what an answer of "not sure" means changes, 2 on errors.',
  ],
  examples: [
    'fairpost diff current.yaml proposed.yaml',
    'fairpost diff current.yaml proposed.yaml --format html > changes.html',
    'fairpost diff current.yaml proposed.yaml --weights uniform',
  ],
  options: { ...JSON_OPTION, ...WEIGHTS_OPTION, format: { type: 'string' } },
  positionals: { min: 2, max: 2 },
  inputs: { positionals: true, options: ['weights'] },
  choices: { format: FORMATS },
  async run({ positionals, values }, io) {
    const format = values.json ? 'json' : oneOf(values.format, FORMATS, '--format', 'markdown');
    const palette = paletteFor(io.stderr, io.env);
    // Errors exit 2, as diff's do: 1 means "they differ", so a broken input must not read as a difference.
    const orUsage = <T>(read: () => T): T => {
      try {
        return read();
      } catch (error) {
        if (error instanceof CliError) throw new CliError(error.message, EXIT.usage);
        throw error;
      }
    };
    const load = (file: string) => orUsage(() => loadCompiledPolicy(file, io, io.stderr, palette));
    const weights = orUsage(() => loadWeights(values.weights, io, io.stderr));
    const [fileA, fileB] = positionals as [string, string];
    const a = load(fileA);
    const b = load(fileB);
    // Uniform weights are the empty distribution for diffPolicies (undefined means its default weights).
    const diff = diffPolicies(a.compiled, b.compiled, { distribution: weights.distribution ?? {} });
    // Two versions of one policy share a title: then the versions and files tell them apart.
    const name = (p: typeof a.policy, file: string) =>
      a.policy.title === b.policy.title
        ? `${p.version} (${basename(file)})`
        : `${p.title} (${basename(file)})`;
    const sides = { a: name(a.policy, fileA), b: name(b.policy, fileB), weights: weights.name };
    switch (format) {
      case 'json':
        io.stdout.write(`${JSON.stringify(diff, null, 2)}\n`);
        break;
      case 'html':
        io.stdout.write(renderPolicyDiffHtml(diff, sides));
        break;
      case 'markdown':
        io.stdout.write(renderPolicyDiffMarkdown(diff, sides));
        break;
      default:
        return format satisfies never;
    }
    const status: ExitCode = diff.meaningChanged ? EXIT.failure : EXIT.ok;
    return status;
  },
};
