import { basename } from 'node:path';
import { defaultWeights, type FactDistribution, formatIssue, parseWeightsSource } from '@fairpost/core';
import { CliError } from './cli-error.js';
import type { CommandOptions } from './command.js';
import { codeFrame } from './code-frame.js';
import { displayName, type InputIo, readInputFile } from './read-input-file.js';

/** `--weights`, for every command that prints shares of the scenario space. */
export const WEIGHTS_OPTION: CommandOptions = { weights: { type: 'string' } };

/** The help line for `--weights`. */
export const WEIGHTS_HELP = [
  '--weights <w>         how likely each situation is: default (the shipped base rates, docs/weights.md),',
  '                      uniform (every value of every fact alike), or a YAML/JSON file of rates per fact',
  '                      (facts it leaves out keep their default rates)',
];

/** The weights shares are measured under, and the words printed beside every share. */
export interface ChosenWeights {
  /** The distribution to measure with; undefined for uniform weights. */
  readonly distribution: FactDistribution | undefined;
  /** "the default weights", "uniform weights" or "the weights in my-weights.yaml". */
  readonly name: string;
}

/**
 * The weights `--weights` names. A file is read and checked against the standard vocabulary; every problem is
 * printed as `file:line:column: message` with a code frame, and the command stops with exit 1.
 */
export function loadWeights(
  value: string | boolean | (string | boolean)[] | undefined,
  io: InputIo,
  stderr: { write(text: string): unknown },
): ChosenWeights {
  if (value === undefined || value === 'default')
    return { distribution: defaultWeights, name: 'the default weights' };
  if (value === 'uniform') return { distribution: undefined, name: 'uniform weights' };
  const file = String(value);
  const text = readInputFile(file, io);
  const read = parseWeightsSource(text);
  const shown = displayName(file);
  if (!read.ok) {
    for (const issue of read.issues) {
      const line = issue.line ?? 1;
      const column = issue.column ?? 1;
      stderr.write(
        `${shown}:${line}:${column}: ${formatIssue(issue)} [${issue.code}]\n${codeFrame(text, line, column)}\n`,
      );
    }
    throw new CliError(
      `${shown} is not a valid weights file (${read.issues.length} issue${read.issues.length === 1 ? '' : 's'}; see docs/weights.md)`,
    );
  }
  return {
    distribution: { ...defaultWeights, ...read.distribution },
    name: `the weights in ${basename(shown)}`,
  };
}
