/** The exit codes of every command. */
export const EXIT = {
  /** The command did what was asked and found nothing wrong. */
  ok: 0,
  /** An invalid policy, findings at error level, or an input that could not be read. */
  failure: 1,
  /** The command line itself is wrong: an unknown flag, a missing argument, a value a flag cannot take. */
  usage: 2,
} as const;

/** An exit code. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * A problem to report in one line and exit with, instead of a stack trace. Thrown inside a command, caught once in
 * `runCli`: commands are deep and this keeps every early exit to one line.
 */
export class CliError extends Error {
  override readonly name = 'CliError';
  readonly exitCode: ExitCode;
  constructor(message: string, exitCode: ExitCode = EXIT.failure) {
    super(message);
    this.exitCode = exitCode;
  }
}

/** A usage error (exit 2): the command line is wrong. */
export function usageError(message: string): CliError {
  return new CliError(message, EXIT.usage);
}
