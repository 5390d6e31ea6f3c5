import { basename } from 'node:path';
import {
  type CompiledPolicy,
  decisionMatrix,
  decisionMatrixCsv,
  knownTo,
  parseScenario,
  type Scenario,
  sampleScenarios,
} from '@fairpost/core';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { CliError, EXIT, usageError } from '../cli-error.js';
import { type Command, JSON_OPTION, oneOf } from '../command.js';
import { paletteFor } from '../colour.js';
import { looksLikeCaseTable } from '../document-kind.js';
import { compiledOrExit, loadPolicy } from '../load-policy.js';
import { loadWeights, WEIGHTS_HELP, WEIGHTS_OPTION } from '../load-weights.js';
import { displayName, type InputIo, readInputFile } from '../read-input-file.js';

const FORMATS = ['csv', 'json'] as const;

/** The most scenarios `--sample` draws: enough for any table, few enough to finish in seconds. */
export const MAX_SAMPLE = 1_000_000;

/**
 * `fairpost matrix <policies…> --sample N | --scenarios file`: a scenario × policy decision matrix, each cell what
 * `evaluate` decides.
 */
export const matrixCommand: Command = {
  name: 'matrix',
  summary: 'A scenario × policy decision matrix: sampled or listed scenarios, one outcome column per policy.',
  usage:
    'fairpost matrix <policies…> (--sample N [--seed S] [--weights default|uniform|file] | --scenarios file) [--format csv|json]',
  optionHelp: [
    `--sample <n>          draw n complete scenarios (1 to ${MAX_SAMPLE}) over the facts the policies test, each fact`,
    '                      independently under the weights; the same seed gives the same scenarios',
    '--seed <s>            the seed of the draw, a whole number (default 1)',
    ...WEIGHTS_HELP,
    '--scenarios <file>    a YAML or JSON list of scenarios (maps of fact: value) instead of a sample',
    '--format <format>     csv (default: the facts as columns, then one outcome column per policy; a set fact',
    '                      as its members joined by ";"; empty for a fact left out) or json',
    '--json                the same as --format json',
  ],
  notes: ['Columns are named by policy id (by file name when two policies share an id).'],
  examples: [
    'fairpost matrix current.yaml proposed.yaml --sample 100 --seed 7 > matrix.csv',
    'fairpost matrix policies/*.yaml --scenarios scenarios.yaml --json',
  ],
  options: {
    ...JSON_OPTION,
    ...WEIGHTS_OPTION,
    format: { type: 'string' },
    sample: { type: 'string' },
    seed: { type: 'string' },
    scenarios: { type: 'string' },
  },
  positionals: { min: 1, max: Number.POSITIVE_INFINITY },
  inputs: { positionals: true, options: ['weights', 'scenarios'] },
  choices: { format: FORMATS },
  async run({ positionals, values }, io) {
    const format = values.json ? 'json' : oneOf(values.format, FORMATS, '--format', 'csv');
    if ((values.sample === undefined) === (values.scenarios === undefined))
      throw usageError('matrix needs either --sample N or --scenarios file (see fairpost matrix --help)');
    if (values.scenarios !== undefined && (values.seed !== undefined || values.weights !== undefined))
      throw usageError('--seed and --weights apply to --sample only; --scenarios lists the scenarios itself');
    const palette = paletteFor(io.stderr, io.env);
    const loaded = positionals.flatMap((file) => {
      const read = loadPolicy(file, io);
      if (!read.ok && looksLikeCaseTable(read.text)) {
        io.stderr.write(`fairpost matrix: skipping ${read.file}: a case table, not a policy\n`);
        return [];
      }
      return [{ file, compiled: compiledOrExit(read, file, io.stderr, palette).compiled }];
    });
    if (loaded.length === 0) throw new CliError('matrix needs a policy; only case tables were given');
    const compiled = loaded.map((l) => l.compiled);
    const scenarios =
      values.sample !== undefined
        ? sampleScenarios(compiled, {
            count: wholeNumber(values.sample, '--sample', 1, MAX_SAMPLE),
            seed: values.seed === undefined ? 1 : wholeNumber(values.seed, '--seed', 0, 2 ** 32 - 1),
            distribution: loadWeights(values.weights, io, io.stderr).distribution,
          })
        : loadScenarioList(String(values.scenarios), io, compiled);
    const matrix = decisionMatrix(compiled, scenarios);
    const named = { ...matrix, policies: columnNames(loaded) };
    io.stdout.write(format === 'csv' ? decisionMatrixCsv(named) : `${JSON.stringify(named, null, 2)}\n`);
    return EXIT.ok;
  },
};

function wholeNumber(value: unknown, flag: string, min: number, max: number): number {
  const text = String(value).trim();
  const n = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw usageError(`${flag} expects a whole number from ${min} to ${max}; found "${String(value)}"`);
  return n;
}

/** Policy ids, or file names where two policies share an id, so that no two outcome columns have one name. */
function columnNames(loaded: readonly { file: string; compiled: CompiledPolicy }[]): string[] {
  const ids = loaded.map((l) => l.compiled.policy.id);
  return loaded.map((l, i) =>
    ids.indexOf(ids[i]!) === ids.lastIndexOf(ids[i]!) ? ids[i]! : basename(displayName(l.file)),
  );
}

/**
 * Reads a YAML or JSON list of scenarios. Each must fit every policy's vocabulary (a custom fact only the policies
 * that declare it); every problem is reported as `file:line:column: message`, and the command exits 2.
 */
function loadScenarioList(file: string, io: InputIo, compiled: readonly CompiledPolicy[]): Scenario[] {
  const name = displayName(file);
  const text = readInputFile(file, io);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const at = (offset: number | undefined) => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    return `${name}:${line}:${col}`;
  };
  if (doc.errors.length > 0)
    throw new CliError(doc.errors.map((e) => `${at(e.pos[0])}: ${e.message.split('\n')[0]}`).join('\n'));
  if (!isSeq(doc.contents))
    throw new CliError(
      `${at(doc.contents?.range?.[0])}: expected a list of scenarios (maps of fact: value), found ${doc.contents === null ? 'nothing' : 'something else'}`,
      EXIT.usage,
    );
  const problems: string[] = [];
  const scenarios: Scenario[] = [];
  doc.contents.items.forEach((item, index) => {
    const where = at((item as { range?: readonly number[] | null } | null)?.range?.[0]);
    if (!isMap(item)) {
      problems.push(`${where}: scenario ${index + 1}: expected a map of fact: value`);
      return;
    }
    const raw = item.toJS(doc) as Record<string, unknown>;
    for (const fact of Object.keys(raw))
      if (!compiled.some((c) => c.vocabulary.facts.has(fact)))
        problems.push(`${where}: scenario ${index + 1}: unknown fact "${fact}"`);
    let checked: Scenario = raw as Scenario;
    for (const c of compiled) {
      const result = parseScenario(knownTo(c, raw as Scenario), c);
      if (!result.ok)
        for (const issue of result.issues)
          problems.push(`${where}: scenario ${index + 1}: ${String(issue.path[0] ?? '')}: ${issue.message}`);
      else checked = { ...checked, ...result.scenario };
    }
    scenarios.push(checked);
  });
  if (problems.length > 0) throw new CliError([...new Set(problems)].join('\n'), EXIT.usage);
  return scenarios;
}
