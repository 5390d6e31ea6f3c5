import { basename } from 'node:path';
import { comparePolicies, comparisonTable, comparisonTableCsv } from '@fairpost/core';
import { renderComparisonMarkdown, renderPolicyComparisonMarkdown } from '@fairpost/render';
import { CliError, EXIT } from '../cli-error.js';
import { type Command, JSON_OPTION, oneOf } from '../command.js';
import { paletteFor } from '../colour.js';
import { looksLikeCaseTable } from '../document-kind.js';
import { compiledOrExit, loadPolicy } from '../load-policy.js';
import { loadWeights, WEIGHTS_HELP, WEIGHTS_OPTION } from '../load-weights.js';

const FORMATS = ['markdown', 'json', 'csv'] as const;

/** `fairpost compare <a> <b> [more…]`: policies side by side in the standard form, and what differs between two. */
export const compareCommand: Command = {
  name: 'compare',
  summary:
    'Compare policies in one standard table; for two, also every situation where their answers differ.',
  usage:
    'fairpost compare <a> <b> [more…] [--format markdown|json|csv] [--details] [--weights default|uniform|file]',
  optionHelp: [
    '--format <format>     markdown (default), json or csv (the table only)',
    '--details             for two policies, after the case on one screen: every region where they differ, with',
    '                      both reasons, every change in support and commitments, and the standard table',
    '--json                the same as --format json: { weights, table } and, for two policies, { comparison }',
    ...WEIGHTS_HELP,
  ],
  notes: [
    'Case tables among the files (a policy glob matches *.cases.yaml too) are skipped with a note on stderr;',
    '`-` reads one policy from standard input.',
  ],
  examples: [
    'fairpost compare current.yaml proposed.yaml',
    'fairpost compare policies/*.yaml --format csv > comparison.csv',
    'fairpost compare current.yaml proposed.yaml --details',
    'fairpost compare current.yaml proposed.yaml --weights uniform',
  ],
  options: { ...JSON_OPTION, ...WEIGHTS_OPTION, format: { type: 'string' }, details: { type: 'boolean' } },
  positionals: { min: 2, max: Number.POSITIVE_INFINITY },
  inputs: { positionals: true, options: ['weights'] },
  choices: { format: FORMATS },
  async run({ positionals, values }, io) {
    const format = values.json ? 'json' : oneOf(values.format, FORMATS, '--format', 'markdown');
    const stderrPalette = paletteFor(io.stderr, io.env);
    const weights = loadWeights(values.weights, io, io.stderr);
    const options = { distribution: weights.distribution };
    const loaded = positionals.flatMap((file) => {
      const read = loadPolicy(file, io);
      if (!read.ok && looksLikeCaseTable(read.text)) {
        io.stderr.write(`fairpost compare: skipping ${read.file}: a case table, not a policy\n`);
        return [];
      }
      return [{ file, ...compiledOrExit(read, file, io.stderr, stderrPalette) }];
    });
    if (loaded.length < 2)
      throw new CliError(
        `compare needs two policies; ${loaded.length === 0 ? 'none was' : 'only one was'} given besides case tables`,
      );
    const table = comparisonTable(
      loaded.map((l) => l.compiled),
      options,
    );
    const [a, b] = loaded;
    const comparison = loaded.length === 2 ? comparePolicies(a!.compiled, b!.compiled, options) : undefined;
    if (format === 'csv') io.stdout.write(comparisonTableCsv(table));
    else if (format === 'json')
      io.stdout.write(
        `${JSON.stringify(comparison ? { weights: weights.name, comparison, table } : { weights: weights.name, table }, null, 2)}\n`,
      );
    else if (!comparison)
      io.stdout.write(
        renderComparisonMarkdown(table, { orientation: 'policies-as-columns', weights: weights.name }),
      );
    else {
      // Two policies: the case on one screen; the regions, support changes and table only when asked for.
      const details = values.details === true;
      const sides = { a: sideName(a!), b: sideName(b!), weights: weights.name, details };
      io.stdout.write(renderPolicyComparisonMarkdown(comparison, sides));
      io.stdout.write(
        details
          ? `\n${renderComparisonMarkdown(table, { orientation: 'policies-as-columns', weights: weights.name })}`
          : `${comparison.differences.length} region${comparison.differences.length === 1 ? '' : 's'} decided differently, each with both reasons, and the standard table: \`--details\`; everything exact: \`--json\`.\n`,
      );
    }
    return EXIT.ok;
  },
};

/** A policy's short name in a comparison: its file name (its title is in the table), or its title when read from stdin. */
function sideName(loaded: { file: string; policy: { title: string } }): string {
  return loaded.file === '-' ? loaded.policy.title : basename(loaded.file);
}
