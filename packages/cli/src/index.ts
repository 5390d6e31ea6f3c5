/**
 * The `fairpost` command line as a library: run it with your own input and output (`runCli`), or read its
 * commands (`COMMANDS`), for tools that embed or wrap it.
 * @example
 * import { processIo, runCli } from '@fairpost/cli';
 * @packageDocumentation
 * @module @fairpost/cli
 */
export { CliError, EXIT, type ExitCode } from './cli-error.js';
export { type CliIo, processIo } from './cli-io.js';
export type { Command, CommandArgs } from './command.js';
export { COMMANDS } from './commands/index.js';
export { runCli } from './run-cli.js';
