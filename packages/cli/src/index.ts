export { CliError, EXIT, type ExitCode } from './cli-error.js';
export { type CliIo, processIo } from './cli-io.js';
export type { Command, CommandArgs } from './command.js';
export { COMMANDS } from './commands/index.js';
export { runCli } from './run-cli.js';
