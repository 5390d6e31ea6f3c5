import { CliError, EXIT, type ExitCode, usageError } from './cli-error.js';
import type { CliIo } from './cli-io.js';
import { type Command, type CommandArgs, commandHelp, parseCommandArgs } from './command.js';
import { COMMANDS } from './commands/index.js';
import { paletteFor } from './colour.js';
import { STDIN } from './read-input-file.js';

/** The top-level help: every command with its summary. */
function mainHelp(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'fairpost: social-media policies as typed, tested rules.',
    '',
    'Usage: fairpost <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run fairpost <command> --help for a command’s options and an example.',
    'Exit codes: 0 success, 1 invalid policy, error findings or unreadable input, 2 usage error.',
    '',
  ].join('\n');
}

/**
 * Runs one `fairpost` command line and returns its exit code. Errors are printed as one line on stderr, never as a
 * stack trace; the streams, folder and environment come from `io`, so the whole CLI can run in-process.
 * @example
 * process.exitCode = await runCli(process.argv.slice(2), processIo());
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    io.stdout.write(topic ? commandHelp(topic) : mainHelp(COMMANDS));
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  const red = paletteFor(io.stderr, io.env).red;
  if (!command) {
    io.stderr.write(
      `${red('fairpost:')} unknown command "${name}"; the commands are ${COMMANDS.map((c) => c.name).join(', ')}\n`,
    );
    return EXIT.usage;
  }
  try {
    const args = parseCommandArgs(command, rest);
    if (args.help) {
      io.stdout.write(commandHelp(command));
      return EXIT.ok;
    }
    return await command.run(args, await withStdin(command, args, io));
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr.write(`${red(`fairpost ${command.name}:`)} ${error.message}\n`);
      return error.exitCode;
    }
    // A bug of ours: still one line, with a pointer to where to report it.
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    io.stderr.write(`${red(`fairpost ${command.name}:`)} internal error: ${message}\n`);
    return EXIT.failure;
  }
}

/**
 * Reads standard input in full when a file argument is `-`, so that loaders can treat it as a file. It can be read
 * only once: two `-` on one command line is a usage error.
 */
async function withStdin(command: Command, args: CommandArgs, io: CliIo): Promise<CliIo> {
  if (!command.inputs) return io;
  const named = [
    ...(command.inputs.positionals ? args.positionals : []),
    ...command.inputs.options.flatMap((option) => {
      const value = args.values[option];
      return Array.isArray(value) ? value : value === undefined ? [] : [value];
    }),
  ].filter((value) => value === STDIN);
  if (named.length === 0) return io;
  if (named.length > 1)
    throw usageError(`standard input can be read only once, but "-" is given ${named.length} times`);
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return { ...io, stdinText: Buffer.concat(chunks).toString('utf8') };
}

/** The CLI's version, from its package.json at build time (tsup defines it); "dev" when run from source. */
declare const __FAIRPOST_VERSION__: string | undefined;
const VERSION = typeof __FAIRPOST_VERSION__ === 'string' ? __FAIRPOST_VERSION__ : 'dev';
