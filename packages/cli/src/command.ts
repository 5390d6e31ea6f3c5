import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { CliIo } from './cli-io.js';
import { type ExitCode, usageError } from './cli-error.js';

/** The options a command accepts, in `node:util` parseArgs form. */
export type CommandOptions = NonNullable<ParseArgsConfig['options']>;

/** A command's parsed command line. */
export interface CommandArgs {
  readonly positionals: readonly string[];
  readonly values: Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;
}

/** One `fairpost` command: how it is called, its help, and what it does. */
export interface Command {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** The synopsis, e.g. `fairpost validate <files…>`. */
  readonly usage: string;
  /** Lines describing each option, as shown by `--help`. */
  readonly optionHelp: readonly string[];
  /** A paragraph `--help` prints after the options: standard input, exit codes, what the output holds. */
  readonly notes?: readonly string[];
  /** At least one example command line. */
  readonly examples: readonly string[];
  readonly options: CommandOptions;
  /** The least and most positional arguments the command takes. */
  readonly positionals: { readonly min: number; readonly max: number };
  /**
   * Which arguments name files to read, so that `-` there means standard input: the positionals, and options by
   * name. Absent for commands that read no file.
   */
  readonly inputs?: { readonly positionals: boolean; readonly options: readonly string[] };
  /** The values an option or the first positional (`''`) may take, for shell completion. */
  readonly choices?: Readonly<Record<string, readonly string[]>>;
  run(args: CommandArgs, io: CliIo): Promise<ExitCode>;
}

/** The options every command takes. */
export const COMMON_OPTIONS: CommandOptions = {
  help: { type: 'boolean', short: 'h' },
};

/** `--json`, for commands that print results. */
export const JSON_OPTION: CommandOptions = { json: { type: 'boolean' } };

/**
 * Parses a command's arguments strictly: an unknown flag, a missing value or a wrong number of arguments is a usage
 * error with one line saying what was wrong.
 */
export function parseCommandArgs(command: Command, argv: readonly string[]): CommandArgs & { help: boolean } {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { ...COMMON_OPTIONS, ...command.options },
      allowPositionals: true,
      strict: true,
      tokens: true,
    });
  } catch (error) {
    throw usageError(`${describeParseError(error)} (see fairpost ${command.name} --help)`);
  }
  rejectRepeatedOptions(command, parsed.tokens ?? []);
  const help = parsed.values.help === true;
  const n = parsed.positionals.length;
  if (!help && n < command.positionals.min)
    throw usageError(`missing argument: usage is ${command.usage} (see fairpost ${command.name} --help)`);
  if (!help && n > command.positionals.max)
    throw usageError(
      `unexpected argument "${parsed.positionals[command.positionals.max]}": usage is ${command.usage}`,
    );
  return { positionals: parsed.positionals, values: parsed.values, help };
}

/**
 * A flag that takes one value, given twice with different values, is a usage error: parseArgs would keep the last
 * silently, and the user may have meant the first.
 */
function rejectRepeatedOptions(
  command: Command,
  tokens: NonNullable<ReturnType<typeof parseArgs>['tokens']>,
): void {
  const seen = new Map<string, string | undefined>();
  for (const token of tokens) {
    if (token.kind !== 'option' || command.options[token.name]?.multiple === true) continue;
    const shown = token.rawName;
    if (seen.has(token.name) && seen.get(token.name) !== token.value) {
      throw usageError(
        `${shown} is given twice (${JSON.stringify(seen.get(token.name) ?? true)}, then ${JSON.stringify(token.value ?? true)}); give it once (see fairpost ${command.name} --help)`,
      );
    }
    seen.set(token.name, token.value);
  }
}

/** parseArgs' messages run to several sentences; the first says what was wrong. */
function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /^Unknown option '([^']+)'/.exec(message);
  if (unknown) return `unknown option ${unknown[1]}`;
  const first = message.split(/\.\s/)[0] ?? message;
  return first
    .replace(/\.$/, '')
    .replace(/^Option '(\S+)[^']*' argument missing$/, 'option $1 needs a value');
}

/** The value of a string option that may only take listed values; a usage error otherwise. */
export function oneOf<T extends string>(value: unknown, allowed: readonly T[], flag: string, fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw usageError(`${flag} must be one of ${allowed.join(', ')}; found ${JSON.stringify(value)}`);
}

/** A command's `--help` text. */
export function commandHelp(command: Command): string {
  return [
    `${command.summary}`,
    '',
    `Usage: ${command.usage}`,
    '',
    'Options:',
    ...command.optionHelp.map((line) => `  ${line}`),
    '  -h, --help            show this help',
    '',
    ...(command.notes ? [...command.notes, ''] : []),
    command.examples.length > 1 ? 'Examples:' : 'Example:',
    ...command.examples.map((line) => `  ${line}`),
    '',
  ].join('\n');
}
