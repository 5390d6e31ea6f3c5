import { basename } from 'node:path';
import { researchExport, researchExportCsv } from '@fairpost/core';
import { CliError, EXIT } from '../cli-error.js';
import { type Command, JSON_OPTION, oneOf } from '../command.js';
import { paletteFor } from '../colour.js';
import { looksLikeCaseTable } from '../document-kind.js';
import { compiledOrExit, loadPolicy } from '../load-policy.js';
import { loadWeights, WEIGHTS_HELP, WEIGHTS_OPTION } from '../load-weights.js';
import { displayName } from '../read-input-file.js';

const FORMATS = ['csv', 'json'] as const;

/** `fairpost export <policies…>`: the long-format research export of policies' metrics, as CSV or JSON. */
export const exportCommand: Command = {
  name: 'export',
  summary:
    'Metrics of policies in long format (policy, theme, element, metric, value, unit, weights) for R or pandas.',
  usage: 'fairpost export <policies…> [--format csv|json] [--weights default|uniform|file]',
  optionHelp: [
    '--format <format>     csv (default; RFC 4180, header row, numbers unquoted, empty when undefined) or json',
    '                      (an array of records with typed values)',
    '--json                the same as --format json',
    ...WEIGHTS_HELP,
  ],
  notes: [
    'One row per policy × metric: outcome shares, private-life reach and counts for the whole policy; per theme',
    'its share, the share governed and forbidden, support measures and commitments; per CTG element the rules,',
    'duties and commitments coded to it (docs/codebook.md). Case tables among the files are skipped with a note.',
  ],
  examples: [
    'fairpost export policies/*.yaml > metrics.csv',
    'fairpost export current.yaml proposed.yaml --format json --weights uniform',
  ],
  options: { ...JSON_OPTION, ...WEIGHTS_OPTION, format: { type: 'string' } },
  positionals: { min: 1, max: Number.POSITIVE_INFINITY },
  inputs: { positionals: true, options: ['weights'] },
  choices: { format: FORMATS },
  async run({ positionals, values }, io) {
    const format = values.json ? 'json' : oneOf(values.format, FORMATS, '--format', 'csv');
    const palette = paletteFor(io.stderr, io.env);
    const weights = loadWeights(values.weights, io, io.stderr);
    const loaded = positionals.flatMap((file) => {
      const read = loadPolicy(file, io);
      if (!read.ok && looksLikeCaseTable(read.text)) {
        io.stderr.write(`fairpost export: skipping ${read.file}: a case table, not a policy\n`);
        return [];
      }
      return [compiledOrExit(read, file, io.stderr, palette).compiled];
    });
    if (loaded.length === 0) throw new CliError('export needs a policy; only case tables were given');
    const records = researchExport(loaded, {
      distribution: weights.distribution,
      weightsName: weightsColumn(values.weights),
    });
    io.stdout.write(format === 'csv' ? researchExportCsv(records) : `${JSON.stringify(records, null, 2)}\n`);
    return EXIT.ok;
  },
};

/** What the `weights` column says: `default`, `uniform`, or the weights file's name. */
export function weightsColumn(value: string | boolean | (string | boolean)[] | undefined): string {
  if (value === undefined || value === 'default') return 'default';
  if (value === 'uniform') return 'uniform';
  return basename(displayName(String(value)));
}
